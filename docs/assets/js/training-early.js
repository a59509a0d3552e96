/* Projector mode before the first paint: with ?present in the address, the page opens without
   the site's header, sidebars and footer (training.css hides them under .cb-present). */
(() => {
  "use strict";
  if (new URLSearchParams(window.location.search).has("present")) {
    document.documentElement.classList.add("cb-present");
  }
})();
