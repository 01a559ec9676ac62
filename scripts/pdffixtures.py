#!/usr/bin/env python3
"""Makes the PDF drafts of testdata/pdf from the shipped Markdown drafts.

Usage: scripts/pdffixtures.py OUT_DIR [--all]

Writes to OUT_DIR, from testdata/drafts/{zero-draft,final}.md:

  NAME-lo.pdf      LibreOffice, one column, running head, page numbers at the
                   foot, justified and hyphenated (hyphen-en-us)
  NAME-lo2.pdf     the same in two columns
  NAME-chrome.pdf  Chromium's print, one column, its own head (date, title)
                   and foot (file address, "1/6")
  NAME-chrome2.pdf Chromium, two columns (CSS column-count), hyphenated
  NAME.odt         the ODT the LibreOffice PDFs were printed from

and, with --all (for the engine comparison, scripts/pdfbench), notes-lo.pdf
(footnotes, ligatures) and ar/zh/ru-lo.pdf (the old drafts of
testdata/languages, repeated to run over pages).

With --speed OLD.md NEW.md, it prints those two drafts instead (LibreOffice,
one column) as OUT_DIR/old.pdf and OUT_DIR/new.pdf: the 1 MB pair of
scripts/speed (go run ./scripts/speed -runs 1 -sizes 1M -keep DIR) for
TestPDFSpeed (REDLINE_PDF_SPEED=OUT_DIR go test ./draft -run PDFSpeed).

Needs pandoc, soffice (LibreOffice), chromium, and for the scripts fonts
fonts-dejavu, fonts-wqy-microhei and hyphen-en-us (Debian).
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HEAD = "Open-ended Working Group on ICTs - draft report"


def reference(path, columns):
    """A pandoc reference.odt: running head, page number foot, hyphenation."""
    data = subprocess.run(["pandoc", "--print-default-data-file", "reference.odt"],
                          check=True, capture_output=True).stdout
    src = zipfile.ZipFile(__import__("io").BytesIO(data))
    with zipfile.ZipFile(path, "w") as out:
        for item in src.infolist():
            body = src.read(item.filename)
            if item.filename == "styles.xml":
                s = body.decode()
                s = s.replace('fo:hyphenate="false"', 'fo:hyphenate="true"')
                s = s.replace('style:name="Text_20_body"     style:display-name="Text body" style:family="paragraph"     style:parent-style-name="Standard" style:class="text">       <style:paragraph-properties ',
                              'style:name="Text_20_body"     style:display-name="Text body" style:family="paragraph"     style:parent-style-name="Standard" style:class="text">       <style:paragraph-properties fo:text-align="justify" ')
                s = re.sub(r'<style:header-style\s*/>',
                           '<style:header-style><style:header-footer-properties fo:min-height="0.3in" fo:margin-bottom="0.2in"/></style:header-style>', s)
                if columns > 1:
                    s = s.replace('</style:page-layout-properties>',
                                  '<style:columns fo:column-count="%d" fo:column-gap="0.3in"/></style:page-layout-properties>' % columns, 1)
                s = s.replace('<style:footer>', '<style:header><text:p text:style-name="MP1">%s</text:p></style:header><style:footer>' % HEAD, 1)
                body = s.encode()
            out.writestr(item, body)


def soffice_pdf(odt, outdir, profile):
    subprocess.run(["soffice", "-env:UserInstallation=file://" + profile, "--headless",
                    "--convert-to", "pdf", "--outdir", outdir, odt], check=True, capture_output=True)


# pandoc writes "(a)" lists as <ol type="a">, which a browser numbers "a.":
# the counter prints them as the draft writes them.
CSS = """
body { font-family: 'DejaVu Serif', serif; font-size: 11pt; text-align: justify; hyphens: auto; }
ol[type="a"] { list-style: none; counter-reset: sub; }
ol[type="a"] > li { counter-increment: sub; }
ol[type="a"] > li::before { content: "(" counter(sub, lower-alpha) ") "; }
%s
"""


def chrome_pdf(md, pdf, columns, tmp):
    css = os.path.join(tmp, "c%d.css" % columns)
    with open(css, "w") as f:
        f.write(CSS % ("body { column-count: 2; column-gap: 2em; }" if columns > 1 else ""))
    html = os.path.join(tmp, os.path.basename(pdf) + ".html")
    subprocess.run(["pandoc", "-s", "--metadata", "pagetitle=" + HEAD, "--metadata", "lang=en",
                    "-c", css, md, "-o", html], check=True)
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu",
                    "--print-to-pdf=" + pdf, "file://" + html], check=True, capture_output=True)


NOTES = """# Notes and ligatures

1. The Working Group reaffirmed the final findings of its first report,[^1] and
the official efficiency of its fifty-first meeting.

2. States affirmed the flexible and fluid application of the framework.[^2]

3. Some States reflected on the significance of confidence-building measures,
which they find fit for the purpose of the Group.

[^1]: A/76/135, paragraph 7.
[^2]: See the Chair's summary, annex I.
"""


def main():
    out = os.path.abspath(sys.argv[1])
    os.makedirs(out, exist_ok=True)
    every = "--all" in sys.argv
    with tempfile.TemporaryDirectory() as tmp:
        profile = os.path.join(tmp, "profile")
        refs = {1: os.path.join(tmp, "ref1.odt"), 2: os.path.join(tmp, "ref2.odt")}
        for n, p in refs.items():
            reference(p, n)
        if "--speed" in sys.argv:
            k = sys.argv.index("--speed")
            for name, md in (("old", sys.argv[k + 1]), ("new", sys.argv[k + 2])):
                odt = os.path.join(tmp, name + ".odt")
                subprocess.run(["pandoc", md, "--reference-doc", refs[1], "-o", odt], check=True)
                soffice_pdf(odt, out, profile)
            return
        sources = [(name, os.path.join(ROOT, "testdata", "drafts", name + ".md")) for name in ("zero-draft", "final")]
        if every:
            notes = os.path.join(tmp, "notes.md")
            with open(notes, "w") as f:
                f.write("".join(NOTES.replace("# Notes and ligatures\n", "# Notes and ligatures\n" if k == 0 else "").replace("[^1]", "[^%da]" % k).replace("[^2]", "[^%db]" % k)
                        for k in range(12)))
            sources.append(("notes", notes))
            for lang in ("ar", "zh", "ru"):
                txt = open(os.path.join(ROOT, "testdata", "languages", lang + ".txtar"), encoding="utf-8").read()
                old = txt.split("-- old.md --\n", 1)[1].split("\n-- ", 1)[0]
                title, _, body = old.partition("\n")
                md = os.path.join(tmp, lang + ".md")
                with open(md, "w", encoding="utf-8") as f:
                    f.write(title + "\n" + "\n".join([body] * 25))
                sources.append((lang, md))
        for name, md in sources:
            for cols, suffix in ((1, "lo"), (2, "lo2")):
                odt = os.path.join(tmp, "%s-%s.odt" % (name, suffix))
                subprocess.run(["pandoc", md, "--reference-doc", refs[cols], "-o", odt], check=True)
                soffice_pdf(odt, out, profile)
                if cols == 1 and name in ("zero-draft", "final"):
                    shutil.copy(odt, os.path.join(out, name + ".odt"))
            if name in ("zero-draft", "final") or every and name == "notes":
                chrome_pdf(md, os.path.join(out, name + "-chrome.pdf"), 1, tmp)
                chrome_pdf(md, os.path.join(out, name + "-chrome2.pdf"), 2, tmp)


if __name__ == "__main__":
    main()
