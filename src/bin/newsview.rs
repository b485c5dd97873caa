//! `newsview render`: server-side rendering from the command line (native builds only).
//!
//! ```text
//! newsview render [OPTIONS] <article.json | ->
//!
//!   --lang <zh-CN|zh-TW|en>     UI language (default zh-CN)
//!   --now <RFC 3339 | ms>       "now" for relative times (default: the system clock)
//!   --time-zone <name|offset>   zone times are shown in (default Asia/Shanghai)
//!   --theme <light|dark|auto>   colour theme (default light)
//!   --page-url <url>            share/canonical URL when the article has none
//!   --options <file.json>       render options as JSON (flags given after it win)
//!   --meta                      print only the <head> part: the suggested tags and the JSON-LD
//!   --page                      print a whole HTML document (head with the meta tags)
//!   --script <src>              with --page: load the component from <src> for hydration
//!   --json                      print {"html", "head", "warnings"}, as newsview/server's
//!                               renderToString returns it
//! ```
//!
//! Without `--meta`, `--page` or `--json` it prints the `<news-view>` element, with the
//! hydration data that lets the page's newsview module take it over (see `ssr::render`).
//! Warnings (fields dropped or cut) go to stderr.
//!
//! Exit codes: 0 success, 1 the article or options are invalid (the message names the field),
//! 2 usage or I/O errors.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(cli::run(std::env::args().skip(1).collect()));
}

