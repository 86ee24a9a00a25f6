//! HTML from minijinja templates compiled into the binary. `--templates DIR` replaces any of
//! them by name (e.g. a municipality's own `base.html` letterhead). Every value is escaped.
//! Templates take their fixed words from [`Words`](crate::lang::Words), as `labels`.

use std::collections::BTreeMap;
use std::io::Write;
use std::sync::Arc;

use minijinja::value::{Enumerator, Object, ObjectRepr, Serde, merge_maps};
use minijinja::{Environment, UndefinedBehavior, Value, context};
use serde::Serialize;

use super::{Document, RenderError, Rendered, Renderer, Settings, Spec};

/// One HTML page.
pub const HTML: Spec = Spec {
    extension: "html",
    recognised: &["html", "htm"],
    second_choice: false,
    binary: false,
    render,
};

/// Cut-out cards, written by the same templates as [`HTML`]. An `.html` file is a page
/// first: cards only where the command offers no page.
pub const CARDS: Spec = Spec {
    second_choice: true,
    ..HTML
};

/// Either of the two: each document has one template.
fn render(renderer: &Renderer, doc: &Document<'_>, out: &mut dyn Write) -> Rendered {
    renderer.html().render(doc, renderer.settings(), out)
}

/// The built-in templates, by name.
const BUILT_IN: &[(&str, &str)] = &[
    ("base.html", include_str!("../../templates/base.html")),
    ("style.css", include_str!("../../templates/style.css")),
    ("agenda.html", include_str!("../../templates/agenda.html")),
    ("index.html", include_str!("../../templates/index.html")),
    ("cards.html", include_str!("../../templates/cards.html")),
    ("prep.html", include_str!("../../templates/prep.html")),
    ("cycle.html", include_str!("../../templates/cycle.html")),
    ("minutes.html", include_str!("../../templates/minutes.html")),
    ("rollup.html", include_str!("../../templates/rollup.html")),
];

/// The work a template may do, in minijinja's fuel (about one unit an instruction). The
/// built-in index page of 3 000 meetings renders within 2 000 000, so 50 000 meetings stay
/// well within this; a runaway loop stops after a second or two of a release build.
const TEMPLATE_FUEL: u64 = 100_000_000;

/// The most MiB a page is written to, unless `MEDTRIO_MAX_PAGE_MB` says otherwise: the index
/// of 50 000 meetings is far below it.
pub const DEFAULT_MAX_PAGE_MB: u64 = 1024;

fn max_page_bytes() -> u64 {
    std::env::var("MEDTRIO_MAX_PAGE_MB")
        .ok()
        .and_then(|v| v.trim().parse::<u64>().ok())
        .unwrap_or(DEFAULT_MAX_PAGE_MB)
        .saturating_mul(1024 * 1024)
}

/// A writer that refuses to write past its budget.
struct Budget<'a> {
    out: &'a mut dyn Write,
    left: u64,
}

impl Write for Budget<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let len = u64::try_from(buf.len()).unwrap_or(u64::MAX);
        if len > self.left {
            self.left = 0;
            return Err(std::io::Error::other("the output budget is spent"));
        }
        let n = self.out.write(buf)?;
        self.left -= u64::try_from(n).unwrap_or(0);
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}

/// How deep templates may nest (includes, macros, blocks).
const TEMPLATE_RECURSION_LIMIT: usize = 64;

/// The user's templates (`--templates DIR`), read by the command layer: each plain file
/// name of the folder with its text, or why it may not be used.
#[derive(Clone, Debug, Default)]
pub struct UserTemplates {
    pub files: BTreeMap<String, TemplateFile>,
}

impl UserTemplates {
    /// The text of the user's file `name`, if the folder has a usable one.
    pub fn text(&self, name: &str) -> Option<&str> {
        match self.files.get(name) {
            Some(TemplateFile::Text(text)) => Some(text),
            _ => None,
        }
    }
}

/// One file of the user's templates folder.
#[derive(Clone, Debug)]
pub enum TemplateFile {
    Text(String),
    /// The file may not be used, and why: "leads out of the templates folder".
    Refused(String),
}

/// Whether `name` may name a user's template: a plain file name, nothing that could leave
/// the folder (`/etc/hostname`, `../x`).
pub fn is_plain_name(name: &str) -> bool {
    !name.is_empty()
        && name != "."
        && name != ".."
        && !name.contains(['/', '\\'])
        && !name.chars().any(char::is_control)
}

fn refuse(name: &str, why: &str) -> minijinja::Error {
    minijinja::Error::new(
        minijinja::ErrorKind::InvalidOperation,
        format!("the template name `{}` {why}", name.escape_debug()),
    )
}

