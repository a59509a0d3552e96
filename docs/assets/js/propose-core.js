/* Propose-a-case logic, free of the page so Node can test it: the draft as a case object, the
   case as YAML the project's validator reads back unchanged, the checks a schema cannot express
   (source numbers, dates), friendly words for schema errors, and the addresses of GitHub's
   new-file page, the issue form and e-mail. Nothing here sends anything anywhere. */
((root, factory) => {
  "use strict";
  const api = factory();
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    root.ProposeCore = api;
  }
})(typeof self !== "undefined" ? self : this, () => {
  "use strict";

  const SCHEMA_LINE = "# yaml-language-server: $schema=../schema/case-study.schema.json";
  const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
  const PLAIN_DATE = /^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$/;
  const MARKDOWN = { challenge: true, approach: true, caveats: true };
  const YAML_WORDS = /^(null|true|false|yes|no|on|off|y|n)$/i;
  const URL_LIMIT = 8000; // GitHub refuses longer addresses; the page says so instead of failing

  function trim(value) {
    return typeof value === "string" ? value.trim() : "";
  }

  function lines(value) {
    return trim(value)
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean);
  }

  function ids(value) {
    return trim(value)
      .split(/[\s,]+/)
      .filter(Boolean);
  }

  function wholeNumber(value) {
    const text = trim(String(value === undefined || value === null ? "" : value));
    return /^[0-9]+$/.test(text) ? Number(text) : text === "" ? undefined : text;
  }

  /* One outcome as the form holds it: every key it has reaches the file; the headline box is
     `headline: true` when ticked and left out otherwise; the source number is a number. */
  function outcome(o) {
    const out = {};
    Object.keys(o || {}).forEach((key) => {
      if (key === "headline") {
        if (o.headline === true || o.headline === "true") {
          out.headline = true;
        }
      } else if (key === "source") {
        out.source = wholeNumber(o.source);
      } else {
        out[key] = trim(o[key]);
      }
    });
    return out;
  }

  /* The draft (what the form holds) -> the case as the contract wants it, keys in schema order.
     Empty optional keys are left out; numbers the form cannot read stay text for the schema to flag. */
  function buildCase(draft, order) {
    const d = draft || {};
    const c = {
      title: trim(d.title),
      organisation: trim(d.organisation),
      sector: trim(d.sector),
      country: trim(d.country),
      year: wholeNumber(d.year),
      audiences: d.audiences || [],
      topics: d.topics || [],
      channels: d.channels || [],
      summary: trim(d.summary).replace(/\s+/g, " "),
      challenge: trim(d.challenge),
      approach: trim(d.approach),
      outcomes: (d.outcomes || []).map(outcome),
      lessons: lines(d.lessons),
      caveats: trim(d.caveats),
      quote:
        d.quote && (trim(d.quote.text) || trim(d.quote.by))
          ? { text: trim(d.quote.text), by: trim(d.quote.by), source: wholeNumber(d.quote.source) }
          : undefined,
      sources: (d.sources || []).map((s) => ({
        title: trim(s.title),
        publisher: trim(s.publisher),
        url: trim(s.url),
        published: trim(s.published),
        grade: trim(s.grade),
      })),
      related: ids(d.related),
      distinct_from: ids(d.distinct_from),
      added: trim(d.added),
      last_verified: trim(d.last_verified),
    };
    const result = {};
    (order || Object.keys(c)).forEach((key) => {
      const value = c[key];
      const empty = value === undefined || value === "" || (Array.isArray(value) && value.length === 0);
      const optional = ["channels", "lessons", "caveats", "quote", "related", "distinct_from"].indexOf(key) >= 0;
      if (empty && optional) {
        return;
      }
      if (value === undefined) {
        return;
      } // a required key left out: the schema says so
      if (value === "" && !optional) {
        return;
      }
      result[key] = value;
    });
    // Empty items of a list are left out too, so an unused row is not an error.
    ["outcomes", "sources"].forEach((key) => {
      if (result[key]) {
        result[key] = result[key].filter((item) =>
          Object.keys(item).some((k) => item[k] !== "" && item[k] !== undefined),
        );
        result[key].forEach((item) => {
          Object.keys(item).forEach((k) => {
            if (item[k] === "" || item[k] === undefined) {
              delete item[k];
            }
          });
        });
      }
    });
    if (result.quote) {
      Object.keys(result.quote).forEach((k) => {
        if (result.quote[k] === "" || result.quote[k] === undefined) {
          delete result.quote[k];
        }
      });
    }
    return result;
  }

  /* A YAML double-quoted string: JSON's escapes are YAML's, plus the characters YAML treats as
     line breaks or refuses raw (NEL, the Unicode line and paragraph separators, C1 controls). */
  function quoted(text) {
    return JSON.stringify(text).replace(
      /[\u007f-\u009f\u2028\u2029\ufeff]/g,
      (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`,
    );
  }

  function needsEscapes(text) {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it looks for
    return /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff\t\r]/.test(text);
  }

  // Markdown reads best as a literal block; text a block cannot hold exactly is quoted instead.
  function block(text, indent) {
    if (needsEscapes(text) || /^\s/.test(text)) {
      return ` ${quoted(text)}`;
    }
    return ` |\n${text
      .split("\n")
      .map((l) => (l ? indent + l.replace(/\s+$/, "") : ""))
      .join("\n")}`;
  }

  function scalar(key, value, indent) {
    if (typeof value === "number" || typeof value === "boolean") {
      return ` ${value}`;
    }
    if (MARKDOWN[key] || (key === "text" && value.indexOf("\n") >= 0)) {
      return block(value, `${indent}  `);
    }
    const plain =
      ["sector", "country", "grade", "basis", "kind", "added", "last_verified"].indexOf(key) >= 0 ||
      (key === "published" && (PLAIN_DATE.test(value) || value === "undated"));
    // Plain only when YAML reads it back as the same text: not "-" (a list), not "null" or "true",
    // not digits alone (a number) outside a date.
    const safe =
      /^[A-Za-z0-9]+(-[A-Za-z0-9]+)*$/.test(value) &&
      !YAML_WORDS.test(value) &&
      (/[A-Za-z]/.test(value) || PLAIN_DATE.test(value));
    if (plain && safe) {
      return ` ${value}`;
    }
    return ` ${quoted(value)}`;
  }

  function mapping(obj, indent, first) {
    const out = [];
    Object.keys(obj).forEach((key, i) => {
      const value = obj[key];
      const lead = i === 0 && first ? first : indent;
      if (
        Array.isArray(value) &&
        value.every((v) => typeof v === "string" && ID.test(v)) &&
        ["audiences", "topics", "channels", "related", "distinct_from"].indexOf(key) >= 0
      ) {
        out.push(`${lead + key}: [${value.join(", ")}]`);
      } else if (Array.isArray(value)) {
        out.push(`${lead + key}:`);
        value.forEach((item) => {
          if (item && typeof item === "object") {
            out.push(mapping(item, `${indent}    `, `${indent}  - `));
          } else {
            out.push(`${indent}  -${scalar(key, item, `${indent}  `)}`);
          }
        });
      } else if (value && typeof value === "object") {
        out.push(`${lead + key}:`);
        out.push(mapping(value, `${indent}  `));
      } else {
        out.push(`${lead + key}:${scalar(key, value, indent)}`);
      }
    });
    return out.join("\n");
  }

  function toYaml(caseObj) {
    return `${SCHEMA_LINE}\n${mapping(caseObj, "")}\n`;
  }

  /* A saved draft is untrusted (local storage is anyone's on this origin, and old versions of the
     form wrote other shapes): only the form's own fields, as text or lists of text, and only the
     known keys of each repeated group are kept. `fields` maps each top-level field name to "text"
     or "list". Returns the clean draft (null when there is none) and how many values were dropped. */
  const GROUP_KEYS = {
    outcomes: ["measure", "value", "headline", "gloss", "basis", "kind", "source"],
    sources: ["title", "publisher", "url", "published", "grade"],
    quote: ["text", "by", "source"],
  };
  const own = Object.prototype.hasOwnProperty;

  function isPlainObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  function cleanItems(group, value) {
    const items = group === "quote" ? [value] : value;
    let dropped = 0;
    if (!Array.isArray(items)) {
      return { items: [], dropped: 1 };
    }
    const kept = [];
    items.forEach((item) => {
      if (!isPlainObject(item)) {
        dropped += 1;
        return;
      }
      const clean = {};
      Object.keys(item).forEach((key) => {
        if (GROUP_KEYS[group].indexOf(key) >= 0 && typeof item[key] === "string") {
          clean[key] = item[key];
        } else {
          dropped += 1;
        }
      });
      kept.push(clean);
    });
    return { items: group === "quote" ? kept[0] || {} : kept, dropped: dropped };
  }

  function cleanDraft(saved, fields) {
    if (!isPlainObject(saved) || saved.draft === undefined) {
      return {
        draft: null,
        auto: true,
        dropped: isPlainObject(saved) || saved === null || saved === undefined ? 0 : 1,
      };
    }
    if (!isPlainObject(saved.draft)) {
      return { draft: null, auto: true, dropped: 1 };
    }
    const draft = {};
    let dropped = 0;
    Object.keys(saved.draft).forEach((key) => {
      const value = saved.draft[key];
      if (own.call(GROUP_KEYS, key)) {
        const found = cleanItems(key, value);
        draft[key] = found.items;
        dropped += found.dropped;
      } else if (
        own.call(fields, key) &&
        (fields[key] === "list"
          ? Array.isArray(value) && value.every((v) => typeof v === "string")
          : typeof value === "string")
      ) {
        draft[key] = value;
      } else {
        dropped += 1;
      }
    });
    return { draft: draft, auto: saved.auto !== false, dropped: dropped };
  }

  function isRealDate(text) {
    const m = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(text);
    if (!m) {
      return false;
    }
    const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
    return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
  }

  /* What a schema cannot check: source numbers against the list, and dates against the calendar
     and today. Each problem is [path, message], path as in the schema's instance locations. */
  function crossChecks(c, today) {
    const problems = [];
    const count = (c.sources || []).length;
    function sourceNumber(path, n) {
      if (typeof n === "number" && n >= 1 && n > count) {
        problems.push([
          path,
          "There is no source " +
            n +
            ": you have listed " +
            count +
            (count === 1 ? " source" : " sources") +
            ". Use its number in the list under “Where you read it”.",
        ]);
      }
    }
    (c.outcomes || []).forEach((o, i) => {
      sourceNumber(`/outcomes/${i}/source`, o.source);
    });
    (c.outcomes || [])
      .filter((o) => o.headline)
      .slice(1)
      .forEach((o) => {
        problems.push([
          `/outcomes/${c.outcomes.indexOf(o)}/headline`,
          "Only one outcome can be the headline: untick it here or on the other outcome.",
        ]);
      });
    if (c.quote) {
      sourceNumber("/quote/source", c.quote.source);
    }
    (c.sources || []).forEach((s, i) => {
      const p = s.published || "";
      if (/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(p) && !isRealDate(p)) {
        problems.push([`/sources/${i}/published`, `${p} is not a day in the calendar.`]);
      } else if (PLAIN_DATE.test(p) && p.slice(0, p.length) > today.slice(0, p.length)) {
        problems.push([`/sources/${i}/published`, `${p} is in the future.`]);
      }
    });
    if (typeof c.year === "number" && c.year > Number(today.slice(0, 4))) {
      problems.push(["/year", `${c.year} is in the future: give the year the work happened.`]);
    }
    ["added", "last_verified"].forEach((key) => {
      if (c[key] && isRealDate(c[key]) && c[key] > today) {
        problems.push([`/${key}`, `${c[key]} is in the future.`]);
      }
    });
    if (c.added && c.last_verified && c.last_verified < c.added) {
      problems.push([
        "/last_verified",
        "The day you last read the sources cannot be before the day you added the case.",
      ]);
    }
    return problems;
  }

  function idProblem(id) {
    if (!id) {
      return "Give the file a name.";
    }
    if (!ID.test(id) || id.length > 80) {
      return `Use lowercase letters, digits and single hyphens, at most 80 characters, e.g. ${suggestId(id) || "leeds-gritting"}.`;
    }
    return "";
  }

  function suggestId(text) {
    const ascii = String(text || "")
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase();
    const words = ascii.match(/[a-z0-9]+/g) || [];
    const out = [];
    for (let i = 0; i < words.length; i++) {
      if (out.concat(words[i]).join("-").length > 60) {
        break;
      }
      out.push(words[i]);
    }
    return out.join("-");
  }

  function nodeAt(schema, location) {
    let node = schema;
    location
      .replace(/^#?\/?/, "")
      .split("/")
      .filter(Boolean)
      .forEach((part) => {
        if (!node) {
          return;
        }
        if (node.properties?.[part]) {
          node = node.properties[part];
        } else if (node.items) {
          node = node.items;
        } else {
          node = null;
        }
      });
    return node || {};
  }

  const LEAF = {
    required: 1,
    type: 1,
    minLength: 1,
    maxLength: 1,
    pattern: 1,
    enum: 1,
    minimum: 1,
    maximum: 1,
    minItems: 1,
    uniqueItems: 1,
    additionalProperties: 1,
    format: 1,
  };

  /* cfworker's errors -> [path, message] in a newcomer's words, one per field. */
  function schemaProblems(errors, schema, instance) {
    const seen = {};
    const problems = [];
    (errors || []).forEach((e) => {
      if (!LEAF[e.keyword]) {
        return;
      }
      let path = e.instanceLocation.replace(/^#/, "");
      if (e.keyword === "required") {
        const m = /"([^"]+)"/.exec(e.error);
        if (!m) {
          return;
        }
        path = `${path}/${m[1]}`;
      }
      if (seen[path]) {
        return;
      }
      seen[path] = true;
      problems.push([path, words(e.keyword, nodeAt(schema, path), valueAt(instance, path), path)]);
    });
    return problems;
  }

  function valueAt(obj, path) {
    return path
      .split("/")
      .filter(Boolean)
      .reduce((v, k) => (v == null ? v : v[k]), obj);
  }

  function words(keyword, node, value, path) {
    const name = path.split("/").pop();
    if (keyword === "required") {
      return /^(outcomes|sources)$/.test(name) ? "Add at least one." : "Required.";
    }
    if (keyword === "minLength" && node.minLength > 1) {
      return `Too short: at least ${node.minLength} characters (now ${String(value).length}).`;
    }
    if (keyword === "maxLength") {
      return `Too long: at most ${node.maxLength} characters (now ${String(value).length}).`;
    }
    if (keyword === "minLength" || (keyword === "pattern" && node.pattern === "\\S")) {
      return "Required.";
    }
    if (keyword === "pattern" || keyword === "format") {
      if (name === "url") {
        return "Give the full address, starting http:// or https://.";
      }
      if (name === "published") {
        return "Write YYYY, YYYY-MM (months 01-12) or YYYY-MM-DD, or undated if the page has no date.";
      }
      if (name === "added" || name === "last_verified") {
        return "Choose a date.";
      }
      return "Use lowercase letters, digits and single hyphens.";
    }
    if (keyword === "enum") {
      return "Choose one of the options.";
    }
    if (keyword === "minimum") {
      return `At least ${node.minimum}.`;
    }
    if (keyword === "maximum") {
      return `At most ${node.maximum}.`;
    }
    if (keyword === "minItems") {
      return /^(outcomes|sources)$/.test(name) ? "Add at least one." : "Choose at least one.";
    }
    if (keyword === "uniqueItems") {
      return "An id is listed twice.";
    }
    if (keyword === "type") {
      return /year|source/.test(name)
        ? `Write a whole number, e.g. ${name === "year" ? "2019." : "1."}`
        : "Check this value.";
    }
    return "Check this value.";
  }

  function repoBase(repoUrl) {
    return trim(repoUrl).replace(/\/+$/, "");
  }

  function newFileUrl(repoUrl, branch, id, yaml) {
    return (
      repoBase(repoUrl) +
      "/new/" +
      encodeURIComponent(branch || "main") +
      "/case_studies?filename=" +
      encodeURIComponent(`${id}.yml`) +
      "&value=" +
      encodeURIComponent(yaml)
    );
  }

  function issueUrl(repoUrl, template, title, yaml) {
    return (
      repoBase(repoUrl) +
      "/issues/new?template=" +
      encodeURIComponent(template) +
      "&title=" +
      encodeURIComponent(`Case study: ${title || "new case"}`) +
      "&yaml=" +
      encodeURIComponent(yaml)
    );
  }

  /* The no-git routes for a file: GitHub's new-file page and the issue form, each only while its
     address fits URL_LIMIT; past it, the issue form without the file, to paste it into. */
  function sendRoutes(repoUrl, branch, template, id, title, yaml) {
    if (!trim(repoUrl)) {
      return { pullRequest: null, issue: null, pasteIssue: null };
    }
    const pr = newFileUrl(repoUrl, branch, id, yaml);
    const issue = issueUrl(repoUrl, template, title, yaml);
    return {
      pullRequest: pr.length <= URL_LIMIT ? pr : null,
      issue: issue.length <= URL_LIMIT ? issue : null,
      pasteIssue: issueUrl(repoUrl, template, title, ""),
    };
  }

  function mailUrl(email, title, id, yaml) {
    return (
      "mailto:" +
      email +
      "?subject=" +
      encodeURIComponent(`Case study for the Casebook: ${title || id}`) +
      "&body=" +
      encodeURIComponent(`Proposed file case_studies/${id}.yml:\n\n${yaml}`)
    );
  }

  return {
    SCHEMA_LINE: SCHEMA_LINE,
    URL_LIMIT: URL_LIMIT,
    buildCase: buildCase,
    cleanDraft: cleanDraft,
    toYaml: toYaml,
    quoted: quoted,
    crossChecks: crossChecks,
    isRealDate: isRealDate,
    idProblem: idProblem,
    suggestId: suggestId,
    schemaProblems: schemaProblems,
    newFileUrl: newFileUrl,
    issueUrl: issueUrl,
    mailUrl: mailUrl,
    sendRoutes: sendRoutes,
  };
});
