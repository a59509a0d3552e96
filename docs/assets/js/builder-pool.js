/* The briefing builder's add panel: every statement and case, narrowed by words and by audience,
   sector, country, year and strength of evidence, with a one-click preset for the commonest ask
   ("UK councils, last five years, original sources"). The matching is free of the page so Node
   can test it; draw() fills the panel. */
((root, factory) => {
  "use strict";
  const api = factory();
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    root.BuilderPool = api;
  }
})(typeof self !== "undefined" ? self : this, () => {
  "use strict";

  const ORIGINAL = 5; // the rank of "Measured by the organisation" and "Official publication"
  const PRESETS = {
    "uk-councils": {
      audience: "",
      sector: "local-government",
      country: "GB",
      years: "5",
      strength: String(ORIGINAL),
      q: "",
    },
  };

  function fold(text) {
    return String(text || "")
      .toLowerCase()
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "");
  }

  /* One entry of the builder's JSON as the panel compares it. */
  function facetsOf(item, entry) {
    const isCase = item.slice(0, 2) === "c:";
    return {
      sectors: isCase ? [entry.sector] : entry.sectors || [],
      countries: isCase ? [entry.country] : entry.countries || [],
      years: isCase ? [entry.year] : entry.years || [],
      text: fold([entry.text, entry.title, entry.value, entry.measure, entry.organisation].join(" ")),
    };
  }

  /* filters: {q, audience ("" for any, "this" for the briefing's), sector, country, years (how
     many recent years, counted back from `year`), strength (the least rank)}; context: {audience,
     year, ranks: {kind id: rank}}. */
  function matches(item, entry, filters, context) {
    const f = facetsOf(item, entry);
    const audience = filters.audience === "this" ? context.audience : filters.audience;
    if (audience && (entry.audiences || []).indexOf(audience) === -1) return false;
    if (filters.sector && f.sectors.indexOf(filters.sector) === -1) return false;
    if (filters.country && f.countries.indexOf(filters.country) === -1) return false;
    if (filters.years) {
      const since = context.year - Number(filters.years) + 1;
      if (!f.years.some((y) => y >= since)) return false;
    }
    if (filters.strength && (context.ranks[entry.kind] || 0) < Number(filters.strength)) return false;
    const words = fold(filters.q).split(/\s+/).filter(Boolean);
    return words.every((word) => f.text.indexOf(word) !== -1);
  }

  /* The panel's choices: [[value, label]] per select, from the builder's facets. */
  function choices(data) {
    const facets = data.facets || { sectors: {}, countries: {}, kinds: [], year: new Date().getFullYear() };
    const ranks = {};
    facets.kinds.forEach((k) => {
      ranks[k[0]] = k[2];
    });
    const original = facets.kinds.filter((k) => k[2] >= ORIGINAL).map((k) => k[1].toLowerCase());
    const pairs = (map) => Object.keys(map).map((key) => [key, map[key]]);
    return {
      ranks: ranks,
      year: facets.year,
      audience: [
        ["this", "This briefing's audience"],
        ["", "Any audience"],
      ].concat(data.kits.map((k) => [k.id, k.name])),
      sector: [["", "Any sector"]].concat(pairs(facets.sectors)),
      country: [["", "Any country"]].concat(pairs(facets.countries)),
      years: [
        ["", "Any year"],
        ["5", `Last five years (${facets.year - 4}–${facets.year})`],
        ["10", `Last ten years (${facets.year - 9}–${facets.year})`],
      ],
      strength: [
        ["", "Any evidence"],
        [String(ORIGINAL), `Original sources (${original.join(" or ")})`],
        ["4", "Reported or stronger"],
        ["3", "Survey or estimate, or stronger"],
      ],
    };
  }

  return { PRESETS: PRESETS, ORIGINAL: ORIGINAL, matches: matches, choices: choices, fold: fold };
});
