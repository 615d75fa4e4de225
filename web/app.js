// The reader's page: takes the article (paste, rich paste, drop, open, the
// example), asks the engine worker, draws the answer, and exposes the
// stable API window.whosaid for tests and embedding:
//
//   whosaid.ready                      Promise, resolves when the engine can answer
//   whosaid.extract(text, {type})      Promise of the Result object (offsets in code points);
//                                      {type: 'text/html', wholePage: true} reads all of a page, not its article
//   whosaid.extractRaw(text, {type})   Promise of the engine's exact JSON string
//   whosaid.analyze(text, {type})      as if the reader pasted it; resolves when drawn (wholePage too)
//   whosaid.format(result, format)     Promise of the "csv" / "md" / "json" export
//   whosaid.cancel()                   stops the running analysis (restarts the worker)

import { render, filterSource, fillTip, filterWorth } from './render.js';
import { EXAMPLE } from './example.js';
import { extractionLine } from './extraction.js';

const $ = (id) => document.getElementById(id);

/** EngineError is the engine's {"error": {code, message}} as an exception. */
class EngineError extends Error {
  constructor(code, message) {
    super(message);
    this.name = 'EngineError';
    this.code = code;
  }
}

/**
 * Engine runs the worker: one request at a time goes in, answers come back
 * by id. cancel() ends the worker (the only way to stop a synchronous wasm
 * call) and starts a fresh one.
 */
class Engine {
  constructor(onStatus) {
    this.onStatus = onStatus;
    this.nextId = 1;
    this.gen = 0; // counts restarts, so a request cancelled while it waited is not sent
    this.pending = new Map(); // id -> {resolve, reject, onProgress}
    this.firstReady = new Promise((resolve, reject) => {
      this.resolveFirst = resolve;
      this.rejectFirst = reject;
    });
    this.info = null;
    this.start();
  }

  start() {
    const w = new Worker(new URL('engine-worker.js', import.meta.url));
    this.worker = w;
    this.ready = new Promise((resolve, reject) => {
      this.readyResolve = resolve;
      this.readyReject = reject;
    });
    this.ready.catch(() => {}); // reported through onStatus
    w.onmessage = (ev) => this.onMessage(w, ev.data);
    w.onerror = (ev) => {
      ev.preventDefault();
      this.restart(new EngineError('worker_failed', 'the engine stopped unexpectedly: ' + (ev.message || 'unknown error')));
    };
  }

  onMessage(w, m) {
    if (w !== this.worker || !m) return;
    switch (m.type) {
      case 'progress':
        if (m.phase === 'download') this.onStatus({ phase: 'download', loaded: m.loaded, total: m.total });
        else {
          const p = this.pending.get(m.id);
          if (p && p.onProgress) p.onProgress(m.done, m.total);
        }
        break;
      case 'ready':
        this.info = { version: m.version, model: m.model };
        this.readyResolve(this.info);
        this.resolveFirst(this.info);
        this.onStatus({ phase: 'ready', info: this.info });
        break;
      case 'fatal':
        this.readyReject(new EngineError('engine_unavailable', m.message));
        if (!this.info) this.rejectFirst(new EngineError('engine_unavailable', m.message));
        this.onStatus({ phase: 'fatal', message: m.message });
        break;
      case 'exited':
        this.restart(new EngineError('worker_failed', 'the engine stopped unexpectedly'));
        break;
      case 'done': {
        const p = this.pending.get(m.id);
        if (p) {
          this.pending.delete(m.id);
          p.resolve(m.out);
        }
        break;
      }
    }
  }

  /** restart ends the worker, fails what was pending with err, starts anew. */
  restart(err) {
    this.gen++;
    this.readyReject(err); // a request still waiting for this worker fails too
    this.worker.terminate();
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
    this.start();
  }

  cancel() {
    this.restart(new EngineError('canceled', 'the analysis was cancelled'));
  }

  /** request sends one message and resolves to the worker's string answer. */
  async request(msg, onProgress) {
    const gen = this.gen;
    await this.ready;
    if (gen !== this.gen) throw new EngineError('canceled', 'the analysis was cancelled');
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onProgress });
      this.worker.postMessage({ ...msg, id });
    });
  }
}

