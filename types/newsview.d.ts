// Type definitions for newsview: the ES module (`init`, `render`), the `<news-view>` element,
// the render options, the events, and the article JSON v1.
//
// The article types between the GENERATED markers are generated from
// schema/article-v1.schema.json (kept in step with the Rust model by tests/schema.rs) by
// tests/typescript_types.rs, which also checks that the `Options` and `SanitizeOptions`
// interfaces name exactly the keys the Rust options reader accepts.

// ---------------------------------------------------------------------------------------------
// Module API
// ---------------------------------------------------------------------------------------------

/** What `init()` can load the wasm from: by default `newsview_bg.wasm` beside the module. */
export type InitInput =
  | RequestInfo
  | URL
  | Response
  | BufferSource
  | WebAssembly.Module
  | Promise<Response>;

/**
 * Loads and instantiates the wasm (`newsview_bg.wasm` beside `newsview.js`, resolved with
 * `import.meta.url`, unless `moduleOrPath` is given). Idempotent: later calls return the same
 * promise. `render()` and `<news-view>` call it themselves.
 */
export default function init(moduleOrPath?: InitInput): Promise<void>;

/**
 * Renders `article` (an object or a JSON string) into an open shadow root of `container` (into
 * its light DOM with `{shadow: false}`). Resolves to the live view; rejects with a
 * {@link NewsviewError} whose `path` is the field at fault and whose message names it
 * (`relatedVideos[3].url: expected a string, got a number`), or a `TypeError` when `container`
 * is not an Element. A view already live in `container` is destroyed first: one view per
 * container.
 */
export function render(
  container: Element,
  article: Article | string,
  options?: Options | null,
): Promise<View>;

/**
 * Takes over markup written by newsview's server rendering (`render_to_string`: a declarative
 * shadow root holding the article): events, image fallbacks and relative times are wired to
 * the nodes already there, which are not rebuilt. Without such markup it renders as `render()`.
 * A view already live in `container` is destroyed first. Rejects as `render()` does.
 */
export function hydrate(
  container: Element,
  article: Article | string,
  options?: Options | null,
): Promise<View>;

/**
 * What newsview rejects and throws with (from `init`, `render`, `hydrate`, `view.update` and the
 * other view methods); `nv-error` carries the same `code`, `path` and `message`.
 */
export class NewsviewError extends Error {
  constructor(message: string, options: { code: ErrorCode; path?: string; cause?: unknown });
  /** `"NewsviewError"`. */
  readonly name: 'NewsviewError';
  /** What went wrong. */
  readonly code: ErrorCode;
  /**
   * The JSON path of the field at fault, e.g. `relatedVideos[3].durationSeconds` or
   * `options.limits.maxKeywords`; `""` when no field is at fault.
   */
  readonly path: string;
}

/** The keys of `options.labels`. */
export type LabelKey =
  | 'like' | 'favorite' | 'share' | 'viewOnPhone' | 'qrCaption' | 'editor' | 'keywords'
  | 'allComments' | 'loginPrompt' | 'noComments' | 'relatedVideos' | 'playVideo' | 'justNow'
  | 'minutesAgo' | 'hoursAgo' | 'daysAgo' | 'source' | 'loading' | 'loadFailed' | 'retry'
  | 'wechatScan' | 'wechatHint' | 'commentPlaceholder' | 'submitComment' | 'linkCopied'
  | 'commentEmpty' | 'more' | 'bodyTruncated';

/** `options.limits`: whole numbers >= 0; absent members keep their defaults. */
export interface LimitOptions {
  /** Characters of `title`. @defaultValue 500 */
  maxTitleChars?: number;
  /** Characters of every other plain-text field. @defaultValue 10000 */
  maxTextChars?: number;
  /** Keywords shown. @defaultValue 50 */
  maxKeywords?: number;
  /** Related videos kept. @defaultValue 100 */
  maxRelatedVideos?: number;
  /** Comments shown. @defaultValue 500 */
  maxComments?: number;
  /** UTF-8 bytes of `bodyHtml`, cut before sanitizing. @defaultValue 4194304 */
  maxBodyBytes?: number;
}

