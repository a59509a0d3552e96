/* The site search: one engine (Pagefind) behind the header box on every page, the home page box
   and the case explorer's free text. Nothing is fetched until the reader focuses a search box;
   then Pagefind's script and index manifest load, and each search only the chunks its words need. */
(function () {
  "use strict";
  var S = window.SearchCore;
  var H = window.cbHelpers;
  var el = H.el;
  var configNode = document.getElementById("__config");
  if (!S || !configNode) return;
  var root = new URL(JSON.parse(configNode.textContent).base.replace(/\/?$/, "/"), window.location.href);
  var PAGE = 10;
  var FACET_LABELS = { audience: "Audience", topic: "Topic", sector: "Sector", type: "Page type" };
  var engine = null;

  /* ---- the engine, shared by every box on the page and by the explorer ---- */
  function json(path, fallback) {
    return H.fetchJson(new URL(path, root)).catch(function () { return fallback; });
  }

  /* Pagefind's script and the two small files the build writes beside the index, fetched
     together; then the further index bundles of a large site are merged in (each is a
     manifest and a page list: Pagefind fetches word chunks only when a search needs them).
     Called when the reader focuses a search box, so the engine is ready by the first key. */
  function load() {
    if (!engine) {
      engine = Promise.all([
        import(new URL("pagefind/pagefind.js", root).href),
        json("search/synonyms.json", []),
        json("search/ranking.json", { bundles: [], second: [], facets: null, names: {} })
      ]).then(function (done) {
        var pf = done[0];
        var second = {};
        (done[2].second || []).forEach(function (id) { second[id] = true; });
        return pf.options({ excerptLength: 22 }).then(function () {
          return Promise.all((done[2].bundles || []).slice(1).map(function (path) {
            return pf.mergeIndex(new URL(path, root).pathname);
          }));
        }).then(function () {
          // An empty search returns once every bundle's WebAssembly and manifest are in the
          // worker (options and a single bundle alone start nothing until the first search).
          return pf.search("");
        }).then(function () {
          window.cbSearch.ready = true;
          return { pf: pf, synonyms: done[1], second: second, facets: done[2].facets, names: done[2].names || {} };
        });
      });
    }
    return engine;
  }

  /* The searches of SearchCore.searchPlan (a variant per synonym, the exact phrase, the pages
     of a year typed), merged into one ranked list with cases, kits, guides and tools weighted up
     and a kit whose audience the query names first. A search run lately with the same words and
     filters is not run again. */
  var searched = S.remember(24);
  var runs = 0;  // searches run, not remembered
  function rank(query, selected) {
    return load().then(function (e) {
      var filters = S.filtersFor(selected);
      var plan = S.searchPlan(query, e.synonyms);
      return Promise.all(plan.map(function (step) {
        var only = step.dated ? Object.assign({}, filters, { year: { any: step.years } }) : filters;
        var key = JSON.stringify([step.query, only]);
        return searched(key, function () {
          runs++;
          return e.pf.search(step.query, { filters: only }).then(function (found) { return found ? found.results : []; },
            function (error) { searched.forget(key); throw error; });
        });
      })).then(function (lists) {
        return S.merge(lists, e.second, plan.map(function (step) { return step.weight; }),
          plan.map(function (step) { return Boolean(step.exact); }), S.namedPages(query, e.names));
      });
    });
  }

  /* Run `job` once the reader has paused (see SearchCore.pauseBefore: none on a site whose last
     search took less than the pause); another key from the same owner restarts the wait. The
     engine starts loading on the first key, not after the pause. */
  var timers = new Map();
  function afterPause(owner, query, job) {
    window.clearTimeout(timers.get(owner));
    load();
    var wait = S.pauseBefore(query, lastCost);
    if (wait) timers.set(owner, window.setTimeout(job, wait)); else job();
  }
  function cancelPause(owner) { window.clearTimeout(timers.get(owner)); }

  /* The engine loaded ahead of the first key; a failure shows when the reader searches. */
  function preload() { load().catch(function () {}); }

  /* rank(), through the queue: null when `owner` asked again before this one started. */
  var queue = S.latestQueue();
  var lastCost = null;  // ms the last search run took once the engine had loaded (see afterPause)
  function rankLatest(owner, query, selected) {
    return queue(owner, function () {
      return load().then(function () {
        var started = performance.now();
        var before = runs;
        return rank(query, selected).then(function (hits) {
          if (runs !== before) lastCost = performance.now() - started;  // not a remembered search
          return hits;
        });
      });
    });
  }

  /* Each facet's values: listed by the build, so no filter index is downloaded to show them. */
  function facets() {
    return load().then(function (e) {
      if (!e.facets) return e.pf.filters().then(function (all) {
        var lists = {};
        Object.keys(all).forEach(function (name) { lists[name] = Object.keys(all[name]); });
        return lists;
      });
      return e.facets;
    });
  }

  window.CasebookSearch = { load: load, preload: preload, rank: rank, rankLatest: rankLatest, afterPause: afterPause, cancelPause: cancelPause, facets: facets, root: root };
  // For the benchmark and tests: the last drawn search (its query, how many matched, and the
  // time from the key press to its results in the page, first and all of them).
  // ready: the engine has loaded (on focusing a box), before any search.
  window.cbSearch = { lastMs: null, firstMs: null, query: null, results: null, loaded: false, ready: false, timing: null };

  /* ---- one search box with its results panel ---- */
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
    // The event's time stamp is the key press, so the times below include any wait to handle it.
    this.input.addEventListener("input", function (event) { self.typed(event.timeStamp); });
    this.input.addEventListener("focus", preload);
    if (this.header) this.bindOverlay();
    this.scope = box.querySelector("[data-cb-scope]");
    if (this.scope) this.bindScope();
  }

  /* The home box's type chip ("Case studies only"): a toggle the reader sets or clears, the same
     filter as the panel's "Page type" select, which follows it (and it the select). Cleared, the
     box searches everything, exactly as the header box does. */
  Box.prototype.bindScope = function () {
    var self = this;
    var chip = this.scope;
    var type = chip.getAttribute("data-cb-scope");
    if (chip.getAttribute("aria-pressed") === "true") this.selected.type = [type];
    chip.parentNode.hidden = false;
    chip.addEventListener("click", function () { self.setType(self.scoped() ? "" : type); });
  };

  Box.prototype.scoped = function () {
    var type = this.selected.type || [];
    return Boolean(this.scope) && type.length === 1 && type[0] === this.scope.getAttribute("data-cb-scope");
  };

  Box.prototype.setType = function (value) {
    this.selected.type = value ? [value] : [];
    this.showScope();
    var select = this.filters && this.filters.querySelector('select[data-facet="type"]');
    if (select) select.value = value;
    this.shown = PAGE;
    if (this.input.value.trim()) this.search(performance.now());
  };

  Box.prototype.showScope = function () {
    if (this.scope) this.scope.setAttribute("aria-pressed", String(this.scoped()));
  };

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
      var values = (all[name] || []).slice().sort(function (a, b) { return a.localeCompare(b, "en"); });
      if (!values.length) return;
      var label = el("label", { "class": "cb-search__filter" });
      label.appendChild(el("span", {}, FACET_LABELS[name]));
      var select = el("select", { "data-facet": name });
      select.appendChild(el("option", { value: "" }, "Any"));
      values.forEach(function (value) { select.appendChild(el("option", { value: value }, value)); });
      select.value = (self.selected[name] || [])[0] || "";
      select.addEventListener("change", function () {
        self.selected[name] = select.value ? [select.value] : [];
        self.showScope();
        self.shown = PAGE;
        self.search(performance.now());
      });
      label.appendChild(select);
      self.filters.appendChild(label);
    });
  };

  Box.prototype.typed = function (started) {
    var self = this;
    var query = this.input.value.trim();
    this.build();
    if (!query) { cancelPause(this); this.search(started); return; }
    this.status.textContent = "Searching…";
    afterPause(this, query, function () { self.search(started); });
  };

  Box.prototype.search = function (started, keepScroll) {
    var query = this.input.value.trim();
    this.build();
    var ticket = ++this.sequence;
    var self = this;
    if (!query) { this.render([], "", started); this.list.textContent = ""; this.done(started, "", []); return; }
    if (!keepScroll) this.shown = PAGE;
    this.status.textContent = "Searching…";
    rankLatest(this, query, this.selected).then(function (hits) {
      if (hits === null || ticket !== self.sequence) return;  // the reader typed on; a newer search will draw
      self.ranked = performance.now() - started;
      self.render(hits, query);
      self.draw(hits.slice(0, self.shown), ticket, started, query, hits);
    }).catch(function () {
      if (ticket === self.sequence) self.status.textContent = "Search could not load. Try the case explorer instead.";
    });
  };

  /* Each result's fragment (title, excerpt, figure) is fetched in parallel; results are drawn
     in rank order as soon as every one above them has arrived. */
  Box.prototype.draw = function (page, ticket, started, query, hits) {
    var self = this;
    var pages = new Array(page.length);
    var drawn = 0;
    var first = null;
    if (!page.length) { this.list.textContent = ""; this.done(started, query, hits); return; }
    page.forEach(function (hit, i) {
      hit.result.data().then(function (data) { return data; }, function () { return false; }).then(function (data) {
        if (ticket !== self.sequence) return;
        pages[i] = data;
        if (drawn === 0 && pages[0] !== undefined) self.list.textContent = "";  // keep the old list until the new one starts
        var fragment = document.createDocumentFragment();
        while (drawn < pages.length && pages[drawn] !== undefined) {
          if (pages[drawn]) fragment.appendChild(hitItem(pages[drawn]));
          drawn++;
        }
        if (fragment.childNodes.length) {
          self.list.appendChild(fragment);
          if (first === null) first = performance.now() - started;
        }
        if (drawn === pages.length) { window.cbSearch.firstMs = first; self.done(started, query, hits); }
      });
    });
  };

  Box.prototype.render = function (hits, query) {
    this.status.textContent = !query ? (this.scoped() ? "Type to search the case studies." : "Type to search cases, kits, statements and guides.")
      : hits.length === 0 ? "Nothing matches “" + query + "”. Try fewer words, or another filter."
      : this.scoped() ? (hits.length === 1 ? "1 case study matches" : hits.length + " case studies match")
      : hits.length === 1 ? "1 page matches" : hits.length + " pages match";
    this.more.hidden = hits.length <= this.shown;
    this.more.textContent = "Show more results";
    this.explorer.hidden = !query;
    this.explorer.href = new URL("cases/?q=" + encodeURIComponent(query), root).href;
    this.explorer.textContent = "Filter the matching case studies in the explorer";
  };

  Box.prototype.done = function (started, query, hits) {
    var now = performance.now();
    window.cbSearch.lastMs = now - started;
    window.cbSearch.timing = query ? { ranked: this.ranked, first: window.cbSearch.firstMs, drawn: now - started } : null;
    window.cbSearch.query = query;
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
    // The evidence label as the page shows it (casebook.strength, written into its metadata).
    if (meta.evidence) link.appendChild(el("span", { "class": "cb-hit__evidence" }, meta.evidence));
    var excerpt = el("span", { "class": "cb-hit__excerpt" });
    S.snippet(page.excerpt, meta.title).forEach(function (piece) {
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
