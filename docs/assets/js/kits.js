/* Kit pages: the case-list filters, and every objection opened for printing. Everything here
   is an enhancement; without it the page shows the first twelve cases and the open objection. */
(function () {
  "use strict";

  function setUpCaseFilter(form) {
    var list = document.getElementById("kit-cases");
    if (!list) return;
    var items = Array.prototype.slice.call(list.querySelectorAll("li[data-case-id]"));
    var shown = Number(list.getAttribute("data-shown"));
    var count = form.querySelector(".cb-case-filter__count");
    function apply() {
      var since = form.elements.recent.checked ? Number(form.elements.recent.value) : 0;
      var sector = form.elements.sector.value;
      var filtering = since || sector;
      var visible = 0;
      items.forEach(function (item, index) {
        var match = Number(item.getAttribute("data-year")) >= since &&
          (!sector || item.getAttribute("data-sector") === sector);
        var show = filtering ? match : index < shown;
        item.hidden = !show;
        if (show) visible += 1;
      });
      count.textContent = filtering
        ? visible + (visible === 1 ? " case matches" : " cases match") + " (of " + items.length + ")"
        : "";
    }
    form.hidden = false;
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
  }

  document.querySelectorAll(".cb-case-filter").forEach(setUpCaseFilter);

  // A printed kit shows every answer; the reader's own open/closed choice comes back afterwards.
  var closed = [];
  window.addEventListener("beforeprint", function () {
    closed = Array.prototype.filter.call(document.querySelectorAll("details.cb-objection"),
      function (d) { return !d.open; });
    closed.forEach(function (d) { d.open = true; });
  });
  window.addEventListener("afterprint", function () {
    closed.forEach(function (d) { d.open = false; });
    closed = [];
  });
})();
