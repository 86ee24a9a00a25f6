//! Parsing a data file's YAML: the parser's budgets, its errors rewritten in medtrio's words,
//! the format version, and a memo for the files that many folders of a tree inherit.

use serde::de::DeserializeOwned;

use crate::diagnostic::{Diagnostic, backticked, did_you_mean, nearest};
use crate::model::Pos;
use crate::model::when::HELP_MARK;

pub(crate) fn version_pos(text: &str) -> Pos {
    text.lines()
        .position(|l| l.starts_with("version:"))
        .map(|i| Pos {
            line: u32::try_from(i + 1).unwrap_or(u32::MAX),
            column: 10,
        })
        .unwrap_or_default()
}

/// The parser settings for a file of `len` bytes. Node and event budgets grow with the file,
/// so a large municipality's real data is never refused; depth and aliases stay tight, since
/// real data needs neither and hostile files do.
pub fn yaml_options(len: usize) -> serde_saphyr::Options {
    let scaled = len / 2;
    serde_saphyr::options! {
        budget: serde_saphyr::budget! {
            max_depth: 64,
            max_nodes: 250_000usize.max(scaled),
            max_events: 1_000_000usize.max(scaled),
            max_aliases: 1_000,
            max_anchors: 1_000,
        },
        alias_limits: serde_saphyr::alias_limits! {
            max_total_replayed_events: 100_000,
        },
    }
}

/// Parses one YAML document into `T`, turning a parser error into a located diagnostic.
pub fn parse<T: DeserializeOwned>(name: &str, text: &str) -> Result<T, Box<Diagnostic>> {
    serde_saphyr::from_str_with_options::<T>(text, yaml_options(text.len())).map_err(|e| {
        let pos = e
            .location()
            .map(|l| Pos {
                line: u32::try_from(l.line()).unwrap_or(u32::MAX),
                column: u32::try_from(l.column()).unwrap_or(u32::MAX),
            })
            .unwrap_or_default();
        let line = usize::try_from(pos.line)
            .ok()
            .and_then(|n| text.lines().nth(n.checked_sub(1)?))
            .unwrap_or("");
        let Explained { message, help } = in_words(explain_parse_error(&e), line, pos.column);
        let mut d = Diagnostic::error(name, pos, message).with_source(text);
        if let Some(help) = help {
            d = d.with_help(help);
        }
        Box::new(d)
    })
}

/// A parser error in our words, with a way to fix it.
struct Explained {
    message: String,
    help: Option<String>,
}

impl Explained {
    fn new(message: impl Into<String>, help: impl Into<String>) -> Self {
        Explained {
            message: message.into(),
            help: Some(help.into()),
        }
    }
}

/// Rewrites the parser's errors into ours, by their kind. Only the scanner's messages, which
/// have no kind of their own, are matched by text; each has a case in the bad-input corpus,
/// so a change in the dependency's wording fails a test rather than a user.
fn explain_parse_error(e: &serde_saphyr::Error) -> Explained {
    use serde_saphyr::Error as E;
    match e {
        E::WithSnippet { error, .. } => explain_parse_error(error),
        E::AliasError { error, .. } => explain_parse_error(error),
        other => names(other)
            .or_else(|| shapes(other))
            .or_else(|| limits(other))
            .unwrap_or_else(|| {
                explain_message(&other.render_with_formatter(&serde_saphyr::UserMessageFormatter))
            }),
    }
}

/// Errors about the names in a file: unknown, missing or repeated fields and values.
fn names(e: &serde_saphyr::Error) -> Option<Explained> {
    use serde_saphyr::Error as E;
    Some(match e {
        E::SerdeUnknownField {
            field, expected, ..
        } => unknown_name(field, expected, |mean, fields| match mean {
            Some(mean) => format!("{mean} The fields here are {fields}"),
            None => format!("the fields here are {fields}"),
        })
        .with_message(format!("unknown field `{field}`")),
        E::SerdeUnknownVariant {
            variant, expected, ..
        } => unknown_name(variant, expected, |mean, values| match mean {
            Some(mean) => format!("{mean} Write one of {values}"),
            None => format!("write one of {values}"),
        })
        .with_message(format!("`{variant}` is not a known value here")),
        E::SerdeMissingField { field, .. } => Explained::new(
            format!("missing field `{field}`"),
            format!("add `{field}:` to this entry"),
        ),
        E::DuplicateMappingKey { key, .. } => Explained::new(
            format!(
                "the key `{}` appears twice in the same mapping",
                key.as_deref().unwrap_or("?")
            ),
            "keep one of them; YAML would silently drop the other",
        ),
        _ => return None,
    })
}

