//! `schema/article-v1.schema.json` and `docs/schema.md` against the model, so that the three
//! cannot drift apart silently; and the options table of `docs/schema.md` against the declared
//! options (`OPTION_KEYS`).
#![cfg(not(target_arch = "wasm32"))]

use newsview::json::{parse, Json, JsonLimits};
use newsview::model::{Article, ARTICLE_FIELDS};
use newsview::options::OPTION_KEYS;

const SCHEMA: &str = include_str!("../schema/article-v1.schema.json");
const DOCS: &str = include_str!("../docs/schema.md");

fn schema() -> Json {
    parse(SCHEMA, &JsonLimits::default()).unwrap_or_else(|e| panic!("schema: {e}"))
}

fn at<'a>(v: &'a Json, path: &[&str]) -> &'a Json {
    path.iter()
        .try_fold(v, |v, k| v.get(k))
        .unwrap_or_else(|| panic!("schema has no {path:?}"))
}

fn keys(v: &Json) -> Vec<&str> {
    v.as_object()
        .expect("an object")
        .iter()
        .map(|(k, _)| k.as_str())
        .collect()
}

#[test]
fn schema_is_json_schema_2020_12() {
    let s = schema();
    assert_eq!(
        at(&s, &["$schema"]).as_str(),
        Some("https://json-schema.org/draft/2020-12/schema")
    );
    assert_eq!(at(&s, &["type"]).as_str(), Some("object"));
}

#[test]
fn schema_lists_exactly_the_fields_the_model_reads() {
    let s = schema();
    assert_eq!(keys(at(&s, &["properties"])), ARTICLE_FIELDS);
}

#[test]
fn schema_requires_what_the_model_requires() {
    let s = schema();
    let required: Vec<&str> = at(&s, &["required"])
        .as_array()
        .expect("array")
        .iter()
        .filter_map(Json::as_str)
        .collect();
    assert_eq!(required, ["id", "title", "publishedAt"]);
    for field in &required {
        let mut members: Vec<&str> = vec![
            r#""id": "a""#,
            r#""title": "T""#,
            r#""publishedAt": "2025-07-27T21:56:43Z""#,
        ];
        members.retain(|m| !m.starts_with(&["\"", field, "\""].concat()));
        let json = ["{", &members.join(","), "}"].concat();
        let e = Article::from_json_str(&json).expect_err(field);
        assert_eq!(
            e.to_message(),
            [field, ": required field is missing"].concat()
        );
    }
}

/// Every schema (the root, each property, each `$defs` entry, each `anyOf` branch) carries a
/// description. Walked with an explicit stack.
#[test]
fn every_field_has_a_description() {
    let s = schema();
    let mut stack: Vec<(String, &Json)> = vec![(String::new(), &s)];
    let mut checked = 0;
    while let Some((path, node)) = stack.pop() {
        assert!(
            node.get("description")
                .and_then(Json::as_str)
                .is_some_and(|d| !d.is_empty()),
            "no description at {path:?}"
        );
        checked += 1;
        for container in ["properties", "$defs"] {
            if let Some(Json::Object(members)) = node.get(container) {
                for (k, v) in members {
                    stack.push(([path.as_str(), "/", container, "/", k].concat(), v));
                }
            }
        }
        if let Some(Json::Array(branches)) = node.get("anyOf") {
            for (i, b) in branches.iter().enumerate() {
                stack.push(([path.as_str(), "/anyOf/", &i.to_string()].concat(), b));
            }
        }
        if let Some(items) = node.get("items") {
            if items.get("anyOf").is_some() {
                stack.push(([path.as_str(), "/items"].concat(), items));
            }
        }
    }
    assert!(checked > 60, "only {checked} schemas checked");
}

