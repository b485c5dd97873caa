//! The core's layering, read from the source (issue 12): every `crate::`/`super::` reference of
//! a module points to its own layer or one below, no two modules import each other through any
//! chain (no cycle, at the top level, inside `src/dom/` or inside `src/sanitize/`), and the
//! layers are the ones the README's "Architecture" table lists.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

/// The layers, bottom first, as the README's "Architecture" section draws them.
const LAYERS: &[(&str, &[&str])] = &[
    (
        "foundations",
        &[
            "css", "labels", "qr", "url", "text", "error", "json", "view",
        ],
    ),
    (
        "policies and readers",
        &["read", "share", "sanitize", "limits", "model"],
    ),
    ("options", &["options"]),
    ("composition", &["layout"]),
    ("ways out", &["ssr", "server", "qr_module", "dom"]),
];

fn layer_of(module: &str) -> Option<usize> {
    let top = module.split("::").next().unwrap_or(module);
    LAYERS.iter().position(|(_, mods)| mods.contains(&top))
}

/// The source of `path` without comments and without its `#[cfg(test)] mod tests`.
fn code_of(path: &Path) -> String {
    let text = fs::read_to_string(path).unwrap_or_default();
    let text = text.split("#[cfg(test)]\nmod tests").next().unwrap_or("");
    text.lines()
        .map(|l| l.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Identifiers after each occurrence of `prefix` in `code`.
fn names_after<'a>(code: &'a str, prefix: &str) -> Vec<&'a str> {
    code.match_indices(prefix)
        .filter(|(i, _)| {
            // `crate::` itself, not `newsview_crate::`.
            code[..*i]
                .chars()
                .last()
                .map_or(true, |c| !(c.is_alphanumeric() || c == '_'))
        })
        .map(|(i, _)| {
            let rest = &code[i + prefix.len()..];
            let end = rest
                .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                .unwrap_or(rest.len());
            &rest[..end]
        })
        .filter(|n| !n.is_empty())
        .collect()
}

/// Module name (`layout`, `dom::api`) → the modules its code refers to.
fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut g = BTreeMap::new();
    let mut files = Vec::new();
    for entry in fs::read_dir(&src).unwrap() {
        let p = entry.unwrap().path();
        if p.is_dir() {
            if p.file_name().is_some_and(|n| n == "bin") {
                continue;
            }
            for e in fs::read_dir(&p).unwrap() {
                files.push(e.unwrap().path());
            }
        } else {
            files.push(p);
        }
    }
    for file in files {
        let rel = file.strip_prefix(&src).unwrap().with_extension("");
        let rel = rel.to_string_lossy().replace('/', "::");
        let module = rel.strip_suffix("::mod").unwrap_or(&rel).to_string();
        if module == "lib" || file.extension().map_or(true, |e| e != "rs") {
            continue;
        }
        let parent = module.rsplit_once("::").map(|(p, _)| p.to_string());
        let code = code_of(&file);
        let mut deps = BTreeSet::new();
        for name in names_after(&code, "crate::") {
            let nested = ["dom", "sanitize"].contains(&name);
            let sub = code
                .match_indices(&format!("crate::{name}::"))
                .filter_map(|(i, m)| names_after(&code[i..], m).into_iter().next())
                .collect::<Vec<_>>();
            if nested && !sub.is_empty() {
                for s in sub {
                    if src.join(name).join(format!("{s}.rs")).exists() {
                        deps.insert(format!("{name}::{s}"));
                    } else {
                        deps.insert(name.to_string());
                    }
                }
            } else if src.join(format!("{name}.rs")).exists() || src.join(name).is_dir() {
                deps.insert(name.to_string());
            }
        }
        if let Some(parent) = &parent {
            for name in names_after(&code, "super::") {
                if src
                    .join(parent.replace("::", "/"))
                    .join(format!("{name}.rs"))
                    .exists()
                {
                    deps.insert(format!("{parent}::{name}"));
                } else {
                    deps.insert(parent.clone());
                }
            }
        }
        deps.remove(&module);
        g.insert(module, deps);
    }
    g
}

/// A cycle in `g` (its modules in order), if there is one.
fn find_cycle(g: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        n: &str,
        g: &BTreeMap<String, BTreeSet<String>>,
        state: &mut BTreeMap<String, u8>,
        path: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        state.insert(n.to_string(), 1);
        path.push(n.to_string());
        for d in g.get(n).into_iter().flatten() {
            if !g.contains_key(d) {
                continue;
            }
            match state.get(d.as_str()) {
                Some(1) => {
                    let from = path.iter().position(|p| p == d).unwrap_or(0);
                    return Some(path[from..].to_vec());
                }
                Some(_) => {}
                None => {
                    if let Some(c) = visit(d, g, state, path) {
                        return Some(c);
                    }
                }
            }
        }
        path.pop();
        state.insert(n.to_string(), 2);
        None
    }
    let mut state = BTreeMap::new();
    for n in g.keys() {
        if !state.contains_key(n) {
            if let Some(c) = visit(n, g, &mut state, &mut Vec::new()) {
                return Some(c);
            }
        }
    }
    None
}

#[test]
fn no_module_imports_itself_through_a_cycle() {
    let g = graph();
    assert!(
        g.contains_key("dom::api") && g.contains_key("sanitize::prepass"),
        "{g:?}"
    );
    assert_eq!(find_cycle(&g), None, "a cycle among src/'s modules");
    // The same at the top level (sub-modules folded into their parent).
    let mut top: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (m, deps) in &g {
        let t = m.split("::").next().unwrap().to_string();
        let entry = top.entry(t.clone()).or_default();
        for d in deps {
            let dt = d.split("::").next().unwrap().to_string();
            if dt != t {
                entry.insert(dt);
            }
        }
    }
    assert_eq!(
        find_cycle(&top),
        None,
        "a cycle among src/'s top-level modules"
    );
}

#[test]
fn every_import_points_to_the_same_layer_or_below() {
    let g = graph();
    for (m, deps) in &g {
        let Some(own) = layer_of(m) else {
            panic!("module {m} is in no layer of the README's table (tests/layers.rs)");
        };
        for d in deps {
            let Some(dl) = layer_of(d) else { continue };
            assert!(
                dl <= own,
                "{m} ({}) imports {d} ({}), a layer above it",
                LAYERS[own].0,
                LAYERS[dl].0
            );
        }
    }
}

#[test]
fn the_readme_lists_the_same_layers() {
    let readme =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    for (name, mods) in LAYERS {
        let row = readme
            .lines()
            .find(|l| l.starts_with(&format!("| {name} |")))
            .unwrap_or_else(|| panic!("README has no layer row `| {name} |`"));
        for m in *mods {
            assert!(
                row.contains(&format!("`{m}`")),
                "README's `{name}` row lacks `{m}`: {row}"
            );
        }
    }
}