/// Renders the HTML documents. Built once per command; templates are compiled once.
pub struct HtmlRenderer {
    env: Environment<'static>,
}

impl HtmlRenderer {
    pub fn new(user: UserTemplates) -> Self {
        let mut env = Environment::new();
        env.set_undefined_behavior(UndefinedBehavior::Strict);
        // Escape by the output's kind, not the template's name, so that a user's
        // template with any name cannot switch escaping off.
        env.set_auto_escape_callback(|name| {
            if name.ends_with(".css") {
                minijinja::AutoEscape::None
            } else {
                minijinja::AutoEscape::Html
            }
        });
        // A user's template is code we run: bounded in work and depth, so that nested loops
        // over large ranges end in an error that names the template rather than run forever.
        env.set_formatter(|out, state, value| match value.as_str() {
            // A macro's output is safe already: keep it so, or its markup prints as text.
            Some(text) if *state.auto_escape() == minijinja::AutoEscape::Html => {
                let text = without_parse_errors(text);
                let text = if value.is_safe() {
                    Value::from_safe_string(text.into_owned())
                } else {
                    // A page printed in a CI log starts no workflow command from the data.
                    Value::from(super::wrap::inert_command_lines(&text).into_owned())
                };
                minijinja::escape_formatter(out, state, &text)
            }
            _ => minijinja::escape_formatter(out, state, value),
        });
        env.set_fuel(Some(TEMPLATE_FUEL));
        env.set_recursion_limit(TEMPLATE_RECURSION_LIMIT);
        env.add_filter("css_string", css_string);
        env.add_filter("running", running);
        let user = Arc::new(user);
        env.set_loader(move |name| {
            // Only a plain file name inside the folder: `{% include "/etc/hostname" %}` or
            // `../x` would publish any file.
            if !is_plain_name(name) {
                return Err(refuse(
                    name,
                    "is not a plain file name in the templates folder",
                ));
            }
            match user.files.get(name) {
                Some(TemplateFile::Text(text)) => return Ok(Some(text.clone())),
                Some(TemplateFile::Refused(why)) => return Err(refuse(name, why)),
                None => {}
            }
            Ok(BUILT_IN
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, src)| (*src).to_owned()))
        });
        HtmlRenderer { env }
    }

    /// Renders `doc` with its template, its fixed words as `labels`.
    pub fn render(&self, doc: &Document<'_>, settings: &Settings, out: &mut dyn Write) -> Rendered {
        let name = match doc {
            Document::Agenda(_) => "agenda.html",
            Document::Prep(_) => "prep.html",
            Document::Referat(_) => "minutes.html",
            Document::Cards(_) => "cards.html",
            Document::Index(_) => "index.html",
            Document::Cycle(_) => "cycle.html",
            Document::Rollup(_) => "rollup.html",
            _ => return Ok(false),
        };
        let template = self.env.get_template(name).map_err(template_error)?;
        // The last map wins: the fixed words, then the long lists, over the document.
        let ctx = merge_maps([
            Value::from(Serde(doc)),
            long_lists(doc),
            context! {
                labels => Value::from(Serde(settings.lang.words())),
                site => settings.site,
                internal => settings.internal,
            },
        ]);
        // Written as it is rendered (the index of a large programme runs to megabytes; a
        // file goes into a temporary file, so a failure leaves nothing behind), within
        // an output budget: a template that writes without end stops with a message.
        let mut budget = Budget {
            out,
            left: max_page_bytes(),
        };
        template
            .render_captured_to(ctx, &mut budget)
            .map_err(|e| match budget.left {
                0 => RenderError::Template {
                    place: format!("{name}: "),
                    detail: format!(
                        "the page would be larger than {} MiB, the most a page may be; a template that writes without end is stopped",
                        max_page_bytes() / (1024 * 1024)
                    ),
                },
                _ => template_error(e),
            })?;
        Ok(true)
    }
}

/// The long lists of a document, which the template reads one item at a time.
fn long_lists(doc: &Document<'_>) -> Value {
    match doc {
        Document::Index(page) => context! {
            agendas => OneAtATime::value(&page.agendas),
            open_actions => OneAtATime::value(&page.open_actions),
            timeline => merge_maps([
                Value::from(Serde(&page.timeline)),
                context! {
                    rows => OneAtATime::value(&page.timeline.rows),
                    by_quarter => OneAtATime::value(&page.timeline.by_quarter),
                },
            ]),
        },
        _ => context! {},
    }
}

/// A list that becomes template values one item at a time, when the template reaches it:
/// a page of 50 000 rows never holds them all as values beside the report.
#[derive(Debug)]
struct OneAtATime<T>(Arc<Vec<T>>);

