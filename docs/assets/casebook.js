/* Buy-in Casebook: small enhancements; every page works without them. */
(function () {
  "use strict";
  document.documentElement.classList.add("cb-js");

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    // Fallback for pages served without a secure context.
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var ok = document.execCommand("copy");
    document.body.removeChild(area);
    return ok ? Promise.resolve() : Promise.reject(new Error("copy refused"));
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-copy-target]");
    if (!button) return;
    var source = document.getElementById(button.getAttribute("data-copy-target"));
    var status = button.parentElement.querySelector(".cb-copy__status");
    var address = new URL(button.getAttribute("data-copy-url"), window.location.href).href;
    copyText(source.value + "\n" + address).then(function () {
      status.textContent = "Copied with citation";
    }, function () {
      status.textContent = "Copy failed: select the statement and copy it by hand";
    });
    window.setTimeout(function () { status.textContent = ""; }, 4000);
  });

  // Print buttons, and the site's full address on printed briefings.
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
  });
  document.querySelectorAll("[data-site-address]").forEach(function (node) {
    node.textContent = new URL(node.getAttribute("data-site-address"), window.location.href).href;
  });
})();
