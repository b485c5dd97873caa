//! `types/newsview.d.ts` against the Rust side, so that the published TypeScript types cannot
//! drift from what newsview reads:
//!
//! * The article types (`Article`, `Image`, `Named`, `LeadVideo`, `Stats`, `Comments`,
//!   `Comment`, `RelatedVideo`, ...) are generated here from `schema/article-v1.schema.json`,
//!   which `tests/schema.rs` keeps in step with the Rust model (`ARTICLE_FIELDS` and the reader).
//!   The committed d.ts must hold exactly the generated text between its
//!   `BEGIN GENERATED` / `END GENERATED` markers. To regenerate after a schema change:
//!
//!   ```text
//!   NEWSVIEW_UPDATE_TYPES=1 cargo test --test typescript_types
//!   ```
//!
//! * The option keys. The keys the Rust readers accept are taken from their source: the
//!   top-level members `Options::from_json_with_warnings` reads (`present(doc, "key")`,
//!   `opt_url(doc, "key", ...)` or `doc.get("key")` in `src/options.rs`) and the match arms of
//!   `Policy::from_json` (`"key" =>` in `src/sanitize/mod.rs`, for `options.sanitize`). Source
//!   text rather than a doc comment or the README, because the code is what runs: a key added
//!   to the reader appears there whatever the docs say. Each extracted key is then confirmed
//!   behaviourally (a wrong-typed value for it is refused with an error naming it), so the
//!   extraction cannot silently find nothing, and every key the d.ts declares (except the
//!   JS-only ones listed below) must be one the Rust reader reacts to, so a stale key in the
//!   d.ts fails too.
#![cfg(not(target_arch = "wasm32"))]

use newsview::json::{parse, Json, JsonLimits};
use newsview::options::Options;
use newsview::sanitize::Policy;

const SCHEMA: &str = include_str!("../schema/article-v1.schema.json");
const OPTIONS_RS: &str = include_str!("../src/options.rs");
const SANITIZE_RS: &str = include_str!("../src/sanitize/mod.rs");
const DTS_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/types/newsview.d.ts");

const BEGIN: &str = "// BEGIN GENERATED: article types";
const END: &str = "// END GENERATED: article types";

/// Options the JS layer handles itself (functions cannot cross as JSON); the Rust reader never
/// sees them.
const JS_ONLY_OPTIONS: &[&str] = &["videoPlayer"];

// ---------------------------------------------------------------------------------------------
// The generator: JSON Schema → TypeScript
// ---------------------------------------------------------------------------------------------

/// `leadVideo` → `LeadVideo`.
fn pascal(name: &str) -> String {
    let mut chars = name.chars();
    match chars.next() {
        Some(c) => c.to_ascii_uppercase().to_string() + chars.as_str(),
        None => String::new(),
    }
}

