//! Fuzz target: a valid catalog from arbitrary input → every document in every format.
//!
//! The input is decoded with the `arbitrary` crate into a description of a data set: fora,
//! themes, templates, meetings, roadmap activities, sections, findings and prompts, each
//! with arbitrary Unicode text (control characters, markup, formula signs, long words), and
//! ids that are slugs of arbitrary bytes. `build` writes that as the three YAML files, valid by
//! construction (references by index, times that fit, URLs with a host), and the target
//! parses them with `medtrio::load::parse` and checks them with `medtrio::validate`, as the
//! CLI does. Data that `validate` refuses is a mistake of `build`, not of medtrio, and is
//! skipped; `MEDTRIO_FUZZ_STRICT=1` makes it a crash instead, to find such mistakes.
//!
//! From the catalog it builds every document the CLI renders (agendas, prep sheets, prompt
//! sheets and cards, the four lists, diffs, details, the index page, the calendar, problems)
//! and renders each through `medtrio::render::Renderer` in every `Format`, and checks:
//! - no panic (and no integer overflow: the fuzz profile has overflow checks on);
//! - every format that the CLI offers for the document renders without an error;
//! - `validate` and `agenda` agree: valid data gives every agenda (or none for a meeting
//!   with neither items nor a template, which `validate` only warns about);
//! - HTML parses without a single html5ever parse error;
//! - every iCalendar line is at most 75 octets;
//! - no CSV cell starts a formula (`=`, `+`, `-`, `@`);
//! - JSON parses.

#![no_main]

use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::OnceLock;

use arbitrary::Arbitrary;
use chrono::{Datelike, NaiveDate, Weekday};
use html5ever::tendril::TendrilSink;
use libfuzzer_sys::fuzz_target;
use medtrio::diagnostic::Diagnostic;
use medtrio::lang::Lang;
use medtrio::load::{self, FileKind, Loaded, Provenance, SourceFile, Sources};
use medtrio::model::{Catalog, Dataset, Findings, Kind, Pos, Programme, Roadmap};
use medtrio::query::Query;
use medtrio::render::{Document, Format, Renderer, Settings, offered};
use medtrio::report::agenda::{self, AgendaError, AgendaOptions};
use medtrio::report::{calendar, diff, list, prep, prompts, show, site};

// ---------------------------------------------------------------------------------------------
// The arbitrary description of a data set.

#[derive(Arbitrary, Debug)]
struct Input {
    en: bool,
    styled: bool,
    width: u8,
    today: u16,
    programme: ProgrammeIn,
    forums: Vec<ForumIn>,
    themes: Vec<ThemeIn>,
    why: Vec<WhyIn>,
    templates: Vec<TemplateIn>,
    meetings: Vec<MeetingIn>,
    activities: Vec<ActivityIn>,
    sections: Vec<SectionIn>,
    findings: Vec<FindingIn>,
    prompts: Vec<PromptIn>,
    problems: Vec<ProblemIn>,
    /// `agenda --start --minutes` on each agenda.
    options: Option<(u16, u16)>,
}

#[derive(Arbitrary, Debug)]
struct ProgrammeIn {
    id: Vec<u8>,
    title: String,
    status: u8,
    period: Option<String>,
    intro: Option<String>,
    heading: Option<String>,
    description: Option<String>,
    note: Option<String>,
    announcement: Option<(String, Option<Vec<u8>>)>,
    roadmap_id: Vec<u8>,
    roadmap_title: String,
    findings_id: Vec<u8>,
    findings_title: String,
}

#[derive(Arbitrary, Debug)]
struct ForumIn {
    id: Vec<u8>,
    name: String,
    level: u8,
    full_name: Option<String>,
    note: Option<String>,
}

#[derive(Arbitrary, Debug)]
struct ThemeIn {
    id: Vec<u8>,
    title: String,
    title_en: Option<String>,
    description: Option<String>,
    in_findings: bool,
}

#[derive(Arbitrary, Debug)]
struct WhyIn {
    id: Vec<u8>,
    title: String,
    text: String,
    themes: Vec<u8>,
}

#[derive(Arbitrary, Debug)]
struct ItemIn {
    title: String,
    kind: u8,
    minutes: u8,
    lead: Option<String>,
    recommendation: Option<String>,
    notes: Option<String>,
    prompts: Vec<u8>,
    fixed: bool,
}

#[derive(Arbitrary, Debug)]
struct TemplateIn {
    id: Vec<u8>,
    title: String,
    programme: bool,
    level: Option<u8>,
    suggestion: bool,
    description: Option<String>,
    start: Option<u16>,
    themes: Vec<u8>,
    items: Vec<ItemIn>,
}

#[derive(Arbitrary, Debug)]
enum DateIn {
    Unknown,
    Day(u16),
    Month(u16),
    Quarter(u16),
    Span(u16, u16),
}

#[derive(Arbitrary, Debug)]
struct MeetingIn {
    id: Vec<u8>,
    title: String,
    title_en: Option<String>,
    forum: Option<u8>,
    status: u8,
    date: DateIn,
    start: Option<u16>,
    end: Option<u16>,
    place: Option<String>,
    themes: Vec<u8>,
    audiences: Vec<u8>,
    formats: Vec<u8>,
    details_announced: bool,
    signup: bool,
    signup_url: Option<Vec<u8>>,
    participants: Vec<String>,
    apologies: Vec<String>,
    chair: Option<String>,
    minute_taker: Option<String>,
    template: Option<u8>,
    items: Vec<ItemIn>,
    notes: Option<String>,
}

