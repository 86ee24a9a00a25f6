//! `medtrio diff`: what changed between two versions of the data, by id and field by field.

use serde::Serialize;
use serde_json::Value;

use crate::lang::Lang;
use crate::model::{Dataset, Kind, Status, When};
use crate::report::TextTable;
use crate::report::doc::{Block, Doc, Entry, Printable, Style};

/// The changes between two data sets, in the language they are described in.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(transparent)]
pub struct DiffReport {
    pub changes: Vec<Change>,
    #[serde(skip)]
    pub lang: Lang,
}

/// One thing that was added, removed or changed.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Change {
    pub kind: Kind,
    pub id: String,
    pub title: String,
    #[serde(flatten)]
    pub what: What,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "change", rename_all = "lowercase")]
pub enum What {
    Added,
    Removed,
    Changed { fields: Vec<FieldChange> },
}

/// One field's old and new value, as in the data (`null` when absent).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FieldChange {
    pub field: String,
    pub old: Value,
    pub new: Value,
}

/// Compares two data sets by id. Things keep the order of the new data; removals come last.
pub fn diff(old: &Dataset, new: &Dataset, lang: Lang) -> DiffReport {
    DiffReport {
        changes: changes(old, new),
        lang,
    }
}

fn changes(old: &Dataset, new: &Dataset) -> Vec<Change> {
    let mut changes = Vec::new();
    compare(
        &mut changes,
        Kind::Meeting,
        &old.programme.meetings,
        &new.programme.meetings,
        |m| (&m.id, &m.title),
    );
    compare(
        &mut changes,
        Kind::Activity,
        &old.roadmap.activities,
        &new.roadmap.activities,
        |a| (&a.id, &a.title),
    );
    compare(
        &mut changes,
        Kind::Template,
        &old.programme.templates,
        &new.programme.templates,
        |t| (&t.id, &t.title),
    );
    compare(
        &mut changes,
        Kind::Text,
        &old.programme.why,
        &new.programme.why,
        |w| (&w.id, &w.title),
    );
    let old_themes: Vec<_> = old
        .programme
        .themes
        .iter()
        .chain(&old.findings.themes)
        .cloned()
        .collect();
    let new_themes: Vec<_> = new
        .programme
        .themes
        .iter()
        .chain(&new.findings.themes)
        .cloned()
        .collect();
    compare(&mut changes, Kind::Theme, &old_themes, &new_themes, |t| {
        (&t.id, &t.title)
    });
    compare(
        &mut changes,
        Kind::Forum,
        &old.roadmap.forums,
        &new.roadmap.forums,
        |f| (&f.id, &f.name),
    );
    compare(
        &mut changes,
        Kind::Section,
        &old.findings.sections,
        &new.findings.sections,
        |s| (&s.id, &s.title),
    );
    compare(
        &mut changes,
        Kind::Finding,
        &old.findings.findings,
        &new.findings.findings,
        |f| (&f.id, &f.text),
    );
    compare(
        &mut changes,
        Kind::Prompt,
        &old.findings.prompts,
        &new.findings.prompts,
        |p| (&p.id, &p.text),
    );
    compare(
        &mut changes,
        Kind::Decision,
        &decisions(old),
        &decisions(new),
        |k| (&k.id, &k.title),
    );
    compare(
        &mut changes,
        Kind::Action,
        &actions(old),
        &actions(new),
        |k| (&k.id, &k.title),
    );
    changes
}

/// A value compared under a name of its own, e.g. what item 3 of a referat came to.
#[derive(Serialize)]
struct Keyed<'a, T> {
    #[serde(skip)]
    id: String,
    #[serde(skip)]
    title: String,
    #[serde(flatten)]
    value: &'a T,
}

/// What each item of each referat came to, named `MEETING#ITEM`.
fn decisions(data: &Dataset) -> Vec<Keyed<'_, crate::model::ItemMinutes>> {
    data.minutes
        .iter()
        .flat_map(|m| {
            m.items.iter().map(move |i| Keyed {
                id: format!("{}#{}", m.meeting.value, i.item.value),
                title: i.title.as_ref().map_or_else(
                    || format!("{} #{}", m.meeting.value, i.item.value),
                    |t| t.value.clone(),
                ),
                value: i,
            })
        })
        .collect()
}