/// Errors about the shape of a value: a list where one value is expected, a text where a
/// number is, an empty value, a file cut short.
fn shapes(e: &serde_saphyr::Error) -> Option<Explained> {
    use serde_saphyr::Error as E;
    Some(match e {
        E::MultipleDocuments { .. } => Explained::new(
            "the file holds more than one YAML document",
            "keep one document per file: remove the second `---` and what follows it",
        ),
        E::ExternallyTaggedEnumExpectedScalarOrMapping { .. } => Explained::new(
            "expected a single value here",
            "write one word, e.g. `status: planned`, not a list or a mapping",
        ),
        E::NullIntoString { .. } => Explained::new(
            "this value is empty (null)",
            "write a value, or leave the key out if it is optional",
        ),
        E::Unexpected { expected, .. } => match *expected {
            "sequence start" => Explained::new(
                "expected a list here",
                "write one `- ` line per entry, or `[a, b]`",
            ),
            "mapping start" => Explained::new(
                "expected `key: value` lines here",
                "check the indentation: each entry's keys line up under its first key",
            ),
            "string scalar" => Explained::new(
                "expected a text here",
                "write a single text; put it in quotes if it contains `:` or starts with `[`, `{` or `-`",
            ),
            other => Explained {
                message: format!("expected {other} here"),
                help: None,
            },
        },
        E::Eof { .. } => Explained::new(
            "the file ends where more is expected",
            "check that the file is complete and that every list and mapping is closed",
        ),
        E::InvalidScalar { ty, .. } if *ty == "bool" => Explained {
            message: "expected `true` or `false`".into(),
            help: None,
        },
        E::InvalidScalar { ty, .. }
            if ["u8", "u16", "u32", "u64", "i32", "i64", "usize"].contains(ty) =>
        {
            Explained::new("expected a whole number", "write a number such as `30`")
        }
        _ => return None,
    })
}

/// The parser's budgets, which refuse hostile files: alias bombs and deep nesting.
fn limits(e: &serde_saphyr::Error) -> Option<Explained> {
    use serde_saphyr::Error as E;
    use serde_saphyr::budget::BudgetBreach;
    Some(match e {
        E::Budget { breach, .. } => refused(match breach {
            BudgetBreach::Depth { .. } => Refusal::Depth,
            BudgetBreach::Aliases { .. } | BudgetBreach::Anchors { .. } => Refusal::Aliases,
            _ => Refusal::Size,
        }),
        E::AliasReplayLimitExceeded { .. }
        | E::AliasExpansionLimitExceeded { .. }
        | E::AliasReplayCounterOverflow { .. } => refused(Refusal::Aliases),
        E::AliasReplayStackDepthExceeded { .. } => refused(Refusal::Depth),
        _ => return None,
    })
}

/// What a hostile or oversized file tripped.
enum Refusal {
    Aliases,
    Depth,
    Size,
}

fn refused(why: Refusal) -> Explained {
    let what = match why {
        Refusal::Aliases => "it uses more aliases (`*name`) than a data file needs (at most 1000)",
        Refusal::Depth => "it nests deeper than a data file needs (at most 64 levels)",
        Refusal::Size => "it is larger or more complex than medtrio reads",
    };
    Explained::new(
        format!("the file is refused: {what}"),
        "check that this is a medtrio data file; hostile YAML (alias bombs, deep nesting) is refused on purpose",
    )
}

