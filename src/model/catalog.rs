//! Lookups by id over a loaded [`Dataset`], built once per command.

use std::collections::HashMap;

use super::{
    Dataset, Finding, Forum, Id, Kind, Level, Meeting, Minutes, Prompt, RoadmapActivity, Section,
    Template, Theme, WhyText,
};

/// The data with indexes by id. Borrowed from the dataset; nothing is cloned.
pub struct Catalog<'a> {
    pub data: &'a Dataset,
    themes: HashMap<&'a str, &'a Theme>,
    forums: HashMap<&'a str, &'a Forum>,
    sections: HashMap<&'a str, &'a Section>,
    findings: HashMap<&'a str, &'a Finding>,
    why: HashMap<&'a str, &'a WhyText>,
    prompts: HashMap<&'a str, &'a Prompt>,
    templates: HashMap<&'a str, &'a Template>,
    meetings: HashMap<&'a str, &'a Meeting>,
    activities: HashMap<&'a str, &'a RoadmapActivity>,
    prompts_by_source: HashMap<&'a str, Vec<&'a Prompt>>,
    /// The minutes of each meeting that has them.
    minutes: HashMap<&'a str, &'a Minutes>,
    /// The findings of kind `summary`, which agendas quote as background.
    summaries: Vec<&'a Finding>,
}

fn index<'a, T>(
    items: impl IntoIterator<Item = &'a T>,
    id: impl Fn(&'a T) -> &'a Id,
) -> HashMap<&'a str, &'a T>
where
    T: 'a,
{
    items
        .into_iter()
        .map(|item| (id(item).as_str(), item))
        .collect()
}

impl<'a> Catalog<'a> {
    pub fn new(data: &'a Dataset) -> Self {
        let mut prompts_by_source: HashMap<&str, Vec<&Prompt>> = HashMap::new();
        for prompt in &data.findings.prompts {
            for source in &prompt.sources {
                prompts_by_source
                    .entry(source.as_str())
                    .or_default()
                    .push(prompt);
            }
        }
        let themes = data
            .programme
            .themes
            .iter()
            .chain(&data.findings.themes)
            .map(|t| &t.value);
        Catalog {
            data,
            themes: index(themes, |t| &t.id.value),
            forums: index(data.roadmap.forums.iter().map(|f| &f.value), |f| {
                &f.id.value
            }),
            sections: index(data.findings.sections.iter().map(|s| &s.value), |s| {
                &s.id.value
            }),
            findings: index(data.findings.findings.iter().map(|f| &f.value), |f| {
                &f.id.value
            }),
            why: index(data.programme.why.iter().map(|w| &w.value), |w| &w.id.value),
            prompts: index(data.findings.prompts.iter().map(|p| &p.value), |p| {
                &p.id.value
            }),
            templates: index(data.programme.templates.iter().map(|t| &t.value), |t| {
                &t.id.value
            }),
            meetings: index(data.programme.meetings.iter().map(|m| &m.value), |m| {
                &m.id.value
            }),
            activities: index(data.roadmap.activities.iter().map(|a| &a.value), |a| {
                &a.id.value
            }),
            prompts_by_source,
            minutes: index(data.minutes.iter().map(|m| &m.value), |m| &m.meeting.value),
            summaries: data
                .findings
                .findings
                .iter()
                .map(|f| &f.value)
                .filter(|f| f.kind == super::FindingKind::Summary)
                .collect(),
        }
    }