/// The CLI is native only; this stub keeps `--all-targets` builds for wasm32 working.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use newsview::json::{self, Json, JsonLimits};
    use newsview::ssr;
    use newsview::Options;
    use std::borrow::Cow;
    use std::io::{Read, Write};

    const USAGE: &str = "usage: newsview render [--lang L] [--now TIME] [--time-zone Z] \
[--theme T] [--page-url URL] [--options FILE] [--meta | --page [--script SRC] | --json] \
<article.json | ->";

    enum Failure {
        Usage(String),
        Input(String),
    }

    pub fn run(args: Vec<String>) -> i32 {
        match render(args) {
            Ok(out) => {
                let mut stdout = std::io::stdout().lock();
                if stdout
                    .write_all(out.as_bytes())
                    .and_then(|()| stdout.flush())
                    .is_err()
                {
                    eprintln!("newsview: cannot write the output");
                    return 2;
                }
                0
            }
            Err(Failure::Usage(m)) => {
                eprintln!("newsview: {m}");
                eprintln!("{USAGE}");
                2
            }
            Err(Failure::Input(m)) => {
                eprintln!("newsview: {m}");
                1
            }
        }
    }

    fn read_input(path: &str) -> Result<String, Failure> {
        if path == "-" {
            let mut s = String::new();
            std::io::stdin()
                .read_to_string(&mut s)
                .map_err(|e| Failure::Usage(format!("cannot read stdin: {e}")))?;
            Ok(s)
        } else {
            std::fs::read_to_string(path)
                .map_err(|e| Failure::Usage(format!("cannot read {path}: {e}")))
        }
    }

    fn set(members: &mut Vec<(Cow<'static, str>, Json<'static>)>, key: &str, value: Json<'static>) {
        members.retain(|(k, _)| k != key);
        members.push((Cow::Owned(key.to_owned()), value));
    }

    fn render(args: Vec<String>) -> Result<String, Failure> {
        let mut it = args.into_iter();
        match it.next().as_deref() {
            Some("render") => {}
            Some("-h" | "--help") | None => return Err(Failure::Usage("no command".into())),
            Some(other) => return Err(Failure::Usage(format!("unknown command {other:?}"))),
        }
        let mut members: Vec<(Cow<'static, str>, Json<'static>)> = Vec::new();
        let mut input: Option<String> = None;
        let (mut meta, mut page, mut as_json) = (false, false, false);
        let mut script: Option<String> = None;
        while let Some(arg) = it.next() {
            let mut value = |name: &str| {
                it.next()
                    .ok_or_else(|| Failure::Usage(format!("{name} needs a value")))
            };
            match arg.as_str() {
                "--lang" => set(&mut members, "lang", Json::String(value("--lang")?.into())),
                "--now" => {
                    let v = value("--now")?;
                    // A number of milliseconds, or an RFC 3339 string (checked by the options).
                    let j = match v.parse::<f64>() {
                        Ok(ms) => Json::Number(ms),
                        Err(_) => Json::String(v.into()),
                    };
                    set(&mut members, "now", j);
                }
                "--time-zone" => set(&mut members, "timeZone", Json::String(value(&arg)?.into())),
                "--theme" => set(&mut members, "theme", Json::String(value(&arg)?.into())),
                "--page-url" => set(&mut members, "pageUrl", Json::String(value(&arg)?.into())),
                "--options" => {
                    let path = value(&arg)?;
                    let text = read_input(&path)?;
                    let doc = json::parse(&text, &JsonLimits::default()).map_err(|e| {
                        Failure::Input(format!("{path}: options{}", suffix(&e.to_message())))
                    })?;
                    match doc {
                        Json::Object(m) => {
                            for (k, v) in m {
                                set(&mut members, &k, v.into_owned());
                            }
                        }
                        Json::Null => {}
                        _ => return Err(Failure::Input("options: expected an object".into())),
                    }
                }
                "--script" => script = Some(value(&arg)?),
                "--meta" => meta = true,
                "--page" => page = true,
                "--json" => as_json = true,
                "-h" | "--help" => return Err(Failure::Usage("help".into())),
                "-" => input = Some(arg),
                a if a.starts_with('-') => {
                    return Err(Failure::Usage(format!("unknown option {a:?}")))
                }
                _ if input.is_some() => {
                    return Err(Failure::Usage("more than one input file".into()))
                }
                _ => input = Some(arg),
            }
        }
        if [meta, page, as_json].iter().filter(|&&f| f).count() > 1 {
            return Err(Failure::Usage(
                "--meta, --page and --json exclude each other".into(),
            ));
        }
        let Some(input) = input else {
            return Err(Failure::Usage("no input file (use - for stdin)".into()));
        };
        // The options are read by the one reader, here first so that their errors are told
        // apart from the article's; `ssr::render` reads them the same way.
        let options = Json::Object(members);
        Options::from_json(&options).map_err(|e| Failure::Input(e.to_message()))?;
        let text = read_input(&input)?;
        let rendered = ssr::render(&text, &options).map_err(|e| {
            let m = e.to_message();
            Failure::Input(if e.path().is_empty() {
                format!("{input}: {m}")
            } else {
                format!("{input}: article.{m}")
            })
        })?;
        for w in &rendered.warnings {
            eprintln!("newsview: warning: {}: {}", w.path, w.message);
        }
        let mut out = if meta {
            rendered.head
        } else if page {
            rendered.page(script.as_deref())
        } else if as_json {
            to_json(&rendered)
        } else {
            rendered.html
        };
        if !out.ends_with('\n') {
            out.push('\n');
        }
        Ok(out)
    }

    /// `{"html": …, "head": …, "warnings": [{"path": …, "code": …, "message": …}]}`.
    fn to_json(r: &ssr::Rendered) -> String {
        let mut out = String::from("{\"html\":");
        ssr::push_json_string(&mut out, &r.html);
        out.push_str(",\"head\":");
        ssr::push_json_string(&mut out, &r.head);
        out.push_str(",\"warnings\":[");
        for (i, w) in r.warnings.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            out.push_str("{\"path\":");
            ssr::push_json_string(&mut out, &w.path);
            out.push_str(",\"code\":");
            ssr::push_json_string(&mut out, w.code.as_str());
            out.push_str(",\"message\":");
            ssr::push_json_string(&mut out, &w.message);
            out.push('}');
        }
        out.push_str("]}");
        out
    }

    /// `: message` or `.path: message` for a message from the JSON parser.
    fn suffix(m: &str) -> String {
        if m.starts_with('[') {
            m.to_owned()
        } else {
            format!(": {m}")
        }
    }
}
