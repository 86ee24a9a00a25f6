//! Lookups by id over a loaded [`Dataset`], built once per command.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::{
    Action, AgendaItem, Dataset, Finding, Forum, Id, Kind, Level, Located, Meeting, Member,
    Minutes, Prompt, RoadmapActivity, Section, Status, Template, Theme, When, WhyText,
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
    /// Each forum's minutes by the day the meeting was held; a day's in file order.
    forum_minutes: HashMap<&'a str, Vec<(NaiveDate, &'a Minutes)>>,
    /// Every action point, with the minutes it belongs to.
    actions: HashMap<&'a str, (&'a Minutes, &'a Action)>,
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
        let mut catalog = Catalog {
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
            forum_minutes: HashMap::new(),
            actions: data
                .minutes
                .iter()
                .flat_map(|m| {
                    m.actions
                        .iter()
                        .map(move |a| (a.id.as_str(), (&m.value, a)))
                })
                .collect(),
            summaries: data
                .findings
                .findings
                .iter()
                .map(|f| &f.value)
                .filter(|f| f.kind == super::FindingKind::Summary)
                .collect(),
        };
        let mut forum_minutes: HashMap<&'a str, Vec<(NaiveDate, &'a Minutes)>> = HashMap::new();
        // Minutes prepared before the meeting record nothing yet: nothing follows up on them.
        for m in data.minutes.iter().filter(|m| !m.is_prepared()) {
            if let (Some(forum), Some(day)) = (catalog.forum_of(&m.meeting), catalog.held_day(m)) {
                forum_minutes
                    .entry(forum)
                    .or_default()
                    .push((day, &m.value));
            }
        }
        for list in forum_minutes.values_mut() {
            list.sort_by_key(|(day, _)| *day);
        }
        catalog.forum_minutes = forum_minutes;
        catalog
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

    /// A meeting's deadlines, from its forum's rules: the day items must be proposed by, and
    /// the day the agenda goes out. Only for a meeting with an exact day.
    pub fn deadlines_of(&self, meeting: &Meeting) -> Deadlines {
        // A meeting that is not held has no deadlines.
        if self.meeting_status(meeting) == Status::Cancelled {
            return Deadlines::default();
        }
        let day = meeting.date.day();
        let forum = meeting.forum_id().and_then(|f| self.forum(f));
        let before = |days: Option<&super::Located<u32>>| {
            let days = i64::from(days?.value);
            day?.checked_sub_signed(chrono::TimeDelta::try_days(days)?)
        };
        Deadlines {
            items_due: forum.and_then(|f| before(f.items_due_days.as_ref())),
            agenda_out: forum.and_then(|f| before(f.agenda_out_days.as_ref())),
            comments_due: forum
                .and_then(|f| f.comments_working_days.as_ref())
                .zip(day)
                .and_then(|(n, day)| working_days_after(day, n.value)),
        }
    }

    /// The minutes of the meeting `id`, if it has any.
    pub fn minutes_of(&self, id: &str) -> Option<&'a Minutes> {
        self.minutes.get(id).copied()
    }

    /// An action point, with the minutes it belongs to.
    pub fn action(&self, id: &str) -> Option<(&'a Minutes, &'a Action)> {
        self.actions.get(id).copied()
    }

    /// Whether the data has a members file: only then is attendance checked against it.
    pub fn has_members(&self) -> bool {
        self.data.members.is_some()
    }

    /// Every seat of the members file, in the file's order, whatever its forum and period.
    pub fn members(&self) -> impl Iterator<Item = &'a Member> + use<'a> {
        self.data
            .members
            .iter()
            .flat_map(|m| m.members.iter().map(|m| &m.value))
    }

    /// The forum a member's seat is in: the member's `forum:`, else the file's `forum:`, else
    /// the folder's committee (`committee:` in programme.yaml), else the programme's owner.
    pub fn member_forum(&self, member: &'a Member) -> &'a str {
        let p = &self.data.programme;
        member
            .forum
            .as_ref()
            .or_else(|| self.data.members.as_ref().and_then(|m| m.forum.as_ref()))
            .or(p.committee.as_ref())
            .map_or(p.owner.value.as_str(), |f| f.value.as_str())
    }

    /// The members of `forum` on `day`, in the file's order: those whose seat is in the forum
    /// and covers the day (from `from` to `to`, both included). Empty without a members file.
    pub fn members_on(
        &self,
        forum: &str,
        day: NaiveDate,
    ) -> impl Iterator<Item = &'a Member> + use<'a, '_> {
        self.members_of(forum).filter(move |m| m.sits_on(day))
    }

    /// Every seat in `forum`, whatever its period, in the file's order.
    pub fn members_of(&self, forum: &str) -> impl Iterator<Item = &'a Member> + use<'a, '_> {
        let forum = forum.to_owned();
        self.members()
            .filter(move |m| self.member_forum(m) == forum)
    }

    /// The members expected at the meeting of these minutes: its forum's members on the day
    /// it was held. `None` when there is no members file, the file has no seat in the
    /// meeting's forum, or the meeting has no forum or no day: then attendance is not checked.
    pub fn members_at(&self, minutes: &Minutes) -> Option<Vec<&'a Member>> {
        let forum = self.forum_of(&minutes.meeting)?;
        self.members_expected(forum, self.held_day(minutes)?)
    }

    /// The members expected at a meeting of `forum` on `day`; `None` when there is no members
    /// file or it has no seat in the forum (a file that lists other fora's members only says
    /// nothing of this one's).
    pub fn members_expected(&self, forum: &str, day: NaiveDate) -> Option<Vec<&'a Member>> {
        self.members_of(forum).next()?;
        Some(self.members_on(forum, day).collect())
    }

    /// The forum of a meeting or a roadmap activity.
    pub fn forum_of(&self, id: &str) -> Option<&'a str> {
        match self.meeting(id) {
            Some(m) => m.forum_id(),
            None => self.activity(id).and_then(|a| a.forum_id()),
        }
    }

    /// The planned date of a meeting or a roadmap activity.
    pub fn date_of(&self, id: &str) -> When {
        match self.meeting(id) {
            Some(m) => *m.date,
            None => self.activity(id).map_or(When::Unknown, |a| *a.date),
        }
    }

    /// A meeting's or roadmap activity's title, or the id itself when it is unknown.
    pub fn title_of<'s>(&self, id: &'s str) -> &'s str
    where
        'a: 's,
    {
        match self.meeting(id) {
            Some(m) => m.title.as_str(),
            None => self.activity(id).map_or(id, |a| a.title.as_str()),
        }
    }

    /// A meeting's English title (`title_en`), if the data gives one.
    pub fn title_en_of(&self, id: &str) -> Option<&'a str> {
        self.meeting(id).and_then(|m| m.title_en.as_deref())
    }

    /// The day the meeting of these minutes was held: `held.date`, else its planned date,
    /// when either is a day.
    pub fn held_day(&self, minutes: &Minutes) -> Option<NaiveDate> {
        match minutes.held.as_ref().map(|h| *h.date) {
            Some(When::Unknown) | None => self.date_of(&minutes.meeting).day(),
            Some(held) => held.day(),
        }
    }

    /// Whether the forum has minutes of a meeting held before `day`: a new meeting of the
    /// forum on that day follows up on them.
    pub fn has_minutes_before(&self, forum: &str, day: NaiveDate) -> bool {
        self.forum_minutes
            .get(forum)
            .is_some_and(|list| list.first().is_some_and(|(d, _)| *d < day))
    }

    /// The minutes of the meetings of `id`'s forum that were held before it, earliest first.
    /// Before means before the day it was held, else its planned date; a meeting whose date
    /// is not set yet comes after every meeting that has minutes.
    pub fn earlier_minutes(&self, id: &str) -> &[(NaiveDate, &'a Minutes)] {
        let Some(list) = self.forum_of(id).and_then(|f| self.forum_minutes.get(f)) else {
            return &[];
        };
        let own = self.minutes_of(id).and_then(|m| self.held_day(m));
        let before = match own.or_else(|| self.date_of(id).days().map(|(first, _)| first)) {
            Some(day) => list.partition_point(|(d, _)| *d < day),
            None => list.len(),
        };
        &list[..before]
    }

    /// Whether the agenda of `id` follows up on earlier minutes: its forum has some, and it
    /// is not cancelled (a meeting that is not held follows up on nothing). An issued agenda
    /// has its follow-up among its own items, as it was sent: nothing is added to it.
    pub fn follows_up(&self, id: &str) -> bool {
        let cancelled = self
            .meeting(id)
            .is_some_and(|m| self.meeting_status(m) == Status::Cancelled);
        !cancelled && self.issued(id).is_none() && !self.earlier_minutes(id).is_empty()
    }

    /// The agenda of the meeting `id` as it was issued, when it was.
    pub fn issued(&self, id: &str) -> Option<&'a super::Issued> {
        self.meeting(id).and_then(|m| m.issued.as_ref())
    }

    /// A meeting's status: `held` once it has minutes, else what the data says.
    pub fn meeting_status(&self, meeting: &Meeting) -> Status {
        self.status_of(&meeting.id, meeting.status)
    }

    /// A roadmap activity's status: `held` once it has minutes, else what the data says.
    /// A recorded outcome wins: held or cancelled; a postponed one is `planned` again.
    pub fn activity_status(&self, activity: &RoadmapActivity) -> Status {
        use super::OutcomeStatus;
        match activity.outcome.as_ref().map(|o| o.status) {
            Some(OutcomeStatus::Held) => Status::Held,
            Some(OutcomeStatus::Cancelled) => Status::Cancelled,
            Some(OutcomeStatus::Postponed) => self.status_of(&activity.id, Status::Planned),
            None => self.status_of(&activity.id, activity.status),
        }
    }

    /// The meetings of this folder that carry out `activity` (`activity:` in a meeting), in
    /// the data's order.
    pub fn meetings_carrying(&self, activity: &str) -> Vec<&'a Meeting> {
        self.data
            .programme
            .meetings
            .iter()
            .map(|m| &m.value)
            .filter(|m| m.activity.as_ref().is_some_and(|a| a.value == activity))
            .collect()
    }

    fn status_of(&self, id: &str, recorded: Status) -> Status {
        if self.minutes.get(id).is_some_and(|m| !m.is_prepared()) {
            Status::Held
        } else {
            recorded
        }
    }

    /// The items of a meeting's agenda as it is printed and numbered: the data's but its
    /// breaks, with the follow-up item inserted where the forum has earlier minutes (`None`: the inserted
    /// item, whose title follows the output language). `None` when it has no items.
    pub fn numbered_items(&self, id: &str) -> Option<Vec<Option<&'a AgendaItem>>> {
        let items = self.agenda_items(id)?;
        // A break is no item of the agenda: it takes no number.
        let mut numbered: Vec<Option<&AgendaItem>> = items
            .iter()
            .filter(|i| !i.is_break())
            .map(|i| Some(&i.value))
            .collect();
        if self.follows_up(id)
            && let super::FollowUpSlot::Insert(at) =
                super::follow_up_slot(numbered.iter().flatten().map(|i| i.role()))
        {
            numbered.insert(at, None);
        }
        Some(numbered)
    }

    /// The items of a meeting's agenda as the data gives them: its own, else its template's.
    pub fn agenda_items(&self, id: &str) -> Option<&'a [Located<AgendaItem>]> {
        let (items, template): (&'a [Located<AgendaItem>], _) = match self.meeting(id) {
            Some(m) => (&m.items, m.template.as_ref()),
            None => {
                let a = self.activity(id).filter(|a| a.is_meeting())?;
                (&[], a.template.as_ref())
            }
        };
        if !items.is_empty() {
            return Some(items);
        }
        template
            .and_then(|t| self.template(t))
            .map(|t| t.items.as_slice())
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

    /// A theme's titles: the Danish, and the English when the data has one; none for an
    /// unknown id. (The title in an output language is `report`'s: the model knows no
    /// language.)
    pub fn theme_titles(&self, id: &str) -> Option<(&'a str, Option<&'a str>)> {
        self.theme(id)
            .map(|theme| (theme.title.as_str(), theme.title_en.as_deref()))
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
            (Kind::Action, self.actions.contains_key(id)),
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
        ids.extend(
            d.minutes
                .iter()
                .flat_map(|m| m.actions.iter().map(|a| a.id.as_str())),
        );
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
    /// The last day for comments on the draft referat, from the forum's
    /// `comments_working_days`.
    pub comments_due: Option<chrono::NaiveDate>,
}

/// The day `n` working days (Monday to Friday) after `day`. Public holidays are not known to
/// medtrio and count as working days.
pub fn working_days_after(day: chrono::NaiveDate, n: u32) -> Option<chrono::NaiveDate> {
    use chrono::Datelike;
    let mut d = day;
    let mut left = n;
    while left > 0 {
        d = d.succ_opt()?;
        if d.weekday().num_days_from_monday() < 5 {
            left -= 1;
        }
    }
    Some(d)
}
