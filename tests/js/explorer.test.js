// Unit tests for the case explorer's filter logic (node --test tests/js/).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const X = require("../../docs/assets/js/explorer-core.js");

const CASES = [
  {
    id: "a",
    title: "Alpha gritting",
    organisation: "Leeds City Council",
    year: 2012,
    added: 20456,
    sources: 1,
    audiences: ["customer-service"],
    topics: ["emergencies", "channel-shift"],
    sector: "local-government",
    country: "GB",
    channels: ["twitter"],
    best_grade: "primary",
    evidence: "measured",
    measure: "Calls avoided",
    value: "11,000 fewer calls",
  },
  {
    id: "b",
    title: "Bravo appeals",
    organisation: "Surrey Police",
    year: 2017,
    added: 20455,
    sources: 2,
    audiences: ["executives", "elected-members"],
    topics: ["public-safety"],
    sector: "policing",
    country: "GB",
    channels: ["facebook"],
    best_grade: "secondary",
    evidence: "measured",
    measure: "Appeals issued",
    value: "270 appeals",
  },
  {
    id: "c",
    title: "Charlie floods in Brisbane",
    organisation: "Queensland Police Service",
    year: 2011,
    added: 20458,
    sources: 2,
    audiences: ["executives", "customer-service"],
    topics: ["emergencies", "public-safety"],
    sector: "policing",
    country: "AU",
    channels: ["facebook", "twitter"],
    best_grade: "primary",
    evidence: "platform",
    measure: "Impressions in one day",
    value: "39 million post impressions",
  },
];
const records = X.prepare(CASES);
const ids = (state) => X.apply(records, state).map((r) => r.item.id);
const state = (query) => X.parseState(query);

test("no filter shows every case, most recent work first", () => {
  assert.deepEqual(ids(state("")), ["b", "a", "c"]);
});

test("OR within a facet, AND across facets", () => {
  assert.deepEqual(ids(state("?audience=executives,customer-service")).sort(), ["a", "b", "c"]);
  assert.deepEqual(ids(state("?audience=executives&topic=emergencies")), ["c"]);
});

test("the AND switch makes a facet need every ticked value", () => {
  assert.deepEqual(ids(state("?topic=emergencies,public-safety")).sort(), ["a", "b", "c"]);
  assert.deepEqual(ids(state("?topic=emergencies,public-safety&match_all=topic")), ["c"]);
});

test("without the site search, free text matches title, organisation and figure, ignoring case and accents", () => {
  assert.deepEqual(ids(state("?q=leeds")), ["a"]);
  assert.deepEqual(ids(state("?q=IMPRESSIONS")), ["c"]);
  assert.deepEqual(ids(state("?q=brisbane floods")), ["c"]);
  assert.deepEqual(ids(state(`?q=${encodeURIComponent("Bravó")}`)), ["b"]);
  assert.deepEqual(ids(state("?q=nowhere")), []);
});

test("year range, and the evidence label (not the source's grade)", () => {
  assert.deepEqual(ids(state("?year_from=2012")).sort(), ["a", "b"]);
  assert.deepEqual(ids(state("?year_from=2011&year_to=2012")).sort(), ["a", "c"]);
  // b's source is secondary but its label, like a's, is "measured"; c's primary source is a platform metric.
  assert.deepEqual(ids(state("?strength=measured")).sort(), ["a", "b"]);
  assert.deepEqual(ids(state("?strength=platform")), ["c"]);
  assert.deepEqual(ids(state("?grade=secondary")).sort(), ["a", "b", "c"]); // no longer a filter
  assert.deepEqual(X.counts(records, state(""), "strength"), { measured: 2, platform: 1 });
});

test("strongest evidence: best grade, then more sources, then most recent", () => {
  assert.deepEqual(ids(state("?sort=strength")), ["c", "a", "b"]);
});

test("strongest evidence puts the evidence label first when the index gives one", () => {
  const labelled = X.prepare(records.map((r, i) => Object.assign({}, r.item, { evidence_rank: [2, 0, 1][i] })));
  const sorted = X.apply(labelled, state("?sort=strength")).map((r) => r.item.id);
  assert.deepEqual(sorted, [labelled[1].item.id, labelled[2].item.id, labelled[0].item.id]);
});

test("with the site search's ranking, words match its cases in its order", () => {
  const ranks = { c: 0, b: 1 };
  const byRelevance = X.apply(records, state("?q=police"), ranks).map((r) => r.item.id);
  assert.deepEqual(byRelevance, ["c", "b"]);
  assert.deepEqual(
    X.apply(records, state("?q=police&sort=recent"), ranks).map((r) => r.item.id),
    ["b", "c"],
  );
  assert.equal(X.sortOf(state("?q=police")), "relevance");
  assert.equal(X.sortOf(state("?sort=relevance")), "recent"); // no words: nothing to rank by
});

