// Draws an engine Result into the page: the article with its claims
// highlighted, the sources panel, the "Worth checking" ranking, the
// unattributed list, the meta and the summary. Every piece of the article reaches the DOM as a text node: the
// text is the reader's data, never markup.

import { offsetMap } from './offsets.js';
import { KIND_NAMES, who as whoIs } from './sourcelabel.js';

const PALETTE = 8; // colours in style.css (.c0 … .c7)
const PATTERNS = 3; // underline patterns in style.css (.p0 … .p2)

const ATTR_KINDS = {
  direct: 'direct quote',
  indirect: 'indirect (reported speech)',
  mixed: 'mixed (reported speech with a quoted fragment)',
};

/** el makes an element with a class and optional text, never parsing markup. */
function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined && text !== null) e.textContent = String(text);
  return e;
}

function plural(n, one, many) {
  return n + ' ' + (n === 1 ? one : many);
}

/**
 * sourceStyle gives each source a colour, a pattern and a number, so no
 * source is told apart by colour alone.
 */
function sourceStyles(sources) {
  const m = new Map();
  sources.forEach((s, i) => {
    m.set(s.id, {
      index: i,
      label: String(i + 1),
      cls: 'c' + (i % PALETTE) + ' p' + (Math.floor(i / PALETTE) % PATTERNS),
      source: s,
    });
  });
  return m;
}

/** summaryLine is the one-line count of what the engine found. */
export function summaryLine(result) {
  const claims = result.claims || [];
  const sources = result.sources || [];
  const attributed = claims.filter((c) => c.attribution).length;
  const anonymous = sources.filter((s) => s.kind === 'anonymous').length;
  const unattributed = claims.length - attributed;
  return (
    plural(attributed, 'attributed claim', 'attributed claims') +
    ' from ' +
    plural(sources.length, 'source', 'sources') +
    ', ' +
    anonymous +
    ' of them anonymous; ' +
    plural(unattributed, 'unattributed statement', 'unattributed statements')
  );
}

/**
 * segments cuts the text at every highlight boundary and says, for each
 * piece, which claim (outer) and which source/cue mark (inner) covers it.
 * Overlaps never nest badly: an attributed claim wins over an unattributed
 * one, the lower claim index wins among equals, and marks are clipped to
 * the claim they fall in.
 */
function segments(result, toU) {
  const n = result.text.length;
  const iv = []; // {s, e, layer: 0 outer attributed | 1 outer unattributed | 2 inner, key, role, claim}
  (result.claims || []).forEach((c, ci) => {
    const parts = c.parts && c.parts.length ? c.parts : [{ start: c.start, end: c.end }];
    parts.forEach((p, pi) => {
      iv.push({
        s: toU(p.start),
        e: toU(p.end),
        layer: c.attribution ? 0 : 1,
        key: (c.attribution ? 'a' : 'u') + ci + ':' + pi,
        claim: ci,
        part: pi,
      });
    });
    const a = c.attribution;
    if (a) {
      if (a.source) iv.push({ s: toU(a.source.start), e: toU(a.source.end), layer: 2, role: 'src', claim: ci });
      if (a.cue) iv.push({ s: toU(a.cue.start), e: toU(a.cue.end), layer: 2, role: 'cue', claim: ci });
    }
  });
  const bounds = new Set([0, n]);
  for (const v of iv) {
    if (v.e > v.s) {
      bounds.add(v.s);
      bounds.add(v.e);
    }
  }
  const pts = [...bounds].sort((a, b) => a - b);
  const starts = new Map();
  const ends = new Map();
  for (const v of iv) {
    if (v.e <= v.s) continue;
    if (!starts.has(v.s)) starts.set(v.s, []);
    starts.get(v.s).push(v);
    if (!ends.has(v.e)) ends.set(v.e, []);
    ends.get(v.e).push(v);
  }
  const active = new Set();
  const out = [];
  const better = (a, b) => !b || a.layer < b.layer || (a.layer === b.layer && a.claim < b.claim);
  for (let i = 0; i + 1 < pts.length; i++) {
    const at = pts[i];
    for (const v of ends.get(at) || []) active.delete(v);
    for (const v of starts.get(at) || []) active.add(v);
    let outer = null;
    let inner = null;
    for (const v of active) {
      if (v.layer < 2) {
        if (better(v, outer)) outer = v;
      } else if (better(v, inner)) inner = v;
    }
    out.push({ s: at, e: pts[i + 1], outer, inner });
  }
  return out;
}

