/* The site search: one engine (Pagefind) behind the header box on every page, the home page box
   and the case explorer's free text. Nothing is fetched until the reader focuses a search box;
   then Pagefind's script and index manifest load, and each search only the chunks its words need. */
(() => {
  "use strict";
  const S = window.SearchCore;
  const H = window.cbHelpers;
  const el = H.el;
  const configNode = document.getElementById("__config");
  if (!S || !configNode) return;
  const root = new URL(JSON.parse(configNode.textContent).base.replace(/\/?$/, "/"), window.location.href);
  const PAGE = 10;
  const FACET_LABELS = { audience: "Audience", topic: "Topic", sector: "Sector", type: "Page type" };
  let engine = null;

  /* ---- the engine, shared by every box on the page and by the explorer ---- */
  function json(path, fallback) {
    return H.fetchJson(new URL(path, root)).catch(() => fallback);
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
        json("search/ranking.json", { bundles: [], second: [], facets: null, names: {} }),
      ]).then((done) => {
        const pf = done[0];
        const second = {};
        (done[2].second || []).forEach((id) => {
          second[id] = true;
        });
        return pf
          .options({ excerptLength: 22 })
          .then(() =>
            Promise.all((done[2].bundles || []).slice(1).map((path) => pf.mergeIndex(new URL(path, root).pathname))),
          )
          .then(() => {
            // An empty search returns once every bundle's WebAssembly and manifest are in the
            // worker (options and a single bundle alone start nothing until the first search).
            return pf.search("");
          })
          .then(() => {
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
  const searched = S.remember(24);
  let runs = 0; // searches run, not remembered
  function rank(query, selected) {
    return load().then((e) => {
      const filters = S.filtersFor(selected);
      const plan = S.searchPlan(query, e.synonyms);
      return Promise.all(
        plan.map((step) => {
          const only = step.dated ? Object.assign({}, filters, { year: { any: step.years } }) : filters;
          const key = JSON.stringify([step.query, only]);
          return searched(key, () => {
            runs++;
            return e.pf.search(step.query, { filters: only }).then(
              (found) => (found ? found.results : []),
              (error) => {
                searched.forget(key);
                throw error;
              },
            );
          });
        }),
      ).then((lists) =>
        S.merge(
          lists,
          e.second,
          plan.map((step) => step.weight),
          plan.map((step) => Boolean(step.exact)),
          S.namedPages(query, e.names),
        ),
      );
    });
  }

  /* Run `job` once the reader has paused (see SearchCore.pauseBefore: none on a site whose last
     search took less than the pause); another key from the same owner restarts the wait. The
     engine starts loading on the first key, not after the pause. */
  const timers = new Map();
  function afterPause(owner, query, job) {
    window.clearTimeout(timers.get(owner));
    load();
    const wait = S.pauseBefore(query, lastCost);
    if (wait) timers.set(owner, window.setTimeout(job, wait));
    else job();
  }
  function cancelPause(owner) {
    window.clearTimeout(timers.get(owner));
  }

  /* The engine loaded ahead of the first key; a failure shows when the reader searches. */
  function preload() {
    load().catch(() => {});
  }

  /* rank(), through the queue: null when `owner` asked again before this one started. */
  const queue = S.latestQueue();
  let lastCost = null; // ms the last search run took once the engine had loaded (see afterPause)
  function rankLatest(owner, query, selected) {
    return queue(owner, () =>
      load().then(() => {
        const started = performance.now();
        const before = runs;
        return rank(query, selected).then((hits) => {
          if (runs !== before) lastCost = performance.now() - started; // not a remembered search
          return hits;
        });
      }),
    );
  }

  /* Each facet's values: listed by the build, so no filter index is downloaded to show them. */
  function facets() {
    return load().then((e) => {
      if (!e.facets)
        return e.pf.filters().then((all) => {
          const lists = {};
          Object.keys(all).forEach((name) => {
            lists[name] = Object.keys(all[name]);
          });
          return lists;
        });
      return e.facets;
    });
  }

  window.CasebookSearch = {
    load: load,
    preload: preload,
    rank: rank,
    rankLatest: rankLatest,
    afterPause: afterPause,
    cancelPause: cancelPause,
    facets: facets,
    root: root,
  };
  // For the benchmark and tests: the last drawn search (its query, how many matched, and the
  // time from the key press to its results in the page, first and all of them).
  // ready: the engine has loaded (on focusing a box), before any search.
  window.cbSearch = {
    lastMs: null,
    firstMs: null,
    query: null,
    results: null,
    loaded: false,
    ready: false,
    timing: null,
  };

  /* ---- one search box with its results panel ---- */
  class Box {
    constructor(box) {
      this.box = box;
      this.input = box.querySelector("[data-cb-search-input]");
      this.panel = box.querySelector("[data-cb-search-panel]");
      this.header = box.classList.contains("md-search");
      this.selected = {};
      this.shown = PAGE;
      this.sequence = 0;
      this.built = false;
      // The event's time stamp is the key press, so the times below include any wait to handle it.
      this.input.addEventListener("input", (event) => {
        this.typed(event.timeStamp);
      });
      this.input.addEventListener("focus", preload);
      if (this.header) this.bindOverlay();
      this.scope = box.querySelector("[data-cb-scope]");
      if (this.scope) this.bindScope();
    }

    /* The home box's type chip ("Case studies only"): a toggle the reader sets or clears, the same
     filter as the panel's "Page type" select, which follows it (and it the select). Cleared, the
     box searches everything, exactly as the header box does. */
    bindScope() {
      const chip = this.scope;
      const type = chip.getAttribute("data-cb-scope");
      if (chip.getAttribute("aria-pressed") === "true") this.selected.type = [type];
      chip.parentNode.hidden = false;
      chip.addEventListener("click", () => {
        this.setType(this.scoped() ? "" : type);
      });
    }

    scoped() {
      const type = this.selected.type || [];
      return Boolean(this.scope) && type.length === 1 && type[0] === this.scope.getAttribute("data-cb-scope");
    }

    setType(value) {
      this.selected.type = value ? [value] : [];
      this.showScope();
      const select = this.filters?.querySelector('select[data-facet="type"]');
      if (select) select.value = value;
      this.shown = PAGE;
      if (this.input.value.trim()) this.search(performance.now());
    }

    showScope() {
      if (this.scope) this.scope.setAttribute("aria-pressed", String(this.scoped()));
    }

    bindOverlay() {
      const toggle = document.getElementById("__search");
      const input = this.input;
      input.addEventListener("focus", () => {
        if (toggle) toggle.checked = true;
      });
      input.addEventListener("keydown", (event) => {
        if (event.key === "Escape") {
          if (toggle) toggle.checked = false;
          input.blur();
        }
      });
      if (toggle)
        toggle.addEventListener("change", () => {
          if (toggle.checked)
            window.setTimeout(() => {
              input.focus();
            }, 0);
          else input.blur();
        });
      this.box.querySelector("form").addEventListener("submit", (event) => {
        const first = this.panel.querySelector(".cb-hit a");
        if (first) {
          event.preventDefault();
          window.location.href = first.href;
        }
      });
      this.box.querySelector("form").addEventListener("reset", () => {
        window.setTimeout(() => {
          this.search(performance.now());
          input.focus();
        }, 0);
      });
    }

    build() {
      if (this.built) return;
      this.built = true;
      // Folded on a phone, where four selects would push the results below the screen.
      const narrow = el("details", { class: "cb-search__narrow" });
      if (window.matchMedia("(min-width: 60em)").matches) narrow.open = true;
      narrow.appendChild(el("summary", {}, "Narrow by audience, topic, sector or page type"));
      this.filters = el("div", { class: "cb-search__filters", role: "group", "aria-label": "Narrow the results" });
      narrow.appendChild(this.filters);
      this.status = el("p", { class: "cb-search__status", role: "status", "aria-live": "polite" });
      this.list = el("ol", { class: "cb-search__results" });
      this.more = el("button", { type: "button", class: "md-button cb-search__more", hidden: "" });
      this.explorer = el("a", { class: "cb-search__explorer", hidden: "" });
      this.panel.appendChild(narrow);
      this.panel.appendChild(this.status);
      this.panel.appendChild(this.list);
      this.panel.appendChild(this.more);
      this.panel.appendChild(this.explorer);
      this.more.addEventListener("click", () => {
        this.shown += PAGE;
        this.search(performance.now(), true);
      });
      facets().then((all) => {
        this.buildFilters(all);
      });
    }

    buildFilters(all) {
      S.FACETS.forEach((name) => {
        const values = (all[name] || []).slice().sort((a, b) => a.localeCompare(b, "en"));
        if (!values.length) return;
        const label = el("label", { class: "cb-search__filter" });
        label.appendChild(el("span", {}, FACET_LABELS[name]));
        const select = el("select", { "data-facet": name });
        select.appendChild(el("option", { value: "" }, "Any"));
        values.forEach((value) => {
          select.appendChild(el("option", { value: value }, value));
        });
        select.value = (this.selected[name] || [])[0] || "";
        select.addEventListener("change", () => {
          this.selected[name] = select.value ? [select.value] : [];
          this.showScope();
          this.shown = PAGE;
          this.search(performance.now());
        });
        label.appendChild(select);
        this.filters.appendChild(label);
      });
    }

    typed(started) {
      const query = this.input.value.trim();
      this.build();
      if (!query) {
        cancelPause(this);
        this.search(started);
        return;
      }
      this.status.textContent = "Searching…";
      afterPause(this, query, () => {
        this.search(started);
      });
    }

    search(started, keepScroll) {
      const query = this.input.value.trim();
      this.build();
      const ticket = ++this.sequence;
      if (!query) {
        this.render([], "", started);
        this.list.textContent = "";
        this.done(started, "", []);
        return;
      }
      if (!keepScroll) this.shown = PAGE;
      this.status.textContent = "Searching…";
      rankLatest(this, query, this.selected)
        .then((hits) => {
          if (hits === null || ticket !== this.sequence) return; // the reader typed on; a newer search will draw
          this.ranked = performance.now() - started;
          this.render(hits, query);
          this.draw(hits.slice(0, this.shown), ticket, started, query, hits);
        })
        .catch(() => {
          if (ticket === this.sequence)
            this.status.textContent = "Search could not load. Try the case explorer instead.";
        });
    }

    /* Each result's fragment (title, excerpt, figure) is fetched in parallel; results are drawn
     in rank order as soon as every one above them has arrived. */
    draw(page, ticket, started, query, hits) {
      const pages = new Array(page.length);
      let drawn = 0;
      let first = null;
      if (!page.length) {
        this.list.textContent = "";
        this.done(started, query, hits);
        return;
      }
      page.forEach((hit, i) => {
        hit.result
          .data()
          .then(
            (data) => data,
            () => false,
          )
          .then((data) => {
            if (ticket !== this.sequence) return;
            pages[i] = data;
            if (drawn === 0 && pages[0] !== undefined) this.list.textContent = ""; // keep the old list until the new one starts
            const fragment = document.createDocumentFragment();
            while (drawn < pages.length && pages[drawn] !== undefined) {
              if (pages[drawn]) fragment.appendChild(hitItem(pages[drawn]));
              drawn++;
            }
            if (fragment.childNodes.length) {
              this.list.appendChild(fragment);
              if (first === null) first = performance.now() - started;
            }
            if (drawn === pages.length) {
              window.cbSearch.firstMs = first;
              this.done(started, query, hits);
            }
          });
      });
    }

    render(hits, query) {
      this.status.textContent = !query
        ? this.scoped()
          ? "Type to search the case studies."
          : "Type to search cases, kits, statements and guides."
        : hits.length === 0
          ? `Nothing matches “${query}”. Try fewer words, or another filter.`
          : this.scoped()
            ? hits.length === 1
              ? "1 case study matches"
              : `${hits.length} case studies match`
            : hits.length === 1
              ? "1 page matches"
              : `${hits.length} pages match`;
      this.more.hidden = hits.length <= this.shown;
      this.more.textContent = "Show more results";
      this.explorer.hidden = !query;
      this.explorer.href = new URL(`cases/?q=${encodeURIComponent(query)}`, root).href;
      this.explorer.textContent = "Filter the matching case studies in the explorer";
    }

    done(started, query, hits) {
      const now = performance.now();
      window.cbSearch.lastMs = now - started;
      window.cbSearch.timing = query
        ? { ranked: this.ranked, first: window.cbSearch.firstMs, drawn: now - started }
        : null;
      window.cbSearch.query = query;
      window.cbSearch.results = hits.length;
      window.cbSearch.loaded = true;
    }
  }

  function hitItem(page) {
    const meta = page.meta || {};
    const filters = page.filters || {};
    const li = el("li", { class: "cb-hit" });
    const link = el("a", { href: page.url });
    const type = (filters.type || [])[0];
    if (type) link.appendChild(el("span", { class: "cb-hit__type" }, type));
    link.appendChild(el("span", { class: "cb-hit__title" }, meta.title || page.url));
    if (meta.figure) {
      const figure = el("span", { class: "cb-hit__figure" });
      figure.appendChild(el("strong", {}, meta.figure));
      if (meta.measure) figure.appendChild(document.createTextNode(` ${meta.measure}`));
      link.appendChild(figure);
    }
    // The evidence label as the page shows it (casebook.strength, written into its metadata).
    if (meta.evidence) link.appendChild(el("span", { class: "cb-hit__evidence" }, meta.evidence));
    const excerpt = el("span", { class: "cb-hit__excerpt" });
    S.snippet(page.excerpt, meta.title).forEach((piece) => {
      excerpt.appendChild(piece[1] ? el("mark", {}, piece[0]) : document.createTextNode(piece[0]));
    });
    link.appendChild(excerpt);
    const chips = filters.audience || [];
    if (chips.length) {
      const row = el("span", { class: "cb-hit__chips" });
      chips.forEach((name) => {
        row.appendChild(el("span", { class: "cb-hit__chip" }, name));
      });
      link.appendChild(row);
    }
    li.appendChild(link);
    return li;
  }

  document.querySelectorAll("[data-cb-search-box]").forEach((box) => {
    new Box(box);
  });
})();
