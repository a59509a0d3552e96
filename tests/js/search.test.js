// Unit tests for the site search's query logic (node --test tests/js/).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const S = require("../../docs/assets/js/search-core.js");

const GROUPS = [["ROI", "return on investment", "return"], ["councillor", "elected member"],
                ["contact centre", "call centre"]];

test("a query with no synonym stays as it is, folded", () => {
  assert.deepEqual(S.expand("Manchester  Police", GROUPS), ["manchester police"]);
});

test("a synonym adds a variant with each other phrase of its group", () => {
  assert.deepEqual(S.expand("ROI", GROUPS), ["roi", "return on investment", "return"]);
  assert.deepEqual(S.expand("councillor training", GROUPS), ["councillor training", "elected member training"]);
  assert.deepEqual(S.expand("call centre costs", GROUPS), ["call centre costs", "contact centre costs"]);
});

test("only whole words match a synonym", () => {
  assert.deepEqual(S.expand("returning officer", GROUPS), ["returning officer"]);
  assert.deepEqual(S.expand("heroism", GROUPS), ["heroism"]);
});

test("filters: OR within a facet, the tier added", () => {
  assert.deepEqual(S.filtersFor({ audience: ["Executives"], topic: [] }, 1),
                   { audience: { any: ["Executives"] }, tier: "1" });
  assert.deepEqual(S.filtersFor({}, null), {});
});

test("merge weights tier 1 and keeps each page's best score", () => {
  const merged = S.merge([
    { tier: 1, results: [{ id: "case", score: 6 }] },
    { tier: 2, results: [{ id: "statement", score: 10 }, { id: "guide", score: 2 }] },
    { tier: 2, results: [{ id: "guide", score: 3 }] },
  ]);
  assert.deepEqual(merged.map((m) => [m.id, m.score]), [["case", 12], ["statement", 10], ["guide", 3]]);
});

test("excerpt pieces are text, never HTML", () => {
  assert.deepEqual(S.excerptPieces("a <mark>grit</mark> &lt;b&gt; &amp; c"),
                   [["a ", false], ["grit", true], [" <b> & c", false]]);
});
