//! The year's annual cycle against the meetings: for each rule of `cycle.yaml`, in each month
//! it falls, the meeting of each forum it applies to that covers it, or that none does; and the
//! year drawn as a wheel.
//!
//! A meeting covers a rule when one of its items (its own or its template's) names the rule
//! (`cycle: apv`). A rule that falls once a year is covered by such a meeting in that year; a
//! rule that falls in several months needs one in each.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::lang::Lang;
use crate::model::{Catalog, Course, Forum, Level, Meeting, Rule, When};
use crate::query::Query;
use crate::report::TextTable;
use crate::report::doc::{Block, Doc, Entry, NoticeLevel, Printable, Style, Text};
use crate::report::training::{self, TrainingState};

/// The year's cycle.
#[derive(Clone, Debug, Serialize)]
pub struct CycleReport {
    pub lang: Lang,
    pub year: i32,
    /// The fora the rules apply to, innermost ring first.
    pub forums: Vec<ForumRing>,
    /// Each rule in each month it falls, for each forum it applies to, in month order.
    pub entries: Vec<CycleEntry>,
    /// The rules, numbered as the wheel marks them.
    pub rules: Vec<RuleOut>,
    /// The tasks without a meeting, and the AMR courses past their deadline with none recorded.
    pub missing: usize,
    /// Of those, the AMR courses past their deadline with none recorded.
    pub overdue_training: usize,
    pub wheel: Wheel,
}

#[derive(Clone, Debug, Serialize)]
pub struct ForumRing {
    pub id: String,
    pub name: String,
    pub level: Level,
}

#[derive(Clone, Debug, Serialize)]
pub struct RuleOut {
    pub number: usize,
    pub id: String,
    pub title: String,
    pub basis: Option<String>,
    pub example: bool,
}

#[derive(Clone, Debug, Serialize, schemars::JsonSchema)]
pub struct CycleEntry {
    pub rule: String,
    /// The rule's number in the legend.
    pub number: usize,
    pub title: String,
    pub forum: String,
    pub forum_name: String,
    /// 1 to 12.
    pub month: u32,
    /// "marts" or "2. kvartal".
    pub when_text: String,
    /// `covered` or `missing`; an AMR course whose deadline is ahead is `open`.
    pub status: &'static str,
    pub status_text: String,
    pub meeting: Option<CoverOut>,
    /// "Den årlige arbejdsmiljødrøftelse, oktober 2027: intet møde i LMU Havnen", when missing.
    pub gap: Option<String>,
    /// Whether the task is missing because the meeting that would have covered it was
    /// cancelled: it must move to a later meeting.
    #[serde(skip)]
    pub cancelled: bool,
}

#[derive(Clone, Debug, Serialize, schemars::JsonSchema)]
pub struct CoverOut {
    pub id: String,
    pub title: String,
    pub date_text: String,
}

/// Which months a rule entry spans.
struct Span {
    months: Vec<u32>,
    /// Whether it is the rule's only time in the year (then any covering meeting of the year
    /// counts).
    once: bool,
    text: String,
}

/// The rule's entries in a year: one per month it falls in, or one for its quarter.
fn spans(rule: &Rule, year: i32, lang: Lang) -> Vec<Span> {
    let when = &rule.when.value;
    if !when.falls_in_year(year) {
        return Vec::new();
    }
    if when.months.is_empty() {
        return match &when.quarter {
            Some(q) if (1..=4).contains(&q.value) => vec![Span {
                months: when.months(),
                once: true,
                text: lang.quarter(crate::model::Quarter {
                    year,
                    number: u8::try_from(q.value).unwrap_or(1),
                }),
            }],
            _ => Vec::new(),
        };
    }
    let months = when.months();
    let once = months.len() == 1;
    months
        .into_iter()
        .filter(|m| (1..=12).contains(m))
        .map(|m| Span {
            months: vec![m],
            once,
            text: format!("{} {year}", lang.month_name(m)),
        })
        .collect()
}

/// The fora a rule applies to: its own, and those of its levels; all fora when it names none.
fn applies<'a>(rule: &Rule, forums: &'a [crate::model::Located<Forum>]) -> Vec<&'a Forum> {
    forums
        .iter()
        .map(|f| &f.value)
        .filter(|f| {
            (rule.levels.is_empty() && rule.forums.is_empty())
                || rule.levels.contains(&f.level)
                || rule.forums.iter().any(|id| id.as_str() == f.id.as_str())
        })
        .collect()
}

