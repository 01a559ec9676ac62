// redline page script: views (inline, side by side, outline), "changes
// only" with its markers, filters by kind of change, keyboard navigation
// between the stops (the URL naming the current one), the departures
// table and crosswalk made from data on a big page, and a minimap. The
// page reads in full without it; the Content-Security-Policy allows it by
// its hash.
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
  // Every change of the inline view, in order: change N has id "cN" and
  // is all[N-1]. The side-by-side view's rows of changes are in the same
  // order (sbs.changes).
  var all = main.querySelectorAll(":scope > [tabindex], :scope > .part > [tabindex]");
  var sbs = null; // the side-by-side view, built when first shown
  var cur = -1; // index in all of the current change, or -1
  var stops = []; // indices in all of the changes navigation stops at
  var isStop = new Uint8Array(all.length).fill(2); // 1 a stop, 0 not, 2 not yet known
  var kindBoxes = document.querySelectorAll("input[name=kind]");
  var depRows = null; // the departures table's rows, found when first needed
  var depTable = null; // the departures table when made from data (see dataTable)

  function sbsShown() {
    return sbs !== null && body.classList.contains("view-sbs");
  }

  // view returns change i's element in the view shown.
  function view(i) {
    return sbsShown() ? sbsRow(i) : all[i];
  }

  // placed returns the element that stands for change i in the view shown
  // without making it (for the minimap): in side by side, its row or, if
  // not made yet, the placeholder of its part.
  function placed(i) {
    if (!sbsShown()) {
      return all[i];
    }
    return sbs.changes[i] || sbs.parts[sbs.partOf[i]].ph;
  }

  // Filters: a change is a stop when one of its kinds (data-k, written by
  // the page from the result) is ticked.

  function kindsOn() {
    var on = {};
    kindBoxes.forEach(function (b) {
      if (b.checked) {
        on[b.value] = true;
      }
    });
    return on;
  }

  var signalsOnly = document.getElementById("signals-only");

  function applyFilter() {
    var on = kindsOn();
    var sigOnly = signalsOnly !== null && signalsOnly.checked;
    stops = [];
    if (depRows === null) {
      depRows = depTable ? [] : document.querySelectorAll("#departures tr.dep");
    }
    for (var i = 0; i < all.length; i++) {
      var ks = all[i].getAttribute("data-k").split(" ");
      var stop = false;
      var sig = false;
      for (var k = 0; k < ks.length; k++) {
        stop = stop || on[ks[k]] === true;
        sig = sig || ks[k] === "sig";
      }
      // "Signals only" keeps the changes with a signal of strength of
      // language among them
      stop = stop && (sig || !sigOnly);
      if (stop) {
        stops.push(i);
      }
      if (isStop[i] !== (stop ? 1 : 0)) {
        all[i].classList.toggle("filtered", !stop);
        if (sbs && sbs.changes[i]) {
          sbs.changes[i].classList.toggle("filtered", !stop);
        }
        if (depRows[i]) {
          depRows[i].classList.toggle("filtered", !stop);
        }
      }
      isStop[i] = stop ? 1 : 0;
    }
    if (depTable) {
      depTable.show(stops);
    }
    var shown = document.querySelector("#departures .shown");
    if (shown) {
      shown.textContent = stops.length === all.length ? "" : "Showing " + stops.length + " of " + all.length;
    }
    if (body.classList.contains("changes-only")) {
      gaps();
    }
    showPosition();
  }

  // Tables written as data (a page of thousands of changes): their rows
  // are made as the reader opens the table and scrolls down it, a chunk at
  // a time, with text set as text.

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) {
      e.className = cls;
    }
    if (text !== undefined) {
      e.textContent = text;
    }
    return e;
  }

  function link(href, text) {
    var a = el("a", "", text);
    a.setAttribute("href", href);
    return a;
  }

  // none is the mark of an empty label cell.
  function none(td) {
    var dash = el("span", "", "–");
    dash.setAttribute("aria-hidden", "true");
    td.appendChild(dash);
    td.appendChild(el("span", "sr-only", "none"));
  }

  function depRow(i, d) {
    var tr = el("tr", "dep");
    tr.setAttribute("data-k", d[3]);
    var num = el("td");
    num.appendChild(link("#c" + (i + 1), String(i + 1)));
    var place = el("td");
    var a = link("#c" + (i + 1), d[0]);
    a.dir = "auto";
    place.appendChild(a);
    if (d[1]) {
      place.appendChild(document.createTextNode(" "));
      place.appendChild(el("span", "was", "(was " + d[1] + ")"));
    }
    var words = el("td", "words");
    words.appendChild(el("span", "w-del", "−" + d[4]));
    words.appendChild(document.createTextNode(" "));
    words.appendChild(el("span", "w-ins", "+" + d[5]));
    var text = el("td", "", d[6]);
    text.dir = "auto";
    var cells = [num, place, el("td", "", d[2]), words];
    if (d.length > 7) {
      cells.push(el("td", "signals", d[7]));
    }
    cells.push(text);
    cells.forEach(function (c) { tr.appendChild(c); });
    return tr;
  }

  function crossRow(i, d) {
    var tr = el("tr", d[0] !== d[1] ? "renumbered" : "");
    var old = el("td");
    if (d[0]) {
      old.textContent = d[0];
    } else {
      none(old);
    }
    var neu = el("td");
    var into = neu;
    if (d[2] > 0) {
      into = link("#c" + d[2]);
      neu.appendChild(into);
    }
    if (d[1]) {
      into.textContent = d[1];
    } else {
      none(into);
    }
    var text = el("td", "", d[3]);
    text.dir = "auto";
    [old, el("td"), neu, text].forEach(function (c) { tr.appendChild(c); });
    return tr;
  }

  // dataTable makes the table of details from the data in the element
  // dataId, each row by make(index, data). show(list) sets the rows shown
  // (indices into the data; all at first).
  function dataTable(details, dataId, make) {
    var src = document.getElementById(dataId);
    if (!details || !src) {
      return null;
    }
    var data = null;
    var body = details.querySelector("tbody");
    var box = details.querySelector(".scroll");
    var list = null;
    var made = 0;
    var chunk = 200;
    function more(n) {
      if (data === null) {
        data = JSON.parse(src.textContent);
      }
      var want = list === null ? data.length : list.length;
      var end = Math.min(want, made + n);
      var frag = document.createDocumentFragment();
      for (; made < end; made++) {
        var i = list === null ? made : list[made];
        frag.appendChild(make(i, data[i]));
      }
      body.appendChild(frag);
    }
    function fill() {
      if (details.open && made === 0) {
        more(chunk);
      }
    }
    details.addEventListener("toggle", fill);
    box.addEventListener("scroll", function () {
      if (box.scrollTop + box.clientHeight > box.scrollHeight - 300) {
        more(chunk);
      }
    }, { passive: true });
    // Print has every row, whatever the filters.
    var kept;
    window.addEventListener("beforeprint", function () {
      kept = list;
      list = null;
      made = 0;
      body.textContent = "";
      more(Infinity);
    });
    window.addEventListener("afterprint", function () {
      list = kept;
      made = 0;
      body.textContent = "";
      fill();
    });
    fill();
    return {
      show: function (l) {
        list = l;
        made = 0;
        body.textContent = "";
        fill();
      },
    };
  }

  // Navigation.

  // firstAfter returns the position in stops of the first stop after
  // change i (stops.length if none).
  function firstAfter(i) {
    var lo = 0, hi = stops.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (stops[mid] <= i) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  function next() {
    var k = firstAfter(cur);
    if (k < stops.length) {
      go(stops[k]);
    }
  }

  function prev() {
    var k = firstAfter(cur - 1) - 1;
    if (cur < 0) {
      k = 0;
    }
    if (k >= 0 && k < stops.length) {
      go(stops[k]);
    }
  }

  // go makes change i the current one: shown, focused, in the URL.
  function go(i) {
    if (i < 0 || i >= all.length) {
      return;
    }
    if (body.classList.contains("view-outline")) {
      // the outline leads back to the text
      toolbar.querySelector("input[name=view][value=inline]").checked = true;
      body.classList.remove("view-outline");
    }
    cur = i;
    var el = view(i);
    el.scrollIntoView({ block: "center" });
    el.focus({ preventScroll: true });
    setHash(all[i].id);
    showPosition();
    drawHere();
  }

  // setHash names the current change in the URL ("#c14"), so that a link
  // can be sent to it; in a frame of the history page (about:srcdoc) the
  // URL is the frame's own.
  function setHash(id) {
    if (location.hash === "#" + id) {
      return;
    }
    try {
      history.replaceState(null, "", location.href.replace(/#.*$/, "") + "#" + id);
    } catch (err) {
      // a document whose URL cannot change: nothing to name
    }
  }

  function showPosition() {
    var n = stops.length;
    if (cur >= 0 && isStop[cur]) {
      position.textContent = "Change " + (firstAfter(cur - 1) + 1) + " of " + n;
    } else {
      position.textContent = n + " changes";
    }
  }

  // indexOf returns the index in all of a change's element in either
  // view, or -1.
  function indexOf(el) {
    var m = el && el.id ? /^(?:x-)?c([0-9]+)$/.exec(el.id) : null;
    if (!m) {
      return -1;
    }
    var i = parseInt(m[1], 10) - 1;
    return i < all.length && (all[i] === el || sbs && sbs.changes[i] === el) ? i : -1;
  }

  // fromHash goes to the change the URL names ("#c14"), if any.
  function fromHash() {
    var id = decodeURIComponent(location.hash.slice(1));
    if (id.indexOf("x-") === 0) {
      id = id.slice(2);
    }
    var i = indexOf(document.getElementById(id));
    if (i >= 0 && i !== cur) {
      go(i);
    }
  }

  // typing reports whether keys go to a field that takes text.
  function typing(t) {
    if (!t || !t.tagName) {
      return false;
    }
    if (t.isContentEditable || t.tagName === "TEXTAREA" || t.tagName === "SELECT") {
      return true;
    }
    return t.tagName === "INPUT" && !/^(checkbox|radio|button|submit|reset)$/.test(t.type);
  }

  function onKey(e) {
    if (e.ctrlKey || e.altKey || e.metaKey || e.defaultPrevented || typing(e.target)) {
      return;
    }
    switch (e.key) {
      case "n": case "j": next(); break;
      case "p": case "k": prev(); break;
      case "g": if (stops.length) { go(stops[0]); } break;
      case "G": if (stops.length) { go(stops[stops.length - 1]); } break;
      default: return;
    }
    e.preventDefault();
  }

  // Changes only: what is not a stop is hidden but for headings, and each
  // run of hidden paragraphs leaves a marker that shows it when clicked.

  function clearGaps() {
    document.querySelectorAll(".gap").forEach(function (g) { g.remove(); });
    document.querySelectorAll(".opened").forEach(function (e) { e.classList.remove("opened"); });
  }

  function hiddenInline(el) {
    var c = el.classList;
    return c.contains("block") && !c.contains("heading") && (!el.hasAttribute("tabindex") || c.contains("filtered"));
  }

  function hiddenRow(el) {
    var c = el.classList;
    return (c.contains("unchanged") || c.contains("filtered")) && !c.contains("heading");
  }

  function plural(n, one) {
    return n + " " + one + (n === 1 ? "" : "s");
  }

  function gaps() {
    clearGaps();
    if (sbsShown()) {
      sbs.parts.forEach(makePart); // the runs to count are in every part
    }
    var box = sbsShown() ? sbs : main;
    var hidden = sbsShown() ? hiddenRow : hiddenInline;
    var run = [];
    var total = 0;
    function flush() {
      if (run.length === 0) {
        return;
      }
      var filtered = 0;
      run.forEach(function (e) {
        if (e.classList.contains("filtered")) {
          filtered++;
        }
      });
      var g = document.createElement("button");
      g.type = "button";
      g.className = "gap";
      var what = plural(run.length - filtered, "unchanged paragraph");
      if (filtered > 0) {
        what = (run.length > filtered ? what + " and " : "") + plural(filtered, "filtered change");
      }
      g.textContent = "… " + what + " …";
      g.title = "Show them";
      var els = run;
      g.addEventListener("click", function () {
        els.forEach(function (e) { e.classList.add("opened"); });
        g.remove();
        drawMinimap();
      });
      run[0].parentNode.insertBefore(g, run[0]);
      total += run.length;
      run = [];
    }
    var els = [];
    if (box === main) {
      els = items();
    } else {
      for (var el = box.firstElementChild; el; el = el.nextElementSibling) {
        if (!el.classList.contains("sbs-head")) {
          els.push(el);
        }
      }
    }
    els.forEach(function (e) {
      if (hidden(e)) {
        run.push(e);
      } else {
        flush();
      }
    });
    flush();
    var count = document.getElementById("only-count");
    if (count) {
      count.textContent = "(hides " + plural(total, "paragraph") + ")";
    }
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

  // items returns the elements of the inline view in order: main's
  // children, or on a big page the children of its parts (render's
  // partSteps), gap markers left out.
  function items() {
    var out = [];
    for (var el = main.firstElementChild; el; el = el.nextElementSibling) {
      if (el.classList.contains("part")) {
        for (var c = el.firstElementChild; c; c = c.nextElementSibling) {
          if (!c.classList.contains("gap")) {
            out.push(c);
          }
        }
      } else if (el.id !== "sbs" && !el.classList.contains("gap")) {
        out.push(el);
      }
    }
    return out;
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
    if (cls.contains("block") && !el.hasAttribute("tabindex")) {
      r.classList.add("unchanged");
    }
    ["inserted", "deleted", "moved", "changed", "split", "merged", "renumbered", "heading", "filtered"].forEach(function (k) {
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

  // The side-by-side view of a big page is made a part (partSize
  // elements of the inline view) at a time, as the reader comes near it:
  // each part stands as a placeholder of about its height until then.
  // A page of up to lazyMin elements is made whole at once.
  var partSize = 100;
  var lazyMin = 2000;

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
    var kids = items();
    box.changes = new Array(all.length);
    box.partOf = new Int32Array(all.length);
    box.parts = [];
    var frag = document.createDocumentFragment();
    for (var p = 0; p * partSize < kids.length; p++) {
      var part = { els: kids.slice(p * partSize, (p + 1) * partSize), ph: document.createElement("div"), made: false };
      part.ph.className = "sbs-part";
      part.ph.style.height = part.els.length * 7 + "em";
      part.ph.part = part;
      part.els.forEach(function (e) {
        var i = indexOf(e);
        if (i >= 0) {
          box.partOf[i] = box.parts.length;
        }
      });
      box.parts.push(part);
      frag.appendChild(part.ph);
    }
    box.appendChild(frag);
    main.appendChild(box);
    sbs = box;
    if (kids.length <= lazyMin || !window.IntersectionObserver) {
      box.parts.forEach(makePart);
    } else {
      box.seen = new IntersectionObserver(function (entries) {
        entries.forEach(function (e) {
          if (e.isIntersecting) {
            makePart(e.target.part);
          }
        });
      }, { rootMargin: "1500px 0px" });
      box.parts.forEach(function (part) { box.seen.observe(part.ph); });
    }
    return box;
  }

  // makePart puts the rows of a part of the side-by-side view in place of
  // its placeholder.
  function makePart(part) {
    if (part.made) {
      return;
    }
    part.made = true;
    var frag = document.createDocumentFragment();
    part.els.forEach(function (el) {
      var r = row(el);
      var i = indexOf(el);
      if (i >= 0) {
        sbs.changes[i] = r;
      }
      frag.appendChild(r);
    });
    if (sbs.seen) {
      sbs.seen.unobserve(part.ph);
    }
    part.ph.replaceWith(frag);
  }

  // sbsRow returns the side-by-side row of change i, its part made first
  // if need be.
  function sbsRow(i) {
    if (!sbs.changes[i]) {
      makePart(sbs.parts[sbs.partOf[i]]);
    }
    return sbs.changes[i];
  }

  // placeHead sticks the side-by-side header under the toolbar, however
  // tall the toolbar wraps. Only the header's style is set: a property of
  // the whole page would have every element's style computed again.
  function placeHead() {
    if (sbs) {
      sbs.firstElementChild.style.top = toolbar.offsetHeight + "px";
    }
  }

  function setView(v) {
    if (v === "sbs" && !sbs) {
      sbs = buildSBS();
      placeHead();
    }
    body.classList.toggle("view-sbs", v === "sbs");
    body.classList.toggle("view-outline", v === "outline");
    if (v === "outline") {
      var o = document.getElementById("outline");
      o.open = true;
      o.scrollIntoView({ block: "start" });
      o.querySelector("summary").focus({ preventScroll: true });
      return;
    }
    if (body.classList.contains("changes-only")) {
      gaps();
    }
    if (cur >= 0) {
      go(cur);
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
    if (body.classList.contains("view-outline") && a.closest("#outline")) {
      toolbar.querySelector("input[name=view][value=inline]").checked = true;
      body.classList.remove("view-outline");
    }
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
    if (target.tabIndex >= 0 || target.hasAttribute("tabindex")) {
      target.focus({ preventScroll: true });
    }
  }

  function onFocus(e) {
    var i = indexOf(e.target);
    if (i >= 0 && i !== cur) {
      cur = i;
      setHash(all[i].id);
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
  // "You are here": the part of the page the window shows.
  var here = document.createElement("div");
  here.className = "here";
  minimap.appendChild(here);
  var tops = [];

  function drawHere() {
    var total = document.documentElement.scrollHeight || 1;
    var h = minimap.clientHeight;
    here.style.top = Math.floor(window.scrollY / total * h) + "px";
    here.style.height = Math.max(4, Math.round(window.innerHeight / total * h)) + "px";
  }

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

  // inPart holds, on a big page (render's parts), each change's place in
  // its part: a fraction of the part's height.
  var inPart = null;

  // placedBox returns where el, the element of change i in the view
  // shown, stands: its box, or, for a change of the inline view inside a
  // part, an estimate from the part's box, for asking the box of an
  // element in a part skipped off screen would lay the part out, and the
  // minimap asks for every change.
  function placedBox(el, i, partBoxes) {
    var part = el.parentNode;
    if (!part.classList || !part.classList.contains("part")) {
      return el.getBoundingClientRect();
    }
    if (inPart === null) {
      inPart = new Float64Array(all.length);
      var k = 0;
      main.querySelectorAll(":scope > .part").forEach(function (p) {
        var n = p.childElementCount;
        var j = 0;
        for (var c = p.firstElementChild; c; c = c.nextElementSibling, j++) {
          if (k < all.length && all[k] === c) {
            inPart[k++] = j / n;
          }
        }
      });
    }
    var pb = partBoxes.get(part);
    if (!pb) {
      pb = part.getBoundingClientRect();
      partBoxes.set(part, pb);
    }
    var n = part.childElementCount || 1;
    return { top: pb.top + inPart[i] * pb.height, height: pb.height / n };
  }

  function drawMinimap() {
    var list = new Array(stops.length);
    for (var k = 0; k < stops.length; k++) {
      list[k] = placed(stops[k]);
    }
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
    var partBoxes = new Map();
    for (var i = 0; i < list.length; i++) {
      var box = placedBox(list[i], stops[i], partBoxes);
      tops[i] = box.top + base;
      var s = markStyle(all[stops[i]].classList, css);
      ctx.fillStyle = s[0].trim() || "#000";
      var y = Math.floor(tops[i] / total * h);
      var len = Math.max(2, Math.round(box.height / total * h));
      ctx.fillRect(s[1] * w, y, s[2] * w, len);
    }
    drawHere();
  }

  function onMinimap(e) {
    if (tops.length === 0) {
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
    go(stops[lo]);
  }

  // Wiring.

  toolbar.hidden = false;
  body.classList.add("js");
  body.appendChild(minimap);
  document.addEventListener("keydown", onKey);
  document.addEventListener("click", onClick);
  main.addEventListener("focusin", onFocus);
  minimap.addEventListener("click", onMinimap);
  document.getElementById("next").addEventListener("click", next);
  document.getElementById("prev").addEventListener("click", prev);
  toolbar.querySelectorAll("input[name=view]").forEach(function (r) {
    r.addEventListener("change", function () { setView(r.value); });
  });
  document.getElementById("changes-only").addEventListener("change", function (e) {
    body.classList.toggle("changes-only", e.target.checked);
    if (e.target.checked) {
      gaps();
    } else {
      clearGaps();
    }
    drawMinimap();
  });
  if (signalsOnly) {
    signalsOnly.addEventListener("change", function () {
      applyFilter();
      drawMinimap();
    });
  }
  // The filters stand in the toolbar and above the departures table: a
  // box ticked in one is ticked in the other.
  document.querySelectorAll("fieldset.kinds").forEach(function (f) { f.hidden = false; });
  kindBoxes.forEach(function (b) {
    b.addEventListener("change", function () {
      kindBoxes.forEach(function (o) {
        if (o.value === b.value) {
          o.checked = b.checked;
        }
      });
      applyFilter();
      drawMinimap();
    });
  });
  var pending = 0;
  window.addEventListener("resize", function () {
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(drawMinimap);
  });
  var scrolling = 0;
  window.addEventListener("scroll", function () {
    cancelAnimationFrame(scrolling);
    scrolling = requestAnimationFrame(drawHere);
  }, { passive: true });
  window.addEventListener("hashchange", fromHash);
  depTable = dataTable(document.getElementById("departures"), "departures-data", depRow);
  dataTable(document.getElementById("crosswalk"), "crosswalk-data", crossRow);
  if (window.ResizeObserver) {
    new ResizeObserver(placeHead).observe(toolbar);
  }
  applyFilter();
  fromHash();
  // The minimap waits for the page to be idle: a key pressed as the page
  // opens is not kept waiting behind it.
  if (window.requestIdleCallback) {
    requestIdleCallback(drawMinimap, { timeout: 3000 });
  } else {
    requestAnimationFrame(drawMinimap);
  }
})();
