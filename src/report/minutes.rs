//! The referat: a meeting's minutes as Danish MED minutes look, with the header (udvalg,
//! dato, tid, sted, til stede, afbud, mødeleder, referent), each item with its number, title,
//! type and "Beslutning:" or "Konklusion:", the action points of each item, and a draft mark
//! until a later meeting approves it. Also the skeleton that `medtrio minutes ID` writes.

use serde::Serialize;

use crate::lang::Lang;
use crate::model::when::iso;
use crate::model::{
    Catalog, ItemRole, ItemType, Level, Located, Minutes, MinutesStatus, When, same_name,
};
use crate::report::actions::ActionLine;
use crate::report::agenda::{self, Agenda, AgendaError, AgendaOptions, ItemOut};
use crate::report::doc::{Block, Doc, Fact, NoticeLevel, Printable, Style};

/// A meeting's referat.
#[derive(Clone, Debug, Serialize, schemars::JsonSchema)]
pub struct Referat {
    /// The meeting's id.
    pub id: String,
    pub lang: Lang,
    pub title: String,
    pub forum: String,
    pub level: Option<Level>,
    /// When the meeting was held, as data (`2026-03-24`), or null.
    pub date: Option<String>,
    /// "tirsdag den 24. marts 2026"
    pub date_text: String,
    pub time_text: Option<String>,
    pub place: Option<String>,
    pub status: MinutesStatus,
    /// "Udkast" or "Godkendt".
    pub status_text: String,
    /// "Godkendt tirsdag den 7. april 2026 på LMU-møde i april", for approved minutes.
    pub approved_text: Option<String>,
    pub present: Vec<String>,
    pub apologies: Vec<String>,
    /// The members of the forum on the day who are neither present nor excused (fraværende),
    /// in the order of members.yaml; empty without a members file.
    pub absent: Vec<String>,
    pub chair: Option<String>,
    pub minute_taker: Option<String>,
    pub items: Vec<ReferatItem>,
    /// Action points that belong to no item.
    pub actions: Vec<ActionLine>,
    /// Whether an item is confidential: every printed page says "Indeholder fortrolige
    /// punkter" in its running header.
    pub confidential: bool,
}

/// One item of the referat.
#[derive(Clone, Debug, Serialize, schemars::JsonSchema)]
pub struct ReferatItem {
    pub number: usize,
    pub title: String,
    #[serde(rename = "type")]
    pub kind: Option<ItemType>,
    pub type_text: Option<String>,
    /// What the item came to, with its label: ("Beslutning", "…"), ("Konklusion", "…"), or
    /// ("Orientering", "Taget til efterretning").
    pub outcome: Option<Outcome>,
    pub note: Option<String>,
    /// "Udsat til LMU-møde i april (tirsdag den 7. april 2026)".
    pub postponed_text: Option<String>,
    pub story: Option<String>,
    pub actions: Vec<ActionLine>,
    /// Protokoltilførsler: statements entered at a member's request.
    pub statements: Vec<StatementOut>,
    /// Whether the item is confidential (fortroligt) and shown: false for the public
    /// version's placeholder, whose title says it.
    pub confidential: bool,
    /// Why it is confidential, where the data says (members' version only).
    pub confidential_reason: Option<String>,
}

/// A protokoltilførsel as printed: who asked for it, and what they said.
#[derive(Clone, Debug, Serialize, schemars::JsonSchema)]
pub struct StatementOut {
    pub by: String,
    pub text: String,
}

#[derive(Clone, Debug, Serialize, schemars::JsonSchema)]
pub struct Outcome {
    pub label: String,
    pub text: String,
}

/// Why there is no referat.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ReferatError {
    #[error("`{0}` has no minutes yet")]
    NoMinutes(String),
    #[error(transparent)]
    Agenda(#[from] AgendaError),
}

/// The referat of the meeting `id`, from its minutes and its agenda.
pub fn referat(catalog: &Catalog<'_>, id: &str, lang: Lang) -> Result<Referat, ReferatError> {
    let agenda = agenda::agenda(catalog, id, lang, AgendaOptions::default())?;
    referat_of(catalog, &agenda, lang)
}

