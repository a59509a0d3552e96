// Unit tests for the site search's query logic (node --test tests/js/).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const S = require("../../docs/assets/js/search-core.js");

const GROUPS = [
  ["ROI", "return on investment", "return"],
  ["councillor", "elected member"],
  ["contact centre", "call centre"],
];

test("a query with no synonym stays as it is, folded", () => {
  assert.deepEqual(S.expand("Manchester  Police", GROUPS), ["manchester police"]);
});

test("a synonym adds a variant with each other phrase of its group", () => {
  assert.deepEqual(S.expand("ROI", GROUPS), ["roi", "return investment", "return"]);
  assert.deepEqual(S.expand("councillor training", GROUPS), ["councillor training", "elected member training"]);
  assert.deepEqual(S.expand("call centre costs", GROUPS), ["call centre costs", "contact centre costs"]);
});

test("only whole words match a synonym", () => {
  assert.deepEqual(S.expand("returning officer", GROUPS), ["returning officer"]);
  assert.deepEqual(S.expand("heroism", GROUPS), ["heroism"]);
});

test("filters: OR within a facet, nothing else", () => {
  assert.deepEqual(S.filtersFor({ audience: ["Executives"], topic: [] }), { audience: { any: ["Executives"] } });
  assert.deepEqual(S.filtersFor({}), {});
});

test("merge weights every page not in the second tier and keeps each page's best score", () => {
  const second = { statement: true, guide: true };
  const merged = S.merge(
    [
      [
        { id: "case", score: 6 },
        { id: "statement", score: 10 },
        { id: "guide", score: 2 },
      ],
      [{ id: "guide", score: 3 }],
    ],
    second,
  );
  assert.deepEqual(
    merged.map((m) => [m.id, m.score]),
    [
      ["case", 12],
      ["statement", 10],
      ["guide", 3],
    ],
  );
});

test("merge without a tier list weights every page alike", () => {
  const merged = S.merge(
    [
      [
        { id: "a", score: 1 },
        { id: "b", score: 3 },
      ],
    ],
    undefined,
  );
  assert.deepEqual(
    merged.map((m) => m.id),
    ["b", "a"],
  );
});

test("the queue runs one job at a time and drops a job its owner typed past", async () => {
  const submit = S.latestQueue();
  const ran = [];
  let release;
  const first = submit(
    "box",
    () =>
      new Promise((resolve) => {
        ran.push("r");
        release = () => resolve("r done");
      }),
  );
  const second = submit("box", () => {
    ran.push("re");
    return "re done";
  });
  const third = submit("box", () => {
    ran.push("res");
    return "res done";
  });
  const other = submit("explorer", () => {
    ran.push("x");
    return "x done";
  });
  await Promise.resolve();
  assert.deepEqual(ran, ["r"]); // nothing else starts while a search runs
  release();
  assert.equal(await first, "r done");
  assert.equal(await second, null); // typed past before it started: never ran
  assert.equal(await third, "res done");
  assert.equal(await other, "x done"); // another owner's job is kept
  assert.deepEqual(ran, ["r", "res", "x"]);
});

test("a failed job does not stop the queue", async () => {
  const submit = S.latestQueue();
  const failed = submit("box", () => Promise.reject(new Error("no index")));
  const next = submit("explorer", () => "ok");
  await assert.rejects(failed, /no index/);
  assert.equal(await next, "ok");
});

test("excerpt pieces are text, never HTML", () => {
  assert.deepEqual(S.excerptPieces("a <mark>grit</mark> &lt;b&gt; &amp; c"), [
    ["a ", false],
    ["grit", true],
    [" <b> & c", false],
  ]);
});

test("a pause before searching only where a search costs more than the pause", () => {
  assert.equal(S.pauseBefore("winter", null), 40); // nothing measured yet
  assert.equal(S.pauseBefore("winter", 180), 40); // a large site: one search per burst of keys
  assert.equal(S.pauseBefore("wi", 180), 300); // two letters match nearly every page
  assert.equal(S.pauseBefore("winter", 12), 0); // a small site: search at once
  assert.equal(S.pauseBefore("w", 12), 0);
});

test("stop words leave the query, unless nothing else is left", () => {
  // Pagefind matches each word as the start of a longer one: "on" found "online" and "one".
  assert.deepEqual(S.expand("return on investment", []), ["return investment"]);
  assert.deepEqual(S.expand("the cost of a call", []), ["cost call"]);
  assert.deepEqual(S.expand("on", []), ["on"]);
});

