// Unit tests for the channel-shift arithmetic (node --test tests/js/).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const CS = require("../../docs/assets/js/channel-shift-core.js");

const params = (query) => new URLSearchParams(query);

test("source costs are Socitm's 2011 averages; defaults are them adjusted by the RPI", () => {
  assert.deepEqual(CS.SOURCE_COSTS, { cost_f2f: 8.62, cost_phone: 2.83, cost_social: 1.66 });
  assert.equal(CS.INDEX.from, 239.4);
  assert.equal(CS.INDEX.to, 345.2);
  assert.equal(CS.DEFAULTS.cost_f2f, 12.43); // 8.62 x 345.2 / 239.4
  assert.equal(CS.DEFAULTS.cost_phone, 4.08);
  assert.equal(CS.DEFAULTS.cost_social, 2.4); // 4.08 / 1.70: a reply priced as an e-mail
  assert.ok(CS.DEFAULTS.cost_social > CS.adjusted(CS.WEB_VISIT), "a social reply costs more than a page view");
  assert.equal(CS.DEFAULTS.staff, 0);
});

test("staffing the social channel is taken off, and a negative result is a cost", () => {
  const r = CS.calculate({ ...CS.DEFAULTS, staff: 200000 });
  assert.equal(r.gross, 83750);
  assert.equal(r.net, -116250);
  assert.deepEqual(CS.outcome(r.net), { kind: "cost", label: "Estimated annual cost", amount: 116250 });
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
  const { inputs, errors } = CS.validate(
    params("f2f=&phone=-3&f2f_share=150&phone_share=abc&cost_f2f=1,200&cost_phone=2&cost_social=0&staff="),
  );
  assert.equal(errors.f2f, "Enter a number.");
  assert.equal(errors.phone, "Cannot be negative.");
  assert.equal(errors.f2f_share, "A share is between 0 and 100 %.");
  assert.match(errors.phone_share, /^Enter a number/);
  assert.equal(inputs.cost_f2f, 1200);
  assert.equal(inputs.staff, 0); // optional: empty means none
  assert.equal(errors.staff, undefined);
});

test("saving is contacts moved times the cost difference, per channel", () => {
  const r = CS.calculate({
    f2f: 50000,
    phone: 200000,
    f2f_share: 10,
    phone_share: 10,
    cost_f2f: 8.62,
    cost_phone: 2.83,
    cost_social: 0.15,
  });
  assert.equal(r.movedF2f, 5000);
  assert.equal(r.movedPhone, 20000);
  assert.equal(r.savingF2f, 42350); // 5,000 x 8.47
  assert.equal(r.savingPhone, 53600); // 20,000 x 2.68
  assert.equal(r.saving, 95950);
  assert.equal(r.before, 997000);
  assert.equal(r.after, 901050);
  assert.equal(r.before - r.after, r.saving);
});

test("moving nothing saves nothing; a dearer digital channel costs money", () => {
  assert.equal(CS.calculate({ ...CS.DEFAULTS, f2f_share: 0, phone_share: 0 }).saving, 0);
  const r = CS.calculate({
    ...CS.DEFAULTS,
    f2f_share: 0,
    phone: 1000,
    phone_share: 50,
    cost_phone: 2.83,
    cost_social: 3.83,
  });
  assert.equal(r.saving, -500);
});

test("fractions of a contact are rounded and money to the penny", () => {
  const r = CS.calculate({
    f2f: 3,
    phone: 0,
    f2f_share: 50,
    phone_share: 0,
    cost_f2f: 1.005,
    cost_phone: 0,
    cost_social: 0,
  });
  assert.equal(r.movedF2f, 2);
  assert.equal(r.savingF2f, 2.01);
});

