//! `schema/article-v1.schema.json` is the one declaration of the article: from it this test
//! generates the reader's field lists (the `article fields` block of `src/model.rs`:
//! `ARTICLE_FIELDS`, `IMAGE_FIELDS`, …, which the reader names every member through, checked
//! at compile time) and the field tables of `docs/schema.md`, and checks that the committed
//! text is what it generates (`make contract` regenerates both; `tests/typescript_types.rs`
//! generates the `.d.ts` from the same schema). It also checks the reader behaviourally against
//! the schema, and the options tables of `docs/schema.md` and `README.md` against the declared
//! options (`OPTION_FIELDS`) and events (`EVENT_DETAILS`, `DETAIL_TYPES`).
#![cfg(not(target_arch = "wasm32"))]

use newsview::json::{parse, Json, JsonLimits};
use newsview::model::{Article, ARTICLE_FIELDS};
use newsview::options::{DETAIL_TYPES, EVENT_DETAILS, OPTION_FIELDS, OPTION_KEYS};

#[path = "contract_support/mod.rs"]
mod contract;
use contract::{object_types, properties, Style};

const SCHEMA: &str = include_str!("../schema/article-v1.schema.json");
const DOCS: &str = include_str!("../docs/schema.md");
const README: &str = include_str!("../README.md");
const FIELDS_BLOCK: &str = "article fields";
const TABLES_BLOCK: &str = "article tables";
const THIS: &str = "tests/schema.rs";
const FROM: &str = "schema/article-v1.schema.json";

fn schema() -> Json<'static> {
    parse(SCHEMA, &JsonLimits::default()).unwrap_or_else(|e| panic!("schema: {e}"))
}

fn at<'j, 'a>(v: &'j Json<'a>, path: &[&str]) -> &'j Json<'a> {
    path.iter()
        .try_fold(v, |v, k| v.get(k))
        .unwrap_or_else(|| panic!("schema has no {path:?}"))
}

fn keys<'j>(v: &'j Json<'_>) -> Vec<&'j str> {
    v.as_object()
        .expect("an object")
        .iter()
        .map(|(k, _)| &**k)
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

// ---------------------------------------------------------------------------------------------
// Generated from the schema: the reader's field lists, the docs tables
// ---------------------------------------------------------------------------------------------

/// `LeadVideo` → `LEAD_VIDEO`.
fn screaming(name: &str) -> String {
    let mut out = String::new();
    for (i, c) in name.chars().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            out.push('_');
        }
        out.push(c.to_ascii_uppercase());
    }
    out
}

/// The name of the field list of the object type `name` in `src/model.rs`.
fn fields_const(name: &str) -> String {
    format!("{}_FIELDS", screaming(name))
}

/// The `article fields` block of `src/model.rs`: one list of member names per object type.
fn generate_fields(schema: &Json) -> String {
    let mut out = contract::block_start(Style::Slashes, FIELDS_BLOCK, THIS, FROM);
    for (name, node) in object_types(schema) {
        let names: Vec<String> = properties(node)
            .iter()
            .map(|(k, _)| format!("{k:?}"))
            .collect();
        out.push_str(&format!(
            "/// The members of `{name}` the reader reads, in schema order.\n\
             #[rustfmt::skip]\n\
             pub const {}: &[&str] = &[{}];\n",
            fields_const(&name),
            names.join(", ")
        ));
    }
    contract::block_end(Style::Slashes, FIELDS_BLOCK, out)
}

/// The docs type of a schema node: `string (URL, Media)`, `array of Named`, `Named or string`.
fn docs_type(node: &Json, inline: &str) -> String {
    if let Some(r) = node.get("$ref").and_then(Json::as_str) {
        let name = r.strip_prefix("#/$defs/").expect("a local $ref");
        return name.to_string();
    }
    if let Some(c) = node.get("const") {
        return format!(
            "`{}`",
            c.as_f64()
                .map_or_else(|| format!("{c:?}"), |n| n.to_string())
        );
    }
    if let Some(branches) = node.get("anyOf").and_then(Json::as_array) {
        let types: Vec<String> = branches.iter().map(|b| docs_type(b, inline)).collect();
        return types.join(" or ");
    }
    match node.get("type").and_then(Json::as_str) {
        Some("string") => match node.get("x-url").and_then(Json::as_str) {
            Some(context) => format!("string (URL, {context})"),
            None => "string".into(),
        },
        Some("array") => format!(
            "array of {}",
            docs_type(node.get("items").expect("items"), inline)
        ),
        Some("object") => inline.to_string(),
        Some(t) => t.to_string(),
        None => panic!("no type in {node:?}"),
    }
}

