//! What each committee's minutes bring up to the committee above: its decisions and action
//! points (one group per committee), its good stories, and the prompts its agendas used.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

use super::coverage::own_meetings;
use super::{Committee, DecisionLine, PromptUse, Story};
use crate::lang::Lang;
use crate::model::When;
use crate::model::when::iso;
use crate::query::Query;
use crate::report::actions::{ActionFilter, ActionLine, actions};
use crate::report::decisions::decisions;

/// Whether the minutes of `meeting` are committee `c`'s own: of its forum, or of none.
fn own_minutes(c: &Committee<'_>, meeting: &str) -> bool {
    c.catalog.forum_of(meeting).is_none_or(|f| f == c.id)
}

/// The decisions of `c`'s own minutes that match `query`. The meetings' procedure (the
/// agenda and the last referat approved) is no news for the committee above.
pub(super) fn decisions_of(c: &Committee<'_>, query: &Query, lang: Lang) -> Vec<DecisionLine> {
    let Ok(found) = decisions(&c.catalog, query) else {
        return Vec::new();
    };
    found
        .into_iter()
        .filter(|d| own_minutes(c, d.meeting) && !d.is_procedural())
        .map(|d| DecisionLine {
            date_text: lang.long_date(d.day),
            date: d.date,
            meeting: d.meeting.to_owned(),
            meeting_title: d.meeting_title.to_owned(),
            item: d.item,
            item_title: d.item_title,
            kind: d.kind,
            text: d.text,
        })
        .collect()
}

/// The action points of `c`'s own minutes that match `query`, overdue as of `today`.
pub(super) fn actions_of(
    c: &Committee<'_>,
    query: &Query,
    today: NaiveDate,
    lang: Lang,
) -> Vec<ActionLine> {
    let Ok(found) = actions(&c.catalog, query, &ActionFilter::default(), today) else {
        return Vec::new();
    };
    found
        .iter()
        .filter(|a| own_minutes(c, a.meeting))
        .map(|a| ActionLine::of_row(a, lang))
        .collect()
}

/// The good stories of `c`'s own minutes of meetings that match `query`: from their items
/// and their action points.
pub(super) fn stories_of(c: &Committee<'_>, query: &Query, lang: Lang) -> Vec<Story> {
    let catalog = &c.catalog;
    let mut stories = Vec::new();
    for minutes in &catalog.data.minutes {
        let meeting = minutes.meeting.as_str();
        if !own_minutes(c, meeting) {
            continue;
        }
        let matches = match catalog.meeting(meeting) {
            Some(m) => query.matches_meeting(catalog, m),
            None => catalog
                .activity(meeting)
                .is_some_and(|a| query.matches_activity(catalog, a)),
        };
        if !matches {
            continue;
        }
        let day = catalog.held_day(minutes);
        let told = minutes
            .items
            .iter()
            .filter_map(|i| i.story.as_deref())
            .chain(minutes.actions.iter().filter_map(|a| a.story.as_deref()));
        for text in told.filter(|t| !t.trim().is_empty()) {
            stories.push(Story {
                committee: c.id.clone(),
                committee_name: catalog.forum_name(&c.id).to_owned(),
                meeting: meeting.to_owned(),
                meeting_title: catalog.title_of(meeting).to_owned(),
                date: day.map(iso),
                date_text: day.map_or_else(|| lang.when(When::Unknown), |d| lang.long_date(d)),
                text: text.to_owned(),
            });
        }
    }
    stories
}

/// The stories of every committee by day (the undated last), then committee and meeting.
pub(super) fn sort_stories(stories: &mut [Story]) {
    stories.sort_by(|a, b| {
        (a.date.is_none(), &a.date, &a.committee, &a.meeting).cmp(&(
            b.date.is_none(),
            &b.date,
            &b.committee,
            &b.meeting,
        ))
    });
}

/// How often each prompt is used in the agendas, as they are gathered: its text (in the
/// first committee's words that uses it), its uses, the committees that use it.
#[derive(Default)]
pub(super) struct PromptUses(BTreeMap<String, (String, usize, BTreeSet<String>)>);

impl PromptUses {
    /// Counts the prompts of the agendas of `c`'s own meetings that match `query`.
    pub(super) fn add(&mut self, c: &Committee<'_>, query: &Query, lang: Lang) {
        let catalog = &c.catalog;
        for m in own_meetings(c, query) {
            let Some(items) = catalog.agenda_items(&m.id) else {
                continue;
            };
            for item in items {
                for p in &item.prompts {
                    let text = catalog
                        .prompt(p)
                        .map(|p| lang.prefer(&p.text, p.text_en.as_deref()).to_owned())
                        .unwrap_or_default();
                    let e = self
                        .0
                        .entry(p.value.clone())
                        .or_insert_with(|| (text, 0, BTreeSet::new()));
                    e.1 += 1;
                    e.2.insert(c.id.clone());
                }
            }
        }
    }

    /// The prompts used, most used first, then by id.
    pub(super) fn into_list(self) -> Vec<PromptUse> {
        let mut prompts: Vec<PromptUse> = self
            .0
            .into_iter()
            .map(|(id, (text, count, committees))| PromptUse {
                id,
                text,
                count,
                committees: committees.into_iter().collect(),
            })
            .collect();
        prompts.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.id.cmp(&b.id)));
        prompts
    }
}
