/* The statements page: filter by audience, topic and strength of evidence, kept in the address
   (?audience=&topic=&strength=) like the case explorer. Without JavaScript every statement shows. */
(function () {
  "use strict";
  var form = document.getElementById("cb-statement-filters");
  if (!form) return;
  var NAMES = ["audience", "topic", "strength"];
  var selects = {};
  NAMES.forEach(function (name) { selects[name] = form.querySelector('select[name="' + name + '"]'); });
  var count = form.querySelector(".cb-statement-filters__count");
  var groups = Array.prototype.slice.call(document.querySelectorAll(".cb-audience-group"));
  var none = document.getElementById("cb-statements-none");
  var jump = document.querySelector(".cb-jump");

  function known(name, value) {
    return Array.prototype.some.call(selects[name].options, function (o) { return o.value === value; });
  }

  function readAddress() {
    var params = new URLSearchParams(window.location.search);
    NAMES.forEach(function (name) {
      var value = params.get(name) || "";
      selects[name].value = known(name, value) ? value : "";
    });
  }

  function apply() {
    var chosen = {};
    NAMES.forEach(function (name) { chosen[name] = selects[name].value; });
    var shown = {};
    groups.forEach(function (group) {
      var audienceOk = !chosen.audience || group.getAttribute("data-audience") === chosen.audience;
      var any = false;
      group.querySelectorAll(".cb-topic-group").forEach(function (topicGroup) {
        var visible = 0;
        topicGroup.querySelectorAll(".cb-benefit-item").forEach(function (item) {
          var ok = audienceOk
            && (!chosen.topic || (" " + item.getAttribute("data-topics") + " ").indexOf(" " + chosen.topic + " ") !== -1)
            && (!chosen.strength || item.getAttribute("data-strength") === chosen.strength);
          item.hidden = !ok;
          if (ok) { visible += 1; shown[item.getAttribute("data-benefit-id")] = true; }
        });
        topicGroup.hidden = !visible;
        any = any || visible > 0;
      });
      group.hidden = !any;
    });
    var n = Object.keys(shown).length;
    count.textContent = n === 1 ? "1 statement" : n + " statements";
    none.hidden = n > 0;
    if (jump) jump.hidden = !!chosen.audience;
    return chosen;
  }

  function toSearch(chosen) {
    var parts = NAMES.filter(function (name) { return chosen[name]; })
      .map(function (name) { return name + "=" + encodeURIComponent(chosen[name]); });
    return parts.length ? "?" + parts.join("&") : "";
  }

  form.addEventListener("change", function () {
    var query = toSearch(apply());
    if (query !== window.location.search) window.history.pushState(null, "", query || window.location.pathname);
  });
  form.querySelector(".cb-statement-filters__reset").addEventListener("click", function (event) {
    event.preventDefault();
    NAMES.forEach(function (name) { selects[name].value = ""; });
    apply();
    window.history.pushState(null, "", window.location.pathname);
  });
  window.addEventListener("popstate", function () { readAddress(); apply(); });
  readAddress();
  apply();
  window.cbStatements = { ready: true };
})();
