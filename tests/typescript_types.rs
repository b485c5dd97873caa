//! `types/newsview.d.ts` against the Rust side, so that the published TypeScript types cannot
//! drift from what newsview reads. The committed d.ts must hold exactly the text generated here
//! between each pair of `// BEGIN GENERATED: <block>` / `// END GENERATED: <block>` markers. To
//! regenerate after a change to a declaration:
//!
//! ```text
//! make contract   # NEWSVIEW_BLESS=1 cargo test --test typescript_types --test schema
//! ```
//!
//! * `article types` (`Article`, `Image`, `Named`, `LeadVideo`, `Stats`, `Comments`, `Comment`,
//!   `RelatedVideo`, ...): from `schema/article-v1.schema.json`, which `tests/schema.rs` keeps
//!   in step with the Rust model (`ARTICLE_FIELDS` and the reader).
//! * `options` (the `Options` interface): from `newsview::options::OPTION_FIELDS`, declared
//!   with `OPTION_KEYS`, the only members the options reader sees. Each key is confirmed
//!   behaviourally here (a wrong-typed value for it is refused with an error naming it), so a
//!   declared key the reader ignores fails too.
//! * `User`, `LimitOptions`, `SanitizeOptions` and the events' `…Detail` interfaces: from
//!   `USER_FIELDS`, `LIMIT_FIELDS`, `SANITIZE_FIELDS` and `DETAIL_TYPES`, declared with the key
//!   tables their readers (and the DOM layer, for the details) name every member through,
//!   checked at compile time; each declared member is confirmed read here.
#![cfg(not(target_arch = "wasm32"))]

use newsview::error::{ErrorCode, WarningCode, JS_ERROR_CODES};
use newsview::json::{parse, Json, JsonLimits};
use newsview::labels::LABEL_KEYS;
use newsview::limits::{LIMIT_FIELDS, LIMIT_KEYS};
use newsview::options::{
    Field, Options, DETAIL_TYPES, EVENT_DETAILS, EVENT_NAMES, OPTION_FIELDS, OPTION_KEYS,
    USER_FIELDS, USER_KEYS,
};
use newsview::sanitize::{Policy, SANITIZE_FIELDS, SANITIZE_KEYS};

#[path = "contract_support/mod.rs"]
mod contract;
use contract::Style;

const SCHEMA: &str = include_str!("../schema/article-v1.schema.json");
const DTS: &str = "types/newsview.d.ts";

/// The doc of the generated `Options` interface.
const OPTIONS_DOC: &str =
    "Options of `render()`. Unknown members are ignored and `null` means the \
     default; a wrong value is an error whose message starts with `options.` and names the member.";

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
    let default = node
        .get("default")
        .map(|d| format!("@defaultValue `{}`", literal(d)));
    jsdoc_text(description, default, indent, out);
}

/// A JSDoc block of `description` wrapped at 100 columns, then `tag` on a line of its own,
/// indented by `indent`.
fn jsdoc_text(description: &str, tag: Option<String>, indent: &str, out: &mut String) {
    let mut lines = wrap(description, 100 - indent.len() - 3);
    lines.extend(tag);
    jsdoc_lines(&lines, indent, out);
}

/// `text` wrapped into lines of at most `width` bytes where it can, a `code span` kept whole.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    let mut open = false;
    for word in text.replace("*/", "*\\/").split_whitespace() {
        match words.last_mut() {
            Some(last) if open => {
                last.push(' ');
                last.push_str(word);
            }
            _ => words.push(word.to_string()),
        }
        open ^= word.matches('`').count() % 2 == 1;
    }
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in &words {
        if !line.is_empty() && line.len() + 1 + word.len() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    lines.push(line);
    lines
}

/// A JSDoc block of `lines` (one `/** line */` if there is one), indented by `indent`.
fn jsdoc_lines(lines: &[String], indent: &str, out: &mut String) {
    if let [line] = lines {
        out.push_str(&format!("{indent}/** {line} */\n"));
    } else {
        out.push_str(&format!("{indent}/**\n"));
        for l in lines {
            out.push_str(&format!("{indent} * {l}\n"));
        }
        out.push_str(&format!("{indent} */\n"));
    }
}

