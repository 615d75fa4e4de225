// The one place where the engine's offsets (Unicode code points, as in the
// CLI and the JSON) become JavaScript string indices (UTF-16 code units).
// Everything else on the page goes through offsetMap.

/**
 * offsetMap returns a function that turns a code point offset into text into
 * the UTF-16 index of the same place. Offsets past the end clamp to the end,
 * so a bad result can never make the page throw.
 * @param {string} text
 * @returns {(cp: number) => number}
 */
export function offsetMap(text) {
  // Fast path: no surrogate pairs means code points and code units agree.
  if (!/[\uD800-\uDFFF]/.test(text)) {
    const n = text.length;
    return (cp) => Math.max(0, Math.min(cp | 0, n));
  }
  const starts = [];
  for (let i = 0; i < text.length; i++) {
    starts.push(i);
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
  }
  starts.push(text.length);
  const idx = Uint32Array.from(starts);
  const last = idx.length - 1;
  return (cp) => idx[Math.max(0, Math.min(cp | 0, last))];
}

