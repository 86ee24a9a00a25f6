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
    pub barriers: Vec<BarrierOut>,
    pub prompts: Vec<PrepPrompt>,
    pub success: Vec<String>,
    /// Trial actions (prøvehandlinger) the findings speak of, each with where it comes from.
    pub trials: Vec<Trial>,
    /// Whether the data has so little on the sheet's themes that the sheet is nearly empty.
    pub thin: bool,
    /// For a meeting of a forum with earlier minutes: the action points still open, or null.
    pub follow_up: Option<Vec<crate::report::followup::OpenAction>>,
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
    let meeting_facts = || {
        agenda::agenda(catalog, id, lang, AgendaOptions::default())
            .ok()
            .map(|a| PrepMeeting {
                forum: a.forum,
                organiser: a.organiser,
                date_text: a.date_text,
                time_text: a.time_text,
                place: a.place,
            })
    };
    if let Some(m) = catalog.meeting(id) {
        let template = m.template.as_ref().and_then(|t| catalog.template(t));
        let programme = template.is_some_and(|t| t.kind == TemplateKind::Programme);
        return Some(Subject {
            title: m.title.value.clone(),
            purpose: m
                .notes
                .clone()
                .or_else(|| template.and_then(|t| t.description.clone())),
            themes: themes_of(&m.themes, template),
            meeting: meeting_facts(),
            level: match m.forum_id() {
                Some(f) => catalog.forum_level(f),
                None if programme => None,
                None => template.and_then(|t| t.level),
            },
        });
    }
    if let Some(a) = catalog.activity(id) {
        let template = a.template.as_ref().and_then(|t| catalog.template(t));
        return Some(Subject {
            title: a.title.value.clone(),
            purpose: a
                .notes
                .clone()
                .or_else(|| template.and_then(|t| t.description.clone())),
            themes: themes_of(&a.themes, template),
            meeting: a.is_meeting().then(meeting_facts).flatten(),
            level: a
                .forum_id()
                .and_then(|f| catalog.forum_level(f))
                .or_else(|| template.and_then(|t| t.level)),
        });
    }
    if let Some(t) = catalog.template(id) {
        return Some(Subject {
            title: t.title.value.clone(),
            purpose: t.description.clone(),
            themes: t.themes.iter().map(|x| x.as_str()).collect(),
            meeting: None,
            level: t.level,
        });
    }
    let t = catalog.theme(id)?;
    Some(Subject {
        title: catalog.theme_title(&t.id, lang).to_owned(),
        purpose: t.description.clone(),
        themes: vec![t.id.as_str()],
        meeting: None,
        level: Some(Level::Lmu),
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
    let purpose = purpose
        .filter(|p| is_sentence(p))
        .unwrap_or_else(|| lang.prep_purpose(&title, &theme_titles));
    let findings = Relevant {
        catalog,
        themes: &themes,
        level,
    };
    let mut sheet = PrepSheet {
        lang,
        id: id.to_owned(),
        title,
        meeting,
        purpose,
        themes: theme_titles,
        hu_points: findings.hu_points(),
        meaning: findings.points(SectionRole::Meaning),
        attention: findings.points(SectionRole::Attention),
        questions: findings.points(SectionRole::Questions),
        barriers: findings.barriers(lang),
        prompts: findings.prompts(lang),
        success: findings.points(SectionRole::Success),
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

    /// The points of the sections with `role`.
    fn points(&self, role: SectionRole) -> Vec<String> {
        self.findings()
            .filter(|f| self.section_of(f).is_some_and(|s| s.role == Some(role)))
            .take(MAX_POINTS)
            .map(|f| f.text.value.clone())
            .collect()
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

    /// The barriers, each with the first question asked about it.
    fn barriers(&self, lang: Lang) -> Vec<BarrierOut> {
        self.findings()
            .filter(|f| f.kind == FindingKind::Barrier)
            .take(MAX_POINTS)
            .map(|f| BarrierOut {
                title: f.title.clone().unwrap_or_default(),
                text: f.text.value.clone(),
                question: self
                    .catalog
                    .prompts_from(&f.id)
                    .first()
                    .map(|p| prompt_text(p, lang).to_owned()),
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

    /// 3–5 prompts for the dialogue: on these themes, at the meeting's level, for the trio.
    fn prompts(&self, lang: Lang) -> Vec<PrepPrompt> {
        let candidates = self
            .catalog
            .data
            .findings
            .prompts
            .iter()
            .filter(|p| self.fits(p))
            .map(|p| prompt_row(self.catalog, p))
            .collect();
        pick(candidates, PROMPTS, 0, self.themes)
            .into_iter()
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
        let list = |blocks: &mut Vec<Block>, heading: &str, points: &[String]| {
            if !points.is_empty() {
                blocks.push(Block::heading(heading));
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
