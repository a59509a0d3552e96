/* Case explorer logic, free of the page so Node can test it: the compact explorer index ->
   records, the URL <-> state mapping, the filter (OR within a facet unless the facet is switched
   to AND; AND across facets; free text through the site search's ranking when the page has it),
   the counts each facet value would leave, and the sorts. */
((root, factory) => {
  "use strict";
  const api = factory();
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    root.CaseExplorer = api;
  }
})(typeof self !== "undefined" ? self : this, () => {
  "use strict";

  // URL parameter -> field of a case record. `strength` is the evidence label every page shows
  // (casebook.model.strength), the same set and words as the statements page's filter.
  const FACETS = {
    audience: "audiences",
    topic: "topics",
    sector: "sector",
    country: "country",
    channel: "channels",
    strength: "evidence",
  };
  const FACET_NAMES = Object.keys(FACETS);
  const SORTS = ["relevance", "strength", "recent"];
  const GRADE_RANK = { primary: 3, secondary: 2, unconfirmed: 1 };
  const MATCH_ALL = "match_all";
  const own = Object.prototype.hasOwnProperty; // ranks come from the page: own keys only

  function emptyState() {
    const state = { q: "", sort: null, year_from: null, year_to: null, matchAll: [] };
    FACET_NAMES.forEach((name) => {
      state[name] = [];
    });
    return state;
  }

  function splitList(raw) {
    return (raw || "")
      .split(",")
      .map((v) => v.trim())
      .filter(Boolean);
  }

  function parseYear(raw) {
    return /^\d{4}$/.test(raw || "") ? Number(raw) : null;
  }

  /* Read a query string. `known` maps each facet to the values that exist; anything else
     (unknown values, bad years, unknown sort) is dropped without complaint. */
  function parseState(search, known) {
    const params = new URLSearchParams(search);
    const state = emptyState();
    FACET_NAMES.forEach((name) => {
      const allowed = known?.[name];
      state[name] = splitList(params.get(name)).filter(
        (value, i, all) => all.indexOf(value) === i && (!allowed || allowed.indexOf(value) !== -1),
      );
    });
    state.q = (params.get("q") || "").trim().slice(0, 200);
    state.sort = SORTS.indexOf(params.get("sort")) !== -1 ? params.get("sort") : null;
    state.year_from = parseYear(params.get("year_from"));
    state.year_to = parseYear(params.get("year_to"));
    if (state.year_from !== null && state.year_to !== null && state.year_from > state.year_to) {
      const swap = state.year_from;
      state.year_from = state.year_to;
      state.year_to = swap;
    }
    state.matchAll = splitList(params.get(MATCH_ALL)).filter(
      (name) => name === "topic" || name === "audience" || name === "channel",
    );
    return state;
  }

  /* The canonical query string: facets in a fixed order, defaults left out. */
  function toSearch(state) {
    const parts = [];
    FACET_NAMES.forEach((name) => {
      if (state[name].length) parts.push(`${name}=${state[name].map(encodeURIComponent).join(",")}`);
    });
    if (state.year_from !== null) parts.push(`year_from=${state.year_from}`);
    if (state.year_to !== null) parts.push(`year_to=${state.year_to}`);
    if (state.q) parts.push(`q=${encodeURIComponent(state.q)}`);
    if (state.sort && state.sort !== defaultSort(state)) parts.push(`sort=${state.sort}`);
    if (state.matchAll.length) parts.push(`${MATCH_ALL}=${state.matchAll.join(",")}`);
    return parts.length ? `?${parts.join("&")}` : "";
  }

  function fold(text) {
    return String(text)
      .toLowerCase()
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "");
  }

  /* Relevance when there are words to rank by, else the most recent work first. */
  function defaultSort(state) {
    return state.q ? "relevance" : "recent";
  }
  function sortOf(state) {
    return state.sort === "relevance" && !state.q ? "recent" : state.sort || defaultSort(state);
  }

  /* Records from case objects; `text` is what the box matches when the site search cannot load. */
  function prepare(cases) {
    return cases.map((c) => ({ item: c, text: fold([c.title, c.organisation, c.value, c.measure].join(" ")) }));
  }

  /* The compact explorer index (casebook/exports/explorer.py): facet values as positions in `v`, one
     row per case -> the case objects the filters read. */
  function fromIndex(index) {
    const v = index.v;
    const pick = (name) => (i) => v[name][i][0];
    return prepare(
      index.c.map((row) => ({
        id: row[0],
        title: row[1],
        organisation: row[2],
        value: row[3],
        measure: row[4],
        year: row[5],
        added: row[6],
        best_grade: v.grade[row[7]][0],
        sources: row[8],
        sector: v.sector[row[9]][0],
        country: v.country[row[10]][0],
        audiences: row[11].map(pick("audience")),
        topics: row[12].map(pick("topic")),
        channels: row[13].map(pick("channel")),
        url: `cases/${row[0]}/`,
        evidence: v.strength[row[14]][0],
        evidence_rank: row[14],
        gloss: row[15] || "",
      })),
    );
  }

  function values(record, name) {
    const value = record.item[FACETS[name]];
    return Array.isArray(value) ? value : [value];
  }

  function facetMatches(record, name, selected, all) {
    if (!selected.length) return true;
    const have = values(record, name);
    const test = (v) => have.indexOf(v) !== -1;
    return all ? selected.every(test) : selected.some(test);
  }

  /* With `ranks` (case id -> position in the site search's ranking) the words match the cases
     the search found; without, every word must appear in the record's text. */
  function textMatches(record, words, ranks) {
    if (!words.length) return true;
    if (ranks) return own.call(ranks, record.item.id);
    for (let i = 0; i < words.length; i++) {
      if (record.text.indexOf(words[i]) === -1) return false;
    }
    return true;
  }

  function yearMatches(record, state) {
    const year = record.item.year;
    return (state.year_from === null || year >= state.year_from) && (state.year_to === null || year <= state.year_to);
  }

  function wordsOf(state) {
    return fold(state.q).split(/\s+/).filter(Boolean);
  }

  /* For each record, a bit mask of the facets it fails (-1: it fails the year or the text).
     Computed once per view, so the results and every facet's counts share one pass. */
  function failures(records, state, ranks) {
    const words = wordsOf(state);
    const all = FACET_NAMES.map((name) => state.matchAll.indexOf(name) !== -1);
    return records.map((record) => {
      if (!yearMatches(record, state) || !textMatches(record, words, ranks)) return -1;
      let mask = 0;
      for (let i = 0; i < FACET_NAMES.length; i++) {
        if (!facetMatches(record, FACET_NAMES[i], state[FACET_NAMES[i]], all[i])) mask |= 1 << i;
      }
      return mask;
    });
  }

  /* For each value of a facet, how many cases the view would show if it were ticked; for a value
     already ticked, how many of the current results have it. */
  function countsFrom(records, masks, state, name) {
    const bit = 1 << FACET_NAMES.indexOf(name);
    const selected = state[name];
    const all = state.matchAll.indexOf(name) !== -1;
    let shown = 0;
    const inResults = {};
    const outside = {};
    for (let r = 0; r < records.length; r++) {
      const mask = masks[r];
      if (mask !== 0 && mask !== bit) continue; // fails another filter: no click here brings it back
      const passes = mask === 0;
      if (passes) shown += 1;
      const tally = passes ? inResults : outside;
      values(records[r], name).forEach((value) => {
        tally[value] = (tally[value] || 0) + 1;
      });
    }
    const result = {};
    Object.keys(inResults)
      .concat(Object.keys(outside))
      .forEach((value) => {
        const ticked = selected.indexOf(value) !== -1;
        result[value] = ticked || all || !selected.length ? inResults[value] || 0 : shown + (outside[value] || 0); // OR: the cases shown now, plus this value's own
      });
    return result;
  }

  function counts(records, state, name, ranks) {
    return countsFrom(records, failures(records, state, ranks), state, name);
  }

  /* Everything the page shows for a state: sorted results and the counts of every facet. */
  function view(records, state, ranks) {
    const masks = failures(records, state, ranks);
    const results = records.filter((_record, r) => masks[r] === 0);
    const facetCounts = {};
    FACET_NAMES.forEach((name) => {
      facetCounts[name] = countsFrom(records, masks, state, name);
    });
    return { results: sortRecords(results, sortOf(state), ranks), counts: facetCounts };
  }

  function sortRecords(records, sort, ranks) {
    const sorted = records.slice();
    const recent = (a, b) =>
      b.item.year - a.item.year ||
      (b.item.added < a.item.added ? -1 : b.item.added > a.item.added ? 1 : 0) ||
      a.item.title.localeCompare(b.item.title, "en");
    if (sort === "relevance" && ranks) sorted.sort((a, b) => ranks[a.item.id] - ranks[b.item.id]);
    else if (sort === "strength") {
      sorted.sort((a, b) => {
        // The evidence label first (v.strength lists the labels strongest first), as the cards show it.
        return (
          a.item.evidence_rank - b.item.evidence_rank ||
          GRADE_RANK[b.item.best_grade] - GRADE_RANK[a.item.best_grade] ||
          b.item.sources - a.item.sources ||
          recent(a, b)
        );
      });
    } else sorted.sort(recent);
    return sorted;
  }

  function apply(records, state, ranks) {
    return view(records, state, ranks).results;
  }

  /* How many filters are set, as the "Filters (n)" button says: each ticked value, and a year
     range (from, to or both) as one. */
  function activeCount(state) {
    const ticked = FACET_NAMES.reduce((n, name) => n + state[name].length, 0);
    return ticked + (state.year_from !== null || state.year_to !== null ? 1 : 0);
  }

  return {
    FACETS: FACETS,
    FACET_NAMES: FACET_NAMES,
    SORTS: SORTS,
    emptyState: emptyState,
    activeCount: activeCount,
    parseState: parseState,
    toSearch: toSearch,
    prepare: prepare,
    fromIndex: fromIndex,
    apply: apply,
    counts: counts,
    view: view,
    fold: fold,
    sortOf: sortOf,
  };
});