/// The referat of the meeting whose agenda is `agenda`, so that a caller with the agenda in
/// hand (the export) builds it only once.
pub fn referat_of(
    catalog: &Catalog<'_>,
    agenda: &Agenda,
    lang: Lang,
) -> Result<Referat, ReferatError> {
    let id = agenda.id.as_str();
    let minutes = catalog
        .minutes_of(id)
        .ok_or_else(|| ReferatError::NoMinutes(id.to_owned()))?;
    let w = lang.words();
    let held = minutes.held.as_ref();
    // The day it was held, else the planned one (`held.date: null` says nothing new).
    let date = match held.map(|h| *h.date) {
        Some(When::Unknown) | None => catalog.date_of(id),
        Some(day) => day,
    };
    let time_text = match held.and_then(|h| h.start.as_ref().zip(h.end.as_ref())) {
        Some((s, e)) => Some(lang.time_span(s.0, e.0)),
        None => agenda.time_text.clone().filter(|_| held.is_none()),
    };
    let approved_text = minutes.approved.as_ref().map(|a| match &a.meeting {
        Some(at) => {
            let title = catalog
                .meeting(at)
                .map(|m| lang.prefer(&m.title, m.title_en.as_deref()))
                .unwrap_or_else(|| catalog.title_of(at));
            lang.approved_at(&lang.when(*a.date), title)
        }
        None => lang.approved_in_writing(&lang.when(*a.date)),
    });
    let item_actions = |number: Option<u32>| -> Vec<ActionLine> {
        minutes
            .actions
            .iter()
            .filter(|a| a.item.as_ref().map(|i| i.value) == number)
            .map(|a| ActionLine::of(a, &minutes.meeting, None, lang))
            .collect()
    };
    let next = next_meeting(catalog, id, date, lang);
    let items = agenda
        .items
        .iter()
        .filter_map(|item| {
            let number = item.number?;
            let mut out = referat_item(catalog, minutes, number, item, lang, &item_actions);
            standard_item(&mut out, item.role, next.as_deref(), lang);
            Some(out)
        })
        .collect();
    Ok(Referat {
        id: id.to_owned(),
        lang,
        title: agenda.title.clone(),
        forum: agenda
            .forum
            .clone()
            .or_else(|| agenda.organiser.clone())
            .unwrap_or_default(),
        level: agenda.level,
        date: date.day().map(crate::model::when::iso),
        date_text: lang.when(date),
        time_text,
        place: held
            .and_then(|h| h.place.clone())
            .or_else(|| agenda.place.clone()),
        status: *minutes.status,
        status_text: match *minutes.status {
            MinutesStatus::Prepared => w.prepared.to_owned(),
            MinutesStatus::Draft => w.draft.to_owned(),
            MinutesStatus::Approved => w.approved.to_owned(),
        },
        approved_text,
        present: texts(&minutes.present),
        // A referat that says who came and names no apologies: everyone came.
        apologies: if minutes.apologies.is_empty() && !minutes.present.is_empty() {
            vec![w.no_apologies.to_owned()]
        } else {
            texts(&minutes.apologies)
        },
        absent: absent(catalog, minutes),
        chair: minutes.chair.clone(),
        minute_taker: minutes.minute_taker.clone(),
        confidential: agenda.confidential,
        items,
        actions: item_actions(None),
    })
}

/// The members expected at the meeting who are neither under "til stede" nor "afbud". Only
/// once attendance is recorded: minutes that name no one yet have no one absent.
fn absent(catalog: &Catalog<'_>, minutes: &Minutes) -> Vec<String> {
    if minutes.present.is_empty() && minutes.apologies.is_empty() {
        return Vec::new();
    }
    let Some(expected) = catalog.members_at(minutes) else {
        return Vec::new();
    };
    let named = |name: &str| {
        minutes
            .present
            .iter()
            .chain(&minutes.apologies)
            .any(|n| same_name(n, name))
    };
    expected
        .into_iter()
        .filter(|m| !named(&m.name))
        .map(|m| m.name.value.clone())
        .collect()
}

/// The names of a list as written.
fn texts(names: &[Located<String>]) -> Vec<String> {
    names.iter().map(|n| n.value.clone()).collect()
}

/// The forum's next meeting after the one of the referat, as a referat states it under
/// "Næste møde": "tirsdag den 1. december 2026, kl. 13.00, Personalerummet".
fn next_meeting(catalog: &Catalog<'_>, id: &str, date: When, lang: Lang) -> Option<String> {
    let forum = catalog.forum_of(id)?;
    let after = date.days()?.1;
    let next = catalog
        .data
        .programme
        .meetings
        .iter()
        .filter(|m| m.forum_id() == Some(forum) && m.id.as_str() != id)
        .filter(|m| catalog.meeting_status(m) != crate::model::Status::Cancelled)
        .filter_map(|m| Some((m.date.day()?, m)))
        .filter(|(day, _)| *day > after)
        .min_by_key(|(day, _)| *day)?
        .1;
    let mut parts = vec![lang.when(*next.date)];
    parts.extend(next.start.as_ref().map(|s| lang.clock(s.0)));
    parts.extend(next.place.clone());
    Some(parts.join(", "))
}

