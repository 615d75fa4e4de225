// The script of embed.html, whosaid's embed for sites that want it isolated
// in a sandboxed iframe:
//
//   <iframe sandbox="allow-scripts"
//     src="https://WHOSAID-HOST/embed.html?allow-origins=https://host.example&mode=panel"></iframe>
//
// The parent sends the text; the frame answers to that origin only:
//   in:  {type: "whosaid:analyze", id, text, mediaType, wholePage}
//        mediaType: "text/plain" (default) | "text/html"; wholePage: true reads
//        all of an HTML page, not just its article (the element's whole-page
//        attribute), false or absent the article
//   out: {type: "whosaid:ready", version, model}
//        {type: "whosaid:result", id, result}              result: the engine's JSON object
//        {type: "whosaid:error", id, error: {code, message}}
//        {type: "whosaid:resize", height}                  CSS pixels of the frame's content
// id is a string or a finite number, echoed back. Messages from an origin
// not in the allow-list, from any window but the parent, or not of this
// shape are ignored without an answer. The allow-list is the query's
// allow-origins (comma or space separated), or data-allow-origins on this
// page's <html> for a site that hosts its own copy; "*" is never accepted.
// Query theme, mode and lang set the element's attributes.

import './embed.js';

const MAX_TEXT = 2_000_000; // UTF-16 units: more than any article

function allowList() {
  const q = new URLSearchParams(location.search);
  const raw = (q.get('allow-origins') || document.documentElement.dataset.allowOrigins || '').split(/[\s,]+/);
  const out = new Set();
  for (const o of raw) {
    if (!o || o === '*') continue;
    try {
      const u = new URL(o);
      if ((u.protocol === 'https:' || u.protocol === 'http:') && u.origin === o.replace(/\/$/, '')) out.add(u.origin);
    } catch {
      // not an origin: ignored
    }
  }
  return out;
}

const allowed = allowList();
if (allowed.size === 0) console.warn('whosaid embed: no allow-origins given, so no page can send text to this frame');
const q = new URLSearchParams(location.search);
const el = document.querySelector('who-said');
for (const a of ['theme', 'mode', 'lang']) {
  const v = q.get(a);
  if (v) el.setAttribute(a, v);
}

// post sends to every allowed origin: the browser delivers only to the one
// the parent has, and never to any other.
function post(msg, origin) {
  if (window.parent === window) return;
  for (const o of origin ? [origin] : allowed) window.parent.postMessage(msg, o);
}

function valid(d) {
  return (
    d !== null &&
    typeof d === 'object' &&
    d.type === 'whosaid:analyze' &&
    (typeof d.id === 'string' ? d.id.length <= 200 : Number.isFinite(d.id)) &&
    typeof d.text === 'string' &&
    d.text.length <= MAX_TEXT &&
    (d.mediaType === undefined || d.mediaType === 'text/plain' || d.mediaType === 'text/html') &&
    (d.wholePage === undefined || typeof d.wholePage === 'boolean')
  );
}

// Requests run in order, so the frame shows the last one asked for.
let chain = Promise.resolve();

window.addEventListener('message', (ev) => {
  if (ev.source !== window.parent || !allowed.has(ev.origin) || !valid(ev.data)) return;
  const { id, text, mediaType, wholePage } = ev.data;
  const origin = ev.origin;
  chain = chain.then(() => {
    // Each request says for itself whether it wants the whole page: the
    // attribute is set just before its own analysis, which runs alone.
    el.toggleAttribute('whole-page', wholePage === true);
    return el.analyze(text, mediaType || 'text/plain').then(
      (result) => {
        sendHeight();
        post({ type: 'whosaid:result', id, result }, origin);
      },
      (error) => {
        sendHeight();
        post({ type: 'whosaid:error', id, error: { code: String(error.code || 'internal'), message: String(error.message || error) } }, origin);
      },
    );
  });
});

el.addEventListener('whosaid:ready', (ev) => post({ type: 'whosaid:ready', ...ev.detail }));

// sendHeight tells the parent the content's height when it changed. It
// runs on resize and after each answer is drawn: a browser may hold back
// a frame's resize notifications while it throttles its rendering.
let lastHeight = -1;
function sendHeight() {
  const h = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (h !== lastHeight) {
    lastHeight = h;
    post({ type: 'whosaid:resize', height: h });
  }
}
new ResizeObserver(sendHeight).observe(document.documentElement);