/// Every property of every nested object in the schema is read by the model: giving it a
/// value of the wrong type is refused with an error at its path.
#[test]
fn nested_schema_fields_are_read_by_the_model() {
    let s = schema();
    let min = r#""id": "a", "title": "T", "publishedAt": "2025-07-27T21:56:43Z""#;
    // (schema path to `properties`, text before the object, its valid members, text after
    //  the object, the object's path in errors)
    let cases: &[(&[&str], &str, &str, &str, &str)] = &[
        (
            &["properties", "stats", "properties"],
            r#""stats": "#,
            "",
            "",
            "stats",
        ),
        (
            &["properties", "comments", "properties"],
            r#""comments": "#,
            "",
            "",
            "comments",
        ),
        (
            &["properties", "leadVideo", "properties"],
            r#""leadVideo": "#,
            r#""src": "https://v.example/a.mp4""#,
            "",
            "leadVideo",
        ),
        (
            &["$defs", "Image", "properties"],
            r#""cover": "#,
            r#""url": "https://i.example/a.jpg""#,
            "",
            "cover",
        ),
        (
            &["$defs", "Named", "properties"],
            r#""channel": "#,
            r#""name": "n""#,
            "",
            "channel",
        ),
        (
            &["$defs", "Comment", "properties"],
            r#""comments": {"items": ["#,
            r#""id": "c", "author": {"name": "a"}, "text": "t", "publishedAt": "2025-07-27T21:56:43Z""#,
            "]}",
            "comments.items[0]",
        ),
        (
            &["$defs", "Comment", "properties", "author", "properties"],
            r#""comments": {"items": [{"id": "c", "text": "t", "publishedAt": "2025-07-27T21:56:43Z", "author": "#,
            r#""name": "a""#,
            "}]}",
            "comments.items[0].author",
        ),
        (
            &["$defs", "RelatedVideo", "properties"],
            r#""relatedVideos": ["#,
            r#""id": "v", "url": "https://e.example/v", "title": "t""#,
            "]",
            "relatedVideos[0]",
        ),
    ];
    let mut checked = 0;
    for (schema_path, before, base, after, obj_path) in cases {
        let props = at(&s, schema_path);
        for prop in keys(props) {
            let is_bool = at(props, &[prop]).get("type").and_then(Json::as_str) == Some("boolean");
            let wrong = if is_bool { "0" } else { "true" };
            let sep = if base.is_empty() { "" } else { ", " };
            let json = [
                "{", min, ", ", before, "{", base, sep, "\"", prop, "\": ", wrong, "}", after, "}",
            ]
            .concat();
            let e = Article::from_json_str(&json).expect_err(&json);
            assert_eq!(e.path(), [obj_path, ".", prop].concat(), "{json}: {e}");
            checked += 1;
        }
    }
    assert_eq!(checked, 4 + 3 + 4 + 6 + 2 + 5 + 2 + 7);
}

#[test]
fn docs_table_names_every_field() {
    for field in ARTICLE_FIELDS {
        assert!(
            DOCS.contains(&["`", field, "`"].concat()),
            "docs/schema.md lacks `{field}`"
        );
    }
    let s = schema();
    for def in ["Image", "Named", "Comment", "RelatedVideo"] {
        for prop in keys(at(&s, &["$defs", def, "properties"])) {
            assert!(
                DOCS.contains(&["`", prop, "`"].concat()),
                "docs/schema.md lacks {def}.{prop}"
            );
        }
    }
}

#[test]
fn docs_options_table_has_a_row_for_every_declared_option_and_no_other() {
    let start = DOCS
        .find("\n## Options")
        .expect("docs/schema.md: ## Options");
    let section = &DOCS[start..];
    let section = &section[..section.find("\n### ").unwrap_or(section.len())];
    // Rows start with the option's name in backticks: `lang`, `sanitize.allowMediaHosts`.
    let mut documented: Vec<&str> = section
        .lines()
        .filter_map(|l| l.strip_prefix("| `"))
        .filter_map(|l| l.split('`').next())
        .map(|name| name.split('.').next().unwrap_or(name))
        .collect();
    documented.sort_unstable();
    documented.dedup();
    let mut declared = OPTION_KEYS.to_vec();
    declared.sort_unstable();
    assert_eq!(
        documented, declared,
        "docs/schema.md options table vs OPTION_KEYS (src/options.rs)"
    );
}
