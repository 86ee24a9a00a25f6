//! `medtrio show`: one thing of any kind, with everything about it and its links.

use serde::Serialize;

use crate::lang::{Lang, Words};
use crate::model::{
    AgendaItem, Catalog, Finding, Forum, Kind, Located, Meeting, Prompt, RoadmapActivity, Section,
    Template, Theme, WhyText, total_minutes,
};
use crate::report::prompts::{prompt_text, source_text};

/// One thing, described for people.
#[derive(Clone, Debug, Serialize)]
pub struct Detail {
    pub kind: Kind,
    /// The kind in the output language: "møde", "aktivitet", …
    pub kind_text: String,
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

/// Describes the thing with `id`, or `None` when no thing has it.
pub fn show(catalog: &Catalog<'_>, id: &str, lang: Lang) -> Option<Detail> {
    let kind = catalog.kind_of(id)?;
    let mut b = Builder {
        catalog,
        lang,
        w: lang.words(),
        detail: Detail {
            kind,
            kind_text: lang.kind(kind).to_owned(),
            id: id.to_owned(),
            title: String::new(),
            fields: Vec::new(),
            sections: Vec::new(),
        },
    };
    match kind {
        Kind::Meeting => b.meeting(catalog.meeting(id)?),
        Kind::Activity => b.activity(catalog.activity(id)?),
        Kind::Finding => b.finding(catalog.finding(id)?),
        Kind::Prompt => b.prompt(catalog.prompt(id)?),
        Kind::Theme => b.theme(catalog.theme(id)?),
        Kind::Forum => b.forum(catalog.forum(id)?),
        Kind::Section => b.section_of(catalog.section(id)?),
        Kind::Template => b.template(catalog.template(id)?),
        Kind::Text => b.text(catalog.why(id)?),
        Kind::Action => b.action(catalog.action(id)?),
        // Not ids that `show` looks up: a decision is `MEETING#ITEM`, a task is cycle.yaml's.
        Kind::Decision | Kind::Task => return None,
    }
    Some(b.detail)
}

struct Builder<'c, 'a> {
    catalog: &'c Catalog<'a>,
    lang: Lang,
    w: &'static Words,
    detail: Detail,
}

impl Builder<'_, '_> {
    fn field(&mut self, label: &str, value: impl Into<String>) {
        let value = value.into();
        if !value.is_empty() {
            self.detail.fields.push((label.to_owned(), value));
        }
    }

