/* Readiness check: the ticked signs live in the URL (?signs=silos,slow) and a summary names the
   kits to open first, in the order they are most often suggested. Without JavaScript each sign
   still opens its advice through CSS. */
(() => {
  "use strict";
  const form = document.getElementById("cb-readiness");
  const summary = document.getElementById("cb-readiness-summary");
  if (!form || !summary) return;
  const boxes = Array.prototype.slice.call(form.querySelectorAll('input[name="signs"]'));

  function ticked() {
    return boxes.filter((b) => b.checked);
  }

  function update() {
    const chosen = ticked();
    const counts = {};
    const order = [];
    chosen.forEach((box) => {
      const link = box.closest(".cb-sign").querySelector('.cb-sign__help a[href*="kits/"]');
      if (!link) return;
      const key = link.getAttribute("href");
      if (!counts[key]) {
        counts[key] = { n: 0, text: link.textContent };
        order.push(key);
      }
      counts[key].n += 1;
    });
    order.sort((a, b) => counts[b].n - counts[a].n);
    summary.hidden = chosen.length === 0;
    summary.querySelector(".cb-readiness__count").textContent =
      `You ticked ${chosen.length} of ${boxes.length} warning signs.`;
    const list = summary.querySelector(".cb-readiness__kits");
    list.textContent = "";
    order.forEach((key) => {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = key;
      link.textContent = counts[key].text.charAt(0).toUpperCase() + counts[key].text.slice(1);
      item.appendChild(link);
      item.appendChild(document.createTextNode(` (${counts[key].n} sign${counts[key].n > 1 ? "s" : ""})`));
      list.appendChild(item);
    });
    drawSteps(chosen);
    const values = chosen.map((b) => b.value);
    const url = values.length ? `?signs=${values.join(",")}` : window.location.pathname;
    window.history.replaceState(null, "", url);
  }

  // The plan: each ticked sign with its advice, links made absolute so a printed plan still says
  // where to go.
  function drawSteps(chosen) {
    const steps = summary.querySelector(".cb-readiness__steps");
    steps.textContent = "";
    chosen.forEach((box) => {
      const sign = box.closest(".cb-sign");
      const item = document.createElement("li");
      const title = document.createElement("strong");
      title.textContent = sign.querySelector(".cb-sign__label strong").textContent;
      item.appendChild(title);
      const advice = sign.querySelector(".cb-sign__help ul");
      if (advice) {
        const copy = advice.cloneNode(true);
        copy.querySelectorAll("a[href]").forEach((a) => {
          a.href = new URL(a.getAttribute("href"), window.location.href).href;
        });
        item.appendChild(copy);
      }
      steps.appendChild(item);
    });
  }

  summary.querySelector("[data-plan-copy]").addEventListener("click", () => {
    const status = summary.querySelector(".cb-readiness__status");
    window.cbHelpers.copyText(window.location.href).then(
      () => {
        status.textContent = "Link copied";
      },
      () => {
        status.textContent = "Copy the address from the address bar";
      },
    );
  });

  const wanted = (new URLSearchParams(window.location.search).get("signs") || "").split(",");
  boxes.forEach((box) => {
    box.checked = wanted.indexOf(box.value) !== -1;
  });
  form.addEventListener("change", update);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
  });
  update();
})();
