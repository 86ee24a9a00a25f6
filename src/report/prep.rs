//! The MED-trio's prep sheet: for a meeting or a theme, on one page, what HU concluded and
//! what to ask. It always has the meeting (when, where) if it is for one, a purpose in a full
//! sentence, the findings that bear on it, 3–5 prompts at the meeting's level, and what
//! success looks like; a section the data cannot fill is left out.

use serde::Serialize;

use crate::lang::Lang;
use crate::model::{
    Audience, Catalog, Finding, FindingKind, Level, Located, Prompt, Section, SectionRole,
    TemplateKind,
};
use crate::query::fold;
use crate::report::agenda::{self, AgendaOptions};
use crate::report::doc::{Block, Doc, Entry, Fact, Printable, Style, Text};
use crate::report::prompts::{pick, prompt_row, prompt_text};

/// The most points each list gets, so that the sheet stays on one page.
const MAX_POINTS: usize = 4;
/// The number of suggested prompts.
const PROMPTS: usize = 5;
/// A sheet with fewer filled sections than this says so: it would be nearly empty.
const THIN: usize = 3;

#[derive(Clone, Debug, Serialize)]
pub struct PrepSheet {
    pub lang: Lang,
    pub id: String,
    pub title: String,
    /// When and where, for a sheet about a meeting.
    pub meeting: Option<PrepMeeting>,
    /// A full sentence.
    pub purpose: String,
    pub themes: Vec<String>,
    /// The points of the theme's own section ("Pointer fra dialogen i HU").
    pub hu_points: Vec<HuPoints>,
    pub meaning: Vec<String>,
    pub attention: Vec<String>,
    pub questions: Vec<String>,
    /// For each of `meaning`, `attention`, `questions` and `success`, keyed by the list's
    /// name: when it shows only some of its sections' points, or points of more than one
    /// section, which ("Udvalgte punkter (4 af 5) fra »Det, der giver mening«."); else "".
    pub selected: std::collections::BTreeMap<&'static str, String>,
    pub barriers: Vec<BarrierOut>,
    /// The prompts of the meeting's own agenda first, then others on its themes.
    pub prompts: Vec<PrepPrompt>,
    pub success: Vec<String>,
    /// The programme's own texts on the sheet's themes ("Hvorfor arbejde med …"), for a
    /// temamøde or a theme of the programme.
    pub why: Vec<agenda::Background>,
    /// Trial actions (prøvehandlinger) the findings speak of, each with where it comes from.
    pub trials: Vec<Trial>,
    /// Whether the data has so little on the sheet's themes that the sheet is nearly empty.
    pub thin: bool,
    /// For a meeting of a forum with earlier minutes: the action points still open, or null.
    pub follow_up: Option<Vec<crate::report::actions::ActionLine>>,
}

