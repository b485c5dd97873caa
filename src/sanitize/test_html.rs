// A minimal, test-only reader of well-formed HTML into a `Fragment`, and a tree dump.
//
// Included (with `include!`) by the unit tests and by the integration tests, each of which
// brings `Fragment`, `Namespace`, `NodeId` and `NodeRef` into scope first. It is not an HTML
// parser: no implied end tags, no foster parenting, no adoption agency. It reads start and end
// tags, quoted and unquoted attributes, comments, void elements, the raw-text elements and the
// common character references, which is what the fixtures and the rule tests are written in.

#[allow(dead_code)]
fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let end = rest[1..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '#'))
            .map(|i| i + 1)
            .unwrap_or(rest.len());
        let name = &rest[1..end];
        let decoded = if let Some(num) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
            u32::from_str_radix(num, 16).ok().and_then(char::from_u32)
        } else if let Some(num) = name.strip_prefix('#') {
            num.parse::<u32>().ok().and_then(char::from_u32)
        } else {
            match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some('\u{a0}'),
                "colon" => Some(':'),
                "Tab" => Some('\t'),
                "NewLine" => Some('\n'),
                _ => None,
            }
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &rest[end..];
                if rest.starts_with(';') {
                    rest = &rest[1..];
                }
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[allow(dead_code)]
fn test_is_void(name: &str) -> bool {
    matches!(
        name,
        "area" | "base" | "br" | "col" | "embed" | "hr" | "img" | "input" | "link" | "meta"
            | "param" | "source" | "track" | "wbr" | "keygen" | "image"
    )
}

