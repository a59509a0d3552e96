/* The case explorer page: free text (the site search's ranking), facets, sorts and results over
   the compact explorer index (cases/explorer.json), with the whole state in the URL (the back
   button steps through changes). On a phone the facets open as a sheet from a sticky bar.
   Without JavaScript the page keeps its plain list of every case. */
(() => {
  "use strict";
  const host = document.getElementById("cb-explorer");
  const X = window.CaseExplorer;
  if (!host || !X) return;
  const H = window.cbHelpers;
  const el = H.el;
  const base = new URL(host.getAttribute("data-base"), window.location.href);
  const PAGE = 50;
  const LABELS = {
    audience: "Audience",
    topic: "Topic",
    sector: "Sector",
    country: "Country",
    channel: "Channel",
    strength: "Evidence",
  };
  const OPEN = ["audience", "topic", "sector", "country"]; // groups open on a desktop at first
  const AND_FACETS = ["audience", "topic", "channel"];
  const SORT_LABELS = [
    ["relevance", "Relevance"],
    ["strength", "Strongest evidence"],
    ["recent", "Most recent"],
  ];
  let vocab,
    known = {},
    labelOf = {};
  let records = [];
  let state = X.emptyState();
  let ranks = null; // case id -> position in the site search's ranking for state.q
  let shown = PAGE;
  let ticket = 0;
  let fragments = null;
  const desktop = window.matchMedia("(min-width: 60em)");

  /* ---- skeleton, built once the index has loaded ---- */
  const ui = {};
  function build() {
    ui.search = el("input", {
      type: "search",
      id: "cb-q",
      name: "q",
      placeholder: "Place, organisation, measure…",
      autocomplete: "off",
    });
    const searchBox = el("div", { class: "cb-explorer__search", role: "search" });
    searchBox.appendChild(el("label", { for: "cb-q" }, "Search the case studies"));
    searchBox.appendChild(ui.search);
    ui.bar = el("div", { class: "cb-explorer__bar" });
    ui.count = el("p", { class: "cb-explorer__count", role: "status", "aria-live": "polite" });
    ui.toggle = el(
      "button",
      { type: "button", class: "cb-explorer__toggle", "aria-controls": "cb-filters", "aria-expanded": "false" },
      "Filters",
    );
    ui.sort = el("select", { id: "cb-sort", name: "sort" });
    SORT_LABELS.forEach((pair) => {
      ui.sort.appendChild(el("option", { value: pair[0] }, pair[1]));
    });
    const sortLabel = el("label", { for: "cb-sort", class: "cb-explorer__sort" }, "Sort ");
    sortLabel.appendChild(ui.sort);
    ui.reset = el("a", { href: "./", class: "cb-explorer__reset" }, "Clear all");
    [ui.count, ui.toggle, sortLabel, ui.reset].forEach((node) => {
      ui.bar.appendChild(node);
    });
    ui.note = el("p", { class: "cb-explorer__note", role: "status", "aria-live": "polite" });

    ui.form = el("form", { class: "cb-explorer__filters", id: "cb-filters", "aria-label": "Filter cases" });
    const sheetHead = el("div", { class: "cb-explorer__sheet-head" });
    sheetHead.appendChild(el("h2", {}, "Filters"));
    ui.close = el("button", { type: "button", class: "cb-explorer__close", "aria-label": "Close filters" }, "×");
    sheetHead.appendChild(ui.close);
    ui.form.appendChild(sheetHead);
    ui.facets = {};
    X.FACET_NAMES.forEach((name) => {
      const group = el("details", { class: "cb-facet", "data-facet": name });
      if (desktop.matches && OPEN.indexOf(name) !== -1) group.open = true;
      const summary = el("summary", {});
      summary.appendChild(el("span", { class: "cb-facet__name" }, LABELS[name]));
      summary.appendChild(el("span", { class: "cb-facet__ticked" }));
      group.appendChild(summary);
      if (AND_FACETS.indexOf(name) !== -1) {
        const mode = el("label", { class: "cb-facet__mode" });
        mode.appendChild(el("input", { type: "checkbox", "data-match-all": name }));
        mode.appendChild(document.createTextNode(" Must match all ticked"));
        group.appendChild(mode);
      }
      group.appendChild(el("ul", { class: "cb-facet__values" }));
      ui.facets[name] = group;
      ui.form.appendChild(group);
      if (name === "country") ui.form.appendChild(yearGroup());
    });
    ui.apply = el("button", { type: "button", class: "md-button md-button--primary cb-explorer__apply" });
    ui.form.appendChild(ui.apply);

    ui.list = el("ul", { class: "cb-explorer__list" });
    ui.more = el("button", { type: "button", class: "md-button cb-explorer__more" });
    const results = el("section", { class: "cb-explorer__results", "aria-label": "Results" });
    [searchBox, ui.bar, ui.note, ui.list, ui.more].forEach((node) => {
      results.appendChild(node);
    });
    host.appendChild(ui.form);
    host.appendChild(results);
  }

  function yearGroup() {
    const group = el("details", { class: "cb-facet cb-facet--years" });
    group.appendChild(el("summary", {}, "Year"));
    ui.yearFrom = el("select", { name: "year_from", "aria-label": "From year" });
    ui.yearTo = el("select", { name: "year_to", "aria-label": "To year" });
    [ui.yearFrom, ui.yearTo].forEach((select) => {
      select.appendChild(el("option", { value: "" }, "Any"));
      vocab.years.forEach((year) => {
        select.appendChild(el("option", { value: String(year) }, String(year)));
      });
    });
    const row = el("p", { class: "cb-facet__years" });
    row.appendChild(ui.yearFrom);
    row.appendChild(el("span", { "aria-hidden": "true" }, " to "));
    row.appendChild(ui.yearTo);
    group.appendChild(row);
    return group;
  }

  /* ---- state <-> controls ---- */
  function readControls() {
    const next = X.emptyState();
    X.FACET_NAMES.forEach((name) => {
      next[name] = Array.prototype.slice
        .call(ui.facets[name].querySelectorAll("input[data-value]:checked"))
        .map((input) => input.getAttribute("data-value"));
    });
    next.matchAll = Array.prototype.slice
      .call(ui.form.querySelectorAll("input[data-match-all]:checked"))
      .map((input) => input.getAttribute("data-match-all"));
    next.q = ui.search.value.trim();
    next.sort = state.sort; // chosen only from the sort menu, so typing can switch the default
    next.year_from = ui.yearFrom.value ? Number(ui.yearFrom.value) : null;
    next.year_to = ui.yearTo.value ? Number(ui.yearTo.value) : null;
    return next;
  }

  function renderFacet(name, counts) {
    const ul = ui.facets[name].querySelector("ul");
    ul.textContent = "";
    vocab[name].forEach((pair) => {
      const value = pair[0];
      const ticked = state[name].indexOf(value) !== -1;
      const n = counts[value] || 0;
      const li = el("li", { class: n || ticked ? "" : "cb-facet__empty" });
      const label = el("label");
      const input = el("input", { type: "checkbox", "data-value": value });
      input.checked = ticked;
      input.disabled = !n && !ticked;
      label.appendChild(input);
      label.appendChild(el("span", { class: "cb-facet__label" }, pair[1]));
      label.appendChild(el("span", { class: "cb-facet__count" }, String(n)));
      li.appendChild(label);
      ul.appendChild(li);
    });
    const toggle = ui.facets[name].querySelector("input[data-match-all]");
    if (toggle) toggle.checked = state.matchAll.indexOf(name) !== -1;
    ui.facets[name].querySelector(".cb-facet__ticked").textContent = state[name].length
      ? `${state[name].length} ticked`
      : "";
  }

  // The card body is the site's own case card (templates/case-card-body.html.j2), cloned.
  const cardBody = document.getElementById("cb-case-card");
  function card(item) {
    const li = el("li", { class: "cb-result", "data-case-id": item.id });
    const body = cardBody.content.cloneNode(true);
    const slot = (name) => body.querySelector(`[data-slot="${name}"]`);
    slot("kicker").textContent = `${item.organisation} · ${labelOf.country[item.country]} · ${item.year}`;
    slot("title").textContent = item.title;
    slot("title").setAttribute("href", new URL(item.url, base).href);
    slot("value").textContent = item.value;
    slot("measure").textContent = item.measure;
    // A headline quoted in another language shows its English gloss, as on the case page.
    const gloss = slot("gloss");
    if (gloss) {
      gloss.textContent = `(${item.gloss})`;
      gloss.hidden = !item.gloss;
    }
    li.appendChild(body);
    const foot = el("p", { class: "cb-result__foot" });
    // The evidence label its page shows (casebook.strength), not the source's grade.
    foot.appendChild(
      el("span", { class: `cb-strength cb-strength--${item.evidence}` }, labelOf.strength[item.evidence]),
    );
    foot.appendChild(
      el(
        "button",
        { type: "button", class: "cb-result__like", "data-sector": item.sector, "data-country": item.country },
        `Organisations like this: ${labelOf.sector[item.sector]}, ${labelOf.country[item.country]}`,
      ),
    );
    // Pin to the briefing builder; kits.js keeps the pins and their pressed state.
    foot.appendChild(
      el(
        "button",
        {
          type: "button",
          class: "cb-pin",
          "data-pin": `c:${item.id}`,
          "data-builder": new URL("briefing/", base).href,
          "aria-pressed": "false",
        },
        "Pin to my briefing",
      ),
    );
    li.appendChild(foot);
    return li;
  }

  function render() {
    const started = performance.now();
    const seen = X.view(records, state, state.q ? ranks : null);
    const found = seen.results;
    X.FACET_NAMES.forEach((name) => {
      renderFacet(name, seen.counts[name]);
    });
    ui.search.value = state.q;
    ui.sort.value = X.sortOf(state);
    ui.sort.querySelector('option[value="relevance"]').disabled = !state.q;
    ui.yearFrom.value = state.year_from === null ? "" : String(state.year_from);
    ui.yearTo.value = state.year_to === null ? "" : String(state.year_to);
    const words = found.length === 1 ? "1 case" : `${found.length} cases`;
    ui.count.textContent = words;
    ui.apply.textContent = `Show ${words}`;
    const ticked = X.activeCount(state);
    ui.toggle.textContent = ticked ? `Filters (${ticked})` : "Filters";
    ui.list.textContent = "";
    const fragment = document.createDocumentFragment();
    found.slice(0, shown).forEach((record) => {
      fragment.appendChild(card(record.item));
    });
    ui.list.appendChild(fragment);
    if (window.cbPins) window.cbPins.refresh();
    if (!found.length)
      ui.list.appendChild(
        el(
          "li",
          { class: "cb-explorer__none" },
          "No case matches all of these. Remove a filter or a word, or clear them all.",
        ),
      );
    ui.more.hidden = found.length <= shown;
    ui.more.textContent = `Show ${Math.min(PAGE, found.length - shown)} more of ${found.length - shown}`;
    window.cbExplorer.lastApplyMs = performance.now() - started;
    window.cbExplorer.results = found.length;
    window.cbExplorer.ready = true;
  }

  function commit(push) {
    const query = X.toSearch(state);
    if (query !== window.location.search) {
      window.history[push ? "pushState" : "replaceState"](null, "", query || window.location.pathname);
    }
  }

  /* The site search ranks the words; its page hashes map to case ids through a file the build
     writes next to the index. Without it the words match the cards' own text. */
  function rankWords(push, started) {
    const mine = ++ticket;
    const search = window.CasebookSearch;
    if (!state.q || !search) {
      ranks = null;
      render();
      commit(push);
      searched(started);
      return;
    }
    window.cbExplorer.searching = true;
    if (!fragments) {
      fragments = H.fetchJson(new URL("search/case-fragments.json", base));
    }
    Promise.all([search.rankLatest(window.cbExplorer, state.q, { type: ["Case study"] }), fragments])
      .then((done) => {
        if (mine !== ticket || done[0] === null) return;
        ranks = {};
        done[0].forEach((hit, i) => {
          const id = done[1][hit.id];
          if (id && !(id in ranks)) ranks[id] = i;
        });
      })
      .catch((error) => {
        ranks = null;
        window.cbExplorer.searchError = String(error);
      })
      .then(() => {
        if (mine !== ticket) return;
        window.cbExplorer.searching = false;
        render();
        commit(push);
        searched(started);
      });
  }

  /* For the benchmark: from the key press in the box to the ranked, filtered list drawn. */
  function searched(started) {
    if (started !== undefined) window.cbExplorer.lastSearchMs = performance.now() - started;
  }

  function change(push, started) {
    state = readControls();
    shown = PAGE;
    ui.note.textContent = "";
    rankWords(push, started);
  }

  /* On a wide screen the filters stay beside the results; a filter that shortens the list can
     leave it above the screen, or a sliver of its end, with an empty column in view. When the
     reader is past the top of the results and the list no longer reaches the bottom of the
     screen, bring its start back; a list that still fills the screen stays where it is. */
  function keepResultsInView() {
    window.requestAnimationFrame(() => {
      if (host.classList.contains("cb-explorer--sheet")) return;
      const list = ui.list.getBoundingClientRect();
      if (list.top < 0 && list.bottom < window.innerHeight) host.scrollIntoView({ block: "start" });
    });
  }

  function openSheet(open) {
    host.classList.toggle("cb-explorer--sheet", open);
    document.documentElement.classList.toggle("cb-sheet-open", open);
    ui.toggle.setAttribute("aria-expanded", String(open));
    if (open) ui.close.focus();
    else ui.toggle.focus();
  }

  function bind() {
    ui.form.addEventListener("change", () => {
      change(true);
      keepResultsInView();
    });
    ui.sort.addEventListener("change", () => {
      state.sort = ui.sort.value === X.sortOf({ q: state.q, sort: null }) ? null : ui.sort.value;
      change(true);
    });
    ui.search.addEventListener("input", (event) => {
      const started = event.timeStamp;
      const search = window.CasebookSearch;
      const words = ui.search.value.trim();
      if (!search || !words) {
        change(false, started);
        return;
      }
      // The state follows the box at once (a search finishing meanwhile must not put older
      // words back in it) and older searches are dropped; the new one waits for the pause.
      state = readControls();
      shown = PAGE;
      ui.note.textContent = "";
      ticket++;
      window.cbExplorer.searching = true; // from the key, through the pause, to the list drawn
      search.afterPause(ui.search, words, () => {
        rankWords(false, started);
      });
    });
    ui.search.addEventListener("focus", () => {
      if (window.CasebookSearch) window.CasebookSearch.preload();
    });
    ui.search.addEventListener("keydown", (event) => {
      if (event.key !== "Enter") return;
      event.preventDefault();
      if (window.CasebookSearch) window.CasebookSearch.cancelPause(ui.search);
      change(true, event.timeStamp);
    });
    ui.form.addEventListener("submit", (event) => {
      event.preventDefault();
    });
    ui.more.addEventListener("click", () => {
      shown += PAGE;
      render();
    });
    ui.toggle.addEventListener("click", () => {
      openSheet(true);
    });
    ui.close.addEventListener("click", () => {
      openSheet(false);
    });
    ui.apply.addEventListener("click", () => {
      openSheet(false);
      host.scrollIntoView({ block: "start" });
    });
    document.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && host.classList.contains("cb-explorer--sheet")) openSheet(false);
    });
    ui.list.addEventListener("click", (event) => {
      const like = event.target.closest(".cb-result__like");
      if (!like) return;
      const sector = like.getAttribute("data-sector");
      const country = like.getAttribute("data-country");
      if (state.sector.indexOf(sector) === -1) state.sector = state.sector.concat([sector]);
      if (state.country.indexOf(country) === -1) state.country = state.country.concat([country]);
      shown = PAGE;
      render();
      commit(true);
      ui.note.textContent = `Added to your filters: ${labelOf.sector[sector]} and ${labelOf.country[country]}.`;
      host.scrollIntoView({ block: "start" });
    });
    ui.reset.addEventListener("click", (event) => {
      event.preventDefault();
      state = X.emptyState();
      ui.note.textContent = "";
      rankWords(true);
    });
    window.addEventListener("popstate", () => {
      state = X.parseState(window.location.search, known);
      shown = PAGE;
      rankWords(false);
    });
  }

  window.cbExplorer = { lastApplyMs: null, lastSearchMs: null, results: null, ready: false, searching: false };
  // This script is deferred and the site search's script comes after it: start once every
  // deferred script has run (DOMContentLoaded).
  const parsed = new Promise((resolve) => {
    document.addEventListener("DOMContentLoaded", resolve);
  });
  Promise.all([H.fetchJson(host.getAttribute("data-index")), parsed])
    .then((done) => {
      const index = done[0];
      vocab = index.v;
      X.FACET_NAMES.forEach((name) => {
        known[name] = vocab[name].map((pair) => pair[0]);
        labelOf[name] = {};
        vocab[name].forEach((pair) => {
          labelOf[name][pair[0]] = pair[1];
        });
      });
      records = X.fromIndex(index);
      build();
      bind();
      state = X.parseState(window.location.search, known);
      host.hidden = false;
      document.getElementById("cb-plain-list").hidden = true;
      rankWords(false);
    })
    .catch(() => {
      host.hidden = true; // the plain list stays
    });
})();
