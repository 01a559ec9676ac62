"""Gives a Word document a page header, through LibreOffice, and stores it
as LibreOffice writes Word documents:

    /usr/bin/python3 add-header.py IN.docx OUT.docx "HEADER TEXT"

It needs LibreOffice and its Python bridge (Debian: libreoffice-writer-nogui
and python3-uno).
"""
import os, shutil, subprocess, sys, tempfile, time
import uno
from com.sun.star.beans import PropertyValue
def pv(n, v):
    p = PropertyValue(); p.Name = n; p.Value = v; return p
def url(p):
    return uno.systemPathToFileUrl(os.path.abspath(p))
profile = tempfile.mkdtemp()
pipe = "addheader_%d" % os.getpid()
proc = subprocess.Popen(["soffice", "--headless", "--invisible", "--norestore", "-env:UserInstallation=" + url(profile),
    "--accept=pipe,name=%s;urp;" % pipe])
local = uno.getComponentContext()
resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
for i in range(120):
    try:
        ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe); break
    except Exception:
        time.sleep(0.5)
desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
doc = desktop.loadComponentFromURL(url(sys.argv[1]), "_blank", 0, (pv("Hidden", True),))
style = doc.getStyleFamilies().getByName("PageStyles").getByName("Standard")
style.HeaderIsOn = True
style.HeaderText.setString(sys.argv[3])
doc.storeToURL(url(sys.argv[2]), (pv("FilterName", "MS Word 2007 XML"),))
doc.close(True)
try:
    desktop.terminate()
except Exception:
    pass
proc.wait(timeout=30)
shutil.rmtree(profile, ignore_errors=True)
