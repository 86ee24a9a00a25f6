//! An agenda: a meeting's header and numbered items with computed time slots, its dialogue
//! prompts with their sources, and a short background. Pure: model in, [`Agenda`] out.

use chrono::{Datelike, NaiveTime, TimeDelta};
use serde::Serialize;

use crate::lang::Lang;
use crate::model::{
    AgendaItem, Catalog, ItemType, Level, Located, Status, Template, When, total_minutes,
};
use crate::report::doc::{Block, Doc, Entry, Fact, NoticeLevel, Printable, Style, Text};
use crate::report::prompts::{SourceText, prompt_text, source_text};

/// The smallest length a scaled item gets.
const MIN_ITEM_MINUTES: i64 = 5;

#[derive(Clone, Debug, Serialize)]
pub struct Agenda {
    pub id: String,
    pub lang: Lang,
    pub title: String,
    pub forum: String,
    pub level: Option<Level>,
    /// The exact day, ISO `YYYY-MM-DD`, or null.
    pub date: Option<String>,
    /// The date as precise as it is known, as data (`2026-Q1`), or null.
    pub period: Option<String>,
    /// The date as people write it: "tirsdag den 3. marts 2026", "1. kvartal 2026", "meldes ud senere".
    pub date_text: String,
    pub week: Option<u32>,
    /// `HH:MM`, or null when no start time is known.
    pub start: Option<String>,
    pub end: Option<String>,
    /// "kl. 13.00–15.30", with "(vejledende)" when the time comes from the template.
    pub time_text: Option<String>,
    pub place: Option<String>,
    pub status: Status,
    pub status_text: String,
    /// A plain warning for provisional meetings.
    pub provisional_note: Option<String>,
    /// Whether the date, place and programme are still to be announced.
    pub details_pending: bool,
    pub signup: Option<Signup>,
    pub participants: Vec<String>,
    pub apologies: Vec<String>,
    pub chair: Option<String>,
    pub minute_taker: Option<String>,
    pub template: Option<String>,
    pub total_minutes: i64,
    pub items: Vec<ItemOut>,
    pub background: Vec<Background>,
}

/// Where to sign up, or where the sign-up link will be announced.
#[derive(Clone, Debug, Serialize)]
pub struct Signup {
    pub url: Option<String>,
    pub channel: Option<String>,
    pub text: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct ItemOut {
    pub number: usize,
    pub title: String,
    #[serde(rename = "type")]
    pub kind: Option<ItemType>,
    pub type_text: Option<String>,
    pub minutes: i64,
    pub start: Option<String>,
    pub end: Option<String>,
    /// "kl. 13.30–13.50", or "20 min" when no start time is known.
    pub slot_text: String,
    pub lead: Option<String>,
    pub recommendation: Option<String>,
    pub notes: Option<String>,
    pub prompts: Vec<PromptOut>,
    /// What the item says of the minutes before it (see `report::followup`), or null.
    pub follow_up: Option<crate::report::followup::FollowUp>,
}

#[derive(Clone, Debug, Serialize)]
pub struct PromptOut {
    pub id: String,
    pub text: String,
    pub sources: Vec<SourceOut>,
}

#[derive(Clone, Debug, Serialize)]
pub struct SourceOut {
    pub id: String,
    pub section: String,
    pub text: String,
}

impl From<SourceText<'_>> for SourceOut {
    fn from(s: SourceText<'_>) -> Self {
        SourceOut {
            id: s.id.to_owned(),
            section: s.section.to_owned(),
            text: s.text.to_owned(),
        }
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct Background {
    pub heading: String,
    pub text: String,
}

/// How the agenda is asked for.
#[derive(Clone, Copy, Debug, Default)]
pub struct AgendaOptions {
    /// Overrides the start time.
    pub start: Option<NaiveTime>,
    /// Scales the items to this many minutes.
    pub minutes: Option<i64>,
    /// The day taken as today, for the follow-up on earlier minutes.
    pub today: Option<chrono::NaiveDate>,
}

/// Why an agenda cannot be made.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum AgendaError {
    #[error("`{0}` is neither a meeting nor a roadmap activity that is a meeting")]
    NotAMeeting(String),
    #[error("`{id}` has no agenda items and no template")]
    NoItems { id: String },
    #[error(
        "{minutes} minutes is too short for this agenda: its fixed items take {fixed} and each of its {flexible} other items needs at least {MIN_ITEM_MINUTES}, so it needs at least {needed}"
    )]
    TooShort {
        minutes: i64,
        fixed: i64,
        flexible: usize,
        needed: i64,
    },
    #[error("the agenda would run past midnight ({start} + {minutes} minutes)")]
    PastMidnight { start: String, minutes: i64 },
}

