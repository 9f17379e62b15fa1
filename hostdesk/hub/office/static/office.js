/* The back office's keyboard and in-place actions; every page also works without it.
   List: j/k or arrows move, Enter opens, r reveals, 1-4 call outcome, x selects, n next page.
   Lead: r reveals, 1-4 call outcome, n next in my queue, s the stage list. */
(function () {
  "use strict";
  var OUTCOMES = ["answered", "no_answer", "busy", "invalid"];

  function post(url, csrf, fields) {
    var body = new URLSearchParams();
    body.append("csrf", csrf);
    Object.keys(fields || {}).forEach(function (k) { body.append(k, fields[k]); });
    return fetch(url, {
      method: "POST", body: body, credentials: "same-origin",
      headers: { "Accept": "application/json" }
    }).then(function (r) {
      return r.json().then(function (data) {
        if (!r.ok) { throw new Error(data.error || String(r.status)); }
        return data;
      });
    });
  }

  function showRevealed(scope, data) {
    var name = scope.querySelector("[data-field=name]");
    var phone = scope.querySelector("[data-field=phone]");
    if (name) { name.textContent = data.name; }
    if (phone) {
      var a = document.createElement("a");
      a.href = "tel:" + data.phone;
      a.textContent = data.phone;
      a.className = "tel";
      phone.textContent = "";
      phone.appendChild(a);
    }
  }

  function typing(e) {
    var t = e.target;
    return t && (t.tagName === "INPUT" || t.tagName === "SELECT" || t.tagName === "TEXTAREA");
  }

  function list(table) {
    var csrf = table.getAttribute("data-csrf");
    var rows = Array.prototype.slice.call(table.querySelectorAll("tbody tr"));
    var at = 0;
    function mark(i) {
      if (!rows.length) { return; }
      at = Math.max(0, Math.min(rows.length - 1, i));
      rows.forEach(function (r, n) { r.classList.toggle("current", n === at); });
      rows[at].scrollIntoView({ block: "nearest" });
    }
    function reveal(row) {
      var id = row.getAttribute("data-id");
      var button = row.querySelector("button.reveal");
      if (!button) { return; }
      post("/office/leads/" + id + "/reveal", csrf).then(function (data) {
        showRevealed(row, data);
        button.remove();
      }, function (err) { window.alert(err.message); });
    }
    function call(row, outcome) {
      var id = row.getAttribute("data-id");
      post("/office/leads/" + id + "/call", csrf, { outcome: outcome }).then(function (data) {
        var stage = row.querySelector("[data-field=stage]");
        stage.textContent = data.stage_text;
        stage.className = "stage stage-" + data.stage;
        row.classList.remove("late");
      }, function (err) { window.alert(err.message); });
    }
    table.addEventListener("click", function (e) {
      var button = e.target.closest("button.reveal");
      if (button) { e.preventDefault(); reveal(button.closest("tr")); }
    });
    var all = document.getElementById("pick-all");
    if (all) {
      all.addEventListener("change", function () {
        rows.forEach(function (r) { r.querySelector("input[name=ids]").checked = all.checked; });
      });
    }
    mark(0);
    document.addEventListener("keydown", function (e) {
      if (typing(e) || e.ctrlKey || e.metaKey || e.altKey) { return; }
      var row = rows[at];
      if (e.key === "j" || e.key === "ArrowDown") { mark(at + 1); }
      else if (e.key === "k" || e.key === "ArrowUp") { mark(at - 1); }
      else if (e.key === "Enter" && row) { window.location = row.getAttribute("data-href"); }
      else if (e.key === "r" && row) { reveal(row); }
      else if (e.key === "x" && row) {
        var box = row.querySelector("input[name=ids]"); box.checked = !box.checked;
      } else if (e.key >= "1" && e.key <= "4" && row) { call(row, OUTCOMES[+e.key - 1]); }
      else if (e.key === "n") {
        var next = document.getElementById("next-page");
        if (next) { window.location = next.href; }
      } else { return; }
      e.preventDefault();
    });
  }

  function lead(box) {
    var csrf = box.getAttribute("data-csrf");
    var id = box.getAttribute("data-id");
    var button = document.getElementById("reveal");
    function reveal() {
      if (!button) { return; }
      post("/office/leads/" + id + "/reveal", csrf).then(function (data) {
        showRevealed(box, data);
        var slot = document.getElementById("tel-slot");
        var a = document.createElement("a");
        a.href = "tel:" + data.phone;
        a.id = "tel";
        a.className = "call-link primary";
        a.textContent = data.phone;
        slot.appendChild(a);
        button.closest("form").remove();
        button = null;
      }, function (err) { window.alert(err.message); });
    }
    if (button) {
      button.addEventListener("click", function (e) { e.preventDefault(); reveal(); });
    }
    document.addEventListener("keydown", function (e) {
      if (typing(e) || e.ctrlKey || e.metaKey || e.altKey) { return; }
      if (e.key === "r") { reveal(); }
      else if (e.key >= "1" && e.key <= "4") {
        var b = box.querySelector("button[data-key='" + e.key + "']");
        if (b) { b.click(); }
      } else if (e.key === "n") {
        var next = document.getElementById("next-lead");
        if (next) { window.location = next.href; }
      } else if (e.key === "s") {
        var to = document.getElementById("to"); if (to) { to.focus(); }
      } else { return; }
      e.preventDefault();
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var table = document.getElementById("leads");
    if (table) { list(table); }
    var box = document.getElementById("lead");
    if (box) { lead(box); }
  });
})();
