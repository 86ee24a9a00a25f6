//! The action points of every referat, as list rows (`medtrio actions`): what, who, by
//! when, where each stands, and the meeting, forum and item it came from.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::Serialize;

use super::TextTable;
use crate::lang::Lang;
use crate::model::when::iso;
use crate::model::{Action, ActionStatus, AgendaItem, Catalog, Kind, When};
use crate::query::{Query, QueryError, fold};
use crate::report::doc::Block;

/// One action point, as the JSON contract and the CSV columns give it.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct ActionRow<'a> {
    pub id: &'a str,
    pub text: &'a str,
    pub owner: &'a str,
    /// The due date as precise as it is known (`2026-06`, `2026-Q3`, `2026-04-07`), or null.
    pub due: Option<String>,
    pub status: ActionStatus,
    /// The day it was done, `YYYY-MM-DD`, or null.
    pub done: Option<String>,
    /// Open, and its due date is past (against --today).
    pub overdue: bool,
    /// The meeting whose minutes hold it (an id).
    pub meeting: &'a str,
    pub meeting_title: &'a str,
    /// The day that meeting was held, `YYYY-MM-DD`, or null.
    pub meeting_date: Option<String>,
    pub forum: &'a str,
    pub forum_name: &'a str,
    /// The number of the agenda item it came from, or null.
    pub item: Option<u32>,
    pub item_title: Option<String>,
    pub story: Option<&'a str>,
    #[serde(skip)]
    pub due_when: When,
    #[serde(skip)]
    pub meeting_title_en: Option<&'a str>,
}

/// An action point as a document prints it: the agenda's follow-up, the referat, the
/// rollup, the index page and the week all list this one row, in this one table
/// ([`ActionLine::table`]).
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct ActionLine {
    pub id: String,
    pub text: String,
    pub owner: String,
    /// As data (`2026-06`, `2026-Q3`, `2026-04-07`), or null.
    pub due: Option<String>,
    /// "juni 2026"
    pub due_text: String,
    pub status: ActionStatus,
    /// Open on the day the document is read as of, and its due date is past.
    pub overdue: bool,
    /// "åben", "overskredet", "udført" …
    pub status_text: String,
    /// The meeting whose minutes hold it (an id).
    pub meeting: String,
    /// The day it was done, as data, or null.
    pub done: Option<String>,
}

impl ActionLine {
    /// The action point of `meeting`'s minutes, read as of `on` (overdue only then).
    pub fn of(action: &Action, meeting: &str, on: Option<NaiveDate>, lang: Lang) -> Self {
        let overdue = on.is_some_and(|day| action.overdue_on(day));
        ActionLine {
            id: action.id.value.clone(),
            text: action.text.value.clone(),
            owner: action.owner.value.clone(),
            due: action.due.is_known().then(|| action.due.to_string()),
            due_text: lang.when(*action.due),
            status: action.status,
            overdue,
            status_text: status_text(action.status, overdue, lang).to_owned(),
            meeting: meeting.to_owned(),
            done: action.done.as_ref().map(|d| d.to_string()),
        }
    }

    /// The line of a row of `medtrio actions`.
    pub fn of_row(row: &ActionRow<'_>, lang: Lang) -> Self {
        ActionLine {
            id: row.id.to_owned(),
            text: row.text.to_owned(),
            owner: row.owner.to_owned(),
            due: row.due.clone(),
            due_text: lang.when(row.due_when),
            status: row.status,
            overdue: row.overdue,
            status_text: status_text(row.status, row.overdue, lang).to_owned(),
            meeting: row.meeting.to_owned(),
            done: row.done.clone(),
        }
    }

    /// The action points as one table: what, who, by when, where it stands.
    pub fn table(lines: &[ActionLine], lang: Lang) -> Block {
        let w = lang.words();
        Block::Table {
            headers: [w.what, w.who, w.by_when, w.status]
                .map(str::to_owned)
                .to_vec(),
            rows: lines
                .iter()
                .map(|a| {
                    vec![
                        a.text.clone(),
                        a.owner.clone(),
                        a.due_text.clone(),
                        a.status_text.clone(),
                    ]
                })
                .collect(),
        }
    }
}

/// Where an action point stands, in words: overdue, else its status.
fn status_text(status: ActionStatus, overdue: bool, lang: Lang) -> &'static str {
    if overdue {
        lang.words().overdue
    } else {
        lang.action_status(status)
    }
}

/// The filters only action points have.
#[derive(Clone, Debug, Default)]
pub struct ActionFilter {
    /// Text in the owner, regardless of case and accents.
    pub owner: Option<String>,
    pub open: bool,
    pub done: bool,
}

