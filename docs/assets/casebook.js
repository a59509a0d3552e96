/* Buy-in Casebook: small enhancements; every page works without them. */
(function () {
  "use strict";
  document.documentElement.classList.add("cb-js");

  var copyText = window.cbHelpers.copyText;
  var fetchPage = window.cbHelpers.fetchPage;

  // Rich text (HTML with links) for Word and mail, plain text for everything else.
  function copyRich(html, text) {
    if (window.ClipboardItem && navigator.clipboard && navigator.clipboard.write && window.isSecureContext) {
      var item = new window.ClipboardItem({
        "text/html": new Blob([html], { type: "text/html" }),
        "text/plain": new Blob([text], { type: "text/plain" })
      });
      return navigator.clipboard.write([item]).catch(function () { return copyText(text); });
    }
    return copyText(text);
  }

  // A list's button (data-copy-from-page) copies the citation its statement's own page carries,
  // fetched once when the reader points at, focuses or touches the button, so that it is usually
  // here by the click. Each value is a promise of {text, html} from the page's textarea and template.
  var fetched = {};
  function citationFromPage(button) {
    var address = new URL(button.getAttribute("data-copy-url"), window.location.href).href;
    var id = button.getAttribute("data-copy-target");
    if (!fetched[address]) {
      fetched[address] = fetchPage(address).then(function (page) {
        var source = page.getElementById(id);
        var rich = page.getElementById(id + "-html");
        if (!source) throw new Error("no citation on " + address);
        return { text: source.value, html: rich ? rich.innerHTML : null };
      });
      fetched[address].catch(function () { delete fetched[address]; });  // a later click retries
    }
    return fetched[address];
  }
  ["pointerover", "focusin", "touchstart"].forEach(function (type) {
    document.addEventListener(type, function (event) {
      var button = event.target.closest && event.target.closest("[data-copy-from-page]");
      if (button) citationFromPage(button).catch(function () {});
    }, { passive: true });
  });

  // The clipboard write starts inside the click (browsers require it) with the text still on its
  // way: ClipboardItem takes promises.
  function copyLater(citation, address) {
    var text = citation.then(function (c) { return c.text + "\nFrom Buy-in Casebook: " + address; });
    if (window.ClipboardItem && navigator.clipboard && navigator.clipboard.write && window.isSecureContext) {
      var footer = '<p>From Buy-in Casebook: <a href="' + address + '">' + address + "</a></p>";
      var item = new window.ClipboardItem({
        "text/html": citation.then(function (c) {
          return new Blob([(c.html || "") + footer], { type: "text/html" });
        }),
        "text/plain": text.then(function (t) { return new Blob([t], { type: "text/plain" }); })
      });
      return navigator.clipboard.write([item]).catch(function () { return text.then(copyText); });
    }
    return text.then(copyText);
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-copy-target]");
    if (!button) return;
    var id = button.getAttribute("data-copy-target");
    var status = button.parentElement.querySelector(".cb-copy__status");
    var address = new URL(button.getAttribute("data-copy-url"), window.location.href).href;
    var copied;
    if (button.hasAttribute("data-copy-from-page")) {
      copied = copyLater(citationFromPage(button), address);
    } else {
      var source = document.getElementById(id);
      var rich = document.getElementById(id + "-html");
      var text = source.value + "\nFrom Buy-in Casebook: " + address;
      copied = rich
        ? copyRich(rich.innerHTML + '<p>From Buy-in Casebook: <a href="' + address + '">' + address + "</a></p>", text)
        : copyText(text);
    }
    copied.then(function () {
      status.textContent = button.getAttribute("data-copy-done") || "Copied with citation";
    }, function () {
      status.textContent = "Copy failed: select the text and copy it by hand";
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

  // A table wider than the page scrolls sideways inside Material's wrapper. A keyboard scrolls only
  // what it can focus, so a wrapper that overflows becomes a focusable, named region (axe:
  // scrollable-region-focusable). Material wraps tables after loading, hence "load" and "resize".
  // Each region's name is unique on the page (axe: landmark-unique): its number and heading.
  function headingBefore(node) {
    for (var n = node.previousElementSibling; n; n = n.previousElementSibling) {
      if (/^H[1-6]$/.test(n.tagName)) return n.textContent.replace("\u00b6", "").trim();
    }
    return "";
  }
  function focusableScrollers() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap, i) {
      var scrolls = wrap.scrollWidth > wrap.clientWidth;
      if (scrolls && !wrap.hasAttribute("tabindex")) {
        var heading = headingBefore(wrap);
        wrap.setAttribute("tabindex", "0");
        wrap.setAttribute("role", "region");
        wrap.setAttribute("aria-label", "Table " + (i + 1) + (heading ? " (" + heading + ")" : "") + ", scrolls sideways");
      } else if (!scrolls && wrap.getAttribute("role") === "region") {
        ["tabindex", "role", "aria-label"].forEach(function (name) { wrap.removeAttribute(name); });
      }
    });
  }
  window.addEventListener("load", focusableScrollers);
  window.addEventListener("resize", focusableScrollers);
})();
