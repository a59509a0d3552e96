/* The pilot planner's and results report's arithmetic, free of the page so Node can test it.

   The pilot's shared facts are worded by casebook/model/pilot.py; the build sends its templates,
   phrases and defaults in /api/briefing-builder.json ("pilots"), and `facts` fills them here with
   the manager's plan exactly as the Python does with the defaults (tests/test_pilot_js.py runs both
   on the same plans). The report compares the figures the manager enters with the thresholds the
   plan agreed before the start. */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) { module.exports = api; } else { root.PilotCore = api; }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  // The plan's numbers: address name, [min, max], whole number?
  var NUMBERS = {
    weeks: [4, 52, true], hours: [1, 200, false], rate: [0.01, 1000, false],
    cost_per_call: [0.01, 1000, false], fall: [0.1, 100, false], slip: [1, 3600, true]
  };
  var TEXTS = { service: 80, reporting: 120, org: 80 };
  var COVERS = ["backfill", "overtime", "phone-target"];

  function hundredths(value) { return Math.floor(value * 100 + 0.5); }
  function group(whole) { return String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, ","); }
  function number(value) {
    var h = hundredths(Math.abs(value));
    var text = group(Math.floor(h / 100)) + "." + String(h % 100).padStart(2, "0");
    text = text.replace(/0+$/, "").replace(/\.$/, "");
    return (value < 0 && h ? "-" : "") + text;
  }
  function money(value) {
    var pence = hundredths(value);
    return "£" + group(Math.floor(pence / 100)) + (pence % 100 ? "." + String(pence % 100).padStart(2, "0") : "");
  }
  function month(start, months) {
    var parts = start.split("-");
    return months[Number(parts[1]) - 1] + " " + parts[0];
  }
  /* `{name}` -> its value; values are never read again, as Python's str.format_map. */
  function fill(template, names) {
    return template.replace(/\{([a-z_]+)\}/g, function (all, name) { return names[name]; });
  }
  function sentence(text) {
    text = text.split(/\s+/).filter(Boolean).join(" ");
    return text ? text.charAt(0).toUpperCase() + text.slice(1) : text;
  }

  function values(pilot, plan) {
    var total = plan.hours * plan.weeks;
    var found = {
      team: pilot.text.team, voluntary: pilot.text.voluntary, service: plan.service, weeks: String(plan.weeks),
      hours: number(plan.hours), total_hours: number(total),
      start: plan.start ? month(plan.start, pilot.months) : pilot.phrases.start_unset,
      call_reasons: pilot.text.call_reasons, fall: number(plan.fall), slip: String(plan.slip),
      cost_per_call: money(plan.cost_per_call) + " a call", reporting: plan.reporting,
      cover: pilot.covers[plan.cover], rate: plan.rate ? money(plan.rate) : "",
      total_cost: plan.rate ? money(total * plan.rate) : ""
    };
    found.cost = fill(pilot.phrases[plan.rate ? "cost_priced" : "cost_unpriced"], found);
    return found;
  }
  /* [[key, label, sentence]] for every fact all audiences are told, in order. */
  function facts(pilot, plan) {
    var names = values(pilot, plan);
    return pilot.facts.map(function (fact) { return [fact[0], fact[1], sentence(fill(fact[2], names))]; });
  }

  function defaults(pilot) {
    var d = pilot.defaults, plan = {};
    Object.keys(d).forEach(function (key) { plan[key] = d[key]; });
    plan.org = "";
    return plan;
  }
  /* One field as typed: its value, or a message saying what is wrong. Empty text is allowed for the
     start month (agreed later), the hourly cost (supplied by finance) and the organisation. */
  function check(name, raw) {
    var text = String(raw === null || raw === undefined ? "" : raw).trim();
    if (name === "start") {
      return text === "" || /^\d{4}-(0[1-9]|1[0-2])$/.test(text) ? { value: text } : { error: "Pick a month, or leave it empty." };
    }
    if (name === "cover") return COVERS.indexOf(text) !== -1 ? { value: text } : { error: "Choose how the hours are covered." };
    if (name in TEXTS) {
      if (!text && name !== "org") return { error: "Write something here." };
      return { value: text.slice(0, TEXTS[name]) };
    }
    var limits = NUMBERS[name];
    if (name === "rate" && text === "") return { value: null };
    var value = Number(text.replace(/[£,\s%]/g, ""));
    if (!text || !isFinite(value)) return { error: "Enter a number." };
    if (value < limits[0] || value > limits[1]) return { error: "Enter a number from " + limits[0] + " to " + limits[1] + "." };
    if (limits[2] && value !== Math.round(value)) return { error: "Enter a whole number." };
    return { value: value };
  }
  var FIELDS = ["service", "start", "weeks", "hours", "rate", "cost_per_call", "fall", "slip", "cover", "reporting", "org"];
  /* A plan from the address (names prefixed "p."): anything missing or wrong keeps its default. */
  function fromParams(pilot, params) {
    var plan = defaults(pilot);
    FIELDS.forEach(function (name) {
      if (!params.has("p." + name)) return;
      var checked = check(name, params.get("p." + name));
      if (!("error" in checked)) plan[name] = checked.value;
    });
    return plan;
  }
  /* Only what differs from the defaults goes in the address, so a shared link stays short. */
  function toParams(pilot, plan, params) {
    var base = defaults(pilot);
    FIELDS.forEach(function (name) {
      params.delete("p." + name);
      if (plan[name] !== base[name]) params.set("p." + name, plan[name] === null ? "" : String(plan[name]));
    });
    return params;
  }
  /* The calculator's result (local storage "cb-calculator-result"): its cost per call, if usable. */
  function fromCalculator(stored) {
    var result;
    try { result = JSON.parse(stored || "null"); } catch (error) { return null; }
    if (!result || typeof result.costPerCall !== "number" || !(result.costPerCall > 0)) return null;
    return { cost_per_call: result.costPerCall,
             cost_per_social: typeof result.costPerSocial === "number" ? result.costPerSocial : null };
  }

  return { NUMBERS: NUMBERS, FIELDS: FIELDS, COVERS: COVERS, number: number, money: money, month: month,
           fill: fill, values: values, facts: facts, defaults: defaults, check: check, fromParams: fromParams,
           toParams: toParams, fromCalculator: fromCalculator };
});