/** A rendered article, returned by `render()`. */
export interface View {
  /**
   * Renders `article` in place of the current one, keeping the options. Throws a
   * {@link NewsviewError} naming the field at fault; the old article stays. After `destroy()`
   * (or once another render replaced this view) it throws one with code `destroyed`.
   */
  update(article: Article | string): void;
  /**
   * What the last render or update dropped or cut (frozen; empty when nothing was); the same
   * array the `nv-warning` event carried. A failed `update()` leaves it as it was.
   */
  readonly warnings: readonly Warning[];
  /** Removes the view from the page, with its listeners and timers. Idempotent. */
  destroy(): void;
  /** Sets the like state (after the host's backend answered an `nv-like`), optionally with the count. */
  setLiked(liked: boolean, count?: number): void;
  /** Sets the favorite state (after an `nv-favorite`), optionally with the count. */
  setFavorited(favorited: boolean, count?: number): void;
}

// ---------------------------------------------------------------------------------------------
// <news-view>
// ---------------------------------------------------------------------------------------------

/**
 * `<news-view src="article.json" lang="zh-CN" now="…">`. Importing the module defines it.
 * Fetches `src` (or shows the `article` property) and re-renders when an observed attribute
 * changes. On failure it shows an error state and dispatches `nv-error`.
 */
export class NewsViewElement extends HTMLElement {
  static readonly observedAttributes: readonly NewsViewAttributeName[];
  /** The article shown, as set by this property or fetched from `src`. */
  get article(): Article | string | null;
  set article(value: Article | string | null);
  /** The live view, or null before the first render and after a failure. */
  get view(): View | null;
  connectedCallback(): void;
  disconnectedCallback(): void;
  attributeChangedCallback(name: string, oldValue: string | null, newValue: string | null): void;
}

/** The attributes `<news-view>` reads (all strings, as HTML attributes are). */
export interface NewsViewAttributes {
  /** URL of the article JSON, resolved against the document's base URL. */
  src?: string;
  /** `zh-CN` (default), `zh-TW` or `en`. */
  lang?: Lang;
  /** Fixed clock for relative times: milliseconds since the epoch, or RFC 3339. */
  now?: string;
  /** Zone for shown times (default `Asia/Shanghai`): a zone without DST or an offset. */
  'time-zone'?: string;
  /** `light` (default), `dark` or `auto` (follows `prefers-color-scheme`). */
  theme?: Theme;
  /** Share services in menu order, comma-separated: `weibo,qq,copy`. */
  share?: string;
}

/** The names of the attributes `<news-view>` observes. */
export type NewsViewAttributeName = keyof NewsViewAttributes;

// ---------------------------------------------------------------------------------------------
// Options
// ---------------------------------------------------------------------------------------------

/** A UI language: `zh-CN` (default), `zh-TW` or `en` (other tags such as `zh-Hant` or `en-US` map to these). */
export type Lang = 'zh-CN' | 'zh-TW' | 'en' | (string & {});

/** The colour theme. */
export type Theme = 'light' | 'dark' | 'auto';

/** A share service key. */
export type ShareService =
  | 'wechat'
  | 'weibo'
  | 'qq'
  | 'qzone'
  | 'copy'
  | 'system'
  | 'x'
  | 'facebook'
  | 'linkedin'
  | 'telegram'
  | 'whatsapp'
  | 'email';

/** The signed-in reader. */
export interface User {
  /** Display name, not empty. */
  name: string;
  /** Avatar URL (http(s) or relative); a refused URL is dropped with a warning. */
  avatar?: string | null;
}

/**
 * Options of `render()`. Unknown members are ignored and `null` means the default; a wrong
 * value is an error whose message starts with `options.` and names the member.
 */
