/* The calculator page: validate each input where it is typed, show the net result as a low,
   central and high range with its working, and keep the inputs in the URL. */
(function () {
  "use strict";
  var form = document.getElementById("cb-calculator");
  if (!form || !window.ChannelShift) return;
  var CS = window.ChannelShift;
  var KEYS = Object.keys(CS.DEFAULTS);
  var out = function (name) { return document.querySelector('[data-out="' + name + '"]'); };
  var answer = document.querySelector(".cb-calc__answer");
  var invalid = document.querySelector(".cb-calc__invalid");

  function readForm() {
    var params = new URLSearchParams();
    KEYS.forEach(function (key) { params.set(key, form.elements[key].value); });
    return CS.validate(params);
  }

  function showErrors(errors) {
    KEYS.forEach(function (key) {
      var input = form.elements[key];
      var message = document.getElementById("err-" + key);
      var error = errors[key];
      message.textContent = error || "";
      message.hidden = !error;
      if (error) input.setAttribute("aria-invalid", "true"); else input.removeAttribute("aria-invalid");
    });
  }

  function resultText(net) {
    var o = CS.outcome(net);
    return (o.kind === "cost" ? "Cost " : "Saving ") + CS.money(o.amount);
  }

  function show(inputs) {
    var range = CS.scenarios(inputs);
    var r = range.central;
    var headline = CS.outcome(r.net);
    out("label").textContent = headline.label;
    out("saving").textContent = CS.money(headline.amount);
    out("saving").className = "cb-calc__" + headline.kind;
    out("moved").textContent = CS.count(r.moved);
    ["low", "central", "high"].forEach(function (name) {
      var s = range[name];
      out(name).textContent = resultText(s.net);
      out(name + "-shares").textContent = CS.count(s.f2fShare) + "% and " + CS.count(s.phoneShare) + "%";
    });
    out("working-f2f").textContent = CS.count(inputs.f2f) + " face-to-face contacts × " + inputs.f2f_share +
      "% = " + CS.count(r.movedF2f) + " moved × (" + CS.money(inputs.cost_f2f) + " − " +
      CS.money(inputs.cost_digital) + ") = " + CS.money(r.savingF2f);
    out("working-phone").textContent = CS.count(inputs.phone) + " phone calls × " + inputs.phone_share +
      "% = " + CS.count(r.movedPhone) + " moved × (" + CS.money(inputs.cost_phone) + " − " +
      CS.money(inputs.cost_digital) + ") = " + CS.money(r.savingPhone);
    out("working-staff").textContent = "Gross saving " + CS.money(r.gross) + " − staffing the social channel " +
      CS.money(r.staff) + " = " + (r.net < 0 ? "a cost of " + CS.money(-r.net) : CS.money(r.net));
    out("before").textContent = CS.money(r.before);
    out("after").textContent = CS.money(r.after);
    out("link").href = "?" + CS.toQuery(inputs);
  }

  function update() {
    var checked = readForm();
    showErrors(checked.errors);
    var ok = Object.keys(checked.errors).length === 0;
    invalid.hidden = ok;
    answer.hidden = !ok;
    if (ok) {
      show(checked.inputs);
      window.history.replaceState(null, "", "?" + CS.toQuery(checked.inputs));
    }
  }

  function fill(inputs) {
    Object.keys(inputs).forEach(function (key) { form.elements[key].value = inputs[key]; });
  }

  fill(CS.parseInputs(new URLSearchParams(window.location.search)));
  update();
  form.addEventListener("input", update);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("click", function (event) {
    var button = event.target.closest("[data-prices]");
    if (!button) return;
    Object.keys(CS.SOURCE_COSTS).forEach(function (key) {
      var cost = CS.SOURCE_COSTS[key];
      form.elements[key].value = button.getAttribute("data-prices") === "source" ? cost : CS.adjusted(cost);
    });
    update();
  });
})();
