//! The checks of a committee's place in a tree of folders (`committee:`, `parent:`), of the
//! meetings that carry out a roadmap activity (`activity:`), and of what was recorded of an
//! activity (`outcome:`).

use std::collections::BTreeMap;

use super::Checker;
use crate::diagnostic::Diagnostic;
use crate::load::tree::{self, Broken};
use crate::load::{FileKind, Loaded};
use crate::model::Kind;
use crate::model::{Catalog, Level, OutcomeStatus, is_valid_id};

/// The rule for a `parent:`: the committee above is an OMU or HU. The problem, with its help,
/// when the forum `parent` of `level` breaks it; one message for the check of a folder and
/// for the check across a tree's folders.
fn parent_problem(parent: &str, level: Level) -> Option<(String, &'static str)> {
    (!matches!(level, Level::Hu | Level::Omu)).then(|| {
        (
            format!(
                "`{parent}` is {}, which has no committees below it",
                super::level_name(level)
            ),
            "name the OMU or HU above this committee as `parent:`",
        )
    })
}

/// A committee's folder in a tree, as read: its path relative to the root, and its checked
/// data or its problems.
pub struct Folder {
    pub path: String,
    pub result: Result<Loaded, Vec<Diagnostic>>,
}

/// The committee a folder is the data of: its `committee:`, else its programme's owner.
pub fn committee_id(data: &Loaded) -> String {
    let p = &data.dataset.programme;
    p.committee
        .as_ref()
        .map_or_else(|| p.owner.value.clone(), |c| c.value.clone())
}

/// The checks across a tree's folders, each checked on its own already: two folders may not
/// claim one committee, and a committee's parent (whose level its own folder's data may not
/// know) must be an OMU or HU. The folder that breaks a rule is left out: its result becomes
/// the problem.
pub fn check_folders(folders: &mut [Folder]) {
    let mut first: BTreeMap<String, String> = BTreeMap::new();
    let mut levels: BTreeMap<String, Option<Level>> = BTreeMap::new();
    for folder in folders.iter_mut() {
        let Ok(data) = &folder.result else { continue };
        let id = committee_id(data);
        let level = Catalog::new(&data.dataset).forum_level(&id);
        match first.get(&id) {
            Some(other) => {
                let p = &data.dataset.programme;
                let pos = p.committee.as_ref().map_or(p.owner.pos, |c| c.pos);
                let file = data.sources.programme.name.clone();
                folder.result = Err(vec![
                    Diagnostic::error(
                        &file,
                        pos,
                        format!("the committee `{id}` has two folders: `{other}` and `{}`", folder.path),
                    )
                    .with_help("each committee has one folder; give this one its own `committee:` id, or remove one of the folders")
                    .with_source(data.sources.programme.text()),
                ]);
            }
            None => {
                first.insert(id.clone(), folder.path.clone());
                levels.insert(id, level);
            }
        }
    }
    for folder in folders.iter_mut() {
        let Ok(data) = &folder.result else { continue };
        let Some(parent) = &data.dataset.programme.parent else {
            continue;
        };
        let Some(Some(level)) = levels.get(parent.as_str()) else {
            continue;
        };
        let Some((message, help)) = parent_problem(&parent.value, *level) else {
            continue;
        };
        let file = data.sources.programme.name.clone();
        folder.result = Err(vec![
            Diagnostic::error(&file, parent.pos, message)
                .with_help(help)
                .with_source(data.sources.programme.text()),
        ]);
    }
}

