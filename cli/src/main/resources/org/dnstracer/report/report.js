// The details panel of the report. Everything shown comes from the node-details JSON and is put into the page as
// text (textContent), never as markup: record data comes from servers, which may be hostile.
(function () {
  'use strict';
  var details = JSON.parse(document.getElementById('node-details').textContent);
  var panel = document.getElementById('details');
  var selected = null;

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    if (cls) { e.className = cls; }
    return e;
  }

  function row(cells, head) {
    var tr = el('tr');
    cells.forEach(function (c) { tr.appendChild(el(head ? 'th' : 'td', c)); });
    return tr;
  }

  function table(head, rows) {
    var t = el('table');
    t.appendChild(row(head, true));
    rows.forEach(function (r) { t.appendChild(row(r, false)); });
    return t;
  }

  function show(id) {
    var d = details[id];
    if (!d) { return; }
    panel.replaceChildren();
    panel.appendChild(el('h4', d.server + (d.address ? ' (' + d.address + ')' : '')));
    panel.appendChild(el('div', 'Outcome: ' + d.outcome, 'outcome'));
    d.visits.forEach(function (v) {
      var box = el('div', null, 'visit');
      box.appendChild(el('div', v.line, 'line'));
      if (v.zone) { box.appendChild(el('div', 'Zone: ' + v.zone)); }
      if (v.tries && v.tries.length) {
        box.appendChild(table(['try', 'protocol', 'result', 'ms', 'timeout ms'], v.tries.map(function (t, i) {
          return [i + 1, t.protocol, t.result + (t.error ? ': ' + t.error : ''), t.elapsedMs, t.timeoutMs];
        })));
      }
      if (v.rcode) {
        box.appendChild(el('div', 'rcode ' + v.rcode + ', flags ' + (v.flags || '-')
            + (v.rttMs !== undefined ? ', round trip ' + v.rttMs + ' ms' : ''), 'reply'));
      }
      if (v.records && v.records.length) {
        box.appendChild(table(['section', 'name', 'TTL', 'type', 'data'], v.records));
      }
      panel.appendChild(box);
    });
  }

  function nodeOf(target) {
    return target && target.closest ? target.closest('g.node') : null;
  }

  function select(node) {
    if (selected) { selected.classList.remove('selected'); }
    selected = node;
    node.classList.add('selected');
    show(node.id);
  }

  document.querySelectorAll('svg.graph').forEach(function (svg) {
    svg.addEventListener('click', function (e) {
      var n = nodeOf(e.target);
      if (n) { select(n); }
    });
    svg.addEventListener('mouseover', function (e) {
      var n = nodeOf(e.target);
      if (n && !selected) { show(n.id); }
    });
    svg.addEventListener('keydown', function (e) {
      var n = nodeOf(e.target);
      if (n && (e.key === 'Enter' || e.key === ' ')) { select(n); e.preventDefault(); }
    });
  });
  document.body.dataset.ready = 'true';
})();
