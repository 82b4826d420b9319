/* 看板的小功能（不依赖任何外部脚本，旧浏览器也能运行：只用 ES5）：
   1. 以文件方式打开（file://）时，「文件夹/」形式的链接改为「文件夹/index.html」；
   2. 打开链接指向的条目：折叠在 <details> 里的目标行展开并高亮；
   3. 表头可点击排序（带 data-sortable 的表格；合计行 class="total" 始终在最后）；
   4. 按地区、单位类别筛选（select[data-filter=region|category] 只显示 tr[data-region|category] 为所选值的行）；
   5. 很长的单元格（人员、文件的长名单）折叠为「共 N 项」，点击展开，打印时全部展开。 */
(function () {
  "use strict";
  var FILE = location.protocol === "file:";

  function fileHref(href) {
    if (!href || href.charAt(0) === "#" || (/^[a-z]+:/i.test(href) && !/^file:/i.test(href))) return href;
    var cut = href.search(/[?#]/), path = cut < 0 ? href : href.slice(0, cut), rest = cut < 0 ? "" : href.slice(cut);
    if (path === "") return href;
    if (path.charAt(path.length - 1) === "/") return path + "index.html" + rest;
    if (path === "." || path === "..") return path + "/index.html" + rest;
    return href;
  }

  function fixLinks(root) {
    if (!FILE) return;
    var links = root.querySelectorAll("a[href]");
    for (var i = 0; i < links.length; i++) {
      var a = links[i], href = a.getAttribute("href"), fixed = fileHref(href);
      if (fixed !== href) a.setAttribute("href", fixed);
    }
  }

  if (FILE) {
    document.addEventListener("click", function (event) {
      var node = event.target;
      while (node && node.nodeName !== "A") node = node.parentNode;
      if (node && node.getAttribute) {
        var href = node.getAttribute("href"), fixed = fileHref(href);
        if (fixed !== href) node.setAttribute("href", fixed);
      }
    }, true);
  }

  function openTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (!target) {
      var marks = document.querySelectorAll("details mark[data-md-highlight], details mark");
      target = marks.length ? marks[0] : null;
    }
    if (!target) return;
    for (var node = target.parentNode; node; node = node.parentNode) {
      if (node.nodeName === "DETAILS") node.open = true;
    }
    if (target.nodeName === "TR") target.className += " target";
    target.scrollIntoView ? target.scrollIntoView({ block: "center" }) : null;
  }

  function cellValue(row, index) {
    var c = row.cells[index];
    if (!c) return "";
    var text = c.getAttribute("data-sort");
    if (text === null) text = (c.textContent || "").replace(/^\s+|\s+$/g, "");
    var m = /^-?\d+(\.\d+)?/.exec(text);
    return m ? parseFloat(m[0]) : text;
  }

  function sortBy(table, index, th) {
    var body = table.tBodies[0];
    var rows = [], keep = [];
    for (var i = 0; i < body.rows.length; i++) {
      (/\btotal\b/.test(body.rows[i].className) ? keep : rows).push(body.rows[i]);
    }
    var down = th.getAttribute("aria-sort") !== "descending";
    rows.sort(function (a, b) {
      var x = cellValue(a, index), y = cellValue(b, index);
      if (typeof x === "number" && typeof y === "number") return down ? y - x : x - y;
      return down ? String(y).localeCompare(String(x), "zh") : String(x).localeCompare(String(y), "zh");
    });
    var heads = table.tHead.rows[0].cells;
    for (var h = 0; h < heads.length; h++) heads[h].removeAttribute("aria-sort");
    th.setAttribute("aria-sort", down ? "descending" : "ascending");
    for (var r = 0; r < rows.length; r++) body.appendChild(rows[r]);
    for (var k = 0; k < keep.length; k++) body.appendChild(keep[k]);
  }

  function sortable(root) {
    var tables = root.querySelectorAll("table[data-sortable]");
    for (var t = 0; t < tables.length; t++) {
      (function (table) {
        if (!table.tHead || !table.tBodies.length) return;
        var heads = table.tHead.rows[0].cells;
        for (var i = 0; i < heads.length; i++) {
          (function (th, index) {
            th.setAttribute("tabindex", "0");
            th.setAttribute("title", "点击排序");
            var go = function () { sortBy(table, index, th); };
            th.addEventListener("click", go);
            th.addEventListener("keydown", function (e) { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); go(); } });
          })(heads[i], i);
        }
      })(tables[t]);
    }
  }

  // select[data-filter=KEY] keeps the rows whose data-KEY is the chosen value (rows without one stay);
  // tr.member rows (a grouped table's units) show only while a group of that table is chosen.
  function groupFilter(root) {
    var selects = root.querySelectorAll("select[data-filter]");
    function apply() {
      var active = [];
      for (var i = 0; i < selects.length; i++) {
        if (selects[i].value) active.push([selects[i].getAttribute("data-filter"), selects[i].value]);
      }
      var rows = document.querySelectorAll("tr[data-region], tr[data-category]");
      for (var r = 0; r < rows.length; r++) {
        var row = rows[r], member = /\bmember\b/.test(row.className), show = true, opened = false;
        for (var a = 0; a < active.length; a++) {
          var have = row.getAttribute("data-" + active[a][0]);
          if (have !== null && have !== active[a][1]) show = false;
          if (row.parentNode.parentNode.id === "groups-" + active[a][0]) opened = true;
        }
        row.style.display = !show || (member && !opened) ? "none" : member ? "table-row" : "";
      }
    }
    for (var s = 0; s < selects.length; s++) selects[s].addEventListener("change", apply);
  }

  // A long cell (a list of people or files) is folded: 「共 107 项」 opens it.
  var LONG = 160;
  function fold(root) {
    var cells = root.querySelectorAll(".md-typeset td");
    for (var i = 0; i < cells.length; i++) {
      var td = cells[i], text = td.textContent || "";
      if (text.length <= LONG || td.querySelector("details, table")) continue;
      var items = text.split(/[、；;，,\n]+/).filter(function (x) { return /\S/.test(x); }).length;
      var details = document.createElement("details");
      details.className = "fold";
      var summary = document.createElement("summary");
      summary.textContent = items >= 6 ? "共 " + items + " 项" : text.replace(/\s+/g, " ").slice(0, 40) + "…";
      details.appendChild(summary);
      while (td.firstChild) details.appendChild(td.firstChild);
      td.appendChild(details);
    }
  }
  window.addEventListener("beforeprint", function () {
    var folded = document.querySelectorAll("details.fold");
    for (var i = 0; i < folded.length; i++) folded[i].open = true;
  });

  function ready() {
    fold(document);
    fixLinks(document);
    groupFilter(document);
    sortable(document);
    setTimeout(openTarget, 0);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", ready);
  else ready();
  window.addEventListener("hashchange", openTarget);
})();
