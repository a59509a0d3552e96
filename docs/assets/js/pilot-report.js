/* Results report (/briefing/#pilot-report): the baseline and pilot figures, against the plan made
   in the planner above -> a one-page report (before and after, cost per contact by channel, each
   threshold met or missed, the stop rule, feedback, next step), printed or as a Word file; and the
   results as a case study file for this casebook, opened pre-filled in the propose form.

   The figures are kept in local storage ("cb-pilot-report"). The case goes to the propose form
   through the form's own draft in local storage ("casebook-propose-v1"), asking first if a draft
   is already there. Everything is written with textContent. */
(function () {
  "use strict";
  var root = document.getElementById("pilot-report");
  var core = window.PilotCore;
  if (!root || !core) return;
  var form = root.querySelector(".cb-report__form");
  var sheet = root.querySelector(".cb-report__sheet");
  var status = root.querySelector(".cb-report__status");
  var H = window.cbHelpers;
  var el = H.el;
  var TEXTS = ["feedback_advisers", "feedback_members", "next", "url", "title", "published"];
  var figures = null, texts = {};

  function say(text) { H.say(status, text); }
  function planner() { return window.cbPlanner && window.cbPlanner.ready ? window.cbPlanner : null; }

  // ---- the figures as typed ----------------------------------------------------------------------
  function readFigures() {
    var found = { advisers_stop: form.elements.advisers_stop.checked }, complete = true;
    Object.keys(core.FIGURES).forEach(function (name) {
      var input = form.elements[name];
      var text = input.value.trim().replace(/[,\s]/g, "");
      var value = Number(text);
      var wrong = text === "" ? "" : !isFinite(value) || value < 0 ? "Enter a number, 0 or more." :
        core.FIGURES[name] && value !== Math.round(value) ? "Enter a whole number." : "";
      var error = root.querySelector("#rp-err-" + name);
      error.hidden = !wrong; error.textContent = wrong;
      input.setAttribute("aria-invalid", wrong ? "true" : "false");
      if (text === "" || wrong) complete = false; else found[name] = value;
    });
    TEXTS.forEach(function (name) { texts[name] = form.elements[name].value.trim(); });
    return complete ? found : null;
  }
  function keep() {
    var saved = {};
    Object.keys(core.FIGURES).concat(TEXTS).forEach(function (name) { saved[name] = form.elements[name].value; });
    saved.advisers_stop = form.elements.advisers_stop.checked;
    H.writeJson(H.KEYS.report, saved);
  }
  function restore() {
    var saved = H.readJson(H.KEYS.report, null);
    if (!saved) return;
    Object.keys(core.FIGURES).concat(TEXTS).forEach(function (name) {
      if (typeof saved[name] === "string") form.elements[name].value = saved[name];
    });
    form.elements.advisers_stop.checked = saved.advisers_stop === true;
  }

  // ---- the report --------------------------------------------------------------------------------
  function table(head, rows) {
    var t = el("table", { "class": "cb-report__table" });
    var tr = el("tr");
    head.forEach(function (h) { var th = el("th", {}, h); th.scope = "col"; tr.appendChild(th); });
    t.appendChild(el("thead")).appendChild(tr);
    var body = el("tbody");
    rows.forEach(function (row) {
      var line = el("tr");
      row.forEach(function (cell, i) {
        var c = el(i === 0 ? "th" : "td", {}, cell);
        if (i === 0) c.scope = "row";
        line.appendChild(c);
      });
      body.appendChild(line);
    });
    t.appendChild(body);
    return t;
  }
  function compose() {
    var p = planner();
    return p && figures ? { plan: p.plan(), pilot: p.pilot(), r: core.report(p.plan(), figures) } : null;
  }
  function nextStep(r) { return texts.next || r.next; }
  function draw() {
    sheet.textContent = "";
    var c = compose();
    if (!c) { sheet.appendChild(el("p", { "class": "cb-report__empty" }, "Enter every figure above to see the report.")); return; }
    var plan = c.plan, r = c.r;
    sheet.appendChild(el("p", { "class": "cb-kicker" }, "Results report" + (plan.org ? " · " + plan.org : "") + " · for " + plan.reporting));
    sheet.appendChild(el("h3", {}, c.pilot.title + ": " + plan.service + ", " + plan.weeks + " weeks"));
    var verdict = el("p", { "class": "cb-verdict cb-verdict--" + r.verdict }, r.words);
    verdict.setAttribute("data-verdict", r.verdict);
    sheet.appendChild(verdict);
    sheet.appendChild(el("h4", {}, "Before and after"));
    sheet.appendChild(table(["Measure", "Before", "Pilot", "Change"], r.measures));
    sheet.appendChild(el("h4", {}, "Cost per contact by channel"));
    sheet.appendChild(table(["Channel", "Cost per contact"], r.costs));
    sheet.appendChild(el("h4", {}, "Thresholds agreed before the start"));
    var list = el("ul", { "class": "cb-report__thresholds" });
    r.thresholds.forEach(function (t) {
      var li = el("li", {}, (t.met === true ? "Met: " : t.met === false ? "Missed: " : "Not known: ") + t.label + " (" + t.found + ").");
      li.setAttribute("data-threshold", t.id);
      li.setAttribute("data-met", String(t.met));
      list.appendChild(li);
    });
    sheet.appendChild(list);
    sheet.appendChild(el("h4", {}, "The stop rule"));
    sheet.appendChild(el("p", { "class": "cb-report__stop" }, r.stops.length ? "Triggered: " + r.stops.join("; ") + "." :
      "Not triggered: answer times, the hours cap and the advisers' say all stayed within what was agreed."));
    if (texts.feedback_advisers || texts.feedback_members) {
      sheet.appendChild(el("h4", {}, "Feedback"));
      if (texts.feedback_advisers) sheet.appendChild(el("p", {}, "Advisers: " + texts.feedback_advisers));
      if (texts.feedback_members) sheet.appendChild(el("p", {}, "Members: " + texts.feedback_members));
    }
    sheet.appendChild(el("h4", {}, "Next step"));
    sheet.appendChild(el("p", { "class": "cb-report__next" }, nextStep(r)));
  }
  function update() { figures = readFigures(); keep(); draw(); root.querySelector(".cb-report__case").hidden = true; }

  // ---- Word ----------------------------------------------------------------------------------------
  function loadDocx() { return window.cbWord.load(root.getAttribute("data-docx")); }
  function wordDocument(d, c) {
    var plan = c.plan, r = c.r, children = [];
    function para(text, options) { children.push(new d.Paragraph(Object.assign({ text: text }, options || {}))); }
    function rows(head, lines) {
      return new d.Table({ rows: [head].concat(lines).map(function (line) {
        return new d.TableRow({ children: line.map(function (cell) { return new d.TableCell({ children: [new d.Paragraph(cell)] }); }) });
      }) });
    }
    para("Results report" + (plan.org ? " · " + plan.org : "") + " · for " + plan.reporting);
    para(c.pilot.title + ": " + plan.service + ", " + plan.weeks + " weeks", { heading: d.HeadingLevel.HEADING_1 });
    children.push(new d.Paragraph({ children: [new d.TextRun({ text: r.words, bold: true })] }));
    para("Before and after", { heading: d.HeadingLevel.HEADING_2 });
    children.push(rows(["Measure", "Before", "Pilot", "Change"], r.measures));
    para("Cost per contact by channel", { heading: d.HeadingLevel.HEADING_2 });
    children.push(rows(["Channel", "Cost per contact"], r.costs));
    para("Thresholds agreed before the start", { heading: d.HeadingLevel.HEADING_2 });
    r.thresholds.forEach(function (t) {
      para((t.met === true ? "Met: " : t.met === false ? "Missed: " : "Not known: ") + t.label + " (" + t.found + ").");
    });
    para("The stop rule", { heading: d.HeadingLevel.HEADING_2 });
    para(r.stops.length ? "Triggered: " + r.stops.join("; ") + "." : "Not triggered.");
    if (texts.feedback_advisers) para("Advisers: " + texts.feedback_advisers);
    if (texts.feedback_members) para("Members: " + texts.feedback_members);
    para("Next step", { heading: d.HeadingLevel.HEADING_2 });
    para(nextStep(r));
    return new d.Document({ creator: "Buy-in Casebook", title: "Pilot results: " + plan.service,
      styles: { default: { document: { run: { font: "Arial", size: 19 } } } },
      sections: [{ properties: { page: { size: { width: 11906, height: 16838 } } }, children: children }] });
  }

  // ---- the results as a case study -----------------------------------------------------------------
  function makeCase() {
    var c = compose();
    if (!c) { say("Enter every figure first"); return null; }
    var kits = window.cbPlanner.kits().map(function (kit) { return kit.id; });
    return core.caseFromReport(c.pilot, c.plan, figures, c.r, {
      org: c.plan.org || "Our council", audiences: kits, today: H.today(), url: texts.url || "", title: texts.title,
      published: texts.published || H.today(), feedback_advisers: texts.feedback_advisers, feedback_members: texts.feedback_members });
  }
  /* The propose form's own draft: text fields as typed, outcomes and sources as rows. */
  function draftOf(item) {
    var draft = {};
    Object.keys(item).forEach(function (key) { draft[key] = item[key]; });
    draft.year = String(item.year);
    draft.lessons = (item.lessons || []).join("\n");
    // The form's rows hold text; its first outcome is the headline, as ours is.
    draft.outcomes = item.outcomes.map(function (o) {
      return { measure: o.measure, value: o.value, source: String(o.source), basis: o.basis, kind: o.kind };
    });
    draft.channels = []; draft.related = ""; draft.quote = {};
    draft.id = window.ProposeCore ? window.ProposeCore.suggestId(item.organisation, item.title) : "";
    return draft;
  }
  function showCase() {
    var item = makeCase();
    if (!item) return;
    var yaml = window.ProposeCore.toYaml(item);
    var box = root.querySelector(".cb-report__case");
    box.hidden = false;
    box.querySelector(".cb-report__yaml").textContent = yaml;
    var download = box.querySelector("[data-report=download]");
    if (download.href.indexOf("blob:") === 0) URL.revokeObjectURL(download.href);
    download.href = URL.createObjectURL(new Blob([yaml], { type: "text/yaml" }));
    download.download = (draftOf(item).id || "pilot-results") + ".yml";
    root.cbCase = item;
  }
  function openInForm(event) {
    event.preventDefault();
    var item = root.cbCase || makeCase();
    if (!item) return;
    var existing = H.readText(H.KEYS.propose);
    if (existing && !window.confirm("The propose form already holds a draft in this browser. Replace it with your results?")) return;
    if (!H.writeJson(H.KEYS.propose, { draft: draftOf(item), auto: false })) {
      say("This browser would not keep the draft; download the file instead");
      return;
    }
    window.location.href = root.getAttribute("data-propose");
  }

  form.addEventListener("input", update);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  window.addEventListener("afterprint", function () { document.body.classList.remove("cb-print-report"); });
  root.addEventListener("click", function (event) {
    var button = event.target.closest("[data-report]");
    if (!button) return;
    var action = button.getAttribute("data-report");
    if (action === "print") { document.body.classList.add("cb-print-report"); window.print(); }
    if (action === "case") showCase();
    if (action === "propose") openInForm(event);
    if (action === "docx") {
      var c = compose();
      if (!c) { say("Enter every figure first"); return; }
      loadDocx().then(function (d) { return d.Packer.toBlob(wordDocument(d, c)); })
        .then(function (blob) { window.cbWord.save(blob, "pilot-results.docx"); say("Word file downloaded"); },
              function () { say("The Word file could not be made here; print to PDF instead"); });
    }
  });
  /* The plan comes from the planner; redraw whenever it changes. */
  document.addEventListener("cb-plan-changed", function () { draw(); });
  function start() {
    if (!planner()) { window.setTimeout(start, 50); return; }
    restore(); figures = readFigures(); draw();
    root.classList.add("cb-report--ready");
    window.cbReport = { ready: true, figures: function () { return figures; } };
  }
  start();
})();
