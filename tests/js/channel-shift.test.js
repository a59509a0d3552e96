// Unit tests for the channel-shift arithmetic (node --test tests/js/).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const CS = require("../../docs/assets/js/channel-shift-core.js");

const params = (query) => new URLSearchParams(query);

test("defaults are the Socitm 2011 unit costs", () => {
  assert.equal(CS.DEFAULTS.cost_f2f, 8.62);
  assert.equal(CS.DEFAULTS.cost_phone, 2.83);
  assert.equal(CS.DEFAULTS.cost_digital, 0.15);
});

test("saving is contacts moved times the cost difference, per channel", () => {
  const r = CS.calculate({ f2f: 50000, phone: 200000, f2f_share: 10, phone_share: 10,
    cost_f2f: 8.62, cost_phone: 2.83, cost_digital: 0.15 });
  assert.equal(r.movedF2f, 5000);
  assert.equal(r.movedPhone, 20000);
  assert.equal(r.savingF2f, 42350);   // 5,000 x 8.47
  assert.equal(r.savingPhone, 53600); // 20,000 x 2.68
  assert.equal(r.saving, 95950);
  assert.equal(r.before, 997000);
  assert.equal(r.after, 901050);
  assert.equal(r.before - r.after, r.saving);
});

test("moving nothing saves nothing; a dearer digital channel costs money", () => {
  assert.equal(CS.calculate({ ...CS.DEFAULTS, f2f_share: 0, phone_share: 0 }).saving, 0);
  const r = CS.calculate({ ...CS.DEFAULTS, f2f_share: 0, phone: 1000, phone_share: 50, cost_digital: 3.83 });
  assert.equal(r.saving, -500);
});

test("fractions of a contact are rounded and money to the penny", () => {
  const r = CS.calculate({ f2f: 3, phone: 0, f2f_share: 50, phone_share: 0, cost_f2f: 1.005, cost_phone: 0, cost_digital: 0 });
  assert.equal(r.movedF2f, 2);
  assert.equal(r.savingF2f, 2.01);
});

test("URL round trip keeps every input", () => {
  const inputs = { f2f: 1200, phone: 34000, f2f_share: 12.5, phone_share: 30, cost_f2f: 9, cost_phone: 3.1, cost_digital: 0.5 };
  assert.deepEqual(CS.parseInputs(params(CS.toQuery(inputs))), inputs);
});

test("missing, junk and out-of-range parameters fall back to defaults", () => {
  const parsed = CS.parseInputs(params("f2f=abc&phone=-5&f2f_share=140&phone_share=&cost_f2f=7"));
  assert.equal(parsed.f2f, CS.DEFAULTS.f2f);
  assert.equal(parsed.phone, CS.DEFAULTS.phone);
  assert.equal(parsed.f2f_share, CS.DEFAULTS.f2f_share);
  assert.equal(parsed.phone_share, CS.DEFAULTS.phone_share);
  assert.equal(parsed.cost_f2f, 7);
});

test("money is shown in pounds, with pence only for small sums", () => {
  assert.equal(CS.money(95950), "£95,950");
  assert.equal(CS.money(8.62), "£8.62");
  assert.equal(CS.money(-500), "−£500");
});
