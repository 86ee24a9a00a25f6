//! The verdict of validation on loaded data: trusted data and its warnings, or every problem.

use chrono::NaiveDate;

use crate::diagnostic::Diagnostic;
use crate::load::Loaded;
use crate::validate;

/// Data that loaded and validated with no error, and the warnings validation gave.
#[derive(Debug)]
pub struct Checked {
    pub loaded: Loaded,
    pub warnings: Vec<Diagnostic>,
}

/// Validates `loaded`; any error makes the whole result the list of problems. On success,
/// also how many of the warnings (the last) depend on `today`.
pub(super) fn check(loaded: Loaded, today: NaiveDate) -> Result<(Checked, usize), Vec<Diagnostic>> {
    let mut problems = validate::validate(&loaded);
    let of_today = validate::validate_today(&loaded, today);
    let today_count = of_today.len();
    problems.extend(of_today);
    if problems.iter().any(Diagnostic::is_error) {
        return Err(problems);
    }
    Ok((
        Checked {
            loaded,
            warnings: problems,
        },
        today_count,
    ))
}