/// The closing items as a referat writes them: "Næste møde" gives the next meeting, and an
/// "Eventuelt" with nothing said is "Intet.", not an orientering taken to efterretning. By
/// the agenda item's `role` (or its title, for data without roles).
fn standard_item(item: &mut ReferatItem, role: Option<ItemRole>, next: Option<&str>, lang: Lang) {
    let w = lang.words();
    let noted = item.outcome.as_ref().is_some_and(|o| o.text == w.noted);
    if !noted && item.outcome.is_some() {
        return;
    }
    if role == Some(ItemRole::NextMeeting) {
        if let Some(next) = next {
            item.outcome = Some(Outcome {
                label: w.next_meeting.to_owned(),
                text: next.to_owned(),
            });
        }
    } else if role == Some(ItemRole::AnyOtherBusiness) && noted {
        item.outcome = Some(Outcome {
            label: w.remarks.to_owned(),
            text: w.nothing_recorded_item.to_owned(),
        });
    }
}

fn referat_item(
    catalog: &Catalog<'_>,
    minutes: &Minutes,
    number: usize,
    item: &ItemOut,
    lang: Lang,
    actions: &dyn Fn(Option<u32>) -> Vec<ActionLine>,
) -> ReferatItem {
    let w = lang.words();
    let said = minutes.item(u32::try_from(number).unwrap_or(u32::MAX));
    let outcome = said.and_then(|m| {
        let (label, text) = match (&m.decision, &m.conclusion, m.noted) {
            (Some(d), _, _) => (w.decision, d.clone()),
            (None, Some(c), _) => (w.conclusion, c.clone()),
            (None, None, true) => (w.information, w.noted.to_owned()),
            _ => return None,
        };
        (!text.trim().is_empty()).then(|| Outcome {
            label: label.to_owned(),
            text,
        })
    });
    let postponed_text = said.and_then(|m| m.postponed_to.as_ref()).map(|to| {
        let (title, when) = catalog
            .meeting(to)
            .map_or((to.as_str(), String::new()), |m| {
                (m.title.as_str(), lang.when(*m.date))
            });
        lang.postponed_to(title, &when)
    });
    ReferatItem {
        number,
        title: item.title.clone(),
        kind: item.kind,
        type_text: item.type_text.clone(),
        outcome,
        note: said.and_then(|m| m.note.clone()),
        postponed_text,
        story: said.and_then(|m| m.story.clone()),
        actions: actions(u32::try_from(number).ok()),
        statements: said
            .map(|m| {
                m.statements
                    .iter()
                    .map(|s| StatementOut {
                        by: s.by.clone(),
                        text: s.text.clone(),
                    })
                    .collect()
            })
            .unwrap_or_default(),
        confidential: item.confidential && !item.withheld,
        confidential_reason: item.confidential_reason.clone(),
    }
}

impl Referat {
    fn facts(&self) -> Vec<Fact> {
        let w = self.lang.words();
        let fact = |label: &str, value: String| Fact {
            label: label.to_owned(),
            value,
        };
        let mut facts = vec![
            fact(w.committee, self.forum.clone()),
            fact(w.date, self.date_text.clone()),
        ];
        if let Some(t) = &self.time_text {
            facts.push(fact(w.time, t.clone()));
        }
        if let Some(p) = &self.place {
            facts.push(fact(w.place, p.clone()));
        }
        facts.push(fact(w.present, self.present.join(", ")));
        // Minutes are written after the fact: with who was there recorded, no apologies is
        // "Ingen", not a line that invites handwriting on minutes already sent out.
        let apologies = if self.apologies.is_empty() && !self.present.is_empty() {
            w.no_apologies.to_owned()
        } else {
            self.apologies.join(", ")
        };
        facts.push(fact(w.apologies, apologies));
        if !self.absent.is_empty() {
            facts.push(fact(w.absent, self.absent.join(", ")));
        }
        facts.push(fact(w.chair, self.chair.clone().unwrap_or_default()));
        facts.push(fact(
            w.minute_taker,
            self.minute_taker.clone().unwrap_or_default(),
        ));
        facts
    }
}

