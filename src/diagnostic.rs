//! Problems found in the data, with where they are and what to do about them.

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

    /// Quotes the diagnostic's line from an index made once per file; [`Self::with_source`]
    /// scans the text from its start, which is quadratic over thousands of diagnostics.
    pub fn with_line(mut self, lines: &SourceLines) -> Self {
        if self.line > 0 {
            self.source_line = lines.line(self.line).map(str::to_owned);
        }
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// A file's text with where each line starts, to quote any line in constant time.
pub struct SourceLines<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> SourceLines<'a> {
    pub fn new(text: &'a str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .filter(|&i| i < text.len())
            .collect();
        SourceLines { text, starts }
    }

    /// Line `number` (1-based) without its line end, as `str::lines` gives it.
    pub fn line(&self, number: u32) -> Option<&'a str> {
        let i = usize::try_from(number).ok()?.checked_sub(1)?;
        let start = *self.starts.get(i)?;
        let end = self
            .starts
            .get(i + 1)
            .map_or(self.text.len(), |&next| next - 1);
        let line = &self.text[start..end];
        let line = line.strip_suffix('\n').unwrap_or(line);
        Some(line.trim_end_matches('\r'))
    }
}

/// The names in `candidates` near enough to `wrong` to be what was meant, nearest first, at
/// most three. The one fuzzy matcher: edit distance catches typos, and a name that contains
/// what was written, or is contained in it (three letters or more), gets a bonus, so
/// `LMU-niveau` finds `lmu`.
pub fn suggestions<'a>(wrong: &str, candidates: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    const MAX: usize = 3;
    let wanted = wrong.to_lowercase();
    let mut scored: Vec<(f64, &str)> = candidates
        .into_iter()
        .map(|c| {
            let candidate = c.to_lowercase();
            let score = strsim::normalized_damerau_levenshtein(&wanted, &candidate);
            let contains = (wanted.len() >= 3 && candidate.contains(wanted.as_str()))
                || (candidate.len() >= 3 && wanted.contains(candidate.as_str()));
            let bonus = if contains { 0.3 } else { 0.0 };
            (score + bonus, c)
        })
        .filter(|(score, _)| *score >= 0.5)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
    scored.dedup_by(|a, b| a.1 == b.1);
    scored.into_iter().take(MAX).map(|(_, c)| c).collect()
}

/// The one nearest name, for messages that suggest one.
pub fn nearest<'a>(wrong: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    suggestions(wrong, candidates).into_iter().next()
}

/// The one phrasing of a suggestion: "did you mean `a`?" or "did you mean `a`, `b`?";
/// `None` when nothing is near.
pub fn did_you_mean<'a>(near: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let mut near = near.into_iter().peekable();
    near.peek()?;
    Some(format!("did you mean {}?", backticked(near)))
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
    fn an_indexed_line_is_the_line_that_lines_gives() {
        for text in ["", "a", "a\n", "a\r\nb", "a\n\nb\n", "\n\n", "ø\r\næ\r\n"] {
            let lines = SourceLines::new(text);
            let expected: Vec<&str> = text.lines().collect();
            for n in 1..=expected.len() + 2 {
                assert_eq!(
                    lines.line(n as u32),
                    expected.get(n - 1).copied(),
                    "line {n} of {text:?}"
                );
            }
            assert_eq!(lines.line(0), None);
        }
    }

    #[test]
    fn suggests_near_names_only() {
        assert_eq!(nearest("titel", ["title", "id", "status"]), Some("title"));
        assert_eq!(nearest("zzz", ["title", "id"]), None);
    }
}
