//! The JS API exported with wasm-bindgen: `render(container, article, options)` → [`View`],
//! and `renderState` for the custom element's loading and error states.

use super::interact;
pub use super::live::View;
use super::mount::mount;
use super::state::{js_error, prop, query, window, Shared, ViewState};
use super::trusted::trusted_html;
use crate::error::{Error, Warning};
use crate::labels::{labels, Lang};
use crate::layout::{self, Context};
use crate::limits::Limits;
use crate::model::Article;
use crate::options::Options;
use crate::url::{self, MediaHosts, UrlContext};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::{Element, Node};

/// The component's stylesheet, shipped inside the wasm.
const STYLESHEET: &str = crate::css::STYLESHEET;

#[wasm_bindgen]
impl View {
    /// The markup the last render or update wrote (a `TrustedHTML` from the `newsview` policy
    /// where the browser has Trusted Types), once; `undefined` when there is none (a hydrated
    /// view). The JS entry parses it into [`View::root`] right after the call that wrote it.
    #[wasm_bindgen(js_name = __takeMarkup)]
    pub fn take_markup(&self) -> Result<JsValue, JsValue> {
        match self.state.borrow_mut().pending.take() {
            Some(markup) => trusted_html(&markup),
            None => Ok(JsValue::UNDEFINED),
        }
    }

    /// Where the view's markup goes: the shadow root, or the container in light-DOM mode.
    #[wasm_bindgen(js_name = __root)]
    pub fn root(&self) -> Node {
        self.state.borrow().root.clone()
    }

    /// Renders `article` (an object or a JSON string) in place of the current one, keeping
    /// the options. Throws an `Error` naming the field at fault; the old article stays.
    pub fn update(&self, article: JsValue) -> Result<(), JsValue> {
        if self.state.borrow().destroyed {
            return Err(js_error("view: update() after destroy()"));
        }
        let mut parsed = {
            let s = self.state.borrow();
            read_article(&article, &s.options.article_limits(), &s.options.media)?
        };
        {
            let mut s = self.state.borrow_mut();
            s.like_count = parsed.article.stats.likes;
            s.favorite_count = parsed.article.stats.favorites;
            s.article = parsed.article;
            s.liked = false;
            s.favorited = false;
        }
        parsed.warnings.extend(draw(&self.state)?);
        self.state.borrow_mut().warnings = parsed.warnings;
        Ok(())
    }
}

/// Renders `article` into `container` and returns the live [`View`]. `options` is read as
/// JSON, except `videoPlayer`, a function kept as it is.
#[wasm_bindgen]
pub fn render(container: Element, article: JsValue, options: JsValue) -> Result<View, JsValue> {
    start(container, article, options, false)
}

/// Takes over server-rendered markup (`newsview::render_to_string`: a declarative shadow root
/// holding `<article class="nv">`) for `article`: wires events, image fallbacks and the
/// relative-time refresh to the nodes that are there, without rebuilding them. Without such
/// markup it renders as [`render`] does.
#[wasm_bindgen]
pub fn hydrate(container: Element, article: JsValue, options: JsValue) -> Result<View, JsValue> {
    start(container, article, options, true)
}

/// Whether `root` holds a server-rendered article. `article.nv` cannot come from a body: the
/// sanitizer keeps no `article` element and no `class` attribute. (`:scope` would match nothing
/// in a shadow root, which is not an element.)
fn server_markup(root: &Node) -> bool {
    query(root, "article.nv").ok().flatten().is_some()
}

fn start(
    container: Element,
    article: JsValue,
    options: JsValue,
    hydrating: bool,
) -> Result<View, JsValue> {
    // (`None` for options given as a JSON string, or for none.)
    let video_player = nv_player(&options).ok().flatten();
    let (options, option_warnings) = read_options(&options)?;
    let mut parsed = read_article(&article, &options.article_limits(), &options.media)?;
    let mut warnings = option_warnings;
    warnings.append(&mut parsed.warnings);
    let root = view_root(&container, options.shadow)?;
    let state = Rc::new(RefCell::new(ViewState {
        container,
        root,
        like_count: parsed.article.stats.likes,
        favorite_count: parsed.article.stats.favorites,
        video_player,
        article: parsed.article,
        options,
        listener: None,
        toast_timer: None,
        liked: false,
        favorited: false,
        warnings: Vec::new(),
        pending: None,
        destroyed: false,
    }));
    let root = state.borrow().root.clone();
    if hydrating && server_markup(&root) {
        interact::refresh_times(&state);
    } else {
        warnings.extend(draw(&state)?);
    }
    interact::wire(&state);
    state.borrow_mut().warnings = warnings;
    Ok(View { state })
}

