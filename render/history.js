// The history page's one script: a choice of redline that shows the
// chosen pair of drafts and hides the others, and the redline's keys
// (n, p, g, G …) passed to the redline shown when pressed outside it.
// Without it, every redline stays on the page, reached by the menu of
// anchors. Each redline is the compare page of its pair in a frame, with
// its own script.
(function () {
  var choice = document.getElementById("pair-choice");
  var select = document.getElementById("pair");
  var pairs = document.querySelectorAll("section.pair");
  function show(id) {
    for (var i = 0; i < pairs.length; i++) {
      pairs[i].hidden = pairs[i].id !== id;
    }
    select.value = id;
  }
  var start = pairs.length ? pairs[pairs.length - 1].id : "";
  var hash = location.hash.slice(1);
  for (var i = 0; i < pairs.length; i++) {
    if (hash === pairs[i].id || hash.indexOf(pairs[i].id + "-") === 0) {
      start = pairs[i].id;
    }
  }
  choice.hidden = false;
  document.getElementById("pair-menu").hidden = true;
  select.addEventListener("change", function () {
    show(select.value);
  });
  document.addEventListener("keydown", function (e) {
    var t = e.target;
    if (e.ctrlKey || e.altKey || e.metaKey || e.defaultPrevented || !t || t.tagName === "SELECT" || t.tagName === "INPUT" || t.tagName === "TEXTAREA") {
      return;
    }
    if ("njpkgG".indexOf(e.key) < 0 || e.key.length !== 1) {
      return;
    }
    var frame = document.querySelector("section.pair:not([hidden]) iframe");
    var doc = frame && frame.contentDocument;
    if (!doc) {
      return;
    }
    e.preventDefault();
    doc.dispatchEvent(new KeyboardEvent("keydown", { key: e.key, bubbles: true, cancelable: true }));
  });
  show(start);
})();
