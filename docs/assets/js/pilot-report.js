/* Results report (/briefing/#pilot-report): the baseline and pilot figures, against the plan made
   in the planner above -> a one-page report (before and after, cost per contact by channel, each
   threshold met or missed, the stop rule, feedback, next step), printed or as a Word file; and the
   results as a case study file for this casebook, opened pre-filled in the propose form.

   The figures are kept in local storage ("cb-pilot-report"). The case goes to the propose form
   through the form's own draft in local storage ("casebook-propose-v1"), asking first if a draft
   is already there. Everything is written with textContent. */
(() => {
  "use strict";
  const root = document.getElementById("pilot-report");
  const core = window.PilotCore;
  if (!root || !core) return;
  const form = root.querySelector(".cb-report__form");
  const sheet = root.querySelector(".cb-report__sheet");
  const status = root.querySelector(".cb-report__status");
  const H = window.cbHelpers;
  const el = H.el;
  const TEXTS = ["feedback_advisers", "feedback_members", "next", "url", "title", "published"];
  let figures = null,
    texts = {};

  function say(text) {
    H.say(status, text);
  }
  function planner() {
    return window.cbPlanner?.ready ? window.cbPlanner : null;
  }

  // ---- the figures as typed ----------------------------------------------------------------------
  function readFigures() {
    let found = { advisers_stop: form.elements.advisers_stop.checked },
      complete = true;
    Object.keys(core.FIGURES).forEach((name) => {
      const input = form.elements[name];
      const text = input.value.trim().replace(/[,\s]/g, "");
      const value = Number(text);
      const wrong =
        text === ""
          ? ""
          : !Number.isFinite(value) || value < 0
            ? "Enter a number, 0 or more."
            : core.FIGURES[name] && value !== Math.round(value)
              ? "Enter a whole number."
              : "";
      const error = root.querySelector(`#rp-err-${name}`);
      error.hidden = !wrong;
      error.textContent = wrong;
      input.setAttribute("aria-invalid", wrong ? "true" : "false");
      if (text === "" || wrong) complete = false;
      else found[name] = value;
    });
    TEXTS.forEach((name) => {
      texts[name] = form.elements[name].value.trim();
    });
    return complete ? found : null;
  }
  function keep() {
    const saved = {};
    Object.keys(core.FIGURES)
      .concat(TEXTS)
      .forEach((name) => {
        saved[name] = form.elements[name].value;
      });
    saved.advisers_stop = form.elements.advisers_stop.checked;
    H.writeJson(H.KEYS.report, saved);
  }
  function restore() {
    const saved = H.readJson(H.KEYS.report, null);
    if (!saved) return;
    Object.keys(core.FIGURES)
      .concat(TEXTS)
      .forEach((name) => {
        if (typeof saved[name] === "string") form.elements[name].value = saved[name];
      });
    form.elements.advisers_stop.checked = saved.advisers_stop === true;
  }

  // ---- the report --------------------------------------------------------------------------------
  function table(head, rows) {
    const t = el("table", { class: "cb-report__table" });
    const tr = el("tr");
    head.forEach((h) => {
      const th = el("th", {}, h);
      th.scope = "col";
      tr.appendChild(th);
    });
    t.appendChild(el("thead")).appendChild(tr);
    const body = el("tbody");
    rows.forEach((row) => {
      const line = el("tr");
      row.forEach((cell, i) => {
        const c = el(i === 0 ? "th" : "td", {}, cell);
        if (i === 0) c.scope = "row";
        line.appendChild(c);
      });
      body.appendChild(line);
    });
    t.appendChild(body);
    return t;
  }
  function compose() {
    const p = planner();
    return p && figures ? { plan: p.plan(), pilot: p.pilot(), r: core.report(p.plan(), figures) } : null;
  }
  function nextStep(r) {
    return texts.next || r.next;
  }
  function draw() {
    sheet.textContent = "";
    const c = compose();
    if (!c) {
      sheet.appendChild(el("p", { class: "cb-report__empty" }, "Enter every figure above to see the report."));
      return;
    }
    const plan = c.plan,
      r = c.r;
    sheet.appendChild(
      el("p", { class: "cb-kicker" }, `Results report${plan.org ? ` · ${plan.org}` : ""} · for ${plan.reporting}`),
    );
    sheet.appendChild(el("h3", {}, `${c.pilot.title}: ${plan.service}, ${plan.weeks} weeks`));
    const verdict = el("p", { class: `cb-verdict cb-verdict--${r.verdict}` }, r.words);
    verdict.setAttribute("data-verdict", r.verdict);
    sheet.appendChild(verdict);
    sheet.appendChild(el("h4", {}, "Before and after"));
    sheet.appendChild(table(["Measure", "Before", "Pilot", "Change"], r.measures));
    sheet.appendChild(el("h4", {}, "Cost per contact by channel"));
    sheet.appendChild(table(["Channel", "Cost per contact"], r.costs));
    sheet.appendChild(el("h4", {}, "Thresholds agreed before the start"));
    const list = el("ul", { class: "cb-report__thresholds" });
    r.thresholds.forEach((t) => {
      const li = el(
        "li",
        {},
        `${(t.met === true ? "Met: " : t.met === false ? "Missed: " : "Not known: ") + t.label} (${t.found}).`,
      );
      li.setAttribute("data-threshold", t.id);
      li.setAttribute("data-met", String(t.met));
      list.appendChild(li);
    });
    sheet.appendChild(list);
    sheet.appendChild(el("h4", {}, "The stop rule"));
    sheet.appendChild(
      el(
        "p",
        { class: "cb-report__stop" },
        r.stops.length
          ? `Triggered: ${r.stops.join("; ")}.`
          : "Not triggered: answer times, the hours cap and the advisers' say all stayed within what was agreed.",
      ),
    );
    if (texts.feedback_advisers || texts.feedback_members) {
      sheet.appendChild(el("h4", {}, "Feedback"));
      if (texts.feedback_advisers) sheet.appendChild(el("p", {}, `Advisers: ${texts.feedback_advisers}`));
      if (texts.feedback_members) sheet.appendChild(el("p", {}, `Members: ${texts.feedback_members}`));
    }
    sheet.appendChild(el("h4", {}, "Next step"));
    sheet.appendChild(el("p", { class: "cb-report__next" }, nextStep(r)));
  }
  function update() {
    figures = readFigures();
    keep();
    draw();
    root.querySelector(".cb-report__case").hidden = true;
  }

  // ---- Word ----------------------------------------------------------------------------------------
  function loadDocx() {
    return window.cbWord.load(root.getAttribute("data-docx"));
  }
  function wordDocument(d, c) {
    const plan = c.plan,
      r = c.r,
      children = [];
    function para(text, options) {
      children.push(new d.Paragraph(Object.assign({ text: text }, options || {})));
    }
    function rows(head, lines) {
      return new d.Table({
        rows: [head]
          .concat(lines)
          .map(
            (line) =>
              new d.TableRow({ children: line.map((cell) => new d.TableCell({ children: [new d.Paragraph(cell)] })) }),
          ),
      });
    }
    para(`Results report${plan.org ? ` · ${plan.org}` : ""} · for ${plan.reporting}`);
    para(`${c.pilot.title}: ${plan.service}, ${plan.weeks} weeks`, { heading: d.HeadingLevel.HEADING_1 });
    children.push(new d.Paragraph({ children: [new d.TextRun({ text: r.words, bold: true })] }));
    para("Before and after", { heading: d.HeadingLevel.HEADING_2 });
    children.push(rows(["Measure", "Before", "Pilot", "Change"], r.measures));
    para("Cost per contact by channel", { heading: d.HeadingLevel.HEADING_2 });
    children.push(rows(["Channel", "Cost per contact"], r.costs));
    para("Thresholds agreed before the start", { heading: d.HeadingLevel.HEADING_2 });
    r.thresholds.forEach((t) => {
      para(`${(t.met === true ? "Met: " : t.met === false ? "Missed: " : "Not known: ") + t.label} (${t.found}).`);
    });
    para("The stop rule", { heading: d.HeadingLevel.HEADING_2 });
    para(r.stops.length ? `Triggered: ${r.stops.join("; ")}.` : "Not triggered.");
    if (texts.feedback_advisers) para(`Advisers: ${texts.feedback_advisers}`);
    if (texts.feedback_members) para(`Members: ${texts.feedback_members}`);
    para("Next step", { heading: d.HeadingLevel.HEADING_2 });
    para(nextStep(r));
    return new d.Document({
      creator: "Buy-in Casebook",
      title: `Pilot results: ${plan.service}`,
      styles: { default: { document: { run: { font: "Arial", size: 19 } } } },
      sections: [{ properties: { page: { size: { width: 11906, height: 16838 } } }, children: children }],
    });
  }

  // ---- the results as a case study -----------------------------------------------------------------
  function makeCase() {
    const c = compose();
    if (!c) {
      say("Enter every figure first");
      return null;
    }
    const kits = window.cbPlanner.kits().map((kit) => kit.id);
    return core.caseFromReport(c.pilot, c.plan, figures, c.r, {
      org: c.plan.org || "Our council",
      audiences: kits,
      today: H.today(),
      url: texts.url || "",
      title: texts.title,
      published: texts.published || H.today(),
      feedback_advisers: texts.feedback_advisers,
      feedback_members: texts.feedback_members,
    });
  }
  /* The propose form's own draft: text fields as typed, outcomes and sources as rows. */
  function draftOf(item) {
    const draft = {};
    Object.keys(item).forEach((key) => {
      draft[key] = item[key];
    });
    draft.year = String(item.year);
    draft.lessons = (item.lessons || []).join("\n");
    // The form's rows hold text; its first outcome is the headline, as ours is.
    draft.outcomes = item.outcomes.map((o) => ({
      measure: o.measure,
      value: o.value,
      source: String(o.source),
      basis: o.basis,
      kind: o.kind,
    }));
    draft.channels = [];
    draft.related = "";
    draft.quote = {};
    draft.id = window.ProposeCore ? window.ProposeCore.suggestId(item.organisation, item.title) : "";
    return draft;
  }
  function showCase() {
    const item = makeCase();
    if (!item) return;
    const yaml = window.ProposeCore.toYaml(item);
    const box = root.querySelector(".cb-report__case");
    box.hidden = false;
    box.querySelector(".cb-report__yaml").textContent = yaml;
    const download = box.querySelector("[data-report=download]");
    if (download.href.indexOf("blob:") === 0) URL.revokeObjectURL(download.href);
    download.href = URL.createObjectURL(new Blob([yaml], { type: "text/yaml" }));
    download.download = `${draftOf(item).id || "pilot-results"}.yml`;
    root.cbCase = item;
  }
  function openInForm(event) {
    event.preventDefault();
    const item = root.cbCase || makeCase();
    if (!item) return;
    const existing = H.readText(H.KEYS.propose);
    if (
      existing &&
      !window.confirm("The propose form already holds a draft in this browser. Replace it with your results?")
    )
      return;
    if (!H.writeJson(H.KEYS.propose, { draft: draftOf(item), auto: false })) {
      say("This browser would not keep the draft; download the file instead");
      return;
    }
    window.location.href = root.getAttribute("data-propose");
  }

  form.addEventListener("input", update);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
  });
  window.addEventListener("afterprint", () => {
    document.body.classList.remove("cb-print-report");
  });
  root.addEventListener("click", (event) => {
    const button = event.target.closest("[data-report]");
    if (!button) return;
    const action = button.getAttribute("data-report");
    if (action === "print") {
      document.body.classList.add("cb-print-report");
      window.print();
    }
    if (action === "case") showCase();
    if (action === "propose") openInForm(event);
    if (action === "docx") {
      const c = compose();
      if (!c) {
        say("Enter every figure first");
        return;
      }
      loadDocx()
        .then((d) => d.Packer.toBlob(wordDocument(d, c)))
        .then(
          (blob) => {
            window.cbWord.save(blob, "pilot-results.docx");
            say("Word file downloaded");
          },
          () => {
            say("The Word file could not be made here; print to PDF instead");
          },
        );
    }
  });
  /* The plan comes from the planner; redraw whenever it changes. */
  document.addEventListener("cb-plan-changed", () => {
    draw();
  });
  function start() {
    if (!planner()) {
      window.setTimeout(start, 50);
      return;
    }
    restore();
    figures = readFigures();
    draw();
    root.classList.add("cb-report--ready");
    window.cbReport = { ready: true, figures: () => figures };
  }
  start();
})();