/// Whether the meeting has an item that covers `rule`: its own items, or its template's.
pub fn covers(catalog: &Catalog<'_>, meeting: &Meeting, rule: &str) -> bool {
    let names = |items: &[crate::model::Located<crate::model::AgendaItem>]| {
        items
            .iter()
            .any(|i| i.cycle.as_ref().is_some_and(|c| c.as_str() == rule))
    };
    if !meeting.items.is_empty() {
        return names(&meeting.items);
    }
    meeting
        .template
        .as_ref()
        .and_then(|t| catalog.template(t))
        .is_some_and(|t| names(&t.items))
}

/// The days a month or a set of months of `year` spans.
fn days(year: i32, months: &[u32]) -> Option<(NaiveDate, NaiveDate)> {
    let first = NaiveDate::from_ymd_opt(year, *months.first()?, 1)?;
    let last_month = *months.last()?;
    let next = if last_month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)?
    } else {
        NaiveDate::from_ymd_opt(year, last_month + 1, 1)?
    };
    Some((first, next.pred_opt()?))
}

pub fn cycle(
    catalog: &Catalog<'_>,
    query: &Query,
    year: i32,
    today: NaiveDate,
    lang: Lang,
) -> CycleReport {
    let w = lang.words();
    let d = catalog.data;
    let rules: Vec<&Rule> = d
        .cycle
        .iter()
        .flat_map(|c| c.rules.iter().map(|r| &r.value))
        .collect();
    let forums: Vec<&Forum> = d
        .roadmap
        .forums
        .iter()
        .map(|f| &f.value)
        .filter(|f| query.matches_forum(catalog, &f.id))
        .filter(|f| {
            rules
                .iter()
                .any(|r| applies(r, &d.roadmap.forums).iter().any(|a| a.id == f.id))
        })
        .collect();
    // Each forum's meetings, found once: a rule is looked up in every forum it applies to.
    let mut by_forum: std::collections::HashMap<&str, Vec<&Meeting>> =
        std::collections::HashMap::new();
    if !rules.is_empty() {
        for m in d.programme.meetings.iter().map(|m| &m.value) {
            if let Some(forum) = m.forum_id() {
                by_forum.entry(forum).or_default().push(m);
            }
        }
    }
    let mut entries = Vec::new();
    for (i, rule) in rules.iter().enumerate() {
        let title = lang
            .prefer(&rule.title, rule.title_en.as_deref())
            .to_owned();
        for span in spans(rule, year, lang) {
            let Some((first, last)) = days(year, &span.months) else {
                continue;
            };
            let (first, last) = if span.once {
                (
                    NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(first),
                    NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(last),
                )
            } else {
                (first, last)
            };
            for forum in applies(rule, &d.roadmap.forums) {
                if !forums.iter().any(|f| f.id == forum.id) {
                    continue;
                }
                let meeting = by_forum
                    .get(forum.id.as_str())
                    .into_iter()
                    .flatten()
                    .copied()
                    .filter(|m| m.date.overlaps(Some(first), Some(last)))
                    // A cancelled meeting covers nothing.
                    .filter(|m| catalog.meeting_status(m) != crate::model::Status::Cancelled)
                    .find(|m| covers(catalog, m, &rule.id));
                // A meeting of the task's own months that was cancelled: the task was not
                // done, and moves to the forum's next meeting.
                let own_months = days(year, &span.months);
                let lost = meeting
                    .is_none()
                    .then(|| {
                        by_forum
                            .get(forum.id.as_str())
                            .into_iter()
                            .flatten()
                            .copied()
                            .filter(|m| {
                                own_months.is_some_and(|(a, b)| m.date.overlaps(Some(a), Some(b)))
                            })
                            .find(|m| catalog.meeting_status(m) == crate::model::Status::Cancelled)
                    })
                    .flatten();
                let gap = meeting.is_none().then(|| match lost {
                    Some(c) => {
                        let after = c.date.days().map(|(_, last)| last);
                        let next = by_forum
                            .get(forum.id.as_str())
                            .into_iter()
                            .flatten()
                            .copied()
                            .filter(|m| {
                                catalog.meeting_status(m) != crate::model::Status::Cancelled
                            })
                            .filter_map(|m| Some((m.date.days()?.0, m)))
                            .filter(|(day, _)| after.is_some_and(|a| *day > a))
                            .min_by_key(|(day, _)| *day)
                            .map(|(_, m)| {
                                format!(
                                    "{} ({})",
                                    lang.prefer(&m.title, m.title_en.as_deref()),
                                    lang.when(*m.date)
                                )
                            });
                        lang.cycle_cancelled(
                            &title,
                            &span.text,
                            lang.prefer(&c.title, c.title_en.as_deref()),
                            next.as_deref(),
                            &forum.name,
                        )
                    }
                    None => lang.cycle_gap(&title, &span.text, &forum.name),
                });
                entries.push(CycleEntry {
                    rule: rule.id.value.clone(),
                    number: i + 1,
                    title: title.clone(),
                    forum: forum.id.value.clone(),
                    forum_name: forum.name.value.clone(),
                    month: span.months.first().copied().unwrap_or(1),
                    when_text: span.text.clone(),
                    status: if meeting.is_some() {
                        "covered"
                    } else {
                        "missing"
                    },
                    status_text: if meeting.is_some() {
                        w.covered
                    } else {
                        w.missing
                    }
                    .to_owned(),
                    meeting: meeting.map(|m| CoverOut {
                        id: m.id.value.clone(),
                        title: lang.prefer(&m.title, m.title_en.as_deref()).to_owned(),
                        date_text: lang.when(*m.date),
                    }),
                    gap,
                    cancelled: lost.is_some(),
                });
            }
        }
    }
    let training = training::tasks(catalog, query, year, today);
    let overdue_training = training
        .iter()
        .filter(|t| t.state == TrainingState::Overdue)
        .count();
    let training_number = |course: Course| match course {
        Course::Obligatorisk => rules.len() + 1,
        Course::Supplerende => rules.len() + 2,
    };
    for task in &training {
        let title = task.title(lang);
        let forum_name = catalog.forum_name(task.forum).to_owned();
        let due = lang.training_due(task.due);
        let (status, status_text) = match task.state {
            TrainingState::Taken(on) => ("covered", lang.training_taken(on)),
            TrainingState::Overdue => ("missing", w.missing.to_owned()),
            TrainingState::Open => ("open", w.training_open.to_owned()),
        };
        entries.push(CycleEntry {
            rule: match task.course {
                Course::Obligatorisk => training::OBLIGATORY_TASK,
                Course::Supplerende => training::SUPPLEMENTARY_TASK,
            }
            .to_owned(),
            number: training_number(task.course),
            gap: (task.state == TrainingState::Overdue)
                .then(|| lang.training_gap(&title, &due, &forum_name)),
            title,
            forum: task.forum.to_owned(),
            forum_name,
            month: task.due.month(),
            when_text: due,
            status,
            status_text,
            meeting: None,
            cancelled: false,
        });
    }
    entries.sort_by_key(|e| (e.month, e.number));
    // The tasks that fall this year in the fora shown, numbered as the wheel marks them.
    let mut rules_out: Vec<RuleOut> = rules
        .iter()
        .enumerate()
        .filter(|(_, r)| entries.iter().any(|e| e.rule == r.id.value))
        .map(|(i, r)| RuleOut {
            number: i + 1,
            id: r.id.value.clone(),
            title: lang.prefer(&r.title, r.title_en.as_deref()).to_owned(),
            basis: r.basis.clone(),
            example: r.example,
        })
        .collect();
    for (course, id, title, basis) in [
        (
            Course::Obligatorisk,
            training::OBLIGATORY_TASK,
            w.training_obligatory_task,
            w.training_obligatory_basis,
        ),
        (
            Course::Supplerende,
            training::SUPPLEMENTARY_TASK,
            w.training_supplementary_task,
            w.training_supplementary_basis,
        ),
    ] {
        if training.iter().any(|t| t.course == course) {
            rules_out.push(RuleOut {
                number: training_number(course),
                id: id.to_owned(),
                title: title.to_owned(),
                basis: Some(basis.to_owned()),
                example: false,
            });
        }
    }
    let mut rings: Vec<ForumRing> = forums
        .iter()
        .map(|f| ForumRing {
            id: f.id.value.clone(),
            name: f.name.value.clone(),
            level: f.level,
        })
        .collect();
    // A forum whose only tasks of the year are its AMR's courses gets its ring too.
    for task in &training {
        if !rings.iter().any(|r| r.id == task.forum) {
            rings.push(ForumRing {
                id: task.forum.to_owned(),
                name: catalog.forum_name(task.forum).to_owned(),
                level: catalog.forum(task.forum).map_or(Level::Other, |f| f.level),
            });
        }
    }
    let ring_of: std::collections::HashMap<&str, usize> = rings
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id.as_str(), i))
        .collect();
    let meetings: Vec<(usize, NaiveDate, String, bool)> = d
        .programme
        .meetings
        .iter()
        .filter_map(|m| {
            let day = m.date.day().filter(|d| d.year() == year)?;
            let ring = *ring_of.get(m.forum_id()?)?;
            let cancelled = m.status == crate::model::Status::Cancelled;
            Some((
                ring,
                day,
                lang.prefer(&m.title, m.title_en.as_deref()).to_owned(),
                cancelled,
            ))
        })
        .collect();
    let wheel = wheel(&rings, &entries, &meetings, year, today, lang);
    CycleReport {
        lang,
        year,
        missing: entries.iter().filter(|e| e.status == "missing").count(),
        overdue_training,
        forums: rings,
        entries,
        rules: rules_out,
        wheel,
    }
}

