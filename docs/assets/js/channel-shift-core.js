/* Channel-shift arithmetic, free of the page so it can be unit-tested under Node.
   Annual saving = contacts moved from each channel x (its cost - the digital cost). */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) { module.exports = api; } else { root.ChannelShift = api; }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  // SOCITM Channel Value Benchmarking, 2011 cohorts, as reported in May 2012.
  var DEFAULTS = {
    f2f: 50000, phone: 200000, f2f_share: 10, phone_share: 10,
    cost_f2f: 8.62, cost_phone: 2.83, cost_digital: 0.15
  };
  var LIMITS = {
    f2f: [0, 1e9], phone: [0, 1e9], f2f_share: [0, 100], phone_share: [0, 100],
    cost_f2f: [0, 1e4], cost_phone: [0, 1e4], cost_digital: [0, 1e4]
  };

  function round2(value) { return Math.round(value * 100) / 100; }

  /* Read inputs from a URLSearchParams-like object; anything missing, non-numeric or out of
     range falls back to its default, so a mangled shared link still shows a sane result. */
  function parseInputs(params) {
    var inputs = {};
    Object.keys(DEFAULTS).forEach(function (key) {
      var raw = params.get(key);
      var value = raw === null || raw.trim() === "" ? NaN : Number(raw);
      var limit = LIMITS[key];
      inputs[key] = isFinite(value) && value >= limit[0] && value <= limit[1] ? value : DEFAULTS[key];
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
    var before = round2(inputs.f2f * inputs.cost_f2f + inputs.phone * inputs.cost_phone);
    var after = round2((inputs.f2f - movedF2f) * inputs.cost_f2f + (inputs.phone - movedPhone) * inputs.cost_phone +
      (movedF2f + movedPhone) * inputs.cost_digital);
    return {
      movedF2f: movedF2f, movedPhone: movedPhone, moved: movedF2f + movedPhone,
      savingF2f: savingF2f, savingPhone: savingPhone, saving: round2(savingF2f + savingPhone),
      before: before, after: after
    };
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

  return { DEFAULTS: DEFAULTS, parseInputs: parseInputs, toQuery: toQuery, calculate: calculate,
           money: money, count: count };
});
