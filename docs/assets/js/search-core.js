/* Site search logic, free of the page so Node can test it: synonym expansion of a query, the
   Pagefind filter object, merging ranked lists into one with case and kit pages weighted up, and
   a queue that runs one search at a time and drops a search the reader has typed past. */
((root, factory) => {
  "use strict";
  const api = factory();
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    root.SearchCore = api;
  }
})(typeof self !== "undefined" ? self : this, () => {
  "use strict";

  // Case studies and persuasion kits rank above other pages of similar relevance: a page of
  // tier 1 counts this many times its Pagefind score. The build lists the tier 2 pages (few).
  const TIER_WEIGHT = { 1: 2, 2: 1 };
  // A page holding the words as typed, in order (Pagefind's exact phrase), counts this many times
  // its own score: above pages with the words apart unless they score three times as well. Not
  // above every such page: Pagefind matches a phrase's words stemmed, so "trained staff" once in
  // a 10,000-word kit answered "train staff" before the guide on training staff.
  const PHRASE_WEIGHT = 3;
  const FACETS = ["audience", "topic", "sector", "type"];
  // A year typed among other words ("Facebook council 2023") asks for cases of about that year:
  // the words are searched as typed, and the cases within a year of it count this many times.
  const YEAR = /(^|\s)((?:19|20)\d\d)(?=\s|$)/;
  const YEAR_WEIGHT = 3;
  const MAX_VARIANTS = 4;
  // Wait this long after a key before searching, so a burst of keys runs one search (for the
  // last), not one per key, when a search costs more than the wait (a large site); a reader
  // typing at human pace still gets a search per key. One or two letters match nearly every
  // page and cost the most, so they wait for a real pause. On a site whose searches take less
  // than the wait, there is none: a search the reader typed past costs less than waiting.
  const PAUSE_MS = 40;
  const SHORT = 3;
  const SHORT_PAUSE_MS = 300;

  function fold(text) {
    return String(text)
      .toLowerCase()
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/\s+/g, " ")
      .trim();
  }

  function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }

  /* The query, then the query with a phrase of a synonym group swapped for each other phrase of
     that group. Only whole words match: "return" is not found inside "returning". */
  function expand(query, groups) {
    return unique(variantsOf(query, groups).map(meaningful)).slice(0, MAX_VARIANTS);
  }

  /* The variants as typed and swapped, stop words kept (for exact phrases). */
  function variantsOf(query, groups) {
    const base = fold(query);
    const variants = base ? [base] : [];
    (groups || []).forEach((group) => {
      const terms = group.map(fold);
      for (let i = 0; i < terms.length; i++) {
        const pattern = new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(terms[i])}(?=$|[^\\p{L}\\p{N}])`, "u");
        if (!pattern.test(base)) continue;
        terms.forEach((other, j) => {
          if (j !== i) variants.push(base.replace(pattern, (_all, before) => before + other));
        });
        break;
      }
    });
    return unique(variants);
  }

  // Words that carry no meaning of their own; Pagefind matches each word as the start of a
  // longer one, so "on" in "return on investment" also matched "online" and "one".
  const STOP = { a: 1, an: 1, and: 1, for: 1, in: 1, is: 1, it: 1, of: 1, on: 1, or: 1, the: 1, to: 1, with: 1 };

  function unique(list) {
    return list.filter((v, i) => list.indexOf(v) === i);
  }

  /* The Pagefind searches for a query, each {query, weight, dated, exact}: every variant's words;
     the first variant of two words or more as a phrase in quotes (Pagefind's exact phrase), so a page
     saying "return on investment" ranks above one with "investment" and "returned" apart (see
     merge); and,
     when the query holds a year, its words again over the pages of about that year (dated). */
  function searchPlan(query, groups) {
    const parts = splitYear(query);
    const plan = expand(parts.text, groups).map((v) => ({ query: v, weight: 1, dated: false }));
    variantsOf(parts.text, groups)
      .filter((v) => v.indexOf(" ") > 0)
      .slice(0, 1)
      .forEach((v) => {
        plan.push({ query: `"${v.replace(/"/g, "")}"`, weight: 1, dated: false, exact: true });
      });
    if (parts.years.length) plan.push({ query: plan[0].query, weight: YEAR_WEIGHT, dated: true, years: parts.years });
    return plan;
  }

  /* A variant without its stop words (unless that leaves nothing). */
  function meaningful(variant) {
    const kept = variant.split(" ").filter((word) => !STOP[word]);
    return kept.length ? kept.join(" ") : variant;
  }

  /* lastCost: how long the last search took (ms), or null before the first. */
  function pauseBefore(query, lastCost) {
    if (typeof lastCost === "number" && lastCost < PAUSE_MS) return 0;
    return fold(query).length < SHORT ? SHORT_PAUSE_MS : PAUSE_MS;
  }

  /* Pagefind's filter object: every chosen facet value (OR within a facet). */
  function filtersFor(selected) {
    const filters = {};
    FACETS.forEach((name) => {
      const values = selected?.[name] || [];
      if (values.length) filters[name] = { any: values.slice() };
    });
    return filters;
  }

  /* {text, years}: the query without a year it holds, and the years around it (as filter
     values); a query that is only a year is searched as it is. */
  function splitYear(query) {
    const folded = fold(query);
    const found = folded.match(YEAR);
    const text = found ? folded.replace(YEAR, " ").replace(/\s+/g, " ").trim() : "";
    if (!text) return { text: folded, years: [] };
    const year = Number(found[2]);
    return { text: text, years: [year - 1, year, year + 1].map(String) };
  }

  /* lists: one list of Pagefind results [{id, score}] per search; second: the page ids of tier 2;
     weights: each list's weight (default 1); exact: which lists are exact-phrase searches; named:
     the ids of pages the query names (namedPages), which come first. One list, best weighted
     score first; a page found by several searches keeps its best score. An exact phrase's scores
     do not compare with the others' (Pagefind gives each hit 1), so a page holding the phrase
     counts PHRASE_WEIGHT times its own score from the other searches. */
  function merge(lists, second, weights, exact, named) {
    let best = {},
      phrase = {},
      top = 0;
    lists.forEach((results, index) => {
      const weight = weights?.[index] || 1;
      (results || []).forEach((result) => {
        const tier = TIER_WEIGHT[second?.[result.id] ? 2 : 1];
        if (exact?.[index]) {
          phrase[result.id] = { result: result, tier: tier };
          return;
        }
        const score = result.score * weight * tier;
        top = Math.max(top, score);
        if (!best[result.id] || best[result.id].score < score)
          best[result.id] = { id: result.id, score: score, result: result };
      });
    });
    Object.keys(phrase).forEach((id) => {
      // A page only the phrase found (the words' search dropped a stop word it needed) keeps
      // Pagefind's phrase score.
      const own = best[id] ? best[id].score : phrase[id].result.score * phrase[id].tier;
      best[id] = { id: id, score: own * PHRASE_WEIGHT, result: best[id] ? best[id].result : phrase[id].result };
      top = Math.max(top, best[id].score);
    });
    (named || []).forEach((id) => {
      if (best[id]) best[id].score += top;
    });
    return Object.keys(best)
      .map((id) => best[id])
      .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
  }

  /* The pages the query names: names maps a page id to its name (a persuasion kit's audience,
     from ranking.json); a query that is that name, give or take case, accents and a plural "s",
     names it ("customer service" names the Customer service kit, "elected member" the Elected
     members kit). A reader typing an audience's name wants that audience's kit, which a page
     that mentions the words in a shorter text would otherwise outrank. */
  function namedPages(query, names) {
    const typed = nameKey(query);
    if (!typed) return [];
    return Object.keys(names || {})
      .filter((id) => nameKey(names[id]) === typed)
      .sort();
  }

  function nameKey(text) {
    return String(text || "")
      .split(/\s+/)
      .map(wordKey)
      .filter(Boolean)
      .join(" ");
  }

  /* One search at a time (they share one worker, which cannot stop a search it has started).
     submit(owner, job): the job runs when the queue is free; if the same owner submits again
     before it starts, the older job never runs and its promise gives null. A reader typing fast
     so waits for at most one search they have typed past, not one per key. */
  function latestQueue() {
    let running = false;
    let waiting = []; // [{owner, job, resolve, reject}]
    function next() {
      if (running || !waiting.length) return;
      const item = waiting.shift();
      running = true;
      Promise.resolve()
        .then(item.job)
        .then(item.resolve, item.reject)
        .then(() => {
          running = false;
          next();
        });
    }
    return function submit(owner, job) {
      return new Promise((resolve, reject) => {
        waiting = waiting.filter((item) => {
          if (item.owner !== owner) return true;
          item.resolve(null);
          return false;
        });
        waiting.push({ owner: owner, job: job, resolve: resolve, reject: reject });
        next();
      });
    };
  }

  /* remember(limit)(key, make): make()'s value for `key`, made once while it is among the last
     `limit` keys used. A search already run (the same words and filters: "Show more", a word
     typed back after a deletion, the header box and the explorer alike) is not run again. */
  function remember(limit) {
    const kept = new Map();
    function recall(key, make) {
      const value = kept.has(key) ? kept.get(key) : make();
      kept.delete(key);
      kept.set(key, value);
      if (kept.size > limit) kept.delete(kept.keys().next().value);
      return value;
    }
    recall.forget = (key) => {
      kept.delete(key);
    }; // a search that failed is tried again
    return recall;
  }

  /* Pagefind's excerpt marks matches with <mark>; split it into [text, isMatch] pieces so the
     page builds text nodes and never parses the excerpt as HTML. */
  function excerptPieces(excerpt) {
    const pieces = [];
    String(excerpt || "")
      .split(/(<mark>[\s\S]*?<\/mark>)/)
      .forEach((part) => {
        if (!part) return;
        const marked = /^<mark>/.test(part);
        pieces.push([decode(marked ? part.slice(6, -7) : part), marked]);
      });
    return pieces;
  }

  /* A word as compared for repeats: folded, without punctuation or a plural "s". */
  function wordKey(word) {
    return fold(word)
      .replace(/[^\p{L}\p{N}]/gu, "")
      .replace(/(\p{L}{3,})s$/u, "$1");
  }

  /* The excerpt of a result shown under its title, as [text, isMatch] pieces: without the title
     itself (the page's <h1> is indexed, so the excerpt often repeats it, whole or its end), and
     without a word repeated next to itself ("Facebook Facebook", "councils Councils"). */
  function snippet(excerpt, title) {
    let tokens = excerptTokens(excerpt);
    const head = String(title || "")
      .split(/\s+/)
      .map(wordKey)
      .filter(Boolean);
    tokens = withoutTitle(tokens, head);
    const kept = [];
    tokens.forEach((token) => {
      const last = kept[kept.length - 1];
      if (
        last &&
        wordKey(last.word) &&
        wordKey(last.word) === wordKey(token.word) &&
        !/[^\p{L}\p{N}]$/u.test(last.word)
      ) {
        last.marked = last.marked || token.marked;
        return;
      }
      kept.push(token);
    });
    while (kept.length && !wordKey(kept[0].word)) kept.shift(); // a "·" or "." left at the start
    const pieces = [];
    function add(text, marked) {
      if (!text) return;
      const prev = pieces[pieces.length - 1];
      if (prev && !prev[1] && !marked) prev[0] += text;
      else pieces.push([text, marked]);
    }
    kept.forEach((token, i) => {
      if (i) add(" ", false);
      if (!token.marked) {
        add(token.word, false);
        return;
      }
      const parts = token.word.match(/^([^\p{L}\p{N}]*)([\s\S]*?)([^\p{L}\p{N}]*)$/u);
      add(parts[1], false);
      add(parts[2], true);
      add(parts[3], false);
    });
    return pieces;
  }

  /* The excerpt's words, each {word, marked}: marked when any of it was a match. */
  function excerptTokens(excerpt) {
    let text = "";
    const marks = [];
    excerptPieces(excerpt).forEach((piece) => {
      if (piece[1]) marks.push([text.length, text.length + piece[0].length]);
      text += piece[0];
    });
    return Array.from(text.matchAll(/\S+/g), (found) => {
      const start = found.index,
        end = start + found[0].length;
      return { word: found[0], marked: marks.some((r) => r[0] < end && r[1] > start) };
    });
  }

  /* tokens without every whole copy of the title, and without the end of the title where the
     excerpt starts inside it (two words or more). */
  function withoutTitle(tokens, head) {
    if (head.length < 2) return tokens;
    let keys = tokens.map((t) => wordKey(t.word));
    for (let n = Math.min(head.length, keys.length); n >= 2; n--) {
      if (keys.slice(0, n).join(" ") === head.slice(head.length - n).join(" ")) {
        tokens = tokens.slice(n);
        keys = keys.slice(n);
        break;
      }
    }
    const out = [];
    for (let i = 0; i < tokens.length; i++) {
      if (head.length >= 3 && keys.slice(i, i + head.length).join(" ") === head.join(" ")) {
        i += head.length - 1;
        continue;
      }
      out.push(tokens[i]);
    }
    return out;
  }

  const ENTITIES = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'", "&#x27;": "'" };
  function decode(text) {
    return text.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (m) => ENTITIES[m]);
  }

  return {
    TIER_WEIGHT: TIER_WEIGHT,
    PHRASE_WEIGHT: PHRASE_WEIGHT,
    FACETS: FACETS,
    namedPages: namedPages,
    YEAR_WEIGHT: YEAR_WEIGHT,
    fold: fold,
    expand: expand,
    filtersFor: filtersFor,
    splitYear: splitYear,
    searchPlan: searchPlan,
    snippet: snippet,
    merge: merge,
    latestQueue: latestQueue,
    remember: remember,
    pauseBefore: pauseBefore,
    excerptPieces: excerptPieces,
  };
});
