// nsgflow report: lays the page out from the data nsgflow wrote into #report-data. The data are the
// reporters' tables as their JSON output has them (columns, rows, and how many rows there were in
// all); sections name a kind drawn here and the tables they draw. Nothing is fetched: the chart
// library (Apache ECharts) is inlined above this script.
(function () {
  "use strict";

  var DATA = JSON.parse(document.getElementById("report-data").textContent);
  var META = DATA.meta;
  /** Rows a ranking's chart draws; its table shows every row kept. */
  var CHART_ROWS = 10;
  var charts = [];

  // ---- numbers -------------------------------------------------------------------------------

  var EXACT = new Intl.NumberFormat("en-US");
  function exact(n) { return n == null ? "" : EXACT.format(n); }

  /** 1,234 below ten thousand; then 12.3 k, 4.56 M, 7.8 G: three significant digits. */
  function count(n) {
    if (n == null) { return "–"; }
    var abs = Math.abs(n);
    if (abs < 10000) { return EXACT.format(n); }
    var units = [["T", 1e12], ["G", 1e9], ["M", 1e6], ["k", 1e3]];
    for (var i = 0; i < units.length; i++) {
      if (abs >= units[i][1]) { return significant(n / units[i][1]) + " " + units[i][0]; }
    }
    return EXACT.format(n);
  }

  /** Decimal units (1 kB = 1000 B), as network counters are read. */
  function bytes(n) {
    if (n == null) { return "–"; }
    var abs = Math.abs(n);
    if (abs < 1000) { return EXACT.format(n) + " B"; }
    var units = [["TB", 1e12], ["GB", 1e9], ["MB", 1e6], ["kB", 1e3]];
    for (var i = 0; i < units.length; i++) {
      if (abs >= units[i][1]) { return significant(n / units[i][1]) + " " + units[i][0]; }
    }
    return EXACT.format(n) + " B";
  }

  function significant(x) {
    var abs = Math.abs(x);
    return abs >= 100 ? x.toFixed(0) : abs >= 10 ? x.toFixed(1) : x.toFixed(2);
  }

  function isNumber(c) { return c.type === "integer" || c.type === "decimal"; }

  /** A quantity (a count, bytes, a share), as opposed to a number that names something (a port). */
  function isQuantity(c) { return isNumber(c) && c.measure !== "none"; }

  /**
   * How a cell reads, and its exact text for hovering, by the column's type and what its numbers
   * measure: counts as 12.3 k, bytes as 4.5 MB, shares as 12.3%, identifiers (ports) as they are.
   */
  function cellText(c, value) {
    if (value == null) { return { text: "–", exact: "" }; }
    if (c.measure === "bytes") { return { text: bytes(value), exact: exact(value) + " bytes" }; }
    if (c.measure === "count") { return { text: count(value), exact: exact(value) }; }
    if (c.measure === "fraction") { return { text: (100 * value).toFixed(1) + "%", exact: Math.round(value * 100000) / 1000 + "%" }; }
    if (c.type === "boolean") { return { text: value ? "yes" : "no", exact: "" }; }
    if (c.type === "instant") { var d = parseTime(value); return { text: timeText(d, d.getUTCSeconds() !== 0), exact: value }; }
    if (c.type === "list") { var all = listText(c, value); return { text: all, exact: all }; }
    return { text: String(value), exact: "" };
  }

  function listSize(list) { return Array.isArray(list) ? list.length : list.items.length + list.more; }

  /** A list cell as one line: values joined; records as their fields, a port and its protocol as 443/TCP. */
  function listText(c, list) {
    var items = Array.isArray(list) ? list : list.items; // a long list comes as its first items and how many more
    var more = Array.isArray(list) ? 0 : list.more;
    return items.map(function (item) {
      if (c.items.length === 1 && c.items[0].name === "") { return String(item); }
      var fields = c.items.map(function (f) { return f.name; });
      var parts = fields.map(function (f) { return item[f] == null ? "–" : String(item[f]); });
      if (fields[1] === "protocol") { parts.splice(0, 2, parts[0] + "/" + parts[1]); }
      return parts.join(" ");
    }).join(", ") + (more ? ", and " + exact(more) + " more" : "");
  }

  // ---- times ---------------------------------------------------------------------------------

  function parseTime(text) { return text ? new Date(text) : null; }

  /** 2024-05-14 09:05 UTC; seconds only when they are not zero. */
  function timeText(date, withSeconds) {
    if (!date) { return "–"; }
    var iso = date.toISOString();
    return iso.slice(0, 10) + " " + iso.slice(11, withSeconds ? 19 : 16) + " UTC";
  }

  function spanText(ms) {
    var minutes = Math.round(ms / 60000);
    if (minutes < 1) { return Math.round(ms / 1000) + " s"; }
    if (minutes < 120) { return minutes + " min"; }
    var hours = minutes / 60;
    if (hours < 72) { return significant(hours) + " h"; }
    return significant(hours / 24) + " days";
  }

  function bucketText(ms) {
    if (ms % 86400000 === 0) { return ms / 86400000 === 1 ? "day" : ms / 86400000 + " days"; }
    if (ms % 3600000 === 0) { return ms / 3600000 === 1 ? "hour" : ms / 3600000 + " hours"; }
    return ms / 60000 === 1 ? "minute" : ms / 60000 + " minutes";
  }

  // ---- data ----------------------------------------------------------------------------------

  function table(name) { return DATA.tables[name] || null; }

  /** The rows of a table as objects keyed by column name. */
  function records(t) {
    if (!t) { return []; }
    return t.rows.map(function (row) {
      var r = {};
      t.columns.forEach(function (c, i) { r[c.name] = row[i]; });
      return r;
    });
  }

  /** The columns that say what a row is about (an address, a port and protocol, a rule): everything but quantities. */
  function keyColumns(t) { return t.columns.filter(function (c) { return !isQuantity(c) && c.type !== "list"; }); }

  /** How a key reads: 443/TCP, 10.0.0.4 → 10.0.0.5, inbound allow. */
  function keyText(t, r) {
    var keys = keyColumns(t).map(function (c) { return c.name; });
    var values = keys.map(function (k) { return r[k] == null ? "–" : String(r[k]); });
    if (keys.length === 2 && keys[1] === "protocol") { return values[0] + "/" + values[1]; }
    var columns = keyColumns(t);
    if (columns.length === 2 && columns[0].type === "address" && columns[1].type === "address") { return values[0] + " → " + values[1]; }
    return values.join(" ");
  }

  /** The summary's overview: one record of what was read and seen. */
  function overview() { return records(table("overview"))[0] || {}; }

  // ---- elements ------------------------------------------------------------------------------

  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (attrs[k] == null) { return; }
      if (k === "text") { e.textContent = attrs[k]; } else if (k === "class") { e.className = attrs[k]; } else { e.setAttribute(k, attrs[k]); }
    });
    (children || []).forEach(function (c) { if (c) { e.appendChild(typeof c === "string" ? document.createTextNode(c) : c); } });
    return e;
  }

  function css(name) { return getComputedStyle(document.documentElement).getPropertyValue(name).trim(); }

  // ---- tables --------------------------------------------------------------------------------

  /**
   * A table that sorts by any column (click a heading; again to reverse). Numbers show readable,
   * with the exact value in the cell's title and data-value.
   */
  function dataTable(t, options) {
    options = options || {};
    var columns = t.columns.filter(function (c) { return !(options.hide || []).includes(c.name); });
    var rows = t.rows.map(function (row) {
      var r = {};
      t.columns.forEach(function (c, i) { r[c.name] = row[i]; });
      return r;
    });
    var tbody = el("tbody");
    var heads = columns.map(function (c) {
      var th = el("th", { scope: "col", class: isNumber(c) ? "num" : null, "data-column": c.name },
        [el("button", { type: "button", text: c.name })]);
      th.addEventListener("click", function () { sortBy(c, th); });
      return th;
    });
    var sorted = { column: null, descending: false };

    function render() {
      tbody.textContent = "";
      rows.forEach(function (r) {
        tbody.appendChild(el("tr", {}, columns.map(function (c) {
          var shown = cellText(c, r[c.name]);
          var value = r[c.name];
          return el("td", {
            class: isNumber(c) ? "num" : "key",
            "data-column": c.name,
            "data-value": value == null ? null : c.type === "list" ? JSON.stringify(value) : String(value),
            title: shown.exact || (isNumber(c) ? null : shown.text),
            text: shown.text
          });
        })));
      });
    }

    function sortBy(c, th) {
      var descending = sorted.column === c.name ? !sorted.descending : isQuantity(c); // quantities largest first
      sorted = { column: c.name, descending: descending };
      rows.sort(function (a, b) {
        var x = a[c.name], y = b[c.name];
        if (x == null || y == null) { return x == null ? (y == null ? 0 : 1) : -1; } // nulls last either way
        var order = typeof x === "number" ? x - y : c.type === "list" ? listSize(x) - listSize(y)
          : String(x).localeCompare(String(y), "en", { numeric: true });
        return descending ? -order : order;
      });
      heads.forEach(function (h) { h.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", descending ? "descending" : "ascending");
      render();
    }

    render();
    var tableEl = el("table", { class: "data", id: options.id ? "table-" + options.id : null }, [
      el("thead", {}, [el("tr", {}, heads)]), tbody]);
    return el("div", { class: "table-wrap" }, [tableEl]);
  }

  function moreNote(t, what, command) {
    if (!t || t.total <= t.rows.length) { return null; }
    return el("p", { class: "more", text: "Showing " + exact(t.rows.length) + " of " + exact(t.total) + " " + what
      + (command ? "; " + command + " lists them all." : ".") });
  }

  // ---- charts --------------------------------------------------------------------------------

  /** A chart drawn by {@code option()}, redrawn when the colour scheme or the size changes. */
  function chart(container, name, option) {
    var box = el("div", { class: "chart " + (option.size || ""), "data-chart": name, role: "img", "aria-label": option.describe });
    if (option.height) { box.style.height = option.height + "px"; }
    container.appendChild(box);
    charts.push({ box: box, option: option.build, describe: option.describe, instance: null });
    return box;
  }

  function drawCharts() {
    var theme = {
      ink: css("--ink"), muted: css("--muted"), rule: css("--rule"), panel: css("--panel"),
      allowed: css("--allowed"), denied: css("--denied"), bytes: css("--bytes"), track: css("--bar-track")
    };
    charts.forEach(function (c) {
      if (c.instance) { c.instance.dispose(); }
      c.instance = echarts.init(c.box, null, { renderer: "svg" });
      var option = c.option(theme);
      option.animation = false;
      option.backgroundColor = "transparent";
      option.textStyle = { color: theme.ink, fontFamily: getComputedStyle(document.body).fontFamily };
      option.aria = { enabled: true, label: { description: c.describe } }; // the tables beside say the rest
      c.instance.setOption(option);
    });
    document.body.setAttribute("data-charts-drawn", String(charts.length));
  }

  function tooltipStyle(theme) {
    return {
      confine: true, backgroundColor: theme.panel, borderColor: theme.rule, textStyle: { color: theme.ink, fontSize: 12 },
      extraCssText: "box-shadow: 0 4px 14px rgba(0,0,0,.18); border-radius: 8px;"
    };
  }

  function axisStyle(theme) {
    return {
      axisLine: { lineStyle: { color: theme.rule } }, axisTick: { show: false },
      axisLabel: { color: theme.muted }, splitLine: { lineStyle: { color: theme.rule, type: "dashed" } }
    };
  }

  function tip(label, value, unit, color) {
    return (color ? '<span class="swatch" style="background:' + color + '"></span>' : "")
      + label + ": <b>" + exact(value) + "</b>" + (unit ? " " + unit : "");
  }

  function escapeText(s) {
    return String(s).replace(/[&<>"]/g, function (ch) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[ch]; });
  }

  /** Horizontal bars of flows, allowed and denied stacked, largest on top. */
  function flowBars(t, rows, labelOf, what, labelWidth) {
    var shown = rows.slice(0, CHART_ROWS).reverse();
    return {
      describe: "Bar chart of the " + shown.length + " " + what + " with the most flows, allowed and denied; the table beside it has the numbers.",
      height: 56 + shown.length * 28,
      build: function (theme) {
        return {
          grid: { left: 8, right: 24, top: 26, bottom: 8, containLabel: true },
          legend: { top: 0, right: 0, itemWidth: 10, itemHeight: 10, textStyle: { color: theme.muted } },
          tooltip: Object.assign(tooltipStyle(theme), {
            trigger: "axis", axisPointer: { type: "shadow" },
            formatter: function (items) {
              var r = shown[items[0].dataIndex];
              return "<b>" + escapeText(labelOf(r)) + "</b><br>" + tip("flows", r.flows) + "<br>"
                + tip("allowed", r.allowed, "", theme.allowed) + "<br>" + tip("denied", r.denied, "", theme.denied) + "<br>"
                + tip("tuples", r.tuples) + "<br>" + tip("packets", r.packets) + "<br>" + tip("bytes", r.bytes);
            }
          }),
          xAxis: Object.assign(axisStyle(theme), { type: "value", axisLabel: { color: theme.muted, formatter: count } }),
          yAxis: Object.assign(axisStyle(theme), {
            type: "category", data: shown.map(labelOf),
            axisLabel: { color: theme.ink, fontFamily: css("--mono"), fontSize: 11, width: labelWidth || 230, overflow: "truncate" }
          }),
          series: [
            { name: "allowed", type: "bar", stack: "flows", data: shown.map(function (r) { return r.allowed; }), color: theme.allowed, barMaxWidth: 22 },
            { name: "denied", type: "bar", stack: "flows", data: shown.map(function (r) { return r.denied; }), color: theme.denied, barMaxWidth: 22 }
          ]
        };
      }
    };
  }

  // ---- sections ------------------------------------------------------------------------------

  function header() {
    var o = overview();
    var first = parseTime(o.first), last = parseTime(o.last);
    var head = document.getElementById("masthead");
    head.appendChild(el("p", { class: "kicker", text: "nsgflow report" }));
    head.appendChild(el("h1", { text: META.title === "nsgflow report"
      ? (first ? "Flow logs, " + timeText(first) + " to " + timeText(last) : "Flow logs: no traffic matched")
      : META.title }));

    var facts = el("dl", { class: "facts" });
    function fact(label, content, id) { facts.appendChild(el("div", { "data-fact": id }, [el("dt", { text: label }), el("dd", {}, [].concat(content))])); }
    fact("Time range", first ? timeText(first, true) + " – " + timeText(last, true) + " (" + spanText(last - first) + ")" : "no tuples", "range");
    var inputs = META.inputs || [];
    var list = el("details", {}, [el("summary", { text: exact(META.inputCount) + (META.inputCount === 1 ? " input" : " inputs") }),
      el("ul", {}, inputs.map(function (n) { return el("li", { text: n }); })
        .concat(META.inputCount > inputs.length ? [el("li", { text: "and " + exact(META.inputCount - inputs.length) + " more" })] : []))]);
    fact("Inputs", [list, el("div", { class: "sub", text: exact(o.records) + " records, " + exact(o.tuplesRead) + " tuples read"
      + (o.unreadableInputs ? "; " + exact(o.unreadableInputs) + " could not be opened" : "") })], "inputs");
    var named = el("div");
    ["nsgs", "acls"].forEach(function (k) {
      var list = o[k] || [];
      var names = Array.isArray(list) ? list : list.items.concat(["and " + exact(list.more) + " more"]);
      if (!names.length) { return; }
      var n = listSize(list);
      var what = exact(n) + (k === "nsgs" ? " NSG" : " ACL") + (n === 1 ? "" : "s");
      // NSG names are short and read at a glance, up to a point; VNet ACL ids are long paths and GUIDs, so they fold away
      named.appendChild(k === "nsgs" && names.length <= 12
        ? el("div", {}, [what + ": "].concat(names.map(function (n) { return el("span", { class: "chip", text: n }); })))
        : el("details", {}, [el("summary", { text: what }), el("ul", {}, names.map(function (n) { return el("li", { text: n }); }))]));
    });
    if (o.rules) { named.appendChild(el("div", { class: "sub", text: exact(listSize(o.rules)) + " rules, " + exact(listSize(o.macs || [])) + " network interfaces" })); }
    fact("NSGs and flow logs", named.childNodes.length ? named : "none named", "nsgs");
    var filters = META.filters || [];
    fact("Filters", filters.length ? filters.map(function (f) { return el("span", { class: "chip", text: f }); }) : "none: all traffic", "filters");
    fact("Made", timeText(parseTime(META.generated)) + " by " + META.version, "generated");
    head.appendChild(facts);
  }

  function cards(section, body) {
    var o = overview();
    var flows = o.flows || 0, denied = o.denied || 0, allowed = o.allowed || 0;
    var traffic = {};
    records(table("traffic")).forEach(function (r) { traffic[r.way] = r; });
    var grid = el("div", { class: "cards" });
    function card(id, label, value, format, detail, extra) {
      var shown = format(value);
      grid.appendChild(el("div", { class: "panel card", "data-card": id }, [
        el("div", { class: "label", text: label }),
        el("div", { class: "value", "data-value": String(value), title: exact(value) + (format === bytes ? " bytes" : ""), text: shown }),
        detail ? el("div", { class: "detail" }, [].concat(detail)) : null, extra]));
    }
    var split = flows > 0 ? el("div", { class: "split", title: exact(allowed) + " allowed, " + exact(denied) + " denied" }, [
      el("span", { style: "width:" + (100 * allowed / flows) + "%;background:var(--allowed)" }),
      el("span", { style: "width:" + (100 * denied / flows) + "%;background:var(--denied)" })]) : null;
    card("flows", "Flows", flows, count, [el("span", { class: "allowed", title: exact(allowed), text: count(allowed) + " allowed" }), " · ",
      el("span", { class: "denied", title: exact(denied), text: count(denied) + " denied" })], split);
    card("denied", "Denied flows", denied, count, flows > 0 ? (100 * denied / flows).toFixed(1) + "% of flows" : null);
    card("tuples", "Tuples", o.tuples || 0, count, o.tuples !== o.tuplesRead
      ? "of " + count(o.tuplesRead) + " read: after filters, without malformed ones" : "flow-tuple lines counted");
    var out = traffic.srcToDst || {}, back = traffic.dstToSrc || {};
    card("bytesSrcToDst", "Bytes, source to destination", out.bytes || 0, bytes, count(out.packets || 0) + " packets");
    card("bytesDstToSrc", "Bytes, destination to source", back.bytes || 0, bytes, count(back.packets || 0) + " packets");
    var sources = table("topSources"), destinations = table("topDestinations");
    card("sources", "Distinct sources", sources ? sources.total : 0, count, null);
    card("destinations", "Distinct destinations", destinations ? destinations.total : 0, count, null);
    var skipped = records(table("skipped"));
    if (skipped.length) {
      var problems = skipped.reduce(function (s, r) { return s + r.count; }, 0);
      card("skipped", "Skipped while reading", problems, count, skipped.map(function (r) { return r.problem + ": " + exact(r.count); }).join("; "));
      grid.lastChild.classList.add("denied");
    }
    body.appendChild(grid);
  }

  function timeline(section, body) {
    var t = table("timeline");
    var rows = records(t);
    var panel = el("div", { class: "panel", "data-ranking": "timeline", "data-total": String(t.total), "data-bucket": String(META.bucket) });
    body.appendChild(panel);
    panel.appendChild(el("h3", { text: "Flows and bytes per " + bucketText(META.bucket) }));
    panel.appendChild(el("p", { class: "sub", text: exact(t.total) + " buckets of " + bucketText(META.bucket)
      + "; hover for exact values" + (t.total > rows.length ? ". The first " + exact(rows.length) + " are drawn" : "") }));
    if (!rows.length) { panel.appendChild(el("p", { class: "empty", text: "No traffic matched." })); return; }
    var times = rows.map(function (r) { return parseTime(r.time); });
    var multiDay = times[0].toISOString().slice(0, 10) !== times[times.length - 1].toISOString().slice(0, 10);
    var labels = times.map(function (d) {
      var iso = d.toISOString();
      return multiDay ? iso.slice(5, 10) + (META.bucket < 86400000 ? " " + iso.slice(11, 16) : "") : iso.slice(11, 16);
    });
    chart(panel, "timeline", {
      size: "timeline",
      describe: "Flows (allowed and denied) and bytes per " + bucketText(META.bucket) + "; the numbers are in the table below.",
      build: function (theme) {
        var axis = axisStyle(theme);
        return {
          legend: { top: 0, right: 0, itemWidth: 10, itemHeight: 10, textStyle: { color: theme.muted } },
          axisPointer: { link: [{ xAxisIndex: "all" }] },
          tooltip: Object.assign(tooltipStyle(theme), {
            trigger: "axis", axisPointer: { type: "line" },
            formatter: function (items) {
              var r = rows[items[0].dataIndex];
              return "<b>" + timeText(times[items[0].dataIndex]) + "</b> (" + bucketText(META.bucket) + ")<br>"
                + tip("flows", r.flows) + "<br>" + tip("allowed", r.allowed, "", theme.allowed) + "<br>"
                + tip("denied", r.denied, "", theme.denied) + "<br>" + tip("tuples", r.tuples) + "<br>"
                + tip("packets", r.packets) + "<br>" + tip("bytes", r.bytes, "", theme.bytes);
            }
          }),
          grid: [{ left: 8, right: 16, top: 30, height: "44%", containLabel: true },
            { left: 8, right: 16, top: "64%", bottom: 8, containLabel: true }],
          xAxis: [Object.assign({}, axis, { type: "category", data: labels, gridIndex: 0, axisLabel: { show: false } }),
            Object.assign({}, axis, { type: "category", data: labels, gridIndex: 1 })],
          yAxis: [Object.assign({}, axis, { type: "value", gridIndex: 0, name: "flows", nameTextStyle: { color: theme.muted, align: "left" }, axisLabel: { color: theme.muted, formatter: count } }),
            Object.assign({}, axis, { type: "value", gridIndex: 1, name: "bytes", nameTextStyle: { color: theme.muted, align: "left" }, axisLabel: { color: theme.muted, formatter: bytes } })],
          series: [
            { name: "allowed", type: "bar", stack: "flows", data: rows.map(function (r) { return r.allowed; }), color: theme.allowed, xAxisIndex: 0, yAxisIndex: 0, barCategoryGap: "20%" },
            { name: "denied", type: "bar", stack: "flows", data: rows.map(function (r) { return r.denied; }), color: theme.denied, xAxisIndex: 0, yAxisIndex: 0 },
            { name: "bytes", type: "line", data: rows.map(function (r) { return r.bytes; }), color: theme.bytes, xAxisIndex: 1, yAxisIndex: 1,
              showSymbol: rows.length < 40, symbolSize: 4, areaStyle: { opacity: 0.18 }, lineStyle: { width: 1.5 } }
          ]
        };
      }
    });
    var raw = el("details", { class: "raw" }, [el("summary", { text: "The numbers, bucket by bucket" })]);
    raw.appendChild(dataTable(t, { id: "timeline" }));
    panel.appendChild(raw);
  }

  function rankings(section, body) {
    var stack = el("div", { class: "stack" });
    body.appendChild(stack);
    Object.keys(section.tables).forEach(function (name) {
      var t = table(name);
      if (!t) { return; }
      var rows = records(t);
      var panel = el("div", { class: "panel", "data-ranking": name, "data-total": String(t.total) });
      stack.appendChild(panel);
      panel.appendChild(el("h3", { text: section.tables[name] }));
      panel.appendChild(el("p", { class: "sub", text: t.total === 0 ? "none"
        : "Top " + exact(Math.min(CHART_ROWS, rows.length)) + " of " + exact(t.total) + " by flows in the chart; "
          + exact(rows.length) + " in the table, which sorts by any column" }));
      if (!rows.length) { panel.appendChild(el("p", { class: "empty", text: "Nothing matched." })); return; }
      var grid = el("div", { class: "ranking" });
      panel.appendChild(grid);
      var left = el("div");
      grid.appendChild(left);
      chart(left, name, flowBars(t, rows, function (r) { return keyText(t, r); }, section.tables[name].toLowerCase()));
      var right = el("div");
      grid.appendChild(right);
      right.appendChild(dataTable(t, { id: name }));
      var more = moreNote(t, "keys");
      if (more) { right.appendChild(more); }
    });
  }

  function rules(section, body) {
    var t = table(Object.keys(section.tables)[0]);
    var rows = records(t);
    var panel = el("div", { class: "panel", "data-ranking": "rules", "data-total": String(t.total) });
    body.appendChild(panel);
    panel.appendChild(el("h3", { text: section.tables[Object.keys(section.tables)[0]] }));
    var nsgs = {};
    rows.forEach(function (r) { nsgs[r.nsg] = true; });
    var manyNsgs = Object.keys(nsgs).length > 1;
    var noFlows = rows.filter(function (r) { return r.flows === 0; });
    panel.appendChild(el("p", { class: "sub", text: exact(t.total) + " rules with traffic" + (manyNsgs ? " across " + exact(Object.keys(nsgs).length) + " NSGs" : "")
      + (noFlows.length ? "; " + exact(noFlows.length) + " saw only flows begun before the input (no new flow)" : "") }));
    if (!rows.length) { panel.appendChild(el("p", { class: "empty", text: "No rule saw traffic." })); return; }
    var label = function (r) { return (manyNsgs && r.nsg ? r.nsg + " / " : "") + (r.rule || "–"); };
    var grid = el("div", { class: "ranking wide" }); // many columns: the table goes under the chart
    panel.appendChild(grid);
    var left = el("div");
    grid.appendChild(left);
    chart(left, "rules", flowBars(t, rows, label, "rules", 380)); // the chart spans the panel: room for NSG and rule
    var right = el("div");
    grid.appendChild(right);
    // aclId says something only in VNet logs, where it is not just the NSG again
    var acl = rows.some(function (r) { return r.aclId != null && r.aclId !== r.nsg; });
    right.appendChild(dataTable(t, { id: "rules", hide: acl ? [] : ["aclId"] }));
    var more = moreNote(t, "rules, the busiest", "nsgflow rules");
    if (more) { right.appendChild(more); }
  }

  /** A Sankey of the top pairs: every source once on the left, every destination once on the right. */
  function pairs(section, body) {
    var name = Object.keys(section.tables)[0];
    var t = table(name);
    var rows = records(t).slice(0, 25).filter(function (r) { return r.flows > 0; });
    var panel = el("div", { class: "panel", "data-pairs": name });
    body.appendChild(panel);
    panel.appendChild(el("h3", { text: section.tables[name] }));
    panel.appendChild(el("p", { class: "sub", text: "The " + exact(rows.length) + " pairs with the most flows; hover a band for its counts" }));
    if (!rows.length) { panel.appendChild(el("p", { class: "empty", text: "Nothing matched." })); return; }
    var nodes = {}, links = [];
    rows.forEach(function (r) {
      var from = "from " + r.srcIp, to = "to " + r.dstIp;
      nodes[from] = { name: from, depth: 0 };
      nodes[to] = { name: to, depth: 1 };
      links.push({ source: from, target: to, value: r.flows, row: r });
    });
    var perSide = Math.max(Object.keys(nodes).filter(function (n) { return n.indexOf("from ") === 0; }).length,
      Object.keys(nodes).filter(function (n) { return n.indexOf("to ") === 0; }).length);
    var box = chart(panel, "pairs", {
      describe: "Sankey diagram of the " + rows.length + " pairs with the most flows, sources left and destinations right.",
      build: function (theme) {
        return {
          tooltip: Object.assign(tooltipStyle(theme), {
            trigger: "item",
            formatter: function (p) {
              if (p.dataType === "edge") {
                var r = p.data.row;
                return "<b>" + escapeText(r.srcIp) + " → " + escapeText(r.dstIp) + "</b><br>" + tip("flows", r.flows) + "<br>"
                  + tip("allowed", r.allowed, "", theme.allowed) + "<br>" + tip("denied", r.denied, "", theme.denied) + "<br>"
                  + tip("bytes", r.bytes);
              }
              return "<b>" + escapeText(p.name.replace(/^(from|to) /, "")) + "</b><br>" + tip("flows", p.value);
            }
          }),
          series: [{
            type: "sankey", left: 8, right: 8, top: 8, bottom: 8, nodeWidth: 10, nodeGap: 8, layoutIterations: 32,
            draggable: false, emphasis: { focus: "adjacency" },
            data: Object.keys(nodes).map(function (k) {
              var source = k.indexOf("from ") === 0;
              // destinations are labelled on their left, inside the chart, as sources are on their right
              return { name: k, depth: nodes[k].depth, label: { position: source ? "right" : "left" },
                itemStyle: { color: source ? theme.allowed : theme.bytes, borderWidth: 0 } };
            }),
            links: links.map(function (l) {
              return { source: l.source, target: l.target, value: l.value, row: l.row,
                lineStyle: { color: l.row.denied > 0 && l.row.allowed === 0 ? theme.denied : "gradient", opacity: 0.35 } };
            }),
            label: { color: theme.ink, fontFamily: css("--mono"), fontSize: 11,
              formatter: function (p) { return p.name.replace(/^(from|to) /, ""); } },
            lineStyle: { curveness: 0.5 }
          }]
        };
      }
    });
    box.style.height = Math.max(320, perSide * 26) + "px";
    panel.appendChild(el("p", { class: "more", text: "Red bands were only denied. The table of these pairs is under Top talkers." }));
  }

  var KINDS = { cards: cards, timeline: timeline, rankings: rankings, rules: rules, pairs: pairs };

  function build() {
    header();
    var main = document.getElementById("main");
    var toc = el("ul");
    DATA.sections.forEach(function (s) {
      var draw = KINDS[s.kind];
      if (!draw) { throw new Error("no drawing for sections of kind " + s.kind); }
      var part = el("section", { class: "part", id: s.id, "data-kind": s.kind }, [el("h2", { text: s.title }),
        s.note ? el("p", { class: "note", text: s.note }) : null]);
      main.appendChild(part);
      toc.appendChild(el("li", {}, [el("a", { href: "#" + s.id, text: s.title })]));
      draw(s, part);
    });
    document.getElementById("toc").appendChild(toc);
    document.getElementById("colophon").appendChild(el("p", {
      text: "Made by " + META.version + " on " + timeText(parseTime(META.generated)) + ". Charts: " + META.chartLibrary
        + " (Apache License 2.0), inside this file. Every number is the one nsgflow summary, top, rules and timeline print for the same inputs and filters."
    }));
    drawCharts();
  }

  build();

  var resizing = null;
  window.addEventListener("resize", function () {
    clearTimeout(resizing);
    resizing = setTimeout(function () { charts.forEach(function (c) { c.instance.resize(); }); }, 100);
  });
  // colours follow the system's scheme, and paper gets the light one at paper's width
  window.matchMedia("(prefers-color-scheme: dark)").addEventListener("change", drawCharts);
  window.matchMedia("print").addEventListener("change", drawCharts);
})();
