importScripts("wasm_exec.1111111111.js");
