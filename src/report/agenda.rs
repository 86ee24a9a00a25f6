//! An agenda: a meeting's header and numbered items with computed time slots, its dialogue
//! prompts with their sources, and a short background. Pure: model in, [`Agenda`] out.

use chrono::{Datelike, NaiveTime, TimeDelta};
use serde::Serialize;

use crate::lang::Lang;
use crate::model::timing::{self, Frame, Timing, TimingError};
use crate::model::when::{hhmm, iso};
use crate::model::{
    AgendaItem, Catalog, ItemRole, ItemType, Level, Located, Status, Template, TemplateKind, When,
};
use crate::report::doc::{Block, Doc, Entry, Fact, NoticeLevel, Printable, Style, Text};
use crate::report::prompts::{SourceText, citation, prompt_text, source_text};

pub use crate::model::timing::AgendaOptions;

#[derive(Clone, Debug, Serialize)]
pub struct Agenda {
    pub id: String,
    pub lang: Lang,
    pub title: String,
    /// The forum that holds the meeting, by name; null when none does (a cross-cutting
    /// temamøde) or the source does not say.
    pub forum: Option<String>,
    pub level: Option<Level>,
    /// Who owns and announces a meeting that no committee holds: the programme's owner.
    pub organiser: Option<String>,
    /// Whether this is the programme of a cross-cutting temamøde rather than a committee's
    /// agenda: it prints as a "Program".
    pub programme: bool,
    /// Whether the items, their leads and their times are a template's suggestions.
    pub suggestion: bool,
    pub cancelled: bool,
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
    /// What the header says of a place the data does not give: "ikke oplyst", or "ikke
    /// registreret" once the meeting's period is over; null when the place is known.
    pub place_missing: Option<String>,
    pub signup: Option<Signup>,
    pub participants: Vec<String>,
    pub apologies: Vec<String>,
    pub chair: Option<String>,
    pub minute_taker: Option<String>,
    pub template: Option<String>,
    pub total_minutes: i64,
    pub items: Vec<ItemOut>,
    pub background: Vec<Background>,
    /// Whether the printed agenda leaves ruled lines under each item for notes.
    pub with_notes: bool,
    /// The deadline for proposing items, from the forum's rule: "tirsdag den 10. marts 2026".
    pub items_due: Option<String>,
    /// The day the agenda goes out, from the forum's rule.
    pub agenda_out: Option<String>,
    /// The basis of each rule of the annual cycle that an item covers, for small print.
    pub bases: Vec<String>,
    /// Whether an item is confidential and shown (the members' version): every printed
    /// page says "Indeholder fortrolige punkter" in its running header.
    pub confidential: bool,
}