/// A JSDoc block for `node`'s description (and default), indented by `indent`.
fn jsdoc(node: &Json, indent: &str, out: &mut String) {
    let Some(description) = node.get("description").and_then(Json::as_str) else {
        panic!("schema node without a description: {node:?}");
    };
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in description.replace("*/", "*\\/").split_whitespace() {
        if !line.is_empty() && indent.len() + 3 + line.len() + 1 + word.len() > 100 {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    lines.push(line);
    if let Some(default) = node.get("default") {
        lines.push(format!("@defaultValue `{}`", literal(default)));
    }
    if lines.len() == 1 {
        out.push_str(&format!("{indent}/** {} */\n", lines[0]));
    } else {
        out.push_str(&format!("{indent}/**\n"));
        for l in lines {
            out.push_str(&format!("{indent} * {l}\n"));
        }
        out.push_str(&format!("{indent} */\n"));
    }
}

/// A JSON scalar as a TypeScript literal.
fn literal(v: &Json) -> String {
    match v {
        Json::Bool(b) => b.to_string(),
        Json::Number(n) => n.to_string(),
        Json::String(s) => format!("{s:?}"),
        Json::Null => "null".into(),
        other => panic!("no literal for {other:?}"),
    }
}

struct Generator<'a> {
    /// Interfaces still to write: (name, object schema).
    queue: Vec<(String, &'a Json)>,
}

impl<'a> Generator<'a> {
    /// The TypeScript type of `node`; an inline object becomes the interface `name`.
    fn type_of(&mut self, node: &'a Json, name: &str) -> String {
        if let Some(r) = node.get("$ref").and_then(Json::as_str) {
            return r
                .strip_prefix("#/$defs/")
                .unwrap_or_else(|| panic!("unsupported $ref {r}"))
                .to_string();
        }
        if let Some(c) = node.get("const") {
            return literal(c);
        }
        if let Some(branches) = node.get("anyOf").and_then(Json::as_array) {
            let types: Vec<String> = branches.iter().map(|b| self.type_of(b, name)).collect();
            return types.join(" | ");
        }
        match node.get("type").and_then(Json::as_str) {
            Some("string") => "string".into(),
            Some("integer" | "number") => "number".into(),
            Some("boolean") => "boolean".into(),
            Some("array") => {
                let items = node.get("items").expect("array without items");
                let t = self.type_of(items, name);
                if t.contains(' ') {
                    format!("Array<{t}>")
                } else {
                    format!("{t}[]")
                }
            }
            Some("object") => {
                self.queue.push((name.to_string(), node));
                name.to_string()
            }
            other => panic!("unsupported schema type {other:?} in {node:?}"),
        }
    }

    /// `export interface name { ... }` for an object schema.
    fn interface(&mut self, name: &str, node: &'a Json, out: &mut String) {
        jsdoc(node, "", out);
        out.push_str(&format!("export interface {name} {{\n"));
        let required: Vec<&str> = node
            .get("required")
            .and_then(Json::as_array)
            .map(|r| r.iter().filter_map(Json::as_str).collect())
            .unwrap_or_default();
        let props = node
            .get("properties")
            .and_then(Json::as_object)
            .expect("object schema without properties");
        for (key, prop) in props {
            // Inline objects are named after their property: at the root `leadVideo` →
            // `LeadVideo`, elsewhere prefixed with the parent (`Comment.author` → `CommentAuthor`).
            let inline_name = if name == "Article" {
                pascal(key)
            } else {
                format!("{name}{}", pascal(key))
            };
            let t = self.type_of(prop, &inline_name);
            jsdoc(prop, "  ", out);
            if required.contains(&key.as_str()) {
                out.push_str(&format!("  {key}: {t};\n"));
            } else {
                // Readers accept null for any optional member and treat it as absent.
                out.push_str(&format!("  {key}?: {t} | null;\n"));
            }
        }
        out.push_str("}\n");
    }
}

/// The article part of `types/newsview.d.ts`, markers included.
fn generate(schema: &Json) -> String {
    let mut out = String::new();
    out.push_str(BEGIN);
    out.push_str(
        " (tests/typescript_types.rs, from schema/article-v1.schema.json)\n\
         // Do not edit by hand: NEWSVIEW_UPDATE_TYPES=1 cargo test --test typescript_types\n\n",
    );
    let mut generator = Generator {
        queue: vec![("Article".to_string(), schema)],
    };
    // Interfaces in order of first use (breadth first), then the $defs in schema order.
    let mut i = 0;
    let mut first = true;
    while i < generator.queue.len() {
        let (name, node) = generator.queue[i].clone();
        if !first {
            out.push('\n');
        }
        first = false;
        generator.interface(&name, node, &mut out);
        i += 1;
    }
    let defs = schema
        .get("$defs")
        .and_then(Json::as_object)
        .expect("$defs");
    for (name, def) in defs {
        out.push('\n');
        if def.get("type").and_then(Json::as_str) == Some("object") {
            let start = generator.queue.len();
            generator.interface(name, def, &mut out);
            // Inline objects inside a $def (Comment.author) follow it.
            let mut j = start;
            while j < generator.queue.len() {
                let (inner, node) = generator.queue[j].clone();
                out.push('\n');
                generator.interface(&inner, node, &mut out);
                j += 1;
            }
        } else {
            let t = generator.type_of(def, name);
            jsdoc(def, "", &mut out);
            out.push_str(&format!("export type {name} = {t};\n"));
        }
    }
    out.push_str(END);
    out.push('\n');
    out
}

fn schema() -> Json {
    parse(SCHEMA, &JsonLimits::default()).unwrap_or_else(|e| panic!("schema: {e}"))
}

fn dts() -> String {
    std::fs::read_to_string(DTS_PATH).unwrap_or_else(|e| panic!("{DTS_PATH}: {e}"))
}

/// The marked block of `text`, markers included (through the end of the END line).
fn generated_block(text: &str) -> Option<(usize, usize)> {
    let start = text.find(BEGIN)?;
    let end_marker = start + text[start..].find(END)?;
    let end =
        end_marker + END.len() + usize::from(text[end_marker + END.len()..].starts_with('\n'));
    Some((start, end))
}

// ---------------------------------------------------------------------------------------------
// Article types
// ---------------------------------------------------------------------------------------------

#[test]
fn committed_article_types_are_the_ones_generated_from_the_schema() {
    let generated = generate(&schema());
    let text = dts();
    let (start, end) = generated_block(&text)
        .unwrap_or_else(|| panic!("types/newsview.d.ts has no `{BEGIN}` ... `{END}` block"));
    if text[start..end] == generated {
        return;
    }
    if std::env::var_os("NEWSVIEW_UPDATE_TYPES").is_some() {
        let updated = [&text[..start], &generated, &text[end..]].concat();
        std::fs::write(DTS_PATH, updated).expect("write types/newsview.d.ts");
        eprintln!("types/newsview.d.ts: article types regenerated");
        return;
    }
    let old: Vec<&str> = text[start..end].lines().collect();
    let new: Vec<&str> = generated.lines().collect();
    let first_diff = old
        .iter()
        .zip(&new)
        .position(|(a, b)| a != b)
        .unwrap_or(old.len().min(new.len()));
    panic!(
        "types/newsview.d.ts: the article types differ from the ones generated from \
         schema/article-v1.schema.json (first difference at generated line {}:\n  committed: {:?}\n  \
         generated: {:?}).\nRegenerate them with:\n  NEWSVIEW_UPDATE_TYPES=1 cargo test --test \
         typescript_types\nand commit types/newsview.d.ts.",
        first_diff + 1,
        old.get(first_diff),
        new.get(first_diff),
    );
}

#[test]
fn generated_types_name_every_article_field_and_the_documented_interfaces() {
    let generated = generate(&schema());
    let article = &generated[generated
        .find("export interface Article {")
        .expect("Article")..];
    let article = &article[..article.find("\n}\n").expect("end of Article")];
    for field in newsview::model::ARTICLE_FIELDS {
        assert!(
            article.contains(&format!("\n  {field}: "))
                || article.contains(&format!("\n  {field}?: ")),
            "Article interface lacks {field}"
        );
    }
    for name in [
        "Article",
        "Image",
        "Named",
        "LeadVideo",
        "Stats",
        "Comments",
        "Comment",
        "CommentAuthor",
        "RelatedVideo",
    ] {
        assert!(
            generated.contains(&format!("export interface {name} {{")),
            "no interface {name}"
        );
    }
    for alias in ["Id", "DateTime", "Count", "Seconds", "Pixels"] {
        assert!(
            generated.contains(&format!("export type {alias} = ")),
            "no type {alias}"
        );
    }
}

#[test]
fn generator_marks_required_members_required_and_optional_ones_nullable() {
    let generated = generate(&schema());
    assert!(generated.contains("\n  id: Id;\n"));
    assert!(generated.contains("\n  title: string;\n"));
    assert!(generated.contains("\n  publishedAt: DateTime;\n"));
    assert!(generated.contains("\n  summary?: string | null;\n"));
    assert!(generated.contains("\n  source?: Named | string | null;\n"));
    assert!(generated.contains("\n  keywords?: Array<string | Named> | null;\n"));
    assert!(generated.contains("\n  schemaVersion?: 1 | null;\n"));
    assert!(generated.contains("export type Id = string | number;\n"));
}

// ---------------------------------------------------------------------------------------------
// Option keys
// ---------------------------------------------------------------------------------------------

/// The string literals that follow `marker` in `source` (`present(doc, "lang")` → `lang`).
fn literals_after<'s>(source: &'s str, marker: &str) -> Vec<&'s str> {
    source
        .match_indices(marker)
        .filter_map(|(i, _)| {
            let rest = &source[i + marker.len()..];
            let end = rest.find('"')?;
            let key = &rest[..end];
            (!key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric())).then_some(key)
        })
        .collect()
}

