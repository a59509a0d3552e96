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

  // Pins collected for the briefing builder (helpers.js keeps them in local storage; the builder
  // also keeps its choice in its address).
  var pins = window.cbHelpers.pins;

  var tray = null;
  // Cards drawn later (the case explorer's) call cbPins.refresh(), so buttons are looked up anew.
  function showPins() {
    var pinned = pins.read();
    var buttons = document.querySelectorAll(".cb-pin[data-pin]");
    buttons.forEach(function (button) {
      var on = pinned.indexOf(button.getAttribute("data-pin")) !== -1;
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
    tray.hidden = pinned.length === 0;
    tray.textContent = "My briefing: " + pinned.length + " pinned";
  }
  document.addEventListener("click", function (event) {
    var button = event.target.closest(".cb-pin[data-pin]");
    if (!button) return;
    var pinned = pins.read();
    var pin = button.getAttribute("data-pin");
    var at = pinned.indexOf(pin);
    if (at === -1) pinned.unshift(pin); else pinned.splice(at, 1);  // the newest first, as the builder lists them
    pins.write(pinned);
    showPins();
  });
  window.cbPins = { refresh: showPins };
  showPins();

  // On a phone a kit is a short overview: who they are, the way to the briefing and what they
  // care about stay open; every later section folds behind its heading, one tap away. A link
  // to a place inside a folded section opens it.
  function foldSections() {
    var kit = document.querySelector(".cb-kit");
    if (!kit || !window.matchMedia("(max-width: 44.9375em)").matches) return;
    var heads = Array.prototype.slice.call(kit.parentElement.querySelectorAll(":scope > h2")).slice(1);
    heads.forEach(function (h2, i) {
      var body = document.createElement("div");
      body.className = "cb-fold";
      body.id = (h2.id || "section-" + i) + "-body";
      var node = h2.nextSibling;
      while (node && !(node.nodeType === 1 && node.tagName === "H2")) {
        var next = node.nextSibling;
        body.appendChild(node);
        node = next;
      }
      h2.parentNode.insertBefore(body, h2.nextSibling);
      var toggle = document.createElement("button");
      toggle.type = "button";
      toggle.className = "cb-fold__toggle";
      toggle.setAttribute("aria-controls", body.id);
      while (h2.firstChild && !(h2.firstChild.classList && h2.firstChild.classList.contains("headerlink"))) {
        toggle.appendChild(h2.firstChild);
      }
      h2.insertBefore(toggle, h2.firstChild);
      h2.classList.add("cb-fold__head");
      show(toggle, body, false);
      toggle.addEventListener("click", function () { show(toggle, body, body.hidden); });
    });
    openTarget();
    window.addEventListener("hashchange", openTarget);
  }
  function show(toggle, body, open) {
    body.hidden = !open;
    toggle.setAttribute("aria-expanded", String(open));
  }
  function openTarget() {
    var target = window.location.hash && document.getElementById(decodeURIComponent(window.location.hash.slice(1)));
    var body = target && (target.classList.contains("cb-fold__head") ? target.nextElementSibling : target.closest(".cb-fold"));
    if (!body || !body.classList.contains("cb-fold")) return;
    show(body.previousElementSibling.querySelector(".cb-fold__toggle"), body, true);
    target.scrollIntoView();
  }
  foldSections();

  // A printed kit shows every answer and section; the reader's own choice comes back afterwards.
  var closed = [];
  var folded = [];
  window.addEventListener("beforeprint", function () {
    closed = Array.prototype.filter.call(document.querySelectorAll("details.cb-objection"),
      function (d) { return !d.open; });
    closed.forEach(function (d) { d.open = true; });
    folded = Array.prototype.filter.call(document.querySelectorAll(".cb-fold"), function (b) { return b.hidden; });
    folded.forEach(function (b) { b.hidden = false; });
  });
  window.addEventListener("afterprint", function () {
    closed.forEach(function (d) { d.open = false; });
    folded.forEach(function (b) { b.hidden = true; });
    closed = [];
    folded = [];
  });
})();
