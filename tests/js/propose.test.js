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
  const c = P.buildCase({ outcomes: [{ measure: "Calls", value: "2.50", source: "1", basis: "counted", kind: "contact" }, {}],
                          sources: [] });
  assert.deepEqual(c.outcomes, [{ measure: "Calls", value: "2.50", source: 1, basis: "counted", kind: "contact" }]);
  assert.match(P.toYaml(c), /value: "2\.50"/);
});

test("empty optional keys are left out, required ones left for the schema to report", () => {
  const c = P.buildCase({ title: "", channels: [], lessons: "", quote: { text: "", by: "", source: "" } });
  assert.equal("channels" in c || "lessons" in c || "quote" in c || "title" in c, false);
});

test("Markdown becomes a literal block unless it holds tabs or leading spaces", () => {
  assert.match(P.toYaml({ challenge: "One.\n\n- two" }), /challenge: \|\n  One\.\n\n  - two\n/);
  assert.match(P.toYaml({ challenge: "a\tb" }), /challenge: "a\\tb"/);
});

test("cross-field checks: source numbers, calendar days, future dates, date order", () => {
  const problems = P.crossChecks({ outcomes: [{ source: 2 }], sources: [{ published: "2024-02-30" }],
    year: 2030, added: "2026-11-20", last_verified: "2026-11-01" }, "2026-11-23");
  assert.deepEqual(problems.map((p) => p[0]),
    ["/outcomes/0/source", "/sources/0/published", "/year", "/last_verified"]);
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
