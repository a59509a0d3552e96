/* What the site's page scripts share (window.cbHelpers): elements built without HTML, a status
   line that clears itself, local storage under one list of keys, copying text, and fetching the
   site's pages and JSON. overrides/main.html loads it in every page's head with `defer`, so it
   runs before every other deferred script: a page script that uses it loads with `defer` too.
   The *-core.js files stay free of it, so Node can test them alone. */
(() => {
  "use strict";

  /* An element with its attributes and text; text is set as text, never parsed as HTML. */
  function el(tag, attrs, text) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) node.setAttribute(name, value);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /* A message in a status line, cleared after five seconds unless another replaced it. */
  function say(status, text) {
    status.textContent = text;
    window.setTimeout(() => {
      if (status.textContent === text) status.textContent = "";
    }, 5000);
  }

  /* Local storage keys, in one place: pages read what other pages write. */
  const KEYS = {
    pins: "cb-briefing-pins", // pin buttons (kits.js) and the briefing builder
    plan: "cb-pilot-plan", // the pilot planner
    calculator: "cb-calculator-result", // written by the calculator, read by the pilot planner
    report: "cb-pilot-report", // the results report's figures
    propose: "casebook-propose-v1", // the propose form's draft, also written by the results report
    session: (route) => `cb-training:${route}:session`, // the presenter view's session timer
  };

  /* Storage may be refused (private browsing, storage turned off) and anyone can write to it: a
     read gives the fallback for anything missing or unreadable, a write says whether it was kept.
     What a value holds is for its reader to check. */
  function readText(key) {
    try {
      return window.localStorage.getItem(key);
    } catch {
      return null;
    }
  }
  function readJson(key, fallback) {
    const text = readText(key);
    if (text === null) return fallback;
    try {
      return JSON.parse(text);
    } catch {
      return fallback;
    }
  }
  function writeJson(key, value) {
    try {
      window.localStorage.setItem(key, JSON.stringify(value));
      return true;
    } catch {
      return false;
    }
  }
  function forget(key) {
    try {
      window.localStorage.removeItem(key);
    } catch {
      // nothing was kept
    }
  }

  /* Pins: statements ("s:<id>") and cases ("c:<id>") collected for the briefing builder, newest
     first; only strings are kept, whatever the storage held. */
  function readPins() {
    const pins = readJson(KEYS.pins, []);
    return Array.isArray(pins) ? pins.filter((pin) => typeof pin === "string") : [];
  }
  function writePins(pins) {
    writeJson(KEYS.pins, pins);
  }

  /* Plain text to the clipboard; without a secure context, through a selected text box. */
  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    const ok = document.execCommand("copy");
    document.body.removeChild(area);
    return ok ? Promise.resolve() : Promise.reject(new Error("copy refused"));
  }

  /* A response's body once its status says it is there. */
  function fetched(url, read) {
    return fetch(url).then((response) => {
      if (!response.ok) throw new Error(`${url}: ${response.status}`);
      return read(response);
    });
  }
  function fetchJson(url) {
    return fetched(url, (response) => response.json());
  }
  /* Another page of the site as a document (parsed, never run): a citation, a step, a slide. */
  function fetchPage(url) {
    return fetched(url, (response) => response.text()).then((html) =>
      new DOMParser().parseFromString(html, "text/html"),
    );
  }

  /* Today in the reader's time zone, as YYYY-MM-DD. */
  function today() {
    const d = new Date();
    const pad = (n) => String(n).padStart(2, "0");
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  }

  window.cbHelpers = {
    el,
    say,
    KEYS,
    readText,
    readJson,
    writeJson,
    forget,
    pins: { read: readPins, write: writePins },
    copyText,
    fetchJson,
    fetchPage,
    today,
  };
})();