test("a year among the words becomes the years around it; a year alone stays text", () => {
  assert.deepEqual(S.splitYear("Facebook council 2023"), { text: "facebook council", years: ["2022", "2023", "2024"] });
  assert.deepEqual(S.splitYear("2023"), { text: "2023", years: [] });
  assert.deepEqual(S.splitYear("covid 19 helpline"), { text: "covid 19 helpline", years: [] });
  assert.deepEqual(S.splitYear("20230 calls"), { text: "20230 calls", years: [] });
});

test("merge multiplies each list by its weight", () => {
  const merged = S.merge(
    [
      [
        { id: "old", score: 5 },
        { id: "new", score: 2 },
      ],
      [{ id: "new", score: 2 }],
    ],
    {},
    [1, S.YEAR_WEIGHT],
  );
  assert.deepEqual(
    merged.map((m) => m.id),
    ["new", "old"],
  );
  assert.equal(merged[0].score, 2 * S.YEAR_WEIGHT * S.TIER_WEIGHT[1]);
});

const text = (pieces) => pieces.map((p) => p[0]).join("");
const marked = (pieces) => pieces.filter((p) => p[1]).map((p) => p[0]);

test("a snippet never repeats a word next to itself, whatever its case or plural", () => {
  const pieces = S.snippet(
    "on <mark>Facebook</mark> <mark>Facebook</mark> ads by <mark>councils</mark> <mark>Councils</mark> said",
    "A case",
  );
  assert.equal(text(pieces), "on Facebook ads by councils said");
  assert.deepEqual(marked(pieces), ["Facebook", "councils"]);
  // Across a full stop the same word is real text, not a repeat.
  assert.equal(text(S.snippet("went on <mark>Facebook</mark>. Facebook ads", "x")), "went on Facebook. Facebook ads");
});

test("a snippet leaves out the title it sits under, whole or its end", () => {
  const title = "Billingshurst Parish Council streams its committee meetings on Facebook";
  assert.equal(
    text(
      S.snippet("its committee meetings on <mark>Facebook</mark>. Billingshurst Parish Council in West Sussex", title),
    ),
    "Billingshurst Parish Council in West Sussex",
  );
  assert.equal(
    text(
      S.snippet(
        "Council · 2021. Billingshurst Parish Council streams its committee meetings on <mark>Facebook</mark>. It kept",
        title,
      ),
    ),
    "Council · 2021. It kept",
  );
  assert.equal(text(S.snippet("&lt;b&gt; stays text", "")), "<b> stays text");
});

test("remember: a key made once while among the last ones used, then forgotten", () => {
  const recall = S.remember(2);
  let made = 0;
  const make = () => ++made;
  assert.equal(recall("a", make), 1);
  assert.equal(recall("a", make), 1); // remembered: not made again
  assert.equal(recall("b", make), 2);
  assert.equal(recall("a", make), 1); // used last, so "b" is now the oldest
  assert.equal(recall("c", make), 3); // two kept: "b" goes
  assert.equal(recall("a", make), 1);
  assert.equal(recall("b", make), 4);
  recall.forget("b");
  assert.equal(recall("b", make), 5);
});

test("a page holding the phrase counts PHRASE_WEIGHT times its own score, not more", () => {
  const words = [
    { id: "apart", score: 10 },
    { id: "weak", score: 3 },
    { id: "close", score: 4 },
  ];
  const phrase = [
    { id: "weak", score: 1 },
    { id: "close", score: 1 },
  ];
  const merged = S.merge([words, phrase], {}, [1, 1], [false, true]);
  // The scores are tier-weighted (x2); "close" x3 passes "apart", "weak" x3 does not.
  assert.deepEqual(
    merged.map((m) => [m.id, m.score]),
    [
      ["close", 4 * 2 * S.PHRASE_WEIGHT],
      ["apart", 20],
      ["weak", 3 * 2 * S.PHRASE_WEIGHT],
    ],
  );
});

test("a query naming an audience puts its kit first", () => {
  const names = { k1: "Customer service", k2: "Elected members", k3: "Executives" };
  assert.deepEqual(S.namedPages("customer service", names), ["k1"]);
  assert.deepEqual(S.namedPages("  Elected  member ", names), ["k2"]);
  assert.deepEqual(S.namedPages("customer", names), []);
  assert.deepEqual(S.namedPages("customer service pilot", names), []);
  assert.deepEqual(S.namedPages("", names), []);
  const merged = S.merge(
    [
      [
        { id: "case", score: 30 },
        { id: "k1", score: 2 },
      ],
    ],
    {},
    [1],
    [false],
    ["k1", "absent"],
  );
  assert.deepEqual(
    merged.map((m) => m.id),
    ["k1", "case"],
  ); // a named page not found stays out
});
