//! What a live view holds, shared by the API (`api`, `hydrate_api`) and the event wiring
//! (`interact`), and the page's document: the bottom of the DOM layer, so that neither of them
//! imports the other.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, Node, NodeList};

use super::handle::Listener;
#[cfg(feature = "dom")]
use crate::error::Warning;

/// The options the widgets read: the full [`crate::options::Options`] in the full client (which
/// renders), the few members the widgets need in the hydration-only one ([`WidgetOptions`]).
/// Both have `lang`, `now_ms`, `time_zone` and `labels()`.
#[cfg(feature = "dom")]
pub(crate) type ViewOptions = crate::options::Options;
/// See the `dom` build's `ViewOptions`.
#[cfg(not(feature = "dom"))]
pub(crate) type ViewOptions = WidgetOptions;

/// What the widgets of server-rendered markup need from the options, and nothing more: the
/// hydration-only client reads no article and no sanitizer policy (see `hydrate_api`).
#[cfg(not(feature = "dom"))]
pub(crate) struct WidgetOptions {
    /// The language of counts.
    pub(crate) lang: crate::labels::Lang,
    /// A fixed clock for relative times, in milliseconds since the epoch.
    pub(crate) now_ms: Option<f64>,
    /// The zone dates are shown in, when a relative time becomes a date.
    pub(crate) time_zone: crate::text::TimeZone,
    /// The labels the widgets show (`justNow`, `minutesAgo`, `hoursAgo`, `daysAgo`,
    /// `linkCopied`, `commentEmpty`), `options.labels` over the language's; in that order.
    pub(crate) labels: [String; 6],
}

/// The keys of [`WidgetOptions::labels`] in `options.labels`.
#[cfg(not(feature = "dom"))]
pub(crate) const WIDGET_LABELS: [&str; 6] = [
    "justNow",
    "minutesAgo",
    "hoursAgo",
    "daysAgo",
    "linkCopied",
    "commentEmpty",
];

#[cfg(not(feature = "dom"))]
impl WidgetOptions {
    /// The language's strings for [`WIDGET_LABELS`]. Only these fields are read, so the rest
    /// of the language tables stays out of this build.
    pub(crate) fn default_labels(lang: crate::labels::Lang) -> [&'static str; 6] {
        let l = crate::labels::labels(lang);
        [
            l.just_now,
            l.minutes_ago,
            l.hours_ago,
            l.days_ago,
            l.link_copied,
            l.comment_empty,
        ]
    }

    /// The UI strings the widgets use; the others are empty.
    pub(crate) fn labels(&self) -> crate::labels::Labels<'_> {
        let [just_now, minutes_ago, hours_ago, days_ago, link_copied, comment_empty] = &self.labels;
        crate::labels::Labels {
            just_now,
            minutes_ago,
            hours_ago,
            days_ago,
            link_copied,
            comment_empty,
            ..Default::default()
        }
    }
}

/// Everything a live view owns. Listeners and timers are dropped (and so removed) by
/// `destroy()`. What the widgets need of the article (its id, share URL, keywords, related
/// videos, lead video) is read from the markup when they need it (`interact`), so that the
/// hydration-only client works on server markup without the article.
pub(crate) struct ViewState {
    pub(crate) container: Element,
    /// Where the view is mounted: the shadow root, or the container in light-DOM mode.
    pub(crate) root: Node,
    /// The article, for `update()` (the full client only).
    #[cfg(feature = "dom")]
    pub(crate) article: crate::model::Article,
    /// The options; in the full client with the body sanitizer policy (`options.sanitize`).
    pub(crate) options: ViewOptions,
    /// The view's events and its minute's tick, while it is live.
    pub(crate) listener: Option<Listener>,
    pub(crate) toast_timer: Option<super::handle::Timeout>,
    pub(crate) liked: bool,
    pub(crate) favorited: bool,
    /// The counts shown on 点赞 / 收藏: the article's stats, then what toggles and the
    /// host's setters made of them.
    pub(crate) like_count: Option<u64>,
    pub(crate) favorite_count: Option<u64>,
    /// `options.videoPlayer(element, video)`, when the host gave a function.
    pub(crate) video_player: Option<js_sys::Function>,
    /// What the last render or update dropped or cut, until the JS entry takes them
    /// (`View::take_warnings`; the full client only).
    #[cfg(feature = "dom")]
    pub(crate) warnings: Vec<Warning>,
    /// The markup the last render or update wrote, until the JS entry takes it
    /// (`View::take_markup`) and parses it into the root itself (the full client only).
    #[cfg(feature = "dom")]
    pub(crate) pending: Option<crate::view::Markup>,
    pub(crate) destroyed: bool,
}

