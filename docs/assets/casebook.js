/* Buy-in Casebook: small enhancements; every page works without them. */
(() => {
  "use strict";
  document.documentElement.classList.add("cb-js");

  const copyText = window.cbHelpers.copyText;
  const fetchPage = window.cbHelpers.fetchPage;

  // Rich text (HTML with links) for Word and mail, plain text for everything else.
  function copyRich(html, text) {
    if (window.ClipboardItem && navigator.clipboard?.write && window.isSecureContext) {
      const item = new window.ClipboardItem({
        "text/html": new Blob([html], { type: "text/html" }),
        "text/plain": new Blob([text], { type: "text/plain" }),
      });
      return navigator.clipboard.write([item]).catch(() => copyText(text));
    }
    return copyText(text);
  }

  // A list's button (data-copy-from-page) copies the citation its statement's own page carries,
  // fetched once when the reader points at, focuses or touches the button, so that it is usually
  // here by the click. Each value is a promise of {text, html} from the page's textarea and template.
  const fetched = {};
  function citationFromPage(button) {
    const address = new URL(button.getAttribute("data-copy-url"), window.location.href).href;
    const id = button.getAttribute("data-copy-target");
    if (!fetched[address]) {
      fetched[address] = fetchPage(address).then((page) => {
        const source = page.getElementById(id);
        const rich = page.getElementById(`${id}-html`);
        if (!source) throw new Error(`no citation on ${address}`);
        return { text: source.value, html: rich ? rich.innerHTML : null };
      });
      fetched[address].catch(() => {
        delete fetched[address];
      }); // a later click retries
    }
    return fetched[address];
  }
  ["pointerover", "focusin", "touchstart"].forEach((type) => {
    document.addEventListener(
      type,
      (event) => {
        const button = event.target.closest?.("[data-copy-from-page]");
        if (button) citationFromPage(button).catch(() => {});
      },
      { passive: true },
    );
  });

  // The "From Buy-in Casebook" line of a rich copy, built as nodes so the address is escaped.
  function sourceLine(address) {
    const line = document.createElement("p");
    const link = document.createElement("a");
    link.href = address;
    link.textContent = address;
    line.append("From Buy-in Casebook: ", link);
    return line.outerHTML;
  }

  // The clipboard write starts inside the click (browsers require it) with the text still on its
  // way: ClipboardItem takes promises.
  function copyLater(citation, address) {
    const text = citation.then((c) => `${c.text}\nFrom Buy-in Casebook: ${address}`);
    if (window.ClipboardItem && navigator.clipboard?.write && window.isSecureContext) {
      const footer = sourceLine(address);
      const item = new window.ClipboardItem({
        "text/html": citation.then((c) => new Blob([(c.html || "") + footer], { type: "text/html" })),
        "text/plain": text.then((t) => new Blob([t], { type: "text/plain" })),
      });
      return navigator.clipboard.write([item]).catch(() => text.then(copyText));
    }
    return text.then(copyText);
  }

  document.addEventListener("click", (event) => {
    const button = event.target.closest("[data-copy-target]");
    if (!button) return;
    const id = button.getAttribute("data-copy-target");
    const status = button.parentElement.querySelector(".cb-copy__status");
    const address = new URL(button.getAttribute("data-copy-url"), window.location.href).href;
    let copied;
    if (button.hasAttribute("data-copy-from-page")) {
      copied = copyLater(citationFromPage(button), address);
    } else {
      const source = document.getElementById(id);
      const rich = document.getElementById(`${id}-html`);
      const text = `${source.value}\nFrom Buy-in Casebook: ${address}`;
      copied = rich ? copyRich(rich.innerHTML + sourceLine(address), text) : copyText(text);
    }
    copied.then(
      () => {
        status.textContent = button.getAttribute("data-copy-done") || "Copied with citation";
      },
      () => {
        status.textContent = "Copy failed: select the text and copy it by hand";
      },
    );
    window.setTimeout(() => {
      status.textContent = "";
    }, 4000);
  });

  // Print buttons, and the site's full address on printed briefings.
  document.querySelectorAll("[data-print]").forEach((button) => {
    button.addEventListener("click", () => {
      window.print();
    });
  });
  document.querySelectorAll("[data-site-address]").forEach((node) => {
    node.textContent = new URL(node.getAttribute("data-site-address"), window.location.href).href;
  });

  // A table wider than the page scrolls sideways inside Material's wrapper. A keyboard scrolls only
  // what it can focus, so a wrapper that overflows becomes a focusable, named region (axe:
  // scrollable-region-focusable). Material wraps tables after loading, hence "load" and "resize".
  // Each region's name is unique on the page (axe: landmark-unique): its number and heading.
  function headingBefore(node) {
    for (let n = node.previousElementSibling; n; n = n.previousElementSibling) {
      if (/^H[1-6]$/.test(n.tagName)) return n.textContent.replace("\u00b6", "").trim();
    }
    return "";
  }
  function focusableScrollers() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach((wrap, i) => {
      const scrolls = wrap.scrollWidth > wrap.clientWidth;
      if (scrolls && !wrap.hasAttribute("tabindex")) {
        const heading = headingBefore(wrap);
        wrap.setAttribute("tabindex", "0");
        wrap.setAttribute("role", "region");
        wrap.setAttribute("aria-label", `Table ${i + 1}${heading ? ` (${heading})` : ""}, scrolls sideways`);
      } else if (!scrolls && wrap.getAttribute("role") === "region") {
        ["tabindex", "role", "aria-label"].forEach((name) => {
          wrap.removeAttribute(name);
        });
      }
    });
  }
  window.addEventListener("load", focusableScrollers);
  window.addEventListener("resize", focusableScrollers);
})();