/// The parts of a meeting or activity that an agenda needs.
struct Source<'a> {
    id: &'a str,
    title: &'a str,
    forum: &'a str,
    status: Status,
    date: When,
    start: Option<NaiveTime>,
    end: Option<NaiveTime>,
    place: Option<&'a str>,
    themes: Vec<&'a str>,
    items: &'a [Located<AgendaItem>],
    template: Option<&'a Template>,
    details_pending: bool,
    signup_url: Option<&'a str>,
    in_programme: bool,
    meeting: Option<&'a crate::model::Meeting>,
}

fn source<'a>(catalog: &Catalog<'a>, id: &str) -> Result<Source<'a>, AgendaError> {
    if let Some(m) = catalog.meeting(id) {
        return Ok(Source {
            id: &m.id,
            title: &m.title,
            forum: m.forum_id().unwrap_or(""),
            status: catalog.meeting_status(m),
            date: *m.date,
            start: m.start.as_ref().map(|t| t.0),
            end: m.end.as_ref().map(|t| t.0),
            place: m.place.as_deref(),
            themes: m.themes.iter().map(|t| t.as_str()).collect(),
            items: &m.items,
            template: m.template.as_ref().and_then(|t| catalog.template(t)),
            details_pending: !m.details_announced,
            signup_url: m.signup_url.as_ref().map(|u| u.as_str()),
            in_programme: true,
            meeting: Some(m),
        });
    }
    match catalog.activity(id) {
        Some(a) if a.is_meeting() => Ok(Source {
            id: &a.id,
            title: &a.title,
            forum: a.forum_id().unwrap_or(""),
            status: catalog.activity_status(a),
            date: *a.date,
            start: None,
            end: None,
            place: None,
            themes: a.themes.iter().map(|t| t.as_str()).collect(),
            items: &[],
            template: a.template.as_ref().and_then(|t| catalog.template(t)),
            details_pending: a.date.day().is_none(),
            signup_url: None,
            in_programme: false,
            meeting: None,
        }),
        _ => Err(AgendaError::NotAMeeting(id.to_owned())),
    }
}