test("URL round trip keeps every input", () => {
  const inputs = {
    f2f: 1200,
    phone: 34000,
    f2f_share: 12.5,
    phone_share: 30,
    cost_f2f: 9,
    cost_phone: 3.1,
    cost_social: 0.5,
    staff: 25000,
  };
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
  const rows = {
    "Face to face": "cost_f2f",
    Phone: "cost_phone",
    "A reply on social media \\(phone ÷ 1.70\\)": "cost_social",
  };
  for (const [label, key] of Object.entries(rows)) {
    const row = page.match(new RegExp(`^\\| ${label} \\| £([0-9.]+) \\| £([0-9.]+) \\|$`, "m"));
    assert.ok(row, `no table row for ${label}`);
    assert.equal(Number(row[1]), CS.SOURCE_COSTS[key], `${label}: source cost`);
    assert.equal(Number(row[2]), CS.DEFAULTS[key], `${label}: adjusted cost`);
  }
  assert.ok(page.includes(`from ${CS.INDEX.from} in ${CS.INDEX.fromWhen}`), "index start");
  assert.ok(page.includes(`to ${CS.INDEX.to} in ${CS.INDEX.toWhen}`), "index end");
  assert.ok(page.includes(`a factor of ${CS.FACTOR.toFixed(3)}`), "factor");
  assert.ok(page.includes(`£${CS.WEB_VISIT.toFixed(2)} is a visit to a web page`), "web visit");
  assert.ok(
    page.includes("70% more than email") && page.includes(`divided by ${CS.EMAIL_RATIO.toFixed(2)}`),
    "reply ratio",
  );
  assert.ok(page.includes(`${CS.money(CS.DEFAULTS.cost_social)} at adjusted prices`), "reply default");
});

test("people type pounds, percentages and thousands separators", () => {
  assert.deepEqual(CS.check("cost_phone", "£4.50"), { value: 4.5 });
  assert.deepEqual(CS.check("cost_phone", "4.50"), { value: 4.5 });
  assert.deepEqual(CS.check("phone", "200,000"), { value: 200000 });
  assert.deepEqual(CS.check("phone_share", "3%"), { value: 3 });
  assert.deepEqual(CS.check("phone_share", " 12.5 % "), { value: 12.5 });
  assert.deepEqual(CS.check("staff", "£45,000"), { value: 45000 });
  // A decimal comma is refused, not read as 450; a pound sign on a share says what is wanted.
  assert.equal(CS.check("cost_phone", "4,50").error, "Enter a number, such as £4.08.");
  assert.equal(CS.check("phone_share", "£3").error, "Enter a number, such as 10%.");
  assert.equal(CS.check("phone", "3%").error, "Enter a number, such as 200000.");
});

test("shares are named by channel, and a channel with no contacts is left out", () => {
  const range = CS.scenarios({ ...CS.DEFAULTS, f2f_share: 4, phone_share: 6 });
  assert.equal(CS.sharesText(CS.DEFAULTS, range.low), "face to face 2%, phone 3%");
  assert.equal(CS.sharesText({ ...CS.DEFAULTS, f2f: 0 }, range.central), "phone 6%");
});

test("the stored result names each cost by channel, with the results and sources", () => {
  const s = CS.summary({ ...CS.DEFAULTS, cost_phone: 4.5, staff: 1000 }, "https://x/?a");
  assert.equal(s.costPerCall, 4.5);
  assert.equal(s.costPerSocial, 2.4);
  assert.equal(s.costPerFaceToFace, 12.43);
  assert.equal(s.movedCalls, 20000);
  assert.equal(s.netSaving, 50150 + 20000 * (4.5 - 2.4) - 1000);
  assert.ok(s.lowNetSaving < s.netSaving && s.netSaving < s.highNetSaving);
  assert.equal(s.defaultsChanged, true);
  assert.equal(CS.summary(CS.DEFAULTS).defaultsChanged, false);
  assert.deepEqual(
    s.sources.map((x) => x.publisher),
    ["Socitm, reproduced by Wired-Gov", "Customer Contact Management Association (CCMA)"],
  );
});

test("the briefing figure carries the result and its assumptions", () => {
  const f = CS.briefingFigure({ ...CS.DEFAULTS, f2f: 0 });
  assert.equal(f.value, "£33,600");
  assert.equal(f.measure, "Estimated annual saving of moving contacts to social media");
  assert.equal(f.from, "Our channel-shift estimate: 10% of 200,000 calls at £4.08 moved, a social reply at £2.40");
  assert.match(
    CS.briefingFigure({ ...CS.DEFAULTS, staff: 200000 }).measure,
    /^Estimated annual cost .*net of staffing £200,000$/,
  );
});
