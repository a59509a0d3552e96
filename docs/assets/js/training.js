/* Training mode: keys and projector mode on step pages, the presenter view, print buttons.
   Pages work without it (plain links); this adds what a trainer in a room needs:
   - step pages: → PageDown Space next, ← PageUp previous, Home End, p projector mode, f full screen,
     s presenter view, ? help, Esc leaves. In projector mode the next step is fetched and swapped
     in place, so full screen survives the move.
   - presenter view (a second window): the current step's notes, the next step, a clock and
     timers, kept in step with the projector window over a BroadcastChannel (no server).
   Messages: {type: "at", step} from the projector, {type: "go", step} and {type: "hello"} from
   the presenter. */
(function () {
  "use strict";

  var html = document.documentElement;

  function channelFor(route) {
    return "BroadcastChannel" in window ? new BroadcastChannel("cb-training:" + route) : null;
  }

  function isTyping(event) {
    var el = event.target;
    return event.ctrlKey || event.metaKey || event.altKey ||
      (el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName)));
  }

  function toggleFullscreen() {
    if (document.fullscreenElement) {
      document.exitFullscreen();
    } else if (html.requestFullscreen) {
      html.requestFullscreen().catch(function () { /* refused: the browser's own F11 still works */ });
    }
  }

  /* ---------- Step pages ---------- */
  function stepPage(first) {
    var data = first.dataset;
    var route = data.route;
    var steps = Number(data.steps);
    var base = new URL(data.base, window.location.href);
    var step = Number(data.step);
    var wanted = step;
    var loading = false;
    var channel = channelFor(route);

    function root() { return document.querySelector(".cb-step-page"); }
    function stepUrl(n) { return new URL(n + "/", base).href; }
    function presenting() { return html.classList.contains("cb-present"); }
    function help() { return root().querySelector(".cb-help"); }

    function announce() {
      if (channel) channel.postMessage({ type: "at", step: step, route: route });
    }

    function go(n) {
      wanted = Math.min(Math.max(n, 1), steps);
      if (wanted === step || loading) return;
      if (!presenting()) {
        window.location.href = stepUrl(wanted);
        return;
      }
      swap(wanted, true);
    }

    function swap(n, push) {
      loading = true;
      var url = stepUrl(n);
      fetch(url).then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.text();
      }).then(function (text) {
        var doc = new DOMParser().parseFromString(text, "text/html");
        var fresh = doc.querySelector(".cb-step-page");
        if (!fresh) throw new Error("no step in " + url);
        root().replaceWith(document.adoptNode(fresh));
        document.title = doc.title;
        step = n;
        if (push) window.history.pushState({ step: n }, "", url + "?present");
        window.scrollTo(0, 0);
        announce();
      }).catch(function () {
        window.location.href = url + "?present";
      }).then(function () {
        loading = false;
        if (wanted !== step && presenting()) swap(wanted, true);
      });
    }

    function present(on) {
      html.classList.toggle("cb-present", on);
      var url = new URL(window.location.href);
      if (on) url.searchParams.set("present", ""); else url.searchParams.delete("present");
      window.history.replaceState(window.history.state, "", url.href.replace("present=", "present"));
      if (!on && document.fullscreenElement) document.exitFullscreen();
    }

    function showHelp(on) {
      help().hidden = !on;
      if (on) help().querySelector("[data-action=close-help]").focus();
    }

    function openPresenter() {
      window.open(new URL("presenter/", base).href, "cb-presenter-" + route, "width=1200,height=800");
    }

    var nextKeys = { ArrowRight: 1, PageDown: 1, " ": 1 };
    var prevKeys = { ArrowLeft: 1, PageUp: 1 };

    /* Capture phase on window, so Material's own keys (f and s open its search) never see ours. */
    window.addEventListener("keydown", function (event) {
      if (isTyping(event)) return;
      var key = event.key;
      var always = key === "ArrowRight" || key === "ArrowLeft";
      if (key === "Escape") {
        if (!help().hidden) showHelp(false); else if (presenting()) present(false); else return;
      } else if (!help().hidden) {
        return;
      } else if (nextKeys[key] && (presenting() || always)) {
        go(step + 1);
      } else if (prevKeys[key] && (presenting() || always)) {
        go(step - 1);
      } else if (key === "Home" && presenting()) {
        go(1);
      } else if (key === "End" && presenting()) {
        go(steps);
      } else if (key === "p") {
        present(!presenting());
      } else if (key === "f") {
        if (!presenting()) present(true);
        toggleFullscreen();
      } else if (key === "s") {
        openPresenter();
      } else if (key === "?") {
        showHelp(true);
      } else {
        return;
      }
      event.preventDefault();
      event.stopImmediatePropagation();
    }, true);

    document.addEventListener("click", function (event) {
      var button = event.target.closest("[data-action]");
      if (!button || !root().contains(button)) return;
      var action = button.dataset.action;
      if (action === "present") present(true);
      else if (action === "presenter") openPresenter();
      else if (action === "help") showHelp(true);
      else if (action === "close-help") showHelp(false);
      else return;
      event.preventDefault();
    });

    window.addEventListener("popstate", function () {
      var match = window.location.pathname.match(/\/(\d+)\/$/);
      if (match && presenting()) { wanted = Number(match[1]); swap(wanted, false); }
    });

    if (channel) {
      channel.onmessage = function (event) {
        var message = event.data || {};
        if (message.type === "hello") announce();
        else if (message.type === "go" && typeof message.step === "number") go(message.step);
      };
    }
    first.querySelector("[data-action=help]").hidden = false;
    announce();
  }

  /* ---------- Presenter view ---------- */
  function presenterView(root) {
    var route = root.dataset.route;
    var steps = Number(root.dataset.steps);
    var total = Number(root.dataset.total) * 60;
    var items = root.querySelectorAll(".cb-presenter__step");
    var channel = channelFor(route);
    var storeKey = "cb-training:" + route + ":start";
    var current = 0;
    var stepStart = Date.now();
    var connected = false;

    function $(role) { return root.querySelector("[data-role=" + role + "]"); }
    function pad(n) { return (n < 10 ? "0" : "") + n; }
    function mmss(seconds) {
      var s = Math.max(0, Math.floor(seconds));
      return Math.floor(s / 60) + ":" + pad(s % 60);
    }
    function sessionStart() {
      var saved = Number(window.localStorage.getItem(storeKey));
      if (!saved) { saved = Date.now(); window.localStorage.setItem(storeKey, String(saved)); }
      return saved;
    }

    function show(n) {
      n = Math.min(Math.max(n, 1), steps);
      if (n !== current) stepStart = Date.now();
      current = n;
      items.forEach(function (item) {
        item.classList.toggle("cb-presenter__step--current", Number(item.dataset.step) === n);
      });
      root.dataset.current = String(n);
      tick();
    }

    function tick() {
      var now = new Date();
      var item = items[current - 1];
      if (!item) return;
      var planned = Number(item.dataset.minutes) * 60;
      var stepElapsed = (Date.now() - stepStart) / 1000;
      var sessionElapsed = (Date.now() - sessionStart()) / 1000;
      $("clock").textContent = pad(now.getHours()) + ":" + pad(now.getMinutes());
      $("step-elapsed").textContent = mmss(stepElapsed);
      $("step-planned").textContent = mmss(planned);
      var stepTime = $("step-elapsed").parentNode;
      stepTime.classList.toggle("cb-presenter__over", stepElapsed > planned);
      stepTime.classList.toggle("cb-presenter__near", stepElapsed <= planned && stepElapsed > planned * 0.8);
      $("session-elapsed").textContent = mmss(sessionElapsed);
      $("session-elapsed").parentNode.classList.toggle("cb-presenter__over", sessionElapsed > total);
      var late = Math.round((sessionElapsed - stepElapsed) / 60 - Number(item.dataset.start));
      $("schedule").textContent = Math.abs(late) < 1 ? "· on time" :
        "· " + Math.abs(late) + " min " + (late > 0 ? "behind" : "ahead");
    }

    function go(n) {
      n = Math.min(Math.max(n, 1), steps);
      if (channel) channel.postMessage({ type: "go", step: n });
      show(n);
    }

    html.classList.add("cb-presenter--live");
    root.querySelector(".cb-presenter__clocks").hidden = false;
    $("status").textContent = "Waiting for the projector window: press Start presenting on the agenda, " +
      "or s on any step. Until then the buttons below move through the notes.";
    var fromHash = window.location.hash.match(/step=(\d+)/);
    show(fromHash ? Number(fromHash[1]) : 1);

    if (channel) {
      channel.onmessage = function (event) {
        var message = event.data || {};
        if (message.type !== "at" || typeof message.step !== "number") return;
        if (!connected) {
          connected = true;
          $("status").textContent = "Following the projector window.";
          $("status").classList.add("cb-presenter__status--live");
        }
        sessionStart();
        show(message.step);
      };
      channel.postMessage({ type: "hello" });
    } else {
      $("status").textContent = "This browser cannot link windows: use the buttons below to follow along.";
    }

    root.addEventListener("click", function (event) {
      var button = event.target.closest("[data-action]");
      if (!button) return;
      var action = button.dataset.action;
      if (action === "next") go(current + 1);
      else if (action === "prev") go(current - 1);
      else if (action === "restart") {
        window.localStorage.setItem(storeKey, String(Date.now()));
        stepStart = Date.now();
        tick();
      }
    });

    window.addEventListener("keydown", function (event) {
      if (isTyping(event)) return;
      var key = event.key;
      if (key === "ArrowRight" || key === "PageDown" || key === " ") go(current + 1);
      else if (key === "ArrowLeft" || key === "PageUp") go(current - 1);
      else if (key === "Home") go(1);
      else if (key === "End") go(steps);
      else return;
      event.preventDefault();
      event.stopImmediatePropagation();
    }, true);

    window.setInterval(tick, 1000);
  }

  /* ---------- Handout and guide ---------- */
  function printButtons() {
    document.querySelectorAll("[data-action=print]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
  }

  var step = document.querySelector(".cb-step-page");
  if (step) stepPage(step);
  var presenter = document.querySelector(".cb-presenter");
  if (presenter) presenterView(presenter);
  printButtons();
})();
