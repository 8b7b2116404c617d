/* covenant — the local web app.  Plain JavaScript, no framework, nothing
 * fetched from elsewhere.  Every piece of text from the library goes into the
 * page as text (textContent, createElement), never as HTML.
 *
 * Pages are real URLs, so every view can be bookmarked and sent:
 *   /                          the library
 *   /?work=ID                  a work's timeline
 *   /?v=REF#art_34             a version, its findings beside the text
 *   /?old=REF&new=REF          two versions compared
 *   /?q=WORDS&right=21&best=1  search
 */
'use strict';

const SVGNS = 'http://www.w3.org/2000/svg';
const main = document.getElementById('main');
const params = new URLSearchParams(location.search);

function el(tag, attrs, ...kids) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') e.className = v;
    else e.setAttribute(k, v === true ? '' : String(v));
  }
  for (const k of kids.flat()) if (k !== null && k !== undefined && k !== false) e.append(k instanceof Node ? k : String(k));
  return e;
}

function svg(tag, attrs, ...kids) {
  const e = document.createElementNS(SVGNS, tag);
  for (const [k, v] of Object.entries(attrs || {})) if (v !== undefined && v !== null) e.setAttribute(k, String(v));
  for (const k of kids.flat()) if (k !== null && k !== undefined) e.append(k instanceof Node ? k : String(k));
  return e;
}

function href(p) {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(p)) if (v !== undefined && v !== null && v !== '') u.set(k, v);
  return '/?' + u.toString();
}

async function api(path) {
  const r = await fetch(path, { headers: { Accept: 'application/json' } });
  let body = null;
  try { body = await r.json(); } catch (e) { /* not JSON */ }
  if (!r.ok) throw new Error((body && body.error && body.error.message) || ('HTTP ' + r.status));
  return body;
}

async function text(path) {
  const r = await fetch(path);
  if (!r.ok) throw new Error('HTTP ' + r.status);
  return new Uint8Array(await r.arrayBuffer());
}

const enc = new TextEncoder();
const dec = new TextDecoder();
/* bytes [a, b) of a UTF-8 byte array, as a string */
function slice(bytes, a, b) { return dec.decode(bytes.subarray(Math.max(0, a), Math.max(0, b))); }

function show(...nodes) { main.replaceChildren(...nodes); }
function fail(e) { show(el('p', { class: 'error' }, String(e.message || e))); }

const SEVERITIES = ['high', 'medium', 'low', 'positive'];
const STATUSES = ['unchanged', 'modified', 'renumbered', 'moved', 'split', 'merged', 'added', 'removed'];
const COLOURS = { renumbered: '#3e6ea8', modified: '#b54708', moved: '#7a3fb0', split: '#0f7b7b', merged: '#8a5a2b', unchanged: '#9aa3b0', added: '#1a7f37', removed: '#b42318' };

/* ---- the search form in the header ---- */

async function setupSearch() {
  const q = document.getElementById('q'), right = document.getElementById('right'), best = document.getElementById('best');
  q.value = params.get('q') || '';
  best.checked = params.get('best') === '1';
  try {
    const r = await api('/api/rights');
    for (const x of r.rights) right.append(el('option', { value: String(x.article) }, `art. ${x.article} — ${x.right}`));
    right.value = params.get('right') || '';
  } catch (e) { /* the filter stays at "any" */ }
}

/* ---- the library ---- */

async function viewLibrary() {
  document.title = 'covenant — library';
  const j = await api('/api/works');
  const filter = el('input', { class: 'filter', type: 'search', placeholder: 'Filter works by name or country', 'aria-label': 'Filter works' });
  const rows = j.works.map(w => {
    const tr = el('tr', { 'data-key': (w.id + ' ' + w.title + ' ' + w.country).toLowerCase() },
      el('td', {}, el('a', { href: href({ work: w.id }) }, w.title || w.id), el('div', { class: 'meta' }, w.id)),
      el('td', {}, w.country), el('td', {}, w.kind),
      el('td', { class: 'versions' }, w.versions.map(v => el('a', { href: href({ v: `${w.id}@${v.date}`, lang: w.versions.some(o => o.date === v.date && o.lang !== v.lang) ? v.lang : null }), title: `${v.status}, ${v.articles} articles, ${v.lang}` }, v.date))));
    return tr;
  });
  const tbody = el('tbody', {}, rows);
  filter.addEventListener('input', () => {
    const f = filter.value.trim().toLowerCase();
    for (const r of rows) r.hidden = f !== '' && !r.dataset.key.includes(f);
  });
  show(el('h1', {}, 'The library'),
    el('p', { class: 'meta' }, `${j.works.length} works, ${j.works.reduce((n, w) => n + w.versions.length, 0)} versions in ${j.library}`),
    filter,
    el('table', { class: 'works' }, el('thead', {}, el('tr', {}, el('th', {}, 'Work'), el('th', {}, 'Country'), el('th', {}, 'Kind'), el('th', {}, 'Versions'))), tbody));
}

