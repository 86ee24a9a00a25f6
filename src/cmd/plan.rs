//! `medtrio plan`: plan a meeting, interactively at a terminal or from flags alone, and save
//! it as a YAML file in the data folder's `local/`, which `--data` then loads.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::Result;
use dialoguer::theme::ColorfulTheme;
use dialoguer::{Confirm, Input, MultiSelect, Select, Sort};

use crate::cli::PlanArgs;
use crate::cmd::{Context, output::write_file};
use crate::error::Failure;
use crate::load::{DataSource, FileKind, LOCAL_DIR, Loaded};
use crate::model::{Catalog, total_minutes};
use crate::report::agenda::{self, AgendaOptions};
use crate::report::plan::{self, Base, PlanError, PlanSpec};
use crate::validate::slug_help;

/// Where plans go when the bundled data is used; seeded with a copy of it.
const DEFAULT_DATA_DIR: &str = "medtrio-data";

pub fn run(ctx: &Context, args: &PlanArgs, _out: &mut dyn Write) -> Result<()> {
    let loaded = ctx.load_checked()?;
    let interactive = std::io::stdin().is_terminal() && std::io::stderr().is_terminal();
    let result = if interactive {
        ask(ctx, &loaded, args)
    } else {
        from_flags(&loaded, args)
    };
    let spec = result.map_err(|e| match e.downcast_ref::<dialoguer::Error>() {
        Some(dialoguer::Error::IO(io)) if io.kind() == std::io::ErrorKind::Interrupted => {
            let _ = dialoguer::console::Term::stderr().show_cursor();
            Failure::operation("cancelled", "nothing was written").into()
        }
        _ => e,
    })?;
    save(ctx, &loaded, args, &spec, interactive)
}

fn parse_base(catalog: &Catalog<'_>, text: &str) -> Base {
    match text {
        "blank" => Base::Blank,
        id if catalog.template(id).is_some() => Base::Template(id.to_owned()),
        id => Base::Meeting(id.to_owned()),
    }
}

/// Without a terminal: every answer must come from a flag.
fn from_flags(loaded: &Loaded, args: &PlanArgs) -> Result<PlanSpec> {
    let catalog = Catalog::new(&loaded.dataset);
    let base = args.meeting.as_deref().map(|m| parse_base(&catalog, m));
    let needs_forum = matches!(base, Some(Base::Template(_) | Base::Blank));
    let mut missing = Vec::new();
    if base.is_none() {
        missing.push("--meeting");
    }
    if args.date.is_none() {
        missing.push("--date");
    }
    if args.start.is_none() {
        missing.push("--start");
    }
    if needs_forum && args.forum.is_none() && args.new_forum.is_none() {
        missing.push("--forum (or --new-forum)");
    }
    if !missing.is_empty() {
        return Err(Failure::usage_with_help(
            format!("without a terminal, plan needs {}", missing.join(", ")),
            "e.g. medtrio plan --meeting lmu-aktoerskab --forum lmu-havnen --date 2026-12-01 --start 13:00 --prompts p-aktoerskab-for-os",
        )
        .into());
    }
    Ok(PlanSpec {
        base: base.unwrap_or(Base::Blank),
        forum: args.forum.clone(),
        new_forum: args.new_forum.clone(),
        id: args.id.clone(),
        title: args.title.clone(),
        date: args.date.unwrap_or_default(),
        start: args.start.unwrap_or_default(),
        place: args.place.clone(),
        length: args.length.map(i64::from),
        prompts: args.prompts.clone(),
        item_minutes: args.item_minutes.clone(),
    })
}

