//! `medtrio show`: one thing of any kind, with everything about it and its links.

use serde::Serialize;

use crate::lang::Lang;
use crate::model::{AgendaItem, Catalog, Located, total_minutes};
use crate::report::list::source_text;

/// One thing, described for people.
#[derive(Clone, Debug, Serialize)]
pub struct Detail {
    /// `meeting`, `activity`, `finding`, `prompt`, `theme`, `forum`, `section`, `template` or `text`.
    pub kind: &'static str,
    pub id: String,
    pub title: String,
    /// Label and value, in the output language.
    pub fields: Vec<(String, String)>,
    /// Linked things, under a heading.
    pub sections: Vec<DetailSection>,
}

#[derive(Clone, Debug, Serialize)]
pub struct DetailSection {
    pub heading: String,
    pub lines: Vec<String>,
}

struct Builder<'c, 'a> {
    catalog: &'c Catalog<'a>,
    lang: Lang,
    detail: Detail,
}

impl Builder<'_, '_> {
    fn field(&mut self, da: &str, en: &str, value: impl Into<String>) {
        let value = value.into();
        if !value.is_empty() {
            self.detail
                .fields
                .push((self.lang.pick(da, en).to_owned(), value));
        }
    }

    fn section(&mut self, da: &str, en: &str, lines: Vec<String>) {
        if !lines.is_empty() {
            self.detail.sections.push(DetailSection {
                heading: self.lang.pick(da, en).to_owned(),
                lines,
            });
        }
    }

