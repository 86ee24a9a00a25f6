//! `medtrio attend MEETING --present … --absent …`: who came, and who sent apologies.

use std::io::Write;

use anyhow::Result;

use crate::cli::AttendArgs;
use crate::cmd::Context;
use crate::cmd::write::{self, Change};
use crate::edit::{Edit, Value};
use crate::error::Failure;
use crate::model::Catalog;
use crate::report::attendance::Roll;

pub fn run(ctx: &Context, args: &AttendArgs, out: &mut dyn Write) -> Result<()> {
    write::data_dir(&ctx.source)?;
    let id = args.meeting.as_str();
    if args.present.is_empty() && args.absent.is_empty() {
        return Err(Failure::usage_with_help(
            format!("say who came to `{id}`"),
            "give --present NAME,… and/or --absent NAME,…",
        )
        .into());
    }
    let mut present = names("--present", &args.present)?;
    let mut absent = names("--absent", &args.absent)?;
    let loaded = ctx.load_checked()?;
    let catalog = Catalog::new(&loaded.dataset);
    let (minutes, path) = write::minutes_to_change(&loaded, &catalog, id)?;
    if let Some(roll) = Roll::of(&catalog, id, catalog.held_day(minutes)) {
        for (flag, names) in [("--present", &mut present), ("--absent", &mut absent)] {
            for name in names.iter_mut() {
                let member = roll.check(name).map_err(|unknown| {
                    Failure::usage_with_help(format!("{flag}: {}", unknown.message), unknown.help)
                })?;
                // Written as members.yaml spells it.
                name.clone_from(&member.name.value);
            }
        }
    }
    let present_now = if args.present.is_empty() {
        minutes.present.iter().map(|n| n.value.clone()).collect()
    } else {
        present.clone()
    };
    let absent_now = if args.absent.is_empty() {
        minutes.apologies.iter().map(|n| n.value.clone()).collect()
    } else {
        absent.clone()
    };
    if let Some(both) = present_now
        .iter()
        .find(|p| absent_now.iter().any(|a| same(a, p)))
    {
        return Err(Failure::usage_with_help(
            format!("`{both}` would be both present at `{id}` and absent"),
            "name each person once: under --present or under --absent",
        )
        .into());
    }
    let before = write::read(&path)?;
    let file = Edit::parse(&path.display().to_string(), &before).map_err(write::edit_error)?;
    let root = file.root().map_err(write::edit_error)?;
    if !args.present.is_empty() {
        root.set("present", &Value::Texts(present), &["held", "status"]);
    }
    if !args.absent.is_empty() {
        root.set(
            "apologies",
            &Value::Texts(absent),
            &["present", "held", "status"],
        );
    }
    let list = |names: &[String]| {
        if names.is_empty() {
            "none".to_owned()
        } else {
            names.join(", ")
        }
    };
    let what = format!(
        "{}: at `{id}` present: {}; apologies: {}",
        path.display(),
        list(&present_now),
        list(&absent_now)
    );
    let change = Change {
        path,
        before: Some(before),
        after: file.text(),
    };
    write::apply(ctx, &[change], &what, args.write.dry_run, out)
}

fn same(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

/// The names as given, trimmed; an empty one or one given twice is refused.
fn names(flag: &str, given: &[String]) -> Result<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    for name in given.iter().map(|n| n.trim()) {
        if name.is_empty() {
            return Err(Failure::usage_with_help(
                format!("{flag} has an empty name"),
                "split the names by commas, with no empty one between, e.g. --present Leder,TR,AMR",
            )
            .into());
        }
        if out.iter().any(|n| same(n, name)) {
            return Err(Failure::usage_with_help(
                format!("`{name}` is named twice in {flag}"),
                "name each person once",
            )
            .into());
        }
        out.push(name.to_owned());
    }
    Ok(out)
}