/// At a terminal: flags answer what they can; the rest is asked.
fn ask(ctx: &Context, loaded: &Loaded, args: &PlanArgs) -> Result<PlanSpec> {
    let catalog = Catalog::new(&loaded.dataset);
    let theme = ColorfulTheme::default();
    let lang = ctx.lang;
    let p = |da: &'static str, en: &'static str| lang.pick(da, en);

    // 1. What the meeting starts from.
    let base = match &args.meeting {
        Some(m) => parse_base(&catalog, m),
        None => {
            let mut choices = vec![(
                Base::Blank,
                p("Blank LMU-dagsorden", "Blank LMU agenda").to_owned(),
            )];
            for t in &loaded.dataset.programme.templates {
                choices.push((
                    Base::Template(t.id.value.clone()),
                    format!("{}: {}", p("Skabelon", "Template"), t.title.value),
                ));
            }
            for id in agenda::agenda_ids(&catalog) {
                let title = catalog
                    .meeting(id)
                    .map(|m| m.title.value.clone())
                    .or_else(|| catalog.activity(id).map(|a| a.title.value.clone()))
                    .unwrap_or_default();
                choices.push((
                    Base::Meeting(id.to_owned()),
                    format!("{}: {title}", p("Møde", "Meeting")),
                ));
            }
            let labels: Vec<&str> = choices.iter().map(|(_, l)| l.as_str()).collect();
            let i = Select::with_theme(&theme)
                .with_prompt(p(
                    "Hvad tager mødet udgangspunkt i?",
                    "What does the meeting start from?",
                ))
                .items(&labels)
                .default(0)
                .interact()?;
            choices.swap_remove(i).0
        }
    };
    let plan::BaseParts {
        items,
        forum: base_forum,
        ..
    } = plan::base_items(&catalog, &base).map_err(plan_error)?;

    // The forum, when the base does not give one.
    let (mut forum, mut new_forum) = (args.forum.clone(), args.new_forum.clone());
    if forum.is_none() && new_forum.is_none() && base_forum.is_none() {
        let forums = &loaded.dataset.roadmap.forums;
        let mut labels: Vec<String> = forums.iter().map(|f| f.name.value.clone()).collect();
        labels.push(p("Et nyt LMU …", "A new LMU …").to_owned());
        let i = Select::with_theme(&theme)
            .with_prompt(p("Hvilket forum?", "Which forum?"))
            .items(&labels)
            .default(0)
            .interact()?;
        match forums.get(i) {
            Some(f) => forum = Some(f.id.value.clone()),
            None => {
                new_forum = Some(
                    Input::<String>::with_theme(&theme)
                        .with_prompt(p("Navn på LMU", "Name of the LMU"))
                        .interact_text()?,
                )
            }
        }
    }

    // 2. Date, start, place, length.
    let date = match args.date {
        Some(d) => d,
        None => Input::<String>::with_theme(&theme)
            .with_prompt(p("Dato (ÅÅÅÅ-MM-DD)", "Date (YYYY-MM-DD)"))
            .validate_with(|s: &String| crate::cli::parse_day(s).map(|_| ()))
            .interact_text()
            .map(|s| crate::cli::parse_day(&s).unwrap_or_default())?,
    };
    let default_start = match &base {
        Base::Template(t) => catalog
            .template(t)
            .and_then(|t| t.start.as_ref())
            .map(|s| s.to_string()),
        _ => None,
    }
    .unwrap_or_else(|| "13:00".to_owned());
    let start = match args.start {
        Some(s) => s,
        None => Input::<String>::with_theme(&theme)
            .with_prompt(p("Starttid (TT:MM)", "Start time (HH:MM)"))
            .default(default_start)
            .validate_with(|s: &String| crate::cli::parse_clock(s).map(|_| ()))
            .interact_text()
            .map(|s| crate::cli::parse_clock(&s).unwrap_or_default())?,
    };
    let place = match &args.place {
        Some(place) => Some(place.clone()),
        None => Some(
            Input::<String>::with_theme(&theme)
                .with_prompt(p("Sted", "Place"))
                .allow_empty(true)
                .interact_text()?,
        ),
    };
    let base_total = total_minutes(items.iter().map(|i| i.minutes.value));
    let length = match args.length {
        Some(l) => i64::from(l),
        None => Input::<i64>::with_theme(&theme)
            .with_prompt(p("Længde i minutter", "Length in minutes"))
            .default(base_total)
            .validate_with(|n: &i64| {
                if (1..=1440).contains(n) {
                    Ok(())
                } else {
                    Err("1–1440")
                }
            })
            .interact_text()?,
    };

    // 3. Prompts: pick with a multi-select, then order.
    let prompts = match &args.prompts {
        Some(list) => list.clone(),
        None => {
            let all = &loaded.dataset.findings.prompts;
            let preselected: Vec<&str> = items
                .iter()
                .flat_map(|i| i.prompts.iter().map(|p| p.as_str()))
                .collect();
            let labels: Vec<String> = all
                .iter()
                .map(|pr| {
                    let theme = catalog
                        .prompt_themes(pr)
                        .first()
                        .map(|t| catalog.theme_title(t, lang))
                        .unwrap_or_default();
                    let source = pr
                        .sources
                        .first()
                        .and_then(|s| catalog.finding(s))
                        .and_then(|f| catalog.section(&f.section))
                        .map_or("", |s| s.title.as_str());
                    format!(
                        "{}  — {theme} · {source}",
                        crate::report::show::prompt_text(pr, lang)
                    )
                })
                .collect();
            let defaults: Vec<bool> = all
                .iter()
                .map(|pr| preselected.contains(&pr.id.as_str()))
                .collect();
            let chosen = MultiSelect::with_theme(&theme)
                .with_prompt(p(
                    "Vælg dialogspørgsmål (mellemrum vælger, enter går videre)",
                    "Pick prompts (space selects, enter continues)",
                ))
                .items(&labels)
                .defaults(&defaults)
                .max_length(12)
                .interact()?;
            let mut ids: Vec<String> = chosen.iter().map(|&i| all[i].id.value.clone()).collect();
            if ids.len() > 1 {
                let chosen_labels: Vec<&str> = chosen.iter().map(|&i| labels[i].as_str()).collect();
                let order = Sort::with_theme(&theme)
                    .with_prompt(p("Rækkefølge (enter godkender)", "Order (enter accepts)"))
                    .items(&chosen_labels)
                    .interact()?;
                ids = order.into_iter().map(|i| ids[i].clone()).collect();
            }
            ids
        }
    };

    let mut spec = PlanSpec {
        base,
        forum,
        new_forum,
        id: args.id.clone(),
        title: args.title.clone(),
        date,
        start,
        place,
        length: Some(length),
        prompts: Some(prompts),
        item_minutes: args.item_minutes.clone(),
    };

    // 4. Minutes per item, with a running total against the length.
    if spec.item_minutes.is_none() {
        let planned = plan::plan(&catalog, &spec).map_err(plan_error)?;
        let items = &planned.meetings[0].items;
        let mut minutes = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let so_far = total_minutes(minutes.iter().copied());
            let rest = total_minutes(items[i + 1..].iter().map(|x| x.minutes.value));
            let m = Input::<i64>::with_theme(&theme)
                .with_prompt(format!(
                    "{}. {} ({} {} {} {length} min)",
                    i + 1,
                    item.title.value,
                    p("i alt", "total"),
                    total_minutes([so_far, item.minutes.value, rest]),
                    p("af", "of")
                ))
                .default(item.minutes.value)
                .validate_with(|n: &i64| if *n >= 1 { Ok(()) } else { Err("≥ 1") })
                .interact_text()?;
            minutes.push(m);
        }
        spec.item_minutes = Some(minutes);
    }

    // 5. Preview.
    let preview = preview(ctx, loaded, &spec)?;
    eprintln!("\n{preview}");
    if !Confirm::with_theme(&theme)
        .with_prompt(p("Gem mødet?", "Save the meeting?"))
        .default(true)
        .interact()?
    {
        return Err(Failure::operation("not saved", "nothing was written").into());
    }
    Ok(spec)
}

