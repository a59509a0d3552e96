/* The propose form on /contribute/propose/: keeps the draft in localStorage, checks it as you
   type against the site's own JSON Schema (vendored @cfworker/json-schema) and the cross-field
   checks of propose-core.js, and shows the YAML file with ways to download, copy or send it.
   The page itself sends nothing: every route is a link or a file the contributor chooses. */
import { Validator } from "../vendor/cfworker-json-schema/index.js";

const P = window.ProposeCore;
const H = window.cbHelpers;
const STORE = H.KEYS.propose;
const root = document.getElementById("cb-propose");
const form = document.getElementById("cb-pf-form");
const settings = JSON.parse(document.getElementById("cb-propose-settings").textContent);
const touched = new Set();
let schema = null;
let validator = null;
let counter = 0;
let showAll = false;

function addItem(group, values) {
  const list = root.querySelector(`[data-items="${group}"]`);
  const item = root.querySelector(`template[data-template="${group}"]`).content.firstElementChild.cloneNode(true);
  const prefix = `${group}${counter++}-`;
  item.querySelectorAll("[id], [for], [aria-describedby]").forEach((el) => {
    ["id", "for", "aria-describedby"].forEach((attr) => {
      if (el.hasAttribute(attr)) {
        el.setAttribute(attr, el.getAttribute(attr).replaceAll("N-", prefix));
      }
    });
  });
  // Matched by name, never by a selector built from a key: a saved key such as `measure"]` is data.
  const inputs = [...item.querySelectorAll("[name]")];
  Object.entries(values || {}).forEach(([key, value]) => {
    const input = inputs.find((el) => el.name === `${group}.${key}`);
    if (input && input.type === "checkbox") {
      input.checked = value === "true";
    } else if (input) {
      input.value = value;
    }
  });
  list.appendChild(item);
  numberItems(group);
  return item;
}

function numberItems(group) {
  root.querySelectorAll(`[data-items="${group}"] > li`).forEach((li, i) => {
    li.dataset.index = String(i);
    const label = group === "sources" ? `Source ${i + 1}` : group === "outcomes" ? `Outcome ${i + 1}` : "";
    if (label) {
      li.setAttribute("aria-label", label);
      li.dataset.label = label;
    }
  });
}

function readDraft() {
  const draft = {};
  form.querySelectorAll("input, select, textarea").forEach((el) => {
    if (!el.name || el.closest("li.cb-pf-item")) {
      return;
    }
    if (el.type === "checkbox") {
      draft[el.name] = draft[el.name] || [];
      if (el.checked) {
        draft[el.name].push(el.value);
      }
    } else {
      draft[el.name] = el.value;
    }
  });
  ["outcomes", "sources", "quote"].forEach((group) => {
    const items = [...root.querySelectorAll(`[data-items="${group}"] > li`)].map((li) => {
      const item = {};
      li.querySelectorAll("input, select, textarea").forEach((el) => {
        item[el.name.split(".")[1]] = el.type === "checkbox" ? (el.checked ? "true" : "") : el.value;
      });
      return item;
    });
    draft[group] = group === "quote" ? items[0] || {} : items;
  });
  return draft;
}

function writeDraft(draft) {
  form.querySelectorAll("input, select, textarea").forEach((el) => {
    if (!el.name || el.closest("li.cb-pf-item") || !(el.name in draft)) {
      return;
    }
    if (el.type === "checkbox") {
      el.checked = (draft[el.name] || []).includes(el.value);
    } else {
      el.value = draft[el.name];
    }
  });
  ["outcomes", "sources", "quote"].forEach((group) => {
    root.querySelector(`[data-items="${group}"]`).replaceChildren();
    const items = group === "quote" ? [draft.quote || {}] : draft[group] || [];
    (items.length ? items : [{}]).forEach((values) => {
      addItem(group, values);
    });
  });
}