pub(crate) type Shared = Rc<RefCell<ViewState>>;

/// The page's `window` (see [`super::handle::window`], the bottom of the layer, whose
/// timers need it too).
pub(crate) use super::handle::window;

/// `obj[key]` (see [`super::handle::prop`], the bottom of the layer, whose helpers need it too).
pub(crate) use super::handle::prop;

/// `obj[key]` when it is neither `null` nor `undefined`, as `T` unchecked: for properties
/// whose value is a `T` or null (`shadowRoot`, an event's `target`).
pub(crate) fn prop_as<T: JsCast>(obj: &JsValue, key: &str) -> Option<T> {
    Some(prop(obj, key))
        .filter(|v| !v.is_null() && !v.is_undefined())
        .map(JsCast::unchecked_into)
}

/// A plain JS `Error` with `message`.
pub(crate) fn js_error(message: &str) -> JsValue {
    js_sys::Error::new(message).into()
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// A node of the `ParentNode` mixin, which elements, documents and shadow roots share: one
    /// binding of `querySelector(All)` serves all of them (web-sys binds each interface's
    /// own). The mixin is no JS class, so a node is cast to it unchecked; a node without the
    /// method throws, and the error is returned.
    #[wasm_bindgen(extends = Node)]
    type ParentNode;

    #[wasm_bindgen(method, catch, js_name = querySelector)]
    fn query_selector(this: &ParentNode, selector: &str) -> Result<Option<Element>, JsValue>;

    #[wasm_bindgen(method, catch, js_name = querySelectorAll)]
    fn query_selector_all(this: &ParentNode, selector: &str) -> Result<NodeList, JsValue>;

    /// An element of the widgets' markup, all HTML elements: `focus()` and `click()` bound
    /// once for every kind (web-sys binds them on `HTMLElement`, which would take an
    /// `instanceof` test per call). Cast unchecked; an element without the method throws, and
    /// the error is ignored.
    #[wasm_bindgen(extends = Element)]
    type Widget;

    #[wasm_bindgen(method, catch, js_name = focus)]
    fn focus_widget(this: &Widget) -> Result<(), JsValue>;

    #[wasm_bindgen(method, catch, js_name = click)]
    fn click_widget(this: &Widget) -> Result<(), JsValue>;
}

/// Moves the focus to `el`.
pub(crate) fn focus(el: &Element) {
    let _ = el.unchecked_ref::<Widget>().focus_widget();
}

/// Clicks `el` as a user would (its click listeners run now).
pub(crate) fn click(el: &Element) {
    let _ = el.unchecked_ref::<Widget>().click_widget();
}

/// The first element matching `selector` in `root`: an element, or a shadow root (a
/// `DocumentFragment`) in shadow-DOM mode.
pub(crate) fn query(root: &Node, selector: &str) -> Result<Option<Element>, JsValue> {
    root.unchecked_ref::<ParentNode>().query_selector(selector)
}

/// The first element matching `selector` in `root`, or `None` (also when the query throws).
pub(crate) fn find(root: &Node, selector: &str) -> Option<Element> {
    query(root, selector).ok().flatten()
}

/// Calls `f` with each element matching `selector` in `root`, in document order.
pub(crate) fn each(root: &Node, selector: &str, f: &mut dyn FnMut(Element)) {
    let Some(list) = query_all(root, selector) else {
        return;
    };
    for i in 0..list.length() {
        // `querySelectorAll` lists elements only.
        if let Some(el) = list.item(i) {
            f(el.unchecked_into());
        }
    }
}

/// Every element matching `selector` in `root` (see [`query`]).
pub(crate) fn query_all(root: &Node, selector: &str) -> Option<NodeList> {
    root.unchecked_ref::<ParentNode>()
        .query_selector_all(selector)
        .ok()
}