/// An unknown field or value, with the nearest known one and all of them.
fn unknown_name(
    wrong: &str,
    expected: &[&str],
    help: impl Fn(Option<String>, String) -> String,
) -> Explained {
    let danish = in_english(wrong).filter(|english| expected.contains(english));
    let mean = did_you_mean(danish.or_else(|| nearest(wrong, expected.iter().copied())));
    Explained {
        message: String::new(),
        help: Some(help(mean, backticked(expected.iter().copied()))),
    }
}

/// The fields people write in Danish, and their names in the data. Offered only where the
/// English name is a field of the entry.
fn in_english(danish: &str) -> Option<&'static str> {
    Some(match danish.to_lowercase().as_str() {
        "sted" | "lokale" => "place",
        "dato" | "dag" => "date",
        "titel" | "overskrift" | "emne" => "title",
        "slut" | "sluttid" => "end",
        "starttid" | "begynder" => "start",
        "punkter" | "dagsorden" => "items",
        "minutter" | "varighed" => "minutes",
        "ansvarlig" | "ejer" => "owner",
        "frist" | "deadline" => "due",
        "beslutning" => "decision",
        "tekst" => "text",
        "temaer" => "themes",
        "indstilling" => "recommendation",
        "noter" | "bemærkninger" => "notes",
        "deltagere" => "participants",
        "udvalg" => "forum",
        "navn" => "name",
        "rolle" => "role",
        _ => return None,
    })
}

impl Explained {
    fn with_message(mut self, message: String) -> Self {
        self.message = message;
        self
    }
}

/// The scanner's words for the mistakes people make most, by text (each has a case in the
/// bad-input corpus): a colon inside a text, a line indented wrongly, a yes or no in Danish.
/// They are answered with the line the mistake is on, written as it should be.
const COLON_IN_TEXT: &str = "invalid YAML: mapping values are not allowed in this context";
const INDENT_KEY: &str = "invalid YAML: while parsing a block mapping, did not find expected key";
const INDENT_DASH: &str =
    "invalid YAML: while parsing a block collection, did not find expected '-' indicator";
const NOT_A_BOOL: &str = "invalid YAML: invalid boolean";

fn in_words(explained: Explained, line: &str, column: u32) -> Explained {
    let code = line.split(" #").next().unwrap_or(line).trim_end();
    match explained.message.as_str() {
        COLON_IN_TEXT => {
            let help = match code.split_once(": ") {
                Some((key, value)) if !value.trim().is_empty() => format!(
                    "put the text in quotes: `{}: \"{}\"`",
                    key.trim_start().trim_start_matches("- "),
                    value.trim().replace('\\', "\\\\").replace('"', "\\\"")
                ),
                _ => "put the text in quotes: `title: \"Punkt: tekst\"`".to_owned(),
            };
            Explained::new(
                "a text holds `: ` (a colon and a space), which YAML reads as a new key",
                help,
            )
        }
        INDENT_KEY | INDENT_DASH => Explained::new(
            "the indentation of this line, or of the line above it, does not match the lines around them",
            "indent with spaces, two for each level: the keys of one entry start in the same \
             column, and each `- ` of a list too",
        ),
        NOT_A_BOOL => {
            let value = code
                .get(usize::try_from(column).unwrap_or(1).saturating_sub(1)..)
                .unwrap_or("")
                .trim();
            let key = code
                .split_once(':')
                .map_or("", |(k, _)| k.trim_start().trim_start_matches("- "));
            let bare = value.trim_matches(['"', '\'']);
            let meant = match bare.to_lowercase().as_str() {
                "ja" | "j" | "sand" | "y" | "1" => Some("true"),
                "nej" | "n" | "falsk" | "0" => Some("false"),
                _ => None,
            };
            let help = match meant {
                Some(meant) if !key.is_empty() => format!("write `{key}: {meant}`"),
                _ => "write `true` or `false` (or `yes` or `no`)".to_owned(),
            };
            Explained::new(
                format!("`{value}` is not a yes or no that YAML knows (they are in English)"),
                help,
            )
        }
        _ => explained,
    }
}

