/* "Report" beside each source on an entry page: opens the repository's "Report a dead or wrong
   source" issue form with the page and the source's address filled in. The page-level link in
   the "Spotted a mistake?" box works without this script. */
(() => {
  "use strict";
  const box = document.querySelector("[data-report-base]");
  if (!box) return;
  const base = box.getAttribute("data-report-base");
  document.querySelectorAll(".cb-sources > li").forEach((item) => {
    const link = item.querySelector("a[href^='http']");
    if (!link) return;
    const report = document.createElement("a");
    report.className = "cb-report-source";
    report.href =
      base +
      "&source=" +
      encodeURIComponent(link.href) +
      "&title=" +
      encodeURIComponent(`Source problem: ${link.textContent.trim()}`);
    report.rel = "noopener";
    report.textContent = "Report this source";
    item.appendChild(document.createTextNode(" "));
    item.appendChild(report);
  });
})();