/// The year drawn as a wheel: twelve month sectors, a ring per forum, each rule a numbered
/// mark in its month (a filled circle when covered, a hollow square when missing), each
/// meeting a dot on its day, and today a line. Geometry only: the template draws it.
#[derive(Clone, Debug, Serialize)]
pub struct Wheel {
    pub size: f64,
    pub center: f64,
    pub months: Vec<MonthSector>,
    pub rings: Vec<RingOut>,
    pub marks: Vec<Mark>,
    pub dots: Vec<Dot>,
    pub today: Option<Line>,
    /// Whether a mark is an AMR course whose deadline is still ahead (drawn hollow).
    pub open: bool,
}

#[derive(Clone, Debug, Serialize)]
pub struct MonthSector {
    pub name: String,
    /// The sector's boundary from the centre to the outer edge, at its start.
    pub edge: Line,
    /// Where its name stands.
    pub label_x: f64,
    pub label_y: f64,
}

#[derive(Clone, Debug, Serialize)]
pub struct RingOut {
    pub name: String,
    pub inner: f64,
    pub outer: f64,
}

#[derive(Clone, Debug, Serialize)]
pub struct Mark {
    pub number: usize,
    pub x: f64,
    pub y: f64,
    /// Half the mark's width: its box is `x ± r`, `y ± r`.
    pub r: f64,
    /// The size of its number.
    pub font: f64,
    pub status: &'static str,
    pub title: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct Dot {
    pub x: f64,
    pub y: f64,
    pub title: String,
    /// A cancelled meeting is drawn as one (a hollow, crossed mark), not as a meeting.
    pub cancelled: bool,
}

#[derive(Clone, Debug, Serialize)]
pub struct Line {
    pub x1: f64,
    pub y1: f64,
    pub x2: f64,
    pub y2: f64,
}

const SIZE: f64 = 720.0;
const INNER: f64 = 90.0;
const OUTER: f64 = 300.0;
const MARK: f64 = 10.0;
/// The smallest a mark gets, with its number still readable in print.
const MIN_MARK: f64 = 5.0;

/// How the marks of one cell (a ring in a month) are laid out: their half-width, and the rows
/// and marks a row. Marks shrink, down to a readable least, until the cell holds them all with
/// a gap between any two: a row along the arc at the row's own (smallest) radius, rows across
/// the ring's width.
fn cell_grid(count: usize, inner: f64, width: f64) -> (f64, usize, usize) {
    const GAP: f64 = 1.2;
    let mut r = MARK;
    loop {
        let rows_fit = ((width / (2.0 * r * GAP)).floor() as usize).max(1);
        let rows = rows_fit.min(count.max(1));
        let row_width = width / rows as f64;
        // The innermost row is the shortest arc: the one that limits marks a row.
        let arc = (inner + row_width / 2.0 - r) * 30f64.to_radians();
        let per_row = ((arc / (2.0 * r * GAP)).floor() as usize).max(1);
        let needed = count.div_ceil(per_row);
        if needed <= rows || r <= MIN_MARK {
            let rows = needed.clamp(1, rows_fit);
            return (r, rows, count.div_ceil(rows));
        }
        r -= 0.5;
    }
}

/// The point at `angle` degrees clockwise from the top, `radius` from the centre.
fn point(angle: f64, radius: f64) -> (f64, f64) {
    let c = SIZE / 2.0;
    let rad = (angle - 90.0).to_radians();
    (round(c + radius * rad.cos()), round(c + radius * rad.sin()))
}

/// Two decimals are enough for a drawing and keep the output stable.
fn round(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

fn wheel(
    rings: &[ForumRing],
    entries: &[CycleEntry],
    meetings: &[(usize, NaiveDate, String, bool)],
    year: i32,
    today: NaiveDate,
    lang: Lang,
) -> Wheel {
    let n = rings.len().max(1);
    let width = (OUTER - INNER) / n as f64;
    let months = (1..=12u32)
        .map(|m| {
            let start = f64::from(m - 1) * 30.0;
            let (x1, y1) = point(start, INNER);
            let (x2, y2) = point(start, OUTER);
            let (label_x, label_y) = point(start + 15.0, OUTER + 24.0);
            MonthSector {
                name: lang.month_name(m).to_owned(),
                edge: Line { x1, y1, x2, y2 },
                label_x,
                label_y,
            }
        })
        .collect();
    let ring_out = rings
        .iter()
        .enumerate()
        .map(|(i, r)| RingOut {
            name: r.name.clone(),
            inner: round(INNER + i as f64 * width),
            outer: round(INNER + (i + 1) as f64 * width),
        })
        .collect();
    // The marks of one ring in one month share the sector: side by side along the arc, in as
    // many rows across the ring as they need, so that no two marks overlap.
    let mut marks = Vec::new();
    for (ring, r) in rings.iter().enumerate() {
        for month in 1..=12u32 {
            let cell: Vec<&CycleEntry> = entries
                .iter()
                .filter(|e| e.forum == r.id && e.month == month)
                .collect();
            if cell.is_empty() {
                continue;
            }
            let inner = INNER + ring as f64 * width;
            let (r, rows, per_row) = cell_grid(cell.len(), inner, width);
            for (k, e) in cell.iter().enumerate() {
                let row = k / per_row;
                let col = k % per_row;
                let in_row = per_row.min(cell.len() - row * per_row);
                // Rows from the inner edge out, each a mark's width apart; marks of a row spread
                // evenly along the month's arc.
                let radius = inner + (2.0 * row as f64 + 1.0) * (width / (2.0 * rows as f64));
                let angle = f64::from(month - 1) * 30.0 + 30.0 * (col as f64 + 0.5) / in_row as f64;
                let (x, y) = point(angle, radius);
                marks.push(Mark {
                    number: e.number,
                    x,
                    y,
                    r,
                    // At least 8 pt when the wheel is printed 165 mm wide (a unit is
                    // about 0.65 pt there).
                    font: round((r * 1.3).max(12.5)),
                    status: e.status,
                    title: format!("{}: {} · {}", e.number, e.title, e.status_text),
                });
            }
        }
    }
    let angle_of = |day: NaiveDate| {
        let len = if NaiveDate::from_ymd_opt(year, 2, 29).is_some() {
            366.0
        } else {
            365.0
        };
        f64::from(day.ordinal0()) / len * 360.0
    };
    let dots = meetings
        .iter()
        .map(|(ring, day, title, cancelled)| {
            let (x, y) = point(angle_of(*day), INNER + *ring as f64 * width + 5.0);
            Dot {
                x,
                y,
                title: format!("{title} · {}", lang.long_date(*day)),
                cancelled: *cancelled,
            }
        })
        .collect();
    let today = (today.year() == year).then(|| {
        // From the inner ring out: not across the hub, where the year stands.
        let (x1, y1) = point(angle_of(today), INNER);
        let (x2, y2) = point(angle_of(today), OUTER + 8.0);
        Line { x1, y1, x2, y2 }
    });
    Wheel {
        size: SIZE,
        center: SIZE / 2.0,
        months,
        rings: ring_out,
        open: marks.iter().any(|m| m.status == "open"),
        marks,
        dots,
        today,
    }
}

impl CycleReport {
    /// The entries' field names in order: the columns of CSV.
    pub fn field_names() -> Vec<String> {
        let schema = schemars::schema_for!(CycleEntry);
        schema
            .get("properties")
            .and_then(|p| p.as_object())
            .map(|p| p.keys().cloned().collect())
            .unwrap_or_default()
    }

    /// One row per entry: when, rule, forum, the meeting that covers it, its status.
    pub fn display_table(&self) -> TextTable {
        let w = self.lang.words();
        TextTable {
            headers: [w.month, w.rule, w.forum, w.meeting, w.status]
                .map(str::to_owned)
                .to_vec(),
            rows: self
                .entries
                .iter()
                .map(|e| {
                    vec![
                        e.when_text.clone(),
                        e.title.clone(),
                        e.forum_name.clone(),
                        e.meeting
                            .as_ref()
                            .map(|m| format!("{} ({})", m.title, m.date_text))
                            .unwrap_or_default(),
                        e.status_text.clone(),
                    ]
                })
                .collect(),
        }
    }
}

impl Printable for CycleReport {
    fn doc(&self) -> Doc {
        let w = self.lang.words();
        let mut blocks = Vec::new();
        let no_meeting = self.missing - self.overdue_training;
        if no_meeting > 0 {
            blocks.push(Block::Notice {
                level: NoticeLevel::Info,
                text: self.lang.cycle_missing(no_meeting),
            });
        }
        if self.overdue_training > 0 {
            blocks.push(Block::Notice {
                level: NoticeLevel::Info,
                text: self.lang.cycle_overdue_training(self.overdue_training),
            });
        }
        let mut month = 0;
        for e in &self.entries {
            if e.month != month {
                month = e.month;
                blocks.push(Block::heading(self.lang.month_name(month)));
            }
            // A covered task names the task, as a missing one does.
            let outcome = match (&e.meeting, &e.gap) {
                (Some(m), _) => format!(
                    "{} – {}: {} ({})",
                    e.title, e.forum_name, m.title, m.date_text
                ),
                (None, Some(gap)) => gap.clone(),
                // An AMR course: taken, or its deadline still ahead.
                (None, None) => format!("{} – {}", e.title, e.forum_name),
            };
            blocks.push(Block::List {
                numbered: false,
                entries: vec![Entry {
                    strong: e.status == "missing",
                    notes: vec![Text::new(
                        Style::Small,
                        format!("{} · {}", e.when_text, e.status_text),
                    )],
                    ..Entry::new(outcome)
                }],
            });
        }
        blocks.push(Block::heading(w.rules));
        blocks.push(Block::List {
            numbered: true,
            entries: self
                .rules
                .iter()
                .map(|r| Entry {
                    notes: r
                        .basis
                        .iter()
                        .map(|b| Text::new(Style::Small, format!("{}: {b}", w.basis)))
                        .chain(r.example.then(|| Text::new(Style::Small, w.example_rule)))
                        .collect(),
                    ..Entry::new(&r.title)
                })
                .collect(),
        });
        Doc {
            kind: w.cycle_heading.to_owned(),
            title: self.year.to_string(),
            blocks,
            ..Doc::new(self.lang)
        }
    }
}

/// Whether any rule falls in `month` of `year` for the forum, and no meeting covers it yet:
/// for the week's overview and the planner.
pub fn rules_in_month<'a>(
    catalog: &Catalog<'a>,
    forum: &Forum,
    year: i32,
    month: u32,
) -> Vec<&'a Rule> {
    let d = catalog.data;
    d.cycle
        .iter()
        .flat_map(|c| c.rules.iter().map(|r| &r.value))
        .filter(|r| {
            applies(r, &d.roadmap.forums)
                .iter()
                .any(|f| f.id == forum.id)
        })
        .filter(|r| r.when.falls_in_year(year) && r.when.months().contains(&month))
        .collect()
}