impl Printable for Referat {
    fn doc(&self) -> Doc {
        let w = self.lang.words();
        let mut blocks = Vec::new();
        let notice = match self.status {
            MinutesStatus::Prepared => Some(w.prepared_notice),
            MinutesStatus::Draft => Some(w.draft_notice),
            MinutesStatus::Approved => None,
        };
        if let Some(text) = notice {
            blocks.push(Block::Notice {
                level: NoticeLevel::Info,
                text: text.to_owned(),
            });
        }
        blocks.push(Block::Facts {
            facts: self.facts(),
        });
        blocks.push(Block::heading(w.items));
        for item in &self.items {
            let mut body = Vec::new();
            if let Some(reason) = &item.confidential_reason {
                body.push(Block::paragraph(
                    Style::Small,
                    format!("{}: {reason}", w.confidential_reason),
                ));
            }
            if let Some(o) = &item.outcome {
                body.push(Block::Facts {
                    facts: vec![Fact {
                        label: o.label.clone(),
                        value: o.text.clone(),
                    }],
                });
            }
            if let Some(p) = &item.postponed_text {
                body.push(Block::paragraph(Style::Strong, p));
            }
            if let Some(n) = &item.note {
                body.push(Block::paragraph(Style::Plain, n));
            }
            if let Some(s) = &item.story {
                body.push(Block::paragraph(
                    Style::Emphasis,
                    format!("{}: {s}", w.good_story),
                ));
            }
            for s in &item.statements {
                body.push(Block::paragraph(
                    Style::Strong,
                    format!("{} ({}):", w.statement, s.by),
                ));
                body.push(Block::paragraph(Style::Plain, &s.text));
            }
            if !item.actions.is_empty() {
                body.push(Block::paragraph(Style::Strong, format!("{}:", w.actions)));
                body.push(ActionLine::table(&item.actions, self.lang));
            }
            // "Beslutning" over "Beslutning: …" says it twice.
            let type_text = item
                .type_text
                .clone()
                .filter(|t| item.outcome.as_ref().is_none_or(|o| &o.label != t));
            let meta: Vec<String> = type_text
                .into_iter()
                .chain(item.confidential.then(|| w.confidential.to_owned()))
                .collect();
            blocks.push(Block::Item {
                number: item.number.to_string(),
                title: item.title.clone(),
                meta: (!meta.is_empty()).then(|| meta.join(" · ")),
                body,
            });
        }
        if !self.actions.is_empty() {
            blocks.push(Block::heading(w.other_actions));
            blocks.push(ActionLine::table(&self.actions, self.lang));
        }
        if let Some(a) = &self.approved_text {
            blocks.push(Block::paragraph(Style::Emphasis, a));
        }
        Doc {
            kind: w.minutes_heading.to_owned(),
            title: self.title.clone(),
            running: Some(format!("{} · {}", self.forum, self.date_text)),
            // A loose page of a draft must not read as approved minutes.
            mark: (self.status == MinutesStatus::Draft).then(|| w.draft.to_uppercase()),
            banner: self
                .confidential
                .then(|| w.contains_confidential.to_owned()),
            // Municipalities file their referater as PDF/A.
            archival: true,
            blocks,
            ..Doc::new(self.lang)
        }
    }
}

/// What the minutes say before they are written down: the answers of `medtrio minutes ID`,
/// from flags or from the questions at a terminal. What is not answered comes from the plan.
#[derive(Clone, Debug, Default)]
pub struct Answers {
    /// The day it was held, when not the planned one.
    pub held: Option<chrono::NaiveDate>,
    pub present: Option<Vec<String>>,
    pub apologies: Option<Vec<String>>,
    pub chair: Option<String>,
    pub minute_taker: Option<String>,
    /// What items came to, by number: the decision (B), conclusion (D) or note (O).
    pub outcomes: Vec<(usize, String)>,
    pub actions: Vec<NewAction>,
}

/// An action point as it is written into new minutes.
#[derive(Clone, Debug)]
pub struct NewAction {
    pub id: String,
    pub text: String,
    pub owner: String,
    pub due: When,
    /// The item it came from, by number.
    pub item: Option<usize>,
}

/// `count` new action point ids for the minutes of `meeting`: `MEETING-1`, `MEETING-2`, …,
/// skipping those `taken` says are in use, and short enough to be ids.
pub fn new_action_ids(meeting: &str, count: usize, taken: impl Fn(&str) -> bool) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(count);
    let mut n = 1usize;
    while out.len() < count {
        let suffix = format!("-{n}");
        let mut stem = meeting.to_owned();
        stem.truncate(crate::model::MAX_ID_LEN - suffix.len());
        let id = format!("{}{suffix}", stem.trim_end_matches('-'));
        if !taken(&id) && !out.contains(&id) {
            out.push(id);
        }
        n += 1;
    }
    out
}

