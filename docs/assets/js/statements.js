/* The statements page: filter by audience, topic and strength of evidence, kept in the address
   (?audience=&topic=&strength=) like the case explorer. Without JavaScript every statement shows. */
(() => {
  "use strict";
  const form = document.getElementById("cb-statement-filters");
  if (!form) return;
  const NAMES = ["audience", "topic", "strength"];
  const selects = {};
  NAMES.forEach((name) => {
    selects[name] = form.querySelector(`select[name="${name}"]`);
  });
  const count = form.querySelector(".cb-statement-filters__count");
  const groups = Array.prototype.slice.call(document.querySelectorAll(".cb-audience-group"));
  const none = document.getElementById("cb-statements-none");
  const jump = document.querySelector(".cb-jump");

  function known(name, value) {
    return Array.prototype.some.call(selects[name].options, (o) => o.value === value);
  }

  function readAddress() {
    const params = new URLSearchParams(window.location.search);
    NAMES.forEach((name) => {
      const value = params.get(name) || "";
      selects[name].value = known(name, value) ? value : "";
    });
  }

  function apply() {
    const chosen = {};
    NAMES.forEach((name) => {
      chosen[name] = selects[name].value;
    });
    const shown = {};
    groups.forEach((group) => {
      const audienceOk = !chosen.audience || group.getAttribute("data-audience") === chosen.audience;
      let any = false;
      group.querySelectorAll(".cb-topic-group").forEach((topicGroup) => {
        let visible = 0;
        topicGroup.querySelectorAll(".cb-benefit-item").forEach((item) => {
          const ok =
            audienceOk &&
            (!chosen.topic || ` ${item.getAttribute("data-topics")} `.indexOf(` ${chosen.topic} `) !== -1) &&
            (!chosen.strength || item.getAttribute("data-strength") === chosen.strength);
          item.hidden = !ok;
          if (ok) {
            visible += 1;
            shown[item.getAttribute("data-benefit-id")] = true;
          }
        });
        topicGroup.hidden = !visible;
        any = any || visible > 0;
      });
      group.hidden = !any;
    });
    const n = Object.keys(shown).length;
    count.textContent = n === 1 ? "1 statement" : `${n} statements`;
    none.hidden = n > 0;
    if (jump) jump.hidden = !!chosen.audience;
    return chosen;
  }

  function toSearch(chosen) {
    const parts = NAMES.filter((name) => chosen[name]).map((name) => `${name}=${encodeURIComponent(chosen[name])}`);
    return parts.length ? `?${parts.join("&")}` : "";
  }

  form.addEventListener("change", () => {
    const query = toSearch(apply());
    if (query !== window.location.search) window.history.pushState(null, "", query || window.location.pathname);
  });
  form.querySelector(".cb-statement-filters__reset").addEventListener("click", (event) => {
    event.preventDefault();
    NAMES.forEach((name) => {
      selects[name].value = "";
    });
    apply();
    window.history.pushState(null, "", window.location.pathname);
  });
  window.addEventListener("popstate", () => {
    readAddress();
    apply();
  });
  readAddress();
  apply();
  window.cbStatements = { ready: true };
})();