/// The agenda of the planned meeting as plain text.
fn preview(ctx: &Context, loaded: &Loaded, spec: &PlanSpec) -> Result<String> {
    let catalog = Catalog::new(&loaded.dataset);
    let file = plan::plan(&catalog, spec).map_err(plan_error)?;
    let mut data = loaded.dataset.clone();
    data.roadmap.forums.extend(file.forums.clone());
    data.programme.meetings.extend(file.meetings.clone());
    let catalog = Catalog::new(&data);
    let id = file.meetings[0].id.value.clone();
    let agenda = agenda::agenda(&catalog, &id, ctx.lang, AgendaOptions::default())
        .map_err(|e| Failure::operation(e.to_string(), "change the plan"))?;
    let mut text = Vec::new();
    crate::render::agenda::text(&agenda, &mut text)?;
    Ok(String::from_utf8_lossy(&text).into_owned())
}

fn plan_error(e: PlanError) -> anyhow::Error {
    let help = match &e {
        PlanError::UnknownBase(_) => {
            "give a meeting, roadmap meeting or template id, or `blank`; `medtrio list meetings` shows them"
        }
        PlanError::UnknownForum(_) => "give a forum id from the data, or --new-forum \"LMU Navn\"",
        PlanError::UnknownPrompt(_) => "`medtrio list prompts` shows the prompt ids",
        PlanError::NoForum => "add --forum ID or --new-forum \"LMU Navn\"",
        PlanError::InvalidId(id) => {
            return Failure::usage_with_help(e.to_string(), slug_help(id)).into();
        }
        PlanError::IdTaken(_) => "choose another --id; `medtrio show ID` shows what has it",
        PlanError::ForumTaken(_) => "use --forum with that id instead of --new-forum",
        PlanError::ForumNameWithoutId(_) => "give the new forum a name with letters or digits",
        PlanError::EmptyTitle => "give --title a text, or leave it out to keep the base's title",
        PlanError::SkippedHour { .. } => "choose a start after 03:00, or another day",
        _ => "change --length, --start or --item-minutes",
    };
    Failure::usage_with_help(e.to_string(), help).into()
}