// PARA_BREAK finds where a new paragraph starts: after a blank line.
const PARA_BREAK = /(?<=\n\n)(?=[^\n])/;

/**
 * drawArticle fills container with the article text and its highlights.
 * Returns the claim elements by claim index (first part first).
 *
 * The text goes in paragraph blocks (span.para, display: block), cut after
 * each blank line outside a claim: one block holding a whole long article
 * is a single inline layout, and chromium took 19 s to lay out 5 MB so.
 * The blocks add no text, so the article's textContent is still the text.
 */
function drawArticle(container, result, styles) {
  const text = result.text;
  const toU = offsetMap(text);
  container.replaceChildren();
  let para = el('span', 'para');
  container.append(para);
  const byClaim = new Map();
  let group = null; // the element for the current outer interval
  let groupKey = null;
  const claims = result.claims || [];
  for (const seg of segments(result, toU)) {
    const key = seg.outer ? seg.outer.key : null;
    if (key !== groupKey) {
      groupKey = key;
      group = null;
      if (seg.outer) {
        const c = claims[seg.outer.claim];
        const ci = seg.outer.claim;
        if (c.attribution) {
          group = el('mark', 'claim');
          const st = styles.get(c.attribution.source_id);
          if (st) {
            group.className = 'claim ' + st.cls;
            group.dataset.label = st.label;
            group.dataset.sourceId = c.attribution.source_id;
          } else {
            group.className = 'claim c-none';
            group.dataset.label = '?';
          }
          group.dataset.kind = c.attribution.kind || '';
          group.tabIndex = seg.outer.part === 0 ? 0 : -1;
          group.setAttribute('aria-describedby', 'tip');
        } else {
          group = el('span', 'unattr');
          group.tabIndex = -1;
        }
        group.dataset.claim = String(ci);
        group.dataset.part = String(seg.outer.part);
        para.append(group);
        if (!byClaim.has(ci)) byClaim.set(ci, []);
        byClaim.get(ci).push(group);
      }
    }
    const piece = text.slice(seg.s, seg.e);
    if (!group && !seg.inner && piece.includes('\n\n')) {
      piece.split(PARA_BREAK).forEach((part, i) => {
        if (i > 0) {
          para = el('span', 'para');
          container.append(para);
        }
        para.append(document.createTextNode(part));
      });
      continue;
    }
    let node = document.createTextNode(piece);
    if (seg.inner) {
      const span = el('span', seg.inner.role);
      span.dataset.claim = String(seg.inner.claim);
      const c = claims[seg.inner.claim];
      const st = c && c.attribution && styles.get(c.attribution.source_id);
      if (st) {
        span.dataset.sourceId = c.attribution.source_id;
        if (seg.inner.role === 'src') span.className = 'src ' + st.cls;
      }
      span.append(node);
      node = span;
    }
    (group || para).append(node);
  }
  return byClaim;
}

/** fillTip fills the tooltip with who made claim c, the cue and the kind. */
export function fillTip(tip, result, c) {
  tip.replaceChildren();
  const a = c.attribution;
  if (!a) return;
  const src = (result.sources || []).find((s) => s.id === a.source_id);
  const dl = el('dl');
  const row = (k, v) => {
    dl.append(el('dt', null, k), el('dd', null, v));
  };
  // "he → James Comey (FBI Director)": the mention, then who it is.
  let who = a.source ? a.source.text : 'no source given';
  if (src) who = whoIs(src, a.source && a.source.text);
  row('Who', who);
  if (src) row('Source', KIND_NAMES[src.kind] || src.kind);
  row('Cue', a.cue ? a.cue.text : 'none');
  row('Kind', ATTR_KINDS[a.kind] || a.kind);
  tip.append(dl);
}

