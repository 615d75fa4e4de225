// The host page's side of the iframe embed: it sends the article to the
// sandboxed frame and sizes the frame to its content. A sandboxed frame
// without allow-same-origin has an opaque origin: its messages arrive with
// origin "null", so the host trusts them by their source window, and must
// post to it with targetOrigin "*" (the frame, in turn, answers this page's
// origin only).

const frame = document.getElementById('frame');
const article = document.getElementById('post');

function fromFrame(ev) {
  return ev.source === frame.contentWindow && ev.data && typeof ev.data.type === 'string';
}

window.addEventListener('message', (ev) => {
  if (!fromFrame(ev)) return;
  const m = ev.data;
  if (m.type === 'whosaid:ready') {
    frame.contentWindow.postMessage({ type: 'whosaid:analyze', id: 'post-1', text: article.innerText, mediaType: 'text/plain' }, '*');
  } else if (m.type === 'whosaid:resize' && Number.isFinite(m.height)) {
    frame.style.height = Math.min(Math.max(m.height, 80), 4000) + 'px';
  } else if (m.type === 'whosaid:result') {
    frame.dispatchEvent(new CustomEvent('whosaid:result', { detail: m.result }));
  } else if (m.type === 'whosaid:error') {
    frame.dispatchEvent(new CustomEvent('whosaid:error', { detail: m.error }));
  }
});