/// Where each object type is used in an article (`cover`, `relatedVideos[].cover`), in the
/// order a document lists them.
fn uses(schema: &Json) -> Vec<(String, String)> {
    fn walk(schema: &Json, node: &Json, ty: &str, path: &str, out: &mut Vec<(String, String)>) {
        if let Some(r) = node.get("$ref").and_then(Json::as_str) {
            let name = r.trim_start_matches("#/$defs/");
            if let Some(def) = schema.get("$defs").and_then(|d| d.get(name)) {
                if def.get("type").and_then(Json::as_str) == Some("object") {
                    out.push((name.to_string(), path.to_string()));
                    walk(schema, def, name, path, out);
                }
            }
            return;
        }
        for branch in node.get("anyOf").and_then(Json::as_array).unwrap_or(&[]) {
            walk(schema, branch, ty, path, out);
        }
        if let Some(items) = node.get("items") {
            walk(schema, items, ty, &format!("{path}[]"), out);
        }
        for (key, prop) in properties(node) {
            let child = if path.is_empty() {
                key.to_string()
            } else {
                format!("{path}.{key}")
            };
            let child_ty = contract::inline_name(ty, key);
            if prop.get("type").and_then(Json::as_str) == Some("object") {
                out.push((child_ty.clone(), child.clone()));
            }
            walk(schema, prop, &child_ty, &child, out);
        }
    }
    let mut out = Vec::new();
    walk(schema, schema, "Article", "", &mut out);
    out
}

/// One table cell: no line breaks, `|` escaped.
fn cell(text: &str) -> String {
    text.replace('\n', " ").replace('|', "\\|")
}

/// The `article tables` block of `docs/schema.md`: a table per object type (field, type,
/// required, meaning, what happens when it is wrong), then the value types.
fn generate_tables(schema: &Json) -> String {
    let mut out = contract::block_start(Style::Html, TABLES_BLOCK, THIS, FROM);
    let uses = uses(schema);
    for (i, (name, node)) in object_types(schema).into_iter().enumerate() {
        if i > 0 {
            let places: Vec<String> = uses
                .iter()
                .filter(|(t, _)| *t == name)
                .map(|(_, p)| format!("`{p}`"))
                .collect();
            out.push_str(&format!("### {name} ({})\n\n", places.join(", ")));
            let description = node.get("description").and_then(Json::as_str).unwrap_or("");
            out.push_str(&format!("{description}\n\n"));
        }
        let required: Vec<&str> = node
            .get("required")
            .and_then(Json::as_array)
            .map(|r| r.iter().filter_map(Json::as_str).collect())
            .unwrap_or_default();
        out.push_str("| Field | Type | Required | Meaning | When it is wrong |\n");
        out.push_str("|---|---|---|---|---|\n");
        for (key, prop) in properties(node) {
            let inline = contract::inline_name(&name, key);
            let req = if required.contains(&&**key) {
                "**yes**".to_string()
            } else if let Some(d) = prop.get("default") {
                let d = match d {
                    Json::Bool(b) => b.to_string(),
                    Json::Number(n) => n.to_string(),
                    other => format!("{other:?}"),
                };
                format!("no (default `{d}`)")
            } else {
                "no".to_string()
            };
            let text = |k: &str| {
                prop.get(k)
                    .and_then(Json::as_str)
                    .unwrap_or_else(|| panic!("{FROM}: {name}.{key} has no {k}"))
            };
            out.push_str(&format!(
                "| `{key}` | {} | {req} | {} | {} |\n",
                cell(&docs_type(prop, &inline)),
                cell(text("description")),
                cell(text("x-when-wrong")),
            ));
        }
        out.push('\n');
    }
    out.push_str("### Value types\n\n| Type | JSON | Meaning |\n|---|---|---|\n");
    for (name, def) in schema.get("$defs").and_then(Json::as_object).unwrap_or(&[]) {
        if def.get("type").and_then(Json::as_str) == Some("object") {
            continue;
        }
        let json = match def.get("anyOf").and_then(Json::as_array) {
            Some(branches) => branches
                .iter()
                .filter_map(|b| b.get("type").and_then(Json::as_str))
                .collect::<Vec<_>>()
                .join(" or "),
            None => def
                .get("type")
                .and_then(Json::as_str)
                .unwrap_or("")
                .to_string(),
        };
        let description = def.get("description").and_then(Json::as_str).unwrap_or("");
        out.push_str(&format!("| {name} | {json} | {} |\n", cell(description)));
    }
    contract::block_end(Style::Html, TABLES_BLOCK, out)
}