    fn themes(&self, ids: &[&str]) -> String {
        ids.iter()
            .map(|id| format!("{} ({id})", self.catalog.theme_title(id, self.lang)))
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn prompt_line(&self, id: &str) -> String {
        match self.catalog.prompt(id) {
            Some(p) => format!("{id}: {}", prompt_text(p, self.lang)),
            None => id.to_owned(),
        }
    }

    fn item_lines(&self, items: &[Located<AgendaItem>]) -> Vec<String> {
        items
            .iter()
            .enumerate()
            .map(|(i, item)| {
                let kind = item
                    .kind
                    .map(|k| format!("{} · ", self.lang.item_type(k)))
                    .unwrap_or_default();
                let mut line = format!(
                    "{}. {} ({kind}{} min)",
                    i + 1,
                    item.title.value,
                    item.minutes.value
                );
                for p in &item.prompts {
                    line.push_str(&format!("\n     – {}", self.prompt_line(p)));
                }
                line
            })
            .collect()
    }
}

pub fn prompt_text(p: &crate::model::Prompt, lang: Lang) -> &str {
    match (lang, &p.text_en) {
        (Lang::En, Some(en)) => en,
        _ => &p.text,
    }
}

/// Describes the thing with `id`, or `None` when no thing has it.
pub fn show(catalog: &Catalog<'_>, id: &str, lang: Lang) -> Option<Detail> {
    let mut b = Builder {
        catalog,
        lang,
        detail: Detail {
            kind: "",
            id: id.to_owned(),
            title: String::new(),
            fields: Vec::new(),
            sections: Vec::new(),
        },
    };
    let d = catalog.data;
    if let Some(m) = catalog.meeting(id) {
        b.detail.kind = "meeting";
        b.detail.title = match (lang, &m.title_en) {
            (Lang::En, Some(en)) => en.clone(),
            _ => m.title.value.clone(),
        };
        b.field(
            "Forum",
            "Forum",
            m.forum_id().map_or("", |f| catalog.forum_name(f)),
        );
        b.field("Dato", "Date", lang.when_with_week(*m.date));
        if let (Some(s), Some(e)) = (&m.start, &m.end) {
            b.field("Tid", "Time", lang.time_span(s.0, e.0));
        }
        b.field("Sted", "Place", m.place.clone().unwrap_or_default());
        b.field("Status", "Status", lang.status(m.status));
        if !m.details_announced {
            b.field(
                "Detaljer",
                "Details",
                lang.pick("meldes ud senere", "to be announced"),
            );
        }
        let themes: Vec<&str> = m.themes.iter().map(|t| t.as_str()).collect();
        b.field("Temaer", "Themes", b.themes(&themes));
        let audiences: Vec<&str> = m.audiences.iter().map(|a| lang.audience(*a)).collect();
        b.field("Målgruppe", "Audience", audiences.join(", "));
        let formats: Vec<&str> = m.formats.iter().map(|f| f.as_str()).collect();
        b.field("Form", "Format", formats.join(", "));
        b.field(
            "Tilmelding",
            "Sign-up",
            m.signup_url
                .as_ref()
                .map(|u| u.value.clone())
                .unwrap_or_default(),
        );
        b.field("Noter", "Notes", m.notes.clone().unwrap_or_default());
        if !m.items.is_empty() {
            let lines = b.item_lines(&m.items);
            b.section("Dagsorden", "Agenda", lines);
        } else if let Some(t) = m.template.as_ref().and_then(|t| catalog.template(t)) {
            let lines = b.item_lines(&t.items);
            let heading_da = format!("Dagsorden (fra skabelonen {})", t.id.value);
            let heading_en = format!("Agenda (from the template {})", t.id.value);
            b.section(&heading_da, &heading_en, lines);
        }
    } else if let Some(a) = catalog.activity(id) {
        b.detail.kind = "activity";
        b.detail.title = a.title.value.clone();
        b.field(
            "Forum",
            "Forum",
            a.forum_id().map_or("", |f| catalog.forum_name(f)),
        );
        b.field("Periode", "When", lang.when_with_week(*a.date));
        let quarters: Vec<String> = a.date.quarters().iter().map(ToString::to_string).collect();
        b.field("Kvartaler", "Quarters", quarters.join(", "));
        b.field("Type", "Kind", lang.activity_kind(a.kind));
        b.field("Status", "Status", lang.status(a.status));
        let themes: Vec<&str> = a.themes.iter().map(|t| t.as_str()).collect();
        b.field("Temaer", "Themes", b.themes(&themes));
        b.field(
            "Skabelon",
            "Template",
            a.template
                .as_ref()
                .map(|t| t.value.clone())
                .unwrap_or_default(),
        );
        b.field("Noter", "Notes", a.notes.clone().unwrap_or_default());
        if a.is_meeting() {
            b.field("Dagsorden", "Agenda", format!("medtrio agenda {id}"));
        }
    } else if let Some(f) = catalog.finding(id) {
        b.detail.kind = "finding";
        b.detail.title = f.title.clone().unwrap_or_else(|| f.text.value.clone());
        b.field(
            "Afsnit",
            "Section",
            catalog
                .section(&f.section)
                .map(|s| s.title.value.clone())
                .unwrap_or_default(),
        );
        b.field("Art", "Kind", lang.finding_kind(f.kind));
        if f.title.is_some() {
            b.field("Tekst", "Text", f.text.value.clone());
        }
        b.field("Temaer", "Themes", b.themes(&catalog.finding_themes(f)));
        let audiences: Vec<&str> = f.audiences.iter().map(|a| lang.audience(*a)).collect();
        b.field("Målgruppe", "Audience", audiences.join(", "));
        let prompts = catalog
            .prompts_from(id)
            .iter()
            .map(|p| b.prompt_line(&p.id))
            .collect();
        b.section(
            "Dialogspørgsmål herfra",
            "Prompts from this finding",
            prompts,
        );
    } else if let Some(p) = catalog.prompt(id) {
        b.detail.kind = "prompt";
        b.detail.title = prompt_text(p, lang).to_owned();
        b.field("Oprindelse", "Origin", lang.origin(p.origin));
        b.field("Temaer", "Themes", b.themes(&catalog.prompt_themes(p)));
        let audiences: Vec<&str> = p.audiences.iter().map(|a| lang.audience(*a)).collect();
        b.field("Målgruppe", "Audience", audiences.join(", "));
        let levels: Vec<&str> = p.levels.iter().map(|l| lang.level(*l)).collect();
        b.field("Niveau", "Level", levels.join(", "));
        let sources = p
            .sources
            .iter()
            .filter_map(|s| source_text(catalog, s))
            .map(|s| format!("{}: {} – {}", s.id, s.section, s.text))
            .collect();
        b.section("Kilder", "Sources", sources);
        let mut used = Vec::new();
        for m in &d.programme.meetings {
            if m.items
                .iter()
                .any(|i| i.prompts.iter().any(|q| q.as_str() == id))
            {
                used.push(format!("{} ({})", m.title.value, m.id.value));
            }
        }
        for t in &d.programme.templates {
            if t.items
                .iter()
                .any(|i| i.prompts.iter().any(|q| q.as_str() == id))
            {
                used.push(format!("{} ({})", t.title.value, t.id.value));
            }
        }
        b.section("Bruges i", "Used in", used);
    } else if let Some(t) = catalog.theme(id) {
        b.detail.kind = "theme";
        b.detail.title = catalog.theme_title(&t.id, lang).to_owned();
        b.field(
            "Beskrivelse",
            "Description",
            t.description.clone().unwrap_or_default(),
        );
        let meetings = d
            .programme
            .meetings
            .iter()
            .filter(|m| m.themes.iter().any(|x| x.as_str() == id))
            .map(|m| format!("{}: {}", m.id.value, m.title.value))
            .collect();
        b.section("Møder", "Meetings", meetings);
        let activities = d
            .roadmap
            .activities
            .iter()
            .filter(|a| a.themes.iter().any(|x| x.as_str() == id))
            .map(|a| format!("{}: {}", a.id.value, a.title.value))
            .collect();
        b.section("Aktiviteter", "Activities", activities);
        let findings = d
            .findings
            .findings
            .iter()
            .filter(|f| catalog.finding_themes(f).contains(&id))
            .map(|f| format!("{}: {}", f.id.value, f.text.value))
            .collect();
        b.section("Fund", "Findings", findings);
        let prompts = d
            .findings
            .prompts
            .iter()
            .filter(|p| catalog.prompt_themes(p).contains(&id))
            .map(|p| b.prompt_line(&p.id))
            .collect();
        b.section("Dialogspørgsmål", "Prompts", prompts);
    } else if let Some(f) = catalog.forum(id) {
        b.detail.kind = "forum";
        b.detail.title = f.name.value.clone();
        b.field(
            "Fulde navn",
            "Full name",
            f.full_name.clone().unwrap_or_default(),
        );
        b.field("Niveau", "Level", lang.level(f.level));
        let meetings = d
            .programme
            .meetings
            .iter()
            .filter(|m| m.forum_id() == Some(id))
            .map(|m| format!("{}: {} ({})", m.id.value, m.title.value, lang.when(*m.date)))
            .collect();
        b.section("Møder", "Meetings", meetings);
        let activities = d
            .roadmap
            .activities
            .iter()
            .filter(|a| a.forum_id() == Some(id))
            .map(|a| format!("{}: {} ({})", a.id.value, a.title.value, lang.when(*a.date)))
            .collect();
        b.section("Aktiviteter", "Activities", activities);
    } else if let Some(s) = catalog.section(id) {
        b.detail.kind = "section";
        b.detail.title = s.title.value.clone();
        b.field(
            "Overskrift",
            "Heading",
            s.heading.clone().unwrap_or_default(),
        );
        b.field(
            "Indledning",
            "Introduction",
            s.intro.clone().unwrap_or_default(),
        );
        let findings = d
            .findings
            .findings
            .iter()
            .filter(|f| f.section.as_str() == id)
            .map(|f| format!("{}: {}", f.id.value, f.text.value))
            .collect();
        b.section("Fund", "Findings", findings);
    } else if let Some(t) = catalog.template(id) {
        b.detail.kind = "template";
        b.detail.title = t.title.value.clone();
        b.field(
            "Beskrivelse",
            "Description",
            t.description.clone().unwrap_or_default(),
        );
        b.field(
            "Start",
            "Start",
            t.start.as_ref().map(|s| s.to_string()).unwrap_or_default(),
        );
        let total = total_minutes(t.items.iter().map(|i| i.minutes.value));
        b.field("Varighed", "Length", format!("{total} min"));
        let lines = b.item_lines(&t.items);
        b.section("Dagsorden", "Agenda", lines);
    } else if let Some(w) = catalog.why(id) {
        b.detail.kind = "text";
        b.detail.title = w.title.value.clone();
        b.field("Tekst", "Text", w.text.clone());
        let prompts = catalog
            .prompts_from(id)
            .iter()
            .map(|p| b.prompt_line(&p.id))
            .collect();
        b.section("Dialogspørgsmål herfra", "Prompts from this text", prompts);
    } else {
        return None;
    }
    Some(b.detail)
}

/// Every id in the data, for suggestions.
pub fn all_ids<'a>(catalog: &Catalog<'a>) -> Vec<&'a str> {
    let d = catalog.data;
    let mut ids: Vec<&str> = Vec::new();
    ids.extend(d.programme.meetings.iter().map(|x| x.id.as_str()));
    ids.extend(d.programme.templates.iter().map(|x| x.id.as_str()));
    ids.extend(d.programme.why.iter().map(|x| x.id.as_str()));
    ids.extend(catalog.theme_ids());
    ids.extend(d.roadmap.forums.iter().map(|x| x.id.as_str()));
    ids.extend(d.roadmap.activities.iter().map(|x| x.id.as_str()));
    ids.extend(d.findings.sections.iter().map(|x| x.id.as_str()));
    ids.extend(d.findings.findings.iter().map(|x| x.id.as_str()));
    ids.extend(d.findings.prompts.iter().map(|x| x.id.as_str()));
    ids
}