/// Writes the plan to its file, seeding a data folder with the bundled data if there is none.
fn save(
    ctx: &Context,
    loaded: &Loaded,
    args: &PlanArgs,
    spec: &PlanSpec,
    interactive: bool,
) -> Result<()> {
    let catalog = Catalog::new(&loaded.dataset);
    let file = plan::plan(&catalog, spec).map_err(plan_error)?;
    let id = file.meetings[0].id.value.clone();
    let data_dir: PathBuf = match &ctx.source {
        DataSource::Dir(dir) => dir.clone(),
        DataSource::Bundled => PathBuf::from(DEFAULT_DATA_DIR),
    };
    let path = args
        .out
        .clone()
        .unwrap_or_else(|| data_dir.join(LOCAL_DIR).join(format!("{id}.yaml")));
    let rest = without_file(loaded, &path);
    plan::check_ids_free(&Catalog::new(&rest), &file).map_err(plan_error)?;
    let mut force = args.force;
    if path.exists() && !force && interactive {
        force = Confirm::with_theme(&ColorfulTheme::default())
            .with_prompt(format!(
                "`{}` {}",
                path.display(),
                ctx.lang
                    .pick("findes allerede. Overskriv?", "already exists. Overwrite?")
            ))
            .default(false)
            .interact()?;
        if !force {
            return Err(Failure::operation("not saved", "nothing was written").into());
        }
    }
    if ctx.source == DataSource::Bundled && args.out.is_none() {
        seed_data_dir(&data_dir)?;
    }
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(|e| {
            Failure::operation(
                format!("cannot create `{}`: {e}", parent.display()),
                "check the folder's permissions",
            )
        })?;
    }
    let yaml = plan::to_yaml(&file, &data_dir.display().to_string())
        .map_err(|e| Failure::operation(e, "this is a bug in medtrio"))?;
    write_file(&path, yaml.as_bytes(), force)?;
    eprintln!(
        "wrote {}; render it with: medtrio --data {} agenda {id}",
        path.display(),
        data_dir.display()
    );
    Ok(())
}

/// The data as it will be once `path` is written: without the local file now at `path`, if
/// the plan replaces one (`--force`, or planning the same meeting again).
fn without_file(loaded: &Loaded, path: &Path) -> crate::model::Dataset {
    let mut data = loaded.dataset.clone();
    let same = |other: &Path| match (path.canonicalize(), other.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    };
    let Some(replaced) = loaded
        .sources
        .local
        .iter()
        .position(|s| s.path().is_some_and(same))
    else {
        return data;
    };
    let keep = |kind: &FileKind| *kind != FileKind::Local(replaced);
    let p = &loaded.provenance;
    let mut flags = p.meetings.iter().map(keep);
    data.programme
        .meetings
        .retain(|_| flags.next().unwrap_or(true));
    let mut flags = p.templates.iter().map(keep);
    data.programme
        .templates
        .retain(|_| flags.next().unwrap_or(true));
    let mut flags = p.forums.iter().map(keep);
    data.roadmap.forums.retain(|_| flags.next().unwrap_or(true));
    data
}

/// Copies the bundled data into a new data folder, so that the plan can be loaded with it.
fn seed_data_dir(dir: &Path) -> Result<()> {
    for kind in FileKind::ALL {
        let path = dir.join(kind.file_name());
        if !path.exists() {
            std::fs::create_dir_all(dir)?;
            write_file(&path, crate::load::bundled_text(kind).as_bytes(), false)?;
        }
    }
    Ok(())
}
