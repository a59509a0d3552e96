/* Channel-shift arithmetic, free of the page so it can be unit-tested under Node.
   Gross saving = contacts moved from each channel to social media x (that channel's cost - the
   cost of a reply on social media); net saving = gross - the yearly cost of staffing the social
   channel. Low and high take half and one and a half times the shares moved (at most 100 %), so
   the range shows how much rests on that guess. */
((root, factory) => {
  "use strict";
  const api = factory();
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    root.ChannelShift = api;
  }
})(typeof self !== "undefined" ? self : this, () => {
  "use strict";

  function round2(value) {
    return Math.round(value * 100) / 100;
  }

  // Socitm Channel Value Benchmarking, 2011 cohorts, as reported in May 2012, in 2011 prices.
  // Socitm's web-visit cost (£0.15) is a page view, not a reply, which takes an adviser's time; so
  // a reply on social media is priced as a written reply: ContactBabel's 2023 guide found "The
  // average cost of an inbound call is £6.55 – 70% more than email", so a reply is a call / 1.70.
  const WEB_VISIT = 0.15;
  const EMAIL_RATIO = 1.7;
  const SOURCE_COSTS = { cost_f2f: 8.62, cost_phone: 2.83, cost_social: round2(2.83 / EMAIL_RATIO) };
  // Retail Prices Index (RPI, January 1987 = 100): December 2011 from the ONS bulletin of 17 January
  // 2012; August 2022, the latest value we could read in a source, as reported by the Labour
  // Research Department in 2022. Later inflation is not included.
  const INDEX = {
    name: "Retail Prices Index (RPI, January 1987 = 100)",
    from: 239.4,
    fromWhen: "December 2011",
    to: 345.2,
    toWhen: "August 2022",
  };
  const FACTOR = INDEX.to / INDEX.from;

  function adjusted(cost) {
    return round2(cost * FACTOR);
  }
  /* Each price set: the social reply always follows the phone cost of the same set. */
  function prices(which) {
    const phone = which === "source" ? SOURCE_COSTS.cost_phone : adjusted(SOURCE_COSTS.cost_phone);
    return {
      cost_f2f: which === "source" ? SOURCE_COSTS.cost_f2f : adjusted(SOURCE_COSTS.cost_f2f),
      cost_phone: phone,
      cost_social: round2(phone / EMAIL_RATIO),
    };
  }

  const ADJUSTED = prices("adjusted");
  const DEFAULTS = {
    f2f: 50000,
    phone: 200000,
    f2f_share: 10,
    phone_share: 10,
    cost_f2f: ADJUSTED.cost_f2f,
    cost_phone: ADJUSTED.cost_phone,
    cost_social: ADJUSTED.cost_social,
    staff: 0,
  };
  const MAX = { f2f: 1e9, phone: 1e9, cost_f2f: 1e4, cost_phone: 1e4, cost_social: 1e4, staff: 1e9 };
  const SHARES = { f2f_share: true, phone_share: true };
  const MONEY = { cost_f2f: true, cost_phone: true, cost_social: true, staff: true };
  const OPTIONAL = { staff: true };
  // What a person types: "£4.50", "4.50", "200,000", "3%", "£1,200.50". Commas only between groups
  // of three digits, so "4,50" (a decimal comma) is refused rather than read as 450.
  const NUMBER = /^-?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?$/;

  function example(key) {
    return (MONEY[key] ? "£" : "") + DEFAULTS[key] + (SHARES[key] ? "%" : "");
  }

  /* One field as typed: a number, or a message saying what is wrong with it. */
  function check(key, raw) {
    let text = raw === null || raw === undefined ? "" : String(raw).replace(/\s+/g, "");
    if (text === "") return OPTIONAL[key] ? { value: 0 } : { error: "Enter a number." };
    if (MONEY[key]) text = text.replace(/^(-?)£/, "$1");
    if (SHARES[key]) text = text.replace(/%$/, "");
    if (!NUMBER.test(text) || !/\d/.test(text)) return { error: `Enter a number, such as ${example(key)}.` };
    const value = Number(text.replace(/,/g, ""));
    if (value < 0) return { error: "Cannot be negative." };
    if (SHARES[key]) {
      if (value > 100) return { error: "A share is between 0 and 100 %." };
    } else if (value > MAX[key]) {
      return { error: `Too large: at most ${MAX[key].toLocaleString("en-GB")}.` };
    }
    return { value: value };
  }

  /* Every field of a URLSearchParams-like object: {inputs, errors}; errors is empty when all are
     valid. The page shows each error next to its field and no result until they are fixed. */
  function validate(params) {
    const inputs = {},
      errors = {};
    Object.keys(DEFAULTS).forEach((key) => {
      const result = check(key, params.get(key));
      if ("error" in result) errors[key] = result.error;
      else inputs[key] = result.value;
    });
    return { inputs: inputs, errors: errors };
  }

  /* A shared link: anything missing, junk or out of range falls back to its default, so a
     mangled link still opens on a sane example (typed input is validated instead). */
  function parseInputs(params) {
    const inputs = {};
    Object.keys(DEFAULTS).forEach((key) => {
      const result = check(key, params.get(key));
      inputs[key] = "error" in result || params.get(key) === null ? DEFAULTS[key] : result.value;
    });
    return inputs;
  }

  function toQuery(inputs) {
    return Object.keys(DEFAULTS)
      .map((key) => `${key}=${encodeURIComponent(String(inputs[key]))}`)
      .join("&");
  }

  function calculate(inputs) {
    const movedF2f = Math.round((inputs.f2f * inputs.f2f_share) / 100);
    const movedPhone = Math.round((inputs.phone * inputs.phone_share) / 100);
    const savingF2f = round2(movedF2f * (inputs.cost_f2f - inputs.cost_social));
    const savingPhone = round2(movedPhone * (inputs.cost_phone - inputs.cost_social));
    const gross = round2(savingF2f + savingPhone);
    const before = round2(inputs.f2f * inputs.cost_f2f + inputs.phone * inputs.cost_phone);
    const after = round2(
      (inputs.f2f - movedF2f) * inputs.cost_f2f +
        (inputs.phone - movedPhone) * inputs.cost_phone +
        (movedF2f + movedPhone) * inputs.cost_social,
    );
    const staff = inputs.staff || 0;
    return {
      f2fShare: inputs.f2f_share,
      phoneShare: inputs.phone_share,
      movedF2f: movedF2f,
      movedPhone: movedPhone,
      moved: movedF2f + movedPhone,
      savingF2f: savingF2f,
      savingPhone: savingPhone,
      saving: gross,
      gross: gross,
      staff: staff,
      net: round2(gross - staff),
      before: before,
      after: after,
    };
  }

  function scaled(inputs, factor) {
    const copy = {};
    Object.keys(inputs).forEach((key) => {
      copy[key] = inputs[key];
    });
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
    return net < 0
      ? { kind: "cost", label: "Estimated annual cost", amount: -net }
      : { kind: "saving", label: "Estimated annual saving", amount: net };
  }

  function money(value) {
    const sign = value < 0 ? "−" : "";
    const abs = Math.abs(value);
    const pence = abs < 100 && abs % 1 !== 0;
    return `${sign}£${abs.toLocaleString("en-GB", {
      minimumFractionDigits: pence ? 2 : 0,
      maximumFractionDigits: pence ? 2 : 0,
    })}`;
  }

  function count(value) {
    return value.toLocaleString("en-GB");
  }

  /* The shares of one scenario, each named by its channel: "face to face 5%, phone 5%". A channel
     with no contacts is left out. */
  function sharesText(inputs, result) {
    const parts = [];
    if (inputs.f2f) parts.push(`face to face ${count(result.f2fShare)}%`);
    if (inputs.phone) parts.push(`phone ${count(result.phoneShare)}%`);
    return parts.join(", ") || "none";
  }

  const SOURCES = [
    {
      title: "Socitm briefing shows scope for councils to save through channel shift",
      publisher: "Socitm, reproduced by Wired-Gov",
      published: "2012-05-29",
      url: "https://www.wired-gov.net/wg/wg-news-1.nsf/print/Socitm+briefing+shows+scope+for+councils+to+save+through+channel+shift+and+improved+handling+of+customer+enquiries+29052012121500",
    },
    {
      title: "2023 UK Contact Centre Decision-Makers' Guide",
      publisher: "Customer Contact Management Association (CCMA)",
      published: "2023",
      url: "https://www.ccma.org.uk/insight/2023-uk-contact-centre-decision-makers-guide/",
    },
  ];

  /* What other tools read from local storage ("cb-calculator-result"): the inputs under plain
     names, the central, low and high results, whether any input differs from the defaults, and
     the sources of the default costs. */
  function summary(inputs, link) {
    const range = scenarios(inputs);
    const changed = Object.keys(DEFAULTS).some((key) => inputs[key] !== DEFAULTS[key]);
    return {
      version: 1,
      costPerCall: inputs.cost_phone,
      costPerSocial: inputs.cost_social,
      costPerFaceToFace: inputs.cost_f2f,
      callsPerYear: inputs.phone,
      faceToFacePerYear: inputs.f2f,
      phoneShare: inputs.phone_share,
      faceToFaceShare: inputs.f2f_share,
      staffCostPerYear: inputs.staff,
      movedCalls: range.central.movedPhone,
      movedFaceToFace: range.central.movedF2f,
      grossSaving: range.central.gross,
      netSaving: range.central.net,
      lowNetSaving: range.low.net,
      highNetSaving: range.high.net,
      defaultsChanged: changed,
      link: link || "",
      sources: SOURCES.slice(),
    };
  }

  /* The result as a local figure for the briefing builder: figure, what it measures, and where it
     comes from with its assumptions. */
  function briefingFigure(inputs) {
    const r = calculate(inputs);
    const o = outcome(r.net);
    const moved = [];
    if (inputs.phone && inputs.phone_share)
      moved.push(`${inputs.phone_share}% of ${count(inputs.phone)} calls at ${money(inputs.cost_phone)}`);
    if (inputs.f2f && inputs.f2f_share)
      moved.push(`${inputs.f2f_share}% of ${count(inputs.f2f)} visits at ${money(inputs.cost_f2f)}`);
    return {
      value: money(o.amount),
      measure:
        (o.kind === "cost" ? "Estimated annual cost" : "Estimated annual saving") +
        " of moving contacts to social media" +
        (r.staff ? `, net of staffing ${money(r.staff)}` : ""),
      from:
        "Our channel-shift estimate: " +
        (moved.join(" and ") || "nothing") +
        " moved, a social reply at " +
        money(inputs.cost_social),
    };
  }

  return {
    DEFAULTS: DEFAULTS,
    SOURCE_COSTS: SOURCE_COSTS,
    WEB_VISIT: WEB_VISIT,
    EMAIL_RATIO: EMAIL_RATIO,
    INDEX: INDEX,
    FACTOR: FACTOR,
    adjusted: adjusted,
    prices: prices,
    SOURCES: SOURCES,
    check: check,
    validate: validate,
    parseInputs: parseInputs,
    toQuery: toQuery,
    calculate: calculate,
    scenarios: scenarios,
    outcome: outcome,
    money: money,
    count: count,
    sharesText: sharesText,
    summary: summary,
    briefingFigure: briefingFigure,
  };
});