/// Where to sign up, or where the sign-up link will be announced.
#[derive(Clone, Debug, Serialize)]
pub struct Signup {
    pub url: Option<String>,
    pub channel: Option<String>,
    pub text: String,
    /// The text before the link: "Meldes ud via Ugens Lederopgave og på".
    pub lead: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct ItemOut {
    /// The item's number; null for what is not an item of the agenda (a break, the
    /// afrunding).
    pub number: Option<usize>,
    pub title: String,
    #[serde(rename = "type")]
    pub kind: Option<ItemType>,
    pub type_text: Option<String>,
    /// What the item is for ([`AgendaItem::role`]), for the referat's closing items.
    #[serde(skip)]
    pub role: Option<ItemRole>,
    pub minutes: i64,
    pub start: Option<String>,
    pub end: Option<String>,
    /// "kl. 13.30–13.50", or "20 min" when no start time is known; empty when the meeting is
    /// cancelled.
    pub slot_text: String,
    pub lead: Option<String>,
    pub recommendation: Option<String>,
    pub notes: Option<String>,
    pub prompts: Vec<PromptOut>,
    /// What the item says of the minutes before it (see `report::followup`), or null.
    pub follow_up: Option<crate::report::followup::FollowUp>,
    /// Whether the item is confidential (fortroligt). In the public version it is a
    /// placeholder, "Fortroligt punkt", with nothing else.
    pub confidential: bool,
    /// Why it is confidential, where the data says (members' version only).
    pub confidential_reason: Option<String>,
    /// Whether this is the public version's placeholder of a confidential item.
    pub withheld: bool,
    /// The item's attachments (bilag), numbered under it: 3.1, 3.2, …
    pub attachments: Vec<AttachmentOut>,
}

/// An attachment as the agenda lists it.
#[derive(Clone, Debug, Serialize)]
pub struct AttachmentOut {
    /// "3.1": the item's number and the attachment's under it.
    pub number: String,
    pub title: String,
    /// The file, as the data names it (relative to the data folder).
    pub file: String,
    /// "PDF", "DOCX", …; null for a file without an extension.
    pub format: Option<String>,
    /// The number of pages of a PDF; null for any other file.
    pub pages: Option<u32>,
    /// "Bilag 3.1: APV-handleplan 2026 (PDF, 4 sider)"
    pub label: String,
    /// Where the HTML agenda links it: the file as the data names it, or its copy's name
    /// beside the agenda in an export.
    pub href: String,
    /// Where the file is on the disk; for the commands that attach, merge or copy it.
    #[serde(skip)]
    pub path: Option<std::path::PathBuf>,
}

#[derive(Clone, Debug, Serialize)]
pub struct PromptOut {
    pub id: String,
    pub text: String,
    pub sources: Vec<SourceOut>,
    /// The sources as a citation: "«…» (Det, vi mangler svar på)".
    pub citation: String,
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

/// Why an agenda cannot be made.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum AgendaError {
    #[error("`{0}` is neither a meeting nor a roadmap activity that is a meeting")]
    NotAMeeting(String),
    #[error("`{id}` has no agenda items and no template")]
    NoItems { id: String },
    /// The items do not fit the time, by the rule `validate` checks too.
    #[error(transparent)]
    Timing(#[from] TimingError),
}

/// The parts of a meeting or activity that an agenda needs.
struct Source<'a> {
    id: &'a str,
    title: &'a str,
    forum: Option<&'a str>,
    status: Status,
    date: When,
    start: Option<NaiveTime>,
    end: Option<NaiveTime>,
    place: Option<&'a str>,
    themes: Vec<&'a str>,
    items: &'a [Located<AgendaItem>],
    template: Option<&'a Template>,
    details_pending: bool,
    /// Whether participants sign up (only where the source announces it).
    signup: bool,
    signup_url: Option<&'a str>,
    in_programme: bool,
    meeting: Option<&'a crate::model::Meeting>,
}

fn source<'a>(catalog: &Catalog<'a>, id: &str) -> Result<Source<'a>, AgendaError> {
    if let Some(m) = catalog.meeting(id) {
        return Ok(Source {
            id: &m.id,
            title: &m.title,
            forum: m.forum_id(),
            status: catalog.meeting_status(m),
            date: *m.date,
            start: m.start.as_ref().map(|t| t.0),
            end: m.end.as_ref().map(|t| t.0),
            place: m.place.as_deref(),
            themes: m.themes.iter().map(|t| t.as_str()).collect(),
            items: &m.items,
            template: m.template.as_ref().and_then(|t| catalog.template(t)),
            details_pending: !m.details_announced,
            signup: m.has_signup(),
            signup_url: m.signup_url.as_ref().map(|u| u.as_str()),
            in_programme: true,
            meeting: Some(m),
        });
    }
    match catalog.activity(id) {
        Some(a) if a.is_meeting() => Ok(Source {
            id: &a.id,
            title: &a.title,
            forum: a.forum_id(),
            status: catalog.activity_status(a),
            date: *a.date,
            start: None,
            end: None,
            place: None,
            themes: a.themes.iter().map(|t| t.as_str()).collect(),
            items: &[],
            template: a.template.as_ref().and_then(|t| catalog.template(t)),
            details_pending: a.date.day().is_none(),
            signup: false,
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
    let added = follow_up.items().len() > items.len();
    let items = follow_up.items();
    let mut frame = Frame {
        items,
        from_template,
        start: src.start,
        end: src.end,
        template_start: src.template.and_then(|t| t.start.as_ref().map(|s| s.0)),
    };
    let clock = match timing::timing(&frame, options) {
        // The follow-up item that earlier minutes add runs the agenda over rather than
        // refusing it; `validate` warns which items to shorten.
        Err(timing::TimingError::Overrun { .. }) if added => {
            frame.end = None;
            timing::timing(&frame, options)?
        }
        clock => clock?,
    };
    let total = clock.total;
    let template = src.template.filter(|_| from_template);
    let cancelled = src.status == Status::Cancelled;
    let suggestion = template.is_some_and(|t| t.suggestion);
    let mut out_items = slots(catalog, items, &clock.minutes, clock.start, lang);
    for (at, said) in follow_up.follow_ups(catalog, options.today) {
        if let Some(item) = out_items.get_mut(at) {
            item.follow_up = Some(said);
        }
    }
    if let Some(rest) = afrunding(&clock, total, lang) {
        out_items.push(rest);
    }
    if cancelled {
        for item in &mut out_items {
            item.slot_text.clear();
        }
    }
    let programme = &catalog.data.programme;
    let announcement = (src.in_programme && src.signup)
        .then_some(programme.announcement.as_ref())
        .flatten();
    let meeting = src.meeting;
    let is_programme = template.is_some_and(|t| t.kind == TemplateKind::Programme);
    let deadlines = meeting.map(|m| catalog.deadlines_of(m)).unwrap_or_default();
    Ok(Agenda {
        id: src.id.to_owned(),
        lang,
        title: lang
            .prefer(src.title, meeting.and_then(|m| m.title_en.as_deref()))
            .to_owned(),
        forum: src.forum.map(|f| catalog.forum_name(f).to_owned()),
        level: src.forum.and_then(|f| catalog.forum_level(f)),
        organiser: (src.forum.is_none() && src.in_programme)
            .then(|| catalog.forum_name(&programme.owner).to_owned()),
        programme: is_programme,
        suggestion,
        cancelled,
        date: src.date.day().map(iso),
        period: src.date.is_known().then(|| src.date.to_string()),
        date_text: lang.when(src.date),
        week: src.date.day().map(|d| d.iso_week().week()),
        start: clock.start.map(hhmm),
        end: clock.end.map(hhmm),
        time_text: time_text(&clock, lang, suggestion),
        place_missing: (src.place.is_none() && src.details_pending).then(|| {
            let over = options
                .today
                .zip(src.date.days())
                .is_some_and(|(today, (_, last))| last < today);
            let w = lang.words();
            if over {
                w.not_registered
            } else {
                w.place_not_given
            }
            .to_owned()
        }),
        place: src.place.map(str::to_owned),
        status: src.status,
        status_text: lang.status(src.status).to_owned(),
        provisional_note: provisional_note(&src, programme.note.as_deref(), lang),
        details_pending: src.details_pending,
        signup: signup(
            src.signup_url.filter(|_| src.signup),
            announcement,
            src.details_pending,
            lang,
        ),
        participants: meeting.map(|m| m.participants.clone()).unwrap_or_default(),
        apologies: meeting.map(|m| m.apologies.clone()).unwrap_or_default(),
        chair: meeting.and_then(|m| m.chair.clone()),
        minute_taker: meeting.and_then(|m| m.minute_taker.clone()),
        template: template.map(|t| t.id.value.clone()),
        total_minutes: total,
        items: out_items,
        background: background(catalog, &src.themes),
        with_notes: options.with_notes,
        items_due: deadlines.items_due.map(|d| lang.long_date(d)),
        agenda_out: deadlines.agenda_out.map(|d| lang.long_date(d)),
        bases: bases(catalog, items),
        // The members' version says so on every page; the public one has nothing to hide.
        confidential: items.iter().any(|i| i.confidential && !i.withheld),
    })
}

/// When the items end before the meeting's own end, the rest of the time is the afrunding,
/// so that the header's time and the items agree.
fn afrunding(clock: &Timing, total: i64, lang: Lang) -> Option<ItemOut> {
    let (start, end) = (clock.start?, clock.end?);
    let items_end = start + TimeDelta::minutes(total);
    (end > items_end).then(|| ItemOut {
        number: None,
        title: lang.words().rounding_off.to_owned(),
        kind: None,
        type_text: None,
        role: None,
        minutes: (end - items_end).num_minutes(),
        start: Some(hhmm(items_end)),
        end: Some(hhmm(end)),
        slot_text: lang.time_span(items_end, end),
        lead: None,
        recommendation: None,
        notes: None,
        prompts: Vec::new(),
        follow_up: None,
        attachments: Vec::new(),
        confidential: false,
        confidential_reason: None,
        withheld: false,
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

/// "kl. 13.00–15.30", with "(vejledende)" when the time comes from the template, or
/// "(forslag)" when it comes from a template that is a suggestion. A time the meeting itself
/// gives is a fact, and is printed as one.
fn time_text(clock: &Timing, lang: Lang, suggestion: bool) -> Option<String> {
    let (Some(s), Some(e)) = (clock.start, clock.end) else {
        return None;
    };
    let span = lang.time_span(s, e);
    let w = lang.words();
    Some(match (clock.indicative, suggestion) {
        (true, true) => format!("{span} ({})", w.suggestion),
        (true, false) => format!("{span} ({})", w.indicative),
        (false, _) => span,
    })
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
    let mut numbered = 0;
    items
        .iter()
        .zip(minutes)
        .map(|(item, &length)| {
            // A break is no item of the agenda, so it takes no number.
            let number = (!item.is_break()).then(|| {
                numbered += 1;
                numbered
            });
            let item_start = clock;
            let item_end = clock.map(|c| c + TimeDelta::minutes(length));
            clock = item_end;
            let slot_text = match (item_start, item_end) {
                (Some(s), Some(e)) => lang.time_span(s, e),
                _ => format!("{length} {}", lang.words().minutes),
            };
            ItemOut {
                number,
                title: lang
                    .prefer(&item.title, item.title_en.as_deref())
                    .to_owned(),
                kind: item.kind,
                type_text: item.kind.map(|k| lang.item_type(k).to_owned()),
                role: item.role(),
                minutes: length,
                start: item_start.map(hhmm),
                end: item_end.map(hhmm),
                slot_text,
                lead: item
                    .lead
                    .as_deref()
                    .map(|l| lang.prefer(l, item.lead_en.as_deref()).to_owned()),
                recommendation: item
                    .recommendation
                    .as_deref()
                    .map(|r| lang.prefer(r, item.recommendation_en.as_deref()).to_owned()),
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
                        citation: citation(catalog, p, lang),
                    })
                    .collect(),
                confidential: item.confidential,
                confidential_reason: item.confidential_reason.clone(),
                withheld: item.withheld,
                follow_up: None,
                attachments: attachments(&item.attachments, number, lang),
            }
        })
        .collect()
}

impl Agenda {
    /// Every attachment of the agenda, in the order of its items.
    pub fn attachments(&self) -> impl Iterator<Item = &AttachmentOut> {
        self.items.iter().flat_map(|i| i.attachments.iter())
    }

    /// [`Self::attachments`], to change (an export's links to its copies).
    pub fn attachments_mut(&mut self) -> impl Iterator<Item = &mut AttachmentOut> {
        self.items.iter_mut().flat_map(|i| i.attachments.iter_mut())
    }
}

/// The attachments of the agenda of `id` as the data names them, in the order the agenda
/// lists them: the meeting's own items', else its template's. For the names an export plans
/// before it builds the agendas.
pub fn attachments_of<'a>(catalog: &Catalog<'a>, id: &str) -> Vec<&'a crate::model::Attachment> {
    let Ok(src) = source(catalog, id) else {
        return Vec::new();
    };
    let Ok((items, _)) = src.agenda_items() else {
        return Vec::new();
    };
    items
        .iter()
        .flat_map(|i| i.attachments.iter().map(|a| &a.value))
        .collect()
}

/// An item's attachments, numbered under the item ("3.1", "3.2"; "1", "2" under a point
/// without a number), each with its label.
fn attachments(
    list: &[Located<crate::model::Attachment>],
    item: Option<usize>,
    lang: Lang,
) -> Vec<AttachmentOut> {
    let w = lang.words();
    list.iter()
        .enumerate()
        .map(|(i, a)| {
            let number = match item {
                Some(n) => format!("{n}.{}", i + 1),
                None => (i + 1).to_string(),
            };
            let pages = a.found.as_ref().and_then(|f| f.pages);
            let format = a.extension();
            let what = match (&format, pages) {
                (Some(f), Some(1)) => format!(" ({f}, 1 {})", w.one_page),
                (Some(f), Some(n)) => format!(" ({f}, {n} {})", w.pages),
                (Some(f), None) => format!(" ({f})"),
                (None, _) => String::new(),
            };
            AttachmentOut {
                label: format!("{} {number}: {}{what}", w.attachment, a.title()),
                number,
                title: a.title().to_owned(),
                file: a.file.clone(),
                href: a.file.clone(),
                format,
                pages,
                path: a.found.as_ref().map(|f| f.path.clone()),
            }
        })
        .collect()
}

/// The basis of each rule of the annual cycle that the items cover: "Den årlige
/// arbejdsmiljødrøftelse: Arbejdsmiljøloven …".
fn bases(catalog: &Catalog<'_>, items: &[Located<AgendaItem>]) -> Vec<String> {
    let rules = catalog.data.cycle.iter().flat_map(|c| c.rules.iter());
    let mut out = Vec::new();
    for rule in rules {
        let named = items.iter().any(|i| {
            i.cycle
                .as_ref()
                .is_some_and(|c| c.as_str() == rule.id.as_str())
        });
        if let (true, Some(basis)) = (named, &rule.basis) {
            out.push(format!("{} – {basis}", rule.title.value));
        }
    }
    out
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
            lead: String::new(),
        });
    }
    let a = announcement?;
    let link = a.url.as_ref().map(|u| u.value.clone());
    let w = lang.words();
    let via = if pending { w.announced_via } else { w.via };
    let lead = match &link {
        Some(_) => format!("{via} {} {}", a.channel, w.and_at),
        None => format!("{via} {}", a.channel),
    };
    let text = match &link {
        Some(link) => format!("{lead} {link}"),
        None => lead.clone(),
    };
    Some(Signup {
        url: link,
        channel: Some(a.channel.clone()),
        text,
        lead,
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

impl Agenda {
    /// The header's label–value pairs. A committee meeting always has rows for the chair,
    /// the minute-taker, the participants and the apologies, with a line to fill in by hand
    /// where the data has none; the status is shown only when it is news (provisional or
    /// cancelled).
    fn facts(&self) -> Vec<Fact> {
        let w = self.lang.words();
        let fact = |label: &str, value: String| Fact {
            label: label.to_owned(),
            value,
        };
        let mut out = Vec::new();
        match (&self.forum, &self.organiser) {
            (Some(forum), _) => out.push(fact(w.forum, forum.clone())),
            (None, Some(organiser)) => out.push(fact(w.organiser, organiser.clone())),
            (None, None) => out.push(fact(w.forum, w.no_forum.to_owned())),
        }
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
            (None, true) => out.push(fact(
                w.place,
                self.place_missing
                    .clone()
                    .unwrap_or_else(|| w.place_not_given.to_owned()),
            )),
            _ => {}
        }
        if matches!(self.status, Status::Provisional | Status::Cancelled) {
            out.push(fact(w.status, self.status_text.clone()));
        }
        if let Some(s) = &self.signup {
            out.push(fact(w.signup, s.text.clone()));
        }
        if let Some(d) = &self.items_due {
            out.push(fact(w.items_due, d.clone()));
        }
        if let Some(d) = &self.agenda_out {
            out.push(fact(w.agenda_out, d.clone()));
        }
        if !self.programme {
            out.push(fact(w.chair, self.chair.clone().unwrap_or_default()));
            out.push(fact(
                w.minute_taker,
                self.minute_taker.clone().unwrap_or_default(),
            ));
            out.push(fact(w.participants, self.participants.join(", ")));
            out.push(fact(w.apologies, self.apologies.join(", ")));
        }
        out
    }

    /// "Dagsorden", or "Program" for a temamøde's programme.
    pub fn kind_word(&self) -> &'static str {
        let w = self.lang.words();
        if self.programme {
            w.programme
        } else {
            w.agenda
        }
    }
}

