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

  // Pins: statements ("s:<id>") and cases ("c:<id>") collected for the briefing builder, kept in
  // local storage; the builder also keeps its choice in its address.
  var PINS = "cb-briefing-pins";
  function readPins() {
    try {
      var pins = JSON.parse(window.localStorage.getItem(PINS) || "[]");
      return Array.isArray(pins) ? pins.filter(function (p) { return typeof p === "string"; }) : [];
    } catch (error) {
      return [];
    }
  }
  function writePins(pins) {
    try { window.localStorage.setItem(PINS, JSON.stringify(pins)); } catch (error) { /* private mode */ }
  }
  window.cbPins = { read: readPins, write: writePins };

  var tray = null;
  // Cards drawn later (the case explorer's) call cbPins.refresh(), so buttons are looked up anew.
  function showPins() {
    var pins = readPins();
    var buttons = document.querySelectorAll(".cb-pin[data-pin]");
    buttons.forEach(function (button) {
      var on = pins.indexOf(button.getAttribute("data-pin")) !== -1;
      button.hidden = false;
      button.setAttribute("aria-pressed", on ? "true" : "false");
      button.textContent = on ? "Pinned to my briefing" : "Pin to my briefing";
    });
    if (!buttons.length && !tray) return;
    if (!tray) {
      tray = document.createElement("a");
      tray.className = "cb-pin-tray";
      tray.href = buttons[0].getAttribute("data-builder");
      document.body.appendChild(tray);
    }
    tray.hidden = pins.length === 0;
    tray.textContent = "My briefing: " + pins.length + " pinned";
  }
  document.addEventListener("click", function (event) {
    var button = event.target.closest(".cb-pin[data-pin]");
    if (!button) return;
    var pins = readPins();
    var pin = button.getAttribute("data-pin");
    var at = pins.indexOf(pin);
    if (at === -1) pins.push(pin); else pins.splice(at, 1);
    writePins(pins);
    showPins();
  });
  window.cbPins.refresh = showPins;
  showPins();

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
