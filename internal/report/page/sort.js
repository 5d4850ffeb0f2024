// Sorts a table.sortable by the column whose header button is pressed.
// A cell's data-v holds its sort key (empty: no value, always last);
// headers marked data-num sort as numbers, largest first on the first press.
(function () {
  "use strict";
  var each = function (list, fn) { Array.prototype.forEach.call(list, fn); };
  function key(cell) {
    var v = cell.getAttribute("data-v");
    return v === null ? cell.textContent.trim().toLowerCase() : v;
  }
  function sortBy(table, col, th) {
    var numeric = th.hasAttribute("data-num");
    var now = th.getAttribute("aria-sort");
    var dir = now === "descending" ? "ascending" : now === "ascending" ? "descending" : numeric ? "descending" : "ascending";
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var pos = new Map();
    rows.forEach(function (r, i) { pos.set(r, i); });
    rows.sort(function (a, b) {
      var x = key(a.cells[col]), y = key(b.cells[col]);
      if (x === "" || y === "") {
        return x === y ? pos.get(a) - pos.get(b) : x === "" ? 1 : -1;
      }
      if (numeric) { x = parseFloat(x); y = parseFloat(y); }
      var c = x < y ? -1 : x > y ? 1 : 0;
      return (dir === "descending" ? -c : c) || pos.get(a) - pos.get(b);
    });
    rows.forEach(function (r) { body.appendChild(r); });
    each(th.parentNode.cells, function (h) { h.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", dir);
  }
  each(document.querySelectorAll("table.sortable"), function (table) {
    each(table.tHead.rows[0].cells, function (th, col) {
      var b = th.querySelector("button");
      if (b) { b.addEventListener("click", function () { sortBy(table, col, th); }); }
    });
  });
})();
