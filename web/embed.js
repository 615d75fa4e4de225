// whosaid embed: one module a site adds to annotate an article in place.
//
//   <script type="module" src="https://WHOSAID-HOST/embed.js"></script>
//   <who-said>…article text or HTML…</who-said>
//   <who-said src-selector="article.post-body" mode="panel"></who-said>
//
// Attributes: theme (light | dark | auto), mode (inline | panel | summary),
// lang (en | fr), src-selector, whole-page (an HTML page read whole, not
// just its article). Events on the element: whosaid:ready,
// whosaid:result (detail: the engine's result object), whosaid:error
// (detail: {code, message}). Method: analyze(text, mediaType) → Promise of
// the result, for pages that have the text in hand (embed-frame.js uses it).
//
// The module defines the custom element and nothing else on the host page:
// no globals, no document listeners, styles only inside each shadow root.
// The article is data: it reaches the DOM as text nodes only. All the
// elements of a page share one engine worker, started when the first
// element becomes visible, so the engine's bytes are fetched once.

import { offsetMap } from './offsets.js';
import { KIND_NAMES, who } from './sourcelabel.js';

// The build rewrites the quoted name to the content-hashed file; resolving
// it against this module keeps it on the whosaid origin when a host page on
// another origin imports us.
const WORKER_URL = new URL('engine-worker.js', import.meta.url).href;

const LABELS = {
  en: {
    loading: 'Loading the whosaid engine…',
    working: 'Finding who said what…',
    failed: 'whosaid could not analyse this text: ',
    summary: (a, s, u) => `${a} attributed ${a === 1 ? 'claim' : 'claims'} from ${s} ${s === 1 ? 'source' : 'sources'}; ${u} unattributed ${u === 1 ? 'statement' : 'statements'}.`,
    sources: 'Sources',
    unattributed: 'Unattributed',
    worth: (shown, all) => (shown < all ? `Worth checking (${shown} of ${all})` : 'Worth checking'),
    saidBy: (name) => 'Said by ' + name,
    score: (s) => 'check-worthiness ' + s.toFixed(2),
    // the tooltip, as the page's: who (the mention → the name and role),
    // then what kind of source, the cue and the kind of attribution
    tip: (who, srcKind, cue, kind) => `${who}\n${[srcKind, cue && '“' + cue + '”', kind].filter(Boolean).join(' · ')}`,
    noSource: 'No source given',
    kinds: { direct: 'direct quote', indirect: 'reported speech', mixed: 'partly quoted' },
    sourceKinds: KIND_NAMES,
    by: 'Analysed by whosaid',
  },
  fr: {
    loading: 'Chargement du moteur whosaid…',
    working: 'Recherche de qui a dit quoi…',
    failed: 'whosaid n’a pas pu analyser ce texte : ',
    summary: (a, s, u) => `${a} ${a > 1 ? 'affirmations attribuées' : 'affirmation attribuée'} à ${s} ${s > 1 ? 'sources' : 'source'} ; ${u} ${u > 1 ? 'affirmations sans source' : 'affirmation sans source'}.`,
    sources: 'Sources',
    unattributed: 'Sans source',
    worth: (shown, all) => (shown < all ? `À vérifier (${shown} sur ${all})` : 'À vérifier'),
    saidBy: (name) => 'Dit par ' + name,
    score: (s) => 'vérifiabilité ' + s.toFixed(2).replace('.', ','),
    tip: (who, srcKind, cue, kind) => `${who}\n${[srcKind, cue && '« ' + cue + ' »', kind].filter(Boolean).join(' · ')}`,
    noSource: 'Aucune source indiquée',
    kinds: { direct: 'citation directe', indirect: 'discours rapporté', mixed: 'citation partielle' },
    sourceKinds: { person: 'personne nommée', organisation: 'organisation', group: 'groupe', anonymous: 'anonyme', document: 'document', other: 'autre' },
    by: 'Analyse par whosaid',
  },
};

const PALETTE = 8;

// WORTH_SHOWN is how many of the most check-worthy claims the side lists;
// WORTH_MIN is the engine's threshold for worth checking (Result docs).
const WORTH_SHOWN = 5;
const WORTH_MIN = 0.5;

// worthChecking is the claims scored worth checking, most check-worthy
// first (the earlier first on a tie), as the page ranks them.
function worthChecking(claims) {
  return claims
    .filter((c) => typeof c.checkworthiness === 'number' && c.checkworthiness >= WORTH_MIN)
    .sort((x, y) => y.checkworthiness - x.checkworthiness || x.start - y.start);
}

