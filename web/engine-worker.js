// The engine's Web Worker (a classic worker script): it loads the Go runtime
// glue and engine.wasm, reports download progress, and answers the page's
// requests one at a time. The engine runs here so a long article never
// freezes the page, and so Cancel can simply end this worker.
//
// Messages in:  {type: "extract", id, text, mediaType}
//               {type: "format", id, json, format}
// Messages out: {type: "progress", phase: "download", loaded, total}  (total null when unknown)
//               {type: "ready", version, model}
//               {type: "fatal", message}                             (the engine could not start)
//               {type: "progress", phase: "extract", id, done, total}
//               {type: "done", id, out}                               (out: the engine's string)
//               {type: "exited"}                                      (the Go program ended)
/* global Go */
'use strict';

importScripts('wasm_exec.js');

const WASM_URL = new URL('engine.wasm', self.location).href;

// The engine's uncompressed size: the build writes the number in place of
// this string (so the worker's hash covers it). Unbuilt, it stays a string,
// NaN here, and the bar is open-ended when the response is compressed.
const WASM_BYTES = Number('__WHOSAID_WASM_BYTES__');
const KNOWN_BYTES = Number.isFinite(WASM_BYTES) && WASM_BYTES > 0 ? WASM_BYTES : null;

// load fetches the wasm and compiles it as it arrives (instantiateStreaming),
// reading a copy of the body (Response.clone) to show bytes received of the
// total. A precompressed response's Content-Length counts the compressed
// bytes while the stream yields decompressed ones, so then the total is the
// size the build wrote in (KNOWN_BYTES), if any. A server that does not send
// application/wasm gets the slower path: the whole body, then instantiate.
async function load() {
  const resp = await fetch(WASM_URL);
  if (!resp.ok) throw new Error('could not download the engine: HTTP ' + resp.status);
  const enc = (resp.headers.get('Content-Encoding') || 'identity').toLowerCase();
  const len = Number(resp.headers.get('Content-Length'));
  const streaming =
    typeof WebAssembly.instantiateStreaming === 'function' &&
    (resp.headers.get('Content-Type') || '').split(';')[0].trim().toLowerCase() === 'application/wasm';
  let total = enc === 'identity' && len > 0 ? len : KNOWN_BYTES;
  const go = new Go();
  let instance;
  const count = async (r) => {
    let loaded = 0;
    let last = 0;
    const chunks = [];
    postMessage({ type: 'progress', phase: 'download', loaded: 0, total });
    const reader = r.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!streaming) chunks.push(value);
      loaded += value.length;
      // More bytes than the total: a proxy decoded the body, or the build's
      // number is stale. Fall back to the build's number, else open-ended.
      if (total !== null && loaded > total) total = KNOWN_BYTES !== null && KNOWN_BYTES >= loaded ? KNOWN_BYTES : null;
      const now = Date.now();
      if (now - last > 50) {
        last = now;
        postMessage({ type: 'progress', phase: 'download', loaded, total });
      }
    }
    postMessage({ type: 'progress', phase: 'download', loaded, total: total || loaded });
    return { chunks, loaded };
  };
  if (streaming && resp.body) {
    const copy = resp.clone();
    const [result] = await Promise.all([WebAssembly.instantiateStreaming(resp, go.importObject), count(copy)]);
    instance = result.instance;
  } else if (resp.body && resp.body.getReader) {
    const { chunks, loaded } = await count(resp);
    const bytes = new Uint8Array(loaded);
    let off = 0;
    for (const c of chunks) {
      bytes.set(c, off);
      off += c.length;
    }
    instance = (await WebAssembly.instantiate(bytes, go.importObject)).instance;
  } else {
    instance = (await WebAssembly.instantiate(await resp.arrayBuffer(), go.importObject)).instance;
  }
  // go.run resolves only when the Go program exits, which it should not:
  // if it does (a fatal error), the page starts a fresh worker.
  go.run(instance).then(() => postMessage({ type: 'exited' }));
  // The Go main sets its exports before it first blocks; allow a few turns
  // in case it yields first.
  for (let i = 0; i < 100 && !self.whosaidEngine; i++) {
    await new Promise((r) => setTimeout(r, 10));
  }
  if (!self.whosaidEngine) throw new Error('the engine did not start');
  return self.whosaidEngine;
}

const engineReady = load().then(
  (eng) => {
    postMessage({ type: 'ready', version: String(eng.version), model: String(eng.model) });
    // Ready means the engine takes requests; it reads its models now, after
    // the page has heard so, or else on the first request. A failure to load
    // is answered to every request.
    if (typeof eng.load === 'function') eng.load();
    return eng;
  },
  (err) => {
    postMessage({ type: 'fatal', message: String((err && err.message) || err) });
    return null;
  },
);

function errorJSON(code, message) {
  return JSON.stringify({ error: { code, message } });
}

self.onmessage = async (ev) => {
  const msg = ev.data || {};
  const eng = await engineReady;
  if (!eng) {
    postMessage({ type: 'done', id: msg.id, out: errorJSON('engine_unavailable', 'the engine could not start') });
    return;
  }
  let out;
  try {
    if (msg.type === 'extract') {
      // Progress every 50 ms, from 50 ms on: an article analysed sooner
      // (most are) sends none, sparing the page a message and a wake-up.
      let last = Date.now();
      let posted = false;
      const onProgress = (done, total) => {
        const now = Date.now();
        if (now - last < 50 && !(posted && done >= total)) return;
        last = now;
        posted = true;
        postMessage({ type: 'progress', phase: 'extract', id: msg.id, done, total });
      };
      out = eng.extract(String(msg.text), String(msg.mediaType || 'text/plain'), onProgress, { wholePage: !!msg.wholePage });
    } else if (msg.type === 'format') {
      out = self.whosaidEngineFormat(String(msg.json), String(msg.format));
    } else {
      out = errorJSON('bad_request', 'unknown request ' + String(msg.type));
    }
  } catch (err) {
    out = errorJSON('internal', String((err && err.message) || err));
  }
  postMessage({ type: 'done', id: msg.id, out: String(out) });
};
