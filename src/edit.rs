//! Edits of a data file's text that keep it as its author wrote it: comments, key order,
//! quoting and blank lines stay, and only the values changed differ. Pure: text in, text
//! out; `cmd/write.rs` checks the result and puts it on disk.
//!
//! The editing is `yaml-edit`'s (a lossless syntax tree); the values medtrio writes are
//! spelled here, in the data files' own style: texts and dates in double quotes, with
//! æ, ø and å as they are (yaml-edit would escape them), ids and words of the format plain.

use std::str::FromStr;

use yaml_edit::{Document, Mapping, Sequence, YamlNode};

/// Why an edit could not be made.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    #[error("`{file}` is not YAML that medtrio can edit: {why}")]
    Parse { file: String, why: String },
    #[error("`{file}` has no {what}")]
    Missing { file: String, what: String },
}

/// A value to write.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// A text, or a date: written in double quotes.
    Text(String),
    /// An id, a number, a word of the format (`approved`, `true`): written as it is.
    Plain(String),
    /// A list of texts on one line: `["Leder", "TR"]`.
    Texts(Vec<String>),
    /// A mapping, one key a line.
    Map(Vec<(String, Value)>),
    /// A list of mappings, one item a block.
    Maps(Vec<Vec<(String, Value)>>),
}

impl Value {
    pub fn text(s: impl Into<String>) -> Value {
        Value::Text(s.into())
    }
    pub fn plain(s: impl Into<String>) -> Value {
        Value::Plain(s.into())
    }
}