/** parse turns the engine's string into a Result, or throws its error. */
function parse(raw) {
  const v = JSON.parse(raw);
  if (v && v.error && !v.text) throw new EngineError(v.error.code, v.error.message);
  return v;
}

function mediaType(opts) {
  const t = opts && opts.type ? String(opts.type) : 'text/plain';
  return t;
}

function mb(n) {
  return (n / 1048576).toFixed(1) + ' MB';
}

// ---- the page ----

const state = {
  result: null,
  raw: null,
  richHTML: null, // the clipboard's HTML when the last input was a rich paste
  fileType: null, // the media type of an opened file whose source is shown
  running: 0,
};

function setStatus(text) {
  $('status-text').textContent = text;
}

function setProgress(value, max) {
  const p = $('progress');
  if (value === null) {
    p.hidden = true;
    return;
  }
  p.hidden = false;
  if (max) {
    p.max = max;
    p.value = Math.min(value, max);
  } else {
    p.removeAttribute('value'); // indeterminate
  }
}

function showError(msg) {
  const e = $('error');
  e.textContent = msg || '';
  e.hidden = !msg;
}

const engine = new Engine((st) => {
  if (state.running) return;
  if (st.phase === 'download') {
    setStatus(st.total ? 'Downloading the engine: ' + mb(st.loaded) + ' of ' + mb(st.total) : 'Downloading the engine: ' + mb(st.loaded) + ' received');
    setProgress(st.loaded, st.total);
  } else if (st.phase === 'ready') {
    setStatus('Ready. Paste an article or try the example.');
    setProgress(null);
    $('engine-version').textContent = 'Engine ' + st.info.version + ', ' + st.info.model + '.';
  } else if (st.phase === 'fatal') {
    setStatus('The engine could not start.');
    setProgress(null);
    showError('The engine could not start: ' + st.message + '. Reload the page to try again.');
  }
});

async function extractRaw(text, opts) {
  const req = { type: 'extract', text: String(text), mediaType: mediaType(opts) };
  if (opts && opts.wholePage) req.wholePage = true;
  return engine.request(req, opts && opts.onProgress);
}

async function extract(text, opts) {
  return parse(await extractRaw(text, opts));
}

async function format(result, fmt) {
  const json = typeof result === 'string' ? result : JSON.stringify(result);
  const out = await engine.request({ type: 'format', json, format: String(fmt) });
  if (out.startsWith('{"error":')) {
    const v = JSON.parse(out);
    throw new EngineError(v.error.code, v.error.message);
  }
  return out;
}

let tipFor = null; // the claim element the tip describes

function hideTip() {
  $('tip').hidden = true;
  tipFor = null;
}

function showTip(target) {
  const ci = Number(target.dataset.claim);
  const c = state.result && state.result.claims[ci];
  if (!c || !c.attribution) return;
  const tip = $('tip');
  fillTip(tip, state.result, c);
  tip.hidden = false;
  tipFor = target;
  // Place the tip under the claim's first line box, inside the section.
  const sec = $('article-section').getBoundingClientRect();
  const r = target.getClientRects()[0] || target.getBoundingClientRect();
  const left = Math.max(0, Math.min(r.left - sec.left, sec.width - tip.offsetWidth));
  tip.style.left = left + 'px';
  tip.style.top = r.bottom - sec.top + 4 + 'px';
}

/** analyze runs text through the engine and draws the answer. */
async function analyze(text, opts) {
  const type = mediaType(opts);
  showError('');
  hideTip();
  state.running++;
  $('cancel').hidden = false;
  setStatus('Analysing…');
  setProgress(0, 0);
  try {
    const wholePage = !!(opts && opts.wholePage);
    const raw = await extractRaw(text, {
      type,
      wholePage,
      onProgress: (done, total) => {
        setStatus('Analysing: ' + Math.round((100 * done) / (total || 1)) + '%');
        setProgress(done, total);
      },
    });
    const result = parse(raw);
    state.result = result;
    state.raw = raw;
    render(document, result);
    showExtraction(result, text, type, wholePage);
    $('results').hidden = false;
    setStatus('Done: ' + $('summary').textContent + '.');
    return result;
  } catch (err) {
    if (err && err.code === 'canceled') setStatus('Cancelled.');
    else {
      setStatus('The analysis failed.');
      showError(err && err.message ? err.message : String(err));
    }
    throw err;
  } finally {
    state.running--;
    if (!state.running) {
      $('cancel').hidden = true;
      setProgress(null);
    }
  }
}

