"""Writes a Word document of NEW with its changes from OLD tracked, by
LibreOffice's document comparison (Edit > Track Changes > Compare):

    /usr/bin/python3 compare-tracked.py OLD.odt NEW.odt OUT.docx

It needs LibreOffice and its Python bridge (Debian: libreoffice-writer-nogui
and python3-uno). rev2-tracked.docx was made so from the pandoc ODT
versions of ../drafts/rev1.md and rev2.md (see README.md).
"""
import uno, sys, time, subprocess, os
from com.sun.star.beans import PropertyValue
def pv(n, v):
    p = PropertyValue(); p.Name = n; p.Value = v; return p
proc = subprocess.Popen(["soffice", "--headless", "--invisible", "--norestore",
    '--accept=socket,host=localhost,port=2002;urp;'])
local = uno.getComponentContext()
resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
for i in range(60):
    try:
        ctx = resolver.resolve("uno:socket,host=localhost,port=2002;urp;StarOffice.ComponentContext"); break
    except Exception:
        time.sleep(0.5)
smgr = ctx.ServiceManager
desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
new = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(sys.argv[2])), "_blank", 0, (pv("Hidden", True),))
dispatcher = smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)
frame = new.getCurrentController().getFrame()
dispatcher.executeDispatch(frame, ".uno:CompareDocuments", "", 0, (pv("URL", uno.systemPathToFileUrl(os.path.abspath(sys.argv[1]))),))
new.storeToURL(uno.systemPathToFileUrl(os.path.abspath(sys.argv[3])), (pv("FilterName", "MS Word 2007 XML"),))
new.close(True)
try:
    desktop.terminate()
except Exception:
    pass
proc.wait(timeout=30)
