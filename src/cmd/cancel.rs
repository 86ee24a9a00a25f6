//! `medtrio cancel MEETING --why TEXT`: a meeting marked cancelled.

use std::io::Write;

use anyhow::Result;

use crate::cli::CancelArgs;
use crate::cmd::Context;
use crate::cmd::write::{self, Change};
use crate::edit::{Edit, Value};
use crate::error::Failure;
use crate::model::{Catalog, Status};

pub fn run(ctx: &Context, args: &CancelArgs, out: &mut dyn Write) -> Result<()> {
    write::data_dir(&ctx.source)?;
    let loaded = ctx.load_checked()?;
    let catalog = Catalog::new(&loaded.dataset);
    let id = args.meeting.as_str();
    let Some(meeting) = catalog.meeting(id) else {
        return Err(write::unknown_meeting(
            id,
            loaded
                .dataset
                .programme
                .meetings
                .iter()
                .map(|m| m.id.as_str()),
        )
        .into());
    };
    match catalog.meeting_status(meeting) {
        Status::Held => {
            return Err(Failure::operation(
                format!("`{id}` was held: it has minutes"),
                "a meeting with minutes cannot be cancelled; its minutes say what it came to",
            )
            .into());
        }
        Status::Cancelled => {
            return Err(Failure::operation(
                format!("`{id}` is already cancelled"),
                "nothing was changed",
            )
            .into());
        }
        _ => {}
    }
    let why = write::answer(
        args.why.as_deref(),
        "Hvorfor er mødet aflyst?",
        Failure::usage_with_help(
            format!("say why `{id}` is cancelled"),
            "give --why TEXT, e.g. --why \"For mange afbud\"",
        ),
    )?;
    let why = why.trim();
    if why.is_empty() {
        return Err(Failure::usage_with_help(
            format!("say why `{id}` is cancelled"),
            "give --why TEXT, e.g. --why \"For mange afbud\"",
        )
        .into());
    }
    let Some(path) = write::meeting_file(&loaded, id) else {
        return Err(Failure::operation(
            format!("`{id}` is not a meeting of a file in the data folder"),
            "only a meeting in programme.yaml or local/*.yaml can be cancelled",
        )
        .into());
    };
    let before = write::read(&path)?;
    let file = Edit::parse(&path.display().to_string(), &before).map_err(write::edit_error)?;
    let entry = file.entry("meetings", id).map_err(write::edit_error)?;
    entry.set(
        "status",
        &Value::plain("cancelled"),
        &["forum", "title_en", "title"],
    );
    entry.set("cancel_reason", &Value::text(why), &["status"]);
    let what = format!("{}: `{id}` cancelled: {why}", path.display());
    let change = Change {
        path,
        before: Some(before),
        after: file.text(),
    };
    write::apply(ctx, &[change], &what, args.write.dry_run, out)
}