impl ItemOut {
    /// "kl. 13.30–13.50 · Drøftelse · Ansvarlig: Leder"
    fn meta(&self, lang: Lang) -> Option<String> {
        let mut parts: Vec<String> = Vec::new();
        if !self.slot_text.is_empty() {
            parts.push(self.slot_text.clone());
        }
        parts.extend(self.type_text.clone());
        if let Some(lead) = &self.lead {
            parts.push(format!("{}: {lead}", lang.words().lead));
        }
        // The placeholder's title says it already.
        if self.confidential && !self.withheld {
            parts.push(lang.words().confidential.to_owned());
        }
        (!parts.is_empty()).then(|| parts.join(" · "))
    }

    fn block(&self, lang: Lang, with_notes: bool) -> Block {
        let w = lang.words();
        let mut body = Vec::new();
        if let Some(reason) = &self.confidential_reason {
            body.push(Block::paragraph(
                Style::Small,
                format!("{}: {reason}", w.confidential_reason),
            ));
        }
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
                    notes: (!p.citation.is_empty())
                        .then(|| Text::new(Style::Small, format!("{}: {}", w.source, p.citation)))
                        .into_iter()
                        .collect(),
                    ..Entry::new(p.text.clone())
                })
                .collect();
            body.push(Block::List {
                numbered: false,
                entries,
            });
        }
        if !self.attachments.is_empty() {
            body.push(Block::List {
                numbered: false,
                entries: self
                    .attachments
                    .iter()
                    .map(|a| Entry::new(a.label.clone()))
                    .collect(),
            });
        }
        if with_notes && self.number.is_some() {
            body.push(Block::WriteIn { lines: 4 });
        }
        Block::Item {
            number: self.number.map(|n| n.to_string()).unwrap_or_default(),
            title: self.title.clone(),
            meta: self.meta(lang),
            body,
        }
    }
}

