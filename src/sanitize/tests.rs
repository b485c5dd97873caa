//! One test per rule of the policy, over the arena tree.

use super::*;

include!("test_html.rs");

fn clean_with(policy: &Policy, html: &str) -> (String, Report) {
    let (c, r) = sanitize_fragment(parse_html(html), policy);
    (c.to_html().into_string(), r)
}

fn clean(html: &str) -> String {
    clean_with(&Policy::default(), html).0
}

#[test]
fn kept_elements_survive_untouched() {
    let html = "<p>a<br>b</p><h2>h</h2><h3>h</h3><h4>h</h4><h5>h</h5><h6>h</h6>\
        <p><strong>s</strong><b>b</b><em>e</em><i>i</i><u>u</u><s>s</s><del>d</del><ins>i</ins>\
        <sub>2</sub><sup>3</sup><small>s</small><mark>m</mark><code>c</code><q>q</q>\
        <cite>c</cite><abbr>a</abbr><span>s</span><time>t</time></p>\
        <pre>p</pre><blockquote>b</blockquote><div>d</div><hr>\
        <ul><li>1</li></ul><ol><li>2</li></ol><dl><dt>t</dt><dd>d</dd></dl>\
        <figure><figcaption>f</figcaption></figure>\
        <table><caption>c</caption><colgroup><col></colgroup><thead><tr><th>h</th></tr></thead>\
        <tbody><tr><td>d</td></tr></tbody><tfoot><tr><td>f</td></tr></tfoot></table>";
    let (out, report) = clean_with(&Policy::default(), html);
    assert_eq!(out, html);
    assert!(!report.removed_anything(), "{report:?}");
}

