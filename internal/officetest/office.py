"""The LibreOffice side of officetest: reads jobs as JSON from standard
input, starts one headless LibreOffice (a profile and a pipe of its own),
does each job and writes the results as JSON to standard output.

A job: {"in": FILE, "accept": FILE, "reject": FILE, "pdf": FILE}, each
output optional. The input is opened; its tables, footnotes, endnotes,
tracked changes and images are counted; with "accept", every tracked change
is accepted and the document stored as a Word document there; with
"reject", likewise rejected (from the input as opened); with "pdf", the
input exported as PDF, its changes shown.
"""
import json, os, shutil, subprocess, sys, tempfile, time

import uno
from com.sun.star.beans import PropertyValue


def pv(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def url(path):
    return uno.systemPathToFileUrl(os.path.abspath(path))


def main():
    jobs = json.load(sys.stdin)
    profile = tempfile.mkdtemp(prefix="officetest-")
    pipe = "officetest_%d" % os.getpid()
    proc = subprocess.Popen(["soffice", "--headless", "--invisible", "--norestore", "--nologo",
                             "--nodefault", "--nolockcheck",
                             "-env:UserInstallation=" + url(profile),
                             "--accept=pipe,name=%s;urp;" % pipe],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    results = []
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        ctx = None
        for _ in range(240):
            try:
                ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
                break
            except Exception:
                if proc.poll() is not None:
                    raise RuntimeError("soffice exited with status %d as it started" % proc.returncode)
                time.sleep(0.25)
        if ctx is None:
            raise RuntimeError("soffice did not answer within a minute")
        smgr = ctx.ServiceManager
        desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        dispatcher = smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)
        for job in jobs:
            results.append(do(job, desktop, dispatcher))
        try:
            desktop.terminate()
        except Exception:
            pass
        proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        shutil.rmtree(profile, ignore_errors=True)
    json.dump(results, sys.stdout)


def load(desktop, path):
    # RepairPackage false: a package Word would have to repair is not
    # repaired silently; it fails to load.
    return desktop.loadComponentFromURL(url(path), "_blank", 0,
                                        (pv("Hidden", True), pv("RepairPackage", False), pv("Silent", True)))


def count(doc):
    c = {"tables": doc.getTextTables().getCount(),
         "footnotes": doc.getFootnotes().getCount(),
         "endnotes": doc.getEndnotes().getCount(),
         "images": doc.getGraphicObjects().getCount(),
         "changes": 0, "authors": [], "dates": []}
    try:
        redlines = doc.getRedlines()
        e = redlines.createEnumeration()
        authors, dates = set(), set()
        while e.hasMoreElements():
            r = e.nextElement()
            c["changes"] += 1
            authors.add(r.getPropertyValue("RedlineAuthor"))
            d = r.getPropertyValue("RedlineDateTime")
            dates.add("%04d-%02d-%02dT%02d:%02d:%02d" % (d.Year, d.Month, d.Day, d.Hours, d.Minutes, d.Seconds))
        c["authors"], c["dates"] = sorted(authors), sorted(dates)
    except Exception as e:
        c["error"] = "redlines: %s" % e
    return c


def do(job, desktop, dispatcher):
    res = {"in": job["in"]}
    try:
        doc = load(desktop, job["in"])
        if doc is None:
            res["error"] = "LibreOffice could not open it"
            return res
        res.update(count(doc))
        if job.get("pdf"):
            doc.storeToURL(url(job["pdf"]), (pv("FilterName", "writer_pdf_Export"),))
        doc.close(True)
        for key, command in (("accept", ".uno:AcceptAllTrackedChanges"), ("reject", ".uno:RejectAllTrackedChanges")):
            if not job.get(key):
                continue
            doc = load(desktop, job["in"])
            frame = doc.getCurrentController().getFrame()
            dispatcher.executeDispatch(frame, command, "", 0, ())
            after = count(doc)
            res[key] = {"tables": after["tables"], "footnotes": after["footnotes"], "endnotes": after["endnotes"],
                        "images": after["images"], "changes": after["changes"]}
            doc.storeToURL(url(job[key]), (pv("FilterName", "MS Word 2007 XML"),))
            doc.close(True)
    except Exception as e:
        res["error"] = str(e)
    return res


if __name__ == "__main__":
    main()