function fieldBox(path) {
  const parts = path.split("/").filter(Boolean);
  if (parts[0] === "quote") {
    parts.splice(1, 0, "0");
  }
  if (parts.length >= 3) {
    const li = root.querySelectorAll(`[data-items="${parts[0]}"] > li`)[Number(parts[1])];
    return li?.querySelector(`[data-field="${parts[0]}.${parts[2]}"]`);
  }
  if (parts.length === 2 && /^(outcomes|sources)$/.test(parts[0])) {
    return root.querySelector(`[data-group="${parts[0]}"]`);
  }
  return root.querySelector(`[data-field="${parts[0]}"], [data-group="${parts[0]}"]`);
}

function problemsOf(caseObj, id) {
  const found = [];
  const idText = P.idProblem(id);
  if (idText) {
    found.push(["/id", idText]);
  }
  if (validator) {
    const result = validator.validate(caseObj);
    found.push(...P.schemaProblems(result.errors, schema, caseObj));
  }
  found.push(...P.crossChecks(caseObj, H.today()));
  return found;
}

function labelOf(box) {
  if (!box) {
    return "The file";
  }
  const own = box.querySelector("label, legend, h3");
  const item = box.closest("li.cb-pf-item");
  const text = own ? own.textContent.replace("required", "").trim() : "";
  return item?.dataset.label ? `${item.dataset.label}, ${text.toLowerCase()}` : text;
}

/* Every problem, listed as soon as it exists, under the section of the form it is in, each a link
   to its field; a field shows its own message once the person has been there (or asked for the file). */
function showProblems(found) {
  root.querySelectorAll(".cb-pf-error").forEach((el) => {
    el.textContent = "";
  });
  root.querySelectorAll(".cb-pf-invalid").forEach((el) => {
    el.classList.remove("cb-pf-invalid");
  });
  root.querySelectorAll("[aria-invalid]").forEach((el) => {
    el.removeAttribute("aria-invalid");
  });
  const sections = new Map();
  found.forEach(([path, message]) => {
    const box = fieldBox(path);
    const isTouched = showAll || [...touched].some((t) => box && (box.contains(t) || t === box));
    const error = box && (box.querySelector(":scope > .cb-pf-error") || box.querySelector(".cb-pf-error"));
    if (isTouched && error && !error.textContent) {
      error.textContent = message;
      box.classList.add("cb-pf-invalid");
      box.querySelectorAll("input, select, textarea").forEach((el) => {
        if (el.closest("[data-field]") === box) {
          el.setAttribute("aria-invalid", "true");
        }
      });
    }
    const group = box?.closest(".cb-pf-group");
    const title = group ? group.querySelector(".cb-pf-group__title").textContent.replace(/^\s*\d+\s*/, "") : "The file";
    if (!sections.has(title)) {
      sections.set(title, []);
    }
    const target = box?.querySelector("input, select, textarea");
    sections.get(title).push([target?.id ? `#${target.id}` : "#cb-pf-form", `${labelOf(box)}: ${message}`]);
  });
  const list = document.getElementById("pf-problems");
  list.replaceChildren();
  sections.forEach((items, title) => {
    const heading = document.createElement("h3");
    heading.textContent = title;
    const ul = document.createElement("ul");
    items.forEach(([href, text]) => {
      const li = document.createElement("li");
      const link = document.createElement("a");
      link.href = href;
      link.textContent = text;
      li.appendChild(link);
      ul.appendChild(li);
    });
    list.append(heading, ul);
  });
  const status = document.getElementById("pf-status");
  const left = found.length;
  status.className = `cb-pf-status ${left ? "cb-pf-status--todo" : "cb-pf-status--ready"}`;
  status.textContent = left
    ? `${left} ${left === 1 ? "thing" : "things"} to fix or fill in before the file is ready, listed below by section.`
    : "Ready: this file passes the site's checks. Download it, copy it, or send it below.";
  return left;
}

function setLink(el, href, usable) {
  if (usable) {
    el.href = href;
    el.removeAttribute("aria-disabled");
  } else {
    el.removeAttribute("href");
    el.setAttribute("aria-disabled", "true");
  }
}

