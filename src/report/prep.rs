//! The MED-trio's prep sheet: for a meeting or a theme, on one page, what HU concluded and
//! what to ask: purpose, findings, barriers with their question, prompts, success, trials.

use serde::Serialize;

use crate::lang::Lang;
use crate::model::{Catalog, Finding, FindingKind, Level, Located, SectionRole};
use crate::report::list::prompt_row;
use crate::report::prompts::pick;
use crate::report::show::prompt_text;

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
    pub labels: PrepLabels,
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
pub struct PrepLabels {
    pub heading: &'static str,
    pub purpose: &'static str,
    pub themes: &'static str,
    pub meaning: &'static str,
    pub attention: &'static str,
    pub questions: &'static str,
    pub barriers: &'static str,
    pub ask: &'static str,
    pub prompts: &'static str,
    pub success: &'static str,
    pub trials: &'static str,
}

impl PrepLabels {
    fn new(lang: Lang) -> Self {
        let p = |da, en| lang.pick(da, en);
        PrepLabels {
            heading: p(
                "Forberedelse for MED-trioen",
                "Preparation for the MED trio",
            ),
            purpose: p("Formål", "Purpose"),
            themes: p("Temaer", "Themes"),
            meaning: p("Det, der giver mening", "What makes sense"),
            attention: p(
                "Det, vi skal være opmærksomme på",
                "What we must watch out for",
            ),
            questions: p("Det, vi mangler svar på", "What we still need answers to"),
            barriers: p("Barrierer", "Barriers"),
            ask: p("Spørg", "Ask"),
            prompts: p("Forslag til dialogspørgsmål", "Suggested dialogue prompts"),
            success: p("Når vi lykkes", "When we succeed"),
            trials: p("Forslag til prøvehandlinger", "Suggested trial actions"),
        }
    }
}

/// Builds the sheet for a meeting, a roadmap meeting, a template or a theme; `None` if `id` is none of these.
pub fn prep(catalog: &Catalog<'_>, id: &str, lang: Lang) -> Option<PrepSheet> {
    let d = catalog.data;
    let (title, purpose, themes): (String, String, Vec<&str>) = if let Some(m) = catalog.meeting(id)
    {
        let template = m.template.as_ref().and_then(|t| catalog.template(t));
        let mut themes: Vec<&str> = m.themes.iter().map(|t| t.as_str()).collect();
        themes.extend(
            template
                .iter()
                .flat_map(|t| t.themes.iter().map(|x| x.as_str())),
        );
        let purpose = m
            .notes
            .clone()
            .or_else(|| template.and_then(|t| t.description.clone()))
            .unwrap_or_default();
        (m.title.value.clone(), purpose, themes)
    } else if let Some(a) = catalog.activity(id) {
        let template = a.template.as_ref().and_then(|t| catalog.template(t));
        let mut themes: Vec<&str> = a.themes.iter().map(|t| t.as_str()).collect();
        themes.extend(
            template
                .iter()
                .flat_map(|t| t.themes.iter().map(|x| x.as_str())),
        );
        let purpose = a
            .notes
            .clone()
            .or_else(|| template.and_then(|t| t.description.clone()))
            .unwrap_or_default();
        (a.title.value.clone(), purpose, themes)
    } else if let Some(t) = catalog.template(id) {
        (
            t.title.value.clone(),
            t.description.clone().unwrap_or_default(),
            t.themes.iter().map(|x| x.as_str()).collect(),
        )
    } else if let Some(t) = catalog.theme(id) {
        let intro = d
            .findings
            .sections
            .iter()
            .find(|s| s.theme.as_ref().is_some_and(|x| x.as_str() == id))
            .and_then(|s| s.intro.clone());
        (
            catalog.theme_title(&t.id, lang).to_owned(),
            t.description.clone().or(intro).unwrap_or_default(),
            vec![t.id.as_str()],
        )
    } else {
        return None;
    };
    let mut themes = themes;
    themes.dedup();

    let relevant =
        |f: &&Located<Finding>| catalog.finding_themes(f).iter().any(|t| themes.contains(t));
    let in_role = |role: SectionRole| {
        move |f: &&Located<Finding>| {
            catalog
                .section(&f.section)
                .is_some_and(|s| s.role == Some(role))
        }
    };
    let points = |role: SectionRole| -> Vec<String> {
        d.findings
            .findings
            .iter()
            .filter(in_role(role))
            .filter(relevant)
            .take(MAX_POINTS)
            .map(|f| f.text.value.clone())
            .collect()
    };
    let barriers = d
        .findings
        .findings
        .iter()
        .filter(|f| f.kind == FindingKind::Barrier)
        .filter(relevant)
        .take(MAX_POINTS)
        .map(|f| BarrierOut {
            title: f.title.clone().unwrap_or_default(),
            text: f.text.value.clone(),
            question: catalog
                .prompts_from(&f.id)
                .first()
                .map(|p| prompt_text(p, lang).to_owned()),
        })
        .collect();
    // Prompts for the LMU dialogue: on these themes, for the trio's members.
    let candidates = d
        .findings
        .prompts
        .iter()
        .filter(|p| catalog.prompt_themes(p).iter().any(|t| themes.contains(t)))
        .filter(|p| p.levels.contains(&Level::Lmu) || p.levels.is_empty())
        .map(|p| prompt_row(catalog, p))
        .collect();
    let prompts = pick(candidates, PROMPTS, 0, &themes)
        .into_iter()
        .map(|r| PrepPrompt {
            text: match (lang, r.text_en) {
                (Lang::En, Some(en)) => en.to_owned(),
                _ => r.text.to_owned(),
            },
            // On one page, the section a prompt comes from is enough to trace it.
            source: {
                let mut sections: Vec<&str> = r.source_texts.iter().map(|s| s.section).collect();
                sections.dedup();
                sections.join(" · ")
            },
        })
        .collect();
    Some(PrepSheet {
        lang,
        id: id.to_owned(),
        title,
        purpose,
        themes: themes
            .iter()
            .map(|t| catalog.theme_title(t, lang).to_owned())
            .collect(),
        meaning: points(SectionRole::Meaning),
        attention: points(SectionRole::Attention),
        questions: points(SectionRole::Questions),
        barriers,
        prompts,
        success: points(SectionRole::Success),
        trials: points(SectionRole::Next),
        labels: PrepLabels::new(lang),
    })
}
