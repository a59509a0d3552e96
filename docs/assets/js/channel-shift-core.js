/* Channel-shift arithmetic, free of the page so it can be unit-tested under Node.
   Gross saving = contacts moved from each channel x (its cost - the digital cost); net saving =
   gross - the yearly cost of staffing the social channel. Low and high take half and one and a
   half times the shares moved (at most 100 %), so the range shows how much rests on that guess. */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) { module.exports = api; } else { root.ChannelShift = api; }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  // Socitm Channel Value Benchmarking, 2011 cohorts, as reported in May 2012, in 2011 prices.
  var SOURCE_COSTS = { cost_f2f: 8.62, cost_phone: 2.83, cost_digital: 0.15 };
  // Retail Prices Index (RPI, January 1987 = 100): December 2011 from the ONS bulletin of 17 January
  // 2012; August 2022, the latest value we could read in a source, as reported by the Labour
  // Research Department in 2022. Later inflation is not included.
  var INDEX = { name: "Retail Prices Index (RPI, January 1987 = 100)", from: 239.4, fromWhen: "December 2011",
                to: 345.2, toWhen: "August 2022" };
  var FACTOR = INDEX.to / INDEX.from;

  function round2(value) { return Math.round(value * 100) / 100; }
  function adjusted(cost) { return round2(cost * FACTOR); }

  var DEFAULTS = {
    f2f: 50000, phone: 200000, f2f_share: 10, phone_share: 10,
    cost_f2f: adjusted(SOURCE_COSTS.cost_f2f), cost_phone: adjusted(SOURCE_COSTS.cost_phone),
    cost_digital: adjusted(SOURCE_COSTS.cost_digital), staff: 0
  };
  var LIMITS = {
    f2f: [0, 1e9], phone: [0, 1e9], f2f_share: [0, 100], phone_share: [0, 100],
    cost_f2f: [0, 1e4], cost_phone: [0, 1e4], cost_digital: [0, 1e4], staff: [0, 1e9]
  };
  var OPTIONAL = { staff: true };

  /* One field as typed: a number, or a message saying what is wrong with it. */
  function check(key, raw) {
    var text = raw === null || raw === undefined ? "" : String(raw).trim();
    if (text === "") return OPTIONAL[key] ? { value: 0 } : { error: "Enter a number." };
    var value = Number(text.replace(/,/g, ""));
    if (!isFinite(value)) return { error: "Enter a number, such as " + DEFAULTS[key] + "." };
    if (value < 0) return { error: "Cannot be negative." };
    var limit = LIMITS[key];
    if (key === "f2f_share" || key === "phone_share") {
      if (value > 100) return { error: "A share is between 0 and 100 %." };
    } else if (value > limit[1]) {
      return { error: "Too large: at most " + limit[1].toLocaleString("en-GB") + "." };
    }
    return { value: value };
  }

  /* Every field of a URLSearchParams-like object: {inputs, errors}; errors is empty when all are
     valid. The page shows each error next to its field and no result until they are fixed. */
  function validate(params) {
    var inputs = {}, errors = {};
    Object.keys(DEFAULTS).forEach(function (key) {
      var result = check(key, params.get(key));
      if ("error" in result) errors[key] = result.error; else inputs[key] = result.value;
    });
    return { inputs: inputs, errors: errors };
  }

  /* A shared link: anything missing, junk or out of range falls back to its default, so a
     mangled link still opens on a sane example (typed input is validated instead). */
  function parseInputs(params) {
    var inputs = {};
    Object.keys(DEFAULTS).forEach(function (key) {
      var result = check(key, params.get(key));
      inputs[key] = "error" in result || params.get(key) === null ? DEFAULTS[key] : result.value;
    });
    return inputs;
  }

  function toQuery(inputs) {
    return Object.keys(DEFAULTS).map(function (key) {
      return key + "=" + encodeURIComponent(String(inputs[key]));
    }).join("&");
  }

  function calculate(inputs) {
    var movedF2f = Math.round(inputs.f2f * inputs.f2f_share / 100);
    var movedPhone = Math.round(inputs.phone * inputs.phone_share / 100);
    var savingF2f = round2(movedF2f * (inputs.cost_f2f - inputs.cost_digital));
    var savingPhone = round2(movedPhone * (inputs.cost_phone - inputs.cost_digital));
    var gross = round2(savingF2f + savingPhone);
    var before = round2(inputs.f2f * inputs.cost_f2f + inputs.phone * inputs.cost_phone);
    var after = round2((inputs.f2f - movedF2f) * inputs.cost_f2f + (inputs.phone - movedPhone) * inputs.cost_phone +
      (movedF2f + movedPhone) * inputs.cost_digital);
    var staff = inputs.staff || 0;
    return {
      f2fShare: inputs.f2f_share, phoneShare: inputs.phone_share,
      movedF2f: movedF2f, movedPhone: movedPhone, moved: movedF2f + movedPhone,
      savingF2f: savingF2f, savingPhone: savingPhone, saving: gross, gross: gross,
      staff: staff, net: round2(gross - staff), before: before, after: after
    };
  }

  function scaled(inputs, factor) {
    var copy = {};
    Object.keys(inputs).forEach(function (key) { copy[key] = inputs[key]; });
    copy.f2f_share = Math.min(100, inputs.f2f_share * factor);
    copy.phone_share = Math.min(100, inputs.phone_share * factor);
    return copy;
  }

  /* Low, central and high: the shares moved halved, as entered, and one and a half times. */
  function scenarios(inputs) {
    return { low: calculate(scaled(inputs, 0.5)), central: calculate(inputs), high: calculate(scaled(inputs, 1.5)) };
  }

  /* A result in words: a negative net is a cost, never a "saving" with a minus sign. */
  function outcome(net) {
    return net < 0 ? { kind: "cost", label: "Estimated annual cost", amount: -net }
                   : { kind: "saving", label: "Estimated annual saving", amount: net };
  }

  function money(value) {
    var sign = value < 0 ? "−" : "";
    var abs = Math.abs(value);
    var pence = abs < 100 && abs % 1 !== 0;
    return sign + "£" + abs.toLocaleString("en-GB", {
      minimumFractionDigits: pence ? 2 : 0, maximumFractionDigits: pence ? 2 : 0
    });
  }

  function count(value) { return value.toLocaleString("en-GB"); }

  return { DEFAULTS: DEFAULTS, SOURCE_COSTS: SOURCE_COSTS, INDEX: INDEX, FACTOR: FACTOR, adjusted: adjusted,
           check: check, validate: validate, parseInputs: parseInputs, toQuery: toQuery, calculate: calculate,
           scenarios: scenarios, outcome: outcome, money: money, count: count };
});