#[derive(Arbitrary, Debug)]
struct ActivityIn {
    id: Vec<u8>,
    title: String,
    forum: Option<u8>,
    kind: u8,
    status: Option<u8>,
    date: DateIn,
    source_label: Option<String>,
    themes: Vec<u8>,
    template: Option<u8>,
    notes: Option<String>,
}

#[derive(Arbitrary, Debug)]
struct SectionIn {
    id: Vec<u8>,
    title: String,
    heading: Option<String>,
    intro: Option<String>,
    lead_in: Option<String>,
    theme: Option<u8>,
    role: Option<u8>,
    note: Option<String>,
}

#[derive(Arbitrary, Debug)]
struct FindingIn {
    id: Vec<u8>,
    section: u8,
    kind: u8,
    title: Option<String>,
    text: String,
    themes: Vec<u8>,
    audiences: Vec<u8>,
    note: Option<String>,
}

#[derive(Arbitrary, Debug)]
struct PromptIn {
    id: Vec<u8>,
    text: String,
    text_en: Option<String>,
    seed: bool,
    quote: Option<String>,
    sources: Vec<u8>,
    themes: Vec<u8>,
    audiences: Vec<u8>,
    levels: Vec<u8>,
}

#[derive(Arbitrary, Debug)]
struct ProblemIn {
    file: String,
    line: u16,
    column: u16,
    warning: bool,
    message: String,
    help: Option<String>,
    source: String,
}

// ---------------------------------------------------------------------------------------------
// Writing the description as the three YAML files.

const STATUS: [&str; 5] = ["provisional", "planned", "confirmed", "cancelled", "held"];
const LEVELS: [&str; 4] = ["hu", "omu", "lmu", "other"];
const AUDIENCES: [&str; 5] = ["leder", "tr", "amr", "medarbejder", "trio"];
const ITEM_TYPES: [&str; 3] = ["B", "D", "O"];
const ACTIVITY_KINDS: [&str; 5] = ["tema", "dialogmøde", "materialer", "opfølgning", "kobling"];
const FORMATS: [&str; 4] = ["workshop", "stormøde", "oplæg", "dialog"];
const FINDING_KINDS: [&str; 5] = ["point", "requirement", "barrier", "summary", "note"];
const ROLES: [&str; 8] = [
    "meaning",
    "questions",
    "attention",
    "success",
    "summary",
    "theme",
    "barriers",
    "next",
];

/// The most of each thing, so that one run stays fast.
const MAX: usize = 8;
const MAX_TEXT: usize = 400;

fn pick<T: Copy>(items: &[T], i: u8) -> T {
    items[usize::from(i) % items.len()]
}

/// One of `ids` (not empty), by an arbitrary index.
fn pick_id(ids: &[String], i: u8) -> &str {
    &ids[usize::from(i) % ids.len()]
}

/// A YAML double-quoted scalar that reads back as `s`. Everything outside printable ASCII
/// that YAML does not allow literally is escaped.
fn q(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars().take(MAX_TEXT) {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            ' '..='~' => out.push(c),
            '\u{a0}'..='\u{d7ff}' | '\u{e000}'..='\u{fefe}' | '\u{ff00}'..='\u{fffd}' => {
                out.push(c)
            }
            c if u32::from(c) > 0xffff => out.push(c),
            c => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
        }
    }
    out.push('"');
    out
}

/// A text that is not blank, for titles and other required texts.
fn required(s: &str) -> String {
    if s.trim().is_empty() {
        format!("x{s}")
    } else {
        s.to_owned()
    }
}

/// A slug made of `raw`, unique by its prefix and index: `m3-…`.
fn slug(prefix: &str, i: usize, raw: &[u8]) -> String {
    const ALPHABET: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789-";
    let mut id = format!("{prefix}{i}");
    if !raw.is_empty() {
        id.push('-');
    }
    for &b in raw.iter().take(64) {
        if id.len() >= 64 {
            break;
        }
        id.push(char::from(ALPHABET[usize::from(b) % ALPHABET.len()]));
    }
    id
}

fn url(raw: &[u8]) -> String {
    const SAFE: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789-_/.~%?=&#";
    let path: String = raw
        .iter()
        .take(60)
        .map(|&b| char::from(SAFE[usize::from(b) % SAFE.len()]))
        .collect();
    format!("https://medtrio.example.dk/{path}")
}

fn base_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 1, 1).unwrap_or_default()
}

/// A day in 2024–2029, off the nights the clocks change, when some times do not exist.
fn day(offset: u16) -> NaiveDate {
    let d = base_day() + chrono::Days::new(u64::from(offset % (6 * 365)));
    let changes = matches!(d.month(), 3 | 10) && d.weekday() == Weekday::Sun && d.day() >= 25;
    if changes {
        d.succ_opt().unwrap_or(d)
    } else {
        d
    }
}

