// A module in a subdirectory, naming a file up the tree.
export function greet(who) {
  const logo = new URL('../img/logo.svg', import.meta.url);
  return `hello ${who} ${logo}`;
}
