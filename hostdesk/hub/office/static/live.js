// The live show view: asks /office/live/data every second and redraws the figures.
// Text goes in through textContent only: a name or a job title is never markup.
(function () {
  "use strict";
  var root = document.getElementById("live");
  if (!root) return;
  var url = "/office/live/data?show=" + encodeURIComponent(root.dataset.show);
  var busy = false;

  function cell(row, value, cls, href) {
    var td = document.createElement("td");
    if (cls) td.className = cls;
    if (href) {
      var a = document.createElement("a");
      a.href = href;
      a.textContent = value;
      td.appendChild(a);
    } else if (value && typeof value === "object") {
      var strong = document.createElement("strong");
      strong.textContent = value.code;
      td.appendChild(strong);
      td.appendChild(document.createTextNode(" " + (value.title || "")));
    } else {
      td.textContent = value;
    }
    row.appendChild(td);
  }

  function rows(id, items, fill, empty) {
    var body = document.getElementById(id);
    var fresh = document.createDocumentFragment();
    items.forEach(function (item) {
      var tr = document.createElement("tr");
      fill(tr, item);
      fresh.appendChild(tr);
    });
    if (!items.length && empty) {
      var tr = document.createElement("tr");
      var td = document.createElement("td");
      td.colSpan = 5;
      td.className = "muted";
      td.textContent = empty;
      tr.appendChild(td);
      fresh.appendChild(tr);
    }
    body.replaceChildren(fresh);
  }

  function draw(data) {
    document.getElementById("total").textContent = data.total;
    document.getElementById("waiting").textContent = data.waiting;
    document.getElementById("updated").textContent = data.updated;
    var air = document.getElementById("on-air");
    var list = document.createDocumentFragment();
    data.on_air.forEach(function (a) {
      var li = document.createElement("li");
      var strong = document.createElement("strong");
      strong.textContent = a.code;
      li.appendChild(strong);
      li.appendChild(document.createTextNode(" " + a.title + " "));
      var note = document.createElement("span");
      note.className = "muted";
      note.textContent = a.device + " · " + root.dataset.since + " " + a.since;
      li.appendChild(note);
      list.appendChild(li);
    });
    if (!data.on_air.length) {
      var li = document.createElement("li");
      li.className = "muted";
      li.textContent = root.dataset.nothing;
      list.appendChild(li);
    }
    air.replaceChildren(list);
    rows("per-job", data.jobs, function (tr, j) {
      cell(tr, j);
      cell(tr, j.count, "num");
      cell(tr, j.waiting, "num");
    });
    rows("per-device", data.devices, function (tr, d) {
      cell(tr, d.device);
      cell(tr, d.count, "num");
    });
    rows("newest", data.newest, function (tr, n) {
      cell(tr, n.at);
      cell(tr, n.name, "", "/office/leads/" + n.id);
      cell(tr, n);
      cell(tr, n.device);
      cell(tr, n.stage);
    }, root.dataset.none);
  }

  function tick() {
    if (busy) return;
    busy = true;
    fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (r) {
        if (r.status === 401) { window.location.assign("/office/login"); throw new Error("login"); }
        if (!r.ok) throw new Error(String(r.status));
        return r.json();
      })
      .then(function (data) {
        draw(data);
        document.getElementById("status").textContent = "";
        root.dataset.polls = String(Number(root.dataset.polls || 0) + 1);
      })
      .catch(function () { document.getElementById("status").textContent = root.dataset.lost; })
      .finally(function () { busy = false; });
  }

  window.setInterval(tick, 1000);
})();
