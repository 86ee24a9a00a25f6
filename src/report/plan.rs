//! Planning a meeting: from a meeting, a template or a blank LMU agenda, with a date, a
//! start, a place, a length and chosen prompts, to a [`LocalFile`] that `--data` loads.

use chrono::{LocalResult, NaiveDate, NaiveTime, TimeZone, Timelike};
use chrono_tz::Europe::Copenhagen;

use crate::lang::Lang;
use crate::model::timing::{TimingError, scale};
use crate::model::when::hhmm;
use crate::model::when::iso;
use crate::model::{
    AgendaItem, Catalog, ClockTime, Forum, ItemRole, ItemType, Level, LocalFile, Located, Meeting,
    Period, Status, When, is_valid_id, suggest_id, total_minutes, with_follow_up,
};

/// What the new meeting starts from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Base {
    /// A meeting or roadmap meeting of the data: its items (or template) and forum.
    Meeting(String),
    /// A template's items.
    Template(String),
    /// The usual LMU items around one dialogue item.
    Blank,
}

/// Everything the planner asks for.
#[derive(Clone, Debug)]
pub struct PlanSpec {
    pub base: Base,
    /// An existing forum's id; or the name of a new LMU with `new_forum`.
    pub forum: Option<String>,
    pub new_forum: Option<String>,
    pub id: Option<String>,
    pub title: Option<String>,
    pub date: NaiveDate,
    pub start: NaiveTime,
    pub place: Option<String>,
    /// Scale the items to this many minutes.
    pub length: Option<i64>,
    /// Prompt ids for the dialogue item, in order.
    pub prompts: Option<Vec<String>>,
    /// Each item's minutes, overriding the base's (interactive step 4).
    pub item_minutes: Option<Vec<i64>>,
    /// Tasks of the annual cycle whose items the meeting takes, by id.
    pub cycle: Vec<String>,
    /// Mødeleder, referent and deltagere, printed in the agenda's header.
    pub chair: Option<String>,
    pub minute_taker: Option<String>,
    pub participants: Vec<String>,
}

