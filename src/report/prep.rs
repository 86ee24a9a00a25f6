//! The MED-trio's prep sheet: for a meeting or a theme, on one page, what HU concluded and
//! what to ask: purpose, findings, barriers with their question, prompts, success, trials.

use serde::Serialize;

use crate::lang::Lang;
use crate::model::{Catalog, Finding, FindingKind, Level, Located, SectionRole};
use crate::report::doc::{Block, Doc, Entry, Printable, Style, Text};
use crate::report::prompts::{pick, prompt_row, prompt_text};

/// The most points each list gets, so that the sheet stays on one page.
const MAX_POINTS: usize = 4;
/// The number of suggested prompts.
const PROMPTS: usize = 5;

#[derive(Clone, Debug, Serialize)]
pub struct PrepSheet {
    pub lang: Lang,
    pub id: String,
    pub title: String,
    pub purpose: String,
    pub themes: Vec<String>,
    pub meaning: Vec<String>,
    pub attention: Vec<String>,
    pub questions: Vec<String>,
    pub barriers: Vec<BarrierOut>,
    pub prompts: Vec<PrepPrompt>,
    pub success: Vec<String>,
    pub trials: Vec<String>,
    /// For a meeting of a forum with earlier minutes: the action points still open, or null.
    pub follow_up: Option<Vec<crate::report::followup::OpenAction>>,
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

/// What the sheet is about: its title, purpose and themes.
struct Subject<'a> {
    title: String,
    purpose: String,
    themes: Vec<&'a str>,
}

/// The subject of a meeting, a roadmap meeting, a template or a theme.
fn subject<'a>(catalog: &Catalog<'a>, id: &str, lang: Lang) -> Option<Subject<'a>> {
    // A meeting or roadmap activity: its own themes and notes, else its template's.
    let with_template = |title: &str,
                         themes: &'a [Located<String>],
                         notes: &Option<String>,
                         template: &Option<Located<String>>| {
        let template = template.as_ref().and_then(|t| catalog.template(t));
        let mut all: Vec<&'a str> = themes.iter().map(|t| t.as_str()).collect();
        all.extend(
            template
                .iter()
                .flat_map(|t| t.themes.iter().map(|x| x.as_str())),
        );
        Subject {
            title: title.to_owned(),
            purpose: notes
                .clone()
                .or_else(|| template.and_then(|t| t.description.clone()))
                .unwrap_or_default(),
            themes: all,
        }
    };
    if let Some(m) = catalog.meeting(id) {
        return Some(with_template(&m.title, &m.themes, &m.notes, &m.template));
    }
    if let Some(a) = catalog.activity(id) {
        return Some(with_template(&a.title, &a.themes, &a.notes, &a.template));
    }
    if let Some(t) = catalog.template(id) {
        return Some(Subject {
            title: t.title.value.clone(),
            purpose: t.description.clone().unwrap_or_default(),
            themes: t.themes.iter().map(|x| x.as_str()).collect(),
        });
    }
    let t = catalog.theme(id)?;
    let intro = catalog
        .data
        .findings
        .sections
        .iter()
        .find(|s| s.theme.as_ref().is_some_and(|x| x.as_str() == id))
        .and_then(|s| s.intro.clone());
    Some(Subject {
        title: catalog.theme_title(&t.id, lang).to_owned(),
        purpose: t.description.clone().or(intro).unwrap_or_default(),
        themes: vec![t.id.as_str()],
    })
}

/// Builds the sheet for a meeting, a roadmap meeting, a template or a theme; `None` if `id` is none of these.
pub fn prep(
    catalog: &Catalog<'_>,
    id: &str,
    lang: Lang,
    today: Option<chrono::NaiveDate>,
) -> Option<PrepSheet> {
    let Subject {
        title,
        purpose,
        mut themes,
    } = subject(catalog, id, lang)?;
    themes.dedup();
    let findings = Relevant {
        catalog,
        themes: &themes,
    };
    Some(PrepSheet {
        lang,
        id: id.to_owned(),
        title,
        purpose,
        themes: themes
            .iter()
            .map(|t| catalog.theme_title(t, lang).to_owned())
            .collect(),
        meaning: findings.points(SectionRole::Meaning),
        attention: findings.points(SectionRole::Attention),
        questions: findings.points(SectionRole::Questions),
        barriers: findings.barriers(lang),
        prompts: findings.prompts(lang),
        success: findings.points(SectionRole::Success),
        trials: findings.points(SectionRole::Next),
        follow_up: crate::report::followup::open_actions_of(catalog, id, today, lang),
    })
}

/// The findings and prompts on the sheet's themes.
struct Relevant<'c, 'a> {
    catalog: &'c Catalog<'a>,
    themes: &'c [&'a str],
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

    /// The points of the sections with `role`.
    fn points(&self, role: SectionRole) -> Vec<String> {
        self.findings()
            .filter(|f| {
                self.catalog
                    .section(&f.section)
                    .is_some_and(|s| s.role == Some(role))
            })
            .take(MAX_POINTS)
            .map(|f| f.text.value.clone())
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

    /// Prompts for the LMU dialogue: on these themes, for the trio's members.
    fn prompts(&self, lang: Lang) -> Vec<PrepPrompt> {
        let candidates = self
            .catalog
            .data
            .findings
            .prompts
            .iter()
            .filter(|p| {
                self.catalog
                    .prompt_themes(p)
                    .iter()
                    .any(|t| self.themes.contains(t))
            })
            .filter(|p| p.levels.contains(&Level::Lmu) || p.levels.is_empty())
            .map(|p| prompt_row(self.catalog, p))
            .collect();
        pick(candidates, PROMPTS, 0, self.themes)
            .into_iter()
            .map(|r| PrepPrompt {
                text: r.text_in(lang).to_owned(),
                // On one page, the section a prompt comes from is enough to trace it.
                source: {
                    let mut sections: Vec<&str> =
                        r.source_texts.iter().map(|s| s.section).collect();
                    sections.dedup();
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
        if !self.themes.is_empty() {
            blocks.push(Block::paragraph(
                Style::Emphasis,
                format!("{}: {}", w.themes, self.themes.join(", ")),
            ));
        }
        if !self.purpose.is_empty() {
            blocks.push(Block::heading(w.purpose));
            blocks.push(Block::paragraph(Style::Plain, &self.purpose));
        }
        if !self.prompts.is_empty() {
            blocks.push(Block::heading(w.suggested_prompts));
            blocks.push(Block::List {
                numbered: true,
                entries: self
                    .prompts
                    .iter()
                    .map(|p| Entry {
                        notes: vec![Text::new(Style::Small, &p.source)],
                        ..Entry::new(&p.text)
                    })
                    .collect(),
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
        list(&mut blocks, w.trials, &self.trials);
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