#[test]
fn h1_is_demoted_to_h2_with_its_attributes() {
    assert_eq!(
        clean(r#"<h1 dir="rtl" onclick="x()">T<b>b</b></h1>"#),
        r#"<h2 dir="rtl">T<b>b</b></h2>"#
    );
}

#[test]
fn dangerous_elements_are_removed_with_their_content() {
    for tag in [
        "script",
        "style",
        "template",
        "noscript",
        "object",
        "applet",
        "form",
        "button",
        "select",
        "textarea",
        "option",
        "optgroup",
        "datalist",
        "output",
        "title",
        "xmp",
        "noembed",
        "noframes",
        "plaintext",
        "frame",
        "frameset",
        "iframe",
        "portal",
        "fencedframe",
    ] {
        let html = {
            let mut h = String::from("<p>keep</p><");
            h.push_str(tag);
            h.push_str(">secret</");
            h.push_str(tag);
            h.push_str("><p>tail</p>");
            h
        };
        let (out, report) = clean_with(&Policy::default(), &html);
        assert_eq!(out, "<p>keep</p><p>tail</p>", "{tag}");
        assert_eq!(report.removed_elements, 1, "{tag}");
    }
}

#[test]
fn dangerous_void_elements_are_removed() {
    for tag in ["embed", "input", "keygen", "base", "meta", "link"] {
        let mut h = String::from("<p>keep</p><");
        h.push_str(tag);
        h.push_str(" src=\"x\"><p>tail</p>");
        let (out, report) = clean_with(&Policy::default(), &h);
        assert_eq!(out, "<p>keep</p><p>tail</p>", "{tag}");
        assert_eq!(report.removed_elements, 1, "{tag}");
    }
}

#[test]
fn foreign_content_is_removed_with_its_content() {
    let (out, report) = clean_with(
        &Policy::default(),
        "<p>a</p><svg><foreignObject><p>x</p></foreignObject></svg><math><mi>y</mi></math>b",
    );
    assert_eq!(out, "<p>a</p>b");
    assert_eq!(report.removed_elements, 2);
    // A foreign element named like a kept HTML element is still foreign.
    let mut f = Fragment::new();
    let root = f.root();
    let a = f.append_element_ns(root, Namespace::Svg, "a", &[("href", "javascript:x")]);
    f.append_text(a, "t");
    let (c, _) = sanitize_fragment(f, &Policy::default());
    assert_eq!(c.to_html().as_str(), "");
}

#[test]
fn unknown_elements_are_unwrapped_keeping_their_text() {
    let (out, report) = clean_with(
        &Policy::default(),
        "<x-card><article><section>a<font color=red>b</font></section></article></x-card>c",
    );
    assert_eq!(out, "abc");
    assert_eq!(report.unwrapped_elements, 4);
}

#[test]
fn comments_are_removed() {
    let (out, report) = clean_with(
        &Policy::default(),
        "a<!-- <img src=x onerror=alert(1)> -->b",
    );
    assert_eq!(out, "ab");
    assert_eq!(report.removed_other, 1);
}

#[test]
fn event_handlers_and_unlisted_attributes_are_dropped() {
    let (out, report) = clean_with(
        &Policy::default(),
        r#"<p onclick="a()" ONMOUSEOVER="b()" style="color:red" class="c" id="i" name="n" data-x="1" part="p" slot="s" srcdoc="x" formaction="y" ping="z" tabindex="1">t</p>"#,
    );
    assert_eq!(out, "<p>t</p>");
    assert_eq!(report.removed_attributes, 13);
}

#[test]
fn global_attributes_are_kept_when_valid() {
    assert_eq!(
        clean(r#"<p dir="RTL" lang="ar" title="t &quot;q&quot;">x</p>"#),
        r#"<p dir="rtl" lang="ar" title="t &quot;q&quot;">x</p>"#
    );
    assert_eq!(clean(r#"<p dir="sideways" lang="a b">x</p>"#), "<p>x</p>");
}

#[test]
fn element_attributes_are_kept_only_where_listed_and_valid() {
    assert_eq!(
        clean(r#"<ol start="-2" reversed="yes" type="a"><li value="3">x</li></ol>"#),
        r#"<ol start="-2" reversed=""><li>x</li></ol>"#
    );
    assert_eq!(
        clean(
            r#"<table><tr><th colspan="2" rowspan="x" scope="COL" abbr="a">h</th><td colspan="3" scope="row">d</td></tr></table>"#
        ),
        r#"<table><tr><th colspan="2" scope="col">h</th><td colspan="3">d</td></tr></table>"#
    );
    assert_eq!(
        clean(
            r#"<time datetime="2025-07-27T21:56:43+08:00">t</time><del datetime="2025" cite="https://a.com/why">d</del><blockquote cite="javascript:x">q</blockquote>"#
        ),
        r#"<time datetime="2025-07-27T21:56:43+08:00">t</time><del datetime="2025" cite="https://a.com/why">d</del><blockquote>q</blockquote>"#
    );
    assert_eq!(
        clean(r#"<span href="https://a.com" src="x.png">s</span>"#),
        "<span>s</span>"
    );
}

#[test]
fn link_urls_go_through_the_url_policy() {
    let (out, report) = clean_with(
        &Policy::default(),
        "<a href=\"jav&#x09;ascript:alert(1)\">a</a><a href=\" /x\\y \">b</a><a href=\"mailto:a@b.c\">c</a><a href=\"data:text/html,x\">d</a>",
    );
    assert_eq!(
        out,
        r#"<a>a</a><a href="/x/y">b</a><a href="mailto:a@b.c">c</a><a>d</a>"#
    );
    assert_eq!(report.removed_urls, 2);
}

#[test]
fn image_urls_go_through_the_body_image_policy() {
    assert_eq!(
        clean(r#"<img src="data:image/png;base64,AA" alt="a" width="10" height="20" usemap="m">"#),
        r#"<img src="data:image/png;base64,AA" alt="a" width="10" height="20" loading="lazy" decoding="async">"#
    );
    let (out, report) = clean_with(
        &Policy::default(),
        r#"<p>x<img src="data:image/svg+xml,<svg onload=alert(1)>"><img src="javascript:alert(1)" srcset="javascript:y 1x"></p>"#,
    );
    assert_eq!(out, "<p>x</p>");
    assert_eq!(report.removed_elements, 2);
    assert_eq!(report.removed_urls, 3);
}

#[test]
fn srcset_is_filtered_per_candidate() {
    assert_eq!(
        clean(r#"<img srcset="a.jpg 1x, javascript:alert(1) 2x, https://C.com/b.jpg 300w">"#),
        r#"<img srcset="a.jpg 1x, https://c.com/b.jpg 300w" loading="lazy" decoding="async">"#
    );
}

#[test]
fn links_to_other_hosts_get_noopener_noreferrer() {
    let policy = Policy::default().own_host("www.kankanews.com");
    let (out, _) = clean_with(
        &policy,
        r#"<a href="https://other.com/">o</a><a href="https://WWW.kankanews.com/x">s</a><a href="/rel">r</a><a href="//evil.com">p</a><a href="\\evil.com">b</a>"#,
    );
    assert_eq!(
        out,
        r#"<a href="https://other.com/" rel="noopener noreferrer">o</a><a href="https://www.kankanews.com/x">s</a><a href="/rel">r</a><a href="//evil.com" rel="noopener noreferrer">p</a><a href="//evil.com" rel="noopener noreferrer">b</a>"#
    );
    // Without an own host, every absolute link is to another host.
    assert_eq!(
        clean(r#"<a href="https://www.kankanews.com/x">s</a>"#),
        r#"<a href="https://www.kankanews.com/x" rel="noopener noreferrer">s</a>"#
    );
}

#[test]
fn input_rel_is_replaced_by_the_policy() {
    assert_eq!(
        clean(r#"<a rel="opener" href="https://a.com">x</a><a rel="x">y</a>"#),
        r#"<a rel="noopener noreferrer" href="https://a.com">x</a><a>y</a>"#
    );
}

#[test]
fn ugc_adds_ugc_nofollow_to_other_hosts() {
    let policy = Policy::default().ugc(true).own_host("a.com");
    let (out, _) = clean_with(
        &policy,
        r#"<a href="https://b.com">b</a><a href="https://a.com">a</a>"#,
    );
    assert_eq!(
        out,
        r#"<a href="https://b.com" rel="noopener noreferrer ugc nofollow">b</a><a href="https://a.com">a</a>"#
    );
}

#[test]
fn target_is_dropped_by_default() {
    let (out, report) = clean_with(
        &Policy::default(),
        r#"<a href="/x" target="_blank">x</a><a href="https://b.com" target="_top">y</a>"#,
    );
    assert_eq!(
        out,
        r#"<a href="/x">x</a><a href="https://b.com" rel="noopener noreferrer">y</a>"#
    );
    assert_eq!(report.removed_attributes, 2);
}

#[test]
fn target_blank_is_forced_with_noopener() {
    let policy = Policy::default()
        .link_target(LinkTarget::Blank)
        .own_host("a.com");
    let (out, _) = clean_with(
        &policy,
        r#"<a href="/x" target="_self">x</a><a href="https://b.com">y</a><a href="mailto:m@a.com">m</a><a>n</a>"#,
    );
    assert_eq!(
        out,
        r#"<a href="/x" target="_blank" rel="noopener">x</a><a href="https://b.com" rel="noopener noreferrer" target="_blank">y</a><a href="mailto:m@a.com">m</a><a>n</a>"#
    );
    let policy = Policy::default()
        .link_target(LinkTarget::BlankExternal)
        .own_host("a.com");
    let (out, _) = clean_with(
        &policy,
        r#"<a href="/x">x</a><a href="https://b.com">y</a>"#,
    );
    assert_eq!(
        out,
        r#"<a href="/x">x</a><a href="https://b.com" rel="noopener noreferrer" target="_blank">y</a>"#
    );
}

#[test]
fn images_load_lazily_and_decode_async() {
    assert_eq!(
        clean(r#"<img src="a.jpg" loading="eager" decoding="sync">"#),
        r#"<img src="a.jpg" loading="lazy" decoding="async">"#
    );
}

#[test]
fn style_is_dropped_by_default_and_filtered_when_allowed() {
    assert_eq!(clean(r#"<p style="text-align:center">x</p>"#), "<p>x</p>");
    let policy = Policy::default().allow_style_properties(&["text-align", "position"]);
    let (out, _) = clean_with(
        &policy,
        r#"<p style="text-align:center;position:fixed;color:red">x</p><p style="position:fixed">y</p>"#,
    );
    assert_eq!(out, r#"<p style="text-align: center">x</p><p>y</p>"#);
}

#[test]
fn iframes_are_removed_unless_their_host_is_allowed() {
    let html = r#"<iframe src="https://player.example.com/e/1" width="640" height="360" title="clip" srcdoc="<script>x</script>">fallback</iframe>"#;
    let (out, report) = clean_with(&Policy::default(), html);
    assert_eq!(out, "");
    assert_eq!(report.removed_elements, 1);
    let policy = Policy::default().allow_iframe_hosts(["Player.Example.com"]);
    let (out, report) = clean_with(&policy, html);
    assert_eq!(
        out,
        r#"<div class="nv-embed" data-nv-embed="iframe" data-nv-src="https://player.example.com/e/1" data-nv-width="640" data-nv-height="360" title="clip"></div>"#
    );
    assert_eq!(report.embeds, 1);
    // Only https, only the exact host.
    for src in [
        "http://player.example.com/e/1",
        "https://evil.player.example.com/e/1",
        "https://player.example.com.evil.com/",
        "//player.example.com/e/1",
        "javascript:alert(1)",
    ] {
        let mut h = String::from("<iframe src=\"");
        h.push_str(src);
        h.push_str("\"></iframe>");
        assert_eq!(clean_with(&policy, &h).0, "", "{src}");
    }
}

#[test]
fn video_and_audio_become_click_to_play_placeholders() {
    assert_eq!(
        clean(
            r#"<video src="https://v.com/a.mp4" poster="p.jpg" autoplay controls title="t">no video</video>"#
        ),
        r#"<div class="nv-embed" data-nv-embed="video" data-nv-src="https://v.com/a.mp4" data-nv-poster="p.jpg" title="t"></div>"#
    );
    assert_eq!(
        clean(
            r#"<video poster="javascript:x"><source src="javascript:y"><source src="/b.mp4" type="video/mp4"></video>"#
        ),
        r#"<div class="nv-embed" data-nv-embed="video" data-nv-src="/b.mp4"></div>"#
    );
    assert_eq!(
        clean(r#"<audio><source src="a.mp3"></audio>"#),
        r#"<div class="nv-embed" data-nv-embed="audio" data-nv-src="a.mp3"></div>"#
    );
    let (out, report) = clean_with(
        &Policy::default(),
        r#"<video src="data:video/mp4,xx">x</video>"#,
    );
    assert_eq!(out, "");
    assert_eq!(report.removed_elements, 1);
}

#[test]
fn data_attributes_from_input_never_survive() {
    assert_eq!(
        clean(
            r#"<div data-nv-src="https://evil.com" data-nv-embed="script" class="nv-embed">x</div>"#
        ),
        "<div>x</div>"
    );
}

#[test]
fn a_hand_written_placeholder_is_judged_like_the_embed_it_names() {
    // An iframe placeholder for a host that is not allowed goes, with its content.
    let (out, report) = clean_with(
        &Policy::default(),
        r#"<div data-nv-embed="iframe" data-nv-src="https://evil.com/">x</div><p>t</p>"#,
    );
    assert_eq!(out, "<p>t</p>");
    assert_eq!(report.removed_elements, 1);
    // A video placeholder is rebuilt from its judged URL alone.
    assert_eq!(
        clean(
            r#"<div data-nv-embed="video" data-nv-src=" HTTPS://V.com/a.mp4" onclick="x" id="y"><b>c</b></div>"#
        ),
        r#"<div class="nv-embed" data-nv-embed="video" data-nv-src="https://v.com/a.mp4"></div>"#
    );
}

#[test]
fn elements_with_an_is_value_lose_it() {
    // A fragment's element is only a name and attributes: it is renamed in place.
    let mut f = Fragment::new();
    let root = f.root();
    let p = f.append_element(root, "p", &[("is", "x-evil"), ("title", "t")]);
    f.append_text(p, "x");
    let (c, report) = sanitize_fragment(f, &Policy::default());
    assert_eq!(c.to_html().as_str(), r#"<p title="t">x</p>"#);
    assert_eq!(report.removed_attributes, 1);
}

/// A fragment whose `rename_element` is the trait's default (a new element, the attributes
/// copied), as a tree with customized built-ins (the DOM) has it.
struct Copying(Fragment);

impl HtmlTree for Copying {
    type Node = NodeId;
    fn kind(&mut self, node: NodeId, name: &mut String) -> NodeKind {
        self.0.kind(node, name)
    }
    fn first_child(&mut self, node: NodeId) -> Option<NodeId> {
        self.0.first_child(node)
    }
    fn next_sibling(&mut self, node: NodeId) -> Option<NodeId> {
        self.0.next_sibling(node)
    }
    fn has_attributes(&mut self, node: NodeId) -> bool {
        self.0.has_attributes(node)
    }
    fn attribute_names(&mut self, node: NodeId, out: &mut Vec<String>) {
        self.0.attribute_names(node, out)
    }
    fn attribute(&mut self, node: NodeId, name: &str) -> Option<String> {
        self.0.attribute(node, name)
    }
    fn set_attribute(&mut self, node: NodeId, name: &str, value: &str) {
        self.0.set_attribute(node, name, value)
    }
    fn remove_attribute(&mut self, node: NodeId, name: &str) {
        self.0.remove_attribute(node, name)
    }
    fn remove(&mut self, parent: NodeId, node: NodeId) {
        self.0.remove(parent, node)
    }
    fn unwrap(&mut self, parent: NodeId, node: NodeId) {
        self.0.unwrap(parent, node)
    }
    fn move_before(&mut self, parent: NodeId, node: NodeId, reference: NodeId) {
        self.0.move_before(parent, node, reference)
    }
    fn replace_with_element(
        &mut self,
        parent: NodeId,
        node: NodeId,
        tag: &'static str,
        keep_children: bool,
    ) -> Option<NodeId> {
        self.0
            .replace_with_element(parent, node, tag, keep_children)
    }
}

#[test]
fn a_tree_with_the_default_rename_makes_elements_with_an_is_value_again() {
    let mut f = Fragment::new();
    let root = f.root();
    let a = f.append_element(
        root,
        "a",
        &[
            ("is", "x-evil"),
            ("target", "_top"),
            ("href", "https://e.com/"),
            ("title", "t"),
        ],
    );
    f.append_text(a, "x");
    let p = f.append_element(root, "p", &[("is", "x-evil"), ("dir", "rtl")]);
    f.append_text(p, "y");
    let mut tree = Copying(f);
    let report = sanitize(&mut tree, root, &Policy::default());
    let kids: Vec<NodeId> = tree.0.children(root).collect();
    assert_eq!(kids.len(), 2);
    assert!(!kids.contains(&a) && !kids.contains(&p), "not made again");
    // The same markup as a fragment's rename in place.
    let (c, same) = sanitize_fragment(
        parse_html(
            r#"<a is="x-evil" target="_top" href="https://e.com/" title="t">x</a><p is="x-evil" dir="rtl">y</p>"#,
        ),
        &Policy::default(),
    );
    let written = sanitize_fragment(tree.0, &Policy::default()).0.to_html();
    assert_eq!(written.as_str(), c.to_html().as_str());
    assert_eq!(report, same);
    assert_eq!(
        written.as_str(),
        r#"<a href="https://e.com/" title="t" rel="noopener noreferrer">x</a><p dir="rtl">y</p>"#
    );
}

#[test]
fn nesting_deeper_than_the_bound_is_flattened() {
    let policy = Policy::default().max_depth(3);
    let (out, report) = clean_with(
        &policy,
        "<div><div><div><div><p>deep<b>er</b></p></div></div>tail</div></div>",
    );
    assert_eq!(out, "<div><div><div>deeper</div>tail</div></div>");
    assert_eq!(report.flattened_elements, 3);
}

#[test]
fn nodes_past_the_limit_are_removed() {
    let policy = Policy::default().max_nodes(4);
    let (out, report) = clean_with(&policy, "<p>a</p><div><p>b</p><p>c</p></div><p>d</p>");
    // p, "a", div, p are visited; "b" and everything after is cut.
    assert_eq!(out, "<p>a</p><div><p></p></div>");
    assert!(report.truncated);
}

#[test]
fn void_elements_lose_any_children() {
    let mut f = Fragment::new();
    let root = f.root();
    let br = f.append_element(root, "br", &[]);
    f.append_text(br, "hidden");
    let (c, r) = sanitize_fragment(f, &Policy::default());
    assert_eq!(c.to_html().as_str(), "<br>");
    assert_eq!(c.fragment().children(br).count(), 0);
    assert_eq!(r.removed_other, 1);
}

#[test]
fn serializer_escapes_text_and_attributes() {
    let mut f = Fragment::new();
    let root = f.root();
    let p = f.append_element(root, "p", &[("title", "a\"b&c<d>\u{a0}")]);
    f.append_text(p, "<script>&\"'\u{a0}");
    let pre = f.append_element(root, "pre", &[]);
    f.append_text(pre, "\ncode");
    let (c, _) = sanitize_fragment(f, &Policy::default());
    assert_eq!(
        c.to_html().as_str(),
        "<p title=\"a&quot;b&amp;c<d>&nbsp;\">&lt;script&gt;&amp;\"'&nbsp;</p><pre>\n\ncode</pre>"
    );
}

#[test]
fn report_counts_what_was_removed() {
    let (_, report) = clean_with(
        &Policy::default(),
        r#"<script>x</script><x-y>t</x-y><p onclick="x" class="c"><a href="javascript:x">l</a></p><!--c--><video src="v.mp4"></video>"#,
    );
    assert_eq!(
        report,
        Report {
            removed_elements: 1,
            unwrapped_elements: 1,
            flattened_elements: 0,
            removed_attributes: 2,
            removed_urls: 1,
            removed_other: 1,
            embeds: 1,
            truncated: false,
            input_too_large: false,
        }
    );
    assert!(report.removed_anything());
}

#[test]
fn policy_reads_options_sanitize() {
    let s = |v: &str| Json::String(v.to_string().into());
    let options = Json::Object(vec![(
        "sanitize".into(),
        Json::Object(vec![
            (
                "allowIframeHosts".into(),
                Json::Array(vec![s("Player.A.com")]),
            ),
            ("ownHost".into(), s("WWW.A.com")),
            ("ugc".into(), Json::Bool(true)),
            ("linkTarget".into(), s("blankExternal")),
            (
                "allowStyleProperties".into(),
                Json::Array(vec![s("text-align")]),
            ),
            ("maxDepth".into(), Json::Number(32.0)),
            ("maxInputBytes".into(), Json::Number(1000.0)),
            ("maxNodes".into(), Json::Number(500.0)),
        ]),
    )]);
    let p = Policy::from_json(&options).unwrap();
    assert_eq!(
        p,
        Policy::default()
            .allow_iframe_hosts(["player.a.com"])
            .own_host("www.a.com")
            .ugc(true)
            .link_target(LinkTarget::BlankExternal)
            .allow_style_properties(&["text-align"])
            .max_depth(32)
            .max_input_bytes(1000)
            .max_nodes(500)
    );
    assert_eq!(Policy::from_json(&Json::Null).unwrap(), Policy::default());
    assert_eq!(
        Policy::from_json(&Json::Object(vec![])).unwrap(),
        Policy::default()
    );
}

#[test]
fn policy_errors_name_the_field() {
    let with = |key: &str, value: Json<'static>| {
        Json::Object(vec![(
            "sanitize".into(),
            Json::Object(vec![(key.to_string().into(), value)]),
        )])
    };
    let err = |j: Json| Policy::from_json(&j).unwrap_err();
    let e = err(with(
        "allowIframeHosts",
        Json::Array(vec![Json::String("a".into()), Json::Number(1.0)]),
    ));
    assert_eq!(e.path(), "sanitize.allowIframeHosts[1]");
    assert_eq!(e.message(), "expected a string, found a number");
    assert_eq!(err(with("ugc", Json::Null)).path(), "sanitize.ugc");
    assert_eq!(
        err(with("linkTarget", Json::String("_top".into()))).path(),
        "sanitize.linkTarget"
    );
    assert_eq!(
        err(with("maxDepth", Json::Number(0.0))).path(),
        "sanitize.maxDepth"
    );
    assert_eq!(
        err(with("maxNodes", Json::Number(1.5))).path(),
        "sanitize.maxNodes"
    );
    let e = err(with(
        "allowStyleProperties",
        Json::Array(vec![
            Json::String("color".into()),
            Json::String("position".into()),
        ]),
    ));
    assert_eq!(e.path(), "sanitize.allowStyleProperties[1]");
    assert_eq!(
        err(with("allowScripts", Json::Bool(true))).message(),
        "unknown sanitize option"
    );
    let e = err(Json::Object(vec![("sanitize".into(), Json::Bool(true))]));
    assert_eq!(e.path(), "sanitize");
}

#[test]
fn the_test_reader_reads_what_the_tests_are_written_in() {
    // The helper these tests rely on: attributes, entities, void and raw-text elements.
    let f = parse_html("<p a=1 B='2' c=\"&lt;3&#x3e;\" d>x&amp;y<br>z</p><script>a<b</script>");
    assert_eq!(
        dump(&f),
        "p[a=1,b=2,c=<3>,d=](\"x&y\"br()\"z\")script(\"a<b\")"
    );
}

#[test]
fn fragment_building_refuses_cycles_and_merges_text() {
    let mut f = Fragment::new();
    let root = f.root();
    let div = f.create_element(Namespace::Html, "DIV", &[("ID", "x")]);
    assert_eq!(f.parent(div), None);
    assert!(f.append_child(root, div));
    let p = f.append_element(div, "p", &[]);
    f.append_text_merged(p, "a");
    f.append_text_merged(p, "b");
    assert_eq!(dump(&f), "div[id=x](p(\"ab\"))");
    // No node may go inside itself or its own subtree.
    assert!(!f.append_child(p, div));
    assert!(!f.append_child(div, div));
    assert!(!f.reparent_children(div, p));
    let t = f.create_text("t");
    assert!(!f.append_child(t, p), "a text node holds no children");
    assert!(f.insert_before(p, t));
    f.add_attrs_if_missing(div, &[("id", "y"), ("lang", "en")]);
    assert_eq!(dump(&f), "div[id=x,lang=en](\"t\"p(\"ab\"))");
    let span = f.create_element(Namespace::Html, "span", &[]);
    assert!(f.append_child(root, span));
    assert!(f.reparent_children(div, span));
    f.remove_from_parent(div);
    let c = f.create_comment("c");
    assert!(f.insert_before(span, c));
    assert_eq!(dump(&f), "<!--c-->span(\"t\"p(\"ab\"))");
}

#[test]
fn the_root_never_moves() {
    let mut f = Fragment::new();
    let root = f.root();
    let div = f.create_element(Namespace::Html, "div", &[]);
    assert!(!f.append_child(div, root));
    assert!(!f.insert_before(div, root));
    assert_eq!(f.parent(root), None);
}

// ---- Media hosts (`allowMediaHosts`, `mediaProxy`) ----

/// A body with media on a listed host, on other hosts, relative and inline, and a link.
const MEDIA_BODY: &str = concat!(
    r#"<p><img src="https://img.ok.com/a.jpg" alt="a"><img src="https://t.evil.com/b.gif">"#,
    r#"<img src="/c.jpg"><img src="data:image/png;base64,AA">"#,
    r#"<img srcset="https://t.evil.com/d1.jpg 1x, //img.ok.com/d2.jpg 2x, https://x.evil.com/d3.jpg 3x">"#,
    r#"<a href="https://t.evil.com/page">link</a></p>"#,
    r#"<video src="https://v.evil.com/v.mp4" poster="https://t.evil.com/p.jpg"></video>"#,
    r#"<video poster="https://img.ok.com/p.jpg"><source src="https://v.evil.com/s.mp4"><source src="https://img.ok.com/s.mp4"></video>"#,
    r#"<audio src="https://v.evil.com/a.mp3"></audio>"#,
);

fn media_policy(proxy: bool) -> Policy {
    let media = crate::url::MediaHosts::default()
        .allow(["img.ok.com"])
        .unwrap();
    let media = if proxy {
        media.proxy("https://p.ok.com/i?u={url}").unwrap()
    } else {
        media
    };
    Policy::default().media_hosts(media)
}

#[test]
fn media_from_hosts_not_allowed_is_dropped_without_a_proxy() {
    let (out, report) = clean_with(&media_policy(false), MEDIA_BODY);
    assert_eq!(
        out,
        concat!(
            r#"<p><img src="https://img.ok.com/a.jpg" alt="a" loading="lazy" decoding="async">"#,
            r#"<img src="/c.jpg" loading="lazy" decoding="async">"#,
            r#"<img src="data:image/png;base64,AA" loading="lazy" decoding="async">"#,
            r#"<img srcset="//img.ok.com/d2.jpg 2x" loading="lazy" decoding="async">"#,
            r#"<a href="https://t.evil.com/page" rel="noopener noreferrer">link</a></p>"#,
            r#"<div class="nv-embed" data-nv-embed="video" data-nv-src="https://img.ok.com/s.mp4" data-nv-poster="https://img.ok.com/p.jpg"></div>"#,
        )
    );
    // The `img` without a src left and the two embeds without one; the refused `src` and the
    // two refused candidates.
    assert_eq!(report.removed_elements, 3);
    assert_eq!(report.removed_urls, 3);
    assert!(report.removed_anything());
}

#[test]
fn media_from_hosts_not_allowed_is_rewritten_through_the_proxy() {
    let (out, report) = clean_with(&media_policy(true), MEDIA_BODY);
    let p = "https://p.ok.com/i?u=https%3A%2F%2F";
    let expected = [
        r#"<p><img src="https://img.ok.com/a.jpg" alt="a" loading="lazy" decoding="async">"#.to_owned(),
        format!(r#"<img src="{p}t.evil.com%2Fb.gif" loading="lazy" decoding="async">"#),
        r#"<img src="/c.jpg" loading="lazy" decoding="async">"#.to_owned(),
        r#"<img src="data:image/png;base64,AA" loading="lazy" decoding="async">"#.to_owned(),
        format!(
            r#"<img srcset="{p}t.evil.com%2Fd1.jpg 1x, //img.ok.com/d2.jpg 2x, {p}x.evil.com%2Fd3.jpg 3x" loading="lazy" decoding="async">"#
        ),
        r#"<a href="https://t.evil.com/page" rel="noopener noreferrer">link</a></p>"#.to_owned(),
        format!(
            r#"<div class="nv-embed" data-nv-embed="video" data-nv-src="{p}v.evil.com%2Fv.mp4" data-nv-poster="{p}t.evil.com%2Fp.jpg"></div>"#
        ),
        // The first acceptable source: the proxy makes the first one acceptable.
        format!(
            r#"<div class="nv-embed" data-nv-embed="video" data-nv-src="{p}v.evil.com%2Fs.mp4" data-nv-poster="https://img.ok.com/p.jpg"></div>"#
        ),
        format!(r#"<div class="nv-embed" data-nv-embed="audio" data-nv-src="{p}v.evil.com%2Fa.mp3"></div>"#),
    ]
    .concat();
    assert_eq!(out, expected);
    assert_eq!((report.removed_elements, report.removed_urls), (0, 0));
    // Sanitizing the result again changes nothing (the proxy's host is allowed).
    assert_eq!(clean_with(&media_policy(true), &out).0, out);
}

#[test]
fn policy_reads_allow_media_hosts_and_media_proxy() {
    let options = crate::json::parse(
        r#"{"mediaProxy": "https://p.ok.com/i?u={url}", "sanitize": {"allowMediaHosts": ["IMG.ok.com"]}}"#,
        &crate::json::JsonLimits::default(),
    )
    .unwrap();
    assert_eq!(Policy::from_json(&options).unwrap(), media_policy(true));
    // Without `sanitize`, the proxy alone.
    let options = crate::json::parse(
        r#"{"mediaProxy": "https://p.ok.com/i?u={url}"}"#,
        &crate::json::JsonLimits::default(),
    )
    .unwrap();
    let p = Policy::from_json(&options).unwrap();
    assert!(!p.media().is_open());
    assert_eq!(
        clean_with(&p, r#"<img src="https://img.ok.com/a.jpg">"#).0,
        r#"<img src="https://p.ok.com/i?u=https%3A%2F%2Fimg.ok.com%2Fa.jpg" loading="lazy" decoding="async">"#
    );
    let err = |json: &str| {
        let doc = crate::json::parse(json, &crate::json::JsonLimits::default()).unwrap();
        Policy::from_json(&doc).unwrap_err().to_message()
    };
    assert_eq!(
        err(r#"{"sanitize": {"allowMediaHosts": ["a.com", "a.com/x"]}}"#),
        "sanitize.allowMediaHosts[1]: expected a host name or *.domain"
    );
    assert_eq!(
        err(r#"{"sanitize": {"allowMediaHosts": "a.com"}}"#),
        "sanitize.allowMediaHosts: expected an array, got a string"
    );
    assert!(err(r#"{"mediaProxy": "http://p.ok.com/?u={url}"}"#)
        .starts_with("mediaProxy: expected an absolute https URL with {url}"));
    assert_eq!(
        err(r#"{"mediaProxy": 1}"#),
        "mediaProxy: expected a string, got a number"
    );
}

#[test]
fn sanitize_report_sums_up_in_one_warning() {
    assert_eq!(Report::default().warning(), None);
    let w = Report {
        removed_elements: 3,
        removed_attributes: 2,
        removed_urls: 1,
        truncated: true,
        ..Report::default()
    }
    .warning()
    .unwrap();
    assert_eq!(w.path, "bodyHtml");
    assert_eq!(w.code.as_str(), "sanitized");
    assert_eq!(
        w.message,
        "removed 3 elements, removed 2 attributes, removed 1 URL, cut at the node limit"
    );
}

#[test]
fn a_p_a_block_lands_in_becomes_a_div_with_its_attributes_in_order() {
    assert_eq!(
        clean(r#"<p title="t" dir="rtl" lang="ar">a<marquee><ul><li>x</li></ul></marquee>c</p>"#),
        r#"<div title="t" dir="rtl" lang="ar">a<ul><li>x</li></ul>c</div>"#
    );
}

/// An element made again (its `is` value) gets its own attributes in order, then those the
/// policy sets.
#[test]
fn made_again_elements_keep_their_attribute_order() {
    assert_eq!(
        clean(
            r#"<a is="x-evil" target="_top" href="https://e.com/" title="t">x</a><p is="x-evil" dir="rtl">y</p><img is=x decoding=sync src=/a.png alt=b loading=eager>"#
        ),
        r#"<a href="https://e.com/" title="t" rel="noopener noreferrer">x</a><p dir="rtl">y</p><img src="/a.png" alt="b" loading="lazy" decoding="async">"#
    );
}

/// Text of a too-deep element directly in a table, section, row or column group would be moved
/// out of the table when the markup is parsed again: it goes with the element. In a cell it
/// stays.
#[test]
fn flattened_text_directly_in_a_table_part_goes() {
    let policy = Policy::default().max_depth(1);
    for (html, out) in [
        ("<table><b>t</b></table>", "<table></table>"),
        ("<tr><b>t</b></tr>", "<tr></tr>"),
        ("<colgroup><b>t</b></colgroup>", "<colgroup></colgroup>"),
        ("<td><b>t</b></td>", "<td>t</td>"),
        ("<caption><b>t</b></caption>", "<caption>t</caption>"),
    ] {
        assert_eq!(clean_with(&policy, html).0, out, "{html}");
    }
}
