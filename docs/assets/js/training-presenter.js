/* The presenter view, on the trainer's own screen: the current step's notes and questions, a
   preview of the slide the room sees and of the next one, a clock and timers. It follows the
   projector window over the BroadcastChannel that training.js opens (message shapes there) and
   drives it with the same keys; without a projector window its buttons walk through the notes.

   The session timer starts when the trainer starts it (the Start button) or first moves the
   projector on, never on opening the page; it is kept for the day in localStorage, so a reload
   keeps it but a session run tomorrow never inherits today's time. */
(() => {
  "use strict";

  const T = window.cbTraining;
  const H = window.cbHelpers;
  const root = document.querySelector(".cb-presenter");
  if (!T || !root) return;

  const html = document.documentElement;
  const route = root.dataset.route;
  const steps = Number(root.dataset.steps);
  const total = Number(root.dataset.total) * 60;
  const base = new URL(root.dataset.base, window.location.href);
  const items = root.querySelectorAll(".cb-presenter__step");
  const channel = T.channelFor(route);
  const storeKey = H.KEYS.session(route);
  let at = { step: 0, slide: 1, blank: false };
  let firstAt = null;
  let stepStart = Date.now();
  const stages = {}; // step number -> promise of its page's slide stage, fetched once

  function $(role) {
    return root.querySelector(`[data-role=${role}]`);
  }
  function action(name) {
    return root.querySelector(`[data-action=${name}]`);
  }
  function pad(n) {
    return (n < 10 ? "0" : "") + n;
  }
  function mmss(seconds) {
    const s = Math.max(0, Math.floor(seconds));
    return `${Math.floor(s / 60)}:${pad(s % 60)}`;
  }

  /* ---------- Session timer ---------- */
  function sessionStart() {
    const saved = H.readJson(storeKey, null);
    if (saved && saved.day === H.today() && Number.isFinite(saved.start)) return saved.start;
    if (saved) H.forget(storeKey); // yesterday's rehearsal, or not ours
    return null;
  }

  function startSession() {
    H.writeJson(storeKey, { start: Date.now(), day: H.today() });
    stepStart = Date.now();
    tick();
  }

  function tick() {
    const item = items[at.step - 1];
    if (!item) return;
    const now = new Date();
    const started = sessionStart();
    const planned = Number(item.dataset.minutes) * 60;
    const stepElapsed = started === null ? 0 : (Date.now() - Math.max(stepStart, started)) / 1000;
    const sessionElapsed = started === null ? 0 : (Date.now() - started) / 1000;
    $("clock").textContent = `${pad(now.getHours())}:${pad(now.getMinutes())}`;
    $("step-elapsed").textContent = mmss(stepElapsed);
    $("step-planned").textContent = mmss(planned);
    const stepTime = $("step-elapsed").parentNode;
    stepTime.classList.toggle("cb-presenter__over", stepElapsed > planned);
    stepTime.classList.toggle("cb-presenter__near", stepElapsed <= planned && stepElapsed > planned * 0.8);
    $("session-elapsed").textContent = mmss(sessionElapsed);
    $("session-elapsed").parentNode.classList.toggle("cb-presenter__over", sessionElapsed > total);
    action("start").hidden = started !== null;
    action("restart").hidden = started === null;
    if (started === null) {
      $("schedule").textContent = "· not started: press Start, or move the projector on";
      return;
    }
    const late = Math.round((sessionElapsed - stepElapsed) / 60 - Number(item.dataset.start));
    $("schedule").textContent =
      Math.abs(late) < 1 ? "· on time" : `· ${Math.abs(late)} min ${late > 0 ? "behind" : "ahead"}`;
  }

  /* ---------- Previews: what the room sees, and what comes next ---------- */
  function stageOf(step) {
    if (!stages[step]) {
      stages[step] = H.fetchPage(new URL(`${step}/`, base).href).then((page) => page.querySelector(".cb-stage"));
    }
    return stages[step];
  }

  function slidesOf(stage) {
    const deck = stage?.querySelector(".cb-deck");
    return deck ? Number(deck.dataset.slides) || 1 : 1;
  }

  function preview(box, step, slide, blank) {
    if (!step) {
      box.replaceChildren();
      box.textContent = "End of the session";
      return;
    }
    stageOf(step)
      .then((stage) => {
        if (!stage) return;
        const copy = stage.cloneNode(true);
        box.replaceChildren(document.importNode(copy, true));
        box.classList.toggle("cb-preview--blank", blank);
        T.showSlide(box.querySelector(".cb-stage"), Math.min(slide, slidesOf(stage)));
      })
      .catch(() => {
        box.textContent = "Preview unavailable";
      });
  }

  function previews() {
    preview($("now"), at.step, at.slide, at.blank);
    stageOf(at.step)
      .then((stage) => {
        const more = at.slide < slidesOf(stage);
        const step = more ? at.step : at.step < steps ? at.step + 1 : 0;
        preview($("next"), step, more ? at.slide + 1 : 1, false);
        $("screen").textContent =
          (at.blank ? "Screen blanked (b to show). " : "") +
          "Slide " +
          at.slide +
          " of " +
          slidesOf(stage) +
          " of this step";
      })
      .catch(() => {
        /* the preview says so */
      });
  }

  /* ---------- Following the projector ---------- */
  function show(step, slide, blank) {
    step = Math.min(Math.max(step, 1), steps);
    if (step !== at.step) stepStart = Date.now();
    at = { step: step, slide: slide, blank: blank };
    items.forEach((item) => {
      item.classList.toggle("cb-presenter__step--current", Number(item.dataset.step) === step);
    });
    root.dataset.current = String(step);
    root.dataset.slide = String(slide);
    previews();
    tick();
  }

  function move(direction) {
    if (sessionStart() === null) startSession();
    if (firstAt && channel) {
      channel.postMessage({ type: direction > 0 ? "next" : "prev" });
      return;
    }
    stageOf(at.step).then((stage) => {
      const slides = slidesOf(stage);
      if (direction > 0 && at.slide < slides) show(at.step, at.slide + 1, false);
      else if (direction < 0 && at.slide > 1) show(at.step, at.slide - 1, false);
      else if (direction < 0 && at.step > 1) show(at.step - 1, 1, false);
      else if (direction > 0 && at.step < steps) show(at.step + 1, 1, false);
    });
  }

  function jump(step) {
    if (firstAt && channel) channel.postMessage({ type: "go", step: step });
    else show(step, 1, false);
  }

  function onProjector(event) {
    const message = T.readMessage(event.data, ["at"], steps);
    if (!message) return;
    const position = `${message.step}:${message.slide || 1}`;
    if (!firstAt) {
      firstAt = position;
      $("status").textContent = "Following the projector window.";
      $("status").classList.add("cb-presenter__status--live");
    } else if (position !== firstAt && sessionStart() === null) {
      startSession(); // the first advance starts the session
    }
    show(message.step, message.slide || 1, message.blank === true);
  }

  html.classList.add("cb-presenter--live");
  root.querySelector(".cb-presenter__clocks").hidden = false;
  root.querySelector(".cb-presenter__previews").hidden = false;
  $("status").textContent =
    "Waiting for the projector window: press Start presenting on the agenda, " +
    "or s on any step. Until then the buttons below move through the notes.";
  const fromHash = window.location.hash.match(/step=(\d+)/);
  show(fromHash ? Number(fromHash[1]) : 1, 1, false);

  if (channel) {
    channel.onmessage = onProjector;
    channel.postMessage({ type: "hello" });
    window.addEventListener("pagehide", () => {
      channel.postMessage({ type: "bye" });
    });
  } else {
    $("status").textContent = "This browser cannot link windows: use the buttons below to follow along.";
  }

  root.addEventListener("click", (event) => {
    const button = event.target.closest("[data-action]");
    if (!button) return;
    const name = button.dataset.action;
    if (name === "next") move(1);
    else if (name === "prev") move(-1);
    else if (name === "start" || name === "restart") startSession();
  });

  window.addEventListener(
    "keydown",
    (event) => {
      if (T.isTyping(event)) return;
      const key = event.key;
      if (key === "ArrowRight" || key === "PageDown" || key === " ") move(1);
      else if (key === "ArrowLeft" || key === "PageUp") move(-1);
      else if (key === "Home") jump(1);
      else if (key === "End") jump(steps);
      else return;
      event.preventDefault();
      event.stopImmediatePropagation();
    },
    true,
  );

  window.addEventListener("resize", () => {
    root.querySelectorAll(".cb-preview .cb-stage").forEach(T.fit);
  });
  window.setInterval(tick, 1000);
})();
