// Unit tests for the channel-shift arithmetic (node --test tests/js/).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const CS = require("../../docs/assets/js/channel-shift-core.js");

const params = (query) => new URLSearchParams(query);

test("source costs are Socitm's 2011 averages; defaults are them adjusted by the RPI", () => {
  assert.deepEqual(CS.SOURCE_COSTS, { cost_f2f: 8.62, cost_phone: 2.83, cost_digital: 0.15 });
  assert.equal(CS.INDEX.from, 239.4);
  assert.equal(CS.INDEX.to, 345.2);
  assert.equal(CS.DEFAULTS.cost_f2f, 12.43);   // 8.62 x 345.2 / 239.4
  assert.equal(CS.DEFAULTS.cost_phone, 4.08);
  assert.equal(CS.DEFAULTS.cost_digital, 0.22);
  assert.equal(CS.DEFAULTS.staff, 0);
});

test("staffing the social channel is taken off, and a negative result is a cost", () => {
  const r = CS.calculate({ ...CS.DEFAULTS, staff: 200000 });
  assert.equal(r.gross, 138250);
  assert.equal(r.net, -61750);
  assert.deepEqual(CS.outcome(r.net), { kind: "cost", label: "Estimated annual cost", amount: 61750 });
  assert.equal(CS.outcome(0).kind, "saving");
});

test("low and high halve and raise by half the shares moved, never above 100 %", () => {
  const range = CS.scenarios({ ...CS.DEFAULTS, f2f_share: 80 });
  assert.equal(range.low.f2fShare, 40);
  assert.equal(range.central.f2fShare, 80);
  assert.equal(range.high.f2fShare, 100);
  assert.ok(range.low.net < range.central.net && range.central.net < range.high.net);
});

test("typed input is validated with a message, not replaced", () => {
  const { inputs, errors } = CS.validate(params("f2f=&phone=-3&f2f_share=150&phone_share=abc&cost_f2f=1,200&cost_phone=2&cost_digital=0&staff="));
  assert.equal(errors.f2f, "Enter a number.");
  assert.equal(errors.phone, "Cannot be negative.");
  assert.equal(errors.f2f_share, "A share is between 0 and 100 %.");
  assert.match(errors.phone_share, /^Enter a number/);
  assert.equal(inputs.cost_f2f, 1200);
  assert.equal(inputs.staff, 0);  // optional: empty means none
  assert.equal(errors.staff, undefined);
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
  const r = CS.calculate({ ...CS.DEFAULTS, f2f_share: 0, phone: 1000, phone_share: 50, cost_phone: 2.83, cost_digital: 3.83 });
  assert.equal(r.saving, -500);
});

test("fractions of a contact are rounded and money to the penny", () => {
  const r = CS.calculate({ f2f: 3, phone: 0, f2f_share: 50, phone_share: 0, cost_f2f: 1.005, cost_phone: 0, cost_digital: 0 });
  assert.equal(r.movedF2f, 2);
  assert.equal(r.savingF2f, 2.01);
});

test("URL round trip keeps every input", () => {
  const inputs = { f2f: 1200, phone: 34000, f2f_share: 12.5, phone_share: 30, cost_f2f: 9, cost_phone: 3.1, cost_digital: 0.5, staff: 25000 };
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

test("the page's table of default costs says what the calculator computes (one set of facts)", () => {
  const page = require("node:fs").readFileSync(`${__dirname}/../../docs/tools/channel-shift.md`, "utf8");
  const rows = { "Face to face": "cost_f2f", "Phone": "cost_phone", "Web or social": "cost_digital" };
  for (const [label, key] of Object.entries(rows)) {
    const row = page.match(new RegExp(`^\\| ${label} \\| £([0-9.]+) \\| £([0-9.]+) \\|$`, "m"));
    assert.ok(row, `no table row for ${label}`);
    assert.equal(Number(row[1]), CS.SOURCE_COSTS[key], `${label}: source cost`);
    assert.equal(Number(row[2]), CS.DEFAULTS[key], `${label}: adjusted cost`);
  }
  assert.ok(page.includes(`from ${CS.INDEX.from} in ${CS.INDEX.fromWhen}`), "index start");
  assert.ok(page.includes(`to ${CS.INDEX.to} in ${CS.INDEX.toWhen}`), "index end");
  assert.ok(page.includes(`a factor of ${CS.FACTOR.toFixed(3)}`), "factor");
});