/// `export type name = 'a' | 'b' …;` (the members packed into lines of 100 columns), with a
/// JSDoc of `intro` and then one `- \`member\`: doc` item for each member that has a doc.
fn union(name: &str, intro: &str, members: &[(&str, Option<&str>)]) -> String {
    let mut lines = wrap(intro, 97);
    let items: Vec<_> = members
        .iter()
        .filter_map(|(m, doc)| doc.map(|d| (m, d)))
        .collect();
    for (i, (member, doc)) in items.iter().enumerate() {
        let end = if i + 1 == items.len() { '.' } else { ';' };
        let item = wrap(&format!("`{member}`: {doc}{end}"), 95);
        for (j, l) in item.into_iter().enumerate() {
            lines.push(if j == 0 {
                format!("- {l}")
            } else {
                format!("  {l}")
            });
        }
    }
    let mut out = String::new();
    jsdoc_lines(&lines, "", &mut out);
    out.push_str(&format!("export type {name} =\n"));
    let mut line = String::new();
    for (member, _) in members {
        let item = format!(" | '{member}'");
        if !line.is_empty() && line.len() + item.len() > 99 {
            out.push_str(&format!(" {line}\n"));
            line.clear();
        }
        line.push_str(&item);
    }
    out.push_str(&format!(" {line};\n"));
    out
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
    queue: Vec<(String, &'a Json<'a>)>,
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
            if required.contains(&&**key) {
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
    let mut out = block_start(ARTICLE_BLOCK, "schema/article-v1.schema.json");
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
    block_end(ARTICLE_BLOCK, out)
}

/// The `Options` interface, from [`OPTION_FIELDS`], markers included.
fn generate_options() -> String {
    let mut out = block_start(OPTIONS_BLOCK, "newsview::options::OPTION_FIELDS");
    jsdoc_text(OPTIONS_DOC, None, "", &mut out);
    out.push_str("export interface Options {\n");
    for field in OPTION_FIELDS {
        jsdoc_text(field.doc, None, "  ", &mut out);
        let ts = if field.ts.contains("=>") {
            format!("({})", field.ts)
        } else {
            field.ts.to_string()
        };
        // Every member is optional, and `null` means its default.
        out.push_str(&format!("  {}?: {ts} | null;\n", field.name));
    }
    out.push_str("}\n");
    block_end(OPTIONS_BLOCK, out)
}

/// The `LabelKey` union, from [`LABEL_KEYS`].
fn generate_label_keys() -> String {
    let members: Vec<(&str, Option<&str>)> = LABEL_KEYS.iter().map(|k| (*k, None)).collect();
    let out = block_start(LABEL_BLOCK, "newsview::labels::LABEL_KEYS")
        + &union("LabelKey", "The keys of `options.labels`.", &members);
    block_end(LABEL_BLOCK, out)
}

/// The `WarningCode` union, from [`WarningCode::ALL`].
fn generate_warning_codes() -> String {
    let members: Vec<(&str, Option<&str>)> = WarningCode::ALL
        .iter()
        .map(|c| (c.as_str(), Some(c.doc())))
        .collect();
    let out = block_start(WARNING_BLOCK, "newsview::error::WarningCode::ALL")
        + &union(
            "WarningCode",
            "What kind of change a warning reports:",
            &members,
        );
    block_end(WARNING_BLOCK, out)
}

/// The `ErrorCode` union, from [`ErrorCode::ALL`] and [`JS_ERROR_CODES`].
fn generate_error_codes() -> String {
    let mut members: Vec<(&str, Option<&str>)> = ErrorCode::ALL
        .iter()
        .map(|c| (c.as_str(), Some(c.doc())))
        .collect();
    members.extend(JS_ERROR_CODES.iter().map(|(c, d)| (*c, Some(*d))));
    let out = block_start(
        ERROR_BLOCK,
        "newsview::error::{ErrorCode::ALL, JS_ERROR_CODES}",
    ) + &union("ErrorCode", "What went wrong:", &members);
    block_end(ERROR_BLOCK, out)
}

/// The doc of the generated `NewsViewEventMap` interface.
const EVENTS_DOC: &str = "The events newsview dispatches on the container (or `<news-view>`): \
     they bubble and are composed. Merged into `HTMLElementEventMap`, so \
     `el.addEventListener('nv-like', (e) => e.detail.liked)` type-checks.";

/// The `NewsViewEventMap` interface, from [`EVENT_DETAILS`].
fn generate_events() -> String {
    let mut out = block_start(EVENTS_BLOCK, "newsview::options::EVENT_DETAILS");
    jsdoc_text(EVENTS_DOC, None, "", &mut out);
    out.push_str("export interface NewsViewEventMap {\n");
    for (name, detail, _) in EVENT_DETAILS {
        out.push_str(&format!("  '{name}': CustomEvent<{detail}>;\n"));
    }
    out.push_str("}\n");
    block_end(EVENTS_BLOCK, out)
}

const EVENTS_BLOCK: &str = "events";
const LABEL_BLOCK: &str = "label keys";
const WARNING_BLOCK: &str = "warning codes";
const ERROR_BLOCK: &str = "error codes";
const ARTICLE_BLOCK: &str = "article types";
const OPTIONS_BLOCK: &str = "options";
const USER_BLOCK: &str = "user";
const LIMITS_BLOCK: &str = "limit options";
const SANITIZE_BLOCK: &str = "sanitize options";
const DETAILS_BLOCK: &str = "event details";

/// The first lines of the generated block `name`, generated from `source`.
fn block_start(name: &str, source: &str) -> String {
    contract::block_start(Style::Slashes, name, "tests/typescript_types.rs", source)
}

/// `out`, the generated block `name`, with its end marker.
fn block_end(name: &str, out: String) -> String {
    contract::block_end(Style::Slashes, name, out)
}

fn schema() -> Json<'static> {
    parse(SCHEMA, &JsonLimits::default()).unwrap_or_else(|e| panic!("schema: {e}"))
}