export interface Options {
  /** UI language: labels, dates, relative times, counts. @defaultValue `'zh-CN'` */
  lang?: Lang | null;
  /** Fixed clock for relative times: milliseconds since the epoch, or an RFC 3339 string with offset. @defaultValue the real clock */
  now?: number | string | null;
  /** Zone for shown times: a zone without daylight saving (`Asia/Shanghai`, `Asia/Tokyo`, `UTC`, …) or an offset (`+08:00`). @defaultValue `'Asia/Shanghai'` */
  timeZone?: string | null;
  /** Render into an open shadow root (`true`) or into the container's light DOM (styles scoped under `.nv`). @defaultValue `true` */
  shadow?: boolean | null;
  /** The signed-in reader: shows the comment box instead of the login prompt. @defaultValue `null` */
  user?: User | null;
  /** Share services and their order: an array of keys or a comma-separated string (`'weibo,qq'`). @defaultValue per language */
  share?: readonly ShareService[] | string | null;
  /** At most this many related videos (a whole number >= 0). @defaultValue all */
  relatedLimit?: number | null;
  /** Absolute http(s) URL shared and encoded in the QR code when the article has no `url`. @defaultValue `location.href` */
  pageUrl?: string | null;
  /** Colour theme. @defaultValue `'light'` */
  theme?: Theme | null;
  /** The body sanitizer's policy, and (`allowMediaHosts`) the hosts every image and video may load from. */
  sanitize?: SanitizeOptions | null;
  /**
   * A media proxy, as mail clients use: an absolute `https` URL with `{url}` in its path or
   * query, e.g. `'https://img.example.com/proxy?u={url}'`. Every media URL (body images and
   * each `srcset` candidate, body video/audio sources and posters, the cover, the lead video
   * and its poster, related-video covers, avatars) on a host that `sanitize.allowMediaHosts`
   * does not list is rewritten through it, the original absolute URL percent-encoded into
   * `{url}`. Without `allowMediaHosts`, every host but the proxy's own is rewritten. Relative
   * and `data:image/…` URLs are left as they are. A bad template is an error
   * (`options.mediaProxy: …`). @defaultValue none
   */
  mediaProxy?: string | null;
  /**
   * Bounds on text and list lengths. What goes past is cut with a visible marker (`…`,
   * `还有 N 条`, `…(内容过长,已截断)`) and reported in `nv-warning`, never silently.
   */
  limits?: LimitOptions | null;
  /**
   * Overrides of single UI strings, on top of the language's: keys `like`, `favorite`, `share`,
   * `viewOnPhone`, `qrCaption`, `editor`, `keywords`, `allComments`, `loginPrompt`,
   * `noComments`, `relatedVideos`, `playVideo`, `justNow`, `minutesAgo`, `hoursAgo`, `daysAgo`,
   * `source`, `loading`, `loadFailed`, `retry`, `wechatScan`, `wechatHint`,
   * `commentPlaceholder`, `submitComment`, `linkCopied`, `commentEmpty`, `more` (the note
   * after a list cut at its limit, `{n}` for the number left out: `还有 {n} 条`) and
   * `bodyTruncated` (the paragraph after a body cut at its limit). An unknown key is an error
   * (`options.labels.foo: unknown label …`).
   */
  labels?: Partial<Record<LabelKey, string>> | null;
  /**
   * Plays the lead video when the reader presses play (instead of the built-in `<video>`):
   * called with the placeholder element and the lead video. JS only.
   */
  videoPlayer?: ((element: HTMLElement, video: LeadVideo) => void) | null;
}

/**
 * `options.sanitize`: the body sanitizer's policy. Unlike the other options, an unknown member
 * or a wrong type is an error (`sanitize.maxDepth: …`).
 */
export interface SanitizeOptions {
  /** https hosts whose `iframe`s become a click-to-load placeholder (all others are removed). */
  allowIframeHosts?: readonly string[];
  /** The site's own host: its links get no `rel="noopener noreferrer"`. */
  ownHost?: string | null;
  /** User-generated content: links to other hosts also get `rel="ugc nofollow"`. @defaultValue `false` */
  ugc?: boolean;
  /** `target` on links: dropped, `_blank` on all, or `_blank` on links to other hosts. @defaultValue `'drop'` */
  linkTarget?: 'drop' | 'blank' | 'blankExternal';
  /** CSS properties kept in `style` attributes (with plain values), e.g. `['text-align']`. @defaultValue `[]` */
  allowStyleProperties?: readonly string[];
  /**
   * Hosts images, video and audio may load from: host names (`'img.example.com'`, compared
   * ignoring ASCII case and port) or `'*.example.com'` (every subdomain, not `example.com`
   * itself). Applies to every media URL: body images and each `srcset` candidate, body
   * video/audio sources and posters, the cover, the lead video and its poster, related-video
   * covers, avatars. Relative and `data:image/…` URLs are always allowed, and so is the host of
   * `mediaProxy`. A media URL on another host is rewritten through `mediaProxy`, or without one
   * dropped like a refused URL (an image without a `src` left is removed; a warning says so).
   * `[]` allows no host. @defaultValue any host
   */
  allowMediaHosts?: readonly string[] | null;
  /** Deeper elements are flattened to their text. @defaultValue `256` */
  maxDepth?: number;
  /** Larger bodies are refused whole. @defaultValue `4194304` (4 MiB) */
  maxInputBytes?: number;
  /** Nodes after this many are removed. @defaultValue `250000` */
  maxNodes?: number;
}