const CSS = `
:host{display:block}
:host([hidden]){display:none}
.w{all:initial;display:block;box-sizing:border-box;padding:.75em 1em;border-radius:6px;font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg);
 --fg:#1d1d1f;--bg:#fff;--muted:#5a5a60;--line:#d0d0d6;--un:#8a5a00;
 --c0:#ffe08a;--c1:#b9e4ff;--c2:#c9f2c0;--c3:#f8c8e0;--c4:#e0d0ff;--c5:#ffd0b0;--c6:#c8f0ee;--c7:#e8e8a8}
.dark{--fg:#ececf0;--bg:#17171a;--muted:#a8a8b0;--line:#3a3a42;--un:#f0c060;
 --c0:#6b5500;--c1:#0f4a6e;--c2:#25561c;--c3:#6e2348;--c4:#43307a;--c5:#7a3b12;--c6:#1c5a57;--c7:#5a5a12}
@media (prefers-color-scheme:dark){.auto{--fg:#ececf0;--bg:#17171a;--muted:#a8a8b0;--line:#3a3a42;--un:#f0c060;
 --c0:#6b5500;--c1:#0f4a6e;--c2:#25561c;--c3:#6e2348;--c4:#43307a;--c5:#7a3b12;--c6:#1c5a57;--c7:#5a5a12}}
.w *{box-sizing:border-box}
.status{color:var(--muted);font-size:.875em;margin:0 0 .5em}
.err{color:#b00020}
.sum{font-weight:600;margin:0 0 .75em}
.body{display:block}
.panel .body{display:grid;grid-template-columns:minmax(0,2fr) minmax(12em,1fr);gap:1.25em}
.art p{margin:0 0 .9em;white-space:pre-wrap}
mark{color:inherit;background:var(--c);border-radius:2px;padding:0 1px}
.u{text-decoration:underline dotted var(--un) 2px;text-underline-offset:3px}
sup{font-size:.7em;font-weight:700;margin-left:1px;color:var(--muted)}
h3{font-size:1em;margin:.5em 0}
ul,ol{margin:0 0 1em;padding-left:1.25em}
li{margin:.2em 0}
.sr,.sk{color:var(--muted);font-size:.875em}
.sr::before,.sk::before{content:" · "}
.dot{display:inline-block;width:.8em;height:.8em;border-radius:50%;background:var(--c);margin-right:.4em;vertical-align:-.05em;border:1px solid var(--line)}
.by{font-size:.75em;color:var(--muted);margin:.5em 0 0}
${Array.from({ length: PALETTE }, (_, i) => `.c${i}{--c:var(--c${i})}`).join('')}
`;

// One stylesheet object for every element: constructed, so no <style> text
// and no host page CSP for inline styles is involved.
let sheet = null;
function styles() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
  }
  return sheet;
}

// engine is the page's one engine worker, shared by every element. The
// worker (web/engine-worker.js, classic) answers requests one at a time, so
// its message queue is the queue of requests.
let engine = null;

// startEngine makes the worker. A page on another origin may not start a
// worker from our origin, so a same-origin blob: worker imports ours; the
// shim resolves the worker's relative names (wasm_exec.js, engine.wasm)
// against our origin instead of the blob: URL.
function startEngine() {
  const boot =
    `const b=${JSON.stringify(WORKER_URL)},i=self.importScripts.bind(self);` +
    'self.importScripts=(...u)=>i(...u.map((x)=>new URL(x,b).href));' +
    'Object.defineProperty(self,"location",{value:new URL(b)});i(b);';
  const url = URL.createObjectURL(new Blob([boot], { type: 'text/javascript' }));
  const w = new Worker(url);
  const pending = new Map();
  let next = 0;
  let onReady;
  let onFail;
  const e = {
    ready: new Promise((res, rej) => {
      onReady = res;
      onFail = rej;
    }),
    extract(text, mediaType, wholePage) {
      const id = ++next;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        w.postMessage({ type: 'extract', id, text, mediaType, wholePage: !!wholePage });
      });
    },
  };
  e.ready.catch(() => {}); // reported through extract and the elements
  const fail = (message) => {
    URL.revokeObjectURL(url);
    onFail(new Error(message));
    for (const p of pending.values()) p.reject(new Error(message));
    pending.clear();
    w.terminate();
    if (engine === e) engine = null; // the next request starts afresh
  };
  w.onmessage = (ev) => {
    const m = ev.data || {};
    if (m.type === 'ready') {
      URL.revokeObjectURL(url);
      onReady(m);
    } else if (m.type === 'fatal') {
      fail(String(m.message));
    } else if (m.type === 'exited') {
      fail('the engine stopped');
    } else if (m.type === 'done') {
      const p = pending.get(m.id);
      if (p) {
        pending.delete(m.id);
        p.resolve(String(m.out));
      }
    }
  };
  w.onerror = (ev) => {
    ev.preventDefault();
    fail('the engine could not load' + (ev.message ? ': ' + ev.message : ''));
  };
  return e;
}