/// The messages that have no kind: our own (dates and times, which carry their help after
/// [`HELP_MARK`]) and the scanner's.
fn explain_message(raw: &str) -> Explained {
    let raw = match raw.rfind(" at line ") {
        Some(i) => &raw[..i],
        None => raw,
    };
    if let Some((message, help)) = raw.split_once(HELP_MARK) {
        return Explained::new(message, help);
    }
    if raw.starts_with("unclosed quote") {
        return Explained::new(
            "a quoted text is never closed",
            "end the text with the same quote mark it starts with",
        );
    }
    if raw.starts_with("tabs disallowed") {
        return Explained::new(
            "a tab is used for indentation",
            "YAML indents with spaces; replace the tab with spaces",
        );
    }
    // The scanner's own nesting limit, below the budget's depth for flow collections.
    if raw.starts_with("recursion limit exceeded") {
        return refused(Refusal::Depth);
    }
    if raw.starts_with("invalid type: ") {
        return Explained {
            message: raw.to_owned(),
            help: None,
        };
    }
    Explained {
        message: format!("invalid YAML: {raw}"),
        help: None,
    }
}

/// Parses a file inherited from a committee above, once per run for each name and content: the
/// hundreds of folders below HU share its roadmap and findings, and a copy costs a fraction of
/// a parse. Keyed by the file's name and an xxh3 of its text, so a changed file is parsed
/// again. Errors are not kept: each folder reports its own.
pub(crate) fn parse_shared<T>(name: &str, text: &str) -> Result<T, Box<Diagnostic>>
where
    T: serde::de::DeserializeOwned + Clone + Send + Sync + 'static,
{
    use std::any::Any;
    use std::collections::HashMap;
    use std::sync::{Arc, Mutex, OnceLock};
    type Memo = Mutex<HashMap<(&'static str, String, u128), Arc<dyn Any + Send + Sync>>>;
    static MEMO: OnceLock<Memo> = OnceLock::new();
    let memo = MEMO.get_or_init(Memo::default);
    let key = (
        std::any::type_name::<T>(),
        name.to_owned(),
        xxhash_rust::xxh3::xxh3_128(text.as_bytes()),
    );
    let known = memo
        .lock()
        .ok()
        .and_then(|m| m.get(&key).cloned())
        .and_then(|v| v.downcast_ref::<T>().cloned());
    if let Some(value) = known {
        return Ok(value);
    }
    let value = parse::<T>(name, text)?;
    if let Ok(mut m) = memo.lock() {
        m.insert(key, Arc::new(value.clone()));
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Programme, Roadmap};

    fn problem(text: &str) -> Diagnostic {
        match parse::<Roadmap>("roadmap.yaml", text) {
            Ok(_) => panic!("parsed: {text}"),
            Err(d) => *d,
        }
    }

    #[test]
    fn an_unknown_field_suggests_the_nearest_and_lists_them_all() {
        let d = problem("version: 1\nid: r\ntitel: x\n");
        assert_eq!((d.line, d.column), (3, 1));
        assert_eq!(d.message, "unknown field `titel`");
        assert_eq!(
            d.help.as_deref(),
            Some(
                "did you mean `title`? The fields here are `version`, `id`, `title`, `forums`, `activities`"
            )
        );
    }

    #[test]
    fn a_key_written_twice_is_named() {
        let d = problem("version: 1\nid: r\nid: s\ntitle: x\n");
        assert_eq!(d.message, "the key `id` appears twice in the same mapping");
    }

    #[test]
    fn an_alias_bomb_is_refused_by_kind() {
        let text = include_str!("../../tests/bad-input/alias-bomb.programme.yaml");
        let d = match parse::<Programme>("programme.yaml", text) {
            Ok(_) => panic!("parsed the alias bomb"),
            Err(d) => *d,
        };
        assert_eq!(
            d.message,
            "the file is refused: it uses more aliases (`*name`) than a data file needs (at most 1000)"
        );
    }

    #[test]
    fn deep_nesting_is_refused_by_kind() {
        let d = problem(include_str!(
            "../../tests/bad-input/deep-nesting-list.roadmap.yaml"
        ));
        assert_eq!(
            d.message,
            "the file is refused: it nests deeper than a data file needs (at most 64 levels)"
        );
    }
}
