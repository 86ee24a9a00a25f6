//! The checks of `minutes/*.yaml`: that each file is named by its meeting, that the meeting
//! and its items exist, that action points are whole, and that the dates agree with each
//! other (held, done, approved, postponed) and with today.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::Checker;
use crate::load::FileKind;
use crate::model::Kind;
use crate::model::when::iso;
use crate::model::{ActionStatus, Catalog, Located, Minutes, MinutesStatus, Pos, Status, When};

/// The titles of a meeting's agenda as it is printed and numbered; `None` for the inserted
/// follow-up item, whose title follows the output language.
fn numbered_titles<'a>(catalog: &Catalog<'a>, id: &str) -> Option<Vec<Option<&'a str>>> {
    let items = catalog.numbered_items(id)?;
    Some(
        items
            .into_iter()
            .map(|i| i.map(|i| i.title.as_str()))
            .collect(),
    )
}

impl<'a> Checker<'a> {
    pub(super) fn check_minutes(&mut self) {
        let d = &self.loaded.dataset;
        if d.minutes.is_empty() {
            return;
        }
        let catalog = Catalog::new(d);
        let mut files_by_meeting: HashMap<&str, FileKind> = HashMap::new();
        for (i, minutes) in d.minutes.iter().enumerate() {
            let file = FileKind::Minutes(i);
            self.file_name(minutes, file);
            if !self.minutes_meeting(&catalog, &minutes.meeting, file) {
                continue;
            }
            if let Some(first) = files_by_meeting.insert(&minutes.meeting, file) {
                let first_name = self.loaded.sources.get(first).name.clone();
                self.error(
                    file,
                    minutes.meeting.pos,
                    format!(
                        "`{}` already has minutes in {first_name}",
                        minutes.meeting.value
                    ),
                    Some("keep one file of minutes a meeting, named by its id".into()),
                );
                continue;
            }
            let day = self.held_day(&catalog, minutes, file);
            self.minutes_status(&catalog, minutes, day, file);
            self.minutes_items(&catalog, minutes, day, file);
            self.minutes_attendance(&catalog, minutes, file);
            self.minutes_actions(&catalog, minutes, day, file);
        }
        self.issued_agendas(&catalog);
    }

    /// An issued agenda stands as it was sent. Minutes that would have changed what its
    /// follow-up listed (late minutes of an earlier meeting) are reported, never applied.
    fn issued_agendas(&mut self, catalog: &Catalog<'_>) {
        let meetings = &self.loaded.dataset.programme.meetings;
        for (i, meeting) in meetings.iter().enumerate() {
            let Some(issued) = &meeting.issued else {
                continue;
            };
            let id = meeting.id.as_str();
            let own = meeting.date.days().map(|(first, _)| first);
            let as_of = match (own, issued.date.day()) {
                (Some(own), Some(on)) => Some(own.min(on)),
                (own, on) => own.or(on),
            };
            let listed = |a: &str| issued.actions.iter().any(|x| x.id.as_str() == a);
            let added: Vec<String> = catalog
                .earlier_minutes(id)
                .iter()
                .flat_map(|(_, m)| m.actions.iter())
                .filter(|a| match a.status {
                    ActionStatus::Open => true,
                    ActionStatus::Dropped => false,
                    ActionStatus::Done => {
                        matches!((a.done.as_ref().and_then(|d| d.day()), as_of), (Some(done), Some(on)) if done > on)
                    }
                })
                .filter(|a| !listed(a.id.as_str()))
                .map(|a| format!("`{}`", a.id.value))
                .collect();
            if added.is_empty() {
                continue;
            }
            let file = self
                .loaded
                .provenance
                .meetings
                .get(i)
                .copied()
                .unwrap_or(FileKind::Programme);
            self.warning(
                file,
                issued.date.pos,
                format!(
                    "the agenda of `{id}` stands as issued on {}: its follow-up does not list {}, which earlier minutes give",
                    issued.date.value,
                    added.join(", ")
                ),
                "an issued agenda is never renumbered or changed; the next meeting's agenda follows them up".into(),
            );
        }
    }

    /// Minutes of a meeting whose day lies ahead of today are a warning: a wrong date, most
    /// likely. Apart from the other checks, which do not depend on the day and are cached.
    pub(super) fn check_minutes_ahead(&mut self) {
        let Some(today) = self.today else {
            return;
        };
        let d = &self.loaded.dataset;
        if d.minutes.is_empty() {
            return;
        }
        let catalog = Catalog::new(d);
        for (i, minutes) in d.minutes.iter().enumerate() {
            // Minutes prepared for a meeting ahead are what `medtrio minutes` writes then.
            if minutes.is_prepared() || self.duplicated.contains(minutes.meeting.as_str()) {
                continue;
            }
            let Some(day) = catalog.held_day(minutes).filter(|day| *day > today) else {
                continue;
            };
            let pos = minutes
                .held
                .as_ref()
                .map_or(minutes.meeting.pos, |h| h.date.pos);
            self.warning(
                FileKind::Minutes(i),
                pos,
                format!(
                    "minutes of `{}`, which is held on {} (today is {})",
                    minutes.meeting.value,
                    iso(day),
                    iso(today)
                ),
                "check the date: minutes are written after the meeting; --today sets the day taken as today".into(),
            );
        }
    }

