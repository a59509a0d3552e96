// Pilot planner arithmetic (docs/assets/js/pilot-core.js): reading fields, the address, the
// calculator's result, and number words. Facts against Python: tests/test_pilot_js.py.
"use strict";
const test = require("node:test");
const assert = require("node:assert");
const core = require("../../docs/assets/js/pilot-core.js");

const PILOT = {
  id: "p",
  defaults: {
    service: "bins",
    start: "",
    weeks: 12,
    hours: 10,
    rate: null,
    cost_per_call: 4.08,
    fall: 10,
    slip: 30,
    reporting: "the board",
    cover: "backfill",
  },
};

test("a field is a value or says what is wrong", () => {
  assert.deepStrictEqual(core.check("hours", "7.5"), { value: 7.5 });
  assert.deepStrictEqual(core.check("cost_per_call", "£1,000"), { value: 1000 });
  assert.deepStrictEqual(core.check("rate", ""), { value: null });
  assert.deepStrictEqual(core.check("hours", "lots"), { error: "Enter a number." });
  assert.deepStrictEqual(core.check("weeks", "2"), { error: "Enter a number from 4 to 52." });
  assert.deepStrictEqual(core.check("weeks", "12.5"), { error: "Enter a whole number." });
  assert.deepStrictEqual(core.check("start", "2027-13"), { error: "Pick a month, or leave it empty." });
  assert.deepStrictEqual(core.check("cover", "absorbed"), { error: "Choose how the hours are covered." });
  assert.deepStrictEqual(core.check("service", "  "), { error: "Write something here." });
});

test("only changes go in the address, and a shared link gives the same plan", () => {
  const plan = Object.assign(core.defaults(PILOT), { service: "gritting", hours: 8, rate: 22 });
  const params = core.toParams(PILOT, plan, new URLSearchParams("audience=executives&p.weeks=9"));
  assert.strictEqual(params.toString(), "audience=executives&p.service=gritting&p.hours=8&p.rate=22");
  assert.deepStrictEqual(core.fromParams(PILOT, params), plan);
});

test("junk in the address keeps the default", () => {
  const plan = core.fromParams(PILOT, new URLSearchParams("p.hours=-3&p.cover=absorbed&p.fall=abc"));
  assert.deepStrictEqual(plan, core.defaults(PILOT));
});

test("the calculator's result gives a cost per call, or nothing", () => {
  assert.deepStrictEqual(core.fromCalculator('{"costPerCall": 4.5, "costPerSocial": 2.65}'), {
    cost_per_call: 4.5,
    cost_per_social: 2.65,
  });
  assert.strictEqual(core.fromCalculator("{not json"), null);
  assert.strictEqual(core.fromCalculator('{"costPerCall": "4.5"}'), null);
  assert.strictEqual(core.fromCalculator(null), null);
});

test("numbers and money are written as the site writes them", () => {
  assert.strictEqual(core.money(2940), "£2,940");
  assert.strictEqual(core.money(4.5), "£4.50");
  assert.strictEqual(core.number(1234.5), "1,234.5");
  assert.strictEqual(core.number(-12.25), "-12.25");
  assert.strictEqual(core.fill("{a} {b}", { a: "{b}", b: "x" }), "{b} x");
});
