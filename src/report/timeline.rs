//! The roadmap as a picture: quarters across, forums down, each activity and meeting a bar
//! over its quarters, marked held, past, now or coming against today. Past is only past: an
//! activity is "held" only when the data records it so.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::lang::Lang;
use crate::model::{Catalog, Quarter, Status, When};
use crate::report::state::State;

/// The rows and the list by quarter can be long (every meeting of the programme is a bar), so
/// they are shared, not serialized with the rest: the HTML renderer hands them to the template
/// one row at a time, and the list by quarter holds the same bars as the rows.
#[derive(Clone, Debug, Serialize)]
pub struct Timeline {
    /// Number of quarter columns.
    pub columns: usize,
    pub quarters: Vec<QuarterHead>,
    #[serde(skip)]
    pub rows: Arc<Vec<ForumRow>>,
    /// Activities and meetings without a date, which have no place on the timeline.
    pub undated: Vec<Bar>,
    /// Where today is, when it is on the timeline.
    pub today: Option<TodayMark>,
    /// The same bars as a list by quarter, for narrow screens.
    #[serde(skip)]
    pub by_quarter: Arc<Vec<QuarterList>>,
}

#[derive(Clone, Debug, Serialize)]
pub struct QuarterHead {
    pub label: String,
    /// Its column, 1-based.
    pub column: usize,
}

/// Today's column and how far into that quarter today is, in percent.
#[derive(Clone, Debug, Serialize)]
pub struct TodayMark {
    pub column: usize,
    pub percent: u32,
}

#[derive(Clone, Debug, Serialize)]
pub struct ForumRow {
    pub forum: String,
    /// Bars packed so that none overlap within a lane.
    pub lanes: Vec<Vec<Arc<Bar>>>,
}

#[derive(Clone, Debug, Serialize)]
pub struct QuarterList {
    pub label: String,
    pub bars: Vec<Arc<Bar>>,
}

/// One activity or meeting on the timeline. There is one for every meeting, so the texts that
/// repeat are shared (the forum) or made when the page reads them (the agenda's link).
#[derive(Clone, Debug)]
pub struct Bar {
    pub id: String,
    pub title: String,
    /// The forum, for the list by quarter.
    pub forum: Arc<str>,
    pub when: String,
    /// First quarter column (1-based) and the column after the last.
    pub start: usize,
    pub end: usize,
    /// `held`, `past`, `now`, `coming` or `cancelled`.
    pub state: State,
    pub state_text: &'static str,
    /// Whether it is a meeting (drawn as a mark) rather than an activity.
    pub meeting: bool,
    /// Whether it has an agenda, and so a link to it.
    pub has_agenda: bool,
}

impl Bar {
    /// The agenda's file name, for what has an agenda.
    pub fn agenda(&self) -> Option<String> {
        self.has_agenda.then(|| format!("agendas/{}.html", self.id))
    }
}

impl Serialize for Bar {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Fields<'a> {
            id: &'a str,
            title: &'a str,
            forum: &'a str,
            when: &'a str,
            start: usize,
            end: usize,
            state: State,
            state_text: &'static str,
            meeting: bool,
            agenda: Option<String>,
        }
        Fields {
            id: &self.id,
            title: &self.title,
            forum: &self.forum,
            when: &self.when,
            start: self.start,
            end: self.end,
            state: self.state,
            state_text: self.state_text,
            meeting: self.meeting,
            agenda: self.agenda(),
        }
        .serialize(s)
    }
}

/// Quarters from `first`'s quarter to `date`'s, 0-based.
fn column_of(first: NaiveDate, date: NaiveDate) -> usize {
    let quarter = |d: NaiveDate| d.year() * 4 + d.month0() as i32 / 3;
    usize::try_from(quarter(date) - quarter(first)).unwrap_or(0)
}

/// One thing to draw: a roadmap activity or a meeting of the programme.
struct Thing<'a> {
    id: &'a str,
    title: &'a str,
    forum: Option<&'a str>,
    date: When,
    status: Status,
    meeting: bool,
    has_agenda: bool,
}

fn things<'a>(catalog: &Catalog<'a>) -> Vec<Thing<'a>> {
    let d = catalog.data;
    let activities = d.roadmap.activities.iter().map(|a| Thing {
        id: &a.id,
        title: &a.title,
        forum: a.forum_id(),
        date: a.current_date(),
        status: catalog.activity_status(a),
        meeting: false,
        has_agenda: a.is_meeting(),
    });
    let meetings = d.programme.meetings.iter().map(|m| Thing {
        id: &m.id,
        title: &m.title,
        forum: m.forum_id(),
        date: *m.date,
        status: catalog.meeting_status(m),
        meeting: true,
        has_agenda: true,
    });
    activities.chain(meetings).collect()
}

