/* notecheck serve: check a note as it is typed. Plain JavaScript, no framework, no build.
   The note goes only to this page's own server (/api/check); nothing is stored. */
(function () {
  'use strict';

  var DEBOUNCE_MS = 400;
  var SEVERITY_WORD = { error: 'Error', warning: 'Warning', info: 'Advice' };
  var SEVERITY_RANK = { error: 3, warning: 2, info: 1 };

  var form = document.getElementById('check-form');
  var note = document.getElementById('note');
  var backdrop = document.getElementById('highlights');
  var list = document.getElementById('findings');
  var status = document.getElementById('status');
  var checking = document.getElementById('checking');
  var copyButton = document.getElementById('copy');
  var ltAddress = document.getElementById('lt-address');

  var findings = [];      // {start, end, d (the diagnostic), rule, matched}
  var shownText = '';     // the text the findings' offsets refer to
  var timer = null;
  var controller = null;
  var sequence = 0;
  var lastAnnounced = '';

  if (ltAddress) { ltAddress.textContent = window.location.origin + '/v2'; }

  // -- the note's details ------------------------------------------------------------

  function metadata() {
    var meta = {};
    var subject = document.getElementById('subject').value.trim();
    if (subject) {
      var names = subject.split(',').map(function (s) { return s.trim(); }).filter(Boolean);
      meta.subject = names.length === 1 ? names[0] : names;
    }
    var type = form.querySelector('input[name="subject_type"]:checked');
    if (type && type.value) { meta.subject_type = type.value; }
    var noteType = document.getElementById('note-type').value.trim();
    if (noteType) { meta.note_type = noteType; }
    var contact = document.getElementById('contact-date').value;
    if (contact) { meta.contact_date = contact; }
    var recorded = document.getElementById('recorded-date').value;
    if (recorded) { meta.recorded_date = recorded; }
    return meta;
  }

  // -- checking ----------------------------------------------------------------------

  function schedule() {
    window.clearTimeout(timer);
    timer = window.setTimeout(check, DEBOUNCE_MS);
  }

  function check() {
    window.clearTimeout(timer);
    var text = note.value;
    if (controller) { controller.abort(); }
    if (!text.trim()) {
      show([], {}, text);
      announce('Type or paste a note to check it.');
      return;
    }
    controller = new AbortController();
    var mine = ++sequence;
    checking.hidden = false;
    fetch('/api/check', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ text: text, metadata: metadata() }),
      credentials: 'same-origin',
      cache: 'no-store',
      signal: controller.signal
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (body) {
        if (mine !== sequence) { return; }
        checking.hidden = true;
        if (!response.ok) {
          fail(body.error || ('The check did not work (error ' + response.status + '). Try again.'));
          return;
        }
        if (note.value !== text) { return; }  // typed since: a newer check is on its way
        show(body.diagnostics || [], body.rules || {}, text);
        announce(summary(findings));
      });
    }).catch(function (error) {
      if (error && error.name === 'AbortError') { return; }
      if (mine !== sequence) { return; }
      checking.hidden = true;
      fail('notecheck could not be reached on this computer. Is "notecheck serve" still running?');
    });
  }

  function summary(items) {
    if (!items.length) { return 'No findings. Read the note once more before you save it.'; }
    var counts = { error: 0, warning: 0, info: 0 };
    items.forEach(function (f) { counts[f.d.severity] += 1; });
    var parts = [];
    if (counts.error) { parts.push(plural(counts.error, 'error', 'errors')); }
    if (counts.warning) { parts.push(plural(counts.warning, 'warning', 'warnings')); }
    if (counts.info) { parts.push(plural(counts.info, 'piece of advice', 'pieces of advice')); }
    return plural(items.length, 'finding', 'findings') + ': ' + parts.join(', ') + '.';
  }

  function plural(n, one, many) { return n + ' ' + (n === 1 ? one : many); }

  function announce(message) {
    status.classList.remove('status--error');
    if (message !== lastAnnounced) {
      status.textContent = message;
      lastAnnounced = message;
    }
  }

  function fail(message) {
    status.classList.add('status--error');
    status.textContent = message;
    lastAnnounced = message;
  }

  // -- showing findings ----------------------------------------------------------------

  function show(diagnostics, rules, text) {
    shownText = text;
    findings = diagnostics.map(function (d) {
      var start = Math.min(d.offset, text.length);
      var end = Math.min(d.offset + d.length, text.length);
      return { start: start, end: end, d: d, rule: rules[d.rule] || {}, matched: text.slice(start, end) };
    });
    findings.sort(function (a, b) { return a.start - b.start || a.end - b.end; });
    drawList();
    drawHighlights();
  }

  function drawHighlights() {
    var text = note.value;
    backdrop.textContent = '';
    var spans = findings.filter(function (f) { return f.end > f.start; });
    var edges = [0, text.length];
    spans.forEach(function (f) { edges.push(f.start, f.end); });
    edges = edges.filter(function (v, i, all) { return all.indexOf(v) === i; }).sort(function (a, b) { return a - b; });
    var current = currentFinding();
    for (var i = 0; i + 1 < edges.length; i++) {
      var from = edges[i], to = edges[i + 1];
      var piece = text.slice(from, to);
      var covering = spans.filter(function (f) { return f.start <= from && f.end >= to; });
      if (!covering.length) {
        backdrop.appendChild(document.createTextNode(piece));
        continue;
      }
      var worst = covering.reduce(function (a, b) {
        return SEVERITY_RANK[b.d.severity] > SEVERITY_RANK[a.d.severity] ? b : a;
      });
      var mark = document.createElement('mark');
      mark.className = 'mark mark--' + worst.d.severity;
      if (current && covering.indexOf(current) !== -1) { mark.className += ' mark--current'; }
      mark.setAttribute('data-findings', covering.map(function (f) { return findings.indexOf(f); }).join(' '));
      mark.textContent = piece;
      backdrop.appendChild(mark);
    }
    // A final line break in a textarea still takes a line.
    backdrop.appendChild(document.createTextNode('\n\u200b'));
    fit();
  }

  function drawList() {
    list.textContent = '';
    var current = currentFinding();
    findings.forEach(function (f, index) {
      var d = f.d;
      var item = el('li', 'finding finding--' + d.severity);
      item.id = 'finding-' + index;
      if (f === current) { item.className += ' finding--current'; }

      var meta = el('p', 'finding__meta');
      meta.appendChild(el('strong', 'tag tag--' + d.severity, SEVERITY_WORD[d.severity] || d.severity));
      meta.appendChild(el('span', '', f.end > f.start ? 'Line ' + d.line : 'About the whole note'));
      item.appendChild(meta);

      item.appendChild(el('p', 'finding__message', d.message));

      var why = [f.rule.description, f.rule.principle ? 'Principle: ' + f.rule.principle : ''].filter(Boolean);
      if (why.length) {
        var details = el('details', 'details');
        var summaryEl = el('summary', 'details__summary');
        summaryEl.appendChild(el('span', 'details__summary-text', 'Why this matters'));
        details.appendChild(summaryEl);
        var body = el('div', 'details__text');
        why.forEach(function (line) { body.appendChild(el('p', '', line)); });
        (f.rule.references || []).forEach(function (url) {
          var p = el('p', '');
          var a = el('a', 'link', 'Read more: ' + url.replace(/^https?:\/\//, ''));
          a.href = url;
          a.rel = 'noopener noreferrer';
          a.target = '_blank';
          p.appendChild(a);
          body.appendChild(p);
        });
        details.appendChild(body);
        item.appendChild(details);
      }

      if (d.suggestion && !d.replacement) {
        var instead = el('p', 'finding__instead');
        instead.appendChild(el('strong', '', 'What to write instead: '));
        instead.appendChild(document.createTextNode(d.suggestion));
        item.appendChild(instead);
      }

      var actions = el('p', 'finding__actions');
      if (f.end > f.start) {
        var showButton = el('button', 'link-button', 'Show in note');
        showButton.type = 'button';
        showButton.appendChild(el('span', 'visually-hidden', ': \u2018' + f.matched + '\u2019, line ' + d.line));
        showButton.addEventListener('click', function () { select(f); });
        actions.appendChild(showButton);
      }
      if (d.replacement && f.end > f.start) {
        var apply = el('button', 'button button--secondary button--small',
          'Replace \u2018' + f.matched + '\u2019 with \u2018' + d.replacement + '\u2019');
        apply.type = 'button';
        apply.addEventListener('click', function () { replace(f); });
        actions.appendChild(apply);
      }
      if (actions.childNodes.length) { item.appendChild(actions); }
      list.appendChild(item);
    });
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  // -- acting on a finding -------------------------------------------------------------

  function select(f) {
    var mark = backdrop.querySelector('[data-findings~="' + findings.indexOf(f) + '"]');
    note.focus({ preventScroll: true });
    note.setSelectionRange(f.start, f.end);
    if (mark && mark.scrollIntoView) { mark.scrollIntoView({ block: 'center' }); }
    markCurrent();
  }

  function replace(f) {
    if (note.value.slice(f.start, f.end) !== f.matched) {
      fail('The note has changed since it was checked. Checking it again.');
      check();
      return;
    }
    var before = note.value;
    note.focus({ preventScroll: true });
    note.setSelectionRange(f.start, f.end);
    var done = false;
    try { done = document.execCommand('insertText', false, f.d.replacement); } catch (e) { done = false; }
    var expected = before.slice(0, f.start) + f.d.replacement + before.slice(f.end);
    if (!done || note.value !== expected) {
      note.value = expected;
      var caret = f.start + f.d.replacement.length;
      note.setSelectionRange(caret, caret);
      changed();
    }
    announce('Replaced \u2018' + f.matched + '\u2019 with \u2018' + f.d.replacement + '\u2019.');
  }

  // -- keeping highlights in place while typing -----------------------------------------

  function changed() {
    var text = note.value;
    moveFindings(shownText, text);
    shownText = text;
    drawList();
    drawHighlights();
    schedule();
  }

  // Findings before the edit stay, those after it move with it, those it touched go
  // (the next check brings them back if they still apply).
  function moveFindings(before, after) {
    var limit = Math.min(before.length, after.length);
    var head = 0;
    while (head < limit && before.charCodeAt(head) === after.charCodeAt(head)) { head++; }
    var tail = 0;
    while (tail < limit - head &&
           before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) { tail++; }
    var oldEnd = before.length - tail;
    var delta = after.length - before.length;
    findings = findings.filter(function (f) {
      return f.end === f.start || f.end <= head || f.start >= oldEnd;
    }).map(function (f) {
      if (f.end > f.start && f.start >= oldEnd && delta) {
        f.start += delta;
        f.end += delta;
      }
      return f;
    });
  }

  function currentFinding() {
    if (document.activeElement !== note) { return null; }
    var caret = note.selectionStart;
    for (var i = 0; i < findings.length; i++) {
      var f = findings[i];
      if (f.end > f.start && caret >= f.start && caret <= f.end) { return f; }
    }
    return null;
  }

  function markCurrent() {
    var current = currentFinding();
    var index = current ? findings.indexOf(current) : -1;
    Array.prototype.forEach.call(list.children, function (item, i) {
      item.classList.toggle('finding--current', i === index);
    });
    Array.prototype.forEach.call(backdrop.querySelectorAll('mark'), function (mark) {
      var ids = (mark.getAttribute('data-findings') || '').split(' ');
      mark.classList.toggle('mark--current', index !== -1 && ids.indexOf(String(index)) !== -1);
    });
  }

  // The note grows with its text, so the page scrolls and the highlights never drift.
  function fit() {
    note.style.height = 'auto';
    note.style.height = (note.scrollHeight + 4) + 'px';
  }

  // -- copying ------------------------------------------------------------------------

  function copy() {
    var text = note.value;
    function copied() { announce('Note copied. Paste it into the case record.'); }
    function fallback() {
      var start = note.selectionStart, end = note.selectionEnd;
      note.focus();
      note.select();
      var ok = false;
      try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
      note.setSelectionRange(start, end);
      copyButton.focus();
      if (ok) { copied(); } else { fail('The note could not be copied: select it and press Ctrl+C.'); }
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(copied, fallback);
    } else {
      fallback();
    }
  }

  // -- wiring ----------------------------------------------------------------------------

  note.addEventListener('input', changed);
  ['keyup', 'click', 'focus', 'blur'].forEach(function (name) {
    note.addEventListener(name, markCurrent);
  });
  form.addEventListener('submit', function (event) { event.preventDefault(); check(); });
  form.addEventListener('change', function (event) { if (event.target !== note) { schedule(); } });
  copyButton.addEventListener('click', copy);
  window.addEventListener('resize', fit);
  if (note.value) { changed(); } else { fit(); }
})();