fn date(d: &DateIn) -> Option<String> {
    Some(match *d {
        DateIn::Unknown => return None,
        DateIn::Day(o) => day(o).format("%Y-%m-%d").to_string(),
        DateIn::Month(o) => day(o).format("%Y-%m").to_string(),
        DateIn::Quarter(o) => {
            let d = day(o);
            format!("{}-Q{}", d.year(), d.month0() / 3 + 1)
        }
        DateIn::Span(a, b) => {
            let (a, b) = (day(a.min(b)), day(a.max(b)));
            format!("{}..{}", a.format("%Y-%m"), b.format("%Y-%m-%d"))
        }
    })
}

fn hhmm(minutes: u16) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

/// A time of day in minutes, 00:00–23:59.
fn clock(raw: u16) -> u16 {
    raw % (24 * 60)
}

/// Ids that a list of indices refers to, without repeats.
fn refs(ids: &[String], picks: &[u8]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    if ids.is_empty() {
        return out;
    }
    for &p in picks.iter().take(4) {
        let id = &ids[usize::from(p) % ids.len()];
        if !out.contains(id) {
            out.push(id.clone());
        }
    }
    out
}

fn flow(ids: &[String]) -> String {
    format!("[{}]", ids.join(", "))
}

struct Ids {
    forums: Vec<String>,
    themes: Vec<String>,
    why: Vec<String>,
    templates: Vec<String>,
    sections: Vec<String>,
    findings: Vec<String>,
    prompts: Vec<String>,
}

/// The minutes of each item, 1 to 180, and whether it is fixed.
fn item_minutes(items: &[ItemIn]) -> Vec<(u16, bool)> {
    items
        .iter()
        .take(MAX)
        .map(|i| (1 + u16::from(i.minutes) % 180, i.fixed))
        .collect()
}

/// What a template's items need when scaled: the fixed items' minutes and 5 for each other.
fn needed(items: &[(u16, bool)]) -> u16 {
    items
        .iter()
        .map(|&(m, fixed)| if fixed { m } else { 5 })
        .sum()
}

fn total(items: &[(u16, bool)]) -> u16 {
    items.iter().map(|&(m, _)| m).sum()
}

fn write_items(y: &mut String, indent: &str, items: &[ItemIn], minutes: &[(u16, bool)], ids: &Ids) {
    let _ = writeln!(y, "{indent}items:");
    for (item, &(m, _)) in items.iter().zip(minutes) {
        let _ = writeln!(y, "{indent}  - title: {}", q(&required(&item.title)));
        if item.kind % 4 != 3 {
            let _ = writeln!(y, "{indent}    type: {}", pick(&ITEM_TYPES, item.kind));
        }
        let _ = writeln!(y, "{indent}    minutes: {m}");
        for (key, value) in [
            ("lead", &item.lead),
            ("recommendation", &item.recommendation),
            ("notes", &item.notes),
        ] {
            if let Some(v) = value {
                let _ = writeln!(y, "{indent}    {key}: {}", q(v));
            }
        }
        let prompts = refs(&ids.prompts, &item.prompts);
        if !prompts.is_empty() {
            let _ = writeln!(y, "{indent}    prompts: {}", flow(&prompts));
        }
        if item.fixed {
            let _ = writeln!(y, "{indent}    fixed: true");
        }
    }
}

fn optional(y: &mut String, indent: &str, key: &str, value: &Option<String>) {
    if let Some(v) = value {
        let _ = writeln!(y, "{indent}{key}: {}", q(v));
    }
}