pub fn timeline<'a>(catalog: &Catalog<'a>, today: NaiveDate, lang: Lang) -> Timeline {
    let w = lang.words();
    let things = things(catalog);
    let spans: Vec<(NaiveDate, NaiveDate)> = things.iter().filter_map(|t| t.date.days()).collect();
    let (Some(first), Some(last)) = (
        spans.iter().map(|s| s.0).chain([today]).min(),
        spans.iter().map(|s| s.1).chain([today]).max(),
    ) else {
        return Timeline {
            columns: 0,
            quarters: Vec::new(),
            rows: Arc::default(),
            undated: Vec::new(),
            today: None,
            by_quarter: Arc::default(),
        };
    };
    let first = Quarter::of(first).first_day();
    let last = Quarter::of(last).last_day();
    let columns = column_of(first, last) + 1;
    let mut quarters = Vec::new();
    let mut q = Quarter::of(first);
    while q.first_day() <= last {
        quarters.push(QuarterHead {
            label: lang.quarter(q),
            column: column_of(first, q.first_day()) + 1,
        });
        match q.next() {
            Some(next) => q = next,
            None => break,
        }
    }
    let programme_row = catalog
        .data
        .programme
        .meetings_heading
        .as_deref()
        .unwrap_or(w.meetings);
    let row_of = |t: &Thing<'a>| -> &'a str {
        match t.forum {
            Some(f) => catalog.forum_name(f),
            None if t.meeting => programme_row,
            None => w.no_forum,
        }
    };
    // Each forum's name once, shared by its bars.
    let mut forum_names: HashMap<&str, Arc<str>> = HashMap::new();
    let mut bar = |t: &Thing<'a>| {
        let state = State::of(t.status, t.date, today);
        let state_text = state.word(lang);
        let (start, end) = t.date.days().map_or((0, 0), |(s, e)| {
            (column_of(first, s) + 1, column_of(first, e) + 2)
        });
        Bar {
            id: t.id.to_owned(),
            title: t.title.to_owned(),
            forum: forum_names
                .entry(row_of(t))
                .or_insert_with_key(|name| Arc::from(*name))
                .clone(),
            when: lang.when(t.date),
            start,
            end,
            state,
            state_text,
            meeting: t.meeting,
            has_agenda: t.has_agenda,
        }
    };
    // Rows in the order of the fora, then the programme's meetings, then what has no forum;
    // each dated thing goes to its row in one pass.
    let mut names: Vec<&str> = catalog
        .data
        .roadmap
        .forums
        .iter()
        .map(|f| f.name.value.as_str())
        .collect();
    names.push(programme_row);
    names.push(w.no_forum);
    let mut by_row: HashMap<&str, Vec<Arc<Bar>>> = HashMap::new();
    for t in things.iter().filter(|t| t.date.is_known()) {
        by_row.entry(row_of(t)).or_default().push(Arc::new(bar(t)));
    }
    let mut rows = Vec::new();
    for name in names {
        // A name met twice (two fora of one name) has its row already.
        let Some(mut bars) = by_row.remove(name) else {
            continue;
        };
        bars.sort_by_key(|b| (b.start, b.end));
        rows.push(ForumRow {
            forum: name.to_owned(),
            lanes: pack(bars),
        });
    }
    let undated = things
        .iter()
        .filter(|t| !t.date.is_known())
        .map(bar)
        .collect();
    let by_quarter: Vec<QuarterList> = quarters
        .iter()
        .map(|q| QuarterList {
            label: q.label.clone(),
            bars: rows
                .iter()
                .flat_map(|r| r.lanes.iter().flatten())
                .filter(|b| b.start == q.column)
                .cloned()
                .collect(),
        })
        .filter(|q| !q.bars.is_empty())
        .collect();
    let q = Quarter::of(today);
    let length = (q.last_day() - q.first_day()).num_days() + 1;
    let into = (today - q.first_day()).num_days();
    Timeline {
        columns,
        quarters,
        rows: Arc::new(rows),
        undated,
        today: Some(TodayMark {
            column: column_of(first, today) + 1,
            percent: u32::try_from(into * 100 / length).unwrap_or(0),
        }),
        by_quarter: Arc::new(by_quarter),
    }
}

/// Packs bars into lanes so that none overlap within one.
fn pack(bars: Vec<Arc<Bar>>) -> Vec<Vec<Arc<Bar>>> {
    let mut lanes: Vec<Vec<Arc<Bar>>> = Vec::new();
    for b in bars {
        match lanes
            .iter_mut()
            .find(|lane| lane.last().is_none_or(|l| l.end <= b.start))
        {
            Some(lane) => lane.push(b),
            None => lanes.push(vec![b]),
        }
    }
    lanes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::example;

    #[test]
    fn a_past_activity_with_nothing_recorded_is_past_not_done() {
        let data = example();
        let catalog = Catalog::new(&data);
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let t = timeline(&catalog, today, Lang::Da);
        let apv = t
            .rows
            .iter()
            .flat_map(|r| r.lanes.iter().flatten())
            .find(|b| b.id == "apv-2026")
            .unwrap();
        assert_eq!(
            (apv.state, apv.state_text),
            (State::Past, "forbi, intet registreret")
        );
    }

    #[test]
    fn the_timeline_reaches_today_and_every_dated_meeting() {
        let data = example();
        let catalog = Catalog::new(&data);
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let t = timeline(&catalog, today, Lang::Da);
        assert_eq!(t.quarters.last().unwrap().label, "4. kvartal 2026");
        assert!(t.today.is_some());
        let ids: Vec<&str> = t
            .rows
            .iter()
            .flat_map(|r| r.lanes.iter().flatten())
            .map(|b| b.id.as_str())
            .collect();
        assert!(
            ids.contains(&"lmu-oktober") && ids.contains(&"personalemoede"),
            "{ids:?}"
        );
        let cancelled = t
            .rows
            .iter()
            .flat_map(|r| r.lanes.iter().flatten())
            .find(|b| b.id == "lmu-oktober")
            .unwrap();
        assert_eq!(cancelled.state, State::Cancelled);
    }
}