/**
 * render draws result into the page's result elements (ids from
 * index.html) and returns the handles the page's events need.
 */
export function render(doc, result) {
  const $ = (id) => doc.getElementById(id);
  const sources = result.sources || [];
  const claims = result.claims || [];
  const styles = sourceStyles(sources);

  // Meta: only what the engine found.
  const meta = result.meta || {};
  const setLine = (id, value) => {
    const e = $(id);
    e.textContent = value || '';
    e.hidden = !value;
  };
  setLine('meta-title', meta.title);
  setLine('meta-byline', meta.authors && meta.authors.length ? 'By ' + meta.authors.join(', ') : '');
  setLine('meta-date', meta.published ? 'Published ' + meta.published : '');
  $('summary').textContent = summaryLine(result);

  const article = $('article');
  article.classList.remove('filtering');
  const byClaim = drawArticle(article, result, styles);

  // Sources panel.
  const list = $('sources');
  list.replaceChildren();
  for (const s of sources) {
    const st = styles.get(s.id);
    const n = (s.claims || []).filter((i) => claims[i] && claims[i].attribution).length;
    const li = el('li');
    const b = el('button', 'source');
    b.type = 'button';
    b.dataset.sourceId = s.id;
    b.setAttribute('aria-pressed', 'false');
    const badge = el('span', 'badge ' + st.cls, st.label);
    badge.setAttribute('aria-hidden', 'true');
    b.append(badge, el('span', 'source-name', s.name));
    if (s.role) b.append(el('span', 'source-role', s.role));
    b.append(el('span', 'source-kind', KIND_NAMES[s.kind] || s.kind), el('span', 'source-count', plural(n, 'claim', 'claims')));
    b.setAttribute('aria-label', 'Source ' + st.label + ': ' + s.name + (s.role ? ', ' + s.role : '') + ', ' + (KIND_NAMES[s.kind] || s.kind) + ', ' + plural(n, 'claim', 'claims'));
    li.append(b);
    list.append(li);
  }

  // Unattributed claims, most check-worthy first.
  const ul = $('unattributed');
  ul.replaceChildren();
  const unattr = claims
    .map((c, i) => ({ c, i }))
    .filter((x) => !x.c.attribution)
    .sort((x, y) => (y.c.checkworthiness || 0) - (x.c.checkworthiness || 0) || x.c.start - y.c.start);
  for (const { c, i } of unattr) {
    const li = el('li');
    const b = el('button', 'unattr-item');
    b.type = 'button';
    b.dataset.claim = String(i);
    b.append(el('span', 'unattr-text', c.text));
    const score = typeof c.checkworthiness === 'number' ? c.checkworthiness.toFixed(2) : '–';
    const why = c.reasons && c.reasons.length ? ' · ' + c.reasons.map((r) => REASON_WORDS[r] || r).join(', ') : '';
    b.append(el('span', 'unattr-score', 'check-worthiness ' + score + why));
    li.append(b);
    ul.append(li);
  }
  if (!unattr.length) ul.append(el('li', 'empty', 'None.'));

  renderWorth(doc, claims, sources, result.text || '');
  return { byClaim, styles };
}

/** Reasons in a reader's words (the engine's names in the JSON). */
const REASON_WORDS = {
  number: 'a number',
  quantity: 'a quantity',
  percentage: 'a percentage',
  comparison: 'a comparison',
  causal: 'a cause',
  named_entity: 'a name',
  time: 'a date or time',
  reported: 'a claim verb ("claimed", "according to")',
};

/** Where "Search fact-checks" goes: Google Fact Check Explorer's search. */
export const FACTCHECK_SEARCH = 'https://toolbox.google.com/factcheck/explorer/search/';

/**
 * factCheckURL is the search for a claim's text: one line, without
 * quotation marks, cut at a word near 200 characters (longer queries find
 * nothing).
 */