impl Checker<'_> {
    pub(super) fn check_tree(&mut self) {
        use FileKind::Programme as P;
        let loaded = self.loaded;
        let programme = &loaded.dataset.programme;
        if let Some(committee) = &programme.committee {
            self.reference(P, committee, &[Kind::Forum]);
        }
        for (meeting, file) in programme.meetings.iter().zip(&loaded.provenance.meetings) {
            if let Some(activity) = &meeting.activity {
                self.reference(*file, activity, &[Kind::Activity]);
            }
        }
        self.check_outcomes();
        let Some(parent) = &programme.parent else {
            return;
        };
        if programme.committee.is_none() {
            self.error(
                P,
                parent.pos,
                "the programme names the committee above it, but not its own".into(),
                Some("add `committee:` with this committee's forum id, so that the committees below it can name it as their `parent:`".into()),
            );
        }
        if let Some(level) = self.forum_levels.get(parent.as_str()).copied()
            && let Some((message, help)) = parent_problem(&parent.value, level)
        {
            self.error(P, parent.pos, message, Some(help.into()));
        }
        let Some(dir) = loaded.sources.programme.path().and_then(|p| p.parent()) else {
            return;
        };
        // Found when the folder was read: the programmes above are among its inputs.
        let Some(ancestry) = &loaded.ancestry else {
            return;
        };
        match &ancestry.broken {
            None => {}
            Some(Broken::Missing {
                parent: missing,
                below,
            }) => {
                let named_here = *missing == parent.value;
                let (message, help) = if named_here {
                    (
                        format!(
                            "no folder of the committee `{missing}` is found above this folder"
                        ),
                        format!(
                            "medtrio looks for a programme.yaml with `committee: {missing}` in the folders above `{}`, up to the first that is no committee's folder, and in the folders directly inside them; check the id, or leave `parent:` out",
                            dir.display()
                        ),
                    )
                } else {
                    (
                        format!(
                            "the committee above, in `{}`, names the parent `{missing}`, whose folder is not found",
                            below.display()
                        ),
                        format!(
                            "fix `parent:` in `{}`",
                            below.join("programme.yaml").display()
                        ),
                    )
                };
                self.error(P, parent.pos, message, Some(help));
            }
            Some(Broken::Cycle(ids)) => {
                let chain = ids
                    .iter()
                    .map(|id| format!("`{id}`"))
                    .collect::<Vec<_>>()
                    .join(" → ");
                self.error(
                    P,
                    parent.pos,
                    format!("the committees' parents go round in a circle: {chain}"),
                    Some("the top committee (the HU) names no `parent:`; each other committee names the one above it".into()),
                );
            }
            Some(Broken::TooDeep) => self.error(
                P,
                parent.pos,
                format!(
                    "there are more than {} committees above this one",
                    tree::MAX_DEPTH
                ),
                Some("check the `parent:` of the committees above; MED has HU, OMU and LMU".into()),
            ),
        }
    }

    fn check_outcomes(&mut self) {
        use FileKind::Roadmap as R;
        let roadmap = &self.loaded.dataset.roadmap;
        for activity in &roadmap.activities {
            let Some(outcome) = &activity.outcome else {
                continue;
            };
            if outcome.status == OutcomeStatus::Postponed && !outcome.date.is_known() {
                self.error(
                    R,
                    outcome.pos,
                    format!(
                        "activity `{}` is postponed, but its outcome does not say to when",
                        activity.id.value
                    ),
                    Some("give the new period as `date:` under `outcome:`, e.g. `date: \"2026-Q3\"`; a month or a quarter will do".into()),
                );
            }
            if outcome.status != OutcomeStatus::Held && !outcome.meetings.is_empty() {
                self.error(
                    R,
                    outcome.meetings[0].pos,
                    format!(
                        "activity `{}` was not held, so no meeting carried it out",
                        activity.id.value
                    ),
                    Some("leave `meetings:` out, or record the outcome as `status: held`".into()),
                );
            }
            for meeting in &outcome.meetings {
                if !is_valid_id(meeting) {
                    self.error(
                        R,
                        meeting.pos,
                        format!("`{}` is not a meeting id", meeting.value),
                        Some("write the id of the meeting that carried it out, as `medtrio list meetings` shows it".into()),
                    );
                } else if let Some((kind, ..)) = self.ids.get(meeting.as_str())
                    && *kind != Kind::Meeting
                {
                    let kind = *kind;
                    self.error(
                        R,
                        meeting.pos,
                        format!(
                            "`{}` is {}, but a meeting is expected here",
                            meeting.value,
                            super::a_noun(kind)
                        ),
                        Some("write the id of the meeting that carried it out".into()),
                    );
                }
            }
        }
    }
}
