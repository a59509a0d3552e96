/* The site search: one engine (Pagefind) behind the header box on every page, the home page box
   and the case explorer's free text. Nothing is fetched until the reader types; then Pagefind
   loads only the index fragments the words need. */
(function () {
  "use strict";
  var S = window.SearchCore;
  var configNode = document.getElementById("__config");
  if (!S || !configNode) return;
  var root = new URL(JSON.parse(configNode.textContent).base.replace(/\/?$/, "/"), window.location.href);
  var PAGE = 10;
  var FACET_LABELS = { audience: "Audience", topic: "Topic", sector: "Sector", type: "Page type" };
  var engine = null;

  /* ---- the engine, shared by every box on the page and by the explorer ---- */
  function load() {
    if (!engine) {
      engine = Promise.all([
        import(new URL("pagefind/pagefind.js", root).href),
        fetch(new URL("search/synonyms.json", root)).then(function (r) { return r.ok ? r.json() : []; })
      ]).then(function (done) {
        var pf = done[0];
        return pf.options({ excerptLength: 22 }).then(function () { return { pf: pf, synonyms: done[1] }; });
      });
    }
    return engine;
  }

  /* Every variant of the query in each tier, merged into one ranked list of Pagefind results. */
  function rank(query, selected, tiers) {
    return load().then(function (e) {
      var variants = S.expand(query, e.synonyms);
      var jobs = [];
      variants.forEach(function (variant) {
        (tiers || [1, 2]).forEach(function (tier) {
          jobs.push(e.pf.search(variant, { filters: S.filtersFor(selected, tier) }).then(function (found) {
            return { tier: tier, results: found ? found.results : [] };
          }));
        });
      });
      return Promise.all(jobs).then(S.merge);
    });
  }

  function facets() { return load().then(function (e) { return e.pf.filters(); }); }

  window.CasebookSearch = { load: load, rank: rank, facets: facets, root: root };
  window.cbSearch = { lastMs: null, results: null, loaded: false };

  /* ---- one search box with its results panel ---- */
  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) { node.setAttribute(key, attrs[key]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function Box(box) {
    this.box = box;
    this.input = box.querySelector("[data-cb-search-input]");
    this.panel = box.querySelector("[data-cb-search-panel]");
    this.header = box.classList.contains("md-search");
    this.selected = {};
    this.shown = PAGE;
    this.sequence = 0;
    this.built = false;
    var self = this;
    this.input.addEventListener("input", function () { self.search(performance.now()); });
    if (this.header) this.bindOverlay();
  }

  Box.prototype.bindOverlay = function () {
    var toggle = document.getElementById("__search");
    var input = this.input;
    var self = this;
    input.addEventListener("focus", function () { if (toggle) toggle.checked = true; });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { if (toggle) toggle.checked = false; input.blur(); }
    });
    if (toggle) toggle.addEventListener("change", function () {
      if (toggle.checked) window.setTimeout(function () { input.focus(); }, 0); else input.blur();
    });
    this.box.querySelector("form").addEventListener("submit", function (event) {
      var first = self.panel.querySelector(".cb-hit a");
      if (first) { event.preventDefault(); window.location.href = first.href; }
    });
    this.box.querySelector("form").addEventListener("reset", function () {
      window.setTimeout(function () { self.search(performance.now()); input.focus(); }, 0);
    });
  };

  Box.prototype.build = function () {
    if (this.built) return;
    this.built = true;
    // Folded on a phone, where four selects would push the results below the screen.
    var narrow = el("details", { "class": "cb-search__narrow" });
    if (window.matchMedia("(min-width: 60em)").matches) narrow.open = true;
    narrow.appendChild(el("summary", {}, "Narrow by audience, topic, sector or page type"));
    this.filters = el("div", { "class": "cb-search__filters", role: "group", "aria-label": "Narrow the results" });
    narrow.appendChild(this.filters);
    this.status = el("p", { "class": "cb-search__status", role: "status", "aria-live": "polite" });
    this.list = el("ol", { "class": "cb-search__results" });
    this.more = el("button", { type: "button", "class": "md-button cb-search__more", hidden: "" });
    this.explorer = el("a", { "class": "cb-search__explorer", hidden: "" });
    this.panel.appendChild(narrow);
    this.panel.appendChild(this.status);
    this.panel.appendChild(this.list);
    this.panel.appendChild(this.more);
    this.panel.appendChild(this.explorer);
    var self = this;
    this.more.addEventListener("click", function () { self.shown += PAGE; self.search(performance.now(), true); });
    facets().then(function (all) { self.buildFilters(all); });
  };

  Box.prototype.buildFilters = function (all) {
    var self = this;
    S.FACETS.forEach(function (name) {
      var values = Object.keys(all[name] || {}).sort(function (a, b) { return a.localeCompare(b, "en"); });
      if (!values.length) return;
      var label = el("label", { "class": "cb-search__filter" });
      label.appendChild(el("span", {}, FACET_LABELS[name]));
      var select = el("select", { "data-facet": name });
      select.appendChild(el("option", { value: "" }, "Any"));
      values.forEach(function (value) { select.appendChild(el("option", { value: value }, value)); });
      select.addEventListener("change", function () {
        self.selected[name] = select.value ? [select.value] : [];
        self.shown = PAGE;
        self.search(performance.now());
      });
      label.appendChild(select);
      self.filters.appendChild(label);
    });
  };

  Box.prototype.search = function (started, keepScroll) {
    var query = this.input.value.trim();
    this.build();
    var ticket = ++this.sequence;
    var self = this;
    if (!query) { this.render([], "", started, ticket); return; }
    if (!keepScroll) this.shown = PAGE;
    this.status.textContent = "Searching…";
    rank(query, this.selected).then(function (hits) {
      if (ticket !== self.sequence) return null;  // the reader typed on; a newer search will draw
      return Promise.all(hits.slice(0, self.shown).map(function (hit) { return hit.result.data(); }))
        .then(function (pages) { if (ticket === self.sequence) self.render(hits, query, started, ticket, pages); });
    }).catch(function () {
      if (ticket === self.sequence) self.status.textContent = "Search could not load. Try the case explorer instead.";
    });
  };

  Box.prototype.render = function (hits, query, started, ticket, pages) {
    this.list.textContent = "";
    var fragment = document.createDocumentFragment();
    (pages || []).forEach(function (page) { fragment.appendChild(hitItem(page)); });
    this.list.appendChild(fragment);
    this.status.textContent = !query ? "Type to search cases, kits, statements and guides."
      : hits.length === 0 ? "Nothing matches “" + query + "”. Try fewer words, or another filter."
      : hits.length === 1 ? "1 page matches" : hits.length + " pages match";
    this.more.hidden = hits.length <= this.shown;
    this.more.textContent = "Show more results";
    this.explorer.hidden = !query;
    this.explorer.href = new URL("cases/?q=" + encodeURIComponent(query), root).href;
    this.explorer.textContent = "Filter the matching case studies in the explorer";
    window.cbSearch.lastMs = performance.now() - started;
    window.cbSearch.results = hits.length;
    window.cbSearch.loaded = true;
  };

  function hitItem(page) {
    var meta = page.meta || {};
    var filters = page.filters || {};
    var li = el("li", { "class": "cb-hit" });
    var link = el("a", { href: page.url });
    var type = (filters.type || [])[0];
    if (type) link.appendChild(el("span", { "class": "cb-hit__type" }, type));
    link.appendChild(el("span", { "class": "cb-hit__title" }, meta.title || page.url));
    if (meta.figure) {
      var figure = el("span", { "class": "cb-hit__figure" });
      figure.appendChild(el("strong", {}, meta.figure));
      if (meta.measure) figure.appendChild(document.createTextNode(" " + meta.measure));
      link.appendChild(figure);
    }
    var excerpt = el("span", { "class": "cb-hit__excerpt" });
    S.excerptPieces(page.excerpt).forEach(function (piece) {
      excerpt.appendChild(piece[1] ? el("mark", {}, piece[0]) : document.createTextNode(piece[0]));
    });
    link.appendChild(excerpt);
    var chips = (filters.audience || []);
    if (chips.length) {
      var row = el("span", { "class": "cb-hit__chips" });
      chips.forEach(function (name) { row.appendChild(el("span", { "class": "cb-hit__chip" }, name)); });
      link.appendChild(row);
    }
    li.appendChild(link);
    return li;
  }

  document.querySelectorAll("[data-cb-search-box]").forEach(function (box) { new Box(box); });
})();