    /// The file is `minutes/<meeting>.yaml`: that is how `medtrio minutes ID` finds it, and
    /// a second file for the same meeting would otherwise go unnoticed.
    fn file_name(&mut self, minutes: &Minutes, file: FileKind) {
        let source = self.loaded.sources.get(file);
        let Some(stem) = source
            .path()
            .and_then(|p| p.file_stem())
            .and_then(|s| s.to_str())
        else {
            return;
        };
        if stem != minutes.meeting.as_str() {
            let written = source
                .path()
                .and_then(|p| p.file_name())
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            self.error(
                file,
                minutes.meeting.pos,
                format!(
                    "the file `{written}` holds the minutes of `{}`",
                    minutes.meeting.value
                ),
                Some(format!(
                    "name the file `{}.yaml` after its meeting, or correct `meeting:`",
                    minutes.meeting.value
                )),
            );
        }
    }

    /// The meeting exists and can have an agenda; false when there is nothing more to check.
    fn minutes_meeting(
        &mut self,
        catalog: &Catalog<'_>,
        meeting: &Located<String>,
        file: FileKind,
    ) -> bool {
        if self.duplicated.contains(meeting.as_str()) {
            return false;
        }
        let found = self.ids.get(meeting.as_str()).map(|(kind, ..)| *kind);
        match found {
            Some(Kind::Meeting) => true,
            Some(Kind::Activity) => {
                let is_meeting = catalog.activity(meeting).is_some_and(|a| a.is_meeting());
                if !is_meeting {
                    self.error(
                        file,
                        meeting.pos,
                        format!(
                            "`{}` is a roadmap activity that is not a meeting, so it has no minutes",
                            meeting.value
                        ),
                        Some("give the id of a meeting, or of a roadmap activity that is a dialogue meeting".into()),
                    );
                }
                is_meeting
            }
            _ => {
                self.reference(file, meeting, &[Kind::Meeting]);
                false
            }
        }
    }

    /// The day the meeting was held: `held.date`, else its own date; it must be a day, and
    /// lie behind today.
    fn held_day(
        &mut self,
        catalog: &Catalog<'_>,
        minutes: &Minutes,
        file: FileKind,
    ) -> Option<NaiveDate> {
        let id = minutes.meeting.as_str();
        let (day, pos) = match &minutes.held {
            Some(held) => {
                if held.date.is_known() && held.date.day().is_none() {
                    self.error(
                        file,
                        held.date.pos,
                        format!(
                            "the meeting was held on a day, not in `{}`",
                            held.date.value
                        ),
                        Some("write the day it was held, e.g. `date: 2026-03-24`".into()),
                    );
                    return None;
                }
                if let (Some(start), Some(end)) = (&held.start, &held.end)
                    && end.value <= start.value
                {
                    self.error(
                        file,
                        end.pos,
                        format!(
                            "the meeting ended at `{}`, which is not after its start `{}`",
                            end.value, start.value
                        ),
                        Some("an end time comes after the start time".into()),
                    );
                }
                let day = match held.date.value {
                    When::Unknown => catalog.date_of(id).day(),
                    date => date.day(),
                };
                // A time in the hour the clocks skip was never on a clock.
                if let Some(day) = day {
                    for time in [&held.start, &held.end].into_iter().flatten() {
                        if let chrono::LocalResult::None = chrono::TimeZone::from_local_datetime(
                            &chrono_tz::Europe::Copenhagen,
                            &day.and_time(time.0),
                        ) {
                            self.error(
                                file,
                                time.pos,
                                format!(
                                    "`{}` on {day} does not exist in Europe/Copenhagen: the clocks go forward that night",
                                    time.value
                                ),
                                Some("write the time the clocks showed; the hour 02:00–03:00 is skipped".into()),
                            );
                        }
                    }
                }
                (day, held.date.pos)
            }
            None => (catalog.date_of(id).day(), minutes.meeting.pos),
        };
        let Some(day) = day else {
            let planned = catalog.date_of(id);
            let why = if planned.is_known() {
                format!("its date is `{planned}`, not a day")
            } else {
                "it has no date".to_owned()
            };
            self.error(
                file,
                pos,
                format!("the minutes of `{id}` do not say the day it was held: {why}"),
                Some("add `held:` with the day, e.g. `held: {date: 2026-03-24}`".into()),
            );
            return None;
        };
        let cancelled = catalog
            .meeting(id)
            .is_some_and(|m| m.status == Status::Cancelled);
        if cancelled {
            self.warning(
                file,
                minutes.meeting.pos,
                format!("`{id}` is cancelled, but has minutes"),
                "remove `status: cancelled` from the meeting if it was held after all; with minutes it counts as held".into(),
            );
        }
        Some(day)
    }