// ---------------------------------------------------------------------------------------------
// Events
// ---------------------------------------------------------------------------------------------

/** `nv-like` (cancelable: cancel to keep the old state). */
export interface LikeDetail {
  /** The article id (as a string). */
  id: string;
  /** The new state. */
  liked: boolean;
  /** The new count, when the article has one. */
  count?: number;
}

/** `nv-favorite` (cancelable). */
export interface FavoriteDetail {
  /** The article id (as a string). */
  id: string;
  /** The new state. */
  favorited: boolean;
  /** The new count, when the article has one. */
  count?: number;
}

/** `nv-share` (cancelable): a share service chosen, before its link opens. */
export interface ShareDetail {
  /** The service key. */
  service: ShareService;
  /** The URL shared. */
  url: string;
}

/** `nv-keyword` (cancelable): a keyword followed. */
export interface KeywordDetail {
  /** The keyword. */
  name: string;
  /** Its link; absent (undefined) when the keyword has none. */
  url?: string;
  /** Its position among the keywords shown. */
  index: number;
}

/** `nv-related` (cancelable): a related video followed. */
export interface RelatedDetail {
  /** The video id (as a string). */
  id: string;
  /** Its link. */
  url: string;
  /** Its position among the videos shown. */
  index: number;
}

/** `nv-comment` (cancelable: cancel to keep the text): a comment submitted (with a `user`). */
export interface CommentDetail {
  /** The comment, trimmed. */
  text: string;
}

/**
 * What kind of change a warning reports:
 * - `url`: a URL the URL policy refused; the field, or the item it belongs to, was dropped;
 * - `media-host`: a media URL on a host `sanitize.allowMediaHosts` does not list (and no
 *   `mediaProxy`); dropped as a refused URL is;
 * - `empty`: an empty name or required URL; the item was dropped;
 * - `truncated`: a text or the body was cut at a limit (`options.limits`);
 * - `limit`: items past a list's limit were not kept;
 * - `sanitized`: the body sanitizer removed or changed something (one summary for the body);
 * - `more`: more than 100 warnings; this last one counts the rest (its `path` is `""`).
 */
export type WarningCode = 'url' | 'media-host' | 'empty' | 'truncated' | 'limit' | 'sanitized' | 'more';

/** One warning: a field dropped or cut, with its path. */
export interface Warning {
  /** The field, e.g. `channel.url` or `options.pageUrl`. */
  readonly path: string;
  /** What kind of change. */
  readonly code: WarningCode;
  /** What happened, e.g. `dropped: not an allowed URL`. */
  readonly message: string;
}

/** `nv-warning`: what was dropped from the article or options while rendering. */
export interface WarningDetail {
  /** The same (frozen) array as `view.warnings`. */
  warnings: readonly Warning[];
}

/**
 * What went wrong:
 * - `invalid`: a field of the article or options has the wrong type or value, or is missing;
 * - `json`: the article or options text is not JSON, or is beyond the JSON reader's bounds
 *   (32 MiB, nesting 64 levels);
 * - `schema-version`: the article's `schemaVersion` is one this newsview does not read;
 * - `http`, `network`, `timeout`, `content-type`: `<news-view src>` could not fetch JSON;
 * - `panic`: a trap in the wasm (a bug); the module was restarted;
 * - `dom`: the browser refused a DOM operation (e.g. the container cannot have a shadow root);
 * - `init`: the wasm could not be fetched, compiled or instantiated;
 * - `destroyed`: a view method was called after `destroy()`.
 */
export type ErrorCode =
  | 'invalid'
  | 'json'
  | 'schema-version'
  | 'http'
  | 'network'
  | 'timeout'
  | 'content-type'
  | 'panic'
  | 'dom'
  | 'init'
  | 'destroyed';

/**
 * `nv-error`: `<news-view>` could not load or render its article, or a trap in the wasm (also
 * on a `render()` container). The fields of the {@link NewsviewError}.
 */
