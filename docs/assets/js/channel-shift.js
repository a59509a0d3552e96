/* The calculator page: read inputs, show the saving and its working, keep inputs in the URL. */
(function () {
  "use strict";
  var form = document.getElementById("cb-calculator");
  if (!form || !window.ChannelShift) return;
  var CS = window.ChannelShift;
  var out = function (name) { return document.querySelector('[data-out="' + name + '"]'); };

  function readForm() {
    var params = new URLSearchParams();
    Object.keys(CS.DEFAULTS).forEach(function (key) { params.set(key, form.elements[key].value); });
    return CS.parseInputs(params);
  }

  function show(inputs) {
    var r = CS.calculate(inputs);
    out("saving").textContent = CS.money(r.saving);
    out("moved").textContent = CS.count(r.moved);
    out("working-f2f").textContent = CS.count(inputs.f2f) + " face-to-face contacts × " + inputs.f2f_share +
      "% = " + CS.count(r.movedF2f) + " moved × (" + CS.money(inputs.cost_f2f) + " − " +
      CS.money(inputs.cost_digital) + ") = " + CS.money(r.savingF2f);
    out("working-phone").textContent = CS.count(inputs.phone) + " phone calls × " + inputs.phone_share +
      "% = " + CS.count(r.movedPhone) + " moved × (" + CS.money(inputs.cost_phone) + " − " +
      CS.money(inputs.cost_digital) + ") = " + CS.money(r.savingPhone);
    out("before").textContent = CS.money(r.before);
    out("after").textContent = CS.money(r.after);
    out("link").href = "?" + CS.toQuery(inputs);
  }

  function fill(inputs) {
    Object.keys(inputs).forEach(function (key) { form.elements[key].value = inputs[key]; });
  }

  var initial = CS.parseInputs(new URLSearchParams(window.location.search));
  fill(initial);
  show(initial);
  form.addEventListener("input", function () {
    var inputs = readForm();
    show(inputs);
    window.history.replaceState(null, "", "?" + CS.toQuery(inputs));
  });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
})();
