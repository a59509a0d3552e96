/* Site search logic, free of the page so Node can test it: synonym expansion of a query, the
   Pagefind filter object, merging ranked lists into one with case and kit pages weighted up, and
   a queue that runs one search at a time and drops a search the reader has typed past. */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) { module.exports = api; } else { root.SearchCore = api; }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  // Case studies and persuasion kits rank above other pages of similar relevance: a page of
  // tier 1 counts this many times its Pagefind score. The build lists the tier 2 pages (few).
  var TIER_WEIGHT = { 1: 2, 2: 1 };
  var FACETS = ["audience", "topic", "sector", "type"];
  var MAX_VARIANTS = 4;
  // Wait this long after a key before searching, so a burst of keys runs one search (for the
  // last), not one per key, when a search costs more than the wait (a large site); a reader
  // typing at human pace still gets a search per key. One or two letters match nearly every
  // page and cost the most, so they wait for a real pause. On a site whose searches take less
  // than the wait, there is none: a search the reader typed past costs less than waiting.
  var PAUSE_MS = 40;
  var SHORT = 3;
  var SHORT_PAUSE_MS = 300;

  function fold(text) {
    return String(text).toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/\s+/g, " ").trim();
  }

  function escapeRegExp(text) { return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }

  /* The query, then the query with a phrase of a synonym group swapped for each other phrase of
     that group. Only whole words match: "return" is not found inside "returning". */
  function expand(query, groups) {
    var base = fold(query);
    var variants = base ? [base] : [];
    (groups || []).forEach(function (group) {
      var terms = group.map(fold);
      for (var i = 0; i < terms.length; i++) {
        var pattern = new RegExp("(^|[^\\p{L}\\p{N}])" + escapeRegExp(terms[i]) + "(?=$|[^\\p{L}\\p{N}])", "u");
        if (!pattern.test(base)) continue;
        terms.forEach(function (other, j) {
          if (j !== i) variants.push(base.replace(pattern, function (all, before) { return before + other; }));
        });
        break;
      }
    });
    return variants.filter(function (v, i) { return variants.indexOf(v) === i; }).slice(0, MAX_VARIANTS);
  }

  /* lastCost: how long the last search took (ms), or null before the first. */
  function pauseBefore(query, lastCost) {
    if (typeof lastCost === "number" && lastCost < PAUSE_MS) return 0;
    return fold(query).length < SHORT ? SHORT_PAUSE_MS : PAUSE_MS;
  }

  /* Pagefind's filter object: every chosen facet value (OR within a facet). */
  function filtersFor(selected) {
    var filters = {};
    FACETS.forEach(function (name) {
      var values = (selected && selected[name]) || [];
      if (values.length) filters[name] = { any: values.slice() };
    });
    return filters;
  }

  /* lists: one list of Pagefind results [{id, score}] per variant of the query; second: the
     page ids of tier 2. One list, best weighted score first; a page found by several variants
     keeps its best score. */
  function merge(lists, second) {
    var best = {};
    lists.forEach(function (results) {
      (results || []).forEach(function (result) {
        var score = result.score * TIER_WEIGHT[second && second[result.id] ? 2 : 1];
        if (!best[result.id] || best[result.id].score < score) best[result.id] = { id: result.id, score: score, result: result };
      });
    });
    return Object.keys(best).map(function (id) { return best[id]; })
      .sort(function (a, b) { return b.score - a.score || (a.id < b.id ? -1 : 1); });
  }

  /* One search at a time (they share one worker, which cannot stop a search it has started).
     submit(owner, job): the job runs when the queue is free; if the same owner submits again
     before it starts, the older job never runs and its promise gives null. A reader typing fast
     so waits for at most one search they have typed past, not one per key. */
  function latestQueue() {
    var running = false;
    var waiting = [];  // [{owner, job, resolve, reject}]
    function next() {
      if (running || !waiting.length) return;
      var item = waiting.shift();
      running = true;
      Promise.resolve().then(item.job).then(item.resolve, item.reject).then(function () {
        running = false;
        next();
      });
    }
    return function submit(owner, job) {
      return new Promise(function (resolve, reject) {
        waiting = waiting.filter(function (item) {
          if (item.owner !== owner) return true;
          item.resolve(null);
          return false;
        });
        waiting.push({ owner: owner, job: job, resolve: resolve, reject: reject });
        next();
      });
    };
  }

  /* Pagefind's excerpt marks matches with <mark>; split it into [text, isMatch] pieces so the
     page builds text nodes and never parses the excerpt as HTML. */
  function excerptPieces(excerpt) {
    var pieces = [];
    String(excerpt || "").split(/(<mark>[\s\S]*?<\/mark>)/).forEach(function (part) {
      if (!part) return;
      var marked = /^<mark>/.test(part);
      pieces.push([decode(marked ? part.slice(6, -7) : part), marked]);
    });
    return pieces;
  }

  var ENTITIES = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": "\"", "&#39;": "'", "&#x27;": "'" };
  function decode(text) {
    return text.replace(/&(amp|lt|gt|quot|#39|#x27);/g, function (m) { return ENTITIES[m]; });
  }

  return { TIER_WEIGHT: TIER_WEIGHT, FACETS: FACETS, fold: fold, expand: expand, filtersFor: filtersFor,
           merge: merge, latestQueue: latestQueue, pauseBefore: pauseBefore, excerptPieces: excerptPieces };
});
