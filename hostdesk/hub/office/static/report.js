// The show report's chart: sign-ups per minute as bars, a coloured band per job on air.
// Apache ECharts is the hub's own copy (/static/vendor/echarts/); nothing comes from outside.
(function () {
  "use strict";
  var holder = document.getElementById("chart");
  var source = document.getElementById("report-data");
  if (!holder || !source || !window.echarts) return;
  var data = JSON.parse(source.textContent);
  var palette = ["#2563eb", "#ea580c", "#16a34a", "#9333ea", "#dc2626", "#0891b2", "#ca8a04",
    "#db2777", "#4d7c0f", "#7c3aed"];
  var colour = {};
  data.jobs.forEach(function (code, i) { colour[code] = palette[i % palette.length]; });
  function soft(hex) { return hex + "2e"; }
  function name(code) { return code + (data.titles[code] ? " " + data.titles[code] : ""); }

  // One colour for the bars: a sign-up counts for the job it names, which need not be the
  // job on air at that minute; the bands say what was on air.
  var bars = data.signups;
  var bands = data.bands.map(function (b) {
    return [
      { xAxis: data.minutes[Math.min(b.from, data.minutes.length - 1)], name: b.job,
        itemStyle: { color: soft(colour[b.job] || "#94a3b8") } },
      { xAxis: data.minutes[Math.min(b.to, data.minutes.length - 1)] }
    ];
  });
  var chart = window.echarts.init(holder, null, { renderer: "canvas" });
  chart.setOption({
    animation: false,
    grid: { left: 44, right: 16, top: 28, bottom: 40 },
    tooltip: {
      trigger: "axis",
      formatter: function (items) {
        var i = items[0].dataIndex;
        var job = data.onAir[i];
        // Plain text only: a job title is never markup.
        var div = document.createElement("div");
        div.textContent = data.minutes[i] + " · " + data.signups[i] + " · " + (job ? name(job) : data.labels.none);
        return div.innerHTML;
      }
    },
    xAxis: { type: "category", data: data.minutes, axisTick: { alignWithLabel: true } },
    yAxis: { type: "value", minInterval: 1, name: data.labels.signups, nameTextStyle: { align: "left" } },
    series: [{
      type: "bar", data: bars, barCategoryGap: "15%", itemStyle: { color: "#1d2b3a" },
      markArea: { silent: true, label: { show: true, position: "insideTop", color: "#334155", fontSize: 11 }, data: bands }
    }]
  });
  window.addEventListener("resize", function () { chart.resize(); });

  var legend = document.getElementById("chart-legend");
  data.jobs.forEach(function (code) {
    var li = document.createElement("li");
    var swatch = document.createElement("span");
    swatch.className = "swatch";
    swatch.style.background = colour[code];
    li.appendChild(swatch);
    li.appendChild(document.createTextNode(name(code)));
    legend.appendChild(li);
  });
  holder.dataset.drawn = "1";
})();
