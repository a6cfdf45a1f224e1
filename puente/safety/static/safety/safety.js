/* Safety plan, in the browser: one step at a time, and the plan built right here.
 * What the person types never leaves this page, except when they ask for a PDF (the form's POST).
 * Without this script the form is one long page that the server turns into the plan and forgets. */
(function () {
  "use strict";
  var form = document.getElementById("plan-form");
  if (!form || !("content" in document.createElement("template"))) return;

  var steps = Array.prototype.slice.call(form.querySelectorAll("[data-step]"));
  var actions = form.querySelector("[data-actions]");
  var outputs = { show: document.getElementById("plan-output"), card: document.getElementById("card-output") };
  var current = 0;

  function button(text, className, onClick) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = className;
    b.textContent = text;
    b.addEventListener("click", onClick);
    return b;
  }

  function stepValid(step) {
    var fields = step.querySelectorAll("input, select, textarea");
    for (var i = 0; i < fields.length; i++) {
      if (!fields[i].checkValidity()) { fields[i].reportValidity(); return false; }
    }
    return true;
  }

  function show(index, focus) {
    current = index;
    steps.forEach(function (step, i) { step.toggleAttribute("data-hidden", i !== index); });
    actions.toggleAttribute("data-hidden", index !== steps.length - 1);
    if (focus) {
      var heading = steps[index].querySelector("legend h2");
      heading.setAttribute("tabindex", "-1");
      heading.focus();
      steps[index].scrollIntoView({ block: "start" });
    }
  }

  steps.forEach(function (step, i) {
    var nav = document.createElement("div");
    nav.className = "step-nav";
    if (i > 0) nav.appendChild(button(form.dataset.back, "back", function () { show(i - 1, true); }));
    if (i < steps.length - 1) {
      nav.appendChild(button(form.dataset.next, "next primary", function () {
        if (stepValid(step)) show(i + 1, true);
      }));
    }
    step.appendChild(nav);
  });
  // Enter in a field moves to the next step instead of submitting half a plan.
  form.addEventListener("keydown", function (event) {
    if (event.key !== "Enter" || event.target.tagName !== "INPUT" || current === steps.length - 1) return;
    event.preventDefault();
    if (stepValid(steps[current])) show(current + 1, true);
  });
  form.classList.add("stepped");
  show(0, false);

  function value(name) {
    var el = form.elements[name];
    if (!el || el.type === "checkbox") return "";
    if (el.tagName === "SELECT") return el.value ? el.options[el.selectedIndex].text.trim() : "";
    return el.value.trim();
  }

  function fill(templateId) {
    var root = document.getElementById(templateId).content.cloneNode(true);
    root.querySelectorAll("[data-field]").forEach(function (part) { part.textContent = value(part.dataset.field); });
    root.querySelectorAll("[data-row]").forEach(function (row) {
      var empty = !Array.prototype.some.call(row.querySelectorAll("[data-field]"), function (p) { return p.textContent; });
      var off = row.dataset.onlyIf && !form.elements[row.dataset.onlyIf].checked;
      if (empty || off) row.remove();
    });
    root.querySelectorAll("[data-section]").forEach(function (section) {
      if (!section.querySelector("[data-row]")) section.remove();
    });
    return root;
  }

  function render(kind) {
    var out = outputs[kind];
    var slot = out.querySelector("[data-slot]");
    slot.replaceChildren(fill(kind === "show" ? "plan-template" : "card-template"));
    form.hidden = true;
    document.body.classList.add("showing-output");
    outputs.show.hidden = kind !== "show";
    outputs.card.hidden = kind !== "card";
    var heading = slot.querySelector("h2") || out;
    heading.setAttribute("tabindex", "-1");
    heading.focus();
    window.scrollTo(0, 0);
  }

  function edit() {
    outputs.show.hidden = true;
    outputs.card.hidden = true;
    form.hidden = false;
    document.body.classList.remove("showing-output");
    show(current, true);
  }

  form.addEventListener("submit", function (event) {
    var action = event.submitter ? event.submitter.value : "show";
    // Only the PDFs go to the server, because only the server can make them.
    if (action === "show" || action === "card") {
      event.preventDefault();
      render(action);
    }
  });

  document.querySelectorAll(".output [data-do]").forEach(function (b) {
    b.addEventListener("click", function () {
      var what = b.dataset.do;
      if (what === "edit") edit();
      else if (what === "print") window.print();
      else render(what);
    });
  });
})();
