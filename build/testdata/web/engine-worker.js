/* global Go */
'use strict';
importScripts('wasm_exec.js');
const WASM_URL = new URL("engine.wasm", self.location).href;
fetch(WASM_URL).then((r) => r.arrayBuffer()).then((b) => WebAssembly.instantiate(b, new Go().importObject));
