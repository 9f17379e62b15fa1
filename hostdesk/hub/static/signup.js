/* The sign-up page, progressively: checks each field as the viewer types or leaves it and
   blocks a submit while something is wrong. The rules are the server's (signup_form.py,
   checks.py, core/phone.py); the wording and limits come from the form's data-* attributes,
   so this file holds no message of its own. Without JavaScript the server says the same. */
(function () {
  "use strict";
  var form = document.querySelector("form.signup");
  if (!form) { return; }
  var messages = JSON.parse(form.getAttribute("data-messages"));
  var limits = JSON.parse(form.getAttribute("data-limits"));
  // As core/phone.py: separators people type between digit groups, after NFKC.
  var SEPARATORS = /[\s\-.()[\]{}【】〔〕〖〗「」『』‐‑‒–—―−﹣]/g;
  var FORMAT_CHARS = /\p{Cf}/gu;
  var CONTROL = /[\p{Cc}\p{Cs}]/u;
  var VISIBLE = /[^\p{Z}\p{C}]/u;
  var MOBILE = /^1[3-9][0-9]{9}$/;
  var PREFIXES = ["+86", "0086", "86"];

  function length(text) { return Array.from(text).length; }

  function phoneProblem(value) {
    var digits = (value || "").normalize("NFKC").replace(FORMAT_CHARS, "").replace(SEPARATORS, "");
    if (!digits) { return "phone_empty"; }
    for (var i = 0; i < PREFIXES.length; i++) {
      var p = PREFIXES[i];
      if (digits.indexOf(p) === 0 && digits.length - p.length === 11) {
        digits = digits.slice(p.length);
        break;
      }
    }
    return MOBILE.test(digits) ? null : "phone_not_mobile";
  }

  function textProblem(field, value, max, required) {
    var text = value.trim();
    if (CONTROL.test(text)) { return field + "_invalid_char"; }
    if (required && !VISIBLE.test(text)) { return field + "_missing"; }
    if (length(text) > max) { return field + "_too_long"; }
    return null;
  }

  function ageProblem(value) {
    var text = (value || "").normalize("NFKC").trim();
    if (!text) { return "age_missing"; }
    if (!/^[0-9]{1,3}$/.test(text)) { return "age_invalid"; }
    var age = parseInt(text, 10);
    if (age < limits["age-min"]) { return "age_under_16"; }
    if (age > limits["age-max"]) { return "age_out_of_range"; }
    return null;
  }

  var rules = {
    name: function (el) { return textProblem("name", el.value, limits["name-max"], true); },
    phone: function (el) { return phoneProblem(el.value); },
    age: function (el) { return ageProblem(el.value); },
    expected_city: function (el) {
      return textProblem("expected_city", el.value, limits["city-max"], false);
    },
    consent: function (el) { return el.checked ? null : "consent_missing"; }
  };

  function show(name, reason) {
    var box = form.querySelector('[data-field="' + name + '"]');
    var input = form.elements[name];
    var note = document.getElementById("err-" + name);
    var text = reason ? (messages[reason] || "") : "";
    if (note.textContent !== text) { note.textContent = text; }
    box.classList.toggle("invalid", Boolean(reason));
    if (reason) { input.setAttribute("aria-invalid", "true"); } else { input.removeAttribute("aria-invalid"); }
  }

  function check(name) {
    var reason = rules[name](form.elements[name]);
    show(name, reason);
    return reason;
  }

  Object.keys(rules).forEach(function (name) {
    var input = form.elements[name];
    var touched = input.getAttribute("aria-invalid") === "true";  // a server message is showing
    input.addEventListener("blur", function () { touched = true; check(name); });
    input.addEventListener(input.type === "checkbox" ? "change" : "input", function () {
      // While typing, a field is judged only once it was left once (or already wrong):
      // half a phone number is not an error yet.
      if (touched || input.type === "checkbox") { check(name); }
    });
  });

  form.addEventListener("submit", function (event) {
    var first = null;
    Object.keys(rules).forEach(function (name) {
      if (check(name) && !first) { first = form.elements[name]; }
    });
    if (first) {
      event.preventDefault();
      first.focus();
      return;
    }
    var button = form.querySelector(".submit");
    button.disabled = true;  // one tap, one sign-up (the server also ignores a repeat)
  });
}());