export interface ErrorDetail {
  code: ErrorCode;
  /** The field at fault, or `""`. */
  path: string;
  message: string;
}

/**
 * The events newsview dispatches on the container (or `<news-view>`): they bubble and are
 * composed. Merged into `HTMLElementEventMap`, so `el.addEventListener('nv-like', (e) =>
 * e.detail.liked)` type-checks.
 */
export interface NewsViewEventMap {
  'nv-like': CustomEvent<LikeDetail>;
  'nv-favorite': CustomEvent<FavoriteDetail>;
  'nv-share': CustomEvent<ShareDetail>;
  'nv-keyword': CustomEvent<KeywordDetail>;
  'nv-related': CustomEvent<RelatedDetail>;
  'nv-login': CustomEvent<Record<string, never>>;
  'nv-comment': CustomEvent<CommentDetail>;
  'nv-warning': CustomEvent<WarningDetail>;
  'nv-error': CustomEvent<ErrorDetail>;
}

declare global {
  interface HTMLElementTagNameMap {
    'news-view': NewsViewElement;
  }
  interface HTMLElementEventMap extends NewsViewEventMap {}
}

// ---------------------------------------------------------------------------------------------
// Article JSON v1
// ---------------------------------------------------------------------------------------------

// BEGIN GENERATED: article types (tests/typescript_types.rs, from schema/article-v1.schema.json)
// Do not edit by hand: NEWSVIEW_UPDATE_TYPES=1 cargo test --test typescript_types

/**
 * A news article as newsview reads it (camelCase). Unknown members are ignored. Readers also accept
 * null for any optional member and treat it as absent. Text is trimmed and U+0000 is removed
 * (bodyHtml is only NUL-stripped); optional text that is empty after trimming counts as absent.
 * URLs pass newsview's URL policy: a refused URL in an optional place is dropped with a warning,
 * and an image, lead video or related video whose own URL is refused is dropped whole with a
 * warning. See docs/schema.md.
 */
export interface Article {
  /**
   * The version of this schema the document follows. Absent means 1. A version newer than the
   * reader knows is refused ("schemaVersion: version 2 is newer than this newsview reads (1);
   * upgrade newsview").
   */
  schemaVersion?: 1 | null;
  /**
   * Stable article id, passed back in events. A whole number (within ±2^53) is accepted and
   * written in decimal.
   */
  id: Id;
  /**
   * Canonical absolute http(s) URL of the article, used by share links and the QR code. Without it,
   * the host page's URL is used. A relative or non-http(s) URL is dropped with a warning.
   */
  url?: string | null;
  /** The headline, plain text. Must not be empty after trimming. */
  title: string;
  /** Short plain-text summary, used by share targets and meta tags. */
  summary?: string | null;
  /** The channel tag shown before the time, e.g. 时讯; a link when it has a url. */
  channel?: Named | null;
  /**
   * First publication time, RFC 3339 with an offset (2025-07-27T21:56:43+08:00). Shown in the
   * reader's configured time zone (Asia/Shanghai by default).
   */
  publishedAt: DateTime;
  /** Last update time, RFC 3339 with an offset. */
  updatedAt?: DateTime | null;
  /**
   * Where the article comes from, e.g. 看看新闻Knews: a name with an optional link, or the name
   * alone as a string.
   */
  source?: Named | string | null;
  /** Authors, in order. An author with an empty name is dropped with a warning. */
  authors?: Named[] | null;
  /** The responsible editor, shown as 编辑: NAME. */
  editor?: string | null;
  /** Cover image, shown when there is no lead video. */
  cover?: Image | null;
  /**
   * The lead video, shown as a click-to-play placeholder; nothing is fetched from src before the
   * reader presses play. Dropped with a warning when src is refused.
   */
  leadVideo?: LeadVideo | null;
  /**
   * Article body as HTML from a CMS. Untrusted: it always passes newsview's allow-list sanitizer
   * before it is shown.
   */
  bodyHtml?: string | null;
  /**
   * Keywords, shown as links after 关键词:. A keyword with an empty name is dropped with a
   * warning.
   */
  keywords?: Array<string | Named> | null;
  /** Counters shown in the action bar and headings, formatted as readers expect (1.2万, 12K). */
  stats?: Stats | null;
  /** The comments block (全部评论). */
  comments?: Comments | null;
  /**
   * Related videos (推荐视频), in order. A video whose url is refused is dropped with a
   * warning.
   */
  relatedVideos?: RelatedVideo[] | null;
}