/// Builds the agenda of the meeting or activity `id`.
pub fn agenda(
    catalog: &Catalog<'_>,
    id: &str,
    lang: Lang,
    options: AgendaOptions,
) -> Result<Agenda, AgendaError> {
    let src = source(catalog, id)?;
    let (items, from_template) = src.agenda_items()?;
    let follow_up = crate::report::followup::Plan::new(catalog, src.id, items, lang);
    let items = follow_up.items();
    let minutes = item_minutes(&src, items, from_template, options)?;
    let total = total_minutes(minutes.iter().copied());
    let clock = Clock::new(&src, options, total)?;
    let mut out_items = slots(catalog, items, &minutes, clock.start, lang);
    follow_up.fill(catalog, &mut out_items, options.today);
    let programme = &catalog.data.programme;
    let announcement = src
        .in_programme
        .then_some(programme.announcement.as_ref())
        .flatten();
    let meeting = src.meeting;
    Ok(Agenda {
        id: src.id.to_owned(),
        lang,
        title: lang
            .prefer(src.title, meeting.and_then(|m| m.title_en.as_deref()))
            .to_owned(),
        forum: catalog.forum_name(src.forum).to_owned(),
        level: catalog.forum_level(src.forum),
        date: src.date.day().map(|d| d.format("%Y-%m-%d").to_string()),
        period: src.date.is_known().then(|| src.date.to_string()),
        date_text: lang.when(src.date),
        week: src.date.day().map(|d| d.iso_week().week()),
        start: clock.start.map(hhmm),
        end: clock.end.map(hhmm),
        time_text: clock.text(lang),
        place: src.place.map(str::to_owned),
        status: src.status,
        status_text: lang.status(src.status).to_owned(),
        provisional_note: provisional_note(&src, programme.note.as_deref(), lang),
        details_pending: src.details_pending,
        signup: signup(src.signup_url, announcement, src.details_pending, lang),
        participants: meeting.map(|m| m.participants.clone()).unwrap_or_default(),
        apologies: meeting.map(|m| m.apologies.clone()).unwrap_or_default(),
        chair: meeting.and_then(|m| m.chair.clone()),
        minute_taker: meeting.and_then(|m| m.minute_taker.clone()),
        template: from_template
            .then(|| src.template.map(|t| t.id.value.clone()))
            .flatten(),
        total_minutes: total,
        items: out_items,
        background: background(catalog, &src.themes),
    })
}

impl<'a> Source<'a> {
    /// The meeting's own items, else its template's; and whether they are the template's.
    fn agenda_items(&self) -> Result<(&'a [Located<AgendaItem>], bool), AgendaError> {
        if !self.items.is_empty() {
            Ok((self.items, false))
        } else if let Some(t) = self.template {
            Ok((t.items.as_slice(), true))
        } else {
            Err(AgendaError::NoItems {
                id: self.id.to_owned(),
            })
        }
    }
}

/// Each item's minutes: as written, or scaled to --minutes, or a template scaled to the
/// meeting's own length.
fn item_minutes(
    src: &Source<'_>,
    items: &[Located<AgendaItem>],
    from_template: bool,
    options: AgendaOptions,
) -> Result<Vec<i64>, AgendaError> {
    let minutes: Vec<i64> = items.iter().map(|i| i.minutes.value.max(0)).collect();
    let own_length = match (src.start, src.end) {
        (Some(s), Some(e)) if e > s => Some((e - s).num_minutes()),
        _ => None,
    };
    let target = options
        .minutes
        .or(if from_template { own_length } else { None });
    match target {
        Some(target) => {
            let fixed: Vec<bool> = items.iter().map(|i| i.fixed).collect();
            scale(&minutes, &fixed, target)
        }
        None => Ok(minutes),
    }
}

/// When the agenda starts and ends, and whether the start is only the template's suggestion.
struct Clock {
    start: Option<NaiveTime>,
    end: Option<NaiveTime>,
    indicative: bool,
}

impl Clock {
    fn new(src: &Source<'_>, options: AgendaOptions, total: i64) -> Result<Clock, AgendaError> {
        let start = options
            .start
            .or(src.start)
            .or_else(|| src.template.and_then(|t| t.start.as_ref().map(|s| s.0)));
        if let Some(start) = start {
            let day_minutes = start.signed_duration_since(NaiveTime::MIN).num_minutes();
            if day_minutes + total > 24 * 60 {
                return Err(AgendaError::PastMidnight {
                    start: start.format("%H:%M").to_string(),
                    minutes: total,
                });
            }
        }
        let items_end = start.map(|s| s + TimeDelta::minutes(total));
        // The meeting's own end stands when the items leave time over; else the items' end.
        let end = match (
            options.start.is_none() && options.minutes.is_none(),
            src.end,
            items_end,
        ) {
            (true, Some(own), Some(computed)) if own >= computed => Some(own),
            _ => items_end,
        };
        Ok(Clock {
            start,
            end,
            indicative: options.start.is_none() && src.start.is_none(),
        })
    }