/// Top-level option keys `Options::from_json_with_warnings` reads.
fn rust_option_keys() -> Vec<&'static str> {
    let body = &OPTIONS_RS[OPTIONS_RS
        .find("pub fn from_json_with_warnings")
        .expect("Options::from_json_with_warnings in src/options.rs")..];
    // Only the reader's own body (it ends where the next top-level item starts).
    let body = &body[..body.find("\n}\n").unwrap_or(body.len())];
    let mut keys = literals_after(body, "present(doc, \"");
    keys.extend(literals_after(body, "(doc, \""));
    keys.extend(literals_after(body, "doc.get(\""));
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// Members of `options.sanitize` `Policy::from_json` accepts (its `"key" =>` arms).
fn rust_sanitize_keys() -> Vec<&'static str> {
    let body = &SANITIZE_RS[SANITIZE_RS
        .find("pub fn from_json(options: &Json)")
        .expect("Policy::from_json in src/sanitize/mod.rs")..];
    let body = &body[..body.find("\n    }\n").unwrap_or(body.len())];
    let mut keys: Vec<&str> = body
        .lines()
        .filter_map(|l| {
            let l = l.trim_start();
            let rest = l.strip_prefix('"')?;
            let end = rest.find('"')?;
            rest[end + 1..]
                .trim_start()
                .starts_with("=>")
                .then_some(&rest[..end])
        })
        .collect();
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// The member names of `export interface name { ... }` in the d.ts.
fn dts_interface_keys(text: &str, name: &str) -> Vec<String> {
    let head = format!("export interface {name} {{");
    let start = text
        .find(&head)
        .unwrap_or_else(|| panic!("d.ts has no `{head}`"));
    let body = &text[start + head.len()..];
    let body = &body[..body.find("\n}\n").expect("end of interface")];
    body.lines()
        .filter_map(|l| {
            // Members sit at two spaces of indentation: `  lang?: Lang | null;`.
            let rest = l.strip_prefix("  ")?;
            if rest.starts_with(' ') {
                return None;
            }
            let end = rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))?;
            let after = &rest[end..];
            (end > 0
                && (after.starts_with(':')
                    || after.starts_with("?:")
                    || after.starts_with('(')
                    || after.starts_with("?(")))
            .then(|| rest[..end].to_string())
        })
        .collect()
}

