/* The calculator page: validate each input where it is typed, show the net result as a low,
   central and high range with its working, keep the inputs in the URL, keep the latest result in
   local storage ("cb-calculator-result", read by the pilot planner) and send it to the briefing
   builder as a local figure. */
(() => {
  "use strict";
  const form = document.getElementById("cb-calculator");
  if (!form || !window.ChannelShift) return;
  const CS = window.ChannelShift;
  const KEYS = Object.keys(CS.DEFAULTS);
  const H = window.cbHelpers;
  const out = (name) => document.querySelector(`[data-out="${name}"]`);
  const answer = document.querySelector(".cb-calc__answer");
  const invalid = document.querySelector(".cb-calc__invalid");
  const result = document.getElementById("cb-calc-result");
  const sticky = document.querySelector(".cb-calc__sticky");
  const briefing = out("send").getAttribute("href");

  function readForm() {
    const params = new URLSearchParams();
    KEYS.forEach((key) => {
      params.set(key, form.elements[key].value);
    });
    return CS.validate(params);
  }

  function showErrors(errors) {
    KEYS.forEach((key) => {
      const input = form.elements[key];
      const message = document.getElementById(`err-${key}`);
      const error = errors[key];
      message.textContent = error || "";
      message.hidden = !error;
      if (error) input.setAttribute("aria-invalid", "true");
      else input.removeAttribute("aria-invalid");
    });
  }

  function resultText(net) {
    const o = CS.outcome(net);
    return (o.kind === "cost" ? "Cost " : "Saving ") + CS.money(o.amount);
  }

  /* One line of the working, or hidden when that channel moves nothing (no "0 … = £0" line). */
  function working(name, text) {
    out(name).hidden = !text;
    out(name).textContent = text || "";
  }

  function showWorking(inputs, r) {
    const reply = `${CS.money(inputs.cost_social)} a social reply`;
    // One channel's line, or nothing when none of its contacts move (zero lines are left out).
    const moved = (volume, noun, share, count, cost, saving) =>
      count
        ? `${CS.count(volume)} ${noun} × ${share}% = ${CS.count(count)} moved × (${CS.money(cost)} − ${reply}) = ${CS.money(saving)}`
        : "";
    working(
      "working-f2f",
      moved(inputs.f2f, "face-to-face visits", inputs.f2f_share, r.movedF2f, inputs.cost_f2f, r.savingF2f),
    );
    working(
      "working-phone",
      moved(inputs.phone, "phone calls", inputs.phone_share, r.movedPhone, inputs.cost_phone, r.savingPhone),
    );
    working(
      "working-staff",
      r.staff
        ? "Gross saving " +
            CS.money(r.gross) +
            " − staffing the social channel " +
            CS.money(r.staff) +
            " = " +
            (r.net < 0 ? `a cost of ${CS.money(-r.net)}` : CS.money(r.net))
        : "",
    );
  }

  function show(inputs) {
    const range = CS.scenarios(inputs);
    const r = range.central;
    const headline = CS.outcome(r.net);
    out("label").textContent = headline.label;
    out("saving").textContent = CS.money(headline.amount);
    out("saving").className = `cb-calc__${headline.kind}`;
    out("sticky-label").textContent = headline.label;
    out("sticky").textContent = CS.money(headline.amount);
    out("moved").textContent = CS.count(r.moved);
    ["low", "central", "high"].forEach((name) => {
      out(name).textContent = resultText(range[name].net);
      out(`${name}-shares`).textContent = CS.sharesText(inputs, range[name]);
    });
    showWorking(inputs, r);
    out("before").textContent = CS.money(r.before);
    out("after").textContent = CS.money(r.after);
    out("link").href = `?${CS.toQuery(inputs)}`;
    const figure = CS.briefingFigure(inputs);
    out("send").href =
      `${briefing}?${new URLSearchParams({ f1: figure.value, m1: figure.measure, r1: figure.from }).toString()}`;
  }

  function remember(inputs) {
    const link = `${window.location.origin + window.location.pathname}?${CS.toQuery(inputs)}`;
    H.writeJson(H.KEYS.calculator, CS.summary(inputs, link));
  }

  function update() {
    const checked = readForm();
    showErrors(checked.errors);
    const ok = Object.keys(checked.errors).length === 0;
    invalid.hidden = ok;
    answer.hidden = !ok;
    if (ok) {
      show(checked.inputs);
      remember(checked.inputs);
      window.history.replaceState(null, "", `?${CS.toQuery(checked.inputs)}`);
    }
    return ok;
  }

  function fill(inputs) {
    Object.keys(inputs).forEach((key) => {
      form.elements[key].value = inputs[key];
    });
  }

  /* On a narrow screen the result sits below the form: a bar at the foot of the screen shows the
     headline while the result itself is out of view, and takes the reader to it. */
  if (sticky && "IntersectionObserver" in window) {
    new IntersectionObserver((entries) => {
      sticky.hidden = entries[0].isIntersecting || window.matchMedia("(min-width: 60em)").matches;
    }).observe(result);
  }

  fill(CS.parseInputs(new URLSearchParams(window.location.search)));
  update();
  form.addEventListener("input", update);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (update()) result.scrollIntoView({ block: "start" });
  });
  form.addEventListener("click", (event) => {
    const button = event.target.closest("[data-prices]");
    if (!button) return;
    const set = CS.prices(button.getAttribute("data-prices"));
    Object.keys(set).forEach((key) => {
      form.elements[key].value = set[key];
    });
    update();
  });
})();