/// Reads `html` into a fragment (see the note at the top of the file).
#[allow(dead_code)]
fn parse_html(html: &str) -> Fragment {
    let mut f = Fragment::new();
    // Open elements: (id, name, namespace).
    let mut stack: Vec<(NodeId, String, Namespace)> = Vec::new();
    let mut rest = html;
    while !rest.is_empty() {
        let parent = stack.last().map(|(id, _, _)| *id).unwrap_or(f.root());
        let ns = stack.last().map(|(_, _, ns)| *ns).unwrap_or(Namespace::Html);
        if let Some(after) = rest.strip_prefix("<!--") {
            let end = after.find("-->").unwrap_or(after.len());
            f.append_comment(parent, &after[..end]);
            rest = after.get(end + 3..).unwrap_or("");
            continue;
        }
        if let Some(after) = rest.strip_prefix("</") {
            let end = after.find('>').unwrap_or(after.len());
            let name = after[..end].trim().to_ascii_lowercase();
            if let Some(pos) = stack.iter().rposition(|(_, n, _)| n.eq_ignore_ascii_case(&name)) {
                stack.truncate(pos);
            }
            rest = after.get(end + 1..).unwrap_or("");
            continue;
        }
        let starts_tag = rest.starts_with('<')
            && rest[1..].chars().next().is_some_and(|c| c.is_ascii_alphabetic());
        if !starts_tag {
            let end = rest
                .char_indices()
                .skip(1)
                .find(|(_, c)| *c == '<')
                .map_or(rest.len(), |(i, _)| i);
            f.append_text(parent, &decode_entities(&rest[..end]));
            rest = &rest[end..];
            continue;
        }
        // Start tag.
        let body = &rest[1..];
        let name_end = body
            .find(|c: char| c.is_ascii_whitespace() || c == '>' || c == '/')
            .unwrap_or(body.len());
        let raw_name = &body[..name_end];
        let mut p = &body[name_end..];
        let mut attrs: Vec<(String, String)> = Vec::new();
        let mut self_closing = false;
        loop {
            p = p.trim_start();
            if p.is_empty() {
                break;
            }
            if let Some(after) = p.strip_prefix("/>") {
                self_closing = true;
                p = after;
                break;
            }
            if let Some(after) = p.strip_prefix('>') {
                p = after;
                break;
            }
            if let Some(after) = p.strip_prefix('/') {
                p = after;
                continue;
            }
            let an_end = p
                .find(|c: char| c.is_ascii_whitespace() || c == '>' || c == '=' || c == '/')
                .unwrap_or(p.len())
                .max(1);
            let an = &p[..an_end];
            p = p[an_end..].trim_start();
            let mut value = String::new();
            if let Some(after) = p.strip_prefix('=') {
                let after = after.trim_start();
                if let Some(q) = after.chars().next().filter(|c| *c == '"' || *c == '\'') {
                    let inner = &after[1..];
                    let close = inner.find(q).unwrap_or(inner.len());
                    value = decode_entities(&inner[..close]);
                    p = inner.get(close + 1..).unwrap_or("");
                } else {
                    let end = after
                        .find(|c: char| c.is_ascii_whitespace() || c == '>')
                        .unwrap_or(after.len());
                    value = decode_entities(&after[..end]);
                    p = &after[end..];
                }
            }
            let an = if ns == Namespace::Html {
                an.to_ascii_lowercase()
            } else {
                an.to_string()
            };
            if !attrs.iter().any(|(n, _)| *n == an) {
                attrs.push((an, value));
            }
        }
        rest = p;
        let lower = raw_name.to_ascii_lowercase();
        let el_ns = match (ns, lower.as_str()) {
            (Namespace::Html, "svg") => Namespace::Svg,
            (Namespace::Html, "math") => Namespace::MathMl,
            (ns, _) => ns,
        };
        let name = if el_ns == Namespace::Html {
            lower.clone()
        } else {
            raw_name.to_string()
        };
        let attr_refs: Vec<(&str, &str)> =
            attrs.iter().map(|(n, v)| (n.as_str(), v.as_str())).collect();
        let id = f.append_element_ns(parent, el_ns, &name, &attr_refs);
        if el_ns == Namespace::Html && test_is_void(&lower) || self_closing {
            continue;
        }
        let raw_text = el_ns == Namespace::Html
            && matches!(
                lower.as_str(),
                "script" | "style" | "xmp" | "iframe" | "noembed" | "noframes" | "textarea"
                    | "title" | "plaintext"
            );
        if raw_text {
            let close = {
                let mut close = String::from("</");
                close.push_str(&lower);
                close
            };
            let lower_rest = rest.to_ascii_lowercase();
            let end = lower_rest.find(&close).unwrap_or(rest.len());
            if end > 0 {
                f.append_text(id, &rest[..end]);
            }
            rest = &rest[end..];
            if let Some(gt) = rest.find('>') {
                rest = &rest[gt + 1..];
            }
            continue;
        }
        // As HTML parsers do, a newline right after `<pre>` or `<listing>` is dropped.
        if el_ns == Namespace::Html && matches!(lower.as_str(), "pre" | "listing") {
            rest = rest.strip_prefix('\n').unwrap_or(rest);
        }
        stack.push((id, name, el_ns));
    }
    f
}

/// A one-line dump of the tree: `name[attr=value,...](children)` for elements, `"text"` for
/// text nodes (each node apart, so text boundaries show), `<!--c-->` for comments.
#[allow(dead_code)]
fn dump(f: &Fragment) -> String {
    let mut out = String::new();
    // (node, entering)
    let mut stack: Vec<(NodeId, bool)> = f.children(f.root()).map(|c| (c, true)).collect();
    stack.reverse();
    while let Some((id, entering)) = stack.pop() {
        if !entering {
            out.push(')');
            continue;
        }
        match f.node(id) {
            Some(NodeRef::Element {
                namespace,
                name,
                attrs,
            }) => {
                if namespace != Namespace::Html {
                    out.push_str("ns:");
                }
                out.push_str(name);
                if !attrs.is_empty() {
                    out.push('[');
                    for (i, (n, v)) in attrs.iter().enumerate() {
                        if i > 0 {
                            out.push(',');
                        }
                        out.push_str(n);
                        out.push('=');
                        out.push_str(v);
                    }
                    out.push(']');
                }
                out.push('(');
                stack.push((id, false));
                let children: Vec<NodeId> = f.children(id).collect();
                for c in children.into_iter().rev() {
                    stack.push((c, true));
                }
            }
            Some(NodeRef::Text(t)) => {
                out.push('"');
                out.push_str(t);
                out.push('"');
            }
            Some(NodeRef::Comment(t)) => {
                out.push_str("<!--");
                out.push_str(t);
                out.push_str("-->");
            }
            _ => {}
        }
    }
    out
}