/// The three files, valid by construction.
fn build(input: &Input) -> [String; 3] {
    let p = &input.programme;
    let forums: Vec<&ForumIn> = input.forums.iter().take(MAX).collect();
    let themes: Vec<&ThemeIn> = input.themes.iter().take(MAX).collect();
    let sections: Vec<&SectionIn> = input.sections.iter().take(MAX).collect();
    let why: Vec<&WhyIn> = input.why.iter().take(3).collect();
    // A finding needs a section; a prompt needs a source.
    let findings: Vec<&FindingIn> = if sections.is_empty() {
        Vec::new()
    } else {
        input.findings.iter().take(MAX).collect()
    };
    let prompts: Vec<&PromptIn> = if findings.is_empty() && why.is_empty() {
        Vec::new()
    } else {
        input.prompts.iter().take(MAX).collect()
    };
    // Templates: their items' minutes; one without items is left out.
    let templates: Vec<(&TemplateIn, Vec<(u16, bool)>)> = input
        .templates
        .iter()
        .take(4)
        .map(|t| (t, item_minutes(&t.items)))
        .filter(|(_, m)| !m.is_empty())
        .collect();
    let mut ids = Ids {
        forums: forums
            .iter()
            .enumerate()
            .map(|(i, f)| slug("f", i, &f.id))
            .collect(),
        themes: themes
            .iter()
            .enumerate()
            .map(|(i, t)| slug("t", i, &t.id))
            .collect(),
        why: why
            .iter()
            .enumerate()
            .map(|(i, w)| slug("w", i, &w.id))
            .collect(),
        templates: templates
            .iter()
            .enumerate()
            .map(|(i, (t, _))| slug("tp", i, &t.id))
            .collect(),
        sections: sections
            .iter()
            .enumerate()
            .map(|(i, s)| slug("s", i, &s.id))
            .collect(),
        findings: findings
            .iter()
            .enumerate()
            .map(|(i, f)| slug("fi", i, &f.id))
            .collect(),
        prompts: prompts
            .iter()
            .enumerate()
            .map(|(i, p)| slug("p", i, &p.id))
            .collect(),
    };
    // The owner of the programme is a forum, so there is always one.
    if ids.forums.is_empty() {
        ids.forums.push("hu".into());
    }

    // roadmap.yaml: the fora and the activities.
    let mut r = String::new();
    let _ = writeln!(r, "version: 1");
    let _ = writeln!(r, "id: {}", slug("r", 0, &p.roadmap_id));
    let _ = writeln!(r, "title: {}", q(&required(&p.roadmap_title)));
    let _ = writeln!(r, "forums:");
    for (i, id) in ids.forums.iter().enumerate() {
        let _ = writeln!(r, "  - id: {id}");
        match forums.get(i) {
            Some(f) => {
                let _ = writeln!(r, "    name: {}", q(&required(&f.name)));
                let _ = writeln!(r, "    level: {}", pick(&LEVELS, f.level));
                optional(&mut r, "    ", "full_name", &f.full_name);
                optional(&mut r, "    ", "note", &f.note);
            }
            None => {
                let _ = writeln!(r, "    name: HU\n    level: hu");
            }
        }
    }

    // programme.yaml.
    let mut y = String::new();
    let _ = writeln!(y, "version: 1");
    let _ = writeln!(y, "id: {}", slug("pr", 0, &p.id));
    let _ = writeln!(y, "title: {}", q(&required(&p.title)));
    let _ = writeln!(y, "owner: {}", ids.forums[0]);
    optional(&mut y, "", "period", &p.period);
    let _ = writeln!(y, "status: {}", pick(&STATUS, p.status));
    optional(&mut y, "", "intro", &p.intro);
    optional(&mut y, "", "meetings_heading", &p.heading);
    optional(&mut y, "", "description", &p.description);
    optional(&mut y, "", "note", &p.note);
    if let Some((channel, link)) = &p.announcement {
        let _ = writeln!(y, "announcement:\n  channel: {}", q(channel));
        if let Some(link) = link {
            let _ = writeln!(y, "  url: {}", q(&url(link)));
        }
    }
    let theme = |y: &mut String, i: usize, t: &ThemeIn| {
        let _ = writeln!(y, "  - id: {}", ids.themes[i]);
        let _ = writeln!(y, "    title: {}", q(&required(&t.title)));
        optional(y, "    ", "title_en", &t.title_en);
        optional(y, "    ", "description", &t.description);
    };
    let _ = writeln!(y, "themes:");
    for (i, t) in themes.iter().enumerate().filter(|(_, t)| !t.in_findings) {
        theme(&mut y, i, t);
    }
    let _ = writeln!(y, "why:");
    for (i, w) in why.iter().enumerate() {
        let _ = writeln!(y, "  - id: {}", ids.why[i]);
        let _ = writeln!(y, "    title: {}", q(&required(&w.title)));
        let _ = writeln!(y, "    text: {}", q(&w.text));
        let _ = writeln!(y, "    themes: {}", flow(&refs(&ids.themes, &w.themes)));
    }
    // Templates, with a start from which they end by midnight.
    let _ = writeln!(y, "templates:");
    for (i, (t, minutes)) in templates.iter().enumerate() {
        let _ = writeln!(y, "  - id: {}", ids.templates[i]);
        let _ = writeln!(y, "    title: {}", q(&required(&t.title)));
        if t.programme {
            let _ = writeln!(y, "    kind: programme");
        }
        if let Some(level) = t.level {
            let _ = writeln!(y, "    level: {}", pick(&LEVELS, level));
        }
        if t.suggestion {
            let _ = writeln!(y, "    suggestion: true");
        }
        optional(&mut y, "    ", "description", &t.description);
        if let Some(start) = t.start {
            let start = clock(start).min(24 * 60 - total(minutes));
            let _ = writeln!(y, "    start: \"{}\"", hhmm(start));
        }
        let _ = writeln!(y, "    themes: {}", flow(&refs(&ids.themes, &t.themes)));
        write_items(&mut y, "    ", &t.items, minutes, &ids);
    }
    let _ = writeln!(y, "meetings:");
    for (i, m) in input.meetings.iter().take(MAX * 2).enumerate() {
        let _ = writeln!(y, "  - id: {}", slug("m", i, &m.id));
        let _ = writeln!(y, "    title: {}", q(&required(&m.title)));
        optional(&mut y, "    ", "title_en", &m.title_en);
        if let Some(f) = m.forum {
            let _ = writeln!(y, "    forum: {}", pick_id(&ids.forums, f));
        }
        let _ = writeln!(y, "    status: {}", pick(&STATUS, m.status));
        if let Some(d) = date(&m.date) {
            let _ = writeln!(y, "    date: \"{d}\"");
        }
        // The items, own or the template's, fit the times, by the rule `validate` applies.
        let own = item_minutes(&m.items);
        let template = match (own.is_empty(), m.template) {
            (true, Some(t)) if !templates.is_empty() => Some(usize::from(t) % templates.len()),
            _ => None,
        };
        let (start, end) = match (m.start.map(clock), template) {
            (None, _) => (None, m.end.map(clock)),
            (Some(s), None) => {
                let s = s.min(24 * 60 - total(&own));
                let end = m
                    .end
                    .map(|slack| s + total(&own) + slack % 120)
                    .filter(|&e| e < 24 * 60 && e > s);
                (Some(s), end)
            }
            (Some(s), Some(t)) => {
                let minutes = &templates[t].1;
                let end = m
                    .end
                    .map(|slack| s + needed(minutes) + slack % 120)
                    .filter(|&e| e < 24 * 60);
                match end {
                    Some(e) => (Some(s), Some(e)),
                    None => (Some(s.min(24 * 60 - total(minutes))), None),
                }
            }
        };
        if let Some(s) = start {
            let _ = writeln!(y, "    start: \"{}\"", hhmm(s));
        }
        if let Some(e) = end {
            let _ = writeln!(y, "    end: \"{}\"", hhmm(e));
        }
        optional(&mut y, "    ", "place", &m.place);
        let _ = writeln!(y, "    themes: {}", flow(&refs(&ids.themes, &m.themes)));
        let audiences: Vec<String> = m
            .audiences
            .iter()
            .take(3)
            .map(|&a| pick(&AUDIENCES, a).to_owned())
            .collect();
        let _ = writeln!(y, "    audiences: {}", flow(&audiences));
        let formats: Vec<String> = m
            .formats
            .iter()
            .take(3)
            .map(|&a| pick(&FORMATS, a).to_owned())
            .collect();
        let _ = writeln!(y, "    formats: {}", flow(&formats));
        let _ = writeln!(y, "    details_announced: {}", m.details_announced);
        let _ = writeln!(y, "    signup: {}", m.signup);
        if let Some(link) = &m.signup_url {
            let _ = writeln!(y, "    signup_url: {}", q(&url(link)));
        }
        for (key, names) in [
            ("participants", &m.participants),
            ("apologies", &m.apologies),
        ] {
            let names: Vec<String> = names.iter().take(4).map(|n| q(n)).collect();
            let _ = writeln!(y, "    {key}: {}", flow(&names));
        }
        optional(&mut y, "    ", "chair", &m.chair);
        optional(&mut y, "    ", "minute_taker", &m.minute_taker);
        if let Some(t) = template {
            let _ = writeln!(y, "    template: {}", ids.templates[t]);
        }
        if !own.is_empty() {
            write_items(&mut y, "    ", &m.items, &own, &ids);
        }
        optional(&mut y, "    ", "notes", &m.notes);
    }

    let _ = writeln!(r, "activities:");
    for (i, a) in input.activities.iter().take(MAX).enumerate() {
        let _ = writeln!(r, "  - id: {}", slug("a", i, &a.id));
        let _ = writeln!(r, "    title: {}", q(&required(&a.title)));
        if let Some(f) = a.forum {
            let _ = writeln!(r, "    forum: {}", pick_id(&ids.forums, f));
        }
        let _ = writeln!(r, "    kind: {}", pick(&ACTIVITY_KINDS, a.kind));
        if let Some(s) = a.status {
            let _ = writeln!(r, "    status: {}", pick(&STATUS, s));
        }
        if let Some(d) = date(&a.date) {
            let _ = writeln!(r, "    date: \"{d}\"");
        }
        optional(&mut r, "    ", "source_label", &a.source_label);
        let _ = writeln!(r, "    themes: {}", flow(&refs(&ids.themes, &a.themes)));
        if let (Some(t), false) = (a.template, ids.templates.is_empty()) {
            let _ = writeln!(r, "    template: {}", pick_id(&ids.templates, t));
        }
        optional(&mut r, "    ", "notes", &a.notes);
    }

    // findings.yaml.
    let mut f = String::new();
    let _ = writeln!(f, "version: 1");
    let _ = writeln!(f, "id: {}", slug("fs", 0, &p.findings_id));
    let _ = writeln!(f, "title: {}", q(&required(&p.findings_title)));
    let _ = writeln!(f, "themes:");
    for (i, t) in themes.iter().enumerate().filter(|(_, t)| t.in_findings) {
        theme(&mut f, i, t);
    }
    let _ = writeln!(f, "sections:");
    for (i, s) in sections.iter().enumerate() {
        let _ = writeln!(f, "  - id: {}", ids.sections[i]);
        let _ = writeln!(f, "    title: {}", q(&required(&s.title)));
        optional(&mut f, "    ", "heading", &s.heading);
        optional(&mut f, "    ", "intro", &s.intro);
        optional(&mut f, "    ", "lead_in", &s.lead_in);
        if let (Some(t), false) = (s.theme, ids.themes.is_empty()) {
            let _ = writeln!(f, "    theme: {}", pick_id(&ids.themes, t));
        }
        if let Some(role) = s.role {
            let _ = writeln!(f, "    role: {}", pick(&ROLES, role));
        }
        optional(&mut f, "    ", "note", &s.note);
    }
    let _ = writeln!(f, "findings:");
    for (i, x) in findings.iter().enumerate() {
        let _ = writeln!(f, "  - id: {}", ids.findings[i]);
        let _ = writeln!(f, "    section: {}", pick_id(&ids.sections, x.section));
        let kind = pick(&FINDING_KINDS, x.kind);
        let _ = writeln!(f, "    kind: {kind}");
        match (&x.title, kind) {
            (Some(t), _) => {
                let t = if kind == "barrier" {
                    required(t)
                } else {
                    t.clone()
                };
                let _ = writeln!(f, "    title: {}", q(&t));
            }
            (None, "barrier") => {
                let _ = writeln!(f, "    title: Barriere");
            }
            (None, _) => {}
        }
        let _ = writeln!(f, "    text: {}", q(&required(&x.text)));
        let _ = writeln!(f, "    themes: {}", flow(&refs(&ids.themes, &x.themes)));
        let audiences: Vec<String> = x
            .audiences
            .iter()
            .take(3)
            .map(|&a| pick(&AUDIENCES, a).to_owned())
            .collect();
        let _ = writeln!(f, "    audiences: {}", flow(&audiences));
        optional(&mut f, "    ", "note", &x.note);
    }
    let _ = writeln!(f, "prompts:");
    let sources: Vec<String> = ids.findings.iter().chain(&ids.why).cloned().collect();
    for (i, x) in prompts.iter().enumerate() {
        let _ = writeln!(f, "  - id: {}", ids.prompts[i]);
        let _ = writeln!(f, "    text: {}", q(&required(&x.text)));
        optional(&mut f, "    ", "text_en", &x.text_en);
        let _ = writeln!(
            f,
            "    origin: {}",
            if x.seed { "seed" } else { "authored" }
        );
        if let (true, Some(quote)) = (x.seed, &x.quote) {
            let _ = writeln!(f, "    quote: {}", q(&required(quote)));
        }
        let mut from = refs(&sources, &x.sources);
        if from.is_empty() {
            from.push(sources[0].clone());
        }
        let _ = writeln!(f, "    sources: {}", flow(&from));
        let _ = writeln!(f, "    themes: {}", flow(&refs(&ids.themes, &x.themes)));
        let mut audiences: Vec<String> = x
            .audiences
            .iter()
            .take(3)
            .map(|&a| pick(&AUDIENCES, a).to_owned())
            .collect();
        audiences.dedup();
        if audiences.is_empty() {
            audiences.push("trio".into());
        }
        let _ = writeln!(f, "    audiences: {}", flow(&audiences));
        let mut levels: Vec<String> = x
            .levels
            .iter()
            .take(3)
            .map(|&a| pick(&LEVELS, a).to_owned())
            .collect();
        levels.dedup();
        if levels.is_empty() {
            levels.push("lmu".into());
        }
        let _ = writeln!(f, "    levels: {}", flow(&levels));
    }
    [y, r, f].map(|text| empty_lists(&text))
}

