/* Briefing builder (/briefing/): audience, evidence in order, organisation, date, local figures and
   an ask -> a one-page briefing with numbered sources, printed or downloaded as a Word file.

   The choice lives in the address (?audience=&s=&c=&org=&date=&title=&ask=&pilot=&f1=&m1=&r1=...)
   so it can be shared, and pins from other pages come from local storage ("cb-briefing-pins").
   Everything is written with textContent: no reader or contributor text becomes HTML. */
(() => {
  "use strict";
  const root = document.getElementById("cb-builder");
  if (!root) return;
  const form = root.querySelector("form");
  const preview = root.querySelector(".cb-builder__preview");
  const status = root.querySelector(".cb-builder__status");
  const TEXT_FIELDS = ["org", "date", "title", "ask", "f1", "m1", "r1", "f2", "m2", "r2"];
  let data = null;
  let state = null;
  let dropped = 0; // unknown items the address or local storage named, left out

  const H = window.cbHelpers;
  const el = H.el;
  const pins = H.pins;
  /* The reader's own pins first, then the audience's standard evidence. */
  function startingItems(kit) {
    const items = pins.read().filter((pin) => known(pin));
    kit.statements
      .map((id) => `s:${id}`)
      .concat(kit.cases.map((id) => `c:${id}`))
      .forEach((item) => {
        if (items.indexOf(item) === -1) items.push(item);
      });
    return items;
  }
  function kitOf(id) {
    return data.kits.filter((k) => k.id === id)[0] || data.kits[0];
  }
  // Ids come from the address and local storage, which anyone can write: looked up as the data's
  // own keys only, so "s:__proto__" or "c:constructor" is unknown, not Object.prototype.
  const own = Object.prototype.hasOwnProperty;
  function known(item) {
    if (typeof item !== "string") return null;
    const kind = item.slice(0, 2),
      id = item.slice(2);
    const entries = kind === "s:" ? data.statements : kind === "c:" ? data.cases : null;
    return entries && own.call(entries, id) ? entries[id] : null;
  }

  // ---- state <-> address ------------------------------------------------------------------
  function fromAddress() {
    const params = new URLSearchParams(window.location.search);
    const kit = kitOf(params.get("audience"));
    let items = (params.get("items") || "").split(",").filter(Boolean);
    const fresh = !params.has("items");
    if (fresh) items = startingItems(kit);
    const kept = items.filter(known);
    const pinned = pins.read();
    const badPins = pinned.filter((pin) => !known(pin));
    if (badPins.length) pins.write(pinned.filter(known)); // so they break no later visit
    dropped = items.length - kept.length + badPins.length;
    const s = { audience: kit.id, items: kept, pilot: params.get("pilot") !== "0" };
    TEXT_FIELDS.forEach((name) => {
      s[name] = params.get(name) || "";
    });
    if (!s.title) s.title = kit.title;
    if (!s.ask) s.ask = kit.asks[0] || "";
    if (!s.date) s.date = H.today();
    return s;
  }
  function toAddress() {
    const params = new URLSearchParams();
    params.set("audience", state.audience);
    params.set("items", state.items.join(","));
    if (!state.pilot) params.set("pilot", "0");
    TEXT_FIELDS.forEach((name) => {
      if (state[name]) params.set(name, state[name]);
    });
    // The pilot planner on the same page keeps its plan under "p." names (pilot-planner.js).
    new URLSearchParams(window.location.search).forEach((value, key) => {
      if (key.slice(0, 2) === "p.") params.set(key, value);
    });
    return `${window.location.pathname}?${params.toString()}${window.location.hash}`;
  }

  // ---- the briefing as data: numbered sources, each once ---------------------------------------
  function compose() {
    const kit = kitOf(state.audience);
    const notes = [];
    function cite(source) {
      const key = `${source.url}|${source.title}`;
      for (let i = 0; i < notes.length; i += 1) if (notes[i].key === key) return i + 1;
      notes.push({ key: key, source: source });
      return notes.length;
    }
    const statements = [],
      cases = [];
    state.items.forEach((item) => {
      const id = item.slice(2);
      if (item.slice(0, 2) === "s:") {
        const s = data.statements[id];
        statements.push({ text: s.text, label: s.label, kind: s.kind, notes: s.sources.map(cite) });
      } else {
        const c = data.cases[id];
        cases.push({
          value: c.value,
          gloss: c.gloss,
          measure: c.measure,
          who: `${c.organisation}, ${c.year}`,
          sentence: c.sentence,
          label: c.label,
          kind: c.kind,
          note: cite(c.source),
        });
      }
    });
    const local = [1, 2]
      .map((n) => ({ value: state[`f${n}`], measure: state[`m${n}`], from: state[`r${n}`] }))
      .filter((f) => f.value);
    return {
      kit: kit,
      statements: statements,
      cases: cases,
      local: local,
      pilot: state.pilot ? kit.pilot : [],
      notes: notes.map((n) => n.source),
    };
  }

  // ---- controls ---------------------------------------------------------------------------------
  function drawAudiences() {
    const group = root.querySelector(".cb-builder__audiences");
    group.textContent = "";
    data.kits.forEach((kit) => {
      const label = el("label", { class: "cb-builder__audience" });
      const input = el("input");
      input.type = "radio";
      input.name = "audience";
      input.value = kit.id;
      input.checked = kit.id === state.audience;
      label.appendChild(input);
      label.appendChild(document.createTextNode(` ${kit.name}`));
      group.appendChild(label);
    });
  }
  function itemLabel(item) {
    const entry = known(item);
    return item.slice(0, 2) === "s:" ? entry.text : `${entry.value}: ${entry.measure} (${entry.organisation})`;
  }
  function drawChosen() {
    const list = root.querySelector(".cb-builder__chosen");
    list.textContent = "";
    state.items.forEach((item, index) => {
      const li = el("li", { class: "cb-builder__item" });
      li.setAttribute("data-item", item);
      li.appendChild(el("span", { class: "cb-evidence__kind" }, item.slice(0, 2) === "s:" ? "Statement" : "Case"));
      li.appendChild(el("span", { class: "cb-builder__text" }, ` ${itemLabel(item)}`));
      const tools = el("span", { class: "cb-builder__tools" });
      [
        ["top", "Move to top", index === 0],
        ["up", "Move up", index === 0],
        ["down", "Move down", index === state.items.length - 1],
        ["remove", "Remove", false],
      ].forEach((spec) => {
        const button = el("button", { class: "cb-builder__move" }, spec[1]);
        button.type = "button";
        button.setAttribute("data-move", spec[0]);
        button.disabled = spec[2];
        button.setAttribute("aria-label", `${spec[1]}: ${itemLabel(item).slice(0, 60)}`);
        tools.appendChild(button);
      });
      li.appendChild(tools);
      list.appendChild(li);
    });
    drawPool();
  }

  // ---- the add panel: everything not chosen, narrowed by words and facets (builder-pool.js) -------
  const P = window.BuilderPool;
  const filters = { q: "", audience: "this", sector: "", country: "", years: "", strength: "" };
  let choices = null;
  function fillFilters() {
    choices = P.choices(data);
    ["audience", "sector", "country", "years", "strength"].forEach((name) => {
      const select = form.elements[`pool_${name}`];
      select.textContent = "";
      choices[name].forEach((pair) => {
        const o = el("option", {}, pair[1]);
        o.value = pair[0];
        select.appendChild(o);
      });
      select.value = filters[name];
    });
    form.elements.pool_q.value = filters.q;
  }
  function drawPool() {
    const pool = root.querySelector(".cb-builder__pool");
    pool.textContent = "";
    const context = { audience: state.audience, year: choices.year, ranks: choices.ranks };
    const candidates = Object.keys(data.statements)
      .map((id) => `s:${id}`)
      .concat(Object.keys(data.cases).map((id) => `c:${id}`))
      .filter((item) => state.items.indexOf(item) === -1);
    const shown = candidates.filter((item) => P.matches(item, known(item), filters, context));
    shown.forEach((item) => {
      const entry = known(item);
      const li = el("li", { class: "cb-builder__candidate" });
      const add = el("button", { class: "cb-pin" }, "Add");
      add.type = "button";
      add.setAttribute("data-add", item);
      add.setAttribute("aria-label", `Add: ${itemLabel(item).slice(0, 60)}`);
      li.appendChild(add);
      li.appendChild(el("span", { class: "cb-builder__text" }, ` ${itemLabel(item)}`));
      li.appendChild(
        el(
          "span",
          { class: "cb-builder__meta" },
          `${item.slice(0, 2) === "s:" ? "Statement" : `Case · ${entry.organisation}, ${entry.year}`} · ${entry.label}`,
        ),
      );
      pool.appendChild(li);
    });
    root.querySelector(".cb-builder__count").textContent = `${shown.length} of ${candidates.length} shown`;
  }
  function fillFields() {
    TEXT_FIELDS.forEach((name) => {
      form.elements[name].value = state[name];
    });
    form.elements.pilot.checked = state.pilot;
    grow(form.elements.ask);
  }
  /* The ask box grows with its text (CSSOM, which the Content-Security-Policy allows). */
  function grow(box) {
    box.style.height = "auto";
    box.style.height = `${box.scrollHeight + 2}px`;
  }

  // ---- the preview --------------------------------------------------------------------------------
  function sup(numbers) {
    return el("sup", { class: "cb-cite" }, `[${numbers.join(",")}]`);
  }
  /* `text` then its footnote marker, the last word and the marker in one unbreakable span, so
     "[3]" never starts a line on its own (a line may break between "." and "["). */
  function cited(node, text, numbers) {
    const at = text.replace(/\s+$/, "").lastIndexOf(" ") + 1;
    node.appendChild(document.createTextNode(text.slice(0, at)));
    const keep = el("span", { class: "cb-keep" }, text.slice(at));
    keep.appendChild(sup(numbers));
    node.appendChild(keep);
    return node;
  }
  function section(title, className) {
    const node = el("section", { class: className });
    node.appendChild(el("h2", {}, title));
    preview.appendChild(node);
    return node;
  }
  function drawPreview() {
    const b = compose();
    preview.textContent = "";
    const head = el("header", { class: "cb-briefing__head" });
    head.appendChild(
      el(
        "p",
        { class: "cb-kicker" },
        `Briefing for ${b.kit.name}${state.org ? ` · ${state.org}` : ""}${state.date ? ` · ${state.date}` : ""}`,
      ),
    );
    head.appendChild(el("h1", {}, state.title));
    preview.appendChild(head);
    if (b.pilot.length) {
      const dl = el("dl", { class: "cb-pilot" });
      b.pilot.forEach((pair) => {
        const term = el("div", { class: "cb-pilot__term" });
        term.appendChild(el("dt", {}, pair[0]));
        term.appendChild(el("dd", {}, pair[1]));
        dl.appendChild(term);
      });
      section("What we propose", "cb-briefing__pilot").appendChild(dl);
    }
    if (b.statements.length) {
      const ol = el("ol");
      b.statements.forEach((s) => {
        const li = cited(el("li"), s.text, s.notes);
        li.appendChild(document.createTextNode(" "));
        const label = el("a", { class: `cb-strength cb-strength--${s.kind}` }, s.label);
        label.href = `${root.getAttribute("data-grading")}#${s.kind}`;
        li.appendChild(label);
        ol.appendChild(li);
      });
      section("What the evidence shows", "cb-briefing__points").appendChild(ol);
    }
    const figures = b.cases.map((c) => c);
    if (figures.length || b.local.length) {
      const grid = el("div", { class: "cb-briefing__case-grid" });
      b.local.forEach((f) => {
        const box = el("div", { class: "cb-briefing__case cb-briefing__case--local" });
        box.appendChild(el("p", { class: "cb-briefing__figure" }, f.value));
        box.appendChild(el("p", { class: "cb-briefing__measure" }, f.measure));
        box.appendChild(el("p", { class: "cb-briefing__org" }, f.from ? `Our figure: ${f.from}` : "Our own figure"));
        grid.appendChild(box);
      });
      // A comparable organisation is one sentence (casebook.pages.briefing.card_sentence), as on
      // the standard briefing: who, the year, what was measured and the figure in the source's words.
      figures.forEach((c) => {
        const box = el("div", { class: "cb-briefing__case" });
        const sentence = cited(el("p", { class: "cb-briefing__sentence" }), `${c.sentence}.`, [c.note]);
        sentence.appendChild(el("span", { class: "cb-briefing__label" }, ` · ${c.label}`));
        box.appendChild(sentence);
        grid.appendChild(box);
      });
      section(
        b.local.length ? "Our figures and comparable organisations" : "Comparable organisations",
        "cb-briefing__cases",
      ).appendChild(grid);
    }
    if (state.ask) {
      section("What we ask of you", "cb-briefing__ask").appendChild(el("p", {}, state.ask));
    }
    const sources = section("Sources", "cb-briefing__sources");
    const list = el("ol");
    b.notes.forEach((s) => {
      const li = el("li", {}, `${s.publisher}, “${s.title}” (${s.published}), `);
      li.appendChild(el("span", { class: "cb-briefing__url" }, s.url));
      list.appendChild(li);
    });
    sources.appendChild(list);
  }

  function render() {
    drawAudiences();
    drawChosen();
    fillFields();
    drawPreview();
    window.history.replaceState(null, "", toAddress());
  }

  // ---- events ---------------------------------------------------------------------------------------
  function syncPins() {
    const kit = kitOf(state.audience);
    const standard = kit.statements.map((id) => `s:${id}`).concat(kit.cases.map((id) => `c:${id}`));
    pins.write(state.items.filter((item) => standard.indexOf(item) === -1));
  }
  form.addEventListener("input", (event) => {
    const name = event.target.name;
    if (name && name.slice(0, 5) === "pool_") {
      filters[name.slice(5)] = event.target.value;
      drawPool();
      return;
    }
    if (name === "ask") grow(event.target);
    if (TEXT_FIELDS.indexOf(name) !== -1) state[name] = event.target.value;
    if (name === "pilot") state.pilot = event.target.checked;
    if (name === "audience") return;
    drawPreview();
    window.history.replaceState(null, "", toAddress());
  });
  form.addEventListener("change", (event) => {
    if (event.target.name === "audience") {
      const kit = kitOf(event.target.value);
      const previous = kitOf(state.audience);
      state.audience = kit.id;
      state.items = startingItems(kit);
      if (!state.title || state.title === previous.title) state.title = kit.title;
      if (!state.ask || state.ask === previous.asks[0]) state.ask = kit.asks[0] || "";
      render();
    }
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
  });
  root.addEventListener("click", (event) => {
    const move = event.target.closest("[data-move]");
    const add = event.target.closest("[data-add]");
    const action = event.target.closest("[data-action]");
    const preset = event.target.closest("[data-preset]");
    if (preset) {
      Object.assign(filters, P.PRESETS[preset.getAttribute("data-preset")]);
      fillFilters();
      drawPool();
      return;
    }
    if (move) {
      const item = move.closest("[data-item]").getAttribute("data-item");
      const at = state.items.indexOf(item);
      const to = { top: 0, up: at - 1, down: at + 1 }[move.getAttribute("data-move")];
      state.items.splice(at, 1);
      if (to !== undefined) state.items.splice(to, 0, item);
      syncPins();
      render();
      const again = root.querySelector(`[data-item="${item}"] [data-move="${move.getAttribute("data-move")}"]`);
      if (again && !again.disabled) again.focus();
    } else if (add) {
      state.items.unshift(add.getAttribute("data-add"));
      syncPins();
      render();
    } else if (action) {
      ({
        print: () => {
          window.print();
        },
        docx: downloadWord,
        link: copyLink,
        empty: startEmpty,
      })[action.getAttribute("data-action")]();
    }
  });
  function startEmpty() {
    state.items = [];
    syncPins();
    render();
    root.querySelector(".cb-builder__more").open = true;
    say("Your briefing is empty: add statements and cases below");
  }
  function say(text) {
    H.say(status, text);
  }
  function copyLink() {
    H.copyText(window.location.href).then(
      () => {
        say("Link copied");
      },
      () => {
        say("Copy the address from the address bar");
      },
    );
  }

  // ---- Word: the docx library is loaded only now ---------------------------------------------------
  function loadDocx() {
    return window.cbWord.load(root.getAttribute("data-docx"));
  }
  // The same page as the standard briefings' Word files (casebook/exports/word.py): 9 pt body, 8 pt
  // notes, single line spacing, the pilot's terms in three columns and the sources in two, on A4.
  const WORD = {
    body: 18,
    note: 16,
    accent: "073B45",
    joiner: "\u2060",
    page: { size: { width: 11906, height: 16838 }, margin: { top: 567, bottom: 567, left: 680, right: 680 } },
  };
  function siteOf(url) {
    try {
      return new URL(url).hostname.replace(/^www\./, "");
    } catch (_e) {
      return url;
    }
  }
  function wordDocument(d) {
    const b = compose();
    let sections = [],
      children = [],
      count = 1;
    function columns(next) {
      // what follows is set in `next` columns: a continuous section, same page
      if (children.length) {
        sections.push({
          properties: { type: d.SectionType.CONTINUOUS, page: WORD.page, column: { count: count, space: 284 } },
          children: children,
        });
      }
      children = [];
      count = next;
    }
    function para(runs, options) {
      const o = options || {};
      o.children = runs.map((r) => (typeof r === "string" ? new d.TextRun(r) : r));
      children.push(new d.Paragraph(o));
    }
    function heading(text, level) {
      children.push(new d.Paragraph({ text: text, heading: level }));
    }
    // A note number glued to the word before it, so it never starts a line alone.
    function cite(numbers) {
      return new d.TextRun({ text: `${WORD.joiner}[${numbers.join(",")}]`, superScript: true });
    }
    para([
      new d.TextRun({
        text: `Briefing for ${b.kit.name}${state.org ? ` · ${state.org}` : ""}${state.date ? ` · ${state.date}` : ""}`,
        size: WORD.note,
      }),
    ]);
    heading(state.title, d.HeadingLevel.HEADING_1);
    if (b.pilot.length) {
      heading("What we propose", d.HeadingLevel.HEADING_2);
      columns(3);
      b.pilot.forEach((pair) => {
        para([new d.TextRun({ text: `${pair[0]}: `, bold: true }), pair[1]], {
          keepLines: true,
          spacing: { after: 40 },
        });
      });
      columns(1);
    }
    if (b.statements.length) {
      heading("What the evidence shows", d.HeadingLevel.HEADING_2);
      b.statements.forEach((s, i) => {
        para([`${i + 1}. ${s.text}`, cite(s.notes), new d.TextRun({ text: ` (${s.label})`, italics: true })]);
      });
    }
    if (b.local.length || b.cases.length) {
      heading(
        b.local.length ? "Our figures and comparable organisations" : "Comparable organisations",
        d.HeadingLevel.HEADING_2,
      );
      b.local.forEach((f) => {
        para([new d.TextRun({ text: f.value, bold: true }), `: ${f.measure}${f.from ? ` (${f.from})` : ""}`]);
      });
      b.cases.forEach((c) => {
        para([`${c.sentence}.`, cite([c.note]), ` (${c.label}).`]);
      });
    }
    if (state.ask) {
      heading("What we ask of you", d.HeadingLevel.HEADING_2);
      para([state.ask]);
    }
    heading("Sources", d.HeadingLevel.HEADING_2);
    columns(2);
    // Each title links to its address; the line shows the address's site (the kit page lists them all).
    b.notes.forEach((s, i) => {
      para([
        new d.TextRun({ text: `${i + 1}. `, size: WORD.note }),
        new d.ExternalHyperlink({
          link: s.url,
          children: [new d.TextRun({ text: s.title, style: "Hyperlink", size: WORD.note })],
        }),
        new d.TextRun({ text: `. ${s.publisher}, ${s.published}. ${siteOf(s.url)}`, size: WORD.note }),
      ]);
    });
    columns(1); // a section after the sources, so their two columns come out even
    const site = data.site?.short ? `${data.site.short}/${b.kit.url.replace(/\/$/, "")}` : "";
    para([new d.TextRun({ text: site ? `More evidence and the full kit: ${site}` : "", size: WORD.note })]);
    columns(1);
    const heads = [
      ["Heading1", "Heading 1", 30],
      ["Heading2", "Heading 2", 22],
    ].map((h) => ({
      id: h[0],
      name: h[1],
      basedOn: "Normal",
      next: "Normal",
      quickFormat: true,
      run: { font: "Arial", size: h[2], bold: true, color: WORD.accent },
      paragraph: { spacing: { before: 80, after: 40, line: 240, lineRule: "auto" }, keepNext: true },
    }));
    return new d.Document({
      creator: "Buy-in Casebook",
      title: state.title,
      styles: {
        default: {
          document: {
            run: { font: "Arial", size: WORD.body },
            paragraph: { spacing: { after: 20, line: 240, lineRule: "auto" } },
          },
        },
        paragraphStyles: heads,
      },
      sections: sections,
    });
  }
  function downloadWord() {
    say("Preparing the Word file…");
    loadDocx()
      .then((d) => d.Packer.toBlob(wordDocument(d)))
      .then(
        (blob) => {
          const name = (state.org || state.audience)
            .toLowerCase()
            .replace(/[^a-z0-9]+/g, "-")
            .replace(/^-|-$/g, "");
          window.cbWord.save(blob, `briefing-${name || "custom"}.docx`);
          say("Word file downloaded");
        },
        () => {
          say("The Word file could not be made here; print to PDF instead");
        },
      );
  }

  H.fetchJson(root.getAttribute("data-source")).then((json) => {
    data = json;
    state = fromAddress();
    fillFilters();
    root.classList.add("cb-builder--ready");
    render();
    if (dropped)
      say(
        `${dropped + (dropped === 1 ? " item" : " items")} in the link or saved pins are not in the library and were left out.`,
      );
    window.cbBuilder = { ready: true, state: () => state };
  });
})();
