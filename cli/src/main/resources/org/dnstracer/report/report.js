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

  function table(head, rows, cls) {
    var t = el('table', null, cls);
    t.appendChild(row(head, true));
    rows.forEach(function (r) { t.appendChild(row(r, false)); });
    return t;
  }

  // what a try did besides its table row: the hedge it sent, the replies it dropped
  function tryNotes(box, t, n) {
    if (t.hedge) {
      box.appendChild(el('div', 'Try ' + n + ' hedged: a second query (ID ' + t.hedge.id + ') went out after '
          + t.hedge.afterMs + ' ms' + (t.hedge.answered ? '; the reply answered the '
          + (t.hedge.answered === 'hedge' ? 'hedge' : 'first query') : '') + '.', 'hedge'));
    }
    if (t.ignoredCount) {
      var shown = t.ignoredCount > t.ignored.length ? ' (the first ' + t.ignored.length + ' shown)' : '';
      box.appendChild(el('div', 'Try ' + n + ' ignored ' + t.ignoredCount
          + (t.ignoredCount === 1 ? ' reply' : ' replies') + shown + ':', 'ignored'));
      var list = el('ul', null, 'ignored');
      t.ignored.forEach(function (reason) { list.appendChild(el('li', reason)); });
      box.appendChild(list);
    }
  }

  function records(v) {
    var rows = [];
    ['answer', 'authority', 'additional'].forEach(function (section) {
      (v[section] || []).forEach(function (r) { rows.push([section, r.name, r.ttl, r.type, r.data]); });
    });
    return rows;
  }

  function show(id) {
    var d = details[id];
    if (!d) { return; }
    panel.replaceChildren();
    panel.appendChild(el('h4', d.server + (d.address ? ' (' + d.address + ')' : '')));
    panel.appendChild(el('div', 'Outcome: ' + d.outcome, 'outcome'));
    if (d.dnssec) { panel.appendChild(el('div', 'DNSSEC: ' + d.dnssec, 'dnssec')); }
    if (d.given) { panel.appendChild(el('div', 'Delegation: ' + d.given + ' (zone mode)', 'given')); }
    if (d.findings) {
      // each finding links back to its row of the findings table
      var list = el('ul', null, 'findings');
      d.findings.forEach(function (f) {
        var li = el('li', null, f.severity);
        var a = el('a', f.severity + ' ' + f.code, 'finding-link');
        a.href = '#finding-' + f.index;
        li.appendChild(a);
        li.appendChild(document.createTextNode(': ' + f.message));
        list.appendChild(li);
      });
      panel.appendChild(list);
    }
    d.visits.forEach(function (v) {
      var box = el('div', null, 'visit');
      box.appendChild(el('div', v.line, 'line'));
      if (v.zone) { box.appendChild(el('div', 'Zone: ' + v.zone)); }
      if (v.tries && v.tries.length) {
        box.appendChild(table(['try', 'protocol', 'result', 'ms', 'timeout ms', 'bytes'], v.tries.map(function (t, i) {
          return [i + 1, t.protocol, t.result + (t.error ? ': ' + t.error : ''), t.elapsedMs, t.timeoutMs,
              t.size || ''];
        }), 'tries'));
        v.tries.forEach(function (t, i) { tryNotes(box, t, i + 1); });
      }
      if (v.tcpFailure) { box.appendChild(el('div', 'TCP after the truncated reply failed: ' + v.tcpFailure)); }
      if (v.ednsFallback) {
        box.appendChild(el('div', v.ednsFallback === 'dropped'
            ? 'EDNS given up: queries with EDNS went unanswered, one without got the reply.'
            : 'EDNS given up: the server rejected it, the reply came without.'));
      }
      if (v.rcode) {
        box.appendChild(el('div', 'rcode ' + v.rcode + ', flags ' + (v.flags.length ? v.flags.join(' ') : '-')
            + ', over ' + v.protocol + ', round trip ' + v.rttMs + ' ms', 'reply'));
      }
      var rows = records(v);
      if (rows.length) {
        box.appendChild(table(['section', 'name', 'TTL', 'type', 'data'], rows, 'records'));
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
  // a finding's link to its server: select the node and bring it into view (the href alone would not select it)
  document.querySelectorAll('a.node-link').forEach(function (a) {
    a.addEventListener('click', function (e) {
      var node = document.getElementById(a.dataset.node);
      if (!node) { return; }
      e.preventDefault();
      select(node);
      node.scrollIntoView({block: 'center', inline: 'center'});
      node.focus({preventScroll: true});
    });
  });
  document.body.dataset.ready = 'true';
})();
