//! HTML from minijinja templates compiled into the binary. `--templates DIR` replaces any of
//! them by name (e.g. a municipality's own `base.html` letterhead). Every value is escaped.

use std::path::{Path, PathBuf};

use minijinja::{Environment, UndefinedBehavior};
use serde::Serialize;

/// The built-in templates, by name.
const BUILT_IN: &[(&str, &str)] = &[
    ("base.html", include_str!("../../templates/base.html")),
    ("style.css", include_str!("../../templates/style.css")),
    ("agenda.html", include_str!("../../templates/agenda.html")),
    ("index.html", include_str!("../../templates/index.html")),
    ("cards.html", include_str!("../../templates/cards.html")),
    ("prep.html", include_str!("../../templates/prep.html")),
];

/// The work a template may do, in minijinja's fuel (about one unit an instruction). The
/// built-in index page of 3 000 meetings renders within 2 000 000, so 50 000 meetings stay
/// well within this; a runaway loop stops after a second or two of a release build.
const TEMPLATE_FUEL: u64 = 100_000_000;

/// How deep templates may nest (includes, macros, blocks).
const TEMPLATE_RECURSION_LIMIT: usize = 64;

/// The path of a user's template `name` in `dir`: `None` when the folder has no such file.
/// A name that is not a plain file name, or a file that resolves outside the folder, is an
/// error.
fn template_path(dir: &Path, name: &str) -> Result<Option<PathBuf>, minijinja::Error> {
    let refuse = |why: &str| {
        Err(minijinja::Error::new(
            minijinja::ErrorKind::InvalidOperation,
            format!("the template name `{}` {why}", name.escape_debug()),
        ))
    };
    let plain = !name.is_empty()
        && name != "."
        && name != ".."
        && !name.contains(['/', '\\'])
        && !name.chars().any(char::is_control);
    if !plain {
        return refuse("is not a plain file name in the templates folder");
    }
    let path = dir.join(name);
    let (Ok(real), Ok(root)) = (path.canonicalize(), dir.canonicalize()) else {
        return Ok(None);
    };
    if !real.starts_with(&root) {
        return refuse("leads out of the templates folder");
    }
    Ok(real.is_file().then_some(real))
}

/// Renders the HTML documents. Built once per command; templates are compiled once.
pub struct HtmlRenderer {
    env: Environment<'static>,
}

impl HtmlRenderer {
    pub fn new(templates_dir: Option<PathBuf>) -> Self {
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
        env.set_fuel(Some(TEMPLATE_FUEL));
        env.set_recursion_limit(TEMPLATE_RECURSION_LIMIT);
        env.set_loader(move |name| {
            // Only a plain file name inside the folder: `{% include "/etc/hostname" %}` or
            // `../x` would publish any file, and a link could lead out of the folder.
            if let Some(dir) = &templates_dir
                && let Some(path) = template_path(dir, name)?
            {
                return std::fs::read_to_string(&path).map(Some).map_err(|e| {
                    minijinja::Error::new(
                        minijinja::ErrorKind::InvalidOperation,
                        format!("cannot read the template {}: {e}", path.display()),
                    )
                });
            }
            Ok(BUILT_IN
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, src)| (*src).to_owned()))
        });
        HtmlRenderer { env }
    }

    /// Renders the template `name` with `context`.
    pub fn render<T: Serialize>(
        &self,
        name: &str,
        context: &T,
    ) -> Result<String, minijinja::Error> {
        let template = self.env.get_template(name)?;
        template.render(minijinja::value::Serde(context))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    struct Ctx {
        lang: &'static str,
        text: &'static str,
    }

    #[test]
    fn data_is_escaped() {
        let r = HtmlRenderer::new(None);
        let out = r.env.render_str(
            "<p>{{ text }}</p>",
            minijinja::value::Serde(Ctx {
                lang: "da",
                text: "<script>x</script>",
            }),
        );
        assert_eq!(out.unwrap(), "<p>&lt;script&gt;x&lt;&#x2f;script&gt;</p>");
    }
}
