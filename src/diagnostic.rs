//! Problems found in the data, with where they are and what to do about them.

use std::fmt::Write as _;

use serde::Serialize;

use crate::model::Pos;

#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Serialize,
    rkyv::Archive,
    rkyv::Serialize,
    rkyv::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// One problem in one data file. Serialized as the JSON that `validate --format json` prints;
/// the cache stores the warnings of data it keeps (rkyv).
#[derive(
    Clone, Debug, PartialEq, Eq, Serialize, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize,
)]
pub struct Diagnostic {
    /// The file as the user named it, e.g. `data/roadmap.yaml`.
    pub file: String,
    /// 1-based; 0 when the problem concerns the whole file.
    pub line: u32,
    pub column: u32,
    pub severity: Severity,
    pub message: String,
    /// What to do about it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    /// The offending line, for the caret display.
    #[serde(skip)]
    pub source_line: Option<String>,
}

impl Diagnostic {
    pub fn error(file: &str, pos: Pos, message: impl Into<String>) -> Self {
        Diagnostic {
            file: file.to_owned(),
            line: pos.line,
            column: pos.column,
            severity: Severity::Error,
            message: message.into(),
            help: None,
            source_line: None,
        }
    }

    pub fn warning(file: &str, pos: Pos, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(file, pos, message)
        }
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn with_source(mut self, text: &str) -> Self {
        if self.line > 0 {
            self.source_line = text
                .lines()
                .nth(self.line as usize - 1)
                .map(|l| l.trim_end_matches('\r').to_owned());
        }
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `file:line:col: error: message`, then the line with a caret, then the help.
    pub fn render(&self) -> String {
        let mut out = String::new();
        let _ = match self.line {
            0 => write!(out, "{}: ", self.file),
            line => write!(out, "{}:{}:{}: ", self.file, line, self.column),
        };
        let _ = writeln!(out, "{}: {}", self.severity.as_str(), self.message);
        if let Some(src) = &self.source_line {
            let gutter = self.line.to_string();
            let pad = " ".repeat(gutter.len());
            let shown: String = src.chars().take(200).collect();
            let caret_at = shown
                .chars()
                .take(self.column.saturating_sub(1) as usize)
                .map(|c| if c == '\t' { '\t' } else { ' ' })
                .collect::<String>();
            let _ = writeln!(out, "{pad} |");
            let _ = writeln!(out, "{gutter} | {shown}");
            let _ = writeln!(out, "{pad} | {caret_at}^");
        }
        if let Some(help) = &self.help {
            let _ = writeln!(out, "  = help: {help}");
        }
        out
    }

    /// A GitHub Actions workflow command, `::error file=…,line=…,col=…::message`.
    pub fn render_github(&self) -> String {
        let mut message = self.message.clone();
        if let Some(help) = &self.help {
            message.push_str(" (");
            message.push_str(help);
            message.push(')');
        }
        format!(
            "::{} file={},line={},col={}::{}",
            self.severity.as_str(),
            escape_github_property(&self.file),
            self.line.max(1),
            self.column.max(1),
            escape_github_data(&message)
        )
    }
}

fn escape_github_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_github_property(s: &str) -> String {
    escape_github_data(s)
        .replace(':', "%3A")
        .replace(',', "%2C")
}

/// The name in `candidates` nearest to `wrong`, if one is near enough to be a likely typo.
pub fn nearest<'a>(wrong: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let wrong_lower = wrong.to_lowercase();
    candidates
        .into_iter()
        .map(|c| {
            let candidate = c.to_lowercase();
            // Edit distance catches typos; a shared prefix alone is no evidence.
            let score = strsim::normalized_damerau_levenshtein(&wrong_lower, &candidate);
            let contains = !wrong_lower.is_empty()
                && wrong_lower.len() >= 3
                && (candidate.contains(&wrong_lower) || wrong_lower.contains(&candidate));
            (if contains { score.max(0.7) } else { score }, c)
        })
        .filter(|(score, _)| *score >= 0.6)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// Several names, each in backticks, for "expected one of" lists.
pub fn backticked<'a>(names: impl IntoIterator<Item = &'a str>) -> String {
    names
        .into_iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_location_caret_and_help() {
        let d = Diagnostic::error("data/x.yaml", Pos { line: 2, column: 5 }, "bad")
            .with_help("fix it")
            .with_source("a: 1\nb:  2\n");
        assert_eq!(
            d.render(),
            "data/x.yaml:2:5: error: bad\n  |\n2 | b:  2\n  |     ^\n  = help: fix it\n"
        );
    }

    #[test]
    fn github_annotation_escapes_newlines() {
        let d = Diagnostic::error("a,b.yaml", Pos { line: 3, column: 1 }, "x\ny");
        assert_eq!(
            d.render_github(),
            "::error file=a%2Cb.yaml,line=3,col=1::x%0Ay"
        );
    }

    #[test]
    fn suggests_near_names_only() {
        assert_eq!(nearest("titel", ["title", "id", "status"]), Some("title"));
        assert_eq!(nearest("zzz", ["title", "id"]), None);
    }
}
