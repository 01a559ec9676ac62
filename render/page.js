// redline page script: views (inline, side by side), "changes only",
// keyboard navigation between changes and a minimap. The page reads in
// full without it; the Content-Security-Policy allows it by its hash.
// Input text is only ever moved or cloned as DOM nodes, never parsed as
// markup.
(function () {
  "use strict";
  var toolbar = document.getElementById("toolbar");
  var main = document.getElementById("content");
  if (!toolbar || !main) {
    return;
  }
  var body = document.body;
  var position = document.getElementById("position");
  var inlineChanges = main.querySelectorAll(":scope > [tabindex]");
  var sbs = null; // the side-by-side view, built when first shown
  var current = -1; // index of the current change

  function changes() {
    return sbs && body.classList.contains("view-sbs") ? sbs.changes : inlineChanges;
  }

  // Navigation.

  function go(i) {
    var list = changes();
    if (list.length === 0) {
      return;
    }
    current = Math.max(0, Math.min(list.length - 1, i));
    var el = list[current];
    el.scrollIntoView({ block: "center" });
    el.focus({ preventScroll: true });
    showPosition();
  }

  function showPosition() {
    var n = changes().length;
    position.textContent = current < 0 ? n + " changes" : "Change " + (current + 1) + " of " + n;
  }

  function indexOf(el) {
    var list = changes();
    for (var i = 0; i < list.length; i++) {
      if (list[i] === el) {
        return i;
      }
    }
    return -1;
  }

  function onKey(e) {
    if (e.ctrlKey || e.altKey || e.metaKey || e.defaultPrevented) {
      return;
    }
    var t = e.target;
    if (t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.isContentEditable)) {
      return;
    }
    switch (e.key) {
      case "n": case "j": go(current + 1); break;
      case "p": case "k": go(current < 0 ? 0 : current - 1); break;
      case "g": go(0); break;
      case "G": go(changes().length - 1); break;
      default: return;
    }
    e.preventDefault();
  }

  // Side by side: one row per element of the inline view, old text left,
  // new text right, cloned from the inline markup.

  function cell(side, content) {
    var c = document.createElement("div");
    c.setAttribute("role", "cell");
    c.className = "sbs-cell sbs-" + side;
    if (content) {
      c.appendChild(content);
    } else {
      c.classList.add("empty");
      var s = document.createElement("span");
      s.className = "sr-only";
      s.textContent = side === "old" ? "not in the old draft" : "not in the new draft";
      c.appendChild(s);
    }
    return c;
  }

  // side clones an inline element for one side: ids and links renamed
  // into the side-by-side view, the other side's text removed.
  function side(el, which) {
    var c = el.cloneNode(true);
    c.removeAttribute("id");
    c.removeAttribute("tabindex");
    var drop = which === "old" ? "ins, .note, .was, .pb, .pb + .label" : "del, .was";
    c.querySelectorAll(drop).forEach(function (n) { n.remove(); });
    c.querySelectorAll("[id]").forEach(function (n) { n.id = "x-" + n.id; });
    c.querySelectorAll("a[href^='#']").forEach(function (a) {
      a.setAttribute("href", "#x-" + a.getAttribute("href").slice(1));
    });
    if (which === "old" && el.hasAttribute("data-old-label")) {
      oldLabel(c, el.getAttribute("data-old-label"));
    }
    if (which === "old") {
      c.querySelectorAll("del > .pb-del").forEach(oldBreak);
    }
    return c;
  }

  // oldBreak shows, in the old column, a deleted break between the old
  // paragraphs of a merge as the break it was, with the old label that
  // follows it unstruck: the deletion is cut in two around them.
  function oldBreak(pb) {
    var del = pb.parentNode;
    var next = pb.nextSibling;
    var label = next && next.nodeType === 1 && next.classList.contains("label") ? next : null;
    var rest = del.cloneNode(false);
    var sr = del.querySelector(":scope > .sr-only");
    if (sr) {
      rest.appendChild(sr.cloneNode(true));
    }
    var more = false;
    for (var n = label ? label.nextSibling : pb.nextSibling; n; ) {
      var after = n.nextSibling;
      rest.appendChild(n);
      more = true;
      n = after;
    }
    pb.className = "pb";
    del.after(pb);
    if (label) {
      pb.after(label);
    }
    if (more) {
      (label || pb).after(rest);
    }
  }

  // oldLabel puts the old label in place of the new one.
  function oldLabel(c, label) {
    var l = c.querySelector(":scope > .label");
    if (!l && label) {
      l = document.createElement("span");
      l.className = "label";
      c.insertBefore(l, c.firstChild);
    }
    if (!l) {
      return;
    }
    if (label) {
      l.textContent = label;
    } else {
      l.remove();
    }
    // A list item without a label shows a bullet.
    if (c.classList.contains("item")) {
      c.classList.toggle("bullet", !label);
    }
  }

  function row(el) {
    var r = document.createElement("div");
    r.setAttribute("role", "row");
    r.className = "sbs-row";
    if (el.id) {
      r.id = "x-" + el.id;
    }
    if (el.hasAttribute("tabindex")) {
      r.tabIndex = -1;
    }
    var cls = el.classList;
    if (cls.contains("block") && !el.id) {
      r.classList.add("unchanged");
    }
    ["inserted", "deleted", "moved", "changed", "split", "merged", "renumbered"].forEach(function (k) {
      if (cls.contains(k)) {
        r.classList.add(k);
      }
    });
    if (cls.contains("moved-section")) {
      r.classList.add("banner-row");
      var b = cell("both", side(el, "new"));
      r.appendChild(b);
      return r;
    }
    var isMarker = cls.contains("marker");
    var old = cls.contains("inserted") ? null : side(el, "old");
    var neu = cls.contains("deleted") || isMarker ? null : side(el, "new");
    r.appendChild(cell("old", old));
    r.appendChild(cell("new", neu));
    return r;
  }

  function header(text, which) {
    var h = document.createElement("div");
    h.setAttribute("role", "columnheader");
    h.className = "sbs-cell sbs-" + which;
    h.textContent = text;
    return h;
  }

  function buildSBS() {
    var box = document.createElement("div");
    box.id = "sbs";
    box.setAttribute("role", "table");
    box.setAttribute("aria-label", "Side by side: old draft left, new draft right");
    var names = document.querySelectorAll("header .drafts .name");
    var head = document.createElement("div");
    head.setAttribute("role", "row");
    head.className = "sbs-row sbs-head";
    head.appendChild(header("Old: " + names[0].textContent, "old"));
    head.appendChild(header("New: " + names[1].textContent, "new"));
    box.appendChild(head);
    var frag = document.createDocumentFragment();
    for (var el = main.firstElementChild; el; el = el.nextElementSibling) {
      frag.appendChild(row(el));
    }
    box.appendChild(frag);
    main.appendChild(box);
    box.changes = box.querySelectorAll(":scope > [tabindex]");
    return box;
  }

  function setView(view) {
    if (view === "sbs" && !sbs) {
      sbs = buildSBS();
    }
    var el = current >= 0 ? changes()[current] : null;
    body.classList.toggle("view-sbs", view === "sbs");
    if (el) {
      go(current);
    }
    showPosition();
    drawMinimap();
  }

  // In the side-by-side view, links to the inline view's anchors go to
  // their rows; following a link to a change makes it the current one.
  function onClick(e) {
    var a = e.target.closest ? e.target.closest("a[href^='#']") : null;
    if (!a) {
      var tr = e.target.closest && e.target.closest("tr.dep");
      if (tr) {
        a = tr.querySelector("a");
        a.click();
      }
      return;
    }
    var id = a.getAttribute("href").slice(1);
    if (body.classList.contains("view-sbs") && id.indexOf("x-") !== 0 && document.getElementById("x-" + id)) {
      id = "x-" + id;
    }
    var target = document.getElementById(id);
    if (!target) {
      return;
    }
    e.preventDefault();
    var i = indexOf(target);
    if (i >= 0) {
      go(i);
      return;
    }
    target.scrollIntoView({ block: "center" });
  }

  function onFocus(e) {
    var i = indexOf(e.target);
    if (i >= 0 && i !== current) {
      current = i;
      showPosition();
    }
  }

  // Minimap: a thin bar along the page with a mark at each change
  // (deletions left half, insertions right half, moves and others full
  // width, so that colour is never the only cue); a click goes to the
  // nearest change.

  var minimap = document.createElement("div");
  minimap.className = "minimap";
  minimap.setAttribute("aria-hidden", "true");
  minimap.title = "Where the changes are: click to go there";
  var canvas = document.createElement("canvas");
  minimap.appendChild(canvas);
  var tops = [];

  function markStyle(cls, css) {
    if (cls.contains("moved")) {
      return [css.getPropertyValue("--mv"), 0, 1];
    }
    if (cls.contains("deleted")) {
      return [css.getPropertyValue("--del"), 0, 0.5];
    }
    if (cls.contains("inserted")) {
      return [css.getPropertyValue("--ins"), 0.5, 0.5];
    }
    return [css.getPropertyValue("--fg"), 0.25, 0.5];
  }

  function drawMinimap() {
    var list = changes();
    var h = minimap.clientHeight;
    var w = minimap.clientWidth;
    var ratio = window.devicePixelRatio || 1;
    canvas.width = Math.round(w * ratio);
    canvas.height = Math.round(h * ratio);
    var ctx = canvas.getContext("2d");
    ctx.scale(ratio, ratio);
    var total = document.documentElement.scrollHeight || 1;
    var css = getComputedStyle(document.documentElement);
    var base = window.scrollY;
    tops = new Array(list.length);
    for (var i = 0; i < list.length; i++) {
      var box = list[i].getBoundingClientRect();
      tops[i] = box.top + base;
      var s = markStyle(list[i].classList, css);
      ctx.fillStyle = s[0].trim() || "#000";
      var y = Math.floor(tops[i] / total * h);
      var len = Math.max(2, Math.round(box.height / total * h));
      ctx.fillRect(s[1] * w, y, s[2] * w, len);
    }
  }

  function onMinimap(e) {
    var list = changes();
    if (list.length === 0) {
      return;
    }
    var y = (e.clientY - minimap.getBoundingClientRect().top) / minimap.clientHeight;
    var want = y * document.documentElement.scrollHeight;
    var lo = 0, hi = tops.length - 1;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (tops[mid] < want) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    if (lo > 0 && want - tops[lo - 1] < tops[lo] - want) {
      lo--;
    }
    go(lo);
  }

  // Wiring.

  toolbar.hidden = false;
  body.classList.add("js");
  body.appendChild(minimap);
  document.addEventListener("keydown", onKey);
  document.addEventListener("click", onClick);
  main.addEventListener("focusin", onFocus);
  minimap.addEventListener("click", onMinimap);
  document.getElementById("next").addEventListener("click", function () { go(current + 1); });
  document.getElementById("prev").addEventListener("click", function () { go(current < 0 ? 0 : current - 1); });
  toolbar.querySelectorAll("input[name=view]").forEach(function (r) {
    r.addEventListener("change", function () { setView(r.value); });
  });
  document.getElementById("changes-only").addEventListener("change", function (e) {
    body.classList.toggle("changes-only", e.target.checked);
    drawMinimap();
  });
  var pending = 0;
  window.addEventListener("resize", function () {
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(drawMinimap);
  });
  showPosition();
  requestAnimationFrame(drawMinimap);
})();
