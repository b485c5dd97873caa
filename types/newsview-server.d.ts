// Type definitions for newsview/server: server rendering for JavaScript hosts (Node 20+, Deno,
// Bun, workerd / Cloudflare Workers). The article and option types are the browser module's.

import type { Article, Options, Warning } from './newsview';

export type { Article, Options, Warning };
/** What renderToString throws: `code` (`invalid`, `json`, `schema-version`, `panic`, `init`) and the `path` of the field at fault. The same shape as the browser entry's (a class of this module). */
export { NewsviewError } from './newsview';

/** What `renderToString` returns. */
export interface Rendered {
  /**
   * The `<news-view>` element: a declarative shadow root (`<template shadowrootmode="open">`)
   * with the component's stylesheet and the article, and, as its last child, the data newsview's
   * browser module hydrates it from (`<script type="application/json" data-nv-hydrate>`:
   * the article and the options as given). Put it where the article goes.
   */
  html: string;
  /** The suggested `<head>` tags (`<title>`, canonical link, description, Open Graph, Twitter) and the `NewsArticle` JSON-LD script. Put it into the document's `<head>`. */
  head: string;
  /** What was dropped or cut, as the browser reports it in `nv-warning`. */
  warnings: Warning[];
}

/**
 * Renders `article` (an object, read through `JSON.stringify`, or a JSON string) with `options`
 * (the browser's options; functions such as `videoPlayer` are ignored) into
 * `{html, head, warnings}`. Synchronous: the wasm is instantiated on the first call (from the
 * file beside the module in Node, Deno and Bun; from the module import in workerd).
 *
 * Throws a `NewsviewError` whose message names the field at fault (`title: expected a string,
 * got a number`, `options.lang: …`), with its `code` and `path`. A fault inside the wasm throws
 * one with `code: 'panic'`; the module restarts and the next call works.
 */
export function renderToString(article: Article | string, options?: Options | string | null): Rendered;

/**
 * Instantiates the server wasm (`newsview_server_bg.wasm`) from a compiled module or its bytes,
 * for hosts that load it their own way. Not needed in Node, Deno, Bun or workerd. A second
 * call does nothing.
 */
export function initSync(moduleOrBytes: WebAssembly.Module | BufferSource): void;

/**
 * The size of the server wasm's linear memory in bytes (0 before the first render), for
 * monitoring a long-running server: it grows in 64 KiB pages with the largest article rendered
 * so far and stays flat over any number of renders.
 */
export function memoryBytes(): number;
