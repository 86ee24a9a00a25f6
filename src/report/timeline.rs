//! The roadmap as a picture: quarters across, forums down, each activity a bar over its
//! quarters, marked done, now or coming against today.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::lang::Lang;
use crate::model::{Catalog, Quarter};

#[derive(Clone, Debug, Serialize)]
pub struct Timeline {
    /// Number of quarter columns.
    pub columns: usize,
    pub quarters: Vec<QuarterHead>,
    pub rows: Vec<ForumRow>,
    /// Activities without a date, which have no place on the timeline.
    pub undated: Vec<Bar>,
    /// Where today is, when it is on the timeline.
    pub today: Option<TodayMark>,
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
    /// Activities packed so that none overlap within a lane.
    pub lanes: Vec<Vec<Bar>>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Bar {
    pub id: String,
    pub title: String,
    pub when: String,
    /// First quarter column (1-based) and the column after the last.
    pub start: usize,
    pub end: usize,
    /// `done`, `now` or `coming`.
    pub state: &'static str,
    pub state_text: &'static str,
    /// The agenda's file name, for activities that are meetings.
    pub agenda: Option<String>,
}

/// Quarters from `first`'s quarter to `date`'s, 0-based.
fn column_of(first: NaiveDate, date: NaiveDate) -> usize {
    let quarter = |d: NaiveDate| d.year() * 4 + d.month0() as i32 / 3;
    usize::try_from(quarter(date) - quarter(first)).unwrap_or(0)
}

pub fn timeline(catalog: &Catalog<'_>, today: NaiveDate, lang: Lang) -> Timeline {
    let d = catalog.data;
    let spans: Vec<(NaiveDate, NaiveDate)> = d
        .roadmap
        .activities
        .iter()
        .filter_map(|a| a.date.days())
        .collect();
    let (Some(first), Some(last)) = (
        spans.iter().map(|s| s.0).min(),
        spans.iter().map(|s| s.1).max(),
    ) else {
        return Timeline {
            columns: 0,
            quarters: Vec::new(),
            rows: Vec::new(),
            undated: Vec::new(),
            today: None,
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
    let bar = |a: &crate::model::RoadmapActivity| {
        let w = lang.words();
        let (state, state_text) = match a.date.days() {
            Some((_, end)) if end < today => ("done", w.done),
            Some((start, _)) if start <= today => ("now", w.now),
            _ => ("coming", w.coming),
        };
        let (start, end) = a.date.days().map_or((0, 0), |(s, e)| {
            (column_of(first, s) + 1, column_of(first, e) + 2)
        });
        Bar {
            id: a.id.value.clone(),
            title: a.title.value.clone(),
            when: lang.when(*a.date),
            start,
            end,
            state,
            state_text,
            agenda: a
                .is_meeting()
                .then(|| format!("agendas/{}.html", a.id.value)),
        }
    };
    let mut rows = Vec::new();
    for forum in &d.roadmap.forums {
        let mut bars: Vec<Bar> = d
            .roadmap
            .activities
            .iter()
            .filter(|a| a.forum_id() == Some(forum.id.as_str()) && a.date.is_known())
            .map(|a| bar(a))
            .collect();
        if bars.is_empty() {
            continue;
        }
        bars.sort_by_key(|b| (b.start, b.end));
        let mut lanes: Vec<Vec<Bar>> = Vec::new();
        for b in bars {
            match lanes
                .iter_mut()
                .find(|lane| lane.last().is_none_or(|l| l.end <= b.start))
            {
                Some(lane) => lane.push(b),
                None => lanes.push(vec![b]),
            }
        }
        rows.push(ForumRow {
            forum: forum.name.value.clone(),
            lanes,
        });
    }
    let undated = d
        .roadmap
        .activities
        .iter()
        .filter(|a| !a.date.is_known())
        .map(|a| bar(a))
        .collect();
    let today = (today >= first && today <= last).then(|| {
        let q = Quarter::of(today);
        let length = (q.last_day() - q.first_day()).num_days() + 1;
        let into = (today - q.first_day()).num_days();
        TodayMark {
            column: column_of(first, today) + 1,
            percent: u32::try_from(into * 100 / length).unwrap_or(0),
        }
    });
    Timeline {
        columns,
        quarters,
        rows,
        undated,
        today,
    }
}