    /// "kl. 13.00–15.30", with "(vejledende)" when the time comes from the template.
    fn text(&self, lang: Lang) -> Option<String> {
        let (Some(s), Some(e)) = (self.start, self.end) else {
            return None;
        };
        let span = lang.time_span(s, e);
        Some(if self.indicative {
            format!("{span} ({})", lang.words().indicative)
        } else {
            span
        })
    }
}

/// The items with their numbers, time slots, types and prompts.
fn slots(
    catalog: &Catalog<'_>,
    items: &[Located<AgendaItem>],
    minutes: &[i64],
    start: Option<NaiveTime>,
    lang: Lang,
) -> Vec<ItemOut> {
    let mut clock = start;
    items
        .iter()
        .zip(minutes)
        .enumerate()
        .map(|(number, (item, &length))| {
            let item_start = clock;
            let item_end = clock.map(|c| c + TimeDelta::minutes(length));
            clock = item_end;
            let slot_text = match (item_start, item_end) {
                (Some(s), Some(e)) => lang.time_span(s, e),
                _ => format!("{length} {}", lang.words().minutes),
            };
            ItemOut {
                number: number + 1,
                title: item.title.value.clone(),
                kind: item.kind,
                type_text: item.kind.map(|k| lang.item_type(k).to_owned()),
                minutes: length,
                start: item_start.map(hhmm),
                end: item_end.map(hhmm),
                slot_text,
                lead: item.lead.clone(),
                recommendation: item.recommendation.clone(),
                notes: item.notes.clone(),
                prompts: item
                    .prompts
                    .iter()
                    .filter_map(|p| catalog.prompt(p))
                    .map(|p| PromptOut {
                        id: p.id.value.clone(),
                        text: prompt_text(p, lang).to_owned(),
                        sources: p
                            .sources
                            .iter()
                            .filter_map(|s| source_text(catalog, s))
                            .map(SourceOut::from)
                            .collect(),
                    })
                    .collect(),
                follow_up: None,
            }
        })
        .collect()
}

/// The warning of a provisional meeting: the programme's own caveat where it has one.
fn provisional_note(src: &Source<'_>, programme_note: Option<&str>, lang: Lang) -> Option<String> {
    if src.status != Status::Provisional {
        return None;
    }
    let w = lang.words();
    let note = lang
        .danish_only(programme_note)
        .filter(|_| src.in_programme)
        .unwrap_or(w.may_change);
    Some(format!("{}: {note}", w.provisional))
}

fn hhmm(t: NaiveTime) -> String {
    t.format("%H:%M").to_string()
}

/// The sign-up line: the meeting's own link, else where news is announced — "Meldes ud via"
/// while the details are still to come.
fn signup(
    url: Option<&str>,
    announcement: Option<&crate::model::Announcement>,
    pending: bool,
    lang: Lang,
) -> Option<Signup> {
    if let Some(url) = url {
        return Some(Signup {
            url: Some(url.to_owned()),
            channel: None,
            text: url.to_owned(),
        });
    }
    let a = announcement?;
    let link = a.url.as_ref().map(|u| u.value.clone());
    let w = lang.words();
    let via = if pending { w.announced_via } else { w.via };
    let text = match &link {
        Some(link) => format!("{via} {} {} {link}", a.channel, w.and_at),
        None => format!("{via} {}", a.channel),
    };
    Some(Signup {
        url: link,
        channel: Some(a.channel.clone()),
        text,
    })
}

/// The most background texts an agenda quotes: it is a short "baggrund", not the findings.
const MAX_BACKGROUND: usize = 3;

