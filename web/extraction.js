// The line that says what was read out of a whole web page, e.g. "Read
// the article: 1,240 words; left out menus, comments and 6 other blocks",
// from the result's "extraction" object. Text only: never HTML.

const NAMES = {
  menus: 'menus',
  headers: 'headers',
  footers: 'footers',
  sidebars: 'sidebars',
  comments: 'comments',
  related: 'related links',
  share: 'share buttons',
  notices: 'notices',
  forms: 'forms',
};

/** extractionLine describes result.extraction; "" when nothing was left out. */
export function extractionLine(result) {
  const x = result && result.extraction;
  if (!x || !Array.isArray(x.dropped) || !x.dropped.length) return '';
  // The two kinds with the most words by name, the rest as a count.
  const named = x.dropped.filter((d) => NAMES[d.kind]).sort((a, b) => b.words - a.words || b.blocks - a.blocks);
  const shown = named.slice(0, 2);
  let rest = 0;
  for (const d of x.dropped) if (!shown.includes(d)) rest += d.blocks;
  const parts = shown.map((d) => NAMES[d.kind]);
  if (rest) parts.push(rest.toLocaleString('en-US') + (rest === 1 ? ' other block' : ' other blocks'));
  const list = parts.length > 1 ? parts.slice(0, -1).join(', ') + ' and ' + parts[parts.length - 1] : parts[0];
  return 'Read the article: ' + x.words.toLocaleString('en-US') + ' words; left out ' + list + '.';
}