/// A top-level list with no entries is `[]`; a bare `key:` would be null.
fn empty_lists(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = String::with_capacity(text.len() + 64);
    for (i, line) in lines.iter().enumerate() {
        out.push_str(line);
        let opens = line.ends_with(':') && !line.starts_with(' ');
        if opens && !lines.get(i + 1).is_some_and(|next| next.starts_with(" ")) {
            out.push_str(" []");
        }
        out.push('\n');
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Loading, as the CLI does, and rendering.

const NAMES: [&str; 3] = ["programme.yaml", "roadmap.yaml", "findings.yaml"];

fn source(name: &str) -> SourceFile {
    let mut file = SourceFile::default();
    file.name = name.to_owned();
    file
}

fn strict() -> bool {
    static STRICT: OnceLock<bool> = OnceLock::new();
    *STRICT.get_or_init(|| std::env::var_os("MEDTRIO_FUZZ_STRICT").is_some())
}

/// The minimal fixture, to diff against. (The bundled data is larger: its diff's table took
/// more than half of every run.)
fn minimal() -> &'static Dataset {
    static MINIMAL: OnceLock<Dataset> = OnceLock::new();
    MINIMAL.get_or_init(|| {
        let parsed = (
            load::parse::<Programme>(
                NAMES[0],
                include_str!("../../tests/fixtures/minimal/programme.yaml"),
            ),
            load::parse::<Roadmap>(
                NAMES[1],
                include_str!("../../tests/fixtures/minimal/roadmap.yaml"),
            ),
            load::parse::<Findings>(
                NAMES[2],
                include_str!("../../tests/fixtures/minimal/findings.yaml"),
            ),
        );
        match parsed {
            (Ok(programme), Ok(roadmap), Ok(findings)) => Dataset {
                programme,
                roadmap,
                findings,
                minutes: Vec::new(),
            },
            _ => panic!("the minimal fixture parses"),
        }
    })
}

fn load(texts: &[String; 3]) -> Option<Loaded> {
    let fail = |what: String| {
        if strict() {
            panic!("build made data that {what}:\n{}", texts.join("\n---\n"));
        }
        None
    };
    let programme = load::parse::<Programme>(NAMES[0], &texts[0]);
    let roadmap = load::parse::<Roadmap>(NAMES[1], &texts[1]);
    let findings = load::parse::<Findings>(NAMES[2], &texts[2]);
    let (programme, roadmap, findings) = match (programme, roadmap, findings) {
        (Ok(p), Ok(r), Ok(f)) => (p, r, f),
        (p, r, f) => {
            let d: Vec<String> = [p.err(), r.err(), f.err()]
                .into_iter()
                .flatten()
                .map(|d| format!("{}:{}: {}", d.file, d.line, d.message))
                .collect();
            return fail(format!("does not parse: {d:?}"));
        }
    };
    let provenance = Provenance {
        meetings: vec![FileKind::Programme; programme.meetings.len()],
        templates: vec![FileKind::Programme; programme.templates.len()],
        forums: vec![FileKind::Roadmap; roadmap.forums.len()],
    };
    let loaded = Loaded {
        dataset: Dataset {
            programme,
            roadmap,
            findings,
            minutes: Vec::new(),
        },
        sources: Sources {
            programme: source(NAMES[0]),
            roadmap: source(NAMES[1]),
            findings: source(NAMES[2]),
            ..Sources::default()
        },
        provenance,
    };
    let errors: Vec<String> = medtrio::validate::validate(&loaded)
        .into_iter()
        .filter(Diagnostic::is_error)
        .map(|d| format!("{}:{}: {}", d.file, d.line, d.message))
        .collect();
    if !errors.is_empty() {
        return fail(format!("does not validate: {errors:?}"));
    }
    Some(loaded)
}

const ALL_FORMATS: [Format; 9] = [
    Format::Table,
    Format::Txt,
    Format::Md,
    Format::Html,
    Format::Cards,
    Format::Json,
    Format::Csv,
    Format::Ics,
    Format::Github,
];

/// One renderer per settings, so that the HTML templates compile once per process.
fn with_renderer(settings: Settings, f: impl FnOnce(&Renderer)) {
    thread_local! {
        static RENDERERS: RefCell<HashMap<(bool, bool, bool, u16), Renderer>> =
            RefCell::new(HashMap::new());
    }
    RENDERERS.with(|r| {
        let mut map = r.borrow_mut();
        let key = (
            settings.lang == Lang::En,
            settings.styled,
            settings.excel,
            settings.width,
        );
        let renderer = map
            .entry(key)
            .or_insert_with(|| Renderer::new(settings, Default::default()));
        f(renderer)
    });
}

fn html5_errors(html: &str) -> Vec<String> {
    let dom = html5ever::parse_document(markup5ever_rcdom::RcDom::default(), Default::default())
        .from_utf8()
        .read_from(&mut html.as_bytes());
    match dom {
        Ok(dom) => dom.errors.borrow().iter().map(|e| e.to_string()).collect(),
        Err(e) => vec![e.to_string()],
    }
}

/// The checks on one rendered output.
fn check(name: &str, format: Format, bytes: &[u8]) {
    let Ok(text) = std::str::from_utf8(bytes) else {
        panic!("{name} as {format:?} is not UTF-8");
    };
    match format {
        Format::Html | Format::Cards => {
            // The style sheet is the built-in one, no data: parsing it took a fifth of a run.
            let html = match (text.find("<style>"), text.find("</style>")) {
                (Some(open), Some(close)) if open < close => {
                    format!("{}{}", &text[..open + "<style>".len()], &text[close..])
                }
                _ => text.to_owned(),
            };
            let errors = html5_errors(&html);
            assert!(
                errors.is_empty(),
                "{name} as {format:?}: {errors:?}\n{text}"
            );
        }
        Format::Ics => {
            for line in text.split("\r\n") {
                assert!(
                    line.len() <= 75,
                    "{name}: an iCalendar line of {} octets: {line:?}",
                    line.len()
                );
            }
        }
        Format::Csv => {
            let excel = text.starts_with('\u{feff}');
            let body = text.strip_prefix('\u{feff}').unwrap_or(text);
            for cell in csv_cells(body, if excel { ';' } else { ',' }) {
                match cell {
                    Ok(cell) => assert!(
                        !cell.starts_with(['=', '+', '-', '@']),
                        "{name}: a CSV cell starts a formula: {cell:?}"
                    ),
                    Err(e) => panic!("{name} as CSV does not parse: {e}\n{text}"),
                }
            }
        }
        Format::Json => {
            if let Err(e) = serde_json::from_str::<serde_json::Value>(text) {
                panic!("{name} as JSON does not parse: {e}\n{text}");
            }
        }
        _ => {}
    }
}

/// The cells of an RFC 4180 text, unquoted. (The csv crate's reader took a tenth of a run to
/// set up, for every list.)
fn csv_cells(text: &str, delimiter: char) -> Vec<Result<String, String>> {
    let mut cells = Vec::new();
    let mut chars = text.chars().peekable();
    while chars.peek().is_some() {
        let mut cell = String::new();
        if chars.peek() == Some(&'"') {
            chars.next();
            loop {
                match chars.next() {
                    Some('"') if chars.peek() == Some(&'"') => {
                        chars.next();
                        cell.push('"');
                    }
                    Some('"') => break,
                    Some(c) => cell.push(c),
                    None => {
                        cells.push(Err("a quoted cell does not end".to_owned()));
                        return cells;
                    }
                }
            }
            match chars.peek() {
                None | Some('\r') => {}
                Some(&c) if c == delimiter => {}
                Some(&c) => {
                    cells.push(Err(format!("`{c}` after a quoted cell")));
                    return cells;
                }
            }
        } else {
            while let Some(&c) = chars.peek() {
                if c == delimiter || c == '\r' {
                    break;
                }
                if c == '"' || c == '\n' {
                    cells.push(Err(format!("a bare {c:?} in a cell")));
                    return cells;
                }
                cell.push(c);
                chars.next();
            }
        }
        cells.push(Ok(cell));
        match chars.next() {
            Some('\r') if chars.next() == Some('\n') => {}
            Some(c) if c == delimiter => {}
            None => {}
            Some(c) => {
                cells.push(Err(format!("{c:?} where a cell or a line ends")));
                return cells;
            }
        }
    }
    cells
}

/// Renders `doc` in every format: the `offered` ones must succeed, and every output that is
/// written passes [`check`].
fn render_all(renderer: &Renderer, name: &str, doc: &Document<'_>, offered: &[Format]) {
    for format in ALL_FORMATS {
        let mut bytes = Vec::new();
        match renderer.render(doc, format, &mut bytes) {
            Ok(()) => check(name, format, &bytes),
            Err(e) => assert!(
                !offered.contains(&format),
                "{name} as {format:?}, which the CLI offers, failed: {e}"
            ),
        }
    }
}

fuzz_target!(|input: Input| {
    let texts = build(&input);
    let Some(loaded) = load(&texts) else {
        return;
    };
    let lang = if input.en { Lang::En } else { Lang::Da };
    let settings = Settings {
        lang,
        width: [20, 80, 200][usize::from(input.width % 3)],
        styled: input.styled,
        excel: input.width % 2 == 1,
    };
    let today = day(input.today);
    let catalog = Catalog::new(&loaded.dataset);
    let all = Query::all();
    with_renderer(settings, |renderer| {
        // Agendas: valid data gives every one.
        let mut links = Vec::new();
        for id in catalog.agenda_ids() {
            match agenda::agenda(&catalog, id, lang, AgendaOptions::default()) {
                Ok(a) => {
                    render_all(
                        renderer,
                        "an agenda",
                        &Document::Agenda(&a),
                        offered::DOCUMENT,
                    );
                    links.push(site::AgendaLink::of(&a));
                }
                Err(AgendaError::NoItems { .. }) => {}
                Err(e) => panic!("`{id}` validates, but its agenda fails: {e}"),
            }
            if let Some((start, minutes)) = input.options {
                let options = AgendaOptions {
                    start: chrono::NaiveTime::from_hms_opt(
                        u32::from(clock(start) / 60),
                        u32::from(clock(start) % 60),
                        0,
                    ),
                    minutes: Some(i64::from(minutes % 600)),
                };
                if let Ok(a) = agenda::agenda(&catalog, id, lang, options) {
                    render_all(
                        renderer,
                        "an agenda",
                        &Document::Agenda(&a),
                        offered::DOCUMENT,
                    );
                }
            }
        }
        // Prep sheets, of meetings and of themes.
        for id in catalog.agenda_ids().into_iter().chain(catalog.theme_ids()) {
            if let Some(sheet) = prep::prep(&catalog, id, lang) {
                render_all(
                    renderer,
                    "a prep sheet",
                    &Document::Prep(&sheet),
                    offered::DOCUMENT,
                );
            }
        }
        // Details of everything.
        for id in catalog.all_ids() {
            if let Some(detail) = show::show(&catalog, id, lang) {
                render_all(
                    renderer,
                    "a detail",
                    &Document::Detail(&detail),
                    offered::SHOW,
                );
            }
        }
        // The lists, the prompt sheet and the cards.
        for kind in [Kind::Meeting, Kind::Activity, Kind::Finding, Kind::Prompt] {
            if let Ok(report) = list::list(&catalog, &all, kind) {
                // `prompts` renders its list as a table, JSON or CSV (Markdown and text are
                // the prompt sheet, below).
                let offered = if kind == Kind::Prompt {
                    &[Format::Table, Format::Json, Format::Csv][..]
                } else {
                    offered::LIST
                };
                render_all(renderer, "a list", &Document::List(&report), offered);
            }
        }
        let rows = list::prompts(&catalog, &all);
        let sheet = prompts::sheet(&rows, &catalog, lang);
        render_all(
            renderer,
            "a prompt sheet",
            &Document::Prompts(&sheet),
            &[Format::Md, Format::Txt],
        );
        let cards = prompts::cards(&sheet);
        render_all(
            renderer,
            "prompt cards",
            &Document::Cards(&cards),
            &[Format::Cards],
        );
        // The calendar and the index page, as export writes them.
        let report = calendar::calendar(&catalog, &all, lang, today);
        render_all(
            renderer,
            "a calendar",
            &Document::Calendar(&report),
            &[Format::Ics],
        );
        let page = site::index_page(&catalog, links, Vec::new(), today, lang);
        render_all(
            renderer,
            "the index page",
            &Document::Index(&page),
            &[Format::Html],
        );
        // Diffs: against the minimal fixture both ways, and against itself.
        for (old, new) in [
            (minimal(), &loaded.dataset),
            (&loaded.dataset, minimal()),
            (&loaded.dataset, &loaded.dataset),
        ] {
            let report = diff::diff(old, new, lang);
            render_all(renderer, "a diff", &Document::Diff(&report), offered::DIFF);
        }
        // Problems: arbitrary ones, with their source lines.
        let problems: Vec<Diagnostic> = input
            .problems
            .iter()
            .take(4)
            .map(|p| {
                let pos = Pos {
                    line: u32::from(p.line),
                    column: u32::from(p.column),
                };
                let d = if p.warning {
                    Diagnostic::warning(&p.file, pos, p.message.clone())
                } else {
                    Diagnostic::error(&p.file, pos, p.message.clone())
                };
                let d = match &p.help {
                    Some(help) => d.with_help(help.clone()),
                    None => d,
                };
                d.with_source(&p.source)
            })
            .collect();
        render_all(
            renderer,
            "problems",
            &Document::Problems(&problems),
            offered::PROBLEMS,
        );
    });
});