/// Every action point of every referat, by its id.
fn actions(data: &Dataset) -> Vec<Keyed<'_, crate::model::Action>> {
    data.minutes
        .iter()
        .flat_map(|m| {
            m.actions.iter().map(|a| Keyed {
                id: a.id.value.clone(),
                title: a.text.value.clone(),
                value: a,
            })
        })
        .collect()
}

fn compare<T: Serialize>(
    out: &mut Vec<Change>,
    kind: Kind,
    old: &[T],
    new: &[T],
    key: impl Fn(&T) -> (&String, &String),
) {
    let old_by_id: std::collections::HashMap<&String, &T> =
        old.iter().map(|x| (key(x).0, x)).collect();
    let new_ids: std::collections::HashSet<&String> = new.iter().map(|x| key(x).0).collect();
    for item in new {
        let (id, title) = key(item);
        let change = |what| Change {
            kind,
            id: id.clone(),
            title: title.clone(),
            what,
        };
        match old_by_id.get(id) {
            None => out.push(change(What::Added)),
            Some(before) => {
                let fields = field_changes(&to_json(*before), &to_json(item));
                if !fields.is_empty() {
                    out.push(change(What::Changed { fields }));
                }
            }
        }
    }
    for item in old {
        let (id, title) = key(item);
        if !new_ids.contains(id) {
            out.push(Change {
                kind,
                id: id.clone(),
                title: title.clone(),
                what: What::Removed,
            });
        }
    }
}

fn to_json<T: Serialize>(value: &T) -> Value {
    serde_json::to_value(value).unwrap_or(Value::Null)
}

fn field_changes(old: &Value, new: &Value) -> Vec<FieldChange> {
    let (Value::Object(old), Value::Object(new)) = (old, new) else {
        return Vec::new();
    };
    let mut fields: Vec<&String> = new.keys().collect();
    fields.extend(old.keys().filter(|k| !new.contains_key(*k)));
    fields
        .into_iter()
        .filter_map(|field| {
            let before = old.get(field).cloned().unwrap_or(Value::Null);
            let after = new.get(field).cloned().unwrap_or(Value::Null);
            (before != after).then(|| FieldChange {
                field: field.clone(),
                old: before,
                new: after,
            })
        })
        .collect()
}

/// "ny dato: tirsdag den 3. marts 2026 (før: meldes ud senere)", or "aflyst".
pub fn describe_field(change: &FieldChange, lang: Lang) -> String {
    if change.field == "status" && change.new == Value::String(Status::Cancelled.as_str().into()) {
        return lang.status(Status::Cancelled).to_owned();
    }
    let new = describe_value(&change.field, &change.new, lang);
    let label = field_label(&change.field, lang);
    if change.old.is_null() {
        return format!("{label}: {new}");
    }
    let old = describe_value(&change.field, &change.old, lang);
    format!("{label}: {new} ({}: {old})", lang.words().was)
}

/// The field's name with the right form of "new": "ny dato", "nyt sted", "nye temaer".
fn field_label(field: &str, lang: Lang) -> String {
    match lang.new_field(field) {
        Some(label) => label.to_owned(),
        None => format!("{}: {field}", lang.words().changed),
    }
}

fn describe_value(field: &str, value: &Value, lang: Lang) -> String {
    match (field, value) {
        ("date" | "due", Value::Null) => lang.when(When::Unknown),
        ("date" | "due" | "done", Value::String(s)) => {
            s.parse().map_or_else(|_| s.clone(), |w: When| lang.when(w))
        }
        ("start" | "end", Value::String(s)) => chrono::NaiveTime::parse_from_str(s, "%H:%M")
            .map_or_else(|_| s.clone(), |t| lang.clock(t)),
        ("status", Value::String(s)) => match (s.parse::<Status>(), s.parse()) {
            (Ok(st), _) => lang.status(st).to_owned(),
            (_, Ok(action)) => lang.action_status(action).to_owned(),
            _ => s.clone(),
        },
        (_, Value::Null) => "–".to_owned(),
        (_, Value::String(s)) => s.clone(),
        (_, Value::Array(items)) if items.iter().all(Value::is_string) => items
            .iter()
            .filter_map(Value::as_str)
            .collect::<Vec<_>>()
            .join(", "),
        ("items", Value::Array(items)) => {
            format!("{} {}", items.len(), lang.words().agenda_items)
        }
        (_, other) => other.to_string(),
    }
}

