/* Site search logic, free of the page so Node can test it: synonym expansion of a query, the
   Pagefind filter objects for each ranking tier, and merging ranked lists into one. */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) { module.exports = api; } else { root.SearchCore = api; }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  // Case studies and persuasion kits rank above other pages of similar relevance: a page of
  // tier 1 counts this many times its Pagefind score.
  var TIER_WEIGHT = { 1: 2, 2: 1 };
  var FACETS = ["audience", "topic", "sector", "type"];
  var MAX_VARIANTS = 4;

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

  /* Pagefind's filter object: every chosen facet value (OR within a facet), plus the tier. */
  function filtersFor(selected, tier) {
    var filters = {};
    FACETS.forEach(function (name) {
      var values = (selected && selected[name]) || [];
      if (values.length) filters[name] = { any: values.slice() };
    });
    if (tier) filters.tier = String(tier);
    return filters;
  }

  /* lists: [{tier, results: [{id, score}]}] -> one list, best weighted score first; a page found
     by several variants keeps its best score. */
  function merge(lists) {
    var best = {};
    lists.forEach(function (list) {
      var weight = TIER_WEIGHT[list.tier] || 1;
      list.results.forEach(function (result) {
        var score = result.score * weight;
        if (!best[result.id] || best[result.id].score < score) best[result.id] = { id: result.id, score: score, result: result };
      });
    });
    return Object.keys(best).map(function (id) { return best[id]; })
      .sort(function (a, b) { return b.score - a.score || (a.id < b.id ? -1 : 1); });
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
           merge: merge, excerptPieces: excerptPieces };
});