function update() {
  const draft = readDraft();
  const idInput = document.getElementById("pf-id");
  if (!draft.id || idInput.dataset.auto === "true") {
    // The organisation first, unless the title already names it.
    const org = (draft.organisation || "").trim();
    const title = draft.title || "";
    const named = org && title.toLowerCase().includes(org.toLowerCase().split(/\s+/)[0]);
    const suggested = P.suggestId(named ? title : `${org} ${title}`);
    idInput.value = suggested;
    idInput.dataset.auto = "true";
    draft.id = suggested;
  }
  const caseObj = P.buildCase(draft, schema ? Object.keys(schema.properties) : undefined);
  const yaml = P.toYaml(caseObj);
  const id = draft.id || "new-case";
  document.getElementById("pf-yaml").textContent = yaml;
  document.getElementById("pf-filename").textContent = `case_studies/${id}.yml`;
  const left = showProblems(problemsOf(caseObj, draft.id));
  const repo = settings.repo_url;
  const notes = [];
  const routes = P.sendRoutes(repo, settings.branch, settings.issue_template, id, caseObj.title, yaml);
  const problemsLeft = left ? ` (${left} ${left === 1 ? "problem remains" : "problems remain"})` : "";
  root.querySelector("[data-action=download]").textContent = `Download the file${problemsLeft}`;
  // The pull-request route only for a file that passes: a broken file would reach a reviewer as one.
  const pr = document.getElementById("pf-pull-request");
  setLink(pr, routes.pullRequest, Boolean(routes.pullRequest) && !left);
  pr.textContent = left ? "Open a pull request (fix the problems first)" : "Open a pull request";
  if (left && repo) {
    notes.push("Open a pull request works once every problem above is fixed.");
  }
  const send = document.getElementById("pf-issue");
  // Honest labels: e-mail needs no GitHub at all; the issue form needs an account but no git.
  send.textContent = settings.email ? "Send it without GitHub" : "Send it as an issue (no git)";
  if (settings.email) {
    setLink(send, P.mailUrl(settings.email, caseObj.title, id, yaml), true);
    notes.push(`Send it without GitHub opens your e-mail with the file in it, addressed to ${settings.email}.`);
  } else {
    setLink(send, routes.issue || routes.pasteIssue, Boolean(repo));
    if (repo && routes.issue) {
      notes.push(
        "Send it as an issue opens the project's proposal form with the file already in it: a free GitHub account is needed, but no git.",
      );
    }
  }
  if (!repo) {
    notes.push(
      "This copy of the site has no repository address yet (repo_url in mkdocs.yml), so only Download and Copy work here.",
    );
  } else if (!routes.pullRequest || !routes.issue) {
    notes.push(
      `The file is too long to travel in a link: ${
        routes.issue
          ? "send it as an issue instead, or download it and add it to case_studies/ yourself."
          : "press Copy it, then Send it as an issue and paste the file into the form's first box."
      }`,
    );
  }
  document.getElementById("pf-note").textContent = notes.join(" ");
  H.writeJson(STORE, { draft, auto: idInput.dataset.auto === "true" });
  return { yaml, id };
}

function download() {
  const { yaml, id } = update();
  const blob = new Blob([yaml], { type: "text/yaml" });
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = `${id}.yml`;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  whatNext(id);
}

function whatNext(id) {
  const next = document.getElementById("pf-next");
  const steps = [
    `Saved as ${id}.yml. What next:`,
    `With git: put it in the case_studies/ folder of your copy of the repository as case_studies/${id}.yml, run make check, and open a pull request.`,
    `Without git: check it where it is with scripts/validate.py ${id}.yml, or use Open a pull request or Send it below: no git needed.`,
  ];
  next.replaceChildren(
    ...steps.map((text) => {
      const p = document.createElement("p");
      p.textContent = text;
      return p;
    }),
  );
  next.hidden = false;
}

