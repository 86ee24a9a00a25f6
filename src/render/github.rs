//! GitHub Actions workflow commands: each problem as `::error file=…,line=…,col=…::message`,
//! so that a CI run marks the line in the pull request.

use std::io::Write;

use super::{Document, Rendered, Renderer, Spec};
use crate::diagnostic::Diagnostic;

/// GitHub Actions annotations: written as `.log`, and named by no extension of `-o`.
pub const SPEC: Spec = Spec {
    extension: "log",
    recognised: &[],
    second_choice: false,
    binary: false,
    render,
};

fn render(_: &Renderer, doc: &Document<'_>, out: &mut dyn Write) -> Rendered {
    let Document::Problems(problems) = doc else {
        return Ok(false);
    };
    for d in *problems {
        writeln!(out, "{}", annotation(d))?;
    }
    Ok(true)
}

/// One annotation. Its message cannot end the command early: `%`, CR and LF are escaped.
pub fn annotation(d: &Diagnostic) -> String {
    let mut message = d.message.clone();
    if let Some(help) = &d.help {
        message.push_str(" (");
        message.push_str(help);
        message.push(')');
    }
    format!(
        "::{} file={},line={},col={}::{}",
        d.severity.as_str(),
        escape_property(&d.file),
        d.line.max(1),
        d.column.max(1),
        escape_data(&message)
    )
}

fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Pos;

    #[test]
    fn an_annotation_escapes_newlines() {
        let d = Diagnostic::error("a,b.yaml", Pos { line: 3, column: 1 }, "x\ny");
        assert_eq!(
            annotation(&d),
            "::error file=a%2Cb.yaml,line=3,col=1::x%0Ay"
        );
    }
}
