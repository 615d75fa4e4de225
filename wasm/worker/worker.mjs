// The whosaid API Worker's glue: one Go instance per isolate serves every
// request (see jsbridge in wasm/worker/jsbridge). build.sh copies this file
// next to Go's wasm_exec.js and app.wasm.
//
// The Go side calls globalThis.__whosaidReady(handle, settings) once its
// engine is loaded; handle(request, done) starts one request and done gets
// its answer. A request's body is read here; at most settings.maxBody + 1
// bytes of it are kept (enough for Go to refuse it with a 413). If the Go instance dies (a fatal error, a trap), its
// requests in flight get the fallback answer (the API's JSON 500) and the
// next request starts a new instance.
import "./wasm_exec.js";
import mod from "./app.wasm";

const READY = "__whosaidReady";

// The live instance: a promise of {handle, maxBody, fallback, pending}.
let current = null;

function start() {
  const go = new Go();
  const instance = new WebAssembly.Instance(mod, go.importObject);
  const inst = { pending: new Set(), dead: false };
  const ready = new Promise((resolve, reject) => {
    globalThis[READY] = (handle, settings) => {
      delete globalThis[READY];
      inst.handle = handle;
      inst.maxBody = settings.maxBody;
      inst.fallback = settings.fallback;
      resolve(inst);
    };
    go.run(instance).then(
      () => die(inst, new Error(`the Go instance exited with code ${go.exitCode}`), reject),
      (err) => die(inst, err, reject),
    );
  });
  return ready;
}

// die forgets a dead instance and answers its requests in flight.
function die(inst, err, reject) {
  console.error("whosaid worker: Go instance ended:", err);
  inst.dead = true;
  delete globalThis[READY];
  reject(err); // only matters before ready
  current = null;
  for (const finish of inst.pending) finish(null);
  inst.pending.clear();
}

function instance() {
  if (current === null) {
    const p = start();
    current = p;
    p.catch(() => {
      if (current === p) current = null;
    });
  }
  return current;
}

// readBody keeps at most limit + 1 bytes of the body, enough for the Go
// side to refuse it, and reads the rest to the end without keeping it:
// answering before the body is consumed leaves the connection behind us
// broken (under `wrangler dev` the next request fails with 503 "Your worker
// restarted mid-request"). Cloudflare caps request bodies (100 MB on the
// free plan), which bounds the draining. A body the client could not finish
// sending becomes an error the Go side reports.
async function readBody(request, limit) {
  if (request.body === null) return { body: null };
  const reader = request.body.getReader();
  const chunks = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (size <= limit) chunks.push(value);
      size += value.byteLength;
    }
  } catch (err) {
    return { bodyError: String(err && err.message ? err.message : err) };
  }
  const kept = Math.min(size, limit + 1);
  const body = new Uint8Array(kept);
  let at = 0;
  for (const c of chunks) {
    const n = Math.min(c.byteLength, kept - at);
    body.set(n === c.byteLength ? c : c.subarray(0, n), at);
    at += n;
  }
  return { body };
}

function toResponse(a, method) {
  const headers = new Headers();
  for (const [k, v] of a.headers) {
    // The runtime frames the body itself and sets the length (it may also
    // compress the body, which would make a length of ours wrong).
    if (k.toLowerCase() !== "content-length") headers.append(k, v);
  }
  const nullBody = method === "HEAD" || a.status === 204 || a.status === 304;
  return new Response(nullBody ? null : a.body, { status: a.status, headers });
}

async function fetch(request) {
  let inst;
  try {
    inst = await instance();
  } catch (err) {
    return new Response(
      JSON.stringify({ error: { code: "internal", message: "the engine failed to start" } }) + "\n",
      {
        status: 500,
        headers: {
          "Content-Type": "application/json; charset=utf-8",
          "Access-Control-Allow-Origin": "*",
          "Cache-Control": "no-store",
          "X-Content-Type-Options": "nosniff",
        },
      },
    );
  }
  const { body, bodyError } = await readBody(request, inst.maxBody);
  const msg = {
    method: request.method,
    url: request.url,
    headers: [...request.headers],
    body,
    bodyError: bodyError || "",
  };
  const answer = await new Promise((resolve) => {
    if (inst.dead) return resolve(null);
    const finish = (a) => {
      inst.pending.delete(finish);
      resolve(a);
    };
    inst.pending.add(finish);
    try {
      inst.handle(msg, finish);
    } catch (err) {
      // A trap inside Go leaves the instance unusable.
      if (!inst.dead) die(inst, err, () => {});
    }
  });
  return toResponse(answer || inst.fallback, request.method);
}

export default { fetch };
