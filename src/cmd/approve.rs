//! `medtrio approve MEETING`: the referat approved at a later meeting or in writing.

use std::io::Write;

use anyhow::Result;

use crate::cli::ApproveArgs;
use crate::cmd::Context;
use crate::cmd::write::{self, Change};
use crate::edit::{self, Edit, Value};
use crate::error::Failure;
use crate::model::{Catalog, MinutesStatus, Period, When};

pub fn run(ctx: &Context, args: &ApproveArgs, out: &mut dyn Write) -> Result<()> {
    write::data_dir(&ctx.source)?;
    let loaded = ctx.load_checked()?;
    let catalog = Catalog::new(&loaded.dataset);
    let id = args.meeting.as_str();
    let (minutes, path) = write::minutes_to_change(&loaded, &catalog, id)?;
    match *minutes.status {
        MinutesStatus::Prepared => {
            return Err(Failure::operation(
                format!("the minutes of `{id}` are prepared, but the meeting is not held yet"),
                format!(
                    "a referat is approved after its meeting: fill it in, and `medtrio minutes {id} --held YYYY-MM-DD` records the meeting as held"
                ),
            )
            .into());
        }
        MinutesStatus::Approved => {
            return Err(Failure::operation(
                format!("the minutes of `{id}` are already approved"),
                "an approval stands as recorded; edit `approved:` in the file by hand if it was recorded wrongly",
            )
            .into());
        }
        MinutesStatus::Draft => {}
    }
    let at = match (&args.at, args.in_writing) {
        (Some(at), _) => Some(at.clone()),
        (None, true) => None,
        (None, false) => {
            let given = write::answer(
                None,
                "Godkendt på mødet (id; tomt: skriftligt)",
                Failure::usage_with_help(
                    format!("say how the minutes of `{id}` were approved"),
                    "give --at MEETING2 (approved at that later meeting) or --in-writing (approved by mail)",
                ),
            )?;
            Some(given.trim().to_owned()).filter(|s| !s.is_empty())
        }
    };
    if let Some(at) = &at
        && catalog.meeting(at).is_none()
    {
        return Err(write::unknown_meeting(
            at,
            loaded
                .dataset
                .programme
                .meetings
                .iter()
                .map(|m| m.id.as_str()),
        )
        .into());
    }
    let on = match (&at, args.on) {
        (_, Some(on)) => on,
        (Some(at), None) => catalog.date_of(at).day().ok_or_else(|| {
            Failure::usage_with_help(
                format!("`{at}` has no day, so the day of the approval is not known"),
                "give the day with --on YYYY-MM-DD",
            )
        })?,
        (None, None) => ctx.today,
    };
    let before = write::read(&path)?;
    let file = Edit::parse(&path.display().to_string(), &before).map_err(write::edit_error)?;
    let root = file.root().map_err(write::edit_error)?;
    root.set("status", &Value::plain("approved"), &["meeting"]);
    let day = When::At(Period::Day(on));
    let mut approval = vec![("date".to_owned(), edit::when(&day))];
    match &at {
        Some(at) => approval.push(("meeting".into(), Value::plain(at.as_str()))),
        None => approval.push(("in_writing".into(), Value::plain("true"))),
    }
    root.set(
        "approved",
        &Value::Map(approval),
        &["meeting", "status", "held"],
    );
    let what = match &at {
        Some(at) => format!(
            "{}: the minutes of `{id}` approved at `{at}` on {day}",
            path.display()
        ),
        None => format!(
            "{}: the minutes of `{id}` approved in writing on {day}",
            path.display()
        ),
    };
    let change = Change {
        path,
        before: Some(before),
        after: file.text(),
    };
    write::apply(ctx, &[change], &what, args.write.dry_run, out)
}