impl<T: Serialize + std::fmt::Debug + Send + Sync + 'static> OneAtATime<T> {
    fn value(items: &Arc<Vec<T>>) -> Value {
        Value::from_object(OneAtATime(Arc::clone(items)))
    }
}

impl<T: Serialize + std::fmt::Debug + Send + Sync + 'static> Object for OneAtATime<T> {
    fn repr(self: &Arc<Self>) -> ObjectRepr {
        ObjectRepr::Seq
    }

    fn get_value(self: &Arc<Self>, key: &Value) -> Option<Value> {
        self.0
            .get(key.as_usize()?)
            .map(|item| Value::from(Serde(item)))
    }

    fn enumerate(self: &Arc<Self>) -> Enumerator {
        Enumerator::Seq(self.0.len())
    }
}

/// A title short enough for one line of a page's running header: 70 characters at most,
/// cut at a word with an ellipsis.
fn running(text: String) -> String {
    const MOST: usize = 70;
    if text.chars().count() <= MOST {
        return text;
    }
    let cut: String = text.chars().take(MOST - 1).collect();
    let cut = match cut.rfind(' ') {
        Some(space) if space > MOST / 2 => &cut[..space],
        _ => cut.as_str(),
    };
    format!("{}…", cut.trim_end())
}

/// A text as a CSS string literal, for `content:` in `@page` margin boxes: quotes, backslashes
/// and line breaks escaped, and `<` too, so that no text can close the `<style>` element.
fn css_string(text: String) -> Value {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' | '\\' | '<' | '>' | '&' => out.push_str(&format!("\\{:x} ", u32::from(c))),
            c if c.is_control() => out.push_str(&format!("\\{:x} ", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    Value::from_safe_string(out)
}

/// `text` without the characters that are a parse error anywhere in an HTML document: NUL,
/// the other control characters but tab, line feed, form feed and carriage return, and the
/// noncharacters. A browser would replace or drop them; the renderer fuzz target found the
/// first, a NUL in a title. Escaping cannot help, since `&#0;` is an error too.
fn without_parse_errors(text: &str) -> std::borrow::Cow<'_, str> {
    fn refused(c: char) -> bool {
        let code = u32::from(c);
        (c.is_control() && !matches!(c, '\t' | '\n' | '\u{c}' | '\r'))
            || (0xfdd0..=0xfdef).contains(&code)
            || code & 0xfffe == 0xfffe
    }
    if text.chars().any(refused) {
        text.chars()
            .filter(|&c| !refused(c))
            .collect::<String>()
            .into()
    } else {
        text.into()
    }
}

/// A template error, with the template's own line when it has one.
fn template_error(e: minijinja::Error) -> RenderError {
    let place = match (e.name(), e.line()) {
        (Some(name), Some(line)) => format!("{name}:{line}: "),
        (Some(name), None) => format!("{name}: "),
        _ => String::new(),
    };
    RenderError::Template {
        place,
        detail: e
            .detail()
            .map_or_else(|| e.kind().to_string(), str::to_owned),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Serialize;

    #[derive(Serialize)]
    struct Ctx {
        lang: &'static str,
        text: &'static str,
    }

    #[test]
    fn a_css_string_cannot_close_the_style_element() {
        let v = css_string("a\"b</style><script>\n".to_owned());
        assert_eq!(v.to_string(), r#""a\22 b\3c /style\3e \3c script\3e \a ""#);
    }

    #[test]
    fn data_is_escaped() {
        let r = HtmlRenderer::new(UserTemplates::default());
        let out = r.env.render_str(
            "<p>{{ text }}</p>",
            minijinja::value::Serde(Ctx {
                lang: "da",
                text: "<script>x</script>",
            }),
        );
        assert_eq!(out.unwrap(), "<p>&lt;script&gt;x&lt;&#x2f;script&gt;</p>");
    }

    /// The renderer fuzz target's first find: a NUL in the programme's title reached the
    /// index page raw, and html5ever reported "Saw \0 in state Data".
    #[test]
    fn a_nul_or_control_character_in_the_data_does_not_reach_the_html() {
        let r = HtmlRenderer::new(UserTemplates::default());
        let out = r.env.render_str(
            "<title>{{ text }}</title><p title=\"{{ text }}\">{{ text }}</p>",
            minijinja::value::Serde(Ctx {
                lang: "da",
                text: "a\0b\u{1}c\u{7f}d\u{85}e\u{fdd0}f\u{fffe}g\u{10ffff}h\ti\nj",
            }),
        );
        assert_eq!(
            out.unwrap(),
            "<title>abcdefgh\ti\nj</title><p title=\"abcdefgh\ti\nj\">abcdefgh\ti\nj</p>"
        );
    }
}