/// The programme's why-texts and the summaries that share a theme with the meeting.
fn background(catalog: &Catalog<'_>, themes: &[&str]) -> Vec<Background> {
    let shares = |ids: &[&str]| ids.iter().any(|t| themes.contains(t));
    let why = catalog
        .data
        .programme
        .why
        .iter()
        .filter(|w| w.themes.iter().any(|t| themes.contains(&t.as_str())))
        .map(|w| Background {
            heading: w.title.value.clone(),
            text: w.text.clone(),
        });
    let summaries = catalog
        .summaries()
        .iter()
        .filter(|f| shares(&catalog.finding_themes(f)))
        .map(|f| Background {
            heading: catalog
                .section(&f.section)
                .map_or_else(String::new, |s| s.title.value.clone()),
            text: f.text.value.clone(),
        });
    why.chain(summaries).take(MAX_BACKGROUND).collect()
}

/// Scales item lengths to `target` minutes. Fixed items keep theirs; the others share the
/// rest in proportion, in 5-minute steps, and at least [`MIN_ITEM_MINUTES`] each.
pub fn scale(minutes: &[i64], fixed: &[bool], target: i64) -> Result<Vec<i64>, AgendaError> {
    let fixed_total = total_minutes(
        minutes
            .iter()
            .zip(fixed)
            .filter(|(_, f)| **f)
            .map(|(m, _)| *m),
    );
    let flexible: Vec<usize> = (0..minutes.len()).filter(|i| !fixed[*i]).collect();
    let needed = fixed_total.saturating_add(MIN_ITEM_MINUTES * flexible.len() as i64);
    if target < needed || (flexible.is_empty() && target != fixed_total) {
        return Err(AgendaError::TooShort {
            minutes: target,
            fixed: fixed_total,
            flexible: flexible.len(),
            needed,
        });
    }
    let flexible_total = total_minutes(flexible.iter().map(|&i| minutes[i])).max(1);
    let room = target - fixed_total;
    let mut out = minutes.to_vec();
    for &i in &flexible {
        let share = minutes[i] as f64 * room as f64 / flexible_total as f64;
        out[i] = (((share / 5.0).round() as i64) * 5).max(MIN_ITEM_MINUTES);
    }
    // Settle the rounding on the longest flexible items, so that the sum is exact.
    let mut diff = target - out.iter().sum::<i64>();
    let mut order = flexible.clone();
    order.sort_by_key(|&i| std::cmp::Reverse(out[i]));
    while diff != 0 {
        let mut moved = false;
        for &i in &order {
            let step = diff.signum() * diff.abs().min(5);
            if out[i] + step >= MIN_ITEM_MINUTES {
                out[i] += step;
                diff -= step;
                moved = true;
            }
            if diff == 0 {
                break;
            }
        }
        if !moved {
            break;
        }
    }
    Ok(out)
}

impl Agenda {
    /// The header's label–value pairs.
    fn facts(&self) -> Vec<Fact> {
        let w = self.lang.words();
        let fact = |label: &str, value: String| Fact {
            label: label.to_owned(),
            value,
        };
        let mut out = vec![fact(w.forum, self.forum.clone())];
        let week = self
            .week
            .map(|n| format!(" ({})", self.lang.week_number(n)));
        out.push(fact(
            w.date,
            format!("{}{}", self.date_text, week.unwrap_or_default()),
        ));
        if let Some(t) = &self.time_text {
            out.push(fact(w.time, t.clone()));
        }
        match (&self.place, self.details_pending) {
            (Some(p), _) => out.push(fact(w.place, p.clone())),
            (None, true) => out.push(fact(w.place, w.not_set.to_owned())),
            _ => {}
        }
        out.push(fact(w.status, self.status_text.clone()));
        if let Some(s) = &self.signup {
            out.push(fact(w.signup, s.text.clone()));
        }
        if let Some(c) = &self.chair {
            out.push(fact(w.chair, c.clone()));
        }
        if let Some(m) = &self.minute_taker {
            out.push(fact(w.minute_taker, m.clone()));
        }
        if !self.participants.is_empty() {
            out.push(fact(w.participants, self.participants.join(", ")));
        }
        if !self.apologies.is_empty() {
            out.push(fact(w.apologies, self.apologies.join(", ")));
        }
        out
    }
}

