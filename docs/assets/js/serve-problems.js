/* `make serve`'s content-problem page: ask for this address again every second and a half; once
   the answer is no longer the problem page (the content is valid and the site rebuilt), reload. */
(() => {
  "use strict";
  const MARKER = "data-casebook-problems";
  function check() {
    fetch(location.href, { cache: "no-store" })
      .then((response) => response.text())
      .then((text) => {
        if (text.indexOf(MARKER) < 0) {
          document.getElementById("sp-status").textContent = "Fixed: loading the site…";
          location.reload();
        } else {
          setTimeout(check, 1500);
        }
      })
      .catch(() => {
        setTimeout(check, 3000);
      });
  }
  setTimeout(check, 1500);
})();