    fn section(&mut self, heading: impl Into<String>, lines: Vec<String>) {
        if !lines.is_empty() {
            self.detail.sections.push(DetailSection {
                heading: heading.into(),
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

    fn theme_field(&mut self, ids: &[&str]) {
        let themes = self.themes(ids);
        self.field(self.lang.themes_label(ids.len()), themes);
    }

    fn audience_field(&mut self, audiences: &[crate::model::Audience]) {
        let names: Vec<&str> = audiences.iter().map(|a| self.lang.audience(*a)).collect();
        self.field(self.w.audience, names.join(", "));
    }

    /// The forum by name, or that the source gives none.
    fn forum_field(&mut self, forum: Option<&str>) {
        let name = match forum {
            Some(id) => self.catalog.forum_name(id),
            None => self.w.no_forum,
        };
        self.field(self.w.forum, name);
    }

    fn prompt_line(&self, id: &str) -> String {
        match self.catalog.prompt(id) {
            Some(p) => format!("{id}: {}", prompt_text(p, self.lang)),
            None => id.to_owned(),
        }
    }

    fn prompts_from(&self, source: &str) -> Vec<String> {
        self.catalog
            .prompts_from(source)
            .iter()
            .map(|p| self.prompt_line(&p.id))
            .collect()
    }

    fn item_lines(&self, items: &[Located<AgendaItem>]) -> Vec<String> {
        let mut number = 0;
        items
            .iter()
            .map(|item| {
                let kind = item
                    .kind
                    .map(|k| format!("{} · ", self.lang.item_type(k)))
                    .unwrap_or_default();
                // Numbered as the agenda numbers them: a break takes no number.
                let numbered = if item.is_break() {
                    String::new()
                } else {
                    number += 1;
                    format!("{number}. ")
                };
                // The members' version marks a confidential item; the placeholder says it.
                let closed = if item.confidential && !item.withheld {
                    format!(" · {}", self.lang.words().confidential)
                } else {
                    String::new()
                };
                let mut line = format!(
                    "{numbered}{} ({kind}{} min{closed})",
                    self.lang.prefer(&item.title, item.title_en.as_deref()),
                    item.minutes.value
                );
                for p in &item.prompts {
                    line.push_str(&format!("\n     – {}", self.prompt_line(p)));
                }
                line
            })
            .collect()
    }

    fn meeting(&mut self, m: &Meeting) {
        let (w, lang, catalog) = (self.w, self.lang, self.catalog);
        self.detail.title = lang.prefer(&m.title, m.title_en.as_deref()).to_owned();
        let template = m.template.as_ref().and_then(|t| catalog.template(t));
        let programme = template.is_some_and(|t| t.kind == crate::model::TemplateKind::Programme);
        // A temamøde's programme is held by no committee: its organiser says who is behind it.
        if !(programme && m.forum.is_none()) {
            self.forum_field(m.forum_id());
        }
        if m.forum.is_none() {
            let owner = catalog.forum_name(&catalog.data.programme.owner);
            self.field(w.organiser, owner);
        }
        self.field(w.date, lang.when_with_week(*m.date));
        if let (Some(s), Some(e)) = (&m.start, &m.end) {
            self.field(w.time, lang.time_span(s.0, e.0));
        }
        self.field(w.place, m.place.clone().unwrap_or_default());
        self.field(w.status, lang.status(catalog.meeting_status(m)));
        if !m.details_announced {
            self.field(w.details, w.not_set);
        }
        let themes: Vec<&str> = m.themes.iter().map(|t| t.as_str()).collect();
        self.theme_field(&themes);
        if programme && m.forum.is_none() {
            // The seed names no audience for the temamøder: the data's audience is inferred
            // from the programme's address (medtrio-i-buf), and is marked so.
            let names: Vec<&str> = m.audiences.iter().map(|a| lang.audience(*a)).collect();
            if !names.is_empty() {
                self.field(w.audience, format!("{} ({})", names.join(", "), w.inferred));
            }
        } else {
            self.audience_field(&m.audiences);
        }
        let formats: Vec<&str> = m.formats.iter().map(|f| f.as_str()).collect();
        self.field(w.format, formats.join(", "));
        self.field(
            w.signup,
            m.signup_url
                .as_ref()
                .map(|u| u.value.clone())
                .unwrap_or_default(),
        );
        self.field(w.notes, m.notes.clone().unwrap_or_default());
        if !m.items.is_empty() {
            let lines = self.item_lines(&m.items);
            self.section(w.agenda, lines);
        } else if let Some(t) = template {
            let lines = self.item_lines(&t.items);
            self.section(
                lang.agenda_from_template(&t.id, programme, t.suggestion),
                lines,
            );
        }
    }

    /// An action point: what, who, by when, where it stands, and the meeting it came from.
    fn action(&mut self, (minutes, a): (&crate::model::Minutes, &crate::model::Action)) {
        let (w, lang, catalog) = (self.w, self.lang, self.catalog);
        self.detail.title = a.text.value.clone();
        let meeting = &minutes.meeting;
        self.field(
            w.meeting,
            format!("{} ({})", catalog.title_of(meeting), meeting.value),
        );
        self.forum_field(catalog.forum_of(meeting));
        if let Some(number) = &a.item {
            self.field(w.item, number.to_string());
        }
        self.field(w.owner, a.owner.value.clone());
        self.field(w.due, lang.when(*a.due));
        self.field(w.status, lang.action_status(a.status));
        if let Some(done) = &a.done {
            self.field(w.done_on, lang.when(**done));
        }
        self.field(w.good_story, a.story.clone().unwrap_or_default());
    }

    fn activity(&mut self, a: &RoadmapActivity) {
        let (w, lang) = (self.w, self.lang);
        self.detail.title = a.title.value.clone();
        self.forum_field(a.forum_id());
        self.field(w.period, lang.when_with_week(*a.date));
        self.field(w.as_written, a.source_label.clone().unwrap_or_default());
        let quarters: Vec<String> = a.date.quarters().iter().map(|q| lang.quarter(*q)).collect();
        self.field(w.quarters, quarters.join(", "));
        self.field(w.kind, lang.activity_kind(a.kind));
        self.field(w.status, lang.status(self.catalog.activity_status(a)));
        let themes: Vec<&str> = a.themes.iter().map(|t| t.as_str()).collect();
        self.theme_field(&themes);
        self.field(
            w.template,
            a.template
                .as_ref()
                .map(|t| t.value.clone())
                .unwrap_or_default(),
        );
        self.field(w.notes, a.notes.clone().unwrap_or_default());
        if let Some(o) = &a.outcome {
            use crate::model::OutcomeStatus;
            let what = match o.status {
                OutcomeStatus::Held => w.held.to_owned(),
                OutcomeStatus::Cancelled => lang.status(crate::model::Status::Cancelled).to_owned(),
                OutcomeStatus::Postponed => w.postponed_to_period.to_owned(),
            };
            let mut text = match *o.date {
                crate::model::When::Unknown => what,
                when => format!("{what} {}", lang.when(when)),
            };
            if let Some(note) = &o.note {
                text = format!("{text}: {note}");
            }
            self.field(w.outcome, text);
        }
        if a.is_meeting() {
            self.field(w.agenda, format!("medtrio agenda {}", a.id.value));
        }
        // The meetings that carried it out: those that name it (`activity:`), those its
        // outcome names, and the activity itself when it has minutes.
        let catalog = self.catalog;
        let mut ids: Vec<&str> = catalog
            .meetings_carrying(&a.id)
            .iter()
            .map(|m| m.id.as_str())
            .collect();
        for m in a.outcome.iter().flat_map(|o| &o.meetings) {
            if !ids.contains(&m.as_str()) {
                ids.push(m.as_str());
            }
        }
        if catalog.minutes_of(&a.id).is_some() {
            ids.push(a.id.as_str());
        }
        let lines = ids
            .iter()
            .map(|id| {
                let date = lang.when(catalog.date_of(id));
                let minutes = match (catalog.minutes_of(id), catalog.meeting(id)) {
                    (Some(_), _) => format!("{}: minutes/{id}.yaml", w.minutes_heading),
                    (None, Some(m)) => lang.status(catalog.meeting_status(m)).to_owned(),
                    (None, None) if catalog.activity(id).is_none() => {
                        return format!("{id} · {}", w.not_in_this_folder);
                    }
                    (None, None) => lang.status(crate::model::Status::NotRecorded).to_owned(),
                };
                format!("{} ({id}), {date} · {minutes}", catalog.title_of(id))
            })
            .collect();
        self.section(w.carried_by, lines);
    }

    fn finding(&mut self, f: &Finding) {
        let (w, catalog) = (self.w, self.catalog);
        self.detail.title = f.title.clone().unwrap_or_else(|| f.text.value.clone());
        self.field(
            w.section,
            catalog
                .section(&f.section)
                .map(|s| s.title.value.clone())
                .unwrap_or_default(),
        );
        self.field(w.finding_kind, self.lang.finding_kind(f.kind));
        if f.title.is_some() {
            self.field(w.text, f.text.value.clone());
        }
        self.theme_field(&catalog.finding_themes(f));
        self.audience_field(&f.audiences);
        self.field(w.note, f.note.clone().unwrap_or_default());
        let prompts = self.prompts_from(&f.id);
        self.section(w.prompts_from_finding, prompts);
    }

    fn prompt(&mut self, p: &Prompt) {
        let (w, lang, catalog) = (self.w, self.lang, self.catalog);
        self.detail.title = prompt_text(p, lang).to_owned();
        self.field(
            w.origin,
            lang.origin_of(p.origin, crate::report::prompts::from_programme(catalog, p)),
        );
        if let Some(q) = &p.quote {
            self.field(w.source_words, lang.quoted(q));
        }
        self.theme_field(&catalog.prompt_themes(p));
        self.audience_field(&p.audiences);
        let levels: Vec<&str> = p.levels.iter().map(|l| lang.level(*l)).collect();
        self.field(w.level, levels.join(", "));
        let sources = p
            .sources
            .iter()
            .filter_map(|s| source_text(catalog, s))
            .map(|s| format!("{}: {}", s.id, s.citation()))
            .collect();
        self.section(w.sources, sources);
        let uses = |items: &[Located<AgendaItem>]| {
            items
                .iter()
                .any(|i| i.prompts.iter().any(|q| q.as_str() == p.id.as_str()))
        };
        let d = catalog.data;
        let used = d
            .programme
            .meetings
            .iter()
            .filter(|m| uses(&m.items))
            .map(|m| format!("{} ({})", m.title.value, m.id.value))
            .chain(
                d.programme
                    .templates
                    .iter()
                    .filter(|t| uses(&t.items))
                    .map(|t| format!("{} ({})", t.title.value, t.id.value)),
            )
            .collect();
        self.section(w.used_in, used);
    }

    fn theme(&mut self, t: &Theme) {
        let (w, catalog) = (self.w, self.catalog);
        let id = t.id.as_str();
        self.detail.title = catalog.theme_title(id, self.lang).to_owned();
        self.field(w.description, t.description.clone().unwrap_or_default());
        let d = catalog.data;
        let on_theme = |themes: &[Located<String>]| themes.iter().any(|x| x.as_str() == id);
        let meetings = lines(
            &d.programme.meetings,
            |m| on_theme(&m.themes),
            |m| format!("{}: {}", m.id.value, m.title.value),
        );
        self.section(w.meetings, meetings);
        let activities = lines(
            &d.roadmap.activities,
            |a| on_theme(&a.themes),
            |a| format!("{}: {}", a.id.value, a.title.value),
        );
        self.section(w.activities, activities);
        let findings = lines(
            &d.findings.findings,
            |f| catalog.finding_themes(f).contains(&id),
            |f| format!("{}: {}", f.id.value, f.text.value),
        );
        self.section(w.findings, findings);
        let prompts = lines(
            &d.findings.prompts,
            |p| catalog.prompt_themes(p).contains(&id),
            |p| self.prompt_line(&p.id),
        );
        self.section(w.prompts, prompts);
    }

    fn forum(&mut self, f: &Forum) {
        let (w, lang) = (self.w, self.lang);
        let id = f.id.as_str();
        self.detail.title = f.name.value.clone();
        self.field(w.full_name, f.full_name.clone().unwrap_or_default());
        self.field(w.level, lang.level(f.level));
        self.field(w.note, f.note.clone().unwrap_or_default());
        if self.catalog.data.programme.owner.as_str() == id {
            let title = self.catalog.data.programme.title.value.clone();
            self.field(w.owns_programme, title);
        }
        let d = self.catalog.data;
        let meetings = lines(
            &d.programme.meetings,
            |m| m.forum_id() == Some(id),
            |m| format!("{}: {} ({})", m.id.value, m.title.value, lang.when(*m.date)),
        );
        self.section(w.meetings, meetings);
        let activities = lines(
            &d.roadmap.activities,
            |a| a.forum_id() == Some(id),
            |a| format!("{}: {} ({})", a.id.value, a.title.value, lang.when(*a.date)),
        );
        self.section(w.activities, activities);
    }

    fn section_of(&mut self, s: &Section) {
        let w = self.w;
        self.detail.title = s.title.value.clone();
        self.field(w.heading, s.heading.clone().unwrap_or_default());
        self.field(w.introduction, s.intro.clone().unwrap_or_default());
        self.field(w.lead_in, s.lead_in.clone().unwrap_or_default());
        self.field(w.note, s.note.clone().unwrap_or_default());
        let findings = lines(
            &self.catalog.data.findings.findings,
            |f| f.section.as_str() == s.id.as_str(),
            |f| format!("{}: {}", f.id.value, f.text.value),
        );
        self.section(w.findings, findings);
    }

    fn template(&mut self, t: &Template) {
        let w = self.w;
        self.detail.title = t.title.value.clone();
        self.field(w.description, t.description.clone().unwrap_or_default());
        self.field(
            w.kind,
            match t.kind {
                crate::model::TemplateKind::Programme => w.template_programme,
                crate::model::TemplateKind::Committee => w.template_committee,
            },
        );
        if let Some(level) = t.level {
            self.field(w.level, self.lang.level(level));
        }
        if t.suggestion {
            self.field(w.note, w.suggestions_note);
        }
        self.field(
            w.start,
            t.start
                .as_ref()
                .map(|s| self.lang.clock(s.0))
                .unwrap_or_default(),
        );
        let total = total_minutes(t.items.iter().map(|i| i.minutes.value));
        self.field(w.length, format!("{total} min"));
        let lines = self.item_lines(&t.items);
        // A temamøde's programme is a programme, not a committee's agenda.
        let heading = match t.kind {
            crate::model::TemplateKind::Programme => w.programme,
            crate::model::TemplateKind::Committee => w.agenda,
        };
        self.section(heading, lines);
    }

    fn text(&mut self, why: &WhyText) {
        let w = self.w;
        self.detail.title = why.title.value.clone();
        self.field(w.text, why.text.clone());
        let prompts = self.prompts_from(&why.id);
        self.section(w.prompts_from_text, prompts);
    }
}

/// One line for each thing that is kept: the linked things of a section.
fn lines<T>(
    things: &[Located<T>],
    keep: impl Fn(&T) -> bool,
    line: impl Fn(&T) -> String,
) -> Vec<String> {
    things
        .iter()
        .filter(|t| keep(&t.value))
        .map(|t| line(&t.value))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::example;

    #[test]
    fn a_meeting_from_a_template_names_the_template() {
        let data = example();
        let catalog = Catalog::new(&data);
        let detail = show(&catalog, "lmu-marts", Lang::Da).unwrap();
        assert_eq!(detail.kind, Kind::Meeting);
        assert!(
            detail
                .fields
                .contains(&("Sted".to_owned(), "Personalerummet".to_owned()))
        );
        assert_eq!(
            detail.sections[0].heading,
            "Dagsorden (fra skabelonen lmu-dialog)"
        );
        assert!(detail.sections[0].lines[0].starts_with("1. Godkendelse af dagsorden"));
    }

    #[test]
    fn a_forum_lists_its_meetings_with_their_dates() {
        let data = example();
        let catalog = Catalog::new(&data);
        let detail = show(&catalog, "lmu-havnen", Lang::En).unwrap();
        assert_eq!(detail.kind, Kind::Forum);
        let meetings = &detail.sections[0];
        assert_eq!(meetings.heading, "Meetings");
        assert!(
            meetings
                .lines
                .contains(&"lmu-oktober: LMU-møde i oktober (Tuesday 27 October 2026)".to_owned())
        );
    }

    #[test]
    fn an_id_that_names_nothing_shows_nothing() {
        let data = example();
        let catalog = Catalog::new(&data);
        assert!(show(&catalog, "ingenting", Lang::Da).is_none());
    }
}
