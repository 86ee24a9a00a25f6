//! HTML from minijinja templates compiled into the binary. `--templates DIR` replaces any of
//! them by name (e.g. a municipality's own `base.html` letterhead). Every value is escaped.

use std::path::PathBuf;

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
        env.set_loader(move |name| {
            if let Some(dir) = &templates_dir {
                let path = dir.join(name);
                if path.is_file() {
                    return std::fs::read_to_string(&path).map(Some).map_err(|e| {
                        minijinja::Error::new(
                            minijinja::ErrorKind::InvalidOperation,
                            format!("cannot read the template {}: {e}", path.display()),
                        )
                    });
                }
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