/// The action points of every referat that match, by due date (the undated last), then by
/// the day of their meeting.
pub fn actions<'a>(
    catalog: &Catalog<'a>,
    query: &Query,
    filter: &ActionFilter,
    today: NaiveDate,
) -> Result<Vec<ActionRow<'a>>, QueryError> {
    query.check_applies_to(Kind::Action)?;
    let owner = filter.owner.as_deref().map(fold);
    let mut rows = Vec::new();
    for minutes in &catalog.data.minutes {
        let meeting = minutes.meeting.as_str();
        let held = catalog.held_day(minutes);
        let forum = catalog.forum_of(meeting);
        let items = catalog.numbered_items(meeting);
        for action in &minutes.actions {
            let keep = (!filter.open || action.status == ActionStatus::Open)
                && (!filter.done || action.status == ActionStatus::Done)
                && owner
                    .as_deref()
                    .is_none_or(|o| fold(&action.owner).contains(o))
                && query.matches_action(catalog, meeting, action);
            if !keep {
                continue;
            }
            let item = action.item.as_ref().map(|i| i.value);
            rows.push(ActionRow {
                id: &action.id,
                text: &action.text,
                owner: &action.owner,
                due: action.due.is_known().then(|| action.due.to_string()),
                status: action.status,
                done: action.done.as_ref().and_then(|d| d.day()).map(iso),
                overdue: action.overdue_on(today),
                meeting,
                meeting_title: catalog.title_of(meeting),
                meeting_date: held.map(iso),
                forum: forum.unwrap_or(""),
                forum_name: forum.map_or("", |f| catalog.forum_name(f)),
                item,
                item_title: item.and_then(|n| item_title(items.as_deref(), n)),
                story: action.story.as_deref(),
                due_when: *action.due,
                meeting_title_en: catalog.title_en_of(meeting),
            });
        }
    }
    rows.sort_by(|a, b| {
        (a.due_when.sort_key(), &a.meeting_date).cmp(&(b.due_when.sort_key(), &b.meeting_date))
    });
    Ok(rows)
}

/// The title of item `number` of the agenda, as the referat numbers it. The follow-up item
/// that medtrio inserts has its Danish title, the language of the data.
fn item_title(items: Option<&[Option<&AgendaItem>]>, number: u32) -> Option<String> {
    let index = usize::try_from(number).ok()?.checked_sub(1)?;
    match items?.get(index)? {
        Some(item) => Some(item.title.value.clone()),
        None => Some(Lang::Da.words().follow_up.to_owned()),
    }
}

/// The rows as a table for people: what, who, by when, where it stands, and the meeting.
pub fn display_table(rows: &[ActionRow<'_>], lang: Lang) -> TextTable {
    let w = lang.words();
    TextTable {
        headers: [w.id, w.action, w.owner, w.due, w.status, w.meeting]
            .map(str::to_owned)
            .to_vec(),
        rows: rows
            .iter()
            .map(|r| {
                let status = status_text(r.status, r.overdue, lang);
                vec![
                    r.id.to_owned(),
                    r.text.to_owned(),
                    r.owner.to_owned(),
                    lang.when(r.due_when),
                    status.to_owned(),
                    lang.prefer(r.meeting_title, r.meeting_title_en).to_owned(),
                ]
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn action(yaml: &str) -> Action {
        crate::load::parse::<Action>("action.yaml", yaml).unwrap()
    }

    #[test]
    fn a_line_is_overdue_only_as_of_a_day_and_says_so_in_its_status() {
        let due_may = action("id: a\ntext: Skriv reglen ned\nowner: TR\ndue: 2026-05\n");
        let june = NaiveDate::from_ymd_opt(2026, 6, 1);
        let line = ActionLine::of(&due_may, "lmu-april", june, Lang::Da);
        assert!(line.overdue);
        assert_eq!(
            (
                line.due.as_deref(),
                line.due_text.as_str(),
                line.status_text.as_str()
            ),
            (Some("2026-05"), "maj 2026", "overskredet")
        );
        assert_eq!(line.meeting, "lmu-april");
        // Without a day (the referat), nothing is overdue: it is what its status says.
        let line = ActionLine::of(&due_may, "lmu-april", None, Lang::En);
        assert!(!line.overdue);
        assert_eq!(line.status_text, "open");
        let done =
            action("id: b\ntext: t\nowner: o\ndue: 2026-05\nstatus: done\ndone: 2026-05-20\n");
        let line = ActionLine::of(&done, "lmu-april", june, Lang::Da);
        assert_eq!(
            (
                line.overdue,
                line.status_text.as_str(),
                line.done.as_deref()
            ),
            (false, "udført", Some("2026-05-20"))
        );
    }

    #[test]
    fn the_one_table_has_what_who_by_when_and_status() {
        let a = action("id: a\ntext: Skriv reglen ned\nowner: TR\n");
        let line = ActionLine::of(&a, "m", None, Lang::Da);
        let Block::Table { headers, rows } = ActionLine::table(&[line], Lang::Da) else {
            panic!("a table");
        };
        assert_eq!(headers, ["Hvad", "Hvem", "Hvornår", "Status"]);
        assert_eq!(
            rows,
            [["Skriv reglen ned", "TR", "meldes ud senere", "åben"]]
        );
    }
}