impl Printable for Agenda {
    fn doc(&self) -> Doc {
        let w = self.lang.words();
        let mut blocks = Vec::new();
        if self.cancelled {
            blocks.push(Block::Notice {
                level: NoticeLevel::Alert,
                text: w.cancelled_notice.to_owned(),
            });
        }
        blocks.push(Block::Facts {
            facts: self.facts(),
        });
        if let Some(note) = &self.provisional_note {
            blocks.push(Block::Notice {
                level: NoticeLevel::Info,
                text: note.clone(),
            });
        }
        if self.suggestion {
            blocks.push(Block::Notice {
                level: NoticeLevel::Info,
                text: w.suggestions_note.to_owned(),
            });
        }
        // A programme is its items: the document's title already says "Program".
        if !self.programme {
            blocks.push(Block::heading(w.items));
        }
        blocks.extend(
            self.items
                .iter()
                .map(|i| i.block(self.lang, self.with_notes)),
        );
        for basis in &self.bases {
            blocks.push(Block::paragraph(
                Style::Small,
                format!("{}: {basis}", w.basis),
            ));
        }
        if !self.background.is_empty() {
            blocks.push(Block::heading(w.background));
            blocks.extend(self.background.iter().map(|b| Block::Item {
                number: String::new(),
                title: b.heading.clone(),
                meta: None,
                body: vec![Block::paragraph(Style::Plain, &b.text)],
            }));
        }
        let who = self
            .forum
            .clone()
            .or_else(|| self.organiser.clone())
            .unwrap_or_default();
        Doc {
            kind: self.kind_word().to_owned(),
            title: self.title.clone(),
            running: Some(format!("{who} · {}", self.date_text)),
            banner: self
                .confidential
                .then(|| w.contains_confidential.to_owned()),
            blocks,
            ..Doc::new(self.lang)
        }
    }
}