function getEngine() {
  if (!engine) engine = startEngine();
  return engine;
}

function node(tag, cls, text) {
  const n = document.createElement(tag);
  if (cls) n.className = cls;
  if (text != null) n.textContent = String(text);
  return n;
}

// pieces cuts the text into runs, each covered by at most one claim: the
// first claim covering a place wins, so overlapping claims never nest.
function pieces(result, toU) {
  const n = result.text.length;
  const owner = new Int32Array(n).fill(-1);
  result.claims.forEach((c, ci) => {
    const parts = c.parts && c.parts.length ? c.parts : [c];
    for (const p of parts) {
      for (let i = toU(p.start), e = toU(p.end); i < e; i++) if (owner[i] < 0) owner[i] = ci;
    }
  });
  const out = [];
  for (let i = 0; i < n; ) {
    let j = i + 1;
    while (j < n && owner[j] === owner[i] && result.text[j] !== '\n') j++;
    if (result.text[i] === '\n') j = i + 1;
    out.push({ s: i, e: j, claim: owner[i] });
    i = j;
  }
  return out;
}

const THEMES = ['light', 'dark', 'auto'];
const MODES = ['inline', 'panel', 'summary'];

class WhoSaid extends HTMLElement {
  static get observedAttributes() {
    return ['theme', 'mode', 'lang'];
  }

