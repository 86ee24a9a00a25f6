//! The facilitator's week: the first thing to read on a Monday. The meetings of the coming
//! weeks, the item deadlines and send-out days that fall in them, the action points due or
//! overdue, the tasks of the annual cycle this month that no meeting covers yet, and the
//! minutes still in draft. Sections with nothing in them are left out.

use chrono::{Datelike, NaiveDate, TimeDelta};
use serde::Serialize;

use crate::lang::Lang;
use crate::model::{ActionStatus, Catalog, MinutesStatus, Status};
use crate::query::Query;
use crate::report::actions::ActionLine;
use crate::report::cycle::{covers, in_month, rules_in_month};
use crate::report::doc::{Block, Doc, Entry, Printable, Style, Text};

#[derive(Clone, Debug, Serialize)]
pub struct Week {
    pub lang: Lang,
    /// The Monday the overview starts, and the Sunday it ends.
    pub from: String,
    pub to: String,
    /// "uge 49–50 2026"
    pub title: String,
    pub meetings: Vec<WeekMeeting>,
    pub deadlines: Vec<WeekDeadline>,
    pub actions: Vec<ActionLine>,
    pub cycle: Vec<WeekRule>,
    pub drafts: Vec<WeekDraft>,
    /// Committee meetings of the last [`MISSING_MINUTES_WEEKS`] weeks that are over, were not
    /// cancelled, and have no referat.
    pub missing_minutes: Vec<WeekDraft>,
}

/// How far back `week` looks for a held meeting without a referat.
pub const MISSING_MINUTES_WEEKS: i64 = 12;

#[derive(Clone, Debug, Serialize)]
pub struct WeekMeeting {
    pub id: String,
    pub title: String,
    pub forum: Option<String>,
    pub date: String,
    /// "tirsdag den 8. december 2026 (uge 50), kl. 13.00–14.30, Personalerummet"
    pub when_text: String,
    pub cancelled: bool,
}

