// Unit tests for the propose form's logic (node --test tests/js/).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const P = require("../../docs/assets/js/propose-core.js");

test("text is double-quoted with YAML-safe escapes, line separators included", () => {
  assert.equal(P.quoted('a "b" #c'), '"a \\"b\\" #c"');
  assert.equal(P.quoted("x\u2028y\u0085z"), '"x\\u2028y\\u0085z"');
});

test("figures stay text exactly as typed; source numbers become numbers", () => {
  const c = P.buildCase({
    outcomes: [{ measure: "Calls", value: "2.50", source: "1", basis: "counted", kind: "contact" }, {}],
    sources: [],
  });
  assert.deepEqual(c.outcomes, [{ measure: "Calls", value: "2.50", source: 1, basis: "counted", kind: "contact" }]);
  assert.match(P.toYaml(c), /value: "2\.50"/);
});

test("empty optional keys are left out, required ones left for the schema to report", () => {
  const c = P.buildCase({ title: "", channels: [], lessons: "", quote: { text: "", by: "", source: "" } });
  assert.equal("channels" in c || "lessons" in c || "quote" in c || "title" in c, false);
});

test("Markdown becomes a literal block unless it holds tabs or leading spaces", () => {
  assert.match(P.toYaml({ challenge: "One.\n\n- two" }), /challenge: \|\n {2}One\.\n\n {2}- two\n/);
  assert.match(P.toYaml({ challenge: "a\tb" }), /challenge: "a\\tb"/);
});

test("cross-field checks: source numbers, calendar days, future dates, date order", () => {
  const problems = P.crossChecks(
    {
      outcomes: [{ source: 2 }],
      sources: [{ published: "2024-02-30" }],
      year: 2030,
      added: "2026-11-20",
      last_verified: "2026-11-01",
    },
    "2026-11-23",
  );
  assert.deepEqual(
    problems.map((p) => p[0]),
    ["/outcomes/0/source", "/sources/0/published", "/year", "/last_verified"],
  );
  assert.deepEqual(P.crossChecks({ sources: [{ published: "2024-02-29" }] }, "2026-11-23"), []);
});

test("file names: suggested from text, bad ones explained", () => {
  assert.equal(P.suggestId("Café Tweets_2010!"), "cafe-tweets-2010");
  assert.equal(P.idProblem("leeds-gritting"), "");
  assert.match(P.idProblem("Leeds_Gritting"), /leeds-gritting/);
});

test("GitHub's new-file address carries the name and the whole file", () => {
  const url = new URL(P.newFileUrl("https://github.com/o/r/", "main", "x", "a: 1\n# b\n"));
  assert.equal(url.pathname, "/o/r/new/main/case_studies");
  assert.equal(url.searchParams.get("filename"), "x.yml");
  assert.equal(url.searchParams.get("value"), "a: 1\n# b\n");
});

test("a value YAML would read as something else is quoted: '-', null, true, digits alone", () => {
  const yaml = P.toYaml({
    sector: "null",
    country: "-",
    year: 2019,
    sources: [
      { grade: "-", published: "2024" },
      { grade: "true", published: "undated" },
    ],
    added: "2024-01-02",
  });
  assert.match(yaml, /\nsector: "null"\n/);
  assert.match(yaml, /\ncountry: "-"\n/);
  assert.match(yaml, /grade: "-"\n/);
  assert.match(yaml, /grade: "true"\n/);
  assert.match(yaml, /published: 2024\n/); // a year is a plain date
  assert.match(yaml, /\nadded: 2024-01-02\n/);
  assert.equal(/: -\s*$/m.test(yaml), false);
});

test("a saved draft keeps only the form's own fields, as text or lists of text", () => {
  const fields = { title: "text", audiences: "list" };
  const got = P.cleanDraft(
    {
      draft: {
        title: "Kept",
        audiences: ["a", 2],
        other: "x",
        ["__proto__"]: "y",
        outcomes: [{ 'measure"]': "m", value: "3 calls" }, 7],
        sources: "abc",
        quote: [1],
      },
      auto: false,
    },
    fields,
  );
  assert.deepEqual(got.draft, { title: "Kept", outcomes: [{ value: "3 calls" }], sources: [], quote: {} });
  assert.equal(got.auto, false);
  assert.equal(got.dropped, 7); // audiences, other, __proto__, measure"], 7, sources, quote
  assert.equal(Object.getPrototypeOf(got.draft), Object.prototype);
});

test("a saved outcome keeps its basis and kind (the form's own selects)", () => {
  const got = P.cleanDraft(
    { draft: { outcomes: [{ measure: "m", value: "1", source: "1", basis: "counted", kind: "contact" }] } },
    {},
  );
  assert.deepEqual(got.draft.outcomes, [{ measure: "m", value: "1", source: "1", basis: "counted", kind: "contact" }]);
  assert.equal(got.dropped, 0);
});

test("a draft that is not an object is discarded and counted", () => {
  for (const saved of ["text", [1], 5, { draft: 5 }, { draft: [1] }, { draft: null }]) {
    const got = P.cleanDraft(saved, {});
    assert.equal(got.draft, null);
    assert.equal(got.dropped, 1, JSON.stringify(saved));
  }
  assert.deepEqual(P.cleanDraft({}, {}), { draft: null, auto: true, dropped: 0 });
  assert.deepEqual(P.cleanDraft(null, {}), { draft: null, auto: true, dropped: 0 });
});

test("the headline box reaches the file as headline: true, on one outcome only", () => {
  const c = P.buildCase({
    outcomes: [
      { measure: "Calls", value: "3,205 calls", headline: "true", gloss: "g", source: "1" },
      { measure: "Posts", value: "24", headline: "", source: "1" },
    ],
  });
  assert.deepEqual(c.outcomes, [
    { measure: "Calls", value: "3,205 calls", headline: true, gloss: "g", source: 1 },
    { measure: "Posts", value: "24", source: 1 },
  ]);
  assert.match(P.toYaml(c), /\n {4}headline: true\n/);
  const two = P.buildCase({
    outcomes: [
      { measure: "a", value: "1", headline: "true" },
      { measure: "b", value: "2", headline: "true" },
    ],
    sources: [],
  });
  assert.deepEqual(
    P.crossChecks(two, "2026-01-01").map((p) => p[0]),
    ["/outcomes/1/headline"],
  );
});

test("the no-git routes stop at GitHub's address limit, with the issue form to paste into past it", () => {
  const repo = "https://github.com/o/r";
  const base = P.newFileUrl(repo, "main", "a-case", "").length;
  const fits = "x".repeat(P.URL_LIMIT - base); // 'x' is not escaped: one character each
  assert.equal(P.newFileUrl(repo, "main", "a-case", fits).length, P.URL_LIMIT);
  assert.ok(P.sendRoutes(repo, "main", "propose-case.yml", "a-case", "T", fits).pullRequest);
  const over = P.sendRoutes(repo, "main", "propose-case.yml", "a-case", "T", `${fits}x`);
  assert.equal(over.pullRequest, null);
  const huge = P.sendRoutes(repo, "main", "propose-case.yml", "a-case", "T", "é".repeat(P.URL_LIMIT));
  assert.equal(huge.pullRequest, null);
  assert.equal(huge.issue, null);
  assert.ok(
    huge.pasteIssue.startsWith(`${repo}/issues/new?template=propose-case.yml&title=`) &&
      huge.pasteIssue.endsWith("&yaml="),
  );
  assert.deepEqual(P.sendRoutes("", "main", "t", "a", "T", "x"), { pullRequest: null, issue: null, pasteIssue: null });
});
