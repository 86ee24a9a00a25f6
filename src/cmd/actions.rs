//! `medtrio actions`: the action points of every referat, filtered; `actions done|drop|move
//! ID`: one action point ticked off, dropped or given a new due date in its referat's file.

use std::io::Write;

use anyhow::Result;

use crate::cli::{ActionChange, ActionsArgs};
use crate::cmd::Context;
use crate::cmd::output::Request;
use crate::cmd::write::{self, Change};
use crate::edit::{self, Edit, Value};
use crate::error::Failure;
use crate::model::Catalog;
use crate::model::{ActionStatus, Period, When};
use crate::query::Query;
use crate::render::Document;
use crate::report::actions::{self, ActionFilter};
use crate::report::list::ListReport;

pub fn run(ctx: &Context, args: &ActionsArgs, out: &mut dyn Write) -> Result<()> {
    if let Some(change) = &args.change {
        ctx.refuse_public("actions done|drop|move")?;
        return change_one(ctx, change, out);
    }
    let output = Request::table(&args.output).open()?;
    let loaded = ctx.load_checked()?;
    let catalog = Catalog::new(&loaded.dataset);
    let query = Query::parse(&(&args.filters).into(), &catalog, ctx.today)?;
    let filter = ActionFilter {
        owner: args.owner.clone(),
        open: args.open,
        done: args.done,
    };
    let rows = actions::actions(&catalog, &query, &filter, ctx.today)?;
    let report = ListReport::Actions(rows);
    let renderer = ctx.renderer(output.excel())?;
    output.write(ctx, &renderer, &Document::List(&report), out)
}

/// Ticks off, drops or moves one action point.
fn change_one(ctx: &Context, change: &ActionChange, out: &mut dyn Write) -> Result<()> {
    write::data_dir(&ctx.source)?;
    let (id, dry_run) = match change {
        ActionChange::Done { id, write, .. }
        | ActionChange::Drop { id, write, .. }
        | ActionChange::Move { id, write, .. } => (id.as_str(), write.dry_run),
    };
    let loaded = ctx.load_checked()?;
    let catalog = Catalog::new(&loaded.dataset);
    let Some((minutes, action)) = catalog.action(id) else {
        let ids = loaded
            .dataset
            .minutes
            .iter()
            .flat_map(|m| m.actions.iter().map(|a| a.id.as_str()));
        let help = crate::diagnostic::did_you_mean(crate::diagnostic::suggestions(id, ids))
            .unwrap_or_else(|| {
                "`medtrio actions` lists the action points with their ids".to_owned()
            });
        return Err(Failure::usage_with_help(format!("unknown action point `{id}`"), help).into());
    };
    let meeting = minutes.meeting.as_str();
    let Some(path) = write::minutes_file(&loaded, meeting) else {
        return Err(Failure::operation(
            format!("the minutes of `{meeting}` are not a file in the data folder"),
            "nothing was changed",
        )
        .into());
    };
    let before = write::read(&path)?;
    let file = Edit::parse(&path.display().to_string(), &before).map_err(write::edit_error)?;
    let entry = file.entry("actions", id).map_err(write::edit_error)?;
    let shown = path.display();
    let what = match change {
        ActionChange::Done { on, .. } => {
            match action.status {
                ActionStatus::Done => {
                    return Err(Failure::operation(
                        format!("`{id}` is already done"),
                        "nothing was changed",
                    )
                    .into());
                }
                ActionStatus::Dropped => {
                    return Err(Failure::operation(
                        format!("`{id}` was dropped"),
                        "a dropped action point is not done; edit its `status:` by hand if it was taken up again",
                    )
                    .into());
                }
                ActionStatus::Open => {}
            }
            let day = When::At(Period::Day(on.unwrap_or(ctx.today)));
            entry.set("status", &Value::plain("done"), &["owner", "due"]);
            entry.set("done", &edit::when(&day), &["status"]);
            format!("{shown}: `{id}` done on {day}")
        }
        ActionChange::Drop { why, .. } => {
            if action.status != ActionStatus::Open {
                return Err(Failure::operation(
                    format!("`{id}` is {}, not open", action.status),
                    "only an open action point can be dropped",
                )
                .into());
            }
            let missing = || {
                Failure::usage_with_help(
                    format!("say why `{id}` is dropped"),
                    "give --why TEXT, e.g. --why \"Indgår i APV-handleplanen\"",
                )
            };
            let why = write::answer(why.as_deref(), "Hvorfor udgår handlingspunktet?", missing())?;
            let why = why.trim().to_owned();
            if why.is_empty() {
                return Err(missing().into());
            }
            entry.set("status", &Value::plain("dropped"), &["owner", "due"]);
            entry.set("why", &Value::text(&why), &["status"]);
            format!("{shown}: `{id}` dropped: {why}")
        }
        ActionChange::Move { due, .. } => {
            let when: When = due.parse().map_err(|e: crate::model::when::DateError| {
                Failure::usage_with_help(
                    format!("--due: {}", e.message(due)),
                    "give a day, a month or a quarter, e.g. --due 2027-01-31, --due 2027-01 or --due 2027-Q1",
                )
            })?;
            if !when.is_known() {
                return Err(Failure::usage_with_help(
                    "--due is empty",
                    "give a day, a month or a quarter, e.g. --due 2027-01",
                )
                .into());
            }
            let old = if action.due.is_known() {
                format!(" (was {})", *action.due)
            } else {
                String::new()
            };
            entry.set("due", &edit::when(&when), &["owner", "text"]);
            format!("{shown}: `{id}` due {when}{old}")
        }
    };
    let change = Change {
        path,
        before: Some(before),
        after: file.text(),
    };
    write::apply(ctx, &[change], &what, dry_run, out)
}