/// Shows the loading state (`error` false) or the error state (with `detail`) of
/// `<news-view>` in `container`'s shadow root.
#[wasm_bindgen(js_name = renderState)]
pub fn render_state(
    container: Element,
    error: bool,
    detail: &str,
    lang: &str,
) -> Result<(), JsValue> {
    let l = labels(Lang::from_tag(lang).unwrap_or_default());
    let markup = if error {
        layout::error_state(l, detail)
    } else {
        layout::loading_state(l)
    };
    mount(&view_root(&container, true)?, &markup)
}

/// Lays out the current article and writes its markup, the clean body in it, for the JS entry
/// to parse into the root (`View::take_markup`). Returns the warning that sums up what the body
/// sanitizer removed, if anything.
///
/// The page's parser runs from JS, after this wasm call has returned, because of what it does
/// for each `img` it meets: Chromium's ad tagging checks every subresource request made while
/// script runs against the scripts on the stack, and with newsview's wasm on it that check cost
/// about 50 µs per image (0.8 ms for the seed's 21; docs/benchmarks.md).
pub(crate) fn draw(state: &Shared) -> Result<Option<Warning>, JsValue> {
    {
        // An article without `url` is shared under the page's, read the first time one needs
        // it (when the options give none) and kept for the updates.
        let mut s = state.borrow_mut();
        if s.article.url.is_none() && s.options.page_url.is_none() {
            s.options.page_url = window()
                .and_then(|w| prop(&prop(&w, "location"), "href").as_string())
                .and_then(|href| url::check(&href, UrlContext::Absolute));
        }
    }
    let s = state.borrow();
    let now_ms = s.options.now_ms.unwrap_or_else(js_sys::Date::now);
    let mut ctx = Context::new(&s.article, &s.options, (now_ms / 1000.0).floor() as i64);
    let env = nv_env();
    ctx.system_share = env & 1 != 0;
    ctx.in_wechat = env & 2 != 0;
    // The QR codes are drawn when a reader opens their popover (interact::draw_qr_codes), by
    // the QR module, loaded then or when the reader shows intent.
    ctx.qr_on_open = true;
    interact::watch_qr();
    // The body is sanitized first: layout writes it in, and the note when it was cut.
    let (body, cut, body_warning) = match &s.article.body_html {
        Some(html) => {
            let (markup, report) = crate::sanitize::clean_body(html, &s.options.sanitize);
            (Some(markup), report.truncated, report.warning())
        }
        None => (None, false, None),
    };
    let markup = layout::article(&s.article, &ctx, body.as_ref(), cut);
    drop(s);
    state.borrow_mut().pending = Some(markup);
    Ok(body_warning)
}