export function factCheckURL(text) {
  // double quotation marks would make the search an exact phrase
  let q = String(text).replace(/["“”«»„]/g, '').replace(/\s+/g, ' ').trim().replace(/^[‘’']+|[‘’',]+$/g, '');
  if (q.length > 200) {
    q = q.slice(0, 200);
    const sp = q.lastIndexOf(' ');
    if (sp > 100) q = q.slice(0, sp);
  }
  return FACTCHECK_SEARCH + encodeURIComponent(q);
}

/**
 * renderWorth fills the "Worth checking" list: every claim, most
 * check-worthy first, with who said it and a link that searches
 * fact-checks for it in a new tab. The link is a plain link: nothing
 * leaves the page until the reader follows it. The "unattributed only"
 * filter hides the attributed items.
 */
function renderWorth(doc, claims, sources, text) {
  const list = doc.getElementById('worth');
  if (!list) return;
  list.replaceChildren();
  const toU = offsetMap(text);
  // a discontinuous claim is searched for its parts, without the "he
  // said" between them
  const searchText = (c) =>
    c.parts && c.parts.length > 1 ? c.parts.map((p) => text.slice(toU(p.start), toU(p.end))).join(' ') : c.text;
  const byId = new Map(sources.map((s) => [s.id, s]));
  const score = (c) => (typeof c.checkworthiness === 'number' ? c.checkworthiness : -1);
  const ranked = claims.map((c, i) => ({ c, i })).sort((x, y) => score(y.c) - score(x.c) || x.c.start - y.c.start);
  for (const { c, i } of ranked) {
    const a = c.attribution;
    let who = 'no source';
    if (a) {
      const src = a.source_id && byId.get(a.source_id);
      who = src ? src.name : a.source ? a.source.text : 'source not named';
    }
    const li = el('li', 'worth-entry');
    li.dataset.attributed = String(!!a);
    const b = el('button', 'worth-item');
    b.type = 'button';
    b.id = 'worth-' + i;
    b.dataset.worth = String(i);
    const s = score(c);
    const why = c.reasons && c.reasons.length ? ' · ' + c.reasons.map((r) => REASON_WORDS[r] || r).join(', ') : '';
    b.append(
      el('span', 'worth-text', c.text),
      el('span', 'worth-who', (a ? 'Said by ' : '') + who),
      el('span', 'worth-score', (s >= 0 ? 'check-worthiness ' + s.toFixed(2) + (s >= 0.5 ? ' (worth checking)' : '') : 'not scored') + why),
    );
    const link = el('a', 'factcheck', 'Search fact-checks');
    link.id = 'factcheck-' + i;
    link.href = factCheckURL(searchText(c));
    link.target = '_blank';
    link.rel = 'noopener noreferrer';
    link.setAttribute('aria-label', 'Search fact-checks for claim ' + (i + 1) + ' (opens in a new tab)');
    li.append(b, link);
    list.append(li);
  }
  if (!ranked.length) list.append(el('li', 'empty', 'None.'));
  filterWorth(doc);
}

/** filterWorth shows only unattributed claims when the filter is on. */
export function filterWorth(doc) {
  const only = doc.getElementById('worth-unattr');
  const on = !!(only && only.checked);
  for (const li of doc.querySelectorAll('#worth li.worth-entry')) {
    li.hidden = on && li.dataset.attributed === 'true';
  }
}

/** filterSource highlights only the claims of source id (null: all). */
export function filterSource(doc, id) {
  const article = doc.getElementById('article');
  article.classList.toggle('filtering', id !== null);
  for (const e of article.querySelectorAll('.claim, .src, .cue')) {
    e.classList.toggle('chosen', id !== null && e.dataset.sourceId === id);
  }
  for (const b of doc.querySelectorAll('#sources button')) {
    b.setAttribute('aria-pressed', String(b.dataset.sourceId === id));
  }
  doc.getElementById('all-sources').setAttribute('aria-pressed', String(id === null));
}
