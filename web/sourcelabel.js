// How a source is named to the reader, shared by the page (render.js) and
// the embed (embed.js) so both say it the same way: "he → James Comey (FBI
// Director)". Plain strings only: callers put them into the DOM as text.

/** KIND_NAMES are the English names of the roster's kinds. */
export const KIND_NAMES = {
  person: 'named person',
  organisation: 'organisation',
  group: 'group',
  anonymous: 'anonymous',
  document: 'document',
  other: 'other',
};

/** named is a source's name with its role: "James Comey (FBI Director)". */
export function named(src) {
  return src.name + (src.role ? ' (' + src.role + ')' : '');
}

// bare is a mention as a name is written: no leading article, no
// punctuation around it, any case ("the city's culture office", "Ana
// Sousa,").
function bare(s) {
  return s
    .trim()
    .replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, '')
    .replace(/^(the|a|an)\s+/i, '')
    .toLowerCase();
}

/**
 * who is the mention, then who it is ("he → James Comey (FBI Director)");
 * just the name when the mention is the name, give or take an article or a
 * comma.
 */
export function who(src, mention) {
  const n = named(src);
  return mention && bare(mention) !== bare(src.name) ? mention + ' → ' + n : n;
}
