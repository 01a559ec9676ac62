// The history page's one script: a choice of redline that shows the
// chosen pair of drafts and hides the others. Without it, every redline
// stays on the page, reached by the menu of anchors.
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
  show(start);
})();