/**
 * showExtraction says what was left out of a whole page, with a control to
 * analyse the whole page instead (or the article again).
 */
function showExtraction(result, text, type, wholePage) {
  const line = extractionLine(result);
  wholePage = wholePage && type === 'text/html';
  const box = $('extraction');
  const btn = $('extraction-toggle');
  box.hidden = !line && !wholePage;
  $('extraction-text').textContent = wholePage ? 'Analysed the whole page.' : line;
  btn.textContent = wholePage ? 'Read only the article' : 'Analyse the whole page instead';
  btn.onclick = () => analyze(text, { type, wholePage: !wholePage }).catch(() => {});
}

/** analyzeFromUI runs analyze and reports failures on the page only. */
function analyzeFromUI(text, type) {
  if (!text.trim()) {
    showError('Paste or open an article first.');
    return;
  }
  analyze(text, { type }).catch(() => {});
}

function currentInput() {
  const ta = $('paste');
  if (state.richHTML !== null) return { text: state.richHTML, type: 'text/html' };
  return { text: ta.value, type: state.fileType || 'text/plain' };
}

function setInput(shown, rich, fileType, note) {
  $('paste').value = shown;
  state.richHTML = rich;
  state.fileType = fileType;
  $('paste-note').textContent = note || '';
}

async function openFile(file) {
  const isHTML = /\.html?$/i.test(file.name) || file.type === 'text/html';
  const isText = /\.txt$/i.test(file.name) || file.type === 'text/plain' || file.type === '';
  if (!isHTML && !isText) {
    showError('Open a .txt or .html file (this one is ' + (file.type || 'of an unknown type') + ').');
    return;
  }
  let text;
  try {
    text = await file.text();
  } catch (err) {
    showError('Could not read ' + file.name + ': ' + err.message);
    return;
  }
  const type = isHTML ? 'text/html' : 'text/plain';
  setInput(text, null, type, 'Opened ' + file.name + (isHTML ? ' (read as a web page).' : '.'));
  analyzeFromUI(text, type);
}