/* ---- a work's timeline ---- */

function timeline(versions, events) {
  const dates = [...versions.map(v => v.date), ...versions.map(v => v.in_force_from), ...versions.map(v => v.in_force_until), ...events.map(e => e.date)].filter(Boolean);
  const today = new Date().toISOString().slice(0, 10);
  dates.push(today);
  const t = d => Date.parse(d + 'T00:00:00Z');
  let lo = Math.min(...dates.map(t)), hi = Math.max(...dates.map(t));
  if (hi - lo < 86400000 * 365) hi = lo + 86400000 * 365;
  hi += (hi - lo) * 0.02;
  const W = 1000, left = 20, right = 20, rowH = 26, top = 30;
  const x = d => left + (t(d) - lo) / (hi - lo) * (W - left - right);
  const H = top + versions.length * rowH + 70;
  const s = svg('svg', { class: 'timeline', viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': 'timeline' });
  const y0 = new Date(lo).getUTCFullYear(), y1 = new Date(hi).getUTCFullYear();
  const step = Math.max(1, Math.ceil((y1 - y0) / 12));
  s.append(svg('line', { class: 'axis', x1: left, x2: W - right, y1: H - 40, y2: H - 40 }));
  for (let y = y0; y <= y1; y += step) {
    const xx = x(`${y}-01-01`);
    if (xx < left) continue;
    s.append(svg('line', { class: 'axis', x1: xx, x2: xx, y1: H - 44, y2: H - 36 }), svg('text', { x: xx, y: H - 22, 'text-anchor': 'middle' }, String(y)));
  }
  versions.forEach((v, i) => {
    const y = top + i * rowH;
    const from = v.in_force_from || v.date, until = v.in_force_until || today;
    const a = svg('a', { href: href({ v: `${v.work}@${v.date}` }) });
    const tip = `${v.date} (${v.lang}, ${v.status}) in force ${v.in_force_from || 'never'} → ${v.in_force_until || 'now'}`;
    if (v.date < from) /* published before it came into force: a lighter bar */
      a.append(svg('rect', { class: 'bar draft', x: x(v.date), y, width: Math.max(2, x(from) - x(v.date)), height: rowH - 8, rx: 3 }, svg('title', {}, tip)));
    a.append(svg('rect', { class: 'bar', x: x(from), y, width: Math.max(3, x(until) - x(from)), height: rowH - 8, rx: 3 }, svg('title', {}, tip)));
    const label = `${v.date} ${v.lang} · ${v.status}` + (v.in_force_from ? ` · in force ${v.in_force_from}` : '');
    const lx = x(v.date);
    a.append(lx > W * 0.6 ? svg('text', { x: lx - 4, y: y + rowH - 13, 'text-anchor': 'end' }, label) : svg('text', { x: lx + 4, y: y + rowH - 13 }, label));
    s.append(a);
  });
  const colours = { referendum: '#7a3fb0', adopted: '#1a7f37', 'in-force': '#1f3a5f', amended: '#b54708', replaced: '#5d6675', repealed: '#b42318', published: '#3e6ea8', consolidated: '#0f7b7b' };
  for (const e of events) {
    const c = svg('circle', { cx: x(e.date), cy: H - 40, r: e.kind === 'amended' ? 3 : 5, fill: colours[e.kind] || '#5d6675' });
    c.append(svg('title', {}, `${e.date} ${e.kind}${e.act ? ' ' + e.act : ''}${e.turnout !== undefined ? ` turnout ${e.turnout} %` : ''}${e.for !== undefined ? `, ${e.for} % for` : ''}`));
    s.append(c);
  }
  return s;
}

async function viewWork(id) {
  const j = await api('/api/works/' + encodeURIComponent(id));
  const w = j.work;
  document.title = `covenant — ${w.title || w.id}`;
  const versions = j.versions.map(v => Object.assign({ work: w.id }, v));
  const list = el('ol', { class: 'events' });
  const rows = [...versions.map(v => ({ date: v.date, order: 0, v })), ...j.events.map(e => ({ date: e.date, order: 1, e }))].sort((a, b) => a.date.localeCompare(b.date) || a.order - b.order);
  for (const r of rows) {
    if (r.v) {
      list.append(el('li', {}, el('span', { class: 'date' }, r.date), 'version ', el('a', { href: href({ v: `${w.id}@${r.v.date}` }) }, `${r.v.date} (${r.v.lang})`), ` — ${r.v.status}, ${r.v.articles} articles, from ${r.v.source}`));
    } else {
      const e = r.e;
      let what = e.kind;
      if (e.kind === 'referendum') what += [e.turnout !== undefined ? `: turnout ${e.turnout} %` : '', e.for !== undefined ? `, ${e.for} % for` : '', e.result ? ` — ${e.result}` : ''].join('');
      if (e.act) what += ` by ${e.act}`;
      if (e.by) what += ` by ${e.by}`;
      list.append(el('li', {}, el('span', { class: 'date' }, e.date), what, el('span', { class: 'meta' }, `  [version ${e.version}]`)));
    }
  }
  const compares = [];
  for (let i = 1; i < versions.length; i++) {
    const a = versions[i - 1], b = versions[i];
    compares.push(el('a', { href: href({ old: `${w.id}@${a.date}`, new: `${w.id}@${b.date}` }) }, `Compare ${a.date} → ${b.date}`));
  }
  show(el('h1', {}, w.title || w.id), el('p', { class: 'meta' }, `${w.id} · ${w.country} · ${w.kind}`),
    el('div', { class: 'actions' }, compares),
    el('h2', {}, 'Timeline'), timeline(versions, j.events), el('h2', {}, 'Versions and events'), list);
}

/* ---- reading a version ---- */

function quoteNode(f) {
  const q = enc.encode(f.quote || '');
  const bq = el('blockquote');
  const tr = f.trigger || {};
  const a = (tr.start || 0) - f.start, b = (tr.end || 0) - f.start;
  if (tr.text && a >= 0 && b > a && b <= q.length) bq.append(slice(q, 0, a), el('mark', {}, slice(q, a, b)), slice(q, b, q.length));
  else bq.append(f.quote || '');
  return bq;
}

function findingCard(f, rights) {
  const std = f.standard ? f.standard.replace('iccpr:', '') : '';
  return el('div', { class: 'finding ' + f.severity, 'data-rule': f.rule, id: 'f-' + f.id },
    el('span', { class: 'badge ' + f.severity }, f.severity), el('span', { class: 'rule' }, f.rule),
    quoteNode(f), el('div', {}, f.message),
    std ? el('div', { class: 'std' }, `ICCPR art. ${std}${rights[std] ? ' — ' + rights[std] : ''} · ${f.eid}`) : el('div', { class: 'std' }, f.eid));
}

function owns(block, eid) { return eid === block || eid.startsWith(block + '__'); }

async function viewVersion(ref) {
  const lang = params.get('lang');
  const q = lang ? '?lang=' + encodeURIComponent(lang) : '';
  const base = '/api/versions/' + encodeURIComponent(ref);
  const [meta, tree, check, rightsJ] = await Promise.all([api(base + q), api(base + '/tree' + q), api(base + '/check' + q), api('/api/rights').catch(() => ({ rights: [] }))]);
  const v = meta.version;
  const rights = {};
  for (const r of rightsJ.rights) rights[r.article] = r.right;
  document.title = `covenant — ${v.title || v.work} ${v.date}`;
  const primary = tree.primary || 'article';
  const findings = check.findings || [];
  const blocks = [];
  const doc = el('div', { class: 'doc' });

  const renderSub = n => {
    if (n.kind === 'note') return el('div', { class: 'note', id: n.eid }, n.text);
    const d = el('div', { class: 'sub', id: n.eid },
      n.num ? el('span', { class: 'num' }, el('a', { href: '#' + n.eid }, n.num_printed || n.num), ' ') : null,
      n.heading ? el('span', { class: 'heading' }, n.heading + ' ') : null,
      n.text ? el('span', { class: 'own' }, n.text) : null);
    for (const c of n.children || []) d.append(renderSub(c));
    return d;
  };
  const walk = (nodes, depth) => {
    for (const n of nodes) {
      if (n.kind === primary || n.kind === 'preamble' || n.kind === 'preface') {
        const textCol = el('div', { class: 'text' },
          el('div', {}, el('span', { class: 'num' }, el('a', { href: '#' + n.eid }, n.kind === primary ? `${primary === 'article' ? 'Article' : 'Section'} ${n.num_printed || n.num}` : n.kind)), ' ',
            n.heading ? el('span', { class: 'heading' }, n.heading) : null),
          n.text ? el('div', { class: 'own' }, n.text) : null);
        for (const c of n.children || []) textCol.append(renderSub(c));
        const mine = findings.filter(f => owns(n.eid, f.eid));
        const side = el('aside', { class: 'findings', 'aria-label': `findings on ${n.eid}` }, mine.map(f => findingCard(f, rights)));
        const worst = SEVERITIES.find(s => mine.some(f => f.severity === s));
        const block = el('section', { class: 'provision' + (worst ? ' worst-' + worst : ''), id: n.eid, 'data-num': n.num }, textCol, side);
        blocks.push(block);
        doc.append(block);
      } else {
        doc.append(el('h3', { class: 'group-heading', id: n.eid }, `${n.kind} ${n.num_printed || n.num || ''}${n.heading ? ' — ' + n.heading : ''}`.trim()));
        if (n.text) doc.append(el('div', { class: 'provision' }, el('div', { class: 'text own' }, n.text), el('aside', { class: 'findings' })));
        walk(n.children || [], depth + 1);
      }
    }
  };
  walk(tree.nodes || [], 0);
  const sum = check.summary || {};
  const work = v.work;
  show(el('h1', {}, v.title || work),
    el('p', { class: 'meta' }, `${work}@${v.date} · ${v.lang} · ${v.status}` + (v.in_force_from ? ` · in force ${v.in_force_from} → ${v.in_force_until || 'now'}` : ' · never in force') + ` · ${v.articles} articles · ${v.source}`),
    el('p', { class: 'counts' }, SEVERITIES.map(s => el('span', { class: 'badge ' + s }, `${sum[s] || 0} ${s}`))),
    el('div', { class: 'actions' },
      el('a', { href: href({ work }) }, 'Timeline of the work'),
      el('a', { href: base + '/report' + q, class: 'export', title: 'the HTML report of this version' }, 'Export report'),
      el('a', { href: base + '/check' + q }, 'Findings as JSON'),
      el('a', { href: base + '/text' + q }, 'Text')),
    doc);
  goToHash();
}

/* #art_34 finds sec_II__art_34 as well as the exact eId */
function goToHash() {
  const h = decodeURIComponent(location.hash.slice(1));
  if (!h) return;
  let t = document.getElementById(h);
  if (!t) t = [...document.querySelectorAll('[id]')].find(e => e.id.endsWith('__' + h));
  if (!t) return;
  for (const o of document.querySelectorAll('.target')) o.classList.remove('target');
  t.classList.add('target');
  t.scrollIntoView({ block: 'start' });
  window.scrollBy(0, -60);
}
window.addEventListener('hashchange', goToHash);

/* ---- comparing two versions ---- */

function primaryNodes(tree) {
  const out = [];
  const primary = tree.primary || 'article';
  const walk = ns => { for (const n of ns) { if (n.kind === primary) out.push(n); else walk(n.children || []); } };
  walk(tree.nodes || []);
  return out;
}

function marked(bytes, start, end, spans, tag) {
  const out = [];
  let at = start;
  for (const s of spans.filter(s => s && s.end > s.start && s.start >= start && s.end <= end).sort((a, b) => a.start - b.start)) {
    if (s.start < at) continue;
    out.push(slice(bytes, at, s.start), el(tag, {}, slice(bytes, s.start, s.end)));
    at = s.end;
  }
  out.push(slice(bytes, at, end));
  return out;
}

function alignment(d, oldArts, newArts) {
  const rowH = 12, W = 520, lx = 90, rx = W - 90, top = 24;
  const n = Math.max(oldArts.length, newArts.length);
  const H = top + n * rowH + 10;
  const oi = new Map(oldArts.map((a, i) => [a.eid, i])), ni = new Map(newArts.map((a, i) => [a.eid, i]));
  const s = svg('svg', { class: 'alignment', viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: 'img', 'aria-label': 'alignment of the articles' });
  s.append(svg('text', { x: lx, y: 14, 'text-anchor': 'end' }, 'old'), svg('text', { x: rx, y: 14 }, 'new'));
  const yOf = i => top + i * rowH + rowH / 2;
  const removed = new Set(d.removed.map(r => r.eid)), added = new Set(d.added.map(a => a.eid));
  oldArts.forEach((a, i) => s.append(svg('text', { x: lx - 6, y: yOf(i) + 4, 'text-anchor': 'end', fill: removed.has(a.eid) ? COLOURS.removed : null }, (removed.has(a.eid) ? '✕ ' : '') + a.num)));
  newArts.forEach((a, i) => s.append(svg('text', { x: rx + 6, y: yOf(i) + 4, fill: added.has(a.eid) ? COLOURS.added : null }, a.num + (added.has(a.eid) ? ' +' : ''))));
  d.pairs.forEach((p, k) => {
    if (!oi.has(p.old) || !ni.has(p.new)) return;
    const a = svg('a', { href: '#pair-' + k });
    const l = svg('line', { x1: lx, y1: yOf(oi.get(p.old)), x2: rx, y2: yOf(ni.get(p.new)), stroke: COLOURS[p.status] || '#5d6675', 'data-status': p.status });
    l.append(svg('title', {}, `${p.old_num} → ${p.new_num} ${p.status} (similarity ${p.similarity})`));
    a.append(l);
    s.append(a);
  });
  return s;
}

async function viewCompare(oldRef, newRef) {
  const enc2 = encodeURIComponent;
  document.title = `covenant — ${oldRef} → ${newRef}`;
  const [d, ot, nt, ob, nb] = await Promise.all([
    api(`/api/diff?old=${enc2(oldRef)}&new=${enc2(newRef)}`),
    api(`/api/versions/${enc2(oldRef)}/tree`), api(`/api/versions/${enc2(newRef)}/tree`),
    text(`/api/versions/${enc2(oldRef)}/text`), text(`/api/versions/${enc2(newRef)}/text`)]);
  const oldArts = primaryNodes(ot), newArts = primaryNodes(nt);
  const oldBy = new Map(oldArts.map(a => [a.eid, a])), newBy = new Map(newArts.map(a => [a.eid, a]));
  const sm = d.summary || {};
  const legend = el('div', { class: 'legend' }, STATUSES.map(s => el('span', {}, el('i', { class: 'status ' + s }), `${s} ${sm[s] || 0}`)));
  const impact = el('div', {}, (d.findings || []).map(f => el('div', { class: 'finding' },
    el('span', { class: 'badge ' + f.severity }, f.severity), el('span', { class: 'rule' }, `${f.rule} · ${f.side} article ${f.num}`),
    quoteNode(f), el('div', {}, f.message))));
  if (!(d.findings || []).length) impact.append(el('p', { class: 'meta' }, d.impact_note || 'No change to rights found.'));
  const pairs = el('div');
  d.pairs.forEach((p, k) => {
    const o = oldBy.get(p.old), n = newBy.get(p.new);
    if (!o || !n) return;
    const changes = p.changes || [];
    pairs.append(el('div', { class: 'pair', id: 'pair-' + k, 'data-old': p.old_num, 'data-new': p.new_num },
      el('header', {}, `Article ${p.old_num} → ${p.new_num}`, el('span', { class: 'status ' + p.status }, p.status), el('span', { class: 'meta' }, `  similarity ${p.similarity}`)),
      el('div', { class: 'side old' }, marked(ob, o.start, o.end, changes.map(c => c.old), 'del')),
      el('div', { class: 'side new' }, marked(nb, n.start, n.end, changes.map(c => c.new), 'ins'))));
  });
  for (const r of d.removed) {
    const o = oldBy.get(r.eid);
    if (o) pairs.append(el('div', { class: 'pair' }, el('header', {}, `Article ${r.num} removed`, el('span', { class: 'status removed' }, 'removed')), el('div', { class: 'side old' }, el('del', {}, slice(ob, o.start, o.end))), el('div', { class: 'side new' })));
  }
  for (const a of d.added) {
    const n = newBy.get(a.eid);
    if (n) pairs.append(el('div', { class: 'pair' }, el('header', {}, `Article ${a.num} added`, el('span', { class: 'status added' }, 'added')), el('div', { class: 'side old' }), el('div', { class: 'side new' }, el('ins', {}, slice(nb, n.start, n.end)))));
  }
  const onlyChanged = el('input', { type: 'checkbox', id: 'only-changed', checked: true });
  const apply = () => { for (const p of pairs.querySelectorAll('.pair')) p.hidden = onlyChanged.checked && !!p.querySelector('.status.unchanged'); };
  onlyChanged.addEventListener('change', apply);
  show(el('h1', {}, `${d.old.label} → ${d.new.label}`),
    el('p', { class: 'meta' }, `${oldArts.length} articles → ${newArts.length} articles`),
    el('div', { class: 'actions' },
      el('a', { href: href({ v: oldRef }) }, `Read ${oldRef}`), el('a', { href: href({ v: newRef }) }, `Read ${newRef}`),
      el('a', { class: 'export', href: `/api/versions/${enc2(newRef)}/report?against=${enc2(oldRef)}` }, 'Export report'),
      el('a', { href: `/api/diff?old=${enc2(oldRef)}&new=${enc2(newRef)}` }, 'Comparison as JSON')),
    el('h2', {}, 'Rights impact'), impact,
    el('h2', {}, 'Alignment'), legend, alignment(d, oldArts, newArts),
    el('h2', {}, 'Side by side'), el('label', {}, onlyChanged, ' changed pairs only'), pairs);
  apply();
  if (location.hash) { const t = document.getElementById(location.hash.slice(1)); if (t) t.scrollIntoView(); }
}

/* ---- search ---- */

function snippet(s) {
  // the API marks matches with <b>…</b>; everything else is text
  const out = el('span', { class: 'snippet' });
  let bold = false;
  for (const part of String(s).split(/(<b>|<\/b>)/)) {
    if (part === '<b>') bold = true;
    else if (part === '</b>') bold = false;
    else if (part) out.append(bold ? el('b', {}, part) : part);
  }
  return out;
}

async function viewSearch(q) {
  const p = new URLSearchParams({ q, limit: '50' });
  for (const k of ['right', 'country', 'lang', 'kind', 'work', 'in_force_at']) if (params.get(k)) p.set(k, params.get(k));
  if (params.get('best') === '1') p.set('best', '1');
  document.title = `covenant — search ${q}`;
  const j = await api('/api/search?' + p.toString());
  const list = el('ol', { class: 'hits' }, j.hits.map(h => el('li', { class: 'hit', 'data-work': h.work, 'data-num': h.num },
    el('a', { href: href({ v: `${h.work}@${h.date}`, lang: h.lang }) + '#' + h.eid }, `${h.title || h.work} (${h.date}, ${h.lang})`),
    ' — ', h.num ? `article ${h.num}` : h.eid, h.heading ? ` — ${h.heading}` : '', snippet(h.snippet))));
  show(el('h1', {}, `Search: ${q}`),
    el('p', { class: 'meta' }, `${j.hits.length} ${j.hits.length === 1 ? 'article' : 'articles'}` + (params.get('right') ? ` concerning ICCPR art. ${params.get('right')}` : '') + (params.get('best') === '1' ? ', the best of each work' : '')),
    j.hits.length ? list : el('p', {}, 'No article matches.'));
}

/* ---- start ---- */

async function start() {
  setupSearch();
  try {
    if (params.get('q')) await viewSearch(params.get('q'));
    else if (params.get('old') && params.get('new')) await viewCompare(params.get('old'), params.get('new'));
    else if (params.get('v')) await viewVersion(params.get('v'));
    else if (params.get('work')) await viewWork(params.get('work'));
    else await viewLibrary();
    document.body.dataset.ready = '1';
  } catch (e) {
    fail(e);
    document.body.dataset.ready = 'error';
  }
}
start();