    /// A draft is not approved; approved minutes say when and at which later meeting of the
    /// same forum.
    fn minutes_status(
        &mut self,
        catalog: &Catalog<'_>,
        minutes: &Minutes,
        held: Option<NaiveDate>,
        file: FileKind,
    ) {
        let id = minutes.meeting.as_str();
        let Some(approval) = &minutes.approved else {
            if *minutes.status == MinutesStatus::Approved {
                self.error(
                    file,
                    minutes.status.pos,
                    format!("the minutes of `{id}` are approved, but do not say when"),
                    Some("add `approved: {date: YYYY-MM-DD, meeting: ID}`, the day and the meeting that approved them".into()),
                );
            }
            return;
        };
        if *minutes.status != MinutesStatus::Approved {
            self.error(
                file,
                approval
                    .meeting
                    .as_ref()
                    .map_or(approval.date.pos, |m| m.pos),
                format!("the minutes of `{id}` are a draft, but say they were approved"),
                Some("write `status: approved`, or remove `approved:`".into()),
            );
        }
        if approval.date.day().is_none() {
            self.error(
                file,
                approval.date.pos,
                format!(
                    "minutes are approved on a day, not `{}`",
                    approval.date.value
                ),
                Some("write the day of the approving meeting, e.g. `date: 2026-04-07`".into()),
            );
        } else if let (Some(on), Some(held)) = (approval.date.day(), held)
            && on <= held
        {
            self.error(
                file,
                approval.date.pos,
                format!(
                    "the minutes of `{id}` are approved on {}, not after the meeting itself ({})",
                    iso(on),
                    iso(held)
                ),
                Some("minutes are approved at a later meeting; check the date".into()),
            );
        }
        let meeting = match (&approval.meeting, approval.in_writing) {
            (Some(meeting), false) => meeting,
            (None, true) => return,
            (Some(meeting), true) => {
                self.error(
                    file,
                    meeting.pos,
                    format!("the minutes of `{id}` are approved both at `{}` and in writing", meeting.value),
                    Some("keep `meeting:` for approval at a meeting, or `in_writing: true` for approval by mail".into()),
                );
                return;
            }
            (None, false) => {
                self.error(
                    file,
                    approval.date.pos,
                    format!(
                        "the minutes of `{id}` are approved, but not at a meeting nor in writing"
                    ),
                    Some(
                        "add `meeting: ID` (the meeting that approved them) or `in_writing: true`"
                            .into(),
                    ),
                );
                return;
            }
        };
        if !self.minutes_meeting(catalog, meeting, file) {
            return;
        }
        let by = meeting.as_str();
        if let (Some(own), Some(theirs)) = (catalog.forum_of(id), catalog.forum_of(by))
            && own != theirs
        {
            self.error(
                file,
                meeting.pos,
                format!(
                    "`{by}` is a meeting of {}, but `{id}` is one of {}",
                    catalog.forum_name(theirs),
                    catalog.forum_name(own)
                ),
                Some(
                    "a committee approves its own minutes: name a later meeting of the same forum"
                        .into(),
                ),
            );
        }
        self.later(catalog, held, meeting, file, |when| {
            format!("the minutes are approved at `{by}` ({when}), which is not after `{id}`")
        });
    }

    /// Refuses a meeting `to` that does not come after the day `held`.
    fn later(
        &mut self,
        catalog: &Catalog<'_>,
        held: Option<NaiveDate>,
        to: &Located<String>,
        file: FileKind,
        message: impl Fn(String) -> String,
    ) {
        let when = catalog
            .minutes_of(to)
            .and_then(|m| catalog.held_day(m))
            .map_or_else(
                || catalog.date_of(to),
                |d| When::At(crate::model::Period::Day(d)),
            );
        if let (Some((_, last)), Some(held)) = (when.days(), held)
            && last <= held
        {
            self.error(
                file,
                to.pos,
                message(when.to_string()),
                Some(format!("name a meeting after {}", iso(held))),
            );
        }
    }