test("the compact explorer index becomes the same records", () => {
  const index = {
    v: {
      audience: [["executives", "Executives"]],
      topic: [["reach", "Reach"]],
      sector: [["policing", "Policing"]],
      country: [["GB", "United Kingdom"]],
      channel: [["twitter", "Twitter"]],
      grade: [["primary", "Primary"]],
      years: [2010],
      strength: [
        ["measured", "Measured by the organisation"],
        ["platform", "Platform metric"],
      ],
    },
    c: [
      [
        "gmp",
        "GMP tweets",
        "Greater Manchester Police",
        "3 205 oproepen",
        "Calls in 24 hours",
        2010,
        20400,
        0,
        1,
        0,
        0,
        [0],
        [0],
        [],
        1,
        "3,205 calls",
      ],
    ],
  };
  const [record] = X.fromIndex(index);
  assert.deepEqual(record.item, {
    id: "gmp",
    title: "GMP tweets",
    organisation: "Greater Manchester Police",
    value: "3 205 oproepen",
    measure: "Calls in 24 hours",
    year: 2010,
    added: 20400,
    best_grade: "primary",
    sources: 1,
    sector: "policing",
    country: "GB",
    audiences: ["executives"],
    topics: ["reach"],
    channels: [],
    url: "cases/gmp/",
    evidence: "platform",
    evidence_rank: 1,
    gloss: "3,205 calls",
  });
});

test("counts say how many cases each value would leave", () => {
  const none = X.counts(records, state(""), "topic");
  assert.deepEqual(none, { emergencies: 2, "channel-shift": 1, "public-safety": 2 });
  // OR: ticking public-safety next to channel-shift shows a, then adds b and c.
  const or = X.counts(records, state("?topic=channel-shift"), "topic");
  assert.equal(or["public-safety"], 3);
  assert.equal(or["channel-shift"], 1);
  // AND: ticking public-safety next to emergencies leaves only c.
  const and = X.counts(records, state("?topic=emergencies&match_all=topic"), "topic");
  assert.equal(and["public-safety"], 1);
  // Other facets narrow the counts.
  assert.deepEqual(X.counts(records, state("?country=AU"), "audience"), { executives: 1, "customer-service": 1 });
});

test("URL state round-trips in canonical form", () => {
  const query =
    "?audience=executives,elected-members&topic=channel-shift&year_from=2010&year_to=2015&q=call%20centre&sort=strength&match_all=topic";
  assert.equal(X.toSearch(state(query)), query);
  assert.equal(X.toSearch(state("")), "");
});

test("bad parameters are ignored without error", () => {
  const known = {
    audience: ["executives"],
    topic: ["emergencies"],
    sector: [],
    country: ["GB"],
    channel: [],
    strength: ["measured"],
  };
  const s = X.parseState(
    "?audience=executives,nobody,executives&topic=%3Cscript%3E&year_from=20x0&year_to=1999&sort=random&match_all=sector,topic&strength=",
    known,
  );
  assert.deepEqual(s.audience, ["executives"]);
  assert.deepEqual(s.topic, []);
  assert.equal(s.year_from, null);
  assert.equal(s.year_to, 1999);
  assert.equal(s.sort, null);
  assert.deepEqual(s.matchAll, ["topic"]);
  assert.deepEqual(s.strength, []);
});

test("a reversed year range is put the right way round", () => {
  const s = state("?year_from=2015&year_to=2010");
  assert.equal(s.year_from, 2010);
  assert.equal(s.year_to, 2015);
});

test("one view gives the same results and counts as asking facet by facet", () => {
  for (const query of [
    "",
    "?audience=executives",
    "?topic=emergencies,public-safety&match_all=topic&country=GB",
    "?q=police&sort=strength",
  ]) {
    const s = state(query);
    const seen = X.view(records, s);
    assert.deepEqual(
      seen.results.map((r) => r.item.id),
      ids(s),
    );
    for (const name of X.FACET_NAMES) assert.deepEqual(seen.counts[name], X.counts(records, s, name));
  }
});

test("a case that fails two facets is counted for neither", () => {
  // c is in AU and has no channel-shift topic: ticking either alone cannot bring it back.
  const s = state("?country=GB&topic=channel-shift");
  assert.equal(X.counts(records, s, "country").AU, undefined);
  assert.equal(X.counts(records, s, "topic")["public-safety"], 2); // a (shown) + b (GB, public-safety)
});

test("the filter count counts a year range as one filter, beside each ticked value", () => {
  assert.equal(X.activeCount(state("")), 0);
  assert.equal(X.activeCount(state("?audience=executives&topic=emergencies")), 2);
  assert.equal(X.activeCount(state("?audience=executives&topic=emergencies&year_from=2015")), 3);
  assert.equal(X.activeCount(state("?year_from=2015&year_to=2020")), 1);
});
