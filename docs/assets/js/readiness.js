/* Readiness check: the ticked signs live in the URL (?signs=silos,slow) and a summary names the
   kits to open first, in the order they are most often suggested. Without JavaScript each sign
   still opens its advice through CSS. */
(function () {
  "use strict";
  var form = document.getElementById("cb-readiness");
  var summary = document.getElementById("cb-readiness-summary");
  if (!form || !summary) return;
  var boxes = Array.prototype.slice.call(form.querySelectorAll('input[name="signs"]'));

  function ticked() { return boxes.filter(function (b) { return b.checked; }); }

  function update() {
    var chosen = ticked();
    var counts = {};
    var order = [];
    chosen.forEach(function (box) {
      var link = box.closest(".cb-sign").querySelector('.cb-sign__help a[href*="kits/"]');
      if (!link) return;
      var key = link.getAttribute("href");
      if (!counts[key]) { counts[key] = { n: 0, text: link.textContent }; order.push(key); }
      counts[key].n += 1;
    });
    order.sort(function (a, b) { return counts[b].n - counts[a].n; });
    summary.hidden = chosen.length === 0;
    summary.querySelector(".cb-readiness__count").textContent = "You ticked " + chosen.length + " of " +
      boxes.length + " warning signs.";
    var list = summary.querySelector(".cb-readiness__kits");
    list.textContent = "";
    order.forEach(function (key) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = key;
      link.textContent = counts[key].text.charAt(0).toUpperCase() + counts[key].text.slice(1);
      item.appendChild(link);
      item.appendChild(document.createTextNode(" (" + counts[key].n + " sign" + (counts[key].n > 1 ? "s" : "") + ")"));
      list.appendChild(item);
    });
    drawSteps(chosen);
    var values = chosen.map(function (b) { return b.value; });
    var url = values.length ? "?signs=" + values.join(",") : window.location.pathname;
    window.history.replaceState(null, "", url);
  }

  // The plan: each ticked sign with its advice, links made absolute so a printed plan still says
  // where to go.
  function drawSteps(chosen) {
    var steps = summary.querySelector(".cb-readiness__steps");
    steps.textContent = "";
    chosen.forEach(function (box) {
      var sign = box.closest(".cb-sign");
      var item = document.createElement("li");
      var title = document.createElement("strong");
      title.textContent = sign.querySelector(".cb-sign__label strong").textContent;
      item.appendChild(title);
      var advice = sign.querySelector(".cb-sign__help ul");
      if (advice) {
        var copy = advice.cloneNode(true);
        copy.querySelectorAll("a[href]").forEach(function (a) {
          a.href = new URL(a.getAttribute("href"), window.location.href).href;
        });
        item.appendChild(copy);
      }
      steps.appendChild(item);
    });
  }

  summary.querySelector("[data-plan-copy]").addEventListener("click", function () {
    var status = summary.querySelector(".cb-readiness__status");
    window.cbHelpers.copyText(window.location.href).then(function () { status.textContent = "Link copied"; }, function () {
      status.textContent = "Copy the address from the address bar";
    });
  });

  var wanted = (new URLSearchParams(window.location.search).get("signs") || "").split(",");
  boxes.forEach(function (box) { box.checked = wanted.indexOf(box.value) !== -1; });
  form.addEventListener("change", update);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  update();
})();