// The JS this entry's DOM layer needs, in one small module (each module of its own is one
// more request for a page that loads the glue unbundled: wasm-bindgen-test's server, for one,
// stops answering at a fifth concurrent one).
//
// The view's root and the component stylesheet, in one call: the container's open shadow
// root (attached when it has none) or, in light-DOM mode, the container, whose rules, all
// scoped under `.nv`, go to the document. The stylesheet is constructed once per page, in this
// small module's scope (it outlives a restart of the wasm module after a trap), and adopted
// where it is missing: a shadow root attached now gets `[sheet]` at once (reading
// `adoptedStyleSheets` and searching it goes through the browser's array proxy, which cost more
// than the assignment). Constructed sheets need no `style-src` exception in a strict CSP.
#[wasm_bindgen(
    inline_js = "let sheet;\nexport function nv_root(c, shadow, css) {\n  if (!sheet) {\n    const s = new CSSStyleSheet();\n    s.replaceSync(css);\n    sheet = s;\n  }\n  let t = shadow ? c.shadowRoot : document;\n  if (!t) {\n    t = c.attachShadow({ mode: 'open' });\n    t.adoptedStyleSheets = [sheet];\n    return t;\n  }\n  const a = t.adoptedStyleSheets;\n  if (!a.includes(sheet)) t.adoptedStyleSheets = [...a, sheet];\n  return shadow ? t : c;\n}\nexport function nv_player(o) {\n  const f = o?.videoPlayer;\n  return typeof f == 'function' ? f : undefined;\n}\nlet env;\nexport function nv_env() {\n  const n = globalThis.navigator;\n  return env ??= (typeof n?.share == 'function') | /MicroMessenger/.test(n?.userAgent) << 1;\n}\nexport function nv_json(v) {\n  return typeof v === 'string' ? v : v == null ? undefined : JSON.stringify(v);\n}\n"
)]
extern "C" {
    #[wasm_bindgen(catch)]
    fn nv_root(container: &Element, shadow: bool, css: &str) -> Result<Node, JsValue>;
    /// `options.videoPlayer` when it is a function.
    #[wasm_bindgen(catch)]
    fn nv_player(options: &JsValue) -> Result<Option<js_sys::Function>, JsValue>;
    /// What the browser offers, read once per page: 1 when it has a system share sheet
    /// (`navigator.share`), 2 when it is WeChat's (its user agent names `MicroMessenger`:
    /// 微信 then shows the hint to use WeChat's own menu, not a QR code).
    fn nv_env() -> u32;
    /// The argument as JSON text: itself when it is a string, `JSON.stringify` of it otherwise
    /// (`None` for `null`, `undefined` and what has no JSON form, such as a function; an
    /// exception when it cannot be serialised: a cycle, a `BigInt`).
    #[wasm_bindgen(catch)]
    fn nv_json(value: &JsValue) -> Result<Option<String>, JsValue>;
}

thread_local! {
    /// Whether this module instance gave the stylesheet's text to `nv_root` already: it is
    /// copied into JS once, not at every render.
    static SHEET_SENT: Cell<bool> = const { Cell::new(false) };
}

/// Where a view of `container` goes (its open shadow root with `shadow`, else the container),
/// with the component stylesheet adopted where it applies.
fn view_root(container: &Element, shadow: bool) -> Result<Node, JsValue> {
    let sent = SHEET_SENT.with(Cell::get);
    let root = nv_root(container, shadow, if sent { "" } else { STYLESHEET })?;
    // Only now: a sheet that failed to be made is made again, with its text, next time.
    SHEET_SENT.with(|c| c.set(true));
    Ok(root)
}

/// Reads the article argument: a JSON string, or an object (serialised with
/// `JSON.stringify`, so getters, prototypes and `__proto__` keys have no effect), its media
/// URLs judged by `media`.
fn read_article(
    value: &JsValue,
    limits: &Limits,
    media: &MediaHosts,
) -> Result<crate::model::Parsed, JsValue> {
    let text = to_json_text(value, "article")?;
    Article::from_json_str_with(&text, limits, media).map_err(|e| error_to_js(&e))
}

/// Reads the options (with the body sanitizer policy, `options.sanitize`) and their warnings
/// (URLs refused), through the reader every way out uses ([`Options::from_json_str`]).
fn read_options(value: &JsValue) -> Result<(Options, Vec<Warning>), JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok((Options::default(), Vec::new()));
    }
    let text = to_json_text(value, "options")?;
    Options::from_json_str(&text).map_err(|e| error_to_js(&e))
}

// ---- Robustness: warnings, restart (issue 7). ----

fn to_json_text(value: &JsValue, what: &str) -> Result<String, JsValue> {
    match nv_json(value) {
        Ok(Some(text)) => Ok(text),
        Ok(None) => Err(argument_error(what, "expected an object or a JSON string")),
        Err(_) => Err(argument_error(what, "cannot be serialised as JSON")),
    }
}

/// An error about the argument `what` itself, as a JS `Error`. Its message starts with the
/// argument's name (`article: …`, `options: …`); its `path` is the root of the argument's
/// paths: `options` for the options, `""` for the article (whose paths have no prefix).
fn argument_error(what: &str, message: &str) -> JsValue {
    let e = Error::new(what, message);
    if what == "options" {
        error_to_js(&e)
    } else {
        error_to_js(&Error::new("", e.to_message()))
    }
}

/// `e` as a JS `Error` with its message (`path: message`) and, as properties, its `code`
/// (`invalid`, `json`, `schema-version`) and `path`: the JS entry makes a `NewsviewError` of it.
fn error_to_js(e: &Error) -> JsValue {
    let error = js_sys::Error::new(&e.to_message());
    interact::set(&error, "code", e.code().as_str().into());
    interact::set(&error, "path", e.path().into());
    error.into()
}