  #root;
  #wrap;
  #status;
  #view;
  #result = null;
  #seq = 0;
  #seen = false;
  #io = null;

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
    this.#root.adoptedStyleSheets = [styles()];
    this.#wrap = node('div', 'w');
    this.#status = node('p', 'status');
    this.#status.setAttribute('role', 'status');
    this.#status.hidden = true;
    // Until the result arrives the element shows its own content as the
    // host wrote it.
    this.#view = node('div', 'view');
    this.#view.append(document.createElement('slot'));
    this.#wrap.append(this.#status, this.#view);
    this.#root.append(this.#wrap);
    this.#applyTheme();
  }

  connectedCallback() {
    if (this.#seen || this.#io) return;
    this.#io = new IntersectionObserver((entries) => {
      if (entries.some((en) => en.isIntersecting)) {
        this.#io.disconnect();
        this.#io = null;
        this.#seen = true;
        this.#start();
      }
    });
    this.#io.observe(this);
  }

  disconnectedCallback() {
    if (this.#io) {
      this.#io.disconnect();
      this.#io = null;
    }
  }

  attributeChangedCallback() {
    this.#applyTheme();
    if (this.#result) this.#draw(this.#result);
  }

  get #labels() {
    const lang = (this.getAttribute('lang') || this.closest('[lang]')?.getAttribute('lang') || 'en').toLowerCase().split('-')[0];
    return LABELS[lang] || LABELS.en;
  }

  #applyTheme() {
    const t = this.getAttribute('theme');
    const m = this.getAttribute('mode');
    this.#wrap.className = 'w ' + (THEMES.includes(t) ? t : 'auto') + ' ' + (MODES.includes(m) ? m : 'inline');
  }

  #say(text, isError) {
    this.#status.textContent = text;
    this.#status.className = isError ? 'status err' : 'status';
    this.#status.hidden = !text;
  }

  // #start runs once the element is first visible: it starts the engine and
  // analyses the element's content, or the src-selector element's.
  #start() {
    const sel = this.getAttribute('src-selector');
    let from = this;
    if (sel) {
      try {
        from = document.querySelector(sel);
      } catch {
        from = null;
      }
      if (!from) {
        this.#fail({ code: 'bad_selector', message: 'nothing on the page matches src-selector ' + sel });
        return;
      }
    }
    // Markup goes to the engine as HTML, which turns it into visible text.
    const html = from.children.length > 0;
    const text = html ? from.innerHTML : from.textContent;
    if (!text.trim()) {
      // Nothing to analyse yet: start the engine for a later analyze().
      new Promise((res) => res(getEngine().ready)).then(
        (info) => this.#emitReadyOnce(info),
        (err) => this.#fail({ code: 'engine_unavailable', message: String(err.message || err) }),
      );
      return;
    }
    this.analyze(text, html ? 'text/html' : 'text/plain').catch(() => {});
  }

  #emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true }));
  }

  #fail(error) {
    this.#say(this.#labels.failed + error.message, true);
    this.#emit('whosaid:error', error);
  }

  /**
   * analyze runs the engine on text (mediaType "text/plain" or "text/html"),
   * draws the result and resolves with it; it rejects with the engine's
   * {code, message} error.
   */
  async analyze(text, mediaType = 'text/plain') {
    const seq = ++this.#seq;
    this.#say(this.#labels.loading);
    let out;
    try {
      // A host CSP without worker-src blob: makes new Worker throw here.
      const eng = getEngine();
      const info = await eng.ready;
      if (seq === this.#seq) this.#say(this.#labels.working);
      this.#emitReadyOnce(info);
      // whole-page: all of an HTML page, not just its article.
      out = await eng.extract(String(text), String(mediaType), this.hasAttribute('whole-page'));
    } catch (err) {
      const error = { code: 'engine_unavailable', message: String(err.message || err) };
      if (seq === this.#seq) this.#fail(error);
      throw error;
    }
    let res;
    try {
      res = JSON.parse(out);
    } catch {
      res = { error: { code: 'internal', message: 'the engine answered with something that is not JSON' } };
    }
    if (res.error) {
      if (seq === this.#seq) this.#fail(res.error);
      throw res.error;
    }
    if (seq === this.#seq) {
      this.#result = res;
      this.#say('');
      this.#draw(res);
      this.#emit('whosaid:result', res);
    }
    return res;
  }

  #readyDone = false;
  #emitReadyOnce(info) {
    if (this.#readyDone) return;
    this.#readyDone = true;
    this.#emit('whosaid:ready', { version: info.version, model: info.model });
  }

  #draw(res) {
    const L = this.#labels;
    const mode = MODES.includes(this.getAttribute('mode')) ? this.getAttribute('mode') : 'inline';
    const claims = res.claims || [];
    const sources = res.sources || [];
    const num = new Map(sources.map((s, i) => [s.id, i]));
    const attributed = claims.filter((c) => c.attribution).length;
    const view = node('div', 'view');
    view.append(node('p', 'sum', L.summary(attributed, sources.length, claims.length - attributed)));
    const body = node('div', 'body');
    view.append(body);

    if (mode !== 'summary') {
      const art = node('div', 'art');
      const toU = offsetMap(res.text);
      let p = node('p');
      for (const pc of pieces(res, toU)) {
        const t = res.text.slice(pc.s, pc.e);
        if (t === '\n') {
          if (p.childNodes.length) art.append(p);
          p = node('p');
          continue;
        }
        const c = pc.claim >= 0 ? claims[pc.claim] : null;
        if (!c) {
          p.append(document.createTextNode(t));
        } else if (c.attribution && c.attribution.source_id && num.has(c.attribution.source_id)) {
          const i = num.get(c.attribution.source_id);
          const m = node('mark', 'c' + (i % PALETTE), t);
          const a = c.attribution;
          const s = sources[i];
          m.title = L.tip(who(s, a.source && a.source.text), L.sourceKinds[s.kind] || s.kind, a.cue && a.cue.text, L.kinds[a.kind] || a.kind);
          p.append(m);
          if (toU(c.end) === pc.e || (c.parts && c.parts.length && toU(c.parts[c.parts.length - 1].end) === pc.e)) {
            p.append(node('sup', null, String(i + 1)));
          }
        } else {
          const u = node('span', 'u', t);
          u.title = L.noSource;
          p.append(u);
        }
      }
      if (p.childNodes.length) art.append(p);
      body.append(art);
    }

    const side = node('div', 'side');
    side.append(node('h3', null, L.sources));
    const ul = node('ul');
    sources.forEach((s, i) => {
      const li = node('li');
      // name, role and kind, as the page's sources panel shows them
      li.append(node('span', 'dot c' + (i % PALETTE)), document.createTextNode(`${i + 1}. `), node('span', 'sn', s.name));
      if (s.role) li.append(node('span', 'sr', s.role));
      li.append(node('span', 'sk', L.sourceKinds[s.kind] || s.kind), document.createTextNode(` (${(s.claims || []).length})`));
      ul.append(li);
    });
    side.append(ul);
    if (mode !== 'inline') {
      const un = claims.filter((c) => !c.attribution);
      if (un.length) {
        side.append(node('h3', null, L.unattributed));
        const ol = node('ol');
        for (const c of un) ol.append(node('li', null, c.text));
        side.append(ol);
      }
      const worth = worthChecking(claims);
      if (worth.length) {
        const shown = worth.slice(0, WORTH_SHOWN);
        side.append(node('h3', null, L.worth(shown.length, worth.length)));
        const ol = node('ol', 'worth');
        for (const c of shown) {
          const a = c.attribution;
          const i = a && a.source_id && num.has(a.source_id) ? num.get(a.source_id) : -1;
          const li = node('li', null, c.text);
          li.append(node('span', 'sr', i >= 0 ? L.saidBy(sources[i].name) : L.noSource), node('span', 'sr', L.score(c.checkworthiness)));
          ol.append(li);
        }
        side.append(ol);
      }
    }
    body.append(side);
    view.append(node('p', 'by', L.by));
    this.#view.replaceWith(view);
    this.#view = view;
  }
}

if (!customElements.get('who-said')) customElements.define('who-said', WhoSaid);
