//! The `serde` feature: `Article`, `Options` and `json::Json` deserialize from serde formats
//! through the one reader (the document becomes a `Json`, then the crate's reader reads it), so
//! that a Rust server can embed them in its own types and gets the errors the browser gives.
#![cfg(all(feature = "serde", not(target_arch = "wasm32")))]

use newsview::json::{self, Json, JsonLimits};
use newsview::{Article, Options};
use serde::Deserialize;

const SEED: &str = include_str!("fixtures/seed-article.json");
const PARITY_OPTIONS: &str = include_str!("fixtures/parity/options.json");

#[derive(Debug, Deserialize)]
struct Request {
    article: Article,
    #[serde(default)]
    options: Option<Options>,
}

#[test]
fn an_article_in_a_servers_own_type_is_what_the_reader_reads() {
    let text = format!(r#"{{"article": {SEED}, "options": {PARITY_OPTIONS}}}"#);
    let request: Request = serde_json::from_str(&text).unwrap();
    assert_eq!(
        request.article,
        Article::from_json_str(SEED).unwrap().article
    );
    let doc = json::parse(PARITY_OPTIONS, &JsonLimits::default()).unwrap();
    assert_eq!(request.options, Some(Options::from_json(&doc).unwrap()));
}

#[test]
fn errors_name_the_field_as_the_reader_does() {
    let e = serde_json::from_str::<Article>(
        r#"{"id": "1", "title": 42, "publishedAt": "2025-07-27T21:56:43+08:00"}"#,
    )
    .unwrap_err()
    .to_string();
    assert!(
        e.starts_with("title: expected a string, got a number"),
        "{e}"
    );
    let e = serde_json::from_str::<Options>(r#"{"lang": "fr"}"#)
        .unwrap_err()
        .to_string();
    assert!(
        e.starts_with(r#"options.lang: unsupported language "fr""#),
        "{e}"
    );
    let e = serde_json::from_str::<Request>(r#"{"article": {"id": "1"}}"#)
        .unwrap_err()
        .to_string();
    assert!(e.starts_with("title: required field is missing"), "{e}");
}

#[test]
fn json_values_keep_order_duplicates_and_numbers() {
    let text = r#"{"b": [1, -2, 2.5, 12345.75, true, null, "x\u2028"], "a": {}, "b": "last"}"#;
    let via_serde: Json = serde_json::from_str(text).unwrap();
    assert_eq!(
        via_serde,
        json::parse(text, &JsonLimits::default()).unwrap()
    );
    assert_eq!(via_serde.get("b"), Some(&Json::String("last".into())));
}

#[test]
fn nesting_is_bounded_as_the_parser_bounds_it() {
    let depth = JsonLimits::default().max_depth;
    let ok = "[".repeat(depth) + &"]".repeat(depth);
    assert!(serde_json::from_str::<Json>(&ok).is_ok());
    let deep = "[".repeat(depth + 1) + &"]".repeat(depth + 1);
    let e = serde_json::from_str::<Json>(&deep).unwrap_err().to_string();
    assert!(e.starts_with("nested too deeply"), "{e}");
    assert!(json::parse(&deep, &JsonLimits::default()).is_err());
}
