//! The checks of `cycle.yaml`: that each task falls in real months of real years, names fora
//! and themes that exist, and brings an item an agenda can hold; and that an item's `cycle:`
//! names a task.

use super::Checker;
use crate::load::FileKind;
use crate::model::Kind;
use crate::model::{Recurrence, Rule};

impl Checker<'_> {
    pub(super) fn check_cycle(&mut self) {
        let d = &self.loaded.dataset;
        let Some(cycle) = &d.cycle else {
            return;
        };
        let file = FileKind::Cycle;
        for rule in &cycle.rules {
            self.title(file, &rule.title, "cycle task title");
            self.references(file, &rule.forums, &[Kind::Forum]);
            self.references(file, &rule.themes, &[Kind::Theme]);
            self.rule_levels(rule);
            self.recurrence(&rule.when, file);
            self.check_items(std::slice::from_ref(&rule.item), file);
        }
    }

    /// A task for a level that no forum of the data has applies to nothing: a typo, or a forum
    /// that is missing.
    fn rule_levels(&mut self, rule: &Rule) {
        for level in &rule.levels {
            if !self.forum_levels.values().any(|l| l == level) {
                self.warning(
                    FileKind::Cycle,
                    rule.id.pos,
                    format!(
                        "task `{}` applies to the level `{level}`, but no forum of the data has it",
                        rule.id.value
                    ),
                    format!(
                        "add the forum to roadmap.yaml, or leave `{level}` out of the task's `levels:`"
                    ),
                );
            }
        }
    }

    fn recurrence(&mut self, when: &crate::model::Located<Recurrence>, file: FileKind) {
        let help_when = "give `months: [3]` (1 is January, 12 December) or `quarter: 2`";
        match (when.months.is_empty(), &when.quarter) {
            (true, None) => self.error(
                file,
                when.pos,
                "a task needs the months or the quarter it falls in".into(),
                Some(help_when.into()),
            ),
            (false, Some(quarter)) => self.error(
                file,
                quarter.pos,
                "a task falls in months or in a quarter, not both".into(),
                Some("keep `months:` or `quarter:`".into()),
            ),
            _ => {}
        }
        for month in &when.months {
            if !(1..=12).contains(&month.value) {
                self.error(
                    file,
                    month.pos,
                    format!("`{}` is not a month", month.value),
                    Some("months run from 1 (January) to 12 (December)".into()),
                );
            }
        }
        if let Some(quarter) = &when.quarter
            && !(1..=4).contains(&quarter.value)
        {
            self.error(
                file,
                quarter.pos,
                format!("`{}` is not a quarter", quarter.value),
                Some("quarters run from 1 (January–March) to 4 (October–December)".into()),
            );
        }
        match (&when.every_years, &when.from_year) {
            (Some(every), _) if every.value == 0 => self.error(
                file,
                every.pos,
                "`every_years` must be at least 1".into(),
                Some("leave it out for a task of every year; the APV is `every_years: 3`".into()),
            ),
            (Some(every), None) => self.error(
                file,
                every.pos,
                format!(
                    "`every_years: {}` needs the first year it falls in",
                    every.value
                ),
                Some("add `from_year:`, e.g. `from_year: 2026`".into()),
            ),
            (None, Some(from)) => self.error(
                file,
                from.pos,
                "`from_year` counts only with `every_years`".into(),
                Some(
                    "add `every_years:`, or leave `from_year` out for a task of every year".into(),
                ),
            ),
            (_, Some(from)) if !(1900..=2200).contains(&from.value) => self.error(
                file,
                from.pos,
                format!("`{}` is not a year medtrio plans for", from.value),
                Some("give a year such as `from_year: 2026`".into()),
            ),
            _ => {}
        }
    }
}