/// A text in double quotes, escaping only what YAML requires.
pub fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}') => {
                out.push_str(&format!("\\u{:04X}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The value as YAML text at the start of a line (a mapping or list of mappings) or after
/// `key: ` (the rest).
fn spell(value: &Value, indent: usize, out: &mut String) {
    let pad = " ".repeat(indent);
    match value {
        Value::Text(s) => out.push_str(&quoted(s)),
        Value::Plain(s) => out.push_str(s),
        Value::Texts(list) => {
            out.push('[');
            out.push_str(
                &list
                    .iter()
                    .map(|s| quoted(s))
                    .collect::<Vec<_>>()
                    .join(", "),
            );
            out.push(']');
        }
        Value::Map(entries) => {
            for (key, v) in entries {
                out.push_str(&pad);
                spell_entry(key, v, indent, out);
            }
        }
        Value::Maps(maps) => {
            for entries in maps {
                let mut first = true;
                for (key, v) in entries {
                    out.push_str(&pad);
                    out.push_str(if first { "- " } else { "  " });
                    first = false;
                    spell_entry(key, v, indent + 2, out);
                }
            }
        }
    }
}

fn spell_entry(key: &str, v: &Value, indent: usize, out: &mut String) {
    out.push_str(key);
    out.push(':');
    match v {
        Value::Map(e) if !e.is_empty() => {
            out.push('\n');
            spell(v, indent + 2, out);
        }
        Value::Maps(m) if !m.is_empty() => {
            out.push('\n');
            spell(v, indent + 2, out);
        }
        Value::Map(_) => out.push_str(" {}\n"),
        Value::Maps(_) => out.push_str(" []\n"),
        _ => {
            out.push(' ');
            spell(v, indent, out);
            out.push('\n');
        }
    }
}

/// The value as a node of the syntax tree, spelled as [`spell`] spells it.
fn node(value: &Value) -> Option<YamlNode> {
    let mut text = String::new();
    match value {
        Value::Map(_) | Value::Maps(_) => spell(value, 0, &mut text),
        _ => {
            text.push_str("v: ");
            spell(value, 0, &mut text);
            text.push('\n');
        }
    }
    let doc = Document::from_str(&text).ok()?;
    match value {
        Value::Map(_) => doc.as_mapping().map(YamlNode::Mapping),
        Value::Maps(_) => doc.as_sequence().map(YamlNode::Sequence),
        _ => doc.as_mapping()?.get("v"),
    }
}

/// A data file being edited.
pub struct Edit {
    file: String,
    doc: Document,
}

/// A mapping in the file: the file's top level, a meeting, an action point.
#[derive(Clone)]
pub struct Map(Mapping);

impl Edit {
    /// Reads `text`, the contents of `file` (its name, for messages).
    pub fn parse(file: &str, text: &str) -> Result<Edit, EditError> {
        let doc = Document::from_str(text).map_err(|e| EditError::Parse {
            file: file.to_owned(),
            why: e.to_string(),
        })?;
        Ok(Edit {
            file: file.to_owned(),
            doc,
        })
    }

    /// The text as it is now.
    pub fn text(&self) -> String {
        self.doc.to_string()
    }

    fn missing(&self, what: impl Into<String>) -> EditError {
        EditError::Missing {
            file: self.file.clone(),
            what: what.into(),
        }
    }

    /// The top-level mapping.
    pub fn root(&self) -> Result<Map, EditError> {
        self.doc
            .as_mapping()
            .map(Map)
            .ok_or_else(|| self.missing("mapping at its top level"))
    }

    /// The mapping with `id: ID` in the list `list` of the top level (a meeting in
    /// `meetings`, an action point in `actions`).
    pub fn entry(&self, list: &str, id: &str) -> Result<Map, EditError> {
        let seq = self
            .root()?
            .0
            .get_sequence(list)
            .ok_or_else(|| self.missing(format!("list `{list}`")))?;
        find_by_id(&seq, id).ok_or_else(|| self.missing(format!("`{id}` in `{list}`")))
    }
}

fn find_by_id(seq: &Sequence, id: &str) -> Option<Map> {
    seq.values().find_map(|v| {
        let m = v.as_mapping()?.clone();
        let matches = m
            .get("id")
            .and_then(|v| v.as_scalar().map(|s| s.as_string()))
            .is_some_and(|v| v == id);
        matches.then_some(Map(m))
    })
}

impl Map {
    /// Sets `key` to `value`: in place when the key is there, else right after the first of
    /// `after` that is there, else at the end.
    pub fn set(&self, key: &str, value: &Value, after: &[&str]) {
        let Some(node) = node(value) else {
            return;
        };
        if self.0.contains_key(key) {
            self.0.set(key, node);
            return;
        }
        match after.iter().rev().find(|k| self.0.contains_key(**k)) {
            Some(k) => {
                self.0.insert_after(*k, key, node);
            }
            None => self.0.set(key, node),
        }
    }

    /// Removes `key`, when it is there.
    pub fn remove(&self, key: &str) {
        let _ = self.0.remove(key);
    }

    /// Whether `key` is there.
    pub fn has(&self, key: &str) -> bool {
        self.0.contains_key(key)
    }

    /// Inserts a mapping into the list at `key` (which must be a block list) at `index`.
    pub fn insert_into(&self, key: &str, index: usize, entries: Vec<(String, Value)>) -> bool {
        let Some(seq) = self.0.get_sequence(key) else {
            return false;
        };
        let Some(YamlNode::Sequence(one)) = node(&Value::Maps(vec![entries])) else {
            return false;
        };
        let Some(item) = one.get(0) else {
            return false;
        };
        if index >= seq.len() {
            seq.push(item);
        } else {
            seq.insert(index, item);
        }
        true
    }
}

/// An agenda item as the data files write it.
pub fn item_entries(item: &crate::model::AgendaItem) -> Vec<(String, Value)> {
    let mut e = vec![("title".to_owned(), Value::text(&*item.title.value))];
    if let Some(kind) = item.kind {
        e.push(("type".into(), Value::plain(kind.as_str())));
    }
    e.push((
        "minutes".into(),
        Value::plain(item.minutes.value.to_string()),
    ));
    let mut text = |key: &str, v: &Option<String>| {
        if let Some(v) = v {
            e.push((key.into(), Value::text(v)));
        }
    };
    text("lead", &item.lead);
    text("recommendation", &item.recommendation);
    text("notes", &item.notes);
    if !item.prompts.is_empty() {
        let ids: Vec<&str> = item.prompts.iter().map(|p| p.as_str()).collect();
        e.push((
            "prompts".into(),
            Value::plain(format!("[{}]", ids.join(", "))),
        ));
    }
    if let Some(cycle) = &item.cycle {
        e.push(("cycle".into(), Value::plain(cycle.as_str())));
    }
    if !item.attachments.is_empty() {
        let files = item
            .attachments
            .iter()
            .map(|a| {
                let mut f = vec![("file".to_owned(), Value::text(&a.file))];
                if let Some(t) = &a.title {
                    f.push(("title".into(), Value::text(t)));
                }
                f
            })
            .collect();
        e.push(("attachments".into(), Value::Maps(files)));
    }
    // An item frozen from a template stays confidential: without this, the public version
    // of the issued agenda would print it.
    if item.confidential {
        e.push(("confidential".into(), Value::plain("true")));
    }
    text_of(&mut e, "confidential_reason", &item.confidential_reason);
    if let Some(role) = item.role {
        e.push(("role".into(), Value::plain(role.as_str())));
    }
    e
}

fn text_of(e: &mut Vec<(String, Value)>, key: &str, v: &Option<String>) {
    if let Some(v) = v {
        e.push((key.into(), Value::text(v)));
    }
}

/// A date or period as the data files write it: `"2026-12-01"`.
pub fn when(w: &crate::model::When) -> Value {
    Value::text(w.to_string())
}

/// `issued:` of a meeting.
pub fn issued(issued: &crate::model::Issued) -> Value {
    let mut e = vec![("date".to_owned(), when(&issued.date))];
    if let Some(a) = &issued.approves {
        e.push((
            "approves".into(),
            Value::Map(vec![
                ("meeting".into(), Value::plain(a.meeting.as_str())),
                ("date".into(), when(&a.date)),
            ]),
        ));
    }
    if !issued.actions.is_empty() {
        let actions = issued
            .actions
            .iter()
            .map(|a| {
                let mut e = vec![
                    ("id".to_owned(), Value::plain(a.id.as_str())),
                    ("text".into(), Value::text(&a.text)),
                    ("owner".into(), Value::text(&a.owner)),
                ];
                if a.due.is_known() {
                    e.push(("due".into(), when(&a.due)));
                }
                e.push(("meeting".into(), Value::plain(a.meeting.as_str())));
                if let Some(done) = &a.done {
                    e.push(("done".into(), when(done)));
                }
                e
            })
            .collect();
        e.push(("actions".into(), Value::Maps(actions)));
    }
    Value::Map(e)
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINUTES: &str = r#"# yaml-language-server: $schema=../../../schemas/minutes.schema.json
# Referat: LMU-møde i april
version: 1
meeting: lmu-april
status: draft
present: ["Leder", "TR", "AMR"]

chair: "Leder"
items:
  - item: 1
    title: "Godkendelse af dagsorden"   # the first
    decision: "Dagsordenen blev godkendt."
actions:
  - id: april-stoej
    text: "Tilføj støj i garderoben"
    owner: "AMR"
    due: "2026-12"
    item: 1
  - id: april-to
    text: "Noget andet"
    owner: 'TR'
"#;

    fn changed_lines(before: &str, after: &str) -> (Vec<String>, Vec<String>) {
        let diff = similar::TextDiff::from_lines(before, after);
        let mut removed = Vec::new();
        let mut added = Vec::new();
        for change in diff.iter_all_changes() {
            match change.tag() {
                similar::ChangeTag::Delete => removed.push(change.value().to_owned()),
                similar::ChangeTag::Insert => added.push(change.value().to_owned()),
                similar::ChangeTag::Equal => {}
            }
        }
        (removed, added)
    }

    /// An item frozen by `agenda --issue` from a template keeps what the public version
    /// must withhold.
    #[test]
    fn a_frozen_confidential_item_stays_confidential() {
        let item = crate::model::AgendaItem {
            title: crate::model::Located::new("Omstrukturering".to_owned()),
            confidential: true,
            confidential_reason: Some("Ikke meldt ud".to_owned()),
            ..Default::default()
        };
        let entries = item_entries(&item);
        assert!(entries.contains(&("confidential".to_owned(), Value::plain("true"))));
        assert!(entries.contains(&(
            "confidential_reason".to_owned(),
            Value::text("Ikke meldt ud")
        )));
    }

    #[test]
    fn a_scalar_set_in_place_changes_its_line_only() {
        let edit = Edit::parse("m.yaml", MINUTES).unwrap();
        edit.root()
            .unwrap()
            .set("status", &Value::plain("approved"), &[]);
        let (removed, added) = changed_lines(MINUTES, &edit.text());
        assert_eq!(removed, ["status: draft\n"]);
        assert_eq!(added, ["status: approved\n"]);
    }

    #[test]
    fn a_new_key_goes_after_the_key_named_and_a_mapping_is_a_block() {
        let edit = Edit::parse("m.yaml", MINUTES).unwrap();
        let root = edit.root().unwrap();
        root.set("status", &Value::plain("approved"), &[]);
        root.set(
            "approved",
            &Value::Map(vec![
                ("date".into(), Value::text("2026-12-01")),
                ("meeting".into(), Value::plain("lmu-december")),
            ]),
            &["meeting", "status"],
        );
        let text = edit.text();
        assert!(
            text.contains(
                "status: approved\napproved:\n  date: \"2026-12-01\"\n  meeting: lmu-december\npresent:"
            ),
            "{text}"
        );
        let (removed, _) = changed_lines(MINUTES, &text);
        assert_eq!(removed, ["status: draft\n"]);
    }

    #[test]
    fn an_action_is_found_by_id_and_danish_text_is_written_as_it_is() {
        let edit = Edit::parse("m.yaml", MINUTES).unwrap();
        let action = edit.entry("actions", "april-to").unwrap();
        action.set("status", &Value::plain("dropped"), &["due", "owner"]);
        action.set(
            "why",
            &Value::text("Ikke længere nødvendigt: \"støj\" er væk"),
            &["status"],
        );
        let (removed, added) = changed_lines(MINUTES, &edit.text());
        assert!(removed.is_empty(), "{removed:?}");
        assert_eq!(
            added,
            [
                "    status: dropped\n",
                "    why: \"Ikke længere nødvendigt: \\\"støj\\\" er væk\"\n"
            ]
        );
        assert!(
            Edit::parse("m.yaml", MINUTES)
                .unwrap()
                .entry("actions", "nope")
                .is_err()
        );
    }

    #[test]
    fn a_flow_list_is_replaced_on_its_line_and_an_item_inserted_into_a_block_list() {
        let edit = Edit::parse("m.yaml", MINUTES).unwrap();
        let root = edit.root().unwrap();
        root.set(
            "present",
            &Value::Texts(vec!["Leder".into(), "Pædagog".into()]),
            &[],
        );
        assert!(root.insert_into(
            "items",
            1,
            vec![
                ("item".into(), Value::plain("2")),
                ("title".into(), Value::text("Eventuelt")),
            ],
        ));
        let (removed, added) = changed_lines(MINUTES, &edit.text());
        assert_eq!(removed, ["present: [\"Leder\", \"TR\", \"AMR\"]\n"]);
        assert_eq!(
            added,
            [
                "present: [\"Leder\", \"Pædagog\"]\n",
                "  - item: 2\n",
                "    title: \"Eventuelt\"\n"
            ]
        );
    }

    #[test]
    fn a_list_of_mappings_under_a_new_key_is_indented_as_a_block() {
        let edit = Edit::parse("m.yaml", MINUTES).unwrap();
        let action = edit.entry("actions", "april-stoej").unwrap();
        action.set(
            "issued",
            &Value::Map(vec![
                ("date".into(), Value::text("2026-11-20")),
                (
                    "actions".into(),
                    Value::Maps(vec![vec![
                        ("id".into(), Value::plain("a-1")),
                        ("text".into(), Value::text("Gør det")),
                    ]]),
                ),
            ]),
            &["owner"],
        );
        let text = edit.text();
        assert!(
            text.contains(
                "    owner: \"AMR\"\n    issued:\n      date: \"2026-11-20\"\n      actions:\n        - id: a-1\n          text: \"Gør det\"\n    due:"
            ),
            "{text}"
        );
    }

    /// The example's minutes of March, as written by hand.
    const MARTS: &str = include_str!("../examples/havnekoebing/minutes/lmu-marts.yaml");

    proptest::proptest! {
        /// A write followed by a load gives the data meant, and leaves every other line of
        /// the file as it was.
        #[test]
        fn a_write_then_a_load_gives_what_was_meant_and_nothing_else(
            why in "[ -~æøåÆØÅ–»«\"\\\\:#\n]{1,60}",
            year in 2026i32..2030,
            month in 1u32..=12,
            which in 0usize..2,
            done in proptest::bool::ANY,
        ) {
            let id = ["marts-pausevagter", "marts-ugeplan"][which];
            let due = format!("{year}-{month:02}");
            let edit = Edit::parse("lmu-marts.yaml", MARTS).unwrap();
            let action = edit.entry("actions", id).unwrap();
            action.set("due", &Value::text(&due), &["owner"]);
            if done {
                action.set("status", &Value::plain("done"), &["owner", "due"]);
                action.set("done", &Value::text("2026-05-01"), &["status"]);
            } else {
                action.set("status", &Value::plain("dropped"), &["owner", "due"]);
                action.remove("done");
                action.set("why", &Value::text(&why), &["status"]);
            }
            let text = edit.text();
            let minutes: crate::model::Minutes = crate::load::parse("lmu-marts.yaml", &text).unwrap();
            let before: crate::model::Minutes = crate::load::parse("lmu-marts.yaml", MARTS).unwrap();
            let got = minutes.actions.iter().find(|a| a.id.as_str() == id).unwrap();
            proptest::prop_assert_eq!(got.due.to_string(), due);
            if done {
                proptest::prop_assert_eq!(got.status, crate::model::ActionStatus::Done);
                proptest::prop_assert_eq!(got.done.as_ref().map(|d| d.to_string()), Some("2026-05-01".to_owned()));
            } else {
                proptest::prop_assert_eq!(got.status, crate::model::ActionStatus::Dropped);
                proptest::prop_assert_eq!(got.why.as_deref(), Some(why.as_str()));
                proptest::prop_assert!(got.done.is_none());
            }
            // Everything else reads as before.
            let other = |m: &crate::model::Minutes| {
                (m.present.clone(), m.apologies.clone(), m.items.len(), m.approved.clone(),
                 m.actions.iter().filter(|a| a.id.as_str() != id).map(|a| (a.text.value.clone(), a.due.to_string(), a.status)).collect::<Vec<_>>())
            };
            proptest::prop_assert_eq!(other(&minutes), other(&before));
            // And every line but the action's status, due and done lines is as it was.
            let (removed, _) = changed_lines(MARTS, &text);
            for line in &removed {
                let key = line.trim_start().split(':').next().unwrap_or("");
                proptest::prop_assert!(
                    ["status", "due", "done"].contains(&key) && line.starts_with("    "),
                    "an unrelated line changed: {line:?}"
                );
            }
        }
    }
}