/// The minutes of a meeting to fill in: every item of the agenda with its decision or
/// conclusion (empty where not answered, its recommendation as a comment to start from), the
/// participants, and the action points, or a commented example of one.
pub fn skeleton(agenda: &Agenda, answers: &Answers, lang: Lang) -> String {
    let w = lang.words();
    let q = |s: &str| quote(s);
    let mut out = String::new();
    let comment = |out: &mut String, text: &str| {
        out.push_str("# ");
        out.push_str(&one_line(text));
        out.push('\n');
    };
    comment(
        &mut out,
        &format!(
            "{}: {} ({}), {}",
            w.minutes_heading, agenda.title, agenda.id, agenda.date_text
        ),
    );
    comment(&mut out, w.skeleton_help);
    out.push_str("version: 1\n");
    out.push_str(&format!("meeting: {}\n", agenda.id));
    out.push_str("status: draft\n");
    match answers.held {
        Some(day) => out.push_str(&format!("held:\n  date: \"{}\"\n", iso(day))),
        // Minutes need the day the meeting was held; the plan does not give one.
        None if agenda.date.is_none() => out.push_str("held:\n  date: null # YYYY-MM-DD\n"),
        None => {}
    }
    let present = answers.present.as_deref().unwrap_or(&agenda.participants);
    let apologies = answers.apologies.as_deref().unwrap_or(&agenda.apologies);
    out.push_str(&format!("present: [{}]\n", list(present)));
    out.push_str(&format!("apologies: [{}]\n", list(apologies)));
    if let Some(c) = answers.chair.as_ref().or(agenda.chair.as_ref()) {
        out.push_str(&format!("chair: {}\n", q(c)));
    }
    if let Some(m) = answers
        .minute_taker
        .as_ref()
        .or(agenda.minute_taker.as_ref())
    {
        out.push_str(&format!("minute_taker: {}\n", q(m)));
    }
    out.push_str("items:\n");
    for (number, item) in agenda.items.iter().filter_map(|i| Some((i.number?, i))) {
        out.push_str(&format!("  - item: {number}\n"));
        out.push_str(&format!("    title: {}\n", q(&item.title)));
        if let Some(r) = &item.recommendation {
            out.push_str("    ");
            comment(&mut out, r);
        }
        let said = answers
            .outcomes
            .iter()
            .rev()
            .find(|(n, _)| *n == number)
            .map(|(_, text)| text.as_str());
        match (item.kind, said) {
            (Some(ItemType::Beslutning), said) => {
                out.push_str(&format!("    decision: {}\n", q(said.unwrap_or(""))));
            }
            (Some(ItemType::Orientering), said) => {
                out.push_str("    noted: true\n");
                if let Some(note) = said {
                    out.push_str(&format!("    note: {}\n", q(note)));
                }
            }
            (_, said) => {
                out.push_str(&format!("    conclusion: {}\n", q(said.unwrap_or(""))));
            }
        }
    }
    if answers.actions.is_empty() {
        out.push_str("actions: []\n");
        comment(&mut out, w.skeleton_actions);
        let due = agenda.date.as_deref().unwrap_or("YYYY-MM-DD");
        for line in [
            "actions:".to_owned(),
            format!("  - id: {}-1", agenda.id),
            format!("    text: {}", q(w.skeleton_action_text)),
            format!("    owner: {}", q(w.skeleton_action_owner)),
            format!("    due: \"{due}\""),
            "    item: 1".to_owned(),
        ] {
            comment(&mut out, &line);
        }
    } else {
        out.push_str("actions:\n");
        for a in &answers.actions {
            out.push_str(&format!("  - id: {}\n", a.id));
            out.push_str(&format!("    text: {}\n", q(&a.text)));
            out.push_str(&format!("    owner: {}\n", q(&a.owner)));
            if a.due.is_known() {
                out.push_str(&format!("    due: \"{}\"\n", a.due));
            }
            if let Some(n) = a.item {
                out.push_str(&format!("    item: {n}\n"));
            }
        }
    }
    out
}

/// A YAML double-quoted scalar: JSON's string syntax is one, and escapes every control
/// character, so no text from the data can start a key or a line.
fn quote(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".to_owned())
}

fn list(items: &[String]) -> String {
    items
        .iter()
        .map(|s| quote(s))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A comment ends at a line break: a break in the data must not start a YAML line.
fn one_line(text: &str) -> String {
    text.replace(|c: char| c.is_control(), " ")
}