/// Whether a date falls in a month of a year, for callers with a `When`.
pub fn in_month(when: When, year: i32, month: u32) -> bool {
    days(year, &[month]).is_some_and(|(first, last)| when.overlaps(Some(first), Some(last)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{AgendaItem, Cycle, Located, Recurrence};
    use crate::report::example;

    fn rule(id: &str, months: &[u32], levels: &[Level]) -> Located<Rule> {
        Located::new(Rule {
            id: Located::new(id.to_owned()),
            title: Located::new(format!("Opgave {id}")),
            title_en: None,
            levels: levels.to_vec(),
            forums: Vec::new(),
            when: Located::new(Recurrence {
                months: months.iter().map(|m| Located::new(*m)).collect(),
                quarter: None,
                every_years: None,
                from_year: None,
            }),
            themes: Vec::new(),
            item: Located::new(AgendaItem {
                title: Located::new(format!("Opgave {id}")),
                title_en: None,
                lead_en: None,
                recommendation_en: None,
                kind: None,
                minutes: Located::new(10),
                lead: None,
                recommendation: None,
                notes: None,
                prompts: Vec::new(),
                fixed: false,
                cycle: None,
                attachments: Vec::new(),
            }),
            basis: None,
            example: false,
        })
    }

    /// 15 rules over 3 fora, crowded into few months, so that a cell holds several marks.
    fn crowded() -> crate::model::Dataset {
        let mut data = example();
        let mut third = data.roadmap.forums[0].clone();
        third.value.id = Located::new("lmu-tredje".to_owned());
        third.value.name = Located::new("LMU Tredje".to_owned());
        data.roadmap.forums.push(third);
        let rules = (0..15)
            .map(|i| {
                let months: Vec<u32> = if i % 3 == 0 {
                    vec![3]
                } else {
                    vec![3, 9, 1 + i % 12]
                };
                rule(&format!("r{i}"), &months, &[Level::Lmu, Level::Omu])
            })
            .collect();
        data.cycle = Some(Cycle { version: 1, rules });
        data
    }

    #[test]
    fn no_two_marks_of_the_wheel_overlap() {
        let data = crowded();
        let catalog = Catalog::new(&data);
        let today = NaiveDate::from_ymd_opt(2027, 3, 10).unwrap();
        let report = cycle(&catalog, &Query::all(), 2027, today, Lang::Da);
        let marks = &report.wheel.marks;
        assert!(marks.len() > 60, "{}", marks.len());
        for (i, a) in marks.iter().enumerate() {
            for b in &marks[i + 1..] {
                let apart = (a.x - b.x).abs() >= a.r + b.r || (a.y - b.y).abs() >= a.r + b.r;
                assert!(
                    apart,
                    "marks {} and {} overlap: {a:?} {b:?}",
                    a.number, b.number
                );
            }
            let radius = ((a.x - 360.0).powi(2) + (a.y - 360.0).powi(2)).sqrt();
            assert!(
                radius > INNER && radius < OUTER,
                "mark {} off the rings",
                a.number
            );
        }
    }

    #[test]
    fn a_rule_without_a_meeting_is_missing_and_says_where() {
        let data = crowded();
        let catalog = Catalog::new(&data);
        let today = NaiveDate::from_ymd_opt(2027, 1, 1).unwrap();
        let report = cycle(&catalog, &Query::all(), 2027, today, Lang::Da);
        let e = report.entries.iter().find(|e| e.rule == "r0").unwrap();
        assert_eq!(e.status, "missing");
        assert_eq!(
            e.gap.as_deref(),
            Some("Opgave r0 (marts 2027) – intet møde i LMU Børnehuset Havnen")
        );
        // Every task of the year lacks a meeting; the AMR's course of 2027 is not due yet.
        let of_rules = report
            .entries
            .iter()
            .filter(|e| !e.rule.starts_with("amr-"));
        assert_eq!(report.missing, of_rules.count());
        assert_eq!(report.overdue_training, 0);
    }

    #[test]
    fn every_third_year_falls_from_its_first_year() {
        let when = Recurrence {
            months: vec![Located::new(4)],
            quarter: None,
            every_years: Some(Located::new(3)),
            from_year: Some(Located::new(2026)),
        };
        let years: Vec<i32> = (2025..=2032).filter(|y| when.falls_in_year(*y)).collect();
        assert_eq!(years, [2026, 2029, 2032]);
    }
}