#[derive(Clone, Debug, Serialize)]
pub struct PrepMeeting {
    pub forum: Option<String>,
    /// Who organises a meeting that no committee holds.
    pub organiser: Option<String>,
    pub date_text: String,
    pub time_text: Option<String>,
    pub place: Option<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct HuPoints {
    /// "2. Roller og relationer – …: Pointer fra dialogen i HU"
    pub heading: String,
    pub intro: Option<String>,
    pub points: Vec<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct BarrierOut {
    pub title: String,
    pub text: String,
    pub question: Option<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct PrepPrompt {
    pub text: String,
    pub source: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct Trial {
    pub text: String,
    pub source: String,
}

/// What the sheet is about.
struct Subject<'a> {
    title: String,
    purpose: Option<String>,
    themes: Vec<&'a str>,
    meeting: Option<PrepMeeting>,
    /// The level whose prompts fit; `None` takes any level (a temamøde for trios from all).
    level: Option<Level>,
    /// What the meeting's agenda asks, if the sheet is for a meeting with one.
    agenda: AgendaAsks,
    /// Whether the sheet is for a temamøde of the programme or a theme of the programme.
    programme: bool,
}

/// What a meeting's agenda puts to the meeting: its prompts, in order, and whether an item
/// is a dialogue on the barriers.
#[derive(Default)]
struct AgendaAsks {
    prompts: Vec<String>,
    barriers: bool,
}

impl AgendaAsks {
    fn of(a: &agenda::Agenda, catalog: &Catalog<'_>) -> Self {
        let mut prompts: Vec<String> = Vec::new();
        let mut barriers = false;
        for item in &a.items {
            barriers |= fold(&item.title).contains("barriere");
            for p in &item.prompts {
                barriers |= p.sources.iter().any(|s| {
                    catalog
                        .finding(&s.id)
                        .is_some_and(|f| f.kind == FindingKind::Barrier)
                });
                if !prompts.contains(&p.id) {
                    prompts.push(p.id.clone());
                }
            }
        }
        AgendaAsks { prompts, barriers }
    }
}

/// The subject of a meeting, a roadmap meeting, a template or a theme.
fn subject<'a>(catalog: &Catalog<'a>, id: &str, lang: Lang) -> Option<Subject<'a>> {
    let themes_of = |own: &'a [Located<String>], template: Option<&'a crate::model::Template>| {
        let mut all: Vec<&'a str> = own.iter().map(|t| t.as_str()).collect();
        all.extend(
            template
                .iter()
                .flat_map(|t| t.themes.iter().map(|x| x.as_str())),
        );
        all
    };
    let agenda = agenda::agenda(catalog, id, lang, AgendaOptions::default()).ok();
    let asks = agenda
        .as_ref()
        .map(|a| AgendaAsks::of(a, catalog))
        .unwrap_or_default();
    let meeting_facts = || {
        agenda.as_ref().map(|a| PrepMeeting {
            forum: a.forum.clone(),
            organiser: a.organiser.clone(),
            date_text: a.date_text.clone(),
            time_text: a.time_text.clone(),
            place: a.place.clone(),
        })
    };
    let in_programme = |themes: &[&str]| {
        themes.iter().any(|t| {
            catalog
                .data
                .programme
                .themes
                .iter()
                .any(|p| p.id.as_str() == *t)
        })
    };
    if let Some(m) = catalog.meeting(id) {
        let template = m.template.as_ref().and_then(|t| catalog.template(t));
        let programme = template.is_some_and(|t| t.kind == TemplateKind::Programme);
        // A template's description is a suggestion for meetings of its kind, not this
        // meeting's purpose: only the meeting's own notes are.
        return Some(Subject {
            title: m.title.value.clone(),
            purpose: m.notes.clone(),
            themes: themes_of(&m.themes, template),
            meeting: meeting_facts(),
            level: match m.forum_id() {
                Some(f) => catalog.forum_level(f),
                None if programme => None,
                None => template.and_then(|t| t.level),
            },
            agenda: asks,
            programme,
        });
    }
    if let Some(a) = catalog.activity(id) {
        let template = a.template.as_ref().and_then(|t| catalog.template(t));
        return Some(Subject {
            title: a.title.value.clone(),
            purpose: a.notes.clone(),
            themes: themes_of(&a.themes, template),
            meeting: a.is_meeting().then(meeting_facts).flatten(),
            level: a
                .forum_id()
                .and_then(|f| catalog.forum_level(f))
                .or_else(|| template.and_then(|t| t.level)),
            agenda: if a.is_meeting() {
                asks
            } else {
                AgendaAsks::default()
            },
            programme: false,
        });
    }
    if let Some(t) = catalog.template(id) {
        return Some(Subject {
            title: t.title.value.clone(),
            purpose: t.description.clone(),
            themes: t.themes.iter().map(|x| x.as_str()).collect(),
            meeting: None,
            level: t.level,
            agenda: asks,
            programme: t.kind == TemplateKind::Programme,
        });
    }
    let t = catalog.theme(id)?;
    Some(Subject {
        title: catalog.theme_title(&t.id, lang).to_owned(),
        purpose: t.description.clone(),
        themes: vec![t.id.as_str()],
        meeting: None,
        level: Some(Level::Lmu),
        agenda: AgendaAsks::default(),
        programme: in_programme(&[t.id.as_str()]),
    })
}

/// Whether a text is a whole sentence, not a heading or a lead-in ending in a colon.
fn is_sentence(text: &str) -> bool {
    text.trim_end().ends_with(['.', '!', '?'])
}

/// Builds the sheet for a meeting, a roadmap meeting, a template or a theme; `None` if `id`
/// is none of these.
pub fn prep(
    catalog: &Catalog<'_>,
    id: &str,
    lang: Lang,
    today: Option<chrono::NaiveDate>,
) -> Option<PrepSheet> {
    let Subject {
        title,
        purpose,
        themes,
        meeting,
        level,
        agenda: asks,
        programme,
    } = subject(catalog, id, lang)?;
    let mut unique: Vec<&str> = Vec::new();
    for t in themes {
        if !unique.contains(&t) {
            unique.push(t);
        }
    }
    let themes = unique;
    let theme_titles: Vec<String> = themes
        .iter()
        .map(|t| catalog.theme_title(t, lang).to_owned())
        .collect();
    let findings = Relevant {
        catalog,
        themes: &themes,
        level,
    };
    let why = if programme {
        why_texts(catalog, &themes)
    } else {
        Vec::new()
    };
    let mut selected = std::collections::BTreeMap::new();
    let mut points = |name: &'static str, role: SectionRole| {
        let (points, note) = findings.points(role, lang);
        selected.insert(name, note.unwrap_or_default());
        points
    };
    let meaning = points("meaning", SectionRole::Meaning);
    let attention = points("attention", SectionRole::Attention);
    let questions = points("questions", SectionRole::Questions);
    let success = points("success", SectionRole::Success);
    let hu_points = findings.hu_points();
    // Whose text the sheet draws on: the programme's owner for a temamøde, the findings'
    // summary for the rest, both when it has both. Never a committee the data does not name.
    let from_findings = !(hu_points.is_empty()
        && meaning.is_empty()
        && attention.is_empty()
        && questions.is_empty()
        && success.is_empty());
    let w = lang.words();
    let owner = format!(
        "{}s program",
        catalog.forum_name(&catalog.data.programme.owner)
    );
    let source = match (programme, from_findings) {
        (true, true) => w.the_sources.to_owned(),
        (true, false) => match lang {
            Lang::Da => owner,
            Lang::En => format!(
                "the programme of {}",
                catalog.forum_name(&catalog.data.programme.owner)
            ),
        },
        (false, _) => w.the_summary.to_owned(),
    };
    let purpose = purpose
        .filter(|p| is_sentence(p))
        .unwrap_or_else(|| lang.prep_purpose(&title, &theme_titles, &source));
    let mut sheet = PrepSheet {
        lang,
        id: id.to_owned(),
        title,
        meeting,
        purpose,
        themes: theme_titles,
        hu_points,
        meaning,
        attention,
        questions,
        selected,
        barriers: findings.barriers(lang, &asks),
        prompts: findings.prompts(lang, &asks.prompts),
        success,
        why,
        trials: findings.trials(),
        thin: false,
        follow_up: crate::report::followup::open_actions_of(catalog, id, today, lang),
    };
    sheet.thin = sheet.filled_sections() < THIN;
    Some(sheet)
}