#[test]
fn committed_field_lists_of_the_reader_are_the_ones_generated_from_the_schema() {
    contract::check("src/model.rs", FIELDS_BLOCK, &generate_fields(&schema()));
}

#[test]
fn committed_docs_tables_are_the_ones_generated_from_the_schema() {
    contract::check("docs/schema.md", TABLES_BLOCK, &generate_tables(&schema()));
}

#[test]
fn generated_field_lists_and_tables_cover_every_member_of_every_object_type() {
    let s = schema();
    let fields = generate_fields(&s);
    let tables = generate_tables(&s);
    let types: Vec<String> = object_types(&s).into_iter().map(|(n, _)| n).collect();
    assert_eq!(
        types,
        [
            "Article",
            "LeadVideo",
            "Stats",
            "Comments",
            "Named",
            "Image",
            "Comment",
            "CommentAuthor",
            "RelatedVideo"
        ]
    );
    for (name, node) in object_types(&s) {
        assert!(fields.contains(&format!("pub const {}: &[&str] = &[", fields_const(&name))));
        for (key, _) in properties(node) {
            assert!(tables.contains(&format!("\n| `{key}` | ")), "{name}.{key}");
        }
    }
    assert!(fields.contains("pub const ARTICLE_FIELDS: &[&str] = &[\"schemaVersion\", \"id\", "));
    assert!(tables.contains("### Image (`cover`, `leadVideo.poster`, `relatedVideos[].cover`)"));
    assert!(tables.contains("| `url` | string (URL, Absolute) | no | "));
    assert!(tables.contains("| `id` | Id | **yes** | "));
    assert!(tables.contains("| `keywords` | array of string or Named | no | "));
    assert!(tables.contains("| `schemaVersion` | `1` | no (default `1`) | "));
    assert!(tables.contains("| DateTime | string | RFC 3339"));
}

/// A copy of the schema with `edit` applied to its text.
fn edited_schema(from: &str, to: &str) -> Json<'static> {
    assert!(SCHEMA.contains(from), "{from}");
    parse(&SCHEMA.replacen(from, to, 1), &JsonLimits::default())
        .expect("edited schema")
        .into_owned()
}

#[test]
fn a_schema_change_is_drift_until_regenerated() {
    let committed_model = contract::read("src/model.rs");
    let committed_docs = contract::read("docs/schema.md");
    // A new member of Image.
    let added = edited_schema(
        r#""credit": {"#,
        r#""focus": {"description": "Where to crop.", "type": "string", "x-when-wrong": "Refused."}, "credit": {"#,
    );
    let report = contract::compare(
        "src/model.rs",
        &committed_model,
        FIELDS_BLOCK,
        &generate_fields(&added),
    )
    .expect_err("a new member must be drift");
    assert!(report.contains("+ pub const IMAGE_FIELDS: &[&str] = &[\"url\", \"width\", \"height\", \"alt\", \"caption\", \"focus\", \"credit\"];"), "{report}");
    assert!(report.contains("- pub const IMAGE_FIELDS"), "{report}");
    let report = contract::compare(
        "docs/schema.md",
        &committed_docs,
        TABLES_BLOCK,
        &generate_tables(&added),
    )
    .expect_err("a new member must be drift");
    assert!(
        report.contains("+ | `focus` | string | no | Where to crop. | Refused. |"),
        "{report}"
    );
    // A changed description.
    let reworded = edited_schema("Caption shown under the image.", "A caption.");
    let report = contract::compare(
        "docs/schema.md",
        &committed_docs,
        TABLES_BLOCK,
        &generate_tables(&reworded),
    )
    .expect_err("a new description must be drift");
    assert!(
        report.contains("+ | `caption` | string | no | A caption. | "),
        "{report}"
    );
    // The schema as committed is not.
    assert_eq!(
        contract::compare(
            "src/model.rs",
            &committed_model,
            FIELDS_BLOCK,
            &generate_fields(&schema())
        ),
        Ok(())
    );
}

