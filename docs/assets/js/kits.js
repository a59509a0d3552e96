/* Kit pages: the case-list filters, and every objection opened for printing. Everything here
   is an enhancement; without it the page shows the first twelve cases and the open objection. */
(() => {
  "use strict";

  function setUpCaseFilter(form) {
    const list = document.getElementById("kit-cases");
    if (!list) return;
    const items = Array.prototype.slice.call(list.querySelectorAll("li[data-case-id]"));
    const shown = Number(list.getAttribute("data-shown"));
    const count = form.querySelector(".cb-case-filter__count");
    function apply() {
      const since = form.elements.recent.checked ? Number(form.elements.recent.value) : 0;
      const sector = form.elements.sector.value;
      const filtering = since || sector;
      let visible = 0;
      items.forEach((item, index) => {
        const match =
          Number(item.getAttribute("data-year")) >= since && (!sector || item.getAttribute("data-sector") === sector);
        const show = filtering ? match : index < shown;
        item.hidden = !show;
        if (show) visible += 1;
      });
      count.textContent = filtering
        ? `${visible + (visible === 1 ? " case matches" : " cases match")} (of ${items.length})`
        : "";
    }
    form.hidden = false;
    form.addEventListener("change", apply);
    form.addEventListener("submit", (event) => {
      event.preventDefault();
    });
  }

  document.querySelectorAll(".cb-case-filter").forEach(setUpCaseFilter);

  // Pins collected for the briefing builder (helpers.js keeps them in local storage; the builder
  // also keeps its choice in its address).
  const pins = window.cbHelpers.pins;

  let tray = null;
  // Cards drawn later (the case explorer's) call cbPins.refresh(), so buttons are looked up anew.
  function showPins() {
    const pinned = pins.read();
    const buttons = document.querySelectorAll(".cb-pin[data-pin]");
    buttons.forEach((button) => {
      const on = pinned.indexOf(button.getAttribute("data-pin")) !== -1;
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
    tray.textContent = `My briefing: ${pinned.length} pinned`;
  }
  document.addEventListener("click", (event) => {
    const button = event.target.closest(".cb-pin[data-pin]");
    if (!button) return;
    const pinned = pins.read();
    const pin = button.getAttribute("data-pin");
    const at = pinned.indexOf(pin);
    if (at === -1) pinned.unshift(pin);
    else pinned.splice(at, 1); // the newest first, as the builder lists them
    pins.write(pinned);
    showPins();
  });
  window.cbPins = { refresh: showPins };
  showPins();

  // On a phone a kit is a short overview: who they are, the way to the briefing and what they
  // care about stay open; every later section folds behind its heading, one tap away. A link
  // to a place inside a folded section opens it.
  function foldSections() {
    const kit = document.querySelector(".cb-kit");
    if (!kit || !window.matchMedia("(max-width: 44.9375em)").matches) return;
    const heads = Array.prototype.slice.call(kit.parentElement.querySelectorAll(":scope > h2")).slice(1);
    heads.forEach((h2, i) => {
      const body = document.createElement("div");
      body.className = "cb-fold";
      body.id = `${h2.id || `section-${i}`}-body`;
      let node = h2.nextSibling;
      while (node && !(node.nodeType === 1 && node.tagName === "H2")) {
        const next = node.nextSibling;
        body.appendChild(node);
        node = next;
      }
      h2.parentNode.insertBefore(body, h2.nextSibling);
      const toggle = document.createElement("button");
      toggle.type = "button";
      toggle.className = "cb-fold__toggle";
      toggle.setAttribute("aria-controls", body.id);
      while (h2.firstChild && !h2.firstChild.classList?.contains("headerlink")) {
        toggle.appendChild(h2.firstChild);
      }
      h2.insertBefore(toggle, h2.firstChild);
      h2.classList.add("cb-fold__head");
      show(toggle, body, false);
      toggle.addEventListener("click", () => {
        show(toggle, body, body.hidden);
      });
    });
    openTarget();
    window.addEventListener("hashchange", openTarget);
  }
  function show(toggle, body, open) {
    body.hidden = !open;
    toggle.setAttribute("aria-expanded", String(open));
  }
  function openTarget() {
    const target = window.location.hash
      ? document.getElementById(decodeURIComponent(window.location.hash.slice(1)))
      : null;
    const body = target?.classList.contains("cb-fold__head") ? target.nextElementSibling : target?.closest(".cb-fold");
    if (!body?.classList.contains("cb-fold")) return;
    show(body.previousElementSibling.querySelector(".cb-fold__toggle"), body, true);
    target.scrollIntoView();
  }
  foldSections();

  // A printed kit shows every answer and section; the reader's own choice comes back afterwards.
  let closed = [];
  let folded = [];
  window.addEventListener("beforeprint", () => {
    closed = Array.prototype.filter.call(document.querySelectorAll("details.cb-objection"), (d) => !d.open);
    closed.forEach((d) => {
      d.open = true;
    });
    folded = Array.prototype.filter.call(document.querySelectorAll(".cb-fold"), (b) => b.hidden);
    folded.forEach((b) => {
      b.hidden = false;
    });
  });
  window.addEventListener("afterprint", () => {
    closed.forEach((d) => {
      d.open = false;
    });
    folded.forEach((b) => {
      b.hidden = true;
    });
    closed = [];
    folded = [];
  });
})();