impl PrepSheet {
    /// How many of the sheet's content sections have something in them.
    pub fn filled_sections(&self) -> usize {
        [
            !self.hu_points.is_empty(),
            !self.meaning.is_empty(),
            !self.attention.is_empty(),
            !self.questions.is_empty(),
            !self.barriers.is_empty(),
            !self.prompts.is_empty(),
            !self.success.is_empty(),
            !self.trials.is_empty(),
            !self.why.is_empty(),
        ]
        .iter()
        .filter(|f| **f)
        .count()
    }
}

/// The findings and prompts on the sheet's themes.
struct Relevant<'c, 'a> {
    catalog: &'c Catalog<'a>,
    themes: &'c [&'a str],
    level: Option<Level>,
}

impl<'a> Relevant<'_, 'a> {
    fn bears_on(&self, f: &Finding) -> bool {
        self.catalog
            .finding_themes(f)
            .iter()
            .any(|t| self.themes.contains(t))
    }

    fn findings(&self) -> impl Iterator<Item = &'a Located<Finding>> + '_ {
        self.catalog
            .data
            .findings
            .findings
            .iter()
            .filter(|f| self.bears_on(f))
    }

    fn section_of(&self, f: &Finding) -> Option<&'a Section> {
        self.catalog.section(&f.section)
    }

    /// The points of the sections with `role`, at most [`MAX_POINTS`], and a note saying
    /// which they are when they are not one section's whole list.
    fn points(&self, role: SectionRole, lang: Lang) -> (Vec<String>, Option<String>) {
        let all: Vec<&Finding> = self
            .findings()
            .filter(|f| self.section_of(f).is_some_and(|s| s.role == Some(role)))
            .map(|f| &f.value)
            .collect();
        let shown: Vec<&Finding> = all.iter().take(MAX_POINTS).copied().collect();
        let mut sections: Vec<&str> = Vec::new();
        for f in &shown {
            if let Some(s) = self.section_of(f)
                && !sections.contains(&s.title.as_str())
            {
                sections.push(s.title.as_str());
            }
        }
        // The whole list of a section: every point of it in the data, not only those on
        // the sheet's themes.
        let whole: usize = self
            .catalog
            .data
            .findings
            .findings
            .iter()
            .filter(|f| self.section_of(f).is_some_and(|s| s.role == Some(role)))
            .filter(|f| {
                self.section_of(f)
                    .is_some_and(|s| sections.contains(&s.title.as_str()))
            })
            .count();
        let note = (shown.len() < whole || sections.len() > 1)
            .then(|| lang.selected_points(shown.len(), whole, &sections));
        (shown.iter().map(|f| f.text.value.clone()).collect(), note)
    }

    /// The theme sections of the sheet's themes, with HU's own points.
    fn hu_points(&self) -> Vec<HuPoints> {
        let d = self.catalog.data;
        d.findings
            .sections
            .iter()
            .filter(|s| s.role == Some(SectionRole::Theme))
            .filter(|s| {
                s.theme
                    .as_ref()
                    .is_some_and(|t| self.themes.contains(&t.as_str()))
            })
            .map(|s| {
                // On a theme's own sheet the heading says enough; beside other themes, the
                // theme's short name tells the lists apart.
                let short = s.title.split(" – ").next().unwrap_or(&s.title);
                let heading = match (&s.heading, self.themes.len()) {
                    (Some(h), 1) => h.clone(),
                    (Some(h), _) => format!("{h} ({short})"),
                    (None, _) => s.title.value.clone(),
                };
                let intro = [s.intro.as_deref(), s.lead_in.as_deref()]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(" ");
                HuPoints {
                    heading,
                    intro: (!intro.is_empty()).then_some(intro),
                    points: d
                        .findings
                        .findings
                        .iter()
                        .filter(|f| f.section.as_str() == s.id.as_str())
                        .map(|f| f.text.value.clone())
                        .collect(),
                }
            })
            .filter(|h| !h.points.is_empty())
            .collect()
    }

    /// The barriers, each with the question the agenda asks about it, else the first one
    /// asked about it. When the agenda has a dialogue on the barriers, every barrier is on
    /// the sheet, whatever its theme: the meeting will talk about them all.
    fn barriers(&self, lang: Lang, asks: &AgendaAsks) -> Vec<BarrierOut> {
        let all = &self.catalog.data.findings.findings;
        let barriers: Vec<&Located<Finding>> = if asks.barriers {
            all.iter()
                .filter(|f| f.kind == FindingKind::Barrier)
                .collect()
        } else {
            self.findings()
                .filter(|f| f.kind == FindingKind::Barrier)
                .take(MAX_POINTS)
                .collect()
        };
        barriers
            .into_iter()
            .map(|f| {
                let asked = self.catalog.prompts_from(&f.id);
                let question = asked
                    .iter()
                    .find(|p| asks.prompts.iter().any(|a| a == p.id.as_str()))
                    .or_else(|| {
                        // The barrier's own question: the one written from it first.
                        asked.iter().find(|p| {
                            p.sources
                                .first()
                                .is_some_and(|s| s.as_str() == f.id.as_str())
                        })
                    })
                    .or(asked.first());
                BarrierOut {
                    title: f.title.clone().unwrap_or_default(),
                    text: f.text.value.clone(),
                    question: question.map(|p| prompt_text(p, lang).to_owned()),
                }
            })
            .collect()
    }

    /// What the findings say about trial actions, wherever they stand: a trial action is a
    /// finding that speaks of prøvehandlinger or eksperimenter, not HU's strategy points.
    fn trials(&self) -> Vec<Trial> {
        self.catalog
            .data
            .findings
            .findings
            .iter()
            .filter(|f| self.bears_on(f))
            .filter(|f| {
                let text = fold(&f.text);
                text.contains("provehandling") || text.contains("eksperiment")
            })
            // "Prøvehandlinger og små eksperimenter" is a heading, not a suggestion.
            .filter(|f| f.text.split_whitespace().count() > 5)
            .take(MAX_POINTS)
            .map(|f| Trial {
                text: f.text.value.clone(),
                source: self
                    .section_of(f)
                    .map_or_else(String::new, |s| s.title.value.clone()),
            })
            .collect()
    }

    /// Whether a prompt fits the sheet: on its themes, at its level, and for the trio.
    fn fits(&self, p: &Prompt) -> bool {
        let on_theme = self
            .catalog
            .prompt_themes(p)
            .iter()
            .any(|t| self.themes.contains(t));
        let at_level = match self.level {
            Some(level) => p.levels.is_empty() || p.levels.contains(&level),
            None => true,
        };
        // The sheet is for the trio together: a prompt for the leader alone does not open it.
        let for_trio = Audience::reaches(&p.audiences, Audience::Trio)
            || p.audiences.iter().any(|a| *a != Audience::Leder);
        on_theme && at_level && for_trio
    }

    /// The prompts of the meeting's own agenda, in its order; then, up to 5, others on these
    /// themes, at the meeting's level, for the trio.
    fn prompts(&self, lang: Lang, agenda: &[String]) -> Vec<PrepPrompt> {
        let own: Vec<_> = agenda
            .iter()
            .filter_map(|id| self.catalog.prompt(id))
            .map(|p| prompt_row(self.catalog, p))
            .collect();
        let candidates = self
            .catalog
            .data
            .findings
            .prompts
            .iter()
            .filter(|p| self.fits(p))
            .filter(|p| !agenda.iter().any(|a| a == p.id.as_str()))
            .map(|p| prompt_row(self.catalog, p))
            .collect();
        let more = pick(
            candidates,
            PROMPTS.saturating_sub(own.len()),
            0,
            self.themes,
        );
        own.into_iter()
            .chain(more)
            .map(|r| PrepPrompt {
                text: r.text_in(lang).to_owned(),
                // On one page, the section a prompt comes from is enough to trace it.
                source: {
                    let mut sections: Vec<&str> = Vec::new();
                    for s in &r.source_texts {
                        if !sections.contains(&s.section) {
                            sections.push(s.section);
                        }
                    }
                    sections.join(" · ")
                },
            })
            .collect()
    }
}

