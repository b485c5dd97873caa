// newsview/server for workerd (Cloudflare Workers) and other runtimes that import a .wasm file
// as a compiled WebAssembly.Module (the package's "workerd" and "worker" export conditions).
// See core.js.
import wasm from './newsview_server_bg.wasm';
import { setSource } from './core.js';

setSource(() => wasm);

export { renderToString, initSync, memoryBytes, NewsviewError } from './core.js';