/// A value no option accepts: not a string, number, boolean or object.
const WRONG: &str = "[{}]";

/// Whether the Rust readers refuse `{key: WRONG}` with an error that names the key.
fn rust_reads_option(key: &str) -> bool {
    let doc = parse(&format!("{{\"{key}\": {WRONG}}}"), &JsonLimits::default()).unwrap();
    let options = Options::from_json_with_warnings(&doc)
        .err()
        .map(|e| e.to_message());
    let sanitize = Policy::from_json(&doc).err().map(|e| e.to_message());
    [options, sanitize].into_iter().flatten().any(|m| {
        m.starts_with(&format!("options.{key}:"))
            || m.starts_with(&format!("options.{key}["))
            || m.starts_with(&format!("{key}:"))
    })
}

fn rust_reads_sanitize_member(key: &str) -> bool {
    let doc = parse(
        &format!("{{\"sanitize\": {{\"{key}\": {WRONG}}}}}"),
        &JsonLimits::default(),
    )
    .unwrap();
    match Policy::from_json(&doc) {
        Err(e) => {
            let m = e.to_message();
            m.starts_with(&format!("sanitize.{key}")) && !m.contains("unknown sanitize option")
        }
        Ok(_) => false,
    }
}

#[test]
fn option_keys_are_extracted_from_the_readers() {
    let keys = rust_option_keys();
    for expected in ["lang", "now", "timeZone", "shadow", "pageUrl"] {
        assert!(keys.contains(&expected), "{expected} not found in {keys:?}");
    }
    for key in &keys {
        assert!(
            rust_reads_option(key),
            "the extracted key {key:?} is not read by Options"
        );
    }
    let sanitize = rust_sanitize_keys();
    for expected in ["allowIframeHosts", "maxDepth"] {
        assert!(
            sanitize.contains(&expected),
            "{expected} not found in {sanitize:?}"
        );
    }
    for key in &sanitize {
        assert!(
            rust_reads_sanitize_member(key),
            "the extracted key {key:?} is not read by Policy"
        );
    }
    // The probe itself: an unknown key is ignored, so it does not count as read.
    assert!(!rust_reads_option("noSuchOption"));
    assert!(!rust_reads_sanitize_member("noSuchMember"));
}

