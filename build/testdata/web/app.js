// The page's module: imports, a worker, a fetch with a query string.
import { greet } from './lib/util.js';

export const worker = new Worker(new URL('engine-worker.js', import.meta.url));

export async function cues() {
  const resp = await fetch(`data/cues.json?v=1`);
  return resp.json();
}

// Not a reference: a string that only looks like a name.
const label = "app.js is the page's module";
greet(label);
