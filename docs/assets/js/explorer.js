/* The case explorer page: facets, free text, sort and results over api/cases.json, with the
   whole state in the URL (the back button steps through changes). Without JavaScript the page
   keeps its plain list of every case. */
(function () {
  "use strict";
  var host = document.getElementById("cb-explorer");
  var X = window.CaseExplorer;
  if (!host || !X) return;
  var vocab = JSON.parse(document.getElementById("cb-explorer-vocab").textContent);
  var base = new URL(host.getAttribute("data-base"), window.location.href);
  var PAGE = 50;
  var LABELS = { audience: "Audience", topic: "Topic", sector: "Sector", country: "Country",
                 channel: "Channel", grade: "Evidence grade" };
  var AND_FACETS = ["audience", "topic", "channel"];
  var records = [];
  var state = X.emptyState();
  var shown = PAGE;
  var known = {};
  X.FACET_NAMES.forEach(function (name) { known[name] = vocab[name].map(function (pair) { return pair[0]; }); });
  var labelOf = {};
  X.FACET_NAMES.forEach(function (name) {
    labelOf[name] = {};
    vocab[name].forEach(function (pair) { labelOf[name][pair[0]] = pair[1]; });
  });

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) { node.setAttribute(key, attrs[key]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /* ---- skeleton, built once ---- */
  var form = el("form", { "class": "cb-explorer__filters", "aria-label": "Filter cases", role: "search" });
  var search = el("input", { type: "search", id: "cb-q", name: "q", placeholder: "Organisation, place, measure…", autocomplete: "off" });
  var searchBox = el("div", { "class": "cb-explorer__search" });
  searchBox.appendChild(el("label", { "for": "cb-q" }, "Search cases"));
  searchBox.appendChild(search);
  form.appendChild(searchBox);
  var yearBox = el("fieldset", { "class": "cb-facet cb-facet--years" });
  yearBox.appendChild(el("legend", {}, "Year"));
  var yearFrom = el("select", { name: "year_from", "aria-label": "From year" });
  var yearTo = el("select", { name: "year_to", "aria-label": "To year" });
  yearFrom.appendChild(el("option", { value: "" }, "Any"));
  yearTo.appendChild(el("option", { value: "" }, "Any"));
  vocab.years.forEach(function (year) {
    yearFrom.appendChild(el("option", { value: String(year) }, String(year)));
    yearTo.appendChild(el("option", { value: String(year) }, String(year)));
  });
  yearBox.appendChild(yearFrom);
  yearBox.appendChild(el("span", { "aria-hidden": "true" }, " to "));
  yearBox.appendChild(yearTo);
  var facetBoxes = {};
  X.FACET_NAMES.forEach(function (name) {
    var box = el("fieldset", { "class": "cb-facet", "data-facet": name });
    box.appendChild(el("legend", {}, LABELS[name]));
    if (AND_FACETS.indexOf(name) !== -1) {
      var toggle = el("label", { "class": "cb-facet__mode" });
      var input = el("input", { type: "checkbox", "data-match-all": name });
      toggle.appendChild(input);
      toggle.appendChild(document.createTextNode(" Must match all ticked"));
      box.appendChild(toggle);
    }
    box.appendChild(el("ul", { "class": "cb-facet__values" }));
    facetBoxes[name] = box;
    form.appendChild(box);
    if (name === "country") form.appendChild(yearBox);
  });
  var results = el("section", { "class": "cb-explorer__results", "aria-label": "Results" });
  var bar = el("div", { "class": "cb-explorer__bar" });
  var count = el("p", { "class": "cb-explorer__count", role: "status", "aria-live": "polite" });
  var sort = el("select", { id: "cb-sort", name: "sort" });
  [["added", "Newest added"], ["year", "Year (newest first)"], ["title", "Title (A–Z)"]].forEach(function (pair) {
    sort.appendChild(el("option", { value: pair[0] }, pair[1]));
  });
  var sortLabel = el("label", { "for": "cb-sort", "class": "cb-explorer__sort" }, "Sort by ");
  sortLabel.appendChild(sort);
  var reset = el("a", { href: "./", "class": "cb-explorer__reset" }, "Clear all filters");
  bar.appendChild(count);
  bar.appendChild(sortLabel);
  bar.appendChild(reset);
  var list = el("ul", { "class": "cb-explorer__list" });
  var more = el("button", { type: "button", "class": "md-button cb-explorer__more" });
  results.appendChild(bar);
  results.appendChild(list);
  results.appendChild(more);
  host.appendChild(form);
  host.appendChild(results);

  /* ---- state <-> controls ---- */
  function readControls() {
    var next = X.emptyState();
    X.FACET_NAMES.forEach(function (name) {
      next[name] = Array.prototype.slice.call(facetBoxes[name].querySelectorAll("input[data-value]:checked"))
        .map(function (input) { return input.getAttribute("data-value"); });
    });
    next.matchAll = Array.prototype.slice.call(form.querySelectorAll("input[data-match-all]:checked"))
      .map(function (input) { return input.getAttribute("data-match-all"); });
    next.q = search.value.trim();
    next.sort = sort.value;
    next.year_from = yearFrom.value ? Number(yearFrom.value) : null;
    next.year_to = yearTo.value ? Number(yearTo.value) : null;
    return next;
  }

  function renderFacet(name, counts) {
    var ul = facetBoxes[name].querySelector("ul");
    ul.textContent = "";
    vocab[name].forEach(function (pair) {
      var value = pair[0];
      var ticked = state[name].indexOf(value) !== -1;
      var n = counts[value] || 0;
      var li = el("li", { "class": n || ticked ? "" : "cb-facet__empty" });
      var label = el("label");
      var input = el("input", { type: "checkbox", "data-value": value });
      input.checked = ticked;
      input.disabled = !n && !ticked;
      label.appendChild(input);
      label.appendChild(document.createTextNode(" " + pair[1] + " "));
      label.appendChild(el("span", { "class": "cb-facet__count" }, "(" + n + ")"));
      li.appendChild(label);
      ul.appendChild(li);
    });
    var toggle = facetBoxes[name].querySelector("input[data-match-all]");
    if (toggle) toggle.checked = state.matchAll.indexOf(name) !== -1;
  }

  function card(item) {
    var li = el("li", { "class": "cb-result", "data-case-id": item.id });
    li.appendChild(el("p", { "class": "cb-card__kicker" }, item.organisation + " · " + labelOf.country[item.country] + " · " + item.year));
    var title = el("p", { "class": "cb-result__title" });
    title.appendChild(el("a", { href: new URL(item.url, base).href }, item.title));
    li.appendChild(title);
    // The outcome marked headline: true carries the case's claim; unmarked, the first does.
    var headline = item.outcomes.filter(function (o) { return o.headline; })[0] || item.outcomes[0];
    var figure = el("p", { "class": "cb-card__figure" });
    figure.appendChild(el("strong", {}, headline.value));
    figure.appendChild(document.createTextNode(" " + headline.measure));
    li.appendChild(figure);
    var foot = el("p", { "class": "cb-result__foot" });
    foot.appendChild(el("span", { "class": "cb-grade cb-grade--" + item.best_grade }, labelOf.grade[item.best_grade]));
    var like = el("button", { type: "button", "class": "cb-result__like", "data-sector": item.sector, "data-country": item.country },
      "Organisations like this: " + labelOf.sector[item.sector].toLowerCase() + ", " + labelOf.country[item.country]);
    foot.appendChild(like);
    // Pin to the briefing builder; kits.js keeps the pins and their pressed state.
    foot.appendChild(el("button", { type: "button", "class": "cb-pin", "data-pin": "c:" + item.id,
      "data-builder": new URL("briefing/", base).href, "aria-pressed": "false" }, "Pin to my briefing"));
    li.appendChild(foot);
    return li;
  }

  function render() {
    var started = performance.now();
    var seen = X.view(records, state);
    var found = seen.results;
    X.FACET_NAMES.forEach(function (name) { renderFacet(name, seen.counts[name]); });
    search.value = state.q;
    sort.value = state.sort;
    yearFrom.value = state.year_from === null ? "" : String(state.year_from);
    yearTo.value = state.year_to === null ? "" : String(state.year_to);
    count.textContent = found.length === 1 ? "1 case" : found.length + " cases";
    list.textContent = "";
    var fragment = document.createDocumentFragment();
    found.slice(0, shown).forEach(function (record) { fragment.appendChild(card(record.item)); });
    list.appendChild(fragment);
    if (window.cbPins) window.cbPins.refresh();
    if (!found.length) list.appendChild(el("li", { "class": "cb-explorer__none" }, "No case matches all of these filters. Untick one, or clear them all."));
    more.hidden = found.length <= shown;
    more.textContent = "Show " + Math.min(PAGE, found.length - shown) + " more of " + (found.length - shown);
    window.cbExplorer.lastApplyMs = performance.now() - started;
    window.cbExplorer.results = found.length;
  }

  function commit(push) {
    var query = X.toSearch(state);
    if (query !== window.location.search) {
      window.history[push ? "pushState" : "replaceState"](null, "", query || window.location.pathname);
    }
  }

  function change(push) {
    state = readControls();
    shown = PAGE;
    render();
    commit(push);
  }

  form.addEventListener("change", function (event) {
    if (event.target === search) return;  // committed on "change" below, as one history step
    change(true);
  });
  search.addEventListener("input", function () { change(false); });
  search.addEventListener("change", function () { change(true); });
  form.addEventListener("submit", function (event) { event.preventDefault(); change(true); });
  sort.addEventListener("change", function () { change(true); });
  more.addEventListener("click", function () { shown += PAGE; render(); });
  list.addEventListener("click", function (event) {
    var like = event.target.closest(".cb-result__like");
    if (!like) return;
    state = X.emptyState();
    state.sector = [like.getAttribute("data-sector")];
    state.country = [like.getAttribute("data-country")];
    shown = PAGE;
    render();
    commit(true);
    host.scrollIntoView({ block: "start" });
  });
  reset.addEventListener("click", function (event) {
    event.preventDefault();
    state = X.emptyState();
    render();
    commit(true);
  });
  window.addEventListener("popstate", function () {
    state = X.parseState(window.location.search, known);
    shown = PAGE;
    render();
  });

  // Material's own search also reads ?q= at start-up (and deletes it when its dialog closes), so
  // the explorer keeps the address aside until the theme has started, then puts it back.
  var initialSearch = window.location.search;
  if (new URLSearchParams(initialSearch).has("q")) {
    window.history.replaceState(null, "", window.location.pathname);
  }
  var loaded = new Promise(function (resolve) {
    if (document.readyState === "complete") resolve(); else window.addEventListener("load", resolve);
  });

  window.cbExplorer = { lastApplyMs: null, results: null, ready: false };
  Promise.all([fetch(host.getAttribute("data-cases")).then(function (response) {
    if (!response.ok) throw new Error("cases.json: " + response.status);
    return response.json();
  }), loaded]).then(function (done) {
    records = X.prepare(done[0]);
    state = X.parseState(initialSearch, known);
    render();
    commit(false);
    host.hidden = false;
    document.getElementById("cb-plain-list").hidden = true;
    window.cbExplorer.ready = true;
  }).catch(function () {
    host.hidden = true;  // the plain list stays
  });
})();