    pub fn theme(&self, id: &str) -> Option<&'a Theme> {
        self.themes.get(id).copied()
    }
    pub fn forum(&self, id: &str) -> Option<&'a Forum> {
        self.forums.get(id).copied()
    }
    pub fn section(&self, id: &str) -> Option<&'a Section> {
        self.sections.get(id).copied()
    }
    pub fn finding(&self, id: &str) -> Option<&'a Finding> {
        self.findings.get(id).copied()
    }
    pub fn why(&self, id: &str) -> Option<&'a WhyText> {
        self.why.get(id).copied()
    }
    pub fn prompt(&self, id: &str) -> Option<&'a Prompt> {
        self.prompts.get(id).copied()
    }
    pub fn template(&self, id: &str) -> Option<&'a Template> {
        self.templates.get(id).copied()
    }
    pub fn meeting(&self, id: &str) -> Option<&'a Meeting> {
        self.meetings.get(id).copied()
    }
    pub fn activity(&self, id: &str) -> Option<&'a RoadmapActivity> {
        self.activities.get(id).copied()
    }
    /// A meeting's status as it stands: held once it has minutes, else as planned.
    pub fn status_of(&self, meeting: &Meeting) -> crate::model::Status {
        if self.minutes.contains_key(meeting.id.as_str()) {
            crate::model::Status::Held
        } else {
            meeting.status
        }
    }

    /// A meeting's deadlines, from its forum's rules: the day items must be proposed by, and
    /// the day the agenda goes out. Only for a meeting with an exact day.
    pub fn deadlines_of(&self, meeting: &Meeting) -> Deadlines {
        let day = meeting.date.day();
        let forum = meeting.forum_id().and_then(|f| self.forum(f));
        let before = |days: Option<&super::Located<u32>>| {
            let days = i64::from(days?.value);
            day?.checked_sub_signed(chrono::TimeDelta::try_days(days)?)
        };
        Deadlines {
            items_due: forum.and_then(|f| before(f.items_due_days.as_ref())),
            agenda_out: forum.and_then(|f| before(f.agenda_out_days.as_ref())),
        }
    }

    /// The minutes of the meeting `id`, if it has any.
    pub fn minutes_of(&self, id: &str) -> Option<&'a Minutes> {
        self.minutes.get(id).copied()
    }

    /// The prompts that name `source` (a finding or why-text id) among their sources.
    pub fn prompts_from(&self, source: &str) -> &[&'a Prompt] {
        self.prompts_by_source
            .get(source)
            .map_or(&[], Vec::as_slice)
    }

    /// The findings that sum a workshop up.
    pub fn summaries(&self) -> &[&'a Finding] {
        &self.summaries
    }

    /// All theme ids, in the order the files define them.
    pub fn theme_ids(&self) -> Vec<&'a str> {
        let d = self.data;
        d.programme
            .themes
            .iter()
            .chain(&d.findings.themes)
            .map(|t| t.id.as_str())
            .collect()
    }

    /// A forum's display name, or the id itself when it is unknown.
    pub fn forum_name(&self, id: &'a str) -> &'a str {
        self.forum(id).map_or(id, |f| f.name.as_str())
    }

    pub fn forum_level(&self, id: &str) -> Option<Level> {
        self.forum(id).map(|f| f.level)
    }

    /// A finding's themes: its own and its section's.
    pub fn finding_themes(&self, finding: &'a Finding) -> Vec<&'a str> {
        let mut out: Vec<&str> = finding.themes.iter().map(|t| t.as_str()).collect();
        if let Some(theme) = self
            .section(&finding.section)
            .and_then(|s| s.theme.as_ref())
        {
            push_unique(&mut out, theme.as_str());
        }
        out
    }

    /// A prompt's themes: its own, then those of its sources.
    pub fn prompt_themes(&self, prompt: &'a Prompt) -> Vec<&'a str> {
        let mut out: Vec<&str> = prompt.themes.iter().map(|t| t.as_str()).collect();
        for source in &prompt.sources {
            if let Some(finding) = self.finding(source) {
                for theme in self.finding_themes(finding) {
                    push_unique(&mut out, theme);
                }
            } else if let Some(why) = self.why(source) {
                for theme in &why.themes {
                    push_unique(&mut out, theme.as_str());
                }
            }
        }
        out
    }

    /// A theme's title in the output language, falling back to Danish.
    pub fn theme_title(&self, id: &'a str, lang: crate::lang::Lang) -> &'a str {
        match self.theme(id) {
            Some(theme) => lang.prefer(&theme.title, theme.title_en.as_deref()),
            None => id,
        }
    }

    /// What kind of thing `id` names, if any.
    pub fn kind_of(&self, id: &str) -> Option<Kind> {
        let found = [
            (Kind::Meeting, self.meetings.contains_key(id)),
            (Kind::Activity, self.activities.contains_key(id)),
            (Kind::Finding, self.findings.contains_key(id)),
            (Kind::Prompt, self.prompts.contains_key(id)),
            (Kind::Theme, self.themes.contains_key(id)),
            (Kind::Forum, self.forums.contains_key(id)),
            (Kind::Section, self.sections.contains_key(id)),
            (Kind::Template, self.templates.contains_key(id)),
            (Kind::Text, self.why.contains_key(id)),
        ];
        found
            .into_iter()
            .find(|(_, has)| *has)
            .map(|(kind, _)| kind)
    }

    /// Every id in the data, for suggestions.
    pub fn all_ids(&self) -> Vec<&'a str> {
        let d = self.data;
        let mut ids: Vec<&str> = Vec::new();
        ids.extend(d.programme.meetings.iter().map(|x| x.id.as_str()));
        ids.extend(d.programme.templates.iter().map(|x| x.id.as_str()));
        ids.extend(d.programme.why.iter().map(|x| x.id.as_str()));
        ids.extend(self.theme_ids());
        ids.extend(d.roadmap.forums.iter().map(|x| x.id.as_str()));
        ids.extend(d.roadmap.activities.iter().map(|x| x.id.as_str()));
        ids.extend(d.findings.sections.iter().map(|x| x.id.as_str()));
        ids.extend(d.findings.findings.iter().map(|x| x.id.as_str()));
        ids.extend(d.findings.prompts.iter().map(|x| x.id.as_str()));
        ids
    }

    /// Every id that has an agenda: the programme's meetings and the roadmap's meetings.
    pub fn agenda_ids(&self) -> Vec<&'a str> {
        let d = self.data;
        d.programme
            .meetings
            .iter()
            .map(|m| m.id.as_str())
            .chain(
                d.roadmap
                    .activities
                    .iter()
                    .filter(|a| a.is_meeting())
                    .map(|a| a.id.as_str()),
            )
            .collect()
    }
}

fn push_unique<'a>(list: &mut Vec<&'a str>, item: &'a str) {
    if !list.contains(&item) {
        list.push(item);
    }
}

/// A meeting's deadlines before it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Deadlines {
    pub items_due: Option<chrono::NaiveDate>,
    pub agenda_out: Option<chrono::NaiveDate>,
}