function download(name, mime, body) {
  const url = URL.createObjectURL(new Blob([body], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const FORMATS = {
  json: { ext: 'json', mime: 'application/json' },
  csv: { ext: 'csv', mime: 'text/csv' },
  md: { ext: 'md', mime: 'text/markdown' },
};

async function exportBody() {
  const fmt = $('format').value;
  if (!state.raw) throw new Error('nothing analysed yet');
  const body = fmt === 'json' ? state.raw : await format(state.raw, fmt);
  return { fmt, body };
}

function wire() {
  const ta = $('paste');
  ta.addEventListener('paste', (ev) => {
    const dt = ev.clipboardData;
    if (!dt) return;
    const html = dt.getData('text/html');
    if (html) {
      // Rich paste: the HTML goes to the engine as a string; the page never
      // parses it. The reader sees the clipboard's plain text.
      ev.preventDefault();
      setInput(dt.getData('text/plain'), html, null, 'Pasted as rich text: analysed from its HTML.');
      analyzeFromUI(html, 'text/html');
      return;
    }
    // Plain paste: let the textarea take it, then analyse.
    setTimeout(() => {
      state.richHTML = null;
      state.fileType = null;
      $('paste-note').textContent = '';
      analyzeFromUI(ta.value, 'text/plain');
    }, 0);
  });
  ta.addEventListener('input', () => {
    if (state.richHTML !== null) {
      state.richHTML = null;
      $('paste-note').textContent = 'Edited: analysed as plain text.';
    }
  });
  const input = document.querySelector('section.input');
  input.addEventListener('dragover', (ev) => {
    if (ev.dataTransfer && [...ev.dataTransfer.types].includes('Files')) {
      ev.preventDefault();
      input.classList.add('dragging');
    }
  });
  input.addEventListener('dragleave', () => input.classList.remove('dragging'));
  input.addEventListener('drop', (ev) => {
    input.classList.remove('dragging');
    const f = ev.dataTransfer && ev.dataTransfer.files[0];
    if (f) {
      ev.preventDefault();
      openFile(f);
    }
  });
  $('file').addEventListener('change', (ev) => {
    const f = ev.target.files[0];
    if (f) openFile(f);
    ev.target.value = '';
  });
  $('analyse').addEventListener('click', () => {
    const { text, type } = currentInput();
    analyzeFromUI(text, type);
  });
  $('example').addEventListener('click', () => {
    setInput(EXAMPLE, null, null, 'The example article, written for whosaid.');
    analyzeFromUI(EXAMPLE, 'text/plain');
  });
  $('clear').addEventListener('click', () => {
    setInput('', null, null, '');
    $('results').hidden = true;
    state.result = state.raw = null;
    showError('');
    ta.focus();
  });
  $('cancel').addEventListener('click', () => engine.cancel());

  // Claims: hover, focus and tap show who said it.
  const article = $('article');
  article.addEventListener('mouseover', (ev) => {
    const c = ev.target.closest && ev.target.closest('.claim');
    if (c && c !== tipFor) showTip(c);
  });
  article.addEventListener('mouseleave', () => {
    if (tipFor && tipFor !== document.activeElement) hideTip();
  });
  article.addEventListener('focusin', (ev) => {
    const c = ev.target.closest && ev.target.closest('.claim');
    if (c) showTip(c);
  });
  article.addEventListener('focusout', () => hideTip());
  article.addEventListener('click', (ev) => {
    const c = ev.target.closest && ev.target.closest('.claim');
    if (c) {
      c.focus();
      showTip(c);
    }
  });
  document.addEventListener('keydown', (ev) => {
    if (ev.key === 'Escape' && tipFor) hideTip();
  });

  // Sources: choose one to see only its claims; choose it again for all.
  $('sources').addEventListener('click', (ev) => {
    const b = ev.target.closest('button');
    if (!b) return;
    filterSource(document, b.getAttribute('aria-pressed') === 'true' ? null : b.dataset.sourceId);
  });
  $('all-sources').addEventListener('click', () => filterSource(document, null));

  // Unattributed list: jump to the sentence in the article.
  $('unattributed').addEventListener('click', (ev) => {
    const b = ev.target.closest('button');
    if (!b) return;
    const target = article.querySelector('.unattr[data-claim="' + Number(b.dataset.claim) + '"]');
    if (target) {
      target.scrollIntoView({ block: 'center' });
      target.focus();
      target.classList.add('flash');
      setTimeout(() => target.classList.remove('flash'), 1500);
    }
  });

  // Worth checking: jump to the claim in the article; the filter shows
  // the unattributed claims only.
  $('worth').addEventListener('click', (ev) => {
    const b = ev.target.closest('button');
    if (!b) return;
    const target = article.querySelector('[data-claim="' + Number(b.dataset.worth) + '"]:is(mark.claim, .unattr)');
    if (target) {
      target.scrollIntoView({ block: 'center' });
      target.focus();
      target.classList.add('flash');
      setTimeout(() => target.classList.remove('flash'), 1500);
    }
  });
  $('worth-unattr').addEventListener('change', () => filterWorth(document));

  $('download').addEventListener('click', async () => {
    try {
      const { fmt, body } = await exportBody();
      download('whosaid.' + FORMATS[fmt].ext, FORMATS[fmt].mime, body);
      $('export-note').textContent = 'Downloaded whosaid.' + FORMATS[fmt].ext + '.';
    } catch (err) {
      $('export-note').textContent = 'Export failed: ' + err.message;
    }
  });
  $('copy').addEventListener('click', async () => {
    try {
      const { body } = await exportBody();
      await navigator.clipboard.writeText(body);
      $('export-note').textContent = 'Copied to the clipboard.';
    } catch (err) {
      $('export-note').textContent = 'Copy failed: ' + err.message;
    }
  });
}

wire();

window.whosaid = Object.freeze({
  ready: engine.firstReady,
  extract,
  extractRaw: (text, opts) => extractRaw(text, opts && { type: opts.type, wholePage: opts.wholePage }),
  analyze: (text, opts) => {
    const type = mediaType(opts);
    if (type === 'text/html') setInput('', String(text), null, 'Analysed from HTML.');
    else setInput(String(text), null, null, '');
    return analyze(String(text), { type, wholePage: !!(opts && opts.wholePage) });
  },
  format,
  cancel: () => engine.cancel(),
});
