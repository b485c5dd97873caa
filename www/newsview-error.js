// NewsviewError: what newsview rejects and throws with, in the browser entry (www/newsview.js)
// and in newsview/server (www/server/core.js); each build bundles this module into its entry.

/**
 * What newsview rejects and throws with. `code` says what went wrong: `invalid`, `json`,
 * `schema-version` (the article or options, from the wasm), `http`, `network`, `timeout`,
 * `content-type` (`<news-view src>`), `panic` (a trap in the wasm), `dom` (the browser refused
 * a DOM operation), `init` (the wasm did not load), `destroyed` (a view used after destroy()).
 * `path` is the field at fault (`relatedVideos[3].durationSeconds`), or '' when no field is.
 */
export class NewsviewError extends Error {
  constructor(message, { code, path = '', cause } = {}) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'NewsviewError';
    this.code = code;
    this.path = path;
  }
}

/**
 * `value` (anything thrown) as a NewsviewError: the wasm's errors carry their `code` and `path`
 * as properties; anything else gets `code`, with the original as `cause`.
 */
export function asNewsviewError(value, code = 'dom') {
  if (value instanceof NewsviewError) return value;
  if (typeof value?.code === 'string' && typeof value.path === 'string') {
    return new NewsviewError(value.message, value);
  }
  return new NewsviewError(String(value?.message ?? value), { code, cause: value });
}