impl ItemOut {
    /// "kl. 13.30–13.50 · Drøftelse · Ansvarlig: Leder"
    fn meta(&self, lang: Lang) -> String {
        let mut meta = self.slot_text.clone();
        if let Some(t) = &self.type_text {
            meta.push_str(" · ");
            meta.push_str(t);
        }
        if let Some(lead) = &self.lead {
            meta.push_str(&format!(" · {}: {lead}", lang.words().lead));
        }
        meta
    }

    fn block(&self, lang: Lang) -> Block {
        let w = lang.words();
        let mut body = Vec::new();
        if let Some(r) = &self.recommendation {
            body.push(Block::paragraph(Style::Lead, r));
        }
        if let Some(n) = &self.notes {
            body.push(Block::paragraph(Style::Plain, n));
        }
        body.extend(self.follow_up.iter().flat_map(|f| f.blocks(lang)));
        if !self.prompts.is_empty() {
            body.push(Block::paragraph(Style::Strong, format!("{}:", w.prompts)));
            let entries = self
                .prompts
                .iter()
                .map(|p| Entry {
                    notes: p
                        .sources
                        .iter()
                        .map(|s| {
                            Text::new(
                                Style::Small,
                                format!("{}: {} – {}", w.source, s.section, s.text),
                            )
                        })
                        .collect(),
                    ..Entry::new(p.text.clone())
                })
                .collect();
            body.push(Block::List {
                numbered: false,
                entries,
            });
        }
        Block::Item {
            number: self.number.to_string(),
            title: self.title.clone(),
            meta: Some(self.meta(lang)),
            body,
        }
    }
}

impl Printable for Agenda {
    fn doc(&self) -> Doc {
        let w = self.lang.words();
        let mut blocks = vec![Block::Facts {
            facts: self.facts(),
        }];
        if let Some(note) = &self.provisional_note {
            blocks.push(Block::Notice {
                level: NoticeLevel::Info,
                text: note.clone(),
            });
        }
        blocks.push(Block::heading(w.items));
        blocks.extend(self.items.iter().map(|i| i.block(self.lang)));
        if !self.background.is_empty() {
            blocks.push(Block::heading(w.background));
            blocks.extend(self.background.iter().map(|b| Block::Item {
                number: String::new(),
                title: b.heading.clone(),
                meta: None,
                body: vec![Block::paragraph(Style::Plain, &b.text)],
            }));
        }
        let running = match &self.date {
            Some(_) => format!("{} · {}", self.forum, self.date_text),
            None => self.forum.clone(),
        };
        Doc {
            kind: w.agenda.to_owned(),
            title: self.title.clone(),
            running: Some(running),
            blocks,
            ..Doc::new(self.lang)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scaling_keeps_fixed_items_and_hits_the_target() {
        let minutes = [5, 5, 30, 35, 10, 35, 20, 5, 5];
        let fixed = [true, true, false, false, false, false, false, true, true];
        for target in [90, 120, 150, 180, 181, 240] {
            let scaled = scale(&minutes, &fixed, target).unwrap();
            assert_eq!(scaled.iter().sum::<i64>(), target, "{scaled:?}");
            assert_eq!([scaled[0], scaled[1], scaled[7], scaled[8]], [5, 5, 5, 5]);
            assert!(scaled.iter().all(|m| *m >= MIN_ITEM_MINUTES));
        }
    }

    #[test]
    fn scaling_refuses_what_cannot_fit() {
        let err = scale(&[5, 30, 5], &[true, false, true], 12).unwrap_err();
        assert_eq!(
            err,
            AgendaError::TooShort {
                minutes: 12,
                fixed: 10,
                flexible: 1,
                needed: 15
            }
        );
    }
}