/// Who sat at the forum's latest meeting that records it: the chair, the minute taker and the
/// participants, offered as the answers for the next one.
pub fn last_attendance<'a>(
    catalog: &Catalog<'a>,
    forum: &str,
) -> (Option<&'a str>, Option<&'a str>, &'a [String]) {
    let latest = catalog
        .data
        .programme
        .meetings
        .iter()
        .filter(|m| m.forum.as_ref().is_some_and(|f| f.as_str() == forum))
        .filter(|m| m.chair.is_some() || m.minute_taker.is_some() || !m.participants.is_empty())
        .max_by_key(|m| m.date.value.days().map(|(first, _)| first));
    match latest {
        Some(m) => (
            m.chair.as_deref(),
            m.minute_taker.as_deref(),
            &m.participants,
        ),
        None => (None, None, &[]),
    }
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PlanError {
    #[error("unknown meeting or template `{0}`")]
    UnknownBase(String),
    #[error("`{0}` is the programme of a cross-cutting temamøde, not a committee's agenda")]
    ProgrammeBase(String),
    #[error("unknown forum `{0}`")]
    UnknownForum(String),
    #[error("unknown prompt `{0}`")]
    UnknownPrompt(String),
    #[error("unknown task of the annual cycle `{0}`")]
    UnknownCycleTask(String),
    #[error("a forum is needed: the new meeting starts from a template or a blank agenda")]
    NoForum,
    #[error("--item-minutes gives {given} values, but the agenda has {items} items")]
    ItemCount { given: usize, items: usize },
    #[error("an item needs at least 1 minute")]
    ZeroMinutes,
    #[error("the meeting would run past midnight")]
    PastMidnight,
    #[error("{0}")]
    Scale(#[from] TimingError),
    #[error("invalid meeting id `{}`", .0.escape_debug())]
    InvalidId(String),
    #[error("`{0}` is already an id in the data")]
    IdTaken(String),
    #[error("the new forum's id `{0}` is already an id in the data")]
    ForumTaken(String),
    #[error("the forum name `{}` has no letters or digits to make an id from", .0.escape_debug())]
    ForumNameWithoutId(String),
    #[error("the meeting's title is empty")]
    EmptyTitle,
    #[error("{start} does not exist on {day}: the clocks go forward that night", start = hhmm(*.start))]
    SkippedHour { day: NaiveDate, start: NaiveTime },
}

/// The first id of the planned file that the data already uses, as an error: ids are unique
/// across all files. The caller passes the data without the file that the plan replaces.
pub fn check_ids_free(catalog: &Catalog<'_>, file: &LocalFile) -> Result<(), PlanError> {
    if let Some(f) = file.forums.iter().find(|f| id_taken(catalog, &f.id)) {
        return Err(PlanError::ForumTaken(f.id.value.clone()));
    }
    match file.meetings.iter().find(|m| id_taken(catalog, &m.id)) {
        Some(m) => Err(PlanError::IdTaken(m.id.value.clone())),
        None => Ok(()),
    }
}

/// Whether any thing in the data already has `id`.
fn id_taken(catalog: &Catalog<'_>, id: &str) -> bool {
    catalog.meeting(id).is_some()
        || catalog.forum(id).is_some()
        || catalog.template(id).is_some()
        || catalog.activity(id).is_some()
        || catalog.theme(id).is_some()
        || catalog.section(id).is_some()
        || catalog.finding(id).is_some()
        || catalog.prompt(id).is_some()
        || catalog.why(id).is_some()
}

/// What a base brings: its items, the forum it implies, and its title.
pub struct BaseParts {
    pub items: Vec<Located<AgendaItem>>,
    pub forum: Option<String>,
    pub title: String,
}

/// The items of a base, and the forum it implies.
pub fn base_items(catalog: &Catalog<'_>, base: &Base) -> Result<BaseParts, PlanError> {
    match base {
        Base::Meeting(id) => {
            if let Some(m) = catalog.meeting(id) {
                let template = m.template.as_ref().and_then(|t| catalog.template(t));
                if m.items.is_empty()
                    && template.is_some_and(|t| t.kind == crate::model::TemplateKind::Programme)
                {
                    return Err(PlanError::ProgrammeBase(id.clone()));
                }
                let items = if m.items.is_empty() {
                    m.template
                        .as_ref()
                        .and_then(|t| catalog.template(t))
                        .map(|t| t.items.clone())
                        .unwrap_or_default()
                } else {
                    m.items.clone()
                };
                return Ok(BaseParts {
                    items,
                    forum: m.forum_id().map(str::to_owned),
                    title: m.title.value.clone(),
                });
            }
            if let Some(a) = catalog.activity(id).filter(|a| a.is_meeting()) {
                let items = a
                    .template
                    .as_ref()
                    .and_then(|t| catalog.template(t))
                    .map(|t| t.items.clone())
                    .unwrap_or_default();
                return Ok(BaseParts {
                    items,
                    forum: a.forum_id().map(str::to_owned),
                    title: a.title.value.clone(),
                });
            }
            Err(PlanError::UnknownBase(id.clone()))
        }
        Base::Template(id) => {
            let t = catalog
                .template(id)
                .ok_or_else(|| PlanError::UnknownBase(id.clone()))?;
            // A temamøde's programme is no committee's agenda.
            if t.kind == crate::model::TemplateKind::Programme {
                return Err(PlanError::ProgrammeBase(id.clone()));
            }
            Ok(BaseParts {
                items: t.items.clone(),
                forum: None,
                title: t.title.value.clone(),
            })
        }
        Base::Blank => Ok(BaseParts {
            items: blank_items(),
            forum: None,
            title: "LMU-møde".to_owned(),
        }),
    }
}

fn item(title: &str, kind: ItemType, minutes: i64, fixed: bool) -> Located<AgendaItem> {
    Located::new(AgendaItem {
        title: Located::new(title.to_owned()),
        title_en: None,
        lead_en: None,
        recommendation_en: None,
        kind: Some(kind),
        minutes: Located::new(minutes),
        lead: None,
        recommendation: None,
        notes: None,
        prompts: Vec::new(),
        fixed,
        ..AgendaItem::default()
    })
}

/// The usual items of an LMU meeting around one dialogue item, as the committee templates
/// have them: follow-up on what was decided, news from HU and OMU, and an evaluation.
fn blank_items() -> Vec<Located<AgendaItem>> {
    let recommending = |mut item: Located<AgendaItem>, text: &str| {
        item.value.recommendation = Some(text.to_owned());
        item
    };
    vec![
        recommending(
            item("Godkendelse af dagsorden", ItemType::Beslutning, 5, true),
            "Det indstilles, at dagsordenen godkendes.",
        ),
        recommending(
            item("Godkendelse af referat", ItemType::Beslutning, 5, true),
            "Det indstilles, at referatet fra sidste møde godkendes.",
        ),
        item(
            "Opfølgning på beslutninger og handlingspunkter",
            ItemType::Orientering,
            5,
            true,
        ),
        item("Nyt fra HU og OMU", ItemType::Orientering, 5, true),
        recommending(
            item("Dialog", ItemType::Droeftelse, 40, false),
            "Det indstilles, at LMU drøfter emnet.",
        ),
        recommending(
            item("Evaluering af mødet", ItemType::Droeftelse, 5, true),
            "Det indstilles, at LMU drøfter, hvad der fungerede godt på mødet, og hvad vi vil gøre anderledes næste gang.",
        ),
        item("Næste møde", ItemType::Orientering, 5, true),
        item("Eventuelt", ItemType::Orientering, 5, true),
    ]
}

/// Adds the item of each task of the annual cycle, named by the task, before the closing
/// items ("Næste møde", "Evaluering af mødet", "Eventuelt"), unless an item names it already.
fn add_cycle_items(
    catalog: &Catalog<'_>,
    items: &mut Vec<Located<AgendaItem>>,
    tasks: &[String],
) -> Result<(), PlanError> {
    let rules = catalog.data.cycle.iter().flat_map(|c| &c.rules);
    for task in tasks {
        let rule = rules
            .clone()
            .find(|r| r.id.as_str() == task)
            .ok_or_else(|| PlanError::UnknownCycleTask(task.clone()))?;
        if items
            .iter()
            .any(|i| i.cycle.as_ref().is_some_and(|c| c.as_str() == task))
        {
            continue;
        }
        let at = items
            .iter()
            .position(|i| i.role().is_some_and(ItemRole::is_closing))
            .unwrap_or(items.len());
        let mut item = rule.item.clone();
        item.value.cycle = Some(Located::new(task.clone()));
        items.insert(at, item);
    }
    Ok(())
}

/// Builds the new meeting (and forum, if new) as a local file.
pub fn plan(catalog: &Catalog<'_>, spec: &PlanSpec) -> Result<LocalFile, PlanError> {
    let BaseParts {
        mut items,
        forum: base_forum,
        title: base_title,
    } = base_items(catalog, &spec.base)?;
    let mut forums = Vec::new();
    let forum = match (&spec.new_forum, &spec.forum, base_forum) {
        (Some(name), _, _) => {
            let id = suggest_id(name).ok_or_else(|| PlanError::ForumNameWithoutId(name.clone()))?;
            forums.push(Located::new(Forum {
                id: Located::new(id.clone()),
                name: Located::new(name.clone()),
                level: Level::Lmu,
                full_name: None,
                note: None,
                items_due_days: None,
                agenda_out_days: None,
                comments_working_days: None,
            }));
            id
        }
        (None, Some(id), _) => {
            catalog
                .forum(id)
                .ok_or_else(|| PlanError::UnknownForum(id.clone()))?;
            id.clone()
        }
        (None, None, Some(id)) => id,
        (None, None, None) => return Err(PlanError::NoForum),
    };
    // A referat of the forum that is still a draft is put up for approval.
    let unapproved = catalog.data.minutes.iter().any(|m| {
        *m.status == crate::model::MinutesStatus::Draft
            && catalog.forum_of(&m.meeting) == Some(forum.as_str())
            && catalog.held_day(m).is_some_and(|d| d < spec.date)
    });
    if unapproved
        && !items
            .iter()
            .any(|i| i.role() == Some(ItemRole::ApproveMinutes))
    {
        let at = items
            .iter()
            .position(|i| i.role() == Some(ItemRole::ApproveAgenda))
            .map_or(0, |i| i + 1);
        let mut approval = item("Godkendelse af referat", ItemType::Beslutning, 5, true);
        approval.value.recommendation =
            Some("Det indstilles, at referatet fra sidste møde godkendes.".to_owned());
        items.insert(at, approval);
    }
    // The agenda follows up on the forum's earlier minutes: the item is written, and timed.
    if catalog.has_minutes_before(&forum, spec.date) {
        items = with_follow_up(&items, Lang::Da.words().follow_up)
            .0
            .into_owned();
    }
    add_cycle_items(catalog, &mut items, &spec.cycle)?;
    if let Some(prompts) = &spec.prompts {
        for p in prompts {
            catalog
                .prompt(p)
                .ok_or_else(|| PlanError::UnknownPrompt(p.clone()))?;
        }
        // The prompts go to the first discussion item; the others keep none.
        let target = items
            .iter()
            .position(|i| i.kind == Some(ItemType::Droeftelse))
            .unwrap_or(items.len().saturating_sub(1).min(3));
        for (i, it) in items.iter_mut().enumerate() {
            it.value.prompts = if i == target {
                prompts.iter().map(|p| Located::new(p.clone())).collect()
            } else {
                Vec::new()
            };
        }
    }
    if let Some(length) = spec.length {
        let minutes: Vec<i64> = items.iter().map(|i| i.minutes.value).collect();
        let fixed: Vec<bool> = items.iter().map(|i| i.fixed).collect();
        for (it, m) in items.iter_mut().zip(scale(&minutes, &fixed, length)?) {
            it.value.minutes = Located::new(m);
        }
    }
    if let Some(given) = &spec.item_minutes {
        if given.len() != items.len() {
            return Err(PlanError::ItemCount {
                given: given.len(),
                items: items.len(),
            });
        }
        if given.iter().any(|m| *m < 1) {
            return Err(PlanError::ZeroMinutes);
        }
        for (it, m) in items.iter_mut().zip(given) {
            it.value.minutes = Located::new(*m);
        }
    }
    let total = total_minutes(items.iter().map(|i| i.minutes.value));
    if i64::from(spec.start.num_seconds_from_midnight() / 60).saturating_add(total) > 24 * 60 {
        return Err(PlanError::PastMidnight);
    }
    let end = spec.start + chrono::TimeDelta::minutes(total);
    let id = spec
        .id
        .clone()
        .unwrap_or_else(|| format!("{forum}-{}", iso(spec.date)));
    if !is_valid_id(&id) {
        return Err(PlanError::InvalidId(id));
    }
    let title = spec.title.clone().unwrap_or(base_title);
    if title.trim().is_empty() {
        return Err(PlanError::EmptyTitle);
    }
    if let LocalResult::None = Copenhagen.from_local_datetime(&spec.date.and_time(spec.start)) {
        return Err(PlanError::SkippedHour {
            day: spec.date,
            start: spec.start,
        });
    }
    Ok(LocalFile {
        version: crate::model::FORMAT_VERSION,
        forums,
        templates: Vec::new(),
        meetings: vec![Located::new(Meeting {
            id: Located::new(id),
            title: Located::new(title),
            title_en: None,
            forum: Some(Located::new(forum)),
            status: Status::Planned,
            activity: None,
            date: Located::new(When::At(Period::Day(spec.date))),
            start: Some(Located::new(ClockTime(spec.start))),
            // Items that end at midnight have no end to write (`00:00` is not after the start).
            end: (end > spec.start).then(|| Located::new(ClockTime(end))),
            place: spec.place.clone().filter(|p| !p.trim().is_empty()),
            themes: Vec::new(),
            audiences: Vec::new(),
            formats: Vec::new(),
            details_announced: true,
            signup: false,
            signup_url: None,
            participants: spec
                .participants
                .iter()
                .map(|p| p.trim().to_owned())
                .filter(|p| !p.is_empty())
                .collect(),
            apologies: Vec::new(),
            chair: spec.chair.clone().filter(|c| !c.trim().is_empty()),
            minute_taker: spec.minute_taker.clone().filter(|c| !c.trim().is_empty()),
            template: None,
            items,
            notes: None,
            cancel_reason: None,
            issued: None,
            invited: None,
        })],
    })
}

/// The local file as YAML, with a comment that says how to use it.
pub fn to_yaml(file: &LocalFile, data_dir: &str) -> Result<String, String> {
    let body = serde_saphyr::to_string(file).map_err(|e| e.to_string())?;
    let id = file.meetings.first().map_or("", |m| m.id.as_str());
    Ok(format!(
        "# Written by medtrio plan. Render it with:\n#   medtrio --data {} agenda {id}\n{body}",
        // A comment ends at a line break: one in the folder's name must not start a YAML line.
        data_dir.replace(|c: char| c.is_control(), "?")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::example;

    fn spec(base: Base) -> PlanSpec {
        PlanSpec {
            base,
            forum: Some("lmu-havnen".into()),
            new_forum: None,
            id: None,
            title: None,
            date: NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
            start: NaiveTime::from_hms_opt(13, 0, 0).unwrap(),
            place: None,
            length: None,
            prompts: None,
            item_minutes: None,
            cycle: Vec::new(),
            chair: None,
            minute_taker: None,
            participants: Vec::new(),
        }
    }

    #[test]
    fn a_blank_plan_has_the_usual_items_in_the_forum_on_the_day() {
        let data = example();
        let catalog = Catalog::new(&data);
        let file = plan(&catalog, &spec(Base::Blank)).unwrap();
        let meeting = &file.meetings[0].value;
        assert_eq!(meeting.id.as_str(), "lmu-havnen-2026-12-01");
        assert_eq!(meeting.forum_id(), Some("lmu-havnen"));
        let titles: Vec<&str> = meeting.items.iter().map(|i| i.title.as_str()).collect();
        assert_eq!(titles.first(), Some(&"Godkendelse af dagsorden"));
        assert!(titles.contains(&"Eventuelt"));
    }

    #[test]
    fn a_length_scales_the_items_and_keeps_the_fixed_ones() {
        let data = example();
        let catalog = Catalog::new(&data);
        let mut s = spec(Base::Template("lmu-dialog".into()));
        s.length = Some(120);
        let file = plan(&catalog, &s).unwrap();
        let items = &file.meetings[0].items;
        assert_eq!(total_minutes(items.iter().map(|i| i.minutes.value)), 120);
        assert_eq!(items[0].minutes.value, 5);
    }

    #[test]
    fn an_id_that_the_data_has_is_refused() {
        let data = example();
        let catalog = Catalog::new(&data);
        let mut s = spec(Base::Blank);
        s.id = Some("lmu-marts".into());
        let file = plan(&catalog, &s).unwrap();
        assert_eq!(
            check_ids_free(&catalog, &file),
            Err(PlanError::IdTaken("lmu-marts".into()))
        );
    }
}