/// The one-line summary of a change, in `lang`.
pub fn describe(change: &Change, lang: Lang) -> String {
    match &change.what {
        What::Added => lang.words().added.to_owned(),
        What::Removed => lang.words().removed.to_owned(),
        What::Changed { fields } => fields
            .iter()
            .map(|f| describe_field(f, lang))
            .collect::<Vec<_>>()
            .join("; "),
    }
}

impl DiffReport {
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }

    /// One row per change: id, title, what changed.
    pub fn display_table(&self) -> TextTable {
        let w = self.lang.words();
        TextTable {
            headers: [w.id, w.title, w.change].map(str::to_owned).to_vec(),
            rows: self
                .changes
                .iter()
                .map(|c| vec![c.id.clone(), c.title.clone(), describe(c, self.lang)])
                .collect(),
        }
    }
}

/// Markdown ready to paste into a newsletter such as Ugens Lederopgave: new, changed and
/// removed things under their headings.
impl Printable for DiffReport {
    fn doc(&self) -> Doc {
        let w = self.lang.words();
        let mut blocks = vec![Block::heading(w.changes)];
        if self.changes.is_empty() {
            blocks.push(Block::paragraph(Style::Plain, w.no_changes));
        }
        type Group = (&'static str, fn(&What) -> bool);
        let groups: [Group; 3] = [
            (w.new_things, |x| matches!(x, What::Added)),
            (w.changed_things, |x| matches!(x, What::Changed { .. })),
            (w.removed_things, |x| matches!(x, What::Removed)),
        ];
        for (heading, belongs) in groups {
            let entries: Vec<Entry> = self
                .changes
                .iter()
                .filter(|c| belongs(&c.what))
                .map(|c| Entry {
                    strong: true,
                    tail: match &c.what {
                        What::Changed { .. } => format!(": {}", describe(c, self.lang)),
                        _ => format!(" ({})", c.id),
                    },
                    ..Entry::new(&c.title)
                })
                .collect();
            if !entries.is_empty() {
                blocks.push(Block::paragraph(Style::Strong, format!("{heading}:")));
                blocks.push(Block::List {
                    numbered: false,
                    entries,
                });
            }
        }
        Doc {
            blocks,
            ..Doc::new(self.lang)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Located;
    use crate::report::example;

    #[test]
    fn a_new_date_and_a_cancellation_are_described_as_people_say_them() {
        let old = example();
        let mut new = old.clone();
        new.programme.meetings[1].value.date = Located::new("2026-04-14".parse().unwrap());
        new.programme.meetings[0].value.status = Status::Cancelled;
        let report = diff(&old, &new, Lang::Da);
        let described: Vec<String> = report
            .changes
            .iter()
            .map(|c| format!("{}: {}", c.id, describe(c, Lang::Da)))
            .collect();
        assert_eq!(
            described,
            [
                "lmu-marts: aflyst",
                "lmu-april: ny dato: tirsdag den 14. april 2026 (før: tirsdag den 7. april 2026)"
            ]
        );
    }

    #[test]
    fn a_changed_decision_and_a_done_action_point_are_described() {
        let old = example();
        let mut new = old.clone();
        let marts = &mut new.minutes[1].value;
        assert_eq!(marts.meeting.as_str(), "lmu-marts");
        marts.items[2].decision = Some("LMU prøver pausevagter i april og maj.".into());
        let april = &mut new.minutes[0].value;
        april.actions[0].status = crate::model::ActionStatus::Done;
        april.actions[0].done = Some(Located::new("2026-11-20".parse().unwrap()));
        let report = diff(&old, &new, Lang::Da);
        let described: Vec<String> = report
            .changes
            .iter()
            .map(|c| format!("{} {}: {}", c.kind, c.id, describe(c, Lang::Da)))
            .collect();
        assert_eq!(
            described,
            [
                "decision lmu-marts#3: ny beslutning: LMU prøver pausevagter i april og maj. (før: LMU prøver faste pausevagter på de travle dage i april.)",
                "action april-stoej: ny status: udført (før: åben); udført: fredag den 20. november 2026"
            ]
        );
    }

    #[test]
    fn added_and_removed_things_come_with_their_kind() {
        let old = example();
        let mut new = old.clone();
        let removed = new.programme.meetings.remove(3);
        let report = diff(&old, &new, Lang::En);
        let change = &report.changes[0];
        assert_eq!(
            (change.kind, change.id.as_str(), &change.what),
            (Kind::Meeting, removed.id.as_str(), &What::Removed)
        );
        assert!(diff(&old, &old, Lang::En).is_empty());
    }
}