async function copy(button) {
  const { yaml } = update();
  try {
    await navigator.clipboard.writeText(yaml);
    button.textContent = "Copied";
  } catch {
    const range = document.createRange();
    range.selectNodeContents(document.getElementById("pf-yaml"));
    getSelection().removeAllRanges();
    getSelection().addRange(range);
    button.textContent = "Selected: press Ctrl+C";
  }
  setTimeout(() => {
    button.textContent = "Copy it";
  }, 2500);
}

function onClick(event) {
  const button = event.target.closest("[data-action]");
  if (!button) {
    return;
  }
  const action = button.dataset.action;
  if (action === "add") {
    addItem(button.dataset.group, {}).querySelector("input, textarea").focus();
  }
  if (action === "remove") {
    const li = button.closest("li");
    const group = li.parentElement.dataset.items;
    li.remove();
    numberItems(group);
  }
  if (action === "reset" && confirm("Clear every answer and start again?")) {
    H.forget(STORE);
    form.reset();
    touched.clear();
    showAll = false;
    notice("");
    start({});
    return;
  }
  if (action === "download" || action === "copy") {
    showAll = true;
  }
  if (action === "download") {
    download();
    return;
  }
  if (action === "copy") {
    copy(button);
    return;
  }
  update();
}

function start(saved) {
  const draft = saved.draft || { added: H.today(), last_verified: H.today() };
  writeDraft(draft);
  document.getElementById("pf-id").dataset.auto = saved.draft ? String(saved.auto) : "true";
  update();
}

function track(event) {
  const box = event.target.closest("[data-field]");
  if (box) {
    touched.add(box);
  }
  if (event.target.id === "pf-id") {
    event.target.dataset.auto = event.target.value ? "false" : "true";
  }
  update();
}

/* The form's own top-level fields: name -> "list" (a set of checkboxes) or "text". */
function formFields() {
  const fields = {};
  form.querySelectorAll("input, select, textarea").forEach((el) => {
    if (el.name && !el.closest("li.cb-pf-item")) {
      fields[el.name] = el.type === "checkbox" ? "list" : "text";
    }
  });
  return fields;
}

function notice(text) {
  let box = document.getElementById("pf-restore-notice");
  if (!box && text) {
    box = document.createElement("p");
    box.id = "pf-restore-notice";
    box.className = "cb-pf-notice";
    box.setAttribute("role", "status");
    form.prepend(box);
  }
  if (box) {
    box.textContent = text;
    box.hidden = !text;
  }
}

/* The saved draft is untrusted: what the form cannot hold is left out with a notice, and a draft
   the form still cannot show is discarded, so the page always works. */
function restore() {
  let raw;
  try {
    raw = JSON.parse(H.readText(STORE) || "{}");
  } catch {
    raw = "unreadable";
  }
  const clean = P.cleanDraft(raw, formFields());
  let dropped = clean.dropped;
  try {
    start(clean.draft ? { draft: clean.draft, auto: clean.auto } : {});
  } catch {
    H.forget(STORE);
    form.reset();
    start({});
    dropped = dropped || 1;
  }
  if (dropped) {
    notice(
      "Part of the draft saved in this browser could not be read and was left out. Check your answers, or press Start again.",
    );
  }
}

async function main() {
  restore();
  form.addEventListener("input", track);
  form.addEventListener("change", track);
  form.addEventListener("focusout", (event) => {
    const box = event.target.closest("[data-field]");
    if (box && event.target.value) {
      touched.add(box);
      update();
    }
  });
  form.addEventListener("submit", (event) => event.preventDefault());
  root.addEventListener("click", onClick);
  [...root.querySelectorAll("[data-action=download], [data-action=copy], #pf-pull-request, #pf-issue")].forEach(
    (el) => {
      el.addEventListener("focus", () => {
        showAll = true;
      });
    },
  );
  schema = await H.fetchJson(settings.schema);
  validator = new Validator(schema, "2020-12", false);
  root.classList.add("cb-pf--ready");
  update();
}

main();
