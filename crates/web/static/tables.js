// Tables on a phone: each cell gets its column's header as a label, so the
// stylesheet can stack a row into a card ("Status: accepted") instead of
// squeezing columns until words break. Progressive enhancement: without this
// script a table stays a table and scrolls sideways.
(function () {
  'use strict';
  document.querySelectorAll('main table').forEach(function (table) {
    var heads = Array.prototype.map.call(
      table.querySelectorAll('thead th'),
      function (th) { return th.textContent.trim(); }
    );
    if (heads.length < 2) return;
    table.querySelectorAll('tbody tr, tfoot tr').forEach(function (row) {
      Array.prototype.forEach.call(row.children, function (cell, i) {
        if (heads[i]) cell.setAttribute('data-label', heads[i]);
      });
    });
    table.classList.add('stackable');
  });
})();