#[derive(Clone, Debug, Serialize)]
pub struct WeekDeadline {
    pub date: String,
    /// "Frist for punkter" or "Udsendes".
    pub what: String,
    pub meeting: String,
    pub text: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct WeekRule {
    pub rule: String,
    pub title: String,
    pub forum: String,
    /// For a task of an earlier month whose meeting was cancelled: where it must move.
    pub moved: Option<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct WeekDraft {
    pub meeting: String,
    pub title: String,
    pub date_text: String,
    /// The last day for the members' comments, from the forum's `comments_working_days`:
    /// "fredag den 17. april 2026"; null without the rule.
    pub comments_due: Option<String>,
    /// Whether that day is past, so that the referat is due to be marked approved.
    pub approve_now: bool,
}

/// The overview of `weeks` weeks from the Monday of `today`'s week.
pub fn week(
    catalog: &Catalog<'_>,
    query: &Query,
    today: NaiveDate,
    weeks: u32,
    lang: Lang,
) -> Week {
    let monday = today - TimeDelta::days(i64::from(today.weekday().num_days_from_monday()));
    let sunday = monday + TimeDelta::days(i64::from(weeks.max(1)) * 7 - 1);
    let in_period = |d: NaiveDate| d >= monday && d <= sunday;
    let d = catalog.data;
    let forum_ok = |forum: Option<&str>| forum.is_none_or(|f| query.matches_forum(catalog, f));
    let w = lang.words();

    let mut meetings = Vec::new();
    let mut deadlines = Vec::new();
    for m in d.programme.meetings.iter().map(|m| &m.value) {
        if !forum_ok(m.forum_id()) {
            continue;
        }
        let Some(day) = m.date.day() else { continue };
        let forum = m.forum_id().map(|f| catalog.forum_name(f).to_owned());
        if in_period(day) {
            let mut when = vec![lang.when_with_week(*m.date)];
            if let (Some(s), Some(e)) = (&m.start, &m.end) {
                when.push(lang.time_span(s.0, e.0));
            } else if let Some(s) = &m.start {
                when.push(lang.clock(s.0));
            }
            when.extend(m.place.clone());
            meetings.push(WeekMeeting {
                id: m.id.value.clone(),
                title: lang.prefer(&m.title, m.title_en.as_deref()).to_owned(),
                forum: forum.clone(),
                date: day.to_string(),
                when_text: when.join(", "),
                cancelled: catalog.meeting_status(m) == Status::Cancelled,
            });
        }
        if catalog.meeting_status(m) == Status::Cancelled || day < today {
            continue;
        }
        let due = catalog.deadlines_of(m);
        for (date, what, phrase) in [
            (due.items_due, w.items_due, w.week_items_due),
            (due.agenda_out, w.agenda_out, w.week_agenda_out),
        ] {
            if let Some(date) = date.filter(|d| in_period(*d)) {
                deadlines.push(WeekDeadline {
                    date: date.to_string(),
                    what: what.to_owned(),
                    meeting: m.id.value.clone(),
                    text: format!(
                        "{}: {} – {phrase}",
                        lang.long_date(date),
                        lang.prefer(&m.title, m.title_en.as_deref())
                    ),
                });
            }
        }
    }
    meetings.sort_by(|a, b| a.date.cmp(&b.date));
    deadlines.sort_by(|a, b| a.date.cmp(&b.date));

    let mut actions = Vec::new();
    for minutes in d.minutes.iter().map(|m| &m.value) {
        let meeting = catalog.meeting(&minutes.meeting);
        if !forum_ok(meeting.and_then(|m| m.forum_id())) {
            continue;
        }
        for a in minutes
            .actions
            .iter()
            .filter(|a| a.status == ActionStatus::Open)
        {
            // Due within the weeks shown, or in a month (or quarter) that has begun by then:
            // "december 2026" is due this month from 1 December.
            let Some((first, _)) = a.due.days() else {
                continue;
            };
            if first > sunday {
                continue;
            }
            actions.push(ActionLine::of(a, &minutes.meeting, Some(today), lang));
        }
    }
    actions.sort_by(|a, b| (!a.overdue, &a.due).cmp(&(!b.overdue, &b.due)));

    let mut cycle = Vec::new();
    // This month's meetings by forum, found once for every forum and task.
    let mut this_month: std::collections::HashMap<&str, Vec<&crate::model::Meeting>> =
        std::collections::HashMap::new();
    if d.cycle.is_some() {
        for m in d.programme.meetings.iter().map(|m| &m.value) {
            if let Some(forum) = m.forum_id()
                && in_month(*m.date, today.year(), today.month())
            {
                this_month.entry(forum).or_default().push(m);
            }
        }
    }
    for forum in d.roadmap.forums.iter().map(|f| &f.value) {
        if !query.matches_forum(catalog, &forum.id) {
            continue;
        }
        for rule in rules_in_month(catalog, forum, today.year(), today.month()) {
            let covered = this_month
                .get(forum.id.as_str())
                .is_some_and(|ms| ms.iter().any(|m| covers(catalog, m, &rule.id)));
            if !covered {
                cycle.push(WeekRule {
                    rule: rule.id.value.clone(),
                    title: lang
                        .prefer(&rule.title, rule.title_en.as_deref())
                        .to_owned(),
                    forum: forum.name.value.clone(),
                    moved: None,
                });
            }
        }
    }
    // Tasks of earlier months whose meeting was cancelled and that no meeting has taken up
    // since: a cancelled meeting's tasks are not lost.
    if d.cycle.is_some() {
        let year = crate::report::cycle::cycle(catalog, query, today.year(), today, lang);
        for e in year
            .entries
            .iter()
            .filter(|e| e.cancelled && e.month < today.month())
        {
            cycle.push(WeekRule {
                rule: e.rule.clone(),
                title: e.title.clone(),
                forum: e.forum_name.clone(),
                moved: e.gap.clone(),
            });
        }
    }

    let drafts = d
        .minutes
        .iter()
        .map(|m| &m.value)
        .filter(|m| *m.status == MinutesStatus::Draft)
        .filter_map(|m| {
            let meeting = catalog.meeting(&m.meeting)?;
            let due = catalog.deadlines_of(meeting).comments_due;
            forum_ok(meeting.forum_id()).then(|| WeekDraft {
                meeting: m.meeting.value.clone(),
                title: lang
                    .prefer(&meeting.title, meeting.title_en.as_deref())
                    .to_owned(),
                date_text: lang.when(*meeting.date),
                comments_due: due.map(|d| lang.long_date(d)),
                approve_now: due.is_some_and(|d| d < today),
            })
        })
        .collect();

    Week {
        lang,
        from: monday.to_string(),
        to: sunday.to_string(),
        title: lang.week_span(monday, sunday),
        meetings,
        deadlines,
        actions,
        cycle,
        drafts,
        missing_minutes: missing_minutes(catalog, &forum_ok, today, lang),
    }
}

/// The committee meetings of the last weeks that are over and have no referat.
fn missing_minutes(
    catalog: &Catalog<'_>,
    forum_ok: &dyn Fn(Option<&str>) -> bool,
    today: NaiveDate,
    lang: Lang,
) -> Vec<WeekDraft> {
    let since = today - TimeDelta::weeks(MISSING_MINUTES_WEEKS);
    let mut out: Vec<(NaiveDate, WeekDraft)> = catalog
        .data
        .programme
        .meetings
        .iter()
        .map(|m| &m.value)
        .filter(|m| m.forum_id().is_some() && forum_ok(m.forum_id()))
        .filter(|m| catalog.meeting_status(m) != Status::Cancelled)
        .filter(|m| catalog.minutes_of(&m.id).is_none())
        .filter_map(|m| {
            let day = m.date.day().filter(|d| *d < today && *d >= since)?;
            Some((
                day,
                WeekDraft {
                    meeting: m.id.value.clone(),
                    title: lang.prefer(&m.title, m.title_en.as_deref()).to_owned(),
                    date_text: lang.when(*m.date),
                    comments_due: None,
                    approve_now: false,
                },
            ))
        })
        .collect();
    out.sort_by_key(|(day, _)| *day);
    out.into_iter().map(|(_, d)| d).collect()
}

impl Week {
    pub fn is_empty(&self) -> bool {
        self.meetings.is_empty()
            && self.deadlines.is_empty()
            && self.actions.is_empty()
            && self.cycle.is_empty()
            && self.drafts.is_empty()
            && self.missing_minutes.is_empty()
    }
}

impl Printable for Week {
    fn doc(&self) -> Doc {
        let w = self.lang.words();
        let mut blocks = Vec::new();
        let list = |entries: Vec<Entry>| Block::List {
            numbered: false,
            entries,
        };
        if self.is_empty() {
            blocks.push(Block::paragraph(
                Style::Plain,
                self.lang.nothing_this_week(&self.title),
            ));
        }
        if !self.meetings.is_empty() {
            blocks.push(Block::heading(w.week_meetings));
            blocks.push(list(
                self.meetings
                    .iter()
                    .map(|m| Entry {
                        strong: true,
                        tail: if m.cancelled {
                            format!(" – {}", self.lang.status(Status::Cancelled).to_uppercase())
                        } else {
                            String::new()
                        },
                        notes: vec![Text::plain(match &m.forum {
                            Some(f) => format!("{f} · {}", m.when_text),
                            None => m.when_text.clone(),
                        })],
                        ..Entry::new(&m.title)
                    })
                    .collect(),
            ));
        }
        if !self.deadlines.is_empty() {
            blocks.push(Block::heading(w.week_deadlines));
            blocks.push(list(
                self.deadlines.iter().map(|d| Entry::new(&d.text)).collect(),
            ));
        }
        if !self.actions.is_empty() {
            blocks.push(Block::heading(w.week_actions));
            blocks.push(list(
                self.actions
                    .iter()
                    .map(|a| Entry {
                        strong: a.overdue,
                        notes: vec![Text::new(
                            Style::Small,
                            format!(
                                "{}: {} · {}: {}{}",
                                w.owner,
                                a.owner,
                                w.due,
                                a.due_text,
                                if a.overdue {
                                    format!(" ({})", w.overdue)
                                } else {
                                    String::new()
                                }
                            ),
                        )],
                        ..Entry::new(&a.text)
                    })
                    .collect(),
            ));
        }
        if !self.cycle.is_empty() {
            blocks.push(Block::heading(w.week_cycle));
            blocks.push(list(
                self.cycle
                    .iter()
                    .map(|r| match &r.moved {
                        Some(moved) => Entry::new(moved),
                        None => Entry::new(self.lang.cycle_no_meeting(&r.title, &r.forum)),
                    })
                    .collect(),
            ));
        }
        if !self.missing_minutes.is_empty() {
            blocks.push(Block::heading(w.minutes_missing));
            blocks.push(list(
                self.missing_minutes
                    .iter()
                    .map(|d| Entry::new(format!("{} ({})", d.title, d.date_text)))
                    .collect(),
            ));
        }
        if !self.drafts.is_empty() {
            blocks.push(Block::heading(w.week_drafts));
            blocks.push(list(
                self.drafts
                    .iter()
                    .map(|d| {
                        let mut text = format!("{} ({})", d.title, d.date_text);
                        if let Some(due) = &d.comments_due {
                            text.push_str(&format!(" · {} {due}", w.comments_due));
                        }
                        if d.approve_now {
                            text.push_str(&format!(
                                " · {}: medtrio approve {}",
                                w.week_approve_now, d.meeting
                            ));
                        }
                        Entry::new(text)
                    })
                    .collect(),
            ));
        }
        Doc {
            kind: w.week_heading.to_owned(),
            title: self.title.clone(),
            blocks,
            ..Doc::new(self.lang)
        }
    }
}