impl Printable for PrepSheet {
    fn doc(&self) -> Doc {
        let w = self.lang.words();
        let mut blocks = Vec::new();
        if let Some(m) = &self.meeting {
            let mut facts = Vec::new();
            let mut fact = |label: &str, value: Option<String>| {
                if let Some(value) = value {
                    facts.push(Fact {
                        label: label.to_owned(),
                        value,
                    });
                }
            };
            fact(w.forum, m.forum.clone());
            fact(w.organiser, m.organiser.clone());
            fact(w.date, Some(m.date_text.clone()));
            fact(w.time, m.time_text.clone());
            fact(w.place, m.place.clone());
            blocks.push(Block::Facts { facts });
        }
        if !self.themes.is_empty() {
            blocks.push(Block::paragraph(
                Style::Emphasis,
                format!(
                    "{}: {}",
                    self.lang.themes_label(self.themes.len()),
                    self.themes.join(", ")
                ),
            ));
        }
        blocks.push(Block::heading(w.purpose));
        blocks.push(Block::paragraph(Style::Plain, &self.purpose));
        sourced_list(
            &mut blocks,
            w,
            w.suggested_prompts,
            true,
            self.prompts.iter().map(|p| (&*p.text, &*p.source)),
        );
        for hu in &self.hu_points {
            blocks.push(Block::heading(&hu.heading));
            if let Some(intro) = &hu.intro {
                blocks.push(Block::paragraph(Style::Plain, intro));
            }
            blocks.push(Block::List {
                numbered: false,
                entries: hu.points.iter().map(Entry::new).collect(),
            });
        }
        if !self.why.is_empty() {
            blocks.push(Block::heading(w.why_texts));
            blocks.push(Block::List {
                numbered: false,
                entries: self
                    .why
                    .iter()
                    .map(|b| Entry {
                        strong: true,
                        notes: vec![Text::plain(&b.text)],
                        ..Entry::new(&b.heading)
                    })
                    .collect(),
            });
        }
        let list = |blocks: &mut Vec<Block>, heading: &str, points: &[String]| {
            if !points.is_empty() {
                blocks.push(Block::heading(heading));
                let key = [
                    (w.meaning, "meaning"),
                    (w.attention, "attention"),
                    (w.questions, "questions"),
                    (w.success, "success"),
                ]
                .into_iter()
                .find(|(h, _)| *h == heading)
                .map(|(_, k)| k);
                if let Some(note) = key
                    .and_then(|k| self.selected.get(k))
                    .filter(|n| !n.is_empty())
                {
                    blocks.push(Block::paragraph(Style::Small, note));
                }
                blocks.push(Block::List {
                    numbered: false,
                    entries: points.iter().map(Entry::new).collect(),
                });
            }
        };
        list(&mut blocks, w.meaning, &self.meaning);
        list(&mut blocks, w.attention, &self.attention);
        list(&mut blocks, w.questions, &self.questions);
        if !self.barriers.is_empty() {
            blocks.push(Block::heading(w.barriers));
            blocks.push(Block::List {
                numbered: false,
                entries: self
                    .barriers
                    .iter()
                    .map(|b| Entry {
                        strong: true,
                        notes: b
                            .question
                            .iter()
                            .map(|q| Text::plain(format!("{}: {q}", w.ask)))
                            .collect(),
                        ..Entry::new(&b.title)
                    })
                    .collect(),
            });
        }
        list(&mut blocks, w.success, &self.success);
        sourced_list(
            &mut blocks,
            w,
            w.trials,
            false,
            self.trials.iter().map(|t| (&*t.text, &*t.source)),
        );
        if let Some(actions) = &self.follow_up {
            blocks.push(Block::heading(w.follow_up));
            blocks.extend(crate::report::followup::actions_blocks(actions, self.lang));
        }
        Doc {
            kind: w.prep_heading.to_owned(),
            title: self.title.clone(),
            blocks,
            ..Doc::new(self.lang)
        }
    }
}

/// The programme's why-texts on the themes, as the programme words them.
fn why_texts(catalog: &Catalog<'_>, themes: &[&str]) -> Vec<agenda::Background> {
    catalog
        .data
        .programme
        .why
        .iter()
        .filter(|w| w.themes.iter().any(|t| themes.contains(&t.as_str())))
        .map(|w| agenda::Background {
            heading: w.title.value.clone(),
            text: w.text.clone(),
        })
        .collect()
}

/// A heading and a list of texts, each with its source in small print under it; nothing when
/// there are no texts.
fn sourced_list<'t>(
    blocks: &mut Vec<Block>,
    w: &crate::lang::Words,
    heading: &str,
    numbered: bool,
    texts: impl ExactSizeIterator<Item = (&'t str, &'t str)>,
) {
    if texts.len() == 0 {
        return;
    }
    blocks.push(Block::heading(heading));
    blocks.push(Block::List {
        numbered,
        entries: texts
            .map(|(text, source)| Entry {
                notes: vec![Text::new(Style::Small, format!("{}: {source}", w.source))],
                ..Entry::new(text)
            })
            .collect(),
    });
}
