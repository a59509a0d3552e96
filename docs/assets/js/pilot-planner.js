/* Pilot planner (/briefing/#pilot-planner): the manager's numbers -> the three audiences' pilot
   briefings, printed (one A4 page each) or downloaded as Word files.

   The plan lives in the address (p.service, p.hours... only what differs from the defaults) and in
   local storage ("cb-pilot-plan"), like the builder's pins; the calculator's result arrives from
   local storage ("cb-calculator-result", written by /tools/channel-shift/). The facts are worded
   by PilotCore from the build's templates, so they match the standard briefings word for word.
   Everything is written with textContent: no reader or contributor text becomes HTML. */
(() => {
  "use strict";
  const root = document.getElementById("pilot-planner");
  const core = window.PilotCore;
  if (!root || !core) return;
  const form = root.querySelector(".cb-planner__form");
  const sheets = root.querySelector(".cb-planner__sheets");
  const status = root.querySelector(".cb-planner__status");
  const H = window.cbHelpers;
  const el = H.el;
  // The Word file's type, in half-points: 9 pt body and 8 pt small lines, as the briefings'.
  const BODY = 18;
  const SMALL = 16;
  let data = null,
    pilot = null,
    kits = [],
    plan = null;

  function say(text) {
    H.say(status, text);
  }

  // ---- the plan: address first, then this browser, then the pilot file's defaults -------------
  function load() {
    const params = new URLSearchParams(window.location.search);
    const fromAddress = core.FIELDS.some((name) => params.has(`p.${name}`));
    if (fromAddress) return core.fromParams(pilot, params);
    const saved = H.readJson(H.KEYS.plan, null);
    if (!saved || saved.pilot !== pilot.id || !saved.plan) return core.defaults(pilot);
    const asParams = new URLSearchParams();
    core.FIELDS.forEach((name) => {
      if (name in saved.plan) asParams.set(`p.${name}`, saved.plan[name] === null ? "" : saved.plan[name]);
    });
    return core.fromParams(pilot, asParams);
  }
  function keep() {
    H.writeJson(H.KEYS.plan, { pilot: pilot.id, plan: plan });
    const params = core.toParams(pilot, plan, new URLSearchParams(window.location.search));
    const query = params.toString();
    window.history.replaceState(null, "", window.location.pathname + (query ? `?${query}` : "") + window.location.hash);
  }
  function fillForm() {
    core.FIELDS.forEach((name) => {
      const input = form.elements[name];
      if (input) input.value = plan[name] === null || plan[name] === undefined ? "" : String(plan[name]);
    });
  }
  function readField(input) {
    const checked = core.check(input.name, input.value);
    const error = root.querySelector(`#pl-err-${input.name}`);
    if (error) {
      error.hidden = !("error" in checked);
      error.textContent = checked.error || "";
      input.setAttribute("aria-invalid", "error" in checked ? "true" : "false");
    }
    if (!("error" in checked)) plan[input.name] = checked.value;
  }

  // ---- the three briefings ---------------------------------------------------------------------
  function terms(className, pairs) {
    const dl = el("dl", { class: `cb-pilot ${className}` });
    pairs.forEach((pair) => {
      const term = el("div", { class: "cb-pilot__term" });
      if (pair.length === 3) term.setAttribute("data-fact", pair[0]);
      term.appendChild(el("dt", {}, pair[pair.length - 2]));
      term.appendChild(el("dd", {}, pair[pair.length - 1]));
      dl.appendChild(term);
    });
    return dl;
  }
  /* The kit's public address in the short form a reader types from paper (from the build's
     site address, never this page's own: a local preview would print 127.0.0.1). */
  function printed(kit) {
    return data.site?.short ? `${data.site.short}/${kit.url.replace(/\/$/, "")}` : "";
  }
  function sheet(kit, facts) {
    const view = pilot.views[kit.id];
    const article = el("article", { class: "cb-briefing cb-planner__sheet" });
    article.setAttribute("data-audience", kit.id);
    article.appendChild(
      el("p", { class: "cb-kicker" }, `Pilot proposal · for ${kit.name}${plan.org ? ` · ${plan.org}` : ""}`),
    );
    article.appendChild(el("h3", { class: "cb-planner__title" }, `${pilot.title}: ${plan.service}`));
    if (view) article.appendChild(el("p", { class: "cb-pilot__lead" }, view.lead));
    article.appendChild(el("h4", {}, "What every audience is told"));
    article.appendChild(terms("cb-pilot--shared", facts));
    if (view) {
      article.appendChild(el("h4", {}, `For ${kit.name}`));
      article.appendChild(terms("cb-pilot--view", view.points));
    }
    article.appendChild(el("h4", {}, "How to pick the service"));
    const list = el("ul", { class: "cb-planner__choosing" });
    pilot.choosing.forEach((test) => {
      list.appendChild(el("li", {}, test));
    });
    article.appendChild(list);
    article.appendChild(
      el(
        "p",
        { class: "cb-planner__note" },
        "Cost per call: " +
          core.money(plan.cost_per_call) +
          (plan.cost_per_call === pilot.defaults.cost_per_call
            ? `. ${pilot.text.cost_per_call_from}`
            : ", our own figure."),
      ),
    );
    const address = printed(kit);
    if (address)
      article.appendChild(el("p", { class: "cb-planner__address" }, `The evidence and the full kit: ${address}`));
    return article;
  }
  function draw() {
    const facts = core.facts(pilot, plan);
    sheets.textContent = "";
    kits.forEach((kit) => {
      sheets.appendChild(sheet(kit, facts));
    });
    const help = root.querySelector("#pl-help-cost_per_call");
    help.textContent = `Default ${core.money(pilot.defaults.cost_per_call)}: ${pilot.text.cost_per_call_from}`;
  }
  function offerCalculator() {
    const result = core.fromCalculator(H.readText(H.KEYS.calculator));
    const box = root.querySelector(".cb-planner__calculator");
    box.hidden = !result;
    if (result) {
      box.querySelector(".cb-planner__calculator-note").textContent =
        "The calculator's cost per call is " +
        core.money(result.cost_per_call) +
        (result.cost_per_social ? `; it prices a social reply at ${core.money(result.cost_per_social)}` : "") +
        ".";
    }
  }
  function update() {
    draw();
    keep();
    document.dispatchEvent(new CustomEvent("cb-plan-changed")); // the results report redraws
  }

  // ---- Word: one file per audience, the docx library loaded only now --------------------------
  function loadDocx() {
    return window.cbWord.load(root.getAttribute("data-docx"));
  }
  function wordDocument(d, kit) {
    const view = pilot.views[kit.id];
    const children = [];
    function para(runs) {
      children.push(new d.Paragraph({ children: runs.map((r) => (typeof r === "string" ? new d.TextRun(r) : r)) }));
    }
    function heading(text, level) {
      children.push(new d.Paragraph({ text: text, heading: level }));
    }
    function term(label, text) {
      para([new d.TextRun({ text: `${label}: `, bold: true }), text]);
    }
    function small(text) {
      para([new d.TextRun({ text: text, size: SMALL })]);
    }
    small(`Pilot proposal · for ${kit.name}${plan.org ? ` · ${plan.org}` : ""}`);
    heading(`${pilot.title}: ${plan.service}`, d.HeadingLevel.HEADING_1);
    if (view) para([view.lead]);
    heading("What every audience is told", d.HeadingLevel.HEADING_2);
    core.facts(pilot, plan).forEach((fact) => {
      term(fact[1], fact[2]);
    });
    if (view) {
      heading(`For ${kit.name}`, d.HeadingLevel.HEADING_2);
      view.points.forEach((point) => {
        term(point[0], point[1]);
      });
    }
    heading("How to pick the service", d.HeadingLevel.HEADING_2);
    pilot.choosing.forEach((test) => {
      children.push(new d.Paragraph({ text: test, bullet: { level: 0 } }));
    });
    const address = printed(kit);
    if (address) small(`The evidence and the full kit: ${address}`);
    return new d.Document({
      creator: "Buy-in Casebook",
      title: `${pilot.title} (${kit.name})`,
      styles: { default: { document: { run: { font: "Arial", size: BODY } } } },
      sections: [
        {
          properties: {
            page: { size: { width: 11906, height: 16838 }, margin: { top: 680, bottom: 680, left: 794, right: 794 } },
          },
          children: children,
        },
      ],
    });
  }
  function downloadWord(kit) {
    say("Preparing the Word file…");
    loadDocx()
      .then((d) => d.Packer.toBlob(wordDocument(d, kit)))
      .then(
        (blob) => {
          window.cbWord.save(blob, `pilot-${kit.id}.docx`);
          say("Word file downloaded");
        },
        () => {
          say("The Word file could not be made here; print to PDF instead");
        },
      );
  }
  function wordButtons() {
    const box = root.querySelector(".cb-planner__word");
    kits.forEach((kit) => {
      const button = el("button", { class: "md-button" }, `Word: ${kit.name}`);
      button.type = "button";
      button.setAttribute("data-planner", "docx");
      button.setAttribute("data-audience", kit.id);
      box.appendChild(button);
      box.appendChild(document.createTextNode(" "));
    });
  }

  // ---- events ------------------------------------------------------------------------------------
  /* Print only the three sheets (CSS: body.cb-print-plan), one A4 page each. */
  function preparePrint(on) {
    document.body.classList.toggle("cb-print-plan", on);
  }
  window.addEventListener("afterprint", () => {
    preparePrint(false);
  });
  form.addEventListener("input", (event) => {
    if (!event.target.name) return;
    readField(event.target);
    update();
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
  });
  root.addEventListener("click", (event) => {
    const button = event.target.closest("[data-planner]");
    if (!button) return;
    const action = button.getAttribute("data-planner");
    if (action === "print") {
      preparePrint(true);
      window.print();
    }
    if (action === "docx") downloadWord(kits.filter((k) => k.id === button.getAttribute("data-audience"))[0]);
    if (action === "calculator") {
      plan.cost_per_call = core.fromCalculator(H.readText(H.KEYS.calculator)).cost_per_call;
      fillForm();
      update();
      say("The calculator's cost per call is in the plan");
    }
    if (action === "reset") {
      plan = core.defaults(pilot);
      fillForm();
      update();
    }
    if (action === "link") {
      H.copyText(window.location.href).then(
        () => {
          say("Link copied");
        },
        () => {
          say("Copy the address from the address bar");
        },
      );
    }
  });

  H.fetchJson(root.getAttribute("data-source")).then((json) => {
    data = json;
    const ids = data.kits.map((kit) => kit.pilot_id).filter(Boolean);
    pilot = data.pilots[ids[0]];
    if (!pilot) return;
    kits = data.kits.filter((kit) => kit.pilot_id === pilot.id);
    plan = load();
    fillForm();
    wordButtons();
    offerCalculator();
    update();
    root.classList.add("cb-planner--ready");
    window.cbPlanner = {
      ready: true,
      plan: () => plan,
      pilot: () => pilot,
      kits: () => kits,
      preparePrint: preparePrint,
      facts: () => core.facts(pilot, plan),
    };
  });
})();
