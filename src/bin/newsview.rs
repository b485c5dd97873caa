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
//!   --meta                      print only the suggested <head> tags
//!   --page                      print a whole HTML document (head with the meta tags)
//!   --script <src>              with --page: load the component from <src> for hydration
//! ```
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
    use newsview::{Article, Options};
    use std::io::{Read, Write};

    const USAGE: &str = "usage: newsview render [--lang L] [--now TIME] [--time-zone Z] \
[--theme T] [--page-url URL] [--options FILE] [--meta | --page [--script SRC]] <article.json | ->";

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

    fn set(members: &mut Vec<(String, Json)>, key: &str, value: Json) {
        members.retain(|(k, _)| k != key);
        members.push((key.to_owned(), value));
    }

    fn render(args: Vec<String>) -> Result<String, Failure> {
        let mut it = args.into_iter();
        match it.next().as_deref() {
            Some("render") => {}
            Some("-h" | "--help") | None => return Err(Failure::Usage("no command".into())),
            Some(other) => return Err(Failure::Usage(format!("unknown command {other:?}"))),
        }
        let mut members: Vec<(String, Json)> = Vec::new();
        let mut input: Option<String> = None;
        let (mut meta, mut page) = (false, false);
        let mut script: Option<String> = None;
        while let Some(arg) = it.next() {
            let mut value = |name: &str| {
                it.next()
                    .ok_or_else(|| Failure::Usage(format!("{name} needs a value")))
            };
            match arg.as_str() {
                "--lang" => set(&mut members, "lang", Json::String(value("--lang")?)),
                "--now" => {
                    let v = value("--now")?;
                    // A number of milliseconds, or an RFC 3339 string (checked by the options).
                    let j = match v.parse::<f64>() {
                        Ok(ms) => Json::Number(ms),
                        Err(_) => Json::String(v),
                    };
                    set(&mut members, "now", j);
                }
                "--time-zone" => set(&mut members, "timeZone", Json::String(value(&arg)?)),
                "--theme" => set(&mut members, "theme", Json::String(value(&arg)?)),
                "--page-url" => set(&mut members, "pageUrl", Json::String(value(&arg)?)),
                "--options" => {
                    let path = value(&arg)?;
                    let text = read_input(&path)?;
                    let doc = json::parse(&text, &JsonLimits::default()).map_err(|e| {
                        Failure::Input(format!("{path}: options{}", suffix(&e.to_message())))
                    })?;
                    match doc {
                        Json::Object(m) => {
                            for (k, v) in m {
                                set(&mut members, &k, v);
                            }
                        }
                        Json::Null => {}
                        _ => return Err(Failure::Input("options: expected an object".into())),
                    }
                }
                "--script" => script = Some(value(&arg)?),
                "--meta" => meta = true,
                "--page" => page = true,
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
        if meta && page {
            return Err(Failure::Usage(
                "--meta and --page exclude each other".into(),
            ));
        }
        let Some(input) = input else {
            return Err(Failure::Usage("no input file (use - for stdin)".into()));
        };
        let options = Options::from_json(&Json::Object(members))
            .map_err(|e| Failure::Input(e.to_message()))?;
        let text = read_input(&input)?;
        let limits = newsview::limits::Limits::default();
        let parsed = Article::from_json_str_with(&text, &limits, &options.media).map_err(|e| {
            let m = e.to_message();
            Failure::Input(if e.path().is_empty() {
                format!("{input}: {m}")
            } else {
                format!("{input}: article.{m}")
            })
        })?;
        for w in &parsed.warnings {
            eprintln!("newsview: warning: {}: {}", w.path, w.message);
        }
        let article = &parsed.article;
        let mut out = if meta {
            ssr::meta_tags(article, &options)
        } else if page {
            ssr::render_page(article, &options, script.as_deref())
        } else {
            ssr::render_to_string(article, &options)
        };
        if !out.ends_with('\n') {
            out.push('\n');
        }
        Ok(out)
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