// ---------------------------------------------------------------------------------------------
// README: the options and events tables
// ---------------------------------------------------------------------------------------------

/// The rows of the first table after `heading` in `text`: its cells, the first unquoted.
fn table_rows<'a>(text: &'a str, heading: &str) -> Vec<Vec<&'a str>> {
    let start = text
        .find(heading)
        .unwrap_or_else(|| panic!("no {heading:?}"));
    text[start..]
        .lines()
        .skip_while(|l| !l.starts_with('|'))
        .take_while(|l| l.starts_with('|'))
        .skip(2)
        .map(|l| {
            l.trim_matches('|')
                .split(" | ")
                .map(|c| c.trim().trim_matches('`'))
                .collect()
        })
        .collect()
}

/// The members of the object written first in `cell`: `{warnings: [{path}]}, …` → `["warnings"]`.
fn top_level_members(cell: &str) -> Vec<String> {
    let mut members = Vec::new();
    let mut current = String::new();
    let mut depth = 0;
    for c in cell.chars() {
        match c {
            '{' | '[' => {
                depth += 1;
                if depth == 1 {
                    continue;
                }
            }
            '}' | ']' => {
                depth -= 1;
                if depth == 0 {
                    break;
                }
            }
            ',' if depth == 1 => {
                members.push(std::mem::take(&mut current));
                continue;
            }
            _ => {}
        }
        if depth >= 1 {
            current.push(c);
        }
    }
    members.push(current);
    members
        .iter()
        .map(|m| m.split(':').next().unwrap_or("").trim().to_string())
        .filter(|m| !m.is_empty())
        .collect()
}

/// The README options table lists the declared options, in order, and no other.
fn readme_options_drift(readme: &str) -> Option<String> {
    let rows: Vec<&str> = table_rows(readme, "\n### Options\n")
        .into_iter()
        .map(|r| r[0])
        .collect();
    let declared: Vec<&str> = OPTION_FIELDS.iter().map(|f| f.name).collect();
    (rows != declared).then(|| {
        format!(
            "README.md \"### Options\" table rows {rows:?}\n  vs OPTION_FIELDS (src/options.rs) {declared:?}"
        )
    })
}

/// The README events table lists the declared events, in order, each detail `{a, b?}` with the
/// declared members (`?` for the optional ones).
fn readme_events_drift(readme: &str) -> Option<String> {
    let rows = table_rows(readme, "\n### Events\n");
    let names: Vec<&str> = rows.iter().map(|r| r[0]).collect();
    let declared: Vec<&str> = EVENT_DETAILS.iter().map(|(n, _, _)| *n).collect();
    if names != declared {
        return Some(format!(
            "README.md events {names:?}\n  vs EVENT_DETAILS {declared:?}"
        ));
    }
    for (row, (name, detail, _)) in rows.iter().zip(EVENT_DETAILS) {
        let Some((_, _, fields)) = DETAIL_TYPES.iter().find(|(n, _, _)| n == detail) else {
            continue;
        };
        let members: Vec<String> = fields
            .iter()
            .map(|f| format!("{}{}", f.name, if f.required { "" } else { "?" }))
            .collect();
        let documented = top_level_members(row[1]);
        if documented != members {
            return Some(format!(
                "README.md event {name}: detail {:?} has members {documented:?}, declared \
                 {members:?} (`?` for optional ones)",
                row[1]
            ));
        }
    }
    None
}

#[test]
fn readme_options_and_events_tables_are_the_declared_ones() {
    assert_eq!(readme_options_drift(README), None);
    assert_eq!(readme_events_drift(README), None);
}

#[test]
fn readme_drift_is_reported() {
    let dropped = README.replacen("| `relatedLimit` |", "| `relatedLimits` |", 1);
    assert!(readme_options_drift(&dropped).is_some_and(|r| r.contains("relatedLimits")));
    let detail = README.replacen("`{id, liked, count?}`", "`{id, liked, count}`", 1);
    assert!(readme_events_drift(&detail).is_some_and(|r| r.contains("nv-like")));
}
