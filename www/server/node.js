// newsview/server for Node 20+, Deno and Bun (ESM): reads newsview_server_bg.wasm from beside
// this module on the first render. See core.js.
import { readFileSync } from 'node:fs';
import { setSource } from './core.js';

setSource(() => readFileSync(new URL('./newsview_server_bg.wasm', import.meta.url)));

export { renderToString, initSync, memoryBytes, NewsviewError } from './core.js';
