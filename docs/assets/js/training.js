/* Training mode: keys and projector mode on step pages, print buttons, and the helpers the
   presenter view (training-presenter.js) shares. Pages work without it (plain links); this adds
   what a trainer in a room needs:
   - step pages: → PageDown Space next, ← PageUp previous, Home End, p projector mode (and back to
     the full page), f full screen, s presenter view, b or . blank screen, ? help. In projector mode
     a step shows its slides one at a time (casebook/deck.py): the next key shows the next slide,
     then the next step, fetched and swapped in place so full screen survives the move. Esc asks
     before leaving projector mode, and is ignored while the presenter view is open (clickers send it).
   - the presenter view, in a second window, is kept in step over a BroadcastChannel (no server).
   Messages: {type: "at", step, slide, slides, blank} from the projector; {type: "go", step},
   {type: "next"}, {type: "prev"}, {type: "hello"} and {type: "bye"} from the presenter. Another
   window of the same site could post anything, so every message is checked before it is used. */
(() => {
  "use strict";

  const html = document.documentElement;

  function channelFor(route) {
    return "BroadcastChannel" in window ? new BroadcastChannel(`cb-training:${route}`) : null;
  }

  /* A message from another window, if it is one we understand: a known type and, where it names
     a step or slide, a whole number within 1..max. Anything else is dropped. */
  function readMessage(data, types, steps) {
    if (!data || typeof data !== "object" || types.indexOf(data.type) < 0) return null;
    const inRange = (n, max) => Number.isInteger(n) && n >= 1 && n <= max;
    if ("step" in data && !inRange(data.step, steps)) return null;
    if ("slide" in data && !inRange(data.slide, "slides" in data ? data.slides : 1000)) return null;
    if ("slides" in data && !inRange(data.slides, 1000)) return null;
    if (data.type === "go" && !("step" in data)) return null;
    return data;
  }

  function isTyping(event) {
    const el = event.target;
    return (
      event.ctrlKey ||
      event.metaKey ||
      event.altKey ||
      (el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName)))
    );
  }

  function toggleFullscreen() {
    if (document.fullscreenElement) {
      document.exitFullscreen();
    } else if (html.requestFullscreen) {
      html.requestFullscreen().catch(() => {
        /* refused: the browser's own F11 still works */
      });
    }
  }

  /* Show slide n of a stage and shrink its type until the slide fits, like reveal.js scaling a
     slide to the screen. The deck is sized for 16:9; this only acts on other shapes of screen. */
  function showSlide(stage, n) {
    const slides = stage.querySelectorAll(".cb-slide");
    slides.forEach((slide) => {
      slide.classList.toggle("cb-slide--on", Number(slide.dataset.slide) === n);
    });
    fit(stage);
  }

  function fit(stage) {
    const on = stage.querySelector(".cb-slide--on");
    stage.style.removeProperty("--cb-fit");
    if (!on?.clientHeight) return;
    const overflows = () =>
      on.scrollHeight > on.clientHeight + 1 ||
      on.scrollWidth > on.clientWidth + 1 ||
      stage.scrollHeight > stage.clientHeight + 1;
    for (let scale = 0.95; scale >= 0.5 && overflows(); scale -= 0.05) {
      stage.style.setProperty("--cb-fit", scale.toFixed(2));
    }
  }

  /* ---------- Step pages ---------- */
  function stepPage(first) {
    const data = first.dataset;
    const route = data.route;
    const steps = Number(data.steps);
    const base = new URL(data.base, window.location.href);
    let step = Number(data.step);
    let slide = 1;
    let wanted = step;
    let wantLast = false;
    let loading = false;
    let blank = false;
    let presenterOpen = false;
    const channel = channelFor(route);
    const curtain = document.createElement("div");
    const leave = document.createElement("p");

    curtain.className = "cb-blank-screen";
    curtain.hidden = true;
    leave.className = "cb-leave";
    leave.setAttribute("role", "status");
    leave.hidden = true;
    document.body.appendChild(curtain);
    first.closest(".md-typeset").appendChild(leave);

    function root() {
      return document.querySelector(".cb-step-page");
    }
    function stage() {
      return root().querySelector(".cb-stage");
    }
    function slideCount() {
      const deck = root().querySelector(".cb-deck");
      return deck ? Number(deck.dataset.slides) || 1 : 1;
    }
    function stepUrl(n) {
      return new URL(`${n}/`, base).href;
    }
    function presenting() {
      return html.classList.contains("cb-present");
    }
    function help() {
      return root().querySelector(".cb-help");
    }

    function announce() {
      if (channel) {
        channel.postMessage({ type: "at", route: route, step: step, slide: slide, slides: slideCount(), blank: blank });
      }
    }

    function toSlide(n) {
      slide = Math.min(Math.max(n, 1), slideCount());
      showSlide(stage(), slide);
      announce();
    }

    function next() {
      if (presenting() && slide < slideCount()) toSlide(slide + 1);
      else go(step + 1, false);
    }

    function previous() {
      if (presenting() && slide > 1) toSlide(slide - 1);
      else go(step - 1, true);
    }

    function go(n, last) {
      wanted = Math.min(Math.max(n, 1), steps);
      wantLast = last;
      if (wanted === step || loading) return;
      if (!presenting()) {
        window.location.href = stepUrl(wanted);
        return;
      }
      swap(wanted, true);
    }

    function swap(n, push) {
      loading = true;
      const url = stepUrl(n);
      window.cbHelpers
        .fetchPage(url)
        .then((doc) => {
          const fresh = doc.querySelector(".cb-step-page");
          if (!fresh) throw new Error(`no step in ${url}`);
          root().replaceWith(document.adoptNode(fresh));
          document.title = doc.title;
          step = n;
          if (push) window.history.pushState({ step: n }, "", `${url}?present`);
          window.scrollTo(0, 0);
          toSlide(wantLast ? slideCount() : 1);
        })
        .catch(() => {
          window.location.href = `${url}?present`;
        })
        .then(() => {
          loading = false;
          if (wanted !== step && presenting()) swap(wanted, true);
        });
    }

    function present(on) {
      html.classList.toggle("cb-present", on);
      const url = new URL(window.location.href);
      if (on) url.searchParams.set("present", "");
      else url.searchParams.delete("present");
      window.history.replaceState(window.history.state, "", url.href.replace("present=", "present"));
      if (!on && document.fullscreenElement) document.exitFullscreen();
      if (!on) setBlank(false);
      askToLeave(false);
      if (on) showSlide(stage(), slide);
    }

    function setBlank(on) {
      blank = on;
      curtain.hidden = !on;
      announce();
    }

    function askToLeave(on, text) {
      leave.hidden = !on;
      leave.textContent = on ? text : "";
    }

    /* Esc: some clickers send it, and leaving projector mode mid-session shows the room the site. */
    function onEscape() {
      if (!help().hidden) {
        showHelp(false);
        return true;
      }
      if (!presenting()) return false;
      if (presenterOpen) {
        askToLeave(true, "Esc is ignored while the presenter view is open. Press p to leave projector mode.");
      } else if (!leave.hidden && leave.dataset.asking) {
        present(false);
      } else {
        askToLeave(true, "Press Esc again to leave projector mode; any other key stays.");
        leave.dataset.asking = "yes";
        return true;
      }
      delete leave.dataset.asking;
      return true;
    }

    function showHelp(on) {
      help().hidden = !on;
      if (on) help().querySelector("[data-action=close-help]").focus();
    }

    function openPresenter() {
      window.open(new URL("presenter/", base).href, `cb-presenter-${route}`, "width=1200,height=800");
    }

    const nextKeys = { ArrowRight: 1, PageDown: 1, " ": 1 };
    const prevKeys = { ArrowLeft: 1, PageUp: 1 };

    function onKey(key) {
      const always = key === "ArrowRight" || key === "ArrowLeft";
      if (key === "Escape") return onEscape();
      if (!leave.hidden) {
        askToLeave(false);
        delete leave.dataset.asking;
      }
      if (!help().hidden) return false;
      if (nextKeys[key] && (presenting() || always)) next();
      else if (prevKeys[key] && (presenting() || always)) previous();
      else if (key === "Home" && presenting()) go(1, false);
      else if (key === "End" && presenting()) go(steps, false);
      else if ((key === "b" || key === "B" || key === ".") && presenting()) setBlank(!blank);
      else if (key === "p") present(!presenting());
      else if (key === "f") {
        if (!presenting()) present(true);
        toggleFullscreen();
      } else if (key === "s") openPresenter();
      else if (key === "?") showHelp(true);
      else return false;
      return true;
    }

    /* Capture phase on window, so Material's own keys (f and s open its search) never see ours. */
    window.addEventListener(
      "keydown",
      (event) => {
        if (isTyping(event) || !onKey(event.key)) return;
        event.preventDefault();
        event.stopImmediatePropagation();
      },
      true,
    );

    document.addEventListener("click", (event) => {
      const button = event.target.closest("[data-action]");
      if (!button || !root().contains(button)) return;
      const action = button.dataset.action;
      if (action === "present") present(true);
      else if (action === "presenter") openPresenter();
      else if (action === "help") showHelp(true);
      else if (action === "close-help") showHelp(false);
      else return;
      event.preventDefault();
    });

    window.addEventListener("popstate", () => {
      const match = window.location.pathname.match(/\/(\d+)\/$/);
      if (match && presenting()) {
        wanted = Number(match[1]);
        wantLast = false;
        swap(wanted, false);
      }
    });

    window.addEventListener("resize", () => {
      if (presenting()) fit(stage());
    });

    if (channel) {
      channel.onmessage = (event) => {
        const message = readMessage(event.data, ["hello", "go", "next", "prev", "bye"], steps);
        if (!message) return;
        presenterOpen = message.type !== "bye";
        if (message.type === "hello") announce();
        else if (message.type === "go") go(message.step, false);
        else if (message.type === "next" && presenting()) next();
        else if (message.type === "prev" && presenting()) previous();
      };
    }
    first.querySelector("[data-action=help]").hidden = false;
    if (presenting()) showSlide(stage(), slide);
    announce();
  }

  /* ---------- Handout and guide ---------- */
  function printButtons() {
    document.querySelectorAll("[data-action=print]").forEach((button) => {
      button.hidden = false;
      button.addEventListener("click", () => {
        window.print();
      });
    });
  }

  window.cbTraining = {
    channelFor: channelFor,
    readMessage: readMessage,
    isTyping: isTyping,
    showSlide: showSlide,
    fit: fit,
  };
  const stepRoot = document.querySelector(".cb-step-page");
  if (stepRoot) stepPage(stepRoot);
  printButtons();
})();
