// Progressive enhancement only: every page works without this file.
// Sortable portfolio table: click or press Enter/Space on a column header.
(function () {
  'use strict';
  function cellValue(row, i) {
    var cell = row.children[i];
    if (!cell) return '';
    // Amounts in several currencies carry their value in the reporting currency; empty (no rate) sorts last.
    var key = cell.getAttribute('data-sort');
    if (key !== null) return key === '' ? -Infinity : parseFloat(key);
    var text = cell.textContent.trim();
    var n = parseFloat(text.replace(/[^0-9.+\-−]/g, '').replace('−', '-'));
    return cell.classList.contains('num') && !isNaN(n) ? n : text.toLowerCase();
  }
  document.querySelectorAll('table.sortable').forEach(function (table) {
    var headers = table.querySelectorAll('thead th');
    headers.forEach(function (th, i) {
      var label = th.textContent;
      var button = document.createElement('button');
      button.type = 'button';
      button.textContent = label;
      th.textContent = '';
      th.appendChild(button);
      th.classList.add('sort');
      button.addEventListener('click', function () {
        var asc = th.getAttribute('aria-sort') !== 'ascending';
        headers.forEach(function (h) { h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = cellValue(a, i), y = cellValue(b, i);
          return (x > y ? 1 : x < y ? -1 : 0) * (asc ? 1 : -1);
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  });
})();