/**
 * The lead video, shown as a click-to-play placeholder; nothing is fetched from src before the
 * reader presses play. Dropped with a warning when src is refused.
 */
export interface LeadVideo {
  /** Video URL (mp4, m3u8, ...); http(s) or relative. */
  src: string;
  /** Poster image shown before playback. */
  poster?: Image | null;
  /**
   * Duration in seconds, shown as mm:ss or h:mm:ss. Fractions are rounded; values beyond 4294967295
   * are clamped.
   */
  durationSeconds?: Seconds | null;
  /** Title of the video, plain text. */
  title?: string | null;
}

/** Counters shown in the action bar and headings, formatted as readers expect (1.2万, 12K). */
export interface Stats {
  /** Number of likes (点赞). */
  likes?: Count | null;
  /** Number of favorites (收藏). */
  favorites?: Count | null;
  /** Number of comments. */
  comments?: Count | null;
  /** Number of views. */
  views?: Count | null;
}

/** The comments block (全部评论). */
export interface Comments {
  /**
   * Whether the comments block is shown. Default true.
   * @defaultValue `true`
   */
  enabled?: boolean | null;
  /** Total number of comments, when known (may exceed the items given). */
  total?: Count | null;
  /** The comments to show, in order. */
  items?: Comment[] | null;
}

/** An id: a non-empty string, or a whole number within ±2^53 (written in decimal). */
export type Id = string | number;

/**
 * RFC 3339 date-time with an offset or Z; fractional seconds allowed (truncated); years 0000-9999;
 * real calendar days; no leap second.
 */
export type DateTime = string;

/** A whole number >= 0. Values beyond 18446744073709551615 are clamped. */
export type Count = number;

/** A number of seconds >= 0; fractions are rounded to the nearest second (halves up). */
export type Seconds = number;

/** A size in CSS pixels >= 0; fractions are rounded; 0 means unknown. */
export type Pixels = number;

/**
 * A name with an optional link (channel, source, author, keyword). Dropped with a warning when the
 * name is empty after trimming.
 */
export interface Named {
  /** Display name, plain text. */
  name: string;
  /**
   * Where the name links to: http(s), mailto, tel or relative. A refused URL is dropped with a
   * warning and the name is kept.
   */
  url?: string | null;
}

/**
 * An image with its intrinsic size, so that the layout can reserve its space. Dropped with a
 * warning when url is refused.
 */
export interface Image {
  /** Image URL: http(s) or relative. */
  url: string;
  /** Intrinsic width in CSS pixels. */
  width?: Pixels | null;
  /** Intrinsic height in CSS pixels. */
  height?: Pixels | null;
  /** Alternative text. */
  alt?: string | null;
  /** Caption shown under the image. */
  caption?: string | null;
  /** Credit line (photographer, agency). */
  credit?: string | null;
}

/** One comment. Its text is plain text, never HTML. */
export interface Comment {
  /** Comment id. */
  id: Id;
  /** Who wrote it. */
  author: CommentAuthor;
  /** The comment, plain text. */
  text: string;
  /** When it was posted. */
  publishedAt: DateTime;
  /** Number of likes. */
  likes?: Count | null;
}

/** Who wrote it. */
export interface CommentAuthor {
  /** Author's display name, plain text. */
  name: string;
  /** Avatar image URL: http(s) or relative. A refused URL is dropped with a warning. */
  avatar?: string | null;
}

/** A related video, shown as a link with cover, duration badge, title, channel and time. */
export interface RelatedVideo {
  /** Video id, passed back in the nv-related event. */
  id: Id;
  /**
   * Link to the video page: http(s), mailto, tel or relative. When refused, the whole video is
   * dropped with a warning.
   */
  url: string;
  /** Title, plain text. */
  title: string;
  /** Cover image (16:9). */
  cover?: Image | null;
  /** Duration, shown as a badge (01:06). */
  durationSeconds?: Seconds | null;
  /** Channel name, plain text. */
  channel?: string | null;
  /**
   * Publication time, shown relative when recent (刚刚, N分钟前, N小时前, N天前 up to 3
   * days), else as 2026/03/11.
   */
  publishedAt?: DateTime | null;
}
// END GENERATED: article types
