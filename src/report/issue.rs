//! An agenda as it is issued: the items as `medtrio agenda` computes them today (the
//! follow-up item and its number included, a template's items scaled to the meeting), and
//! what its follow-up says, to become the meeting's own data.

use chrono::NaiveDate;

use crate::lang::Lang;
use crate::model::{AgendaItem, Catalog, ClockTime, Issued, Located, Period, When};
use crate::report::agenda::{self, AgendaError, AgendaOptions};

/// What issuing a meeting's agenda writes into the meeting.
#[derive(Clone, Debug, PartialEq)]
pub struct Freeze {
    /// The items to write in place of a template's (`None`: the meeting's own items stand).
    pub items: Option<Vec<AgendaItem>>,
    /// The follow-up item to insert among the meeting's own items, at this index.
    pub insert: Option<(usize, AgendaItem)>,
    /// The start to write, when the meeting has none and its template gives one.
    pub start: Option<ClockTime>,
    pub issued: Issued,
}

/// Why an agenda cannot be issued.
#[derive(Debug, thiserror::Error)]
pub enum IssueError {
    #[error(transparent)]
    Agenda(#[from] AgendaError),
    #[error("`{0}` is a roadmap activity: only a meeting's agenda can be issued")]
    Activity(String),
    #[error("the agenda of `{id}` was issued on {on}")]
    Issued { id: String, on: String },
}

/// The agenda of meeting `id` as it would be issued on `today`.
pub fn freeze(catalog: &Catalog<'_>, id: &str, today: NaiveDate) -> Result<Freeze, IssueError> {
    let Some(meeting) = catalog.meeting(id) else {
        return Err(match catalog.activity(id) {
            Some(_) => IssueError::Activity(id.to_owned()),
            None => AgendaError::NotAMeeting(id.to_owned()).into(),
        });
    };
    if let Some(issued) = &meeting.issued {
        return Err(IssueError::Issued {
            id: id.to_owned(),
            on: issued.date.to_string(),
        });
    }
    let options = AgendaOptions {
        today: Some(today),
        ..AgendaOptions::default()
    };
    // The agenda as printed today: it must be one, and its times are what is frozen.
    let printed = agenda::agenda(catalog, id, Lang::Da, options)?;
    let items = catalog.agenda_items(id).unwrap_or(&[]);
    let (all, at) = if catalog.follows_up(id) {
        let (all, at) = crate::model::with_follow_up(items, Lang::Da.words().follow_up);
        (all.into_owned(), Some(at))
    } else {
        (items.to_vec(), None)
    };
    let inserted = all.len() > items.len();
    let from_template = meeting.items.is_empty();
    let template = meeting.template.as_ref().and_then(|t| catalog.template(t));
    let (items, insert) = if from_template {
        // The printed agenda has the same items in the same order, breaks included, with
        // their scaled minutes; the afrunding comes last and is no item.
        let minutes: Vec<i64> = printed.items.iter().map(|i| i.minutes).collect();
        let frozen = all
            .iter()
            .zip(minutes)
            .map(|(item, minutes)| AgendaItem {
                minutes: Located::new(minutes),
                fixed: false,
                ..item.value.clone()
            })
            .collect();
        (Some(frozen), None)
    } else {
        let insert = at
            .filter(|_| inserted)
            .and_then(|at| all.get(at).map(|i| (at, i.value.clone())));
        (None, insert)
    };
    let start = match (&meeting.start, template.and_then(|t| t.start.as_ref())) {
        (None, Some(start)) => Some(*start.clone()),
        _ => None,
    };
    let (approves, actions) = crate::report::followup::snapshot(catalog, id, Some(today));
    Ok(Freeze {
        items,
        insert,
        start,
        issued: Issued {
            date: Located::new(When::At(Period::Day(today))),
            approves,
            actions,
        },
    })
}
