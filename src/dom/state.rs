//! What a live view holds, shared by the API (`api`) and the event wiring (`interact`), and the
//! page's document: the bottom of the DOM layer, so that neither of them imports the other.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsValue;
use web_sys::{Document, Element, Node};

use super::handle::{Interval, Listener};
use crate::error::Warning;
use crate::model::Article;
use crate::options::Options;

/// Everything a live view owns. Listeners and timers are dropped (and so removed) by
/// `destroy()`.
pub(crate) struct ViewState {
    pub(crate) container: Element,
    /// Where the view is mounted: the shadow root, or the container in light-DOM mode.
    pub(crate) root: Node,
    pub(crate) article: Article,
    /// The options, with the body sanitizer policy (`options.sanitize`).
    pub(crate) options: Options,
    pub(crate) listeners: Vec<Listener>,
    pub(crate) timers: Vec<Interval>,
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
    /// ([`View::take_warnings`]).
    pub(crate) warnings: Vec<Warning>,
    pub(crate) destroyed: bool,
}

pub(crate) type Shared = Rc<RefCell<ViewState>>;

/// The page's document, or an error for a host without one.
pub(crate) fn document() -> Result<Document, JsValue> {
    web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| js_error("newsview needs a window with a document"))
}

/// A plain JS `Error` with `message`.
pub(crate) fn js_error(message: &str) -> JsValue {
    js_sys::Error::new(message).into()
}
