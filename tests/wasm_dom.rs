//! DOM-layer tests, run in headless Chromium by wasm-bindgen-test
//! (`cargo test --target wasm32-unknown-unknown --test wasm_dom`).
#![cfg(target_arch = "wasm32")]

use newsview::dom::View;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

const SEED: &str = include_str!("fixtures/seed-article.json");

fn container() -> Element {
    let doc = web_sys::window().unwrap().document().unwrap();
    let div = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&div).unwrap();
    div
}

/// The markup the wasm wrote, parsed into the view's root as the JS entry does (`place()` in
/// www/newsview.js): after the wasm call, from JS.
fn place(view: &View) {
    let html = view.take_markup().unwrap();
    if !html.is_undefined() {
        js_sys::Reflect::set(&view.root(), &JsValue::from_str("innerHTML"), &html).unwrap();
    }
}

/// `render()` as the JS entry runs it: the wasm call, then the markup placed.
fn render(container: Element, article: JsValue, options: JsValue) -> Result<View, JsValue> {
    let view = newsview::dom::render(container, article, options)?;
    place(&view);
    Ok(view)
}

/// `view.update()` as the JS entry runs it.
fn update(view: &View, article: JsValue) -> Result<(), JsValue> {
    view.update(article)?;
    place(view);
    Ok(())
}

fn options(json: &str) -> JsValue {
    js_sys::JSON::parse(json).unwrap()
}

fn shadow_query(host: &Element, selector: &str) -> Option<Element> {
    host.shadow_root()
        .unwrap()
        .query_selector(selector)
        .unwrap()
}

fn count(host: &Element, selector: &str) -> u32 {
    host.shadow_root()
        .unwrap()
        .query_selector_all(selector)
        .unwrap()
        .length()
}

#[wasm_bindgen_test]
fn renders_the_seed_into_an_open_shadow_root() {
    let host = container();
    let _view = render(
        host.clone(),
        JsValue::from_str(SEED),
        options(r#"{"now":"2026-03-16T10:00:00+08:00"}"#),
    )
    .unwrap();
    let title = shadow_query(&host, "h1[part=title]").unwrap();
    assert!(title
        .text_content()
        .unwrap()
        .starts_with("部市共建上海国际科技创新中心"));
    assert_eq!(count(&host, ".nv-body > p"), 8);
    assert_eq!(count(&host, "[part=related-item]"), 20);
    let first_time = shadow_query(&host, "[part=related-item] time").unwrap();
    assert_eq!(first_time.text_content().unwrap(), "20小时前");
    // Nothing of the view lands in the light DOM.
    assert_eq!(host.child_element_count(), 0);
}

#[wasm_bindgen_test]
fn light_dom_mode_renders_into_the_container() {
    let host = container();
    let _view = render(
        host.clone(),
        JsValue::from_str(SEED),
        options(r#"{"shadow":false}"#),
    )
    .unwrap();
    assert!(host.shadow_root().is_none());
    assert!(host.query_selector("article.nv h1").unwrap().is_some());
}

#[wasm_bindgen_test]
fn invalid_article_is_refused_with_the_field_named() {
    let host = container();
    let bad = SEED.replacen("\"durationSeconds\": 66", "\"durationSeconds\": \"66\"", 1);
    let err = render(host, JsValue::from_str(&bad), JsValue::NULL)
        .err()
        .unwrap();
    // Errors as data: the code and the path are properties of the Error.
    let prop = |key: &str| {
        js_sys::Reflect::get(&err, &JsValue::from_str(key))
            .unwrap()
            .as_string()
    };
    assert_eq!(prop("code").as_deref(), Some("invalid"));
    assert_eq!(
        prop("path").as_deref(),
        Some("relatedVideos[0].durationSeconds")
    );
    let message = err
        .dyn_into::<js_sys::Error>()
        .unwrap()
        .message()
        .as_string()
        .unwrap();
    assert!(
        message.starts_with("relatedVideos[0].durationSeconds:"),
        "{message}"
    );
}

#[wasm_bindgen_test]
fn like_toggles_and_destroy_removes_everything() {
    let host = container();
    let view = render(host.clone(), JsValue::from_str(SEED), JsValue::NULL).unwrap();
    let like: HtmlElement = shadow_query(&host, "[data-nv-action=like]")
        .unwrap()
        .dyn_into()
        .unwrap();
    like.click();
    assert_eq!(like.get_attribute("aria-pressed").as_deref(), Some("true"));
    assert_eq!(
        shadow_query(&host, ".nv-like .nv-count")
            .unwrap()
            .text_content()
            .unwrap(),
        "1"
    );
    like.click();
    assert_eq!(like.get_attribute("aria-pressed").as_deref(), Some("false"));
    view.destroy();
    assert_eq!(host.shadow_root().unwrap().child_nodes().length(), 0);
    view.destroy();
    assert!(update(&view, JsValue::from_str(SEED)).is_err());
}

#[wasm_bindgen_test]
fn update_replaces_the_article() {
    let host = container();
    let view = render(host.clone(), JsValue::from_str(SEED), JsValue::NULL).unwrap();
    let other = SEED.replacen("部市共建", "更新后的标题", 1);
    update(&view, JsValue::from_str(&other)).unwrap();
    assert!(shadow_query(&host, "h1")
        .unwrap()
        .text_content()
        .unwrap()
        .starts_with("更新后的标题"));
    assert_eq!(count(&host, "h1"), 1);
}

#[wasm_bindgen_test]
fn warnings_are_taken_as_objects_once() {
    let host = container();
    let article = r#"{"id": "a", "title": "t", "publishedAt": "2026-03-16T09:00:00+08:00", "url": "javascript:x"}"#;
    let view = render(host, JsValue::from_str(article), JsValue::NULL).unwrap();
    let list = view.take_warnings();
    assert_eq!(list.length(), 1);
    let item = list.get(0);
    let prop = |key: &str| {
        js_sys::Reflect::get(&item, &JsValue::from_str(key))
            .unwrap()
            .as_string()
    };
    assert_eq!(prop("path").as_deref(), Some("url"));
    assert_eq!(prop("code").as_deref(), Some("url"));
    assert_eq!(
        prop("message").as_deref(),
        Some("dropped: not an allowed URL")
    );
    assert_eq!(view.take_warnings().length(), 0, "taken once");
    update(&view, JsValue::from_str(SEED)).unwrap();
    assert_eq!(view.take_warnings().length(), 0, "the seed drops nothing");
    view.destroy();
}
