//! The beslutningsprotokol: every decision of every referat, in date order, with the
//! meeting and the item, as list rows (`medtrio decisions --forum X`). A drøftelse's
//! conclusion and an item put off to a later meeting are part of the record too.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::Serialize;

use super::TextTable;
use crate::lang::Lang;
use crate::model::when::iso;
use crate::model::{Catalog, ItemMinutes, MinutesStatus};
use crate::query::{Query, QueryError};

/// What kind of outcome a row records.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DecisionKind {
    /// Beslutning, under a B item.
    Decision,
    /// Konklusion, under a D item.
    Conclusion,
    /// Udsat: the item was put off to a later meeting.
    Postponed,
}

/// One decision, as the JSON contract and the CSV columns give it.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct DecisionRow<'a> {
    /// The day of the meeting, `YYYY-MM-DD`.
    pub date: String,
    pub forum: &'a str,
    pub forum_name: &'a str,
    /// The meeting (an id).
    pub meeting: &'a str,
    pub meeting_title: &'a str,
    /// The item's number on the agenda.
    pub item: u32,
    pub item_title: Option<String>,
    pub kind: DecisionKind,
    /// What was decided or concluded; for a postponed item, the title of the meeting it goes to.
    pub text: String,
    /// For a postponed item, the meeting it goes to (an id), else null.
    pub postponed_to: Option<&'a str>,
    /// Whether the referat is still a draft or has been approved.
    pub minutes_status: MinutesStatus,
    #[serde(skip)]
    pub day: NaiveDate,
    /// The planned date of the meeting a postponed item goes to.
    #[serde(skip)]
    pub postponed_when: crate::model::When,
    #[serde(skip)]
    pub meeting_title_en: Option<&'a str>,
}

impl DecisionRow<'_> {
    /// Whether the row records the meeting's procedure, not a decision on its matters: the
    /// approval of the agenda or of the last referat. No HU reads a report of those.
    pub fn is_procedural(&self) -> bool {
        self.item_title.as_deref().is_some_and(is_procedural_item)
    }
}

/// Whether an item of this title is the meeting's procedure: "Godkendelse af dagsorden",
/// "Godkendelse af referat" (also "… af referatet fra sidste møde").
pub fn is_procedural_item(title: &str) -> bool {
    let title = crate::query::fold(title);
    ["godkendelse af dagsorden", "godkendelse af referat"]
        .iter()
        .any(|p| title.starts_with(p))
}

/// Every decision that matches, by date, then meeting, then item.
pub fn decisions<'a>(
    catalog: &Catalog<'a>,
    query: &Query,
) -> Result<Vec<DecisionRow<'a>>, QueryError> {
    query.check_applies_to_decisions()?;
    let mut rows = Vec::new();
    for minutes in &catalog.data.minutes {
        let meeting = minutes.meeting.as_str();
        let Some(day) = catalog.held_day(minutes) else {
            continue;
        };
        let forum = catalog.forum_of(meeting);
        let items = catalog.numbered_items(meeting);
        for said in &minutes.items {
            let number = said.item.value;
            let item_title = usize::try_from(number)
                .ok()
                .and_then(|n| n.checked_sub(1))
                .and_then(|i| items.as_ref()?.get(i).copied())
                .map(|item| match item {
                    Some(item) => item.title.value.clone(),
                    None => Lang::Da.words().follow_up.to_owned(),
                });
            for (kind, text, postponed_to) in outcomes(catalog, said) {
                let texts = [text.as_str(), item_title.as_deref().unwrap_or("")];
                if !query.matches_decision(catalog, meeting, day, &texts) {
                    continue;
                }
                rows.push(DecisionRow {
                    date: iso(day),
                    forum: forum.unwrap_or(""),
                    forum_name: forum.map_or("", |f| catalog.forum_name(f)),
                    meeting,
                    meeting_title: catalog.title_of(meeting),
                    item: number,
                    item_title: item_title.clone(),
                    kind,
                    text,
                    postponed_to,
                    minutes_status: *minutes.status,
                    day,
                    postponed_when: postponed_to
                        .map_or(crate::model::When::Unknown, |to| catalog.date_of(to)),
                    meeting_title_en: catalog.title_en_of(meeting),
                });
            }
        }
    }
    rows.sort_by(|a, b| (a.day, a.meeting, a.item).cmp(&(b.day, b.meeting, b.item)));
    Ok(rows)
}

/// What an item came to that belongs in the record: its decision, its conclusion, and
/// whether it was put off.
fn outcomes<'a>(
    catalog: &Catalog<'a>,
    said: &'a ItemMinutes,
) -> Vec<(DecisionKind, String, Option<&'a str>)> {
    let mut out = Vec::new();
    let text = |t: &Option<String>| t.as_ref().filter(|t| !t.trim().is_empty()).cloned();
    if let Some(d) = text(&said.decision) {
        out.push((DecisionKind::Decision, d, None));
    }
    if let Some(c) = text(&said.conclusion) {
        out.push((DecisionKind::Conclusion, c, None));
    }
    if let Some(to) = &said.postponed_to {
        let title = catalog.title_of(to).to_owned();
        out.push((DecisionKind::Postponed, title, Some(to.as_str())));
    }
    out
}

/// The rows as a table for people: the day, the forum (when there are several), the
/// meeting, the item, and what was decided.
pub fn display_table(rows: &[DecisionRow<'_>], lang: Lang) -> TextTable {
    let w = lang.words();
    let several_fora = rows.iter().any(|r| r.forum != rows[0].forum);
    let mut headers = vec![w.date];
    if several_fora {
        headers.push(w.forum);
    }
    headers.extend([w.meeting, w.item, w.kind, w.text]);
    TextTable {
        headers: headers.into_iter().map(str::to_owned).collect(),
        rows: rows
            .iter()
            .map(|r| {
                let (kind, text) = match r.kind {
                    DecisionKind::Decision => (w.decision, r.text.clone()),
                    DecisionKind::Conclusion => (w.conclusion, r.text.clone()),
                    DecisionKind::Postponed => {
                        let when = match r.postponed_when {
                            crate::model::When::Unknown => String::new(),
                            when => lang.when(when),
                        };
                        (w.postponed, lang.postponed_to(&r.text, &when))
                    }
                };
                let item = match &r.item_title {
                    Some(title) => format!("{}. {title}", r.item),
                    None => r.item.to_string(),
                };
                let mut row = vec![lang.short_date(r.day)];
                if several_fora {
                    row.push(r.forum_name.to_owned());
                }
                row.extend([
                    lang.prefer(r.meeting_title, r.meeting_title_en).to_owned(),
                    item,
                    kind.to_owned(),
                    text,
                ]);
                row
            })
            .collect(),
    }
}