/// The committed d.ts (not while a regeneration writes it).
fn dts() -> String {
    contract::read(DTS)
}

/// Checks that the committed d.ts holds `generated` as its block `name` (or, with
/// `NEWSVIEW_BLESS` set, writes it there).
fn check_block(name: &str, generated: &str) {
    contract::check(DTS, name, generated);
}

// ---------------------------------------------------------------------------------------------
// Article types
// ---------------------------------------------------------------------------------------------

#[test]
fn committed_article_types_are_the_ones_generated_from_the_schema() {
    check_block(ARTICLE_BLOCK, &generate(&schema()));
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
// Options
// ---------------------------------------------------------------------------------------------

#[test]
fn committed_options_interface_is_the_one_generated_from_option_fields() {
    check_block(OPTIONS_BLOCK, &generate_options());
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
    let text = format!("{{\"{key}\": {WRONG}}}");
    let doc = parse(&text, &JsonLimits::default()).unwrap();
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

#[test]
fn option_fields_declare_the_keys_the_reader_reads_and_each_one_is_read() {
    let rust: Vec<&str> = OPTION_FIELDS
        .iter()
        .filter(|f| !f.js_only)
        .map(|f| f.name)
        .collect();
    assert_eq!(
        rust, OPTION_KEYS,
        "OPTION_FIELDS (not js_only) vs OPTION_KEYS"
    );
    for expected in [
        "lang", "now", "timeZone", "shadow", "pageUrl", "sanitize", "labels",
    ] {
        assert!(OPTION_KEYS.contains(&expected), "{expected} not declared");
    }
    for key in OPTION_KEYS {
        assert!(
            rust_reads_option(key),
            "{key:?} is declared in OPTION_KEYS but the options reader ignores it"
        );
    }
    for field in OPTION_FIELDS.iter().filter(|f| f.js_only) {
        assert!(
            !rust_reads_option(field.name),
            "{:?} is declared JS-only but the Rust reader reads it",
            field.name
        );
    }
    // The probe itself: an unknown key is ignored, so it does not count as read.
    assert!(!rust_reads_option("noSuchOption"));
}

#[test]
fn generated_options_interface_has_every_declared_member_optional_and_nullable() {
    let generated = generate_options();
    let declared = dts_interface_keys(&generated, "Options");
    let names: Vec<&str> = OPTION_FIELDS.iter().map(|f| f.name).collect();
    assert_eq!(declared, names);
    assert!(generated.contains("\n  lang?: Lang | null;\n"));
    assert!(generated.contains(
        "\n  videoPlayer?: ((element: HTMLElement, video: LeadVideo) => void) | null;\n"
    ));
}

/// `export interface name { … }` from declared `fields`, with a JSDoc of `doc`: required members
/// as `name: T`, the others as `name?: T`.
fn interface_of(name: &str, doc: &str, fields: &[Field]) -> String {
    let mut out = String::new();
    jsdoc_text(doc, None, "", &mut out);
    out.push_str(&format!("export interface {name} {{\n"));
    for field in fields {
        jsdoc_text(field.doc, None, "  ", &mut out);
        let optional = if field.required { "" } else { "?" };
        out.push_str(&format!("  {}{optional}: {};\n", field.name, field.ts));
    }
    out.push_str("}\n");
    out
}

/// The `User` interface, from [`USER_FIELDS`].
fn generate_user() -> String {
    let out = block_start(USER_BLOCK, "newsview::options::USER_FIELDS")
        + &interface_of("User", "The signed-in reader.", USER_FIELDS);
    block_end(USER_BLOCK, out)
}

/// The `LimitOptions` interface, from [`LIMIT_FIELDS`].
fn generate_limits() -> String {
    let out = block_start(LIMITS_BLOCK, "newsview::limits::LIMIT_FIELDS")
        + &interface_of(
            "LimitOptions",
            "`options.limits`: whole numbers >= 0; absent members keep their defaults.",
            LIMIT_FIELDS,
        );
    block_end(LIMITS_BLOCK, out)
}

/// The `SanitizeOptions` interface, from [`SANITIZE_FIELDS`].
fn generate_sanitize() -> String {
    let out = block_start(SANITIZE_BLOCK, "newsview::sanitize::SANITIZE_FIELDS")
        + &interface_of(
            "SanitizeOptions",
            "`options.sanitize`: the body sanitizer's policy. Unlike the other options, an \
             unknown member or a wrong type is an error (`sanitize.maxDepth: …`).",
            SANITIZE_FIELDS,
        );
    block_end(SANITIZE_BLOCK, out)
}

/// The `…Detail` interfaces of the events, from [`DETAIL_TYPES`].
fn generate_details() -> String {
    let mut out = block_start(DETAILS_BLOCK, "newsview::options::DETAIL_TYPES");
    for (i, (name, doc, fields)) in DETAIL_TYPES.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(&interface_of(name, doc, fields));
    }
    block_end(DETAILS_BLOCK, out)
}

#[test]
fn committed_user_limits_and_sanitize_interfaces_are_the_ones_generated() {
    check_block(USER_BLOCK, &generate_user());
    check_block(LIMITS_BLOCK, &generate_limits());
    check_block(SANITIZE_BLOCK, &generate_sanitize());
}

#[test]
fn declared_fields_name_their_keys_in_order() {
    for (fields, keys) in [
        (USER_FIELDS, USER_KEYS),
        (LIMIT_FIELDS, LIMIT_KEYS),
        (SANITIZE_FIELDS, SANITIZE_KEYS),
    ] {
        let names: Vec<&str> = fields.iter().map(|f| f.name).collect();
        assert_eq!(names, keys);
    }
    let generated = generate_sanitize();
    assert_eq!(
        dts_interface_keys(&generated, "SanitizeOptions"),
        SANITIZE_KEYS
    );
    assert!(generated.contains("\n  linkTarget?: 'drop' | 'blank' | 'blankExternal';\n"));
    let user = generate_user();
    assert!(user.contains("\n  name: string;\n  /**"), "{user}");
    assert!(user.contains("\n  avatar?: string | null;\n"), "{user}");
}

/// Whether `Policy::from_json` refuses `{sanitize: {key: WRONG}}` with an error naming the
/// member, other than the one for unknown members.
fn rust_reads_sanitize_member(key: &str) -> bool {
    let text = format!("{{\"sanitize\": {{\"{key}\": {WRONG}}}}}");
    let doc = parse(&text, &JsonLimits::default()).unwrap();
    match Policy::from_json(&doc) {
        Err(e) => {
            let m = e.to_message();
            m.starts_with(&format!("sanitize.{key}")) && !m.contains("unknown sanitize option")
        }
        Ok(_) => false,
    }
}

/// Whether the options reader refuses `{name: {key: WRONG}}` with an error at `options.name.key`.
fn rust_reads_member_of(option: &str, key: &str, wrong: &str) -> bool {
    let json = format!("{{\"{option}\": {{\"name\": \"n\", \"{key}\": {wrong}}}}}");
    let doc = parse(&json, &JsonLimits::default()).unwrap();
    Options::from_json_with_warnings(&doc)
        .err()
        .is_some_and(|e| e.path() == format!("options.{option}.{key}"))
}

#[test]
fn every_declared_member_is_read_and_an_undeclared_one_is_not() {
    // The readers name members only through their declarations (checked at compile time);
    // here, each declared member is read (a wrong-typed value is refused at its path).
    for key in SANITIZE_KEYS {
        assert!(
            rust_reads_sanitize_member(key),
            "sanitize.{key} is declared but not read"
        );
    }
    assert!(!rust_reads_sanitize_member("noSuchMember"));
    for key in LIMIT_KEYS {
        assert!(rust_reads_member_of("limits", key, "true"), "limits.{key}");
    }
    assert!(!rust_reads_member_of("limits", "noSuchLimit", "true"));
    for key in USER_KEYS {
        assert!(rust_reads_member_of("user", key, "[1]"), "user.{key}");
    }
    assert!(!rust_reads_member_of("user", "noSuchMember", "[1]"));
}

#[test]
fn committed_event_details_are_the_ones_generated() {
    check_block(DETAILS_BLOCK, &generate_details());
    // Every detail type an event names is declared, and every declared one is used.
    let named: Vec<&str> = EVENT_DETAILS.iter().map(|(_, d, _)| *d).collect();
    for (name, _, _) in DETAIL_TYPES {
        assert!(
            named.contains(name),
            "{name} is declared but no event carries it"
        );
    }
    for detail in named {
        let is_interface = detail.chars().all(|c| c.is_ascii_alphanumeric());
        assert!(
            !is_interface || DETAIL_TYPES.iter().any(|(n, _, _)| *n == detail),
            "{detail} is the detail of an event but DETAIL_TYPES lacks it"
        );
    }
    let generated = generate_details();
    assert!(generated.contains(
        "export interface LikeDetail {\n  /** The article id (as a string). */\n  id: string;\n"
    ));
    assert!(generated.contains("\n  count?: number;\n"));
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
    let mut rust: Vec<String> = LABEL_KEYS.iter().map(|k| k.to_string()).collect();
    let mut ts = dts_label_keys(&dts());
    rust.sort_unstable();
    ts.sort_unstable();
    assert_eq!(ts, rust, "LabelKey in types/newsview.d.ts vs LABEL_KEYS");
    // Every one of them is accepted by options.labels, and another is refused by name.
    for key in LABEL_KEYS {
        let text = format!("{{\"labels\": {{\"{key}\": \"x\"}}}}");
        let doc = parse(&text, &JsonLimits::default()).unwrap();
        assert!(Options::from_json_with_warnings(&doc).is_ok(), "{key}");
    }
    let doc = parse("{\"labels\": {\"nope\": \"x\"}}", &JsonLimits::default()).unwrap();
    let message = Options::from_json_with_warnings(&doc)
        .err()
        .map(|e| e.to_message());
    assert!(message.is_some_and(|m| m.contains("options.labels.nope")));
}

#[test]
fn committed_label_key_union_is_the_one_generated_from_label_keys() {
    check_block(LABEL_BLOCK, &generate_label_keys());
}

// ---------------------------------------------------------------------------------------------
// Warning and error codes
// ---------------------------------------------------------------------------------------------

#[test]
fn committed_code_unions_are_the_ones_generated_from_the_codes() {
    check_block(WARNING_BLOCK, &generate_warning_codes());
    check_block(ERROR_BLOCK, &generate_error_codes());
}

#[test]
fn generated_code_unions_name_every_code_once_with_its_doc() {
    let errors = generate_error_codes();
    let mut codes: Vec<&str> = ErrorCode::ALL.iter().map(|c| c.as_str()).collect();
    codes.extend(JS_ERROR_CODES.iter().map(|(c, _)| *c));
    let warnings = generate_warning_codes();
    let warning_codes: Vec<&str> = WarningCode::ALL.iter().map(|c| c.as_str()).collect();
    for (text, codes) in [(&errors, &codes), (&warnings, &warning_codes)] {
        for code in codes.iter() {
            assert_eq!(text.matches(&format!("| '{code}'")).count(), 1, "{code}");
            assert_eq!(text.matches(&format!("- `{code}`: ")).count(), 1, "{code}");
        }
    }
    assert!(errors.contains("\n  | 'invalid' | 'json' | 'schema-version' | 'http'"));
    assert!(warnings.contains("- `more`: more than 100 warnings"));
}

/// The JS sources that set `NewsviewError.code`.
const JS_SOURCES: [&str; 2] = [
    include_str!("../www/newsview.js"),
    include_str!("../www/newsview-error.js"),
];

#[test]
fn every_js_error_code_is_one_the_js_layer_sets() {
    for (code, _) in JS_ERROR_CODES {
        assert!(
            JS_SOURCES
                .iter()
                .any(|js| js.contains(&format!("'{code}'"))),
            "JS_ERROR_CODES lists {code:?}, which www/newsview.js never mentions"
        );
        assert!(
            !ErrorCode::ALL.iter().any(|c| c.as_str() == *code),
            "{code:?} is both a Rust and a JS code"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Events
// ---------------------------------------------------------------------------------------------

#[test]
fn committed_event_map_is_the_one_generated_from_event_details() {
    check_block(EVENTS_BLOCK, &generate_events());
}

const INTERACT_RS: &str = include_str!("../src/dom/interact.rs");

#[test]
fn every_declared_event_is_dispatched_where_it_is_declared_to_be() {
    let rust: Vec<&str> = EVENT_DETAILS
        .iter()
        .filter(|(_, _, js)| !js)
        .map(|(name, _, _)| *name)
        .collect();
    assert_eq!(
        rust, EVENT_NAMES,
        "EVENT_DETAILS (not JS-only) vs EVENT_NAMES"
    );
    // The DOM layer names every event it dispatches through `event!`, which refuses at compile
    // time one EVENT_NAMES lacks; here, each declared one is dispatched.
    for name in EVENT_NAMES {
        assert!(
            INTERACT_RS.contains(&format!("event!(\"{name}\")")),
            "{name} is declared but src/dom/interact.rs never dispatches it"
        );
    }
    for (name, _, _) in EVENT_DETAILS.iter().filter(|(_, _, js)| *js) {
        assert!(
            JS_SOURCES[0].contains(&format!("emit(container, '{name}'"))
                || JS_SOURCES[0].contains(&format!("emit(this, '{name}'")),
            "{name} is declared JS-only but www/newsview.js never emits it"
        );
    }
    let generated = generate_events();
    assert!(generated.contains("\n  'nv-like': CustomEvent<LikeDetail>;\n"));
    assert!(generated.contains("\n  'nv-error': CustomEvent<ErrorDetail>;\n"));
}
