//! The check of confidential items: that a confidential item's title is not repeated in a
//! field of the same meeting that the public version prints (a title repeated under
//! "Meddelelser", an action point of another item that names it).

use std::collections::HashSet;

use super::Checker;
use crate::load::FileKind;
use crate::model::{Catalog, Pos};

/// A confidential title shorter than this is too common a phrase to warn of ("Personale").
const MIN_TITLE_CHARS: usize = 8;

/// A field the public version prints, where a confidential title may have been repeated.
struct Field<'t> {
    file: FileKind,
    pos: Pos,
    /// "item 3's notes", "the decision of item 4", "action point `april-stoej`".
    place: String,
    text: &'t str,
}

impl Checker<'_> {
    pub(super) fn check_confidential(&mut self) {
        let d = &self.loaded.dataset;
        if !d.has_confidential() {
            return;
        }
        let catalog = Catalog::new(d);
        let provenance = &self.loaded.provenance;
        let mut found = Vec::new();
        for (meeting, file) in d.programme.meetings.iter().zip(&provenance.meetings) {
            let Some(numbered) = catalog.numbered_items(&meeting.id) else {
                continue;
            };
            let closed: Vec<(usize, &str)> = numbered
                .iter()
                .enumerate()
                .filter_map(|(i, item)| {
                    item.filter(|item| item.confidential)
                        .map(|item| (i + 1, item.title.as_str().trim()))
                })
                .filter(|(_, title)| title.chars().count() >= MIN_TITLE_CHARS)
                .collect();
            if closed.is_empty() {
                continue;
            }
            let closed_numbers: HashSet<u32> = closed.iter().map(|(n, _)| *n as u32).collect();
            let mut fields = vec![Field {
                file: *file,
                pos: meeting.title.pos,
                place: "the meeting's title".to_owned(),
                text: &meeting.title,
            }];
            if let Some(notes) = &meeting.notes {
                fields.push(Field {
                    file: *file,
                    pos: meeting.pos,
                    place: "the meeting's notes".to_owned(),
                    text: notes,
                });
            }
            for (i, item) in numbered.iter().enumerate() {
                let Some(item) = item.filter(|item| !item.confidential) else {
                    continue;
                };
                let n = i + 1;
                let pos = item.title.pos;
                fields.push(Field {
                    file: *file,
                    pos,
                    place: format!("the title of item {n}"),
                    text: &item.title,
                });
                for (what, text) in [
                    ("recommendation", &item.recommendation),
                    ("notes", &item.notes),
                ] {
                    if let Some(text) = text {
                        fields.push(Field {
                            file: *file,
                            pos,
                            place: format!("the {what} of item {n}"),
                            text,
                        });
                    }
                }
            }
            if let Some((i, minutes)) = d
                .minutes
                .iter()
                .enumerate()
                .find(|(_, m)| m.meeting.value == meeting.id.value)
            {
                let mfile = FileKind::Minutes(i);
                for item in &minutes.items {
                    let n = item.item.value;
                    if closed_numbers.contains(&n) {
                        continue;
                    }
                    let said = [
                        ("decision", item.decision.as_deref()),
                        ("conclusion", item.conclusion.as_deref()),
                        ("note", item.note.as_deref()),
                        ("story", item.story.as_deref()),
                    ];
                    let statements = item
                        .statements
                        .iter()
                        .map(|s| ("protokoltilførsel", Some(s.text.as_str())));
                    for (what, text) in said.into_iter().chain(statements) {
                        if let Some(text) = text {
                            fields.push(Field {
                                file: mfile,
                                pos: item.item.pos,
                                place: format!("the {what} of item {n} in the minutes"),
                                text,
                            });
                        }
                    }
                }
                for action in &minutes.actions {
                    if action
                        .item
                        .as_ref()
                        .is_some_and(|n| closed_numbers.contains(&n.value))
                    {
                        continue;
                    }
                    fields.push(Field {
                        file: mfile,
                        pos: action.text.pos,
                        place: format!("action point `{}`", action.id.value),
                        text: &action.text,
                    });
                }
            }
            for field in &fields {
                let text = field.text.to_lowercase();
                for (n, title) in &closed {
                    if text.contains(&title.to_lowercase()) {
                        found.push((
                            field.file,
                            field.pos,
                            format!(
                                "the title of confidential item {n} of `{}` (`{title}`) is repeated in {}, which the public version prints",
                                meeting.id.value, field.place
                            ),
                        ));
                    }
                }
            }
        }
        for (file, pos, message) in found {
            self.warning(
                file,
                pos,
                message,
                "reword it there, or move what it says into the confidential item".to_owned(),
            );
        }
    }
}