    /// Every item named is on the agenda, once, with its title; a postponed item goes to a
    /// later meeting.
    fn minutes_items(
        &mut self,
        catalog: &Catalog<'_>,
        minutes: &Minutes,
        held: Option<NaiveDate>,
        file: FileKind,
    ) {
        let id = minutes.meeting.as_str();
        let titles = numbered_titles(catalog, id);
        let mut seen: HashMap<u32, Pos> = HashMap::new();
        for item in &minutes.items {
            let number = &item.item;
            if !self.item_number(id, titles.as_deref(), number, file) {
                continue;
            }
            if let Some(first) = seen.insert(number.value, number.pos) {
                self.error(
                    file,
                    number.pos,
                    format!(
                        "item {} is written twice; the first is on line {}",
                        number.value, first.line
                    ),
                    Some("write what each item came to once".into()),
                );
            }
            let on_agenda = titles
                .as_ref()
                .and_then(|t| t.get(number.value as usize - 1))
                .copied()
                .flatten();
            if let (Some(written), Some(on_agenda)) = (&item.title, on_agenda)
                && written.trim().to_lowercase() != on_agenda.trim().to_lowercase()
            {
                self.error(
                    file,
                    written.pos,
                    format!(
                        "item {} of `{id}` is `{on_agenda}`, not `{}`",
                        number.value, written.value
                    ),
                    Some("correct the number or the title; `medtrio agenda ID` shows the items by number".into()),
                );
            }
            if let Some(to) = &item.postponed_to
                && self.minutes_meeting(catalog, to, file)
            {
                self.later(catalog, held, to, file, |when| {
                    format!(
                        "item {} is postponed to `{}` ({when}), which is not after `{id}`",
                        number.value, to.value
                    )
                });
            }
        }
    }

    /// Whether `number` names an item of the agenda; an error when it does not.
    fn item_number(
        &mut self,
        id: &str,
        titles: Option<&[Option<&str>]>,
        number: &Located<u32>,
        file: FileKind,
    ) -> bool {
        let Some(titles) = titles else {
            self.error(
                file,
                number.pos,
                format!(
                    "`{id}` has no agenda items, so item {} cannot be found",
                    number.value
                ),
                Some("give the meeting `items:` or a `template:`".into()),
            );
            return false;
        };
        if number.value == 0 || number.value as usize > titles.len() {
            self.error(
                file,
                number.pos,
                format!(
                    "item {} is not on the agenda of `{id}`, which has {} items",
                    number.value,
                    titles.len()
                ),
                Some(format!(
                    "number the items as the agenda does, from 1; `medtrio agenda {id}` shows them"
                )),
            );
            return false;
        }
        true
    }

    /// Every action point says what, who and from which item; a done one says when.
    fn minutes_actions(
        &mut self,
        catalog: &Catalog<'_>,
        minutes: &Minutes,
        held: Option<NaiveDate>,
        file: FileKind,
    ) {
        use crate::model::ActionStatus;
        let id = minutes.meeting.as_str();
        let titles = numbered_titles(catalog, id);
        for action in &minutes.actions {
            let aid = action.id.as_str();
            if action.text.trim().is_empty() {
                self.error(
                    file,
                    action.text.pos,
                    format!("action point `{aid}` has no text"),
                    Some("write what is to be done".into()),
                );
            }
            if action.owner.trim().is_empty() {
                self.error(
                    file,
                    action.owner.pos,
                    format!("action point `{aid}` has no owner"),
                    Some("write who does it, e.g. `owner: \"AMR\"`".into()),
                );
            }
            if let Some(number) = &action.item {
                self.item_number(id, titles.as_deref(), number, file);
            }
            match (&action.done, action.status) {
                (None, ActionStatus::Done) => self.error(
                    file,
                    action.id.pos,
                    format!("action point `{aid}` is done, but does not say when"),
                    Some("add the day it was done, e.g. `done: 2026-04-20`".into()),
                ),
                (Some(done), ActionStatus::Open | ActionStatus::Dropped) => self.error(
                    file,
                    done.pos,
                    format!(
                        "action point `{aid}` has a done date, but its status is `{}`",
                        action.status
                    ),
                    Some("write `status: done`, or remove `done:`".into()),
                ),
                (Some(done), ActionStatus::Done) => match done.day() {
                    None => self.error(
                        file,
                        done.pos,
                        format!(
                            "an action point is done on a day, not in `{}`",
                            done.value
                        ),
                        Some("write the day it was done, e.g. `done: 2026-04-20`".into()),
                    ),
                    Some(day) if held.is_some_and(|h| day < h) => self.error(
                        file,
                        done.pos,
                        format!(
                            "action point `{aid}` is done on {}, before the meeting it came from ({})",
                            iso(day),
                            held.map(iso).unwrap_or_default()
                        ),
                        Some("check the date it was done".into()),
                    ),
                    Some(_) => {}
                },
                (None, _) => {}
            }
        }
    }
}
