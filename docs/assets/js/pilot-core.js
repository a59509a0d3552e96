/* The pilot planner's and results report's arithmetic, free of the page so Node can test it.

   The pilot's shared facts are worded by casebook/model/pilot.py; the build sends its templates,
   phrases and defaults in /api/briefing-builder.json ("pilots"), and `facts` fills them here with
   the manager's plan exactly as the Python does with the defaults (tests/test_pilot_js.py runs both
   on the same plans). The report compares the figures the manager enters with the thresholds the
   plan agreed before the start. */
((root, factory) => {
  "use strict";
  const api = factory();
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    root.PilotCore = api;
  }
})(typeof self !== "undefined" ? self : this, () => {
  "use strict";

  // The plan's numbers: address name, [min, max], whole number?
  const NUMBERS = {
    weeks: [4, 52, true],
    hours: [1, 200, false],
    rate: [0.01, 1000, false],
    cost_per_call: [0.01, 1000, false],
    fall: [0.1, 100, false],
    slip: [1, 3600, true],
  };
  const TEXTS = { service: 80, reporting: 120, org: 80 };
  const COVERS = ["backfill", "overtime", "phone-target"];

  function hundredths(value) {
    return Math.floor(value * 100 + 0.5);
  }
  function group(whole) {
    return String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  }
  function number(value) {
    const h = hundredths(Math.abs(value));
    let text = `${group(Math.floor(h / 100))}.${String(h % 100).padStart(2, "0")}`;
    text = text.replace(/0+$/, "").replace(/\.$/, "");
    return (value < 0 && h ? "-" : "") + text;
  }
  function money(value) {
    const pence = hundredths(value);
    return `£${group(Math.floor(pence / 100))}${pence % 100 ? `.${String(pence % 100).padStart(2, "0")}` : ""}`;
  }
  function month(start, months) {
    const parts = start.split("-");
    return `${months[Number(parts[1]) - 1]} ${parts[0]}`;
  }
  /* `{name}` -> its value; values are never read again, as Python's str.format_map. */
  function fill(template, names) {
    return template.replace(/\{([a-z_]+)\}/g, (_all, name) => names[name]);
  }
  function sentence(text) {
    text = text.split(/\s+/).filter(Boolean).join(" ");
    return text ? text.charAt(0).toUpperCase() + text.slice(1) : text;
  }

  function values(pilot, plan) {
    const total = plan.hours * plan.weeks;
    const found = {
      team: pilot.text.team,
      voluntary: pilot.text.voluntary,
      service: plan.service,
      weeks: String(plan.weeks),
      hours: number(plan.hours),
      total_hours: number(total),
      start: plan.start ? month(plan.start, pilot.months) : pilot.phrases.start_unset,
      call_reasons: pilot.text.call_reasons,
      fall: number(plan.fall),
      slip: String(plan.slip),
      cost_per_call: `${money(plan.cost_per_call)} a call`,
      reporting: plan.reporting,
      cover: pilot.covers[plan.cover],
      rate: plan.rate ? money(plan.rate) : "",
      total_cost: plan.rate ? money(total * plan.rate) : "",
    };
    found.cost = fill(pilot.phrases[plan.rate ? "cost_priced" : "cost_unpriced"], found);
    return found;
  }
  /* [[key, label, sentence]] for every fact all audiences are told, in order. */
  function facts(pilot, plan) {
    const names = values(pilot, plan);
    return pilot.facts.map((fact) => [fact[0], fact[1], sentence(fill(fact[2], names))]);
  }

  function defaults(pilot) {
    const d = pilot.defaults,
      plan = {};
    Object.keys(d).forEach((key) => {
      plan[key] = d[key];
    });
    plan.org = "";
    return plan;
  }
  /* One field as typed: its value, or a message saying what is wrong. Empty text is allowed for the
     start month (agreed later), the hourly cost (supplied by finance) and the organisation. */
  function check(name, raw) {
    const text = String(raw === null || raw === undefined ? "" : raw).trim();
    if (name === "start") {
      return text === "" || /^\d{4}-(0[1-9]|1[0-2])$/.test(text)
        ? { value: text }
        : { error: "Pick a month, or leave it empty." };
    }
    if (name === "cover")
      return COVERS.indexOf(text) !== -1 ? { value: text } : { error: "Choose how the hours are covered." };
    if (name in TEXTS) {
      if (!text && name !== "org") return { error: "Write something here." };
      return { value: text.slice(0, TEXTS[name]) };
    }
    const limits = NUMBERS[name];
    if (name === "rate" && text === "") return { value: null };
    const value = Number(text.replace(/[£,\s%]/g, ""));
    if (!text || !Number.isFinite(value)) return { error: "Enter a number." };
    if (value < limits[0] || value > limits[1]) return { error: `Enter a number from ${limits[0]} to ${limits[1]}.` };
    if (limits[2] && value !== Math.round(value)) return { error: "Enter a whole number." };
    return { value: value };
  }
  const FIELDS = [
    "service",
    "start",
    "weeks",
    "hours",
    "rate",
    "cost_per_call",
    "fall",
    "slip",
    "cover",
    "reporting",
    "org",
  ];
  /* A plan from the address (names prefixed "p."): anything missing or wrong keeps its default. */
  function fromParams(pilot, params) {
    const plan = defaults(pilot);
    FIELDS.forEach((name) => {
      if (!params.has(`p.${name}`)) return;
      const checked = check(name, params.get(`p.${name}`));
      if (!("error" in checked)) plan[name] = checked.value;
    });
    return plan;
  }
  /* Only what differs from the defaults goes in the address, so a shared link stays short. */
  function toParams(pilot, plan, params) {
    const base = defaults(pilot);
    FIELDS.forEach((name) => {
      params.delete(`p.${name}`);
      if (plan[name] !== base[name]) params.set(`p.${name}`, plan[name] === null ? "" : String(plan[name]));
    });
    return params;
  }
  /* The calculator's result (local storage "cb-calculator-result"): its cost per call, if usable. */
  function fromCalculator(stored) {
    let result;
    try {
      result = JSON.parse(stored || "null");
    } catch {
      return null;
    }
    if (!result || typeof result.costPerCall !== "number" || !(result.costPerCall > 0)) return null;
    return {
      cost_per_call: result.costPerCall,
      cost_per_social: typeof result.costPerSocial === "number" ? result.costPerSocial : null,
    };
  }

  // ---- the results report ----------------------------------------------------------------------
  // The figures the manager enters: name -> whole number? (all counts, seconds and hours are >= 0).
  const FIGURES = {
    calls_last_year: true,
    calls_before: true,
    calls_pilot: true,
    social: true,
    hours_used: false,
    answer_before: false,
    answer_pilot: false,
    weeks_over: true,
  };
  const WEEKS_BEFORE = 13; // "the three months before the start", as weeks for a weekly rate

  function percentChange(before, after) {
    return before > 0 ? ((after - before) / before) * 100 : null;
  }
  function signed(value, unit) {
    return (value > 0 ? "+" : "") + number(value) + unit;
  }

  /* Figures and plan -> before/after per measure, cost per contact by channel, each threshold met
     or missed, what the stop rule says, and the verdict agreed before the start. */
  function report(plan, f) {
    const change = percentChange(f.calls_last_year, f.calls_pilot);
    const recentChange = percentChange(f.calls_before / WEEKS_BEFORE, f.calls_pilot / plan.weeks);
    const costSocial = plan.rate && f.social > 0 ? (f.hours_used * plan.rate) / f.social : null;
    const slip = f.answer_pilot - f.answer_before;
    const thresholds = [
      {
        id: "calls",
        label: `Calls about ${plan.service} fall by at least ${number(plan.fall)}% against the same weeks last year`,
        met: change === null ? null : -change >= plan.fall,
        found: change === null ? "no calls counted last year" : signed(change, "%"),
      },
      {
        id: "cost",
        label: `A question answered on social media costs less than a call (${money(plan.cost_per_call)})`,
        met: costSocial === null ? null : costSocial < plan.cost_per_call,
        found:
          costSocial === null
            ? "needs the hourly cost and at least one question answered"
            : `${money(costSocial)} a question`,
      },
    ];
    const stops = [];
    if (slip > plan.slip)
      stops.push(`phone answer times slipped by ${number(slip)} seconds, more than the ${plan.slip} agreed`);
    if (f.weeks_over >= 2) stops.push(`the hours went over ${number(plan.hours)} a week ${f.weeks_over} weeks running`);
    if (f.advisers_stop) stops.push("the advisers asked to stop");
    const verdict = stops.length ? "stop" : thresholds.every((t) => t.met === true) ? "continue" : "missed";
    const missed = thresholds
      .filter((t) => t.met !== true)
      .map((t) => t.label.charAt(0).toLowerCase() + t.label.slice(1));
    const words = {
      stop: `Stop: the stop rule agreed before the start was triggered (${stops.join("; ")}).`,
      continue: "Continue: both thresholds agreed before the start were met, and the stop rule was not triggered.",
      missed: `Not continued as it is: a threshold agreed before the start was not met (${missed.join("; ")}).`,
    };
    const next = {
      stop: `The pilot stops now; ${plan.reporting} receive this report.`,
      continue: `${plan.reporting.charAt(0).toUpperCase() + plan.reporting.slice(1)} decide whether it continues, and whether a second service follows.`,
      missed: `${plan.reporting.charAt(0).toUpperCase() + plan.reporting.slice(1)} decide whether it ends, or changes and is tested again with new thresholds.`,
    };
    return {
      measures: [
        [
          `Calls about ${plan.service}`,
          `${number(f.calls_last_year)} in the same weeks last year`,
          `${number(f.calls_pilot)} in the pilot`,
          change === null ? "" : signed(change, "%"),
        ],
        [
          "Calls a week",
          `${number(f.calls_before / WEEKS_BEFORE)} in the three months before`,
          `${number(f.calls_pilot / plan.weeks)} in the pilot`,
          recentChange === null ? "" : signed(recentChange, "%"),
        ],
        [
          "Phone answer time",
          `${number(f.answer_before)} seconds`,
          `${number(f.answer_pilot)} seconds`,
          signed(slip, " seconds"),
        ],
        ["Questions answered on social media", "none", number(f.social), ""],
        ["Adviser-hours", `cap ${number(plan.hours * plan.weeks)}`, `${number(f.hours_used)} used`, ""],
      ],
      costs: [
        ["Phone call", money(plan.cost_per_call)],
        ["Question answered on social media", costSocial === null ? "not known" : money(costSocial)],
      ],
      change: change,
      costSocial: costSocial,
      slip: slip,
      thresholds: thresholds,
      stops: stops,
      verdict: verdict,
      words: words[verdict],
      next: next[verdict],
    };
  }

  // ---- the results as a case study for this casebook ----------------------------------------------
  const OUTCOME = { continue: "both were met", missed: "they were not all met", stop: "the stop rule was triggered" };
  const CASE = { sector: "local-government", country: "GB", topics: ["channel-shift", "customer-service"] };
  function clip(text, most) {
    return text.length <= most ? text : `${text.slice(0, most - 1).replace(/\s+\S*$/, "")}…`;
  }

  /* The case (keys in the contract's order) that the propose form and scripts/validate.py read. */
  function caseFromReport(pilot, plan, f, r, meta) {
    const when = plan.start ? month(plan.start, pilot.months) : "";
    const org = meta.org;
    const outcomes = [];
    if (r.change !== null)
      outcomes.push({
        measure: clip(`Change in calls about ${plan.service} against the same weeks last year`, 120),
        value: `${signed(r.change, "%")} (${number(f.calls_last_year)} to ${number(f.calls_pilot)} calls)`,
        source: 1,
        basis: "counted",
        kind: "contact",
        headline: true,
      });
    outcomes.push({
      measure: "Questions answered on social media during the pilot",
      value: number(f.social),
      source: 1,
      basis: "counted",
      kind: "contact",
    });
    if (r.costSocial !== null)
      outcomes.push({
        measure: `Cost per question answered on social media, from adviser-hours at ${money(plan.rate)} an hour`,
        value: money(r.costSocial),
        source: 1,
        basis: "modelled",
        kind: "money",
      });
    outcomes.push({
      measure: "Change in average phone answer time during the pilot",
      value: signed(r.slip, " seconds"),
      source: 1,
      basis: "counted",
      kind: "time",
    });
    outcomes.push({
      measure: "Adviser-hours used",
      value: `${number(f.hours_used)} hours over ${plan.weeks} weeks`,
      source: 1,
      basis: "counted",
      kind: "time",
    });
    const lessons = [
      ["Advisers", meta.feedback_advisers],
      ["Members", meta.feedback_members],
    ]
      .filter((pair) => pair[1])
      .map((pair) => clip(`${pair[0]}: ${pair[1]}`, 300));
    const result = {
      title: clip(`${org}: a ${plan.weeks}-week pilot answering questions about ${plan.service} on social media`, 120),
      organisation: org,
      sector: CASE.sector,
      country: CASE.country,
      year: Number((plan.start || meta.today).slice(0, 4)),
      audiences: meta.audiences,
      topics: CASE.topics.slice(),
      summary: clip(
        org +
          " answered residents' questions about " +
          plan.service +
          " on social media for " +
          plan.weeks +
          " weeks" +
          (when ? ` from ${when}` : "") +
          ", with thresholds agreed in advance: " +
          OUTCOME[r.verdict] +
          ".",
        300,
      ),
      challenge:
        "Calls about " +
        plan.service +
        " took contact-centre time: " +
        number(f.calls_last_year) +
        " in the same weeks the year before. The council wanted to know whether answering the questions once, in public, would reduce them.",
      approach:
        "Up to " +
        number(plan.hours) +
        " adviser-hours a week for " +
        plan.weeks +
        " weeks. " +
        pilot.covers[plan.cover] +
        " Before the start it agreed to continue only if calls fell by at least " +
        number(plan.fall) +
        "% against the same weeks last year and a question answered on social media cost less than a call (" +
        money(plan.cost_per_call) +
        "), and to stop if phone answer times slipped by more than " +
        plan.slip +
        " seconds or the advisers asked to.",
      outcomes: outcomes,
    };
    if (lessons.length) result.lessons = lessons;
    result.caveats =
      "One service (" +
      plan.service +
      ") over " +
      plan.weeks +
      " weeks" +
      (when ? ` from ${when}` : "") +
      ": a small pilot. Seasonal demand, weather and changes to the service itself also move calls, so the change against the same " +
      "weeks last year is not all the pilot's doing. The figures are the council's own counts" +
      (r.costSocial !== null
        ? `; the cost per question is modelled from adviser-hours at ${money(plan.rate)} an hour.`
        : ".");
    result.sources = [
      {
        title: meta.title || `${org}: results of the social media pilot on ${plan.service}`,
        publisher: org,
        url: meta.url,
        published: meta.published,
        grade: "primary",
      },
    ];
    result.added = meta.today;
    result.last_verified = meta.today;
    return result;
  }

  return {
    NUMBERS: NUMBERS,
    FIELDS: FIELDS,
    COVERS: COVERS,
    FIGURES: FIGURES,
    number: number,
    money: money,
    month: month,
    fill: fill,
    values: values,
    facts: facts,
    defaults: defaults,
    check: check,
    fromParams: fromParams,
    toParams: toParams,
    fromCalculator: fromCalculator,
    report: report,
    caseFromReport: caseFromReport,
  };
});
