// ESCO type-ahead for occupation and skill fields. Progressive enhancement: without it the
// fields take labels (one per line), which the server resolves. With it, a single field gets
// suggestions from /api/v1/esco/suggest, and a list field gets an "add" field beside it.
(function () {
  'use strict';
  var count = 0;
  function suggest(kind, query, datalist) {
    if (query.trim().length < 2) { return; }
    fetch('/api/v1/esco/suggest?kind=' + kind + '&limit=12&q=' + encodeURIComponent(query))
      .then(function (r) { return r.ok ? r.json() : { items: [] }; })
      .then(function (body) {
        datalist.textContent = '';
        body.items.forEach(function (item) {
          var option = document.createElement('option');
          option.value = item.label;
          datalist.appendChild(option);
        });
      })
      .catch(function () { /* suggestions are a help, not a need */ });
  }
  function attach(input, kind) {
    var datalist = document.createElement('datalist');
    datalist.id = 'esco-options-' + (count += 1);
    input.setAttribute('list', datalist.id);
    input.parentNode.appendChild(datalist);
    var timer = null;
    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(function () { suggest(kind, input.value, datalist); }, 200);
    });
  }
  document.querySelectorAll('input[data-esco]').forEach(function (input) {
    attach(input, input.getAttribute('data-esco'));
  });
  document.querySelectorAll('textarea[data-esco]').forEach(function (area) {
    var kind = area.getAttribute('data-esco');
    var row = document.createElement('div');
    row.className = 'esco-add';
    var label = document.createElement('label');
    var input = document.createElement('input');
    input.type = 'text';
    input.id = area.id + '-add';
    label.htmlFor = input.id;
    label.textContent = (document.documentElement.lang === 'nl' ? 'Toevoegen' :
      document.documentElement.lang === 'de' ? 'Hinzufügen' :
      document.documentElement.lang === 'fr' ? 'Ajouter' : 'Add') + ': ';
    var button = document.createElement('button');
    button.type = 'button';
    button.textContent = '+';
    button.setAttribute('aria-label', label.textContent.replace(': ', ''));
    button.addEventListener('click', function () {
      var value = input.value.trim();
      if (!value) { return; }
      area.value = (area.value.trim() ? area.value.trim() + '\n' : '') + value;
      input.value = '';
      input.focus();
    });
    row.appendChild(label);
    row.appendChild(input);
    row.appendChild(button);
    area.parentNode.appendChild(row);
    attach(input, kind);
  });
}());
