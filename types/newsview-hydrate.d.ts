// Type definitions for newsview/hydrate: the hydration-only entry, for pages whose <news-view>
// arrived rendered by newsview's server rendering (the CLI, `ssr::render`, newsview/server's
// `renderToString`). It wires the widgets of the server's markup with a small wasm of its own
// and loads the full client (newsview) only when the page needs to render. The article, option
// and event types are the browser module's.

import type { Article, InitInput, NewsViewAttributeName, Options, View as FullView, Warning } from './newsview';

export type { Article, InitInput, Options, Warning };
/** What this entry rejects and throws with; the same class shape as the browser entry's. */
export { NewsviewError } from './newsview';

/**
 * Loads and instantiates the hydration wasm beside this module (`newsview-hydrate_bg.wasm`), or
 * `moduleOrPath`. Idempotent; `hydrate()` calls it.
 */
export default function init(moduleOrPath?: InitInput): Promise<void>;

/**
 * A hydrated article: the server's nodes with their widgets wired. `setLiked`, `setFavorited`
 * and `destroy()` as in the full client.
 */
export interface HydratedView {
  /**
   * Loads the full client (newsview.js and its wasm) and renders `article` into the container,
   * which it takes over (the hydrated widgets let go once the new view is mounted; a refused
   * article leaves them as they were). Afterwards every method is the full view's.
   * @throws {NewsviewError} naming the field at fault, as the full client's `update()`.
   */
  update(article: Article | string): Promise<void>;
  /** Empty: this client reads no article (the server reported what it dropped); the full view's after `update()`. */
  readonly warnings: readonly Warning[];
  /** Removes the view from the page, with its listeners and timers. A second call does nothing. */
  destroy(): void;
  /** Sets the truth of 点赞 from the host: `aria-pressed`, and the count when given. Fires no event. */
  setLiked(liked: boolean, count?: number): void;
  /** Sets the truth of 收藏 from the host. Fires no event. */
  setFavorited(favorited: boolean, count?: number): void;
}

/**
 * Wires the widgets of the server-rendered article in `container` (its declarative shadow root,
 * or its light DOM): like/favorite, the share menu, copy link, the QR popover (the server drew
 * the code), the comment box, lead-video play (with `options.videoPlayer`), avatar fallbacks,
 * the relative-time refresh, and the `nv-*` events with the full client's details. Of the
 * options it reads `now`, `labels` and `videoPlayer`; the language and the time zone are the
 * markup's. Rejects with a `NewsviewError` when the container holds no server markup.
 */
export function hydrate(container: Element, options?: Options | null): Promise<HydratedView>;

/**
 * The full client's `render()`, loaded for the call: renders `article` into `container`, taking
 * over a hydrated view there.
 */
export function render(container: Element, article: Article | string, options?: Options | null): Promise<FullView>;

/**
 * `<news-view>` for server-rendered pages. With server markup in it, it hydrates that markup with
 * this entry's wasm (the options from the server's hydration data, the `now` attribute over
 * them; `src` is not fetched: the markup is the article). Anything that needs a render (no
 * server markup, a changed attribute, the `article` property) hands the element to the full
 * client's `<news-view>` behaviour, loaded then.
 */
export class NewsViewElement extends HTMLElement {
  static readonly observedAttributes: readonly NewsViewAttributeName[];
  /** The article: the server's hydration data until the full client has the element. */
  get article(): Article | string | null;
  set article(value: Article | string | null);
  /** The live view (hydrated, or the full client's), or null. */
  get view(): HydratedView | FullView | null;
  connectedCallback(): void;
  disconnectedCallback(): void;
  attributeChangedCallback(name: string, oldValue: string | null, newValue: string | null): void;
}