#[test]
fn every_option_the_rust_reader_accepts_is_in_the_options_interface() {
    let text = dts();
    let declared = dts_interface_keys(&text, "Options");
    let mut missing: Vec<&str> = rust_option_keys()
        .into_iter()
        .filter(|k| !declared.iter().any(|d| d == k))
        .collect();
    if !declared.iter().any(|d| d == "sanitize") {
        missing.push("sanitize");
    }
    assert!(
        missing.is_empty(),
        "types/newsview.d.ts: interface Options lacks {missing:?}, which the Rust options reader \
         accepts (src/options.rs, src/sanitize/mod.rs); add them with their types and docs"
    );
    let declared = dts_interface_keys(&text, "SanitizeOptions");
    let missing: Vec<&str> = rust_sanitize_keys()
        .into_iter()
        .filter(|k| !declared.iter().any(|d| d == k))
        .collect();
    assert!(
        missing.is_empty(),
        "types/newsview.d.ts: interface SanitizeOptions lacks {missing:?}, which \
         Policy::from_json (src/sanitize/mod.rs) accepts; add them with their types and docs"
    );
}

#[test]
fn every_option_in_the_options_interface_is_read_by_rust_or_is_js_only() {
    let text = dts();
    let stale: Vec<String> = dts_interface_keys(&text, "Options")
        .into_iter()
        .filter(|k| !JS_ONLY_OPTIONS.contains(&k.as_str()) && !rust_reads_option(k))
        .collect();
    assert!(
        stale.is_empty(),
        "types/newsview.d.ts: interface Options declares {stale:?}, which the Rust options \
         reader ignores; remove them, or list them in JS_ONLY_OPTIONS here if the JS layer reads them"
    );
    let stale: Vec<String> = dts_interface_keys(&text, "SanitizeOptions")
        .into_iter()
        .filter(|k| !rust_reads_sanitize_member(k))
        .collect();
    assert!(
        stale.is_empty(),
        "types/newsview.d.ts: interface SanitizeOptions declares {stale:?}, which \
         Policy::from_json refuses as unknown; remove them"
    );
}

// ---------------------------------------------------------------------------------------------
// Label keys
// ---------------------------------------------------------------------------------------------

/// The members of the d.ts `LabelKey` union (`| 'like' | 'favorite' …`).
fn dts_label_keys(text: &str) -> Vec<String> {
    let head = "export type LabelKey =";
    let start = text
        .find(head)
        .unwrap_or_else(|| panic!("d.ts has no `{head}`"));
    let body = &text[start + head.len()..];
    let body = &body[..body.find(';').expect("end of LabelKey")];
    body.split('|')
        .map(|k| k.trim().trim_matches('\'').to_string())
        .filter(|k| !k.is_empty())
        .collect()
}

#[test]
fn label_keys_of_the_types_are_the_ones_options_labels_accepts() {
    let mut rust: Vec<String> = newsview::labels::LABEL_KEYS
        .iter()
        .map(|k| k.to_string())
        .collect();
    let mut ts = dts_label_keys(&dts());
    rust.sort_unstable();
    ts.sort_unstable();
    assert_eq!(ts, rust, "LabelKey in types/newsview.d.ts vs LABEL_KEYS");
    // Every one of them is accepted by options.labels, and another is refused by name.
    for key in newsview::labels::LABEL_KEYS {
        let doc = parse(
            &format!("{{\"labels\": {{\"{key}\": \"x\"}}}}"),
            &JsonLimits::default(),
        )
        .unwrap();
        assert!(Options::from_json_with_warnings(&doc).is_ok(), "{key}");
    }
    let doc = parse("{\"labels\": {\"nope\": \"x\"}}", &JsonLimits::default()).unwrap();
    let message = Options::from_json_with_warnings(&doc)
        .err()
        .map(|e| e.to_message());
    assert!(message.is_some_and(|m| m.contains("options.labels.nope")));
}
