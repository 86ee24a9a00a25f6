//! `medtrio plan`: plan a meeting, interactively at a terminal or from flags alone, and save
//! it as a YAML file in the data folder's `local/`, which `--data` then loads.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::Result;
use dialoguer::theme::ColorfulTheme;
use dialoguer::{Confirm, Input, MultiSelect, Select, Sort};

use crate::cli::PlanArgs;
use crate::cmd::{Context, output::write_file, print_diagnostics};
use crate::error::Failure;
use crate::lang::{Lang, Words};
use crate::load::{DataSource, Edit, FileKind, LOCAL_DIR, Loaded};
use crate::model::{Catalog, LocalFile, total_minutes};
use crate::render::{Document, Format};
use crate::report::agenda::{self, AgendaOptions};
use crate::report::plan::{self, Base, PlanError, PlanSpec};
use crate::report::prompts::prompt_text;
use crate::validate::slug_help;

/// Where plans go when the bundled data is used; seeded with a copy of it.
const DEFAULT_DATA_DIR: &str = "medtrio-data";

pub fn run(ctx: &Context, args: &PlanArgs, _out: &mut dyn Write) -> Result<()> {
    let loaded = ctx.load_checked()?;
    let interactive = std::io::stdin().is_terminal() && std::io::stderr().is_terminal();
    let catalog = Catalog::new(&loaded.dataset);
    let result = if interactive {
        Asker::new(ctx, &catalog).ask(args).and_then(|spec| {
            let file = plan::plan(&catalog, &spec).map_err(plan_error)?;
            confirm(ctx, &loaded, &file)?;
            Ok(file)
        })
    } else {
        from_flags(&catalog, args, ctx.today)
            .and_then(|spec| plan::plan(&catalog, &spec).map_err(plan_error))
    };
    let file = result.map_err(|e| match e.downcast_ref::<dialoguer::Error>() {
        Some(dialoguer::Error::IO(io)) if io.kind() == std::io::ErrorKind::Interrupted => {
            let _ = dialoguer::console::Term::stderr().show_cursor();
            Failure::operation("cancelled", "nothing was written").into()
        }
        _ => e,
    })?;
    save(ctx, &loaded, args, &file, interactive)?;
    if !interactive {
        cycle_note(&catalog, &file);
    }
    Ok(())
}

fn parse_base(catalog: &Catalog<'_>, text: &str) -> Base {
    match text {
        "blank" => Base::Blank,
        id if catalog.template(id).is_some() => Base::Template(id.to_owned()),
        id => Base::Meeting(id.to_owned()),
    }
}

/// A command line that works on this data: its first template (or meeting) and forum, a day
/// two weeks ahead, and its first prompt. `medtrio list templates` and `list forums` show
/// the others.
fn example(catalog: &Catalog<'_>, today: chrono::NaiveDate) -> String {
    use crate::model::{Level, TemplateKind};
    let data = catalog.data;
    let forums: Vec<_> = data.roadmap.forums.iter().map(|f| &f.value).collect();
    // A committee template and a forum of its level: LMU first, as most users are one.
    let pair = data
        .programme
        .templates
        .iter()
        .filter(|t| t.kind != TemplateKind::Programme)
        .filter_map(|t| {
            let forum = forums
                .iter()
                .filter(|f| t.level.is_none_or(|l| l == f.level))
                .min_by_key(|f| f.level != Level::Lmu)?;
            Some((
                t.id.as_str(),
                Some(forum.id.as_str()),
                forum.level != Level::Lmu,
            ))
        })
        .min_by_key(|(_, _, not_lmu)| *not_lmu)
        .map(|(t, f, _)| (t, f));
    let (base, forum) = pair
        .or_else(|| catalog.agenda_ids().into_iter().next().map(|m| (m, None)))
        .unwrap_or(("blank", forums.first().map(|f| f.id.as_str())));
    let forum = forum.map(|f| format!(" --forum {f}")).unwrap_or_default();
    let day = crate::model::when::iso(today + chrono::Days::new(14));
    let prompt = data
        .findings
        .prompts
        .first()
        .map(|p| format!(" --prompts {}", p.id.as_str()))
        .unwrap_or_default();
    format!(
        "e.g. medtrio plan --meeting {base}{forum} --date {day} --start 13:00{prompt}; `medtrio list templates` and `list forums` show the ids"
    )
}

/// Without a terminal: every answer must come from a flag.
fn from_flags(
    catalog: &Catalog<'_>,
    args: &PlanArgs,
    today: chrono::NaiveDate,
) -> Result<PlanSpec> {
    let base = args.meeting.as_deref().map(|m| parse_base(catalog, m));
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
            example(catalog, today),
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
        cycle: args.cycle.clone(),
        chair: args.chair.clone(),
        minute_taker: args.minute_taker.clone(),
        participants: args.participants.clone().unwrap_or_default(),
    })
}

/// At a terminal: flags answer what they can; the rest is asked, step by step.
struct Asker<'c, 'a> {
    catalog: &'c Catalog<'a>,
    lang: Lang,
    w: &'static Words,
    theme: ColorfulTheme,
}

impl<'c, 'a> Asker<'c, 'a> {
    fn new(ctx: &Context, catalog: &'c Catalog<'a>) -> Self {
        Asker {
            catalog,
            lang: ctx.lang,
            w: ctx.lang.words(),
            theme: ColorfulTheme::default(),
        }
    }

    fn ask(&self, args: &PlanArgs) -> Result<PlanSpec> {
        let base = match &args.meeting {
            Some(m) => parse_base(self.catalog, m),
            None => self.base()?,
        };
        let plan::BaseParts {
            items,
            forum: base_forum,
            title: base_title,
        } = plan::base_items(self.catalog, &base).map_err(plan_error)?;
        let (forum, new_forum) = match (&args.forum, &args.new_forum, base_forum.clone()) {
            (None, None, None) => self.forum()?,
            (forum, new_forum, _) => (forum.clone(), new_forum.clone()),
        };
        let title = match &args.title {
            Some(title) => title.clone(),
            None => self.title(&base_title)?,
        };
        let date = match args.date {
            Some(d) => d,
            None => self.date()?,
        };
        let cycle = match forum.as_deref().or(base_forum.as_deref()) {
            Some(forum) if args.cycle.is_empty() => self.cycle(forum, date, &items)?,
            _ => args.cycle.clone(),
        };
        let start = match args.start {
            Some(s) => s,
            None => self.start(&base)?,
        };
        let place = match &args.place {
            Some(place) => place.clone(),
            None => self.place()?,
        };
        let length = match args.length {
            Some(l) => i64::from(l),
            None => self.length(total_minutes(items.iter().map(|i| i.minutes.value)))?,
        };
        let prompts = match &args.prompts {
            Some(list) => list.clone(),
            None => self.prompts(&items)?,
        };
        let the_forum = forum.as_deref().or(base_forum.as_deref());
        let (last_chair, last_taker, last_participants) = match the_forum {
            Some(f) => plan::last_attendance(self.catalog, f),
            None => (None, None, &[][..]),
        };
        // The forum's members on the day, where the data has them: the committee is who is
        // invited, its formand chairs and its sekretær takes the minutes, unless the forum's
        // last meeting says otherwise.
        let members: Vec<&crate::model::Member> = the_forum
            .map(|f| self.catalog.members_on(f, date).collect())
            .unwrap_or_default();
        let with_role = |role: crate::model::Role| {
            members
                .iter()
                .find(|m| m.has_role(role))
                .map(|m| m.name.as_str())
        };
        let chair_default = last_chair
            .or_else(|| with_role(crate::model::Role::Formand))
            .unwrap_or("");
        let taker_default = last_taker
            .or_else(|| with_role(crate::model::Role::Sekretaer))
            .unwrap_or("");
        let participants_default = if members.is_empty() {
            last_participants.join(", ")
        } else {
            members
                .iter()
                .map(|m| m.name.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        };
        let chair = match &args.chair {
            Some(c) => c.clone(),
            None => self.text(self.w.plan_chair, chair_default)?,
        };
        let minute_taker = match &args.minute_taker {
            Some(c) => c.clone(),
            None => self.text(self.w.plan_minute_taker, taker_default)?,
        };
        let participants = match &args.participants {
            Some(p) => p.clone(),
            None => self
                .text(self.w.plan_participants, &participants_default)?
                .split(',')
                .map(|p| p.trim().to_owned())
                .filter(|p| !p.is_empty())
                .collect(),
        };
        let mut spec = PlanSpec {
            base,
            forum,
            new_forum,
            id: args.id.clone(),
            title: Some(title),
            chair: Some(chair),
            minute_taker: Some(minute_taker),
            participants,
            date,
            start,
            place: Some(place),
            length: Some(length),
            prompts: Some(prompts),
            item_minutes: args.item_minutes.clone(),
            cycle,
        };
        if spec.item_minutes.is_none() {
            spec.item_minutes = Some(self.item_minutes(&spec, length)?);
        }
        Ok(spec)
    }

    /// 1. What the meeting starts from.
    fn base(&self) -> Result<Base> {
        let w = self.w;
        let mut choices = vec![(Base::Blank, w.plan_blank.to_owned())];
        for t in &self.catalog.data.programme.templates {
            choices.push((
                Base::Template(t.id.value.clone()),
                format!("{}: {}", w.template, t.title.value),
            ));
        }
        for id in self.catalog.agenda_ids() {
            let title = self
                .catalog
                .meeting(id)
                .map(|m| m.title.value.clone())
                .or_else(|| self.catalog.activity(id).map(|a| a.title.value.clone()))
                .unwrap_or_default();
            choices.push((
                Base::Meeting(id.to_owned()),
                format!("{}: {title}", w.meeting),
            ));
        }
        let labels: Vec<&str> = choices.iter().map(|(_, l)| l.as_str()).collect();
        let i = Select::with_theme(&self.theme)
            .with_prompt(w.plan_base)
            .items(&labels)
            .default(0)
            .interact()?;
        Ok(choices.swap_remove(i).0)
    }

    /// The forum, when the base does not give one: an existing one, or a new LMU.
    fn forum(&self) -> Result<(Option<String>, Option<String>)> {
        let forums = &self.catalog.data.roadmap.forums;
        let mut labels: Vec<String> = forums.iter().map(|f| f.name.value.clone()).collect();
        labels.push(self.w.plan_new_lmu.to_owned());
        let i = Select::with_theme(&self.theme)
            .with_prompt(self.w.plan_which_forum)
            .items(&labels)
            .default(0)
            .interact()?;
        Ok(match forums.get(i) {
            Some(f) => (Some(f.id.value.clone()), None),
            None => (
                None,
                Some(
                    Input::<String>::with_theme(&self.theme)
                        .with_prompt(self.w.plan_lmu_name)
                        .interact_text()?,
                ),
            ),
        })
    }

    /// 2. Date, start, place and length.
    fn date(&self) -> Result<chrono::NaiveDate> {
        Ok(Input::<String>::with_theme(&self.theme)
            .with_prompt(self.w.plan_date)
            .validate_with(|s: &String| crate::cli::parse_day(s).map(|_| ()))
            .interact_text()
            .map(|s| crate::cli::parse_day(&s).unwrap_or_default())?)
    }

    fn start(&self, base: &Base) -> Result<chrono::NaiveTime> {
        let default_start = match base {
            Base::Template(t) => self
                .catalog
                .template(t)
                .and_then(|t| t.start.as_ref())
                .map(|s| s.to_string()),
            _ => None,
        }
        .unwrap_or_else(|| "13:00".to_owned());
        Ok(Input::<String>::with_theme(&self.theme)
            .with_prompt(self.w.plan_start)
            .default(default_start)
            .validate_with(|s: &String| crate::cli::parse_clock(s).map(|_| ()))
            .interact_text()
            .map(|s| crate::cli::parse_clock(&s).unwrap_or_default())?)
    }

    fn title(&self, default: &str) -> Result<String> {
        Ok(Input::<String>::with_theme(&self.theme)
            .with_prompt(self.w.plan_title)
            .default(default.to_owned())
            .validate_with(|s: &String| {
                if s.trim().is_empty() {
                    Err(self.w.plan_title)
                } else {
                    Ok(())
                }
            })
            .interact_text()?)
    }

    /// A free text that may be left empty; `default` (the forum's last) is taken on Enter,
    /// and `-` gives none.
    fn text(&self, prompt: &str, default: &str) -> Result<String> {
        let mut input = Input::<String>::with_theme(&self.theme);
        input = input.with_prompt(prompt).allow_empty(true);
        if !default.is_empty() {
            input = input.default(default.to_owned());
        }
        let answer = input.interact_text()?;
        Ok(if answer.trim() == "-" {
            String::new()
        } else {
            answer
        })
    }

    fn place(&self) -> Result<String> {
        Ok(Input::<String>::with_theme(&self.theme)
            .with_prompt(self.w.place)
            .allow_empty(true)
            .interact_text()?)
    }

    fn length(&self, base_total: i64) -> Result<i64> {
        Ok(Input::<i64>::with_theme(&self.theme)
            .with_prompt(self.w.plan_length)
            .default(base_total)
            .validate_with(|n: &i64| {
                if (1..=1440).contains(n) {
                    Ok(())
                } else {
                    Err("1–1440")
                }
            })
            .interact_text()?)
    }

    /// The tasks of the annual cycle that fall in the meeting's month for its forum, which no
    /// item names yet: picked with a multi-select, all chosen to start with. Not asked when
    /// there are none.
    fn cycle(
        &self,
        forum: &str,
        date: chrono::NaiveDate,
        items: &[crate::model::Located<crate::model::AgendaItem>],
    ) -> Result<Vec<String>> {
        let due = due_tasks(self.catalog, forum, date, items);
        if due.is_empty() {
            return Ok(Vec::new());
        }
        let labels: Vec<String> = due
            .iter()
            .map(|r| self.lang.prefer(&r.title, r.title_en.as_deref()).to_owned())
            .collect();
        let chosen = MultiSelect::with_theme(&self.theme)
            .with_prompt(self.w.plan_pick_cycle)
            .items(&labels)
            .defaults(&vec![true; due.len()])
            .interact()?;
        Ok(chosen
            .into_iter()
            .map(|i| due[i].id.value.clone())
            .collect())
    }

    /// 3. Prompts: pick with a multi-select, then order.
    fn prompts(
        &self,
        items: &[crate::model::Located<crate::model::AgendaItem>],
    ) -> Result<Vec<String>> {
        let catalog = self.catalog;
        let all = &catalog.data.findings.prompts;
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
                    .map(|t| catalog.theme_title(t, self.lang))
                    .unwrap_or_default();
                let source = pr
                    .sources
                    .first()
                    .and_then(|s| catalog.finding(s))
                    .and_then(|f| catalog.section(&f.section))
                    .map_or("", |s| s.title.as_str());
                format!("{}  — {theme} · {source}", prompt_text(pr, self.lang))
            })
            .collect();
        let defaults: Vec<bool> = all
            .iter()
            .map(|pr| preselected.contains(&pr.id.as_str()))
            .collect();
        let chosen = MultiSelect::with_theme(&self.theme)
            .with_prompt(self.w.plan_pick_prompts)
            .items(&labels)
            .defaults(&defaults)
            .max_length(12)
            .interact()?;
        let ids: Vec<String> = chosen.iter().map(|&i| all[i].id.value.clone()).collect();
        if ids.len() < 2 {
            return Ok(ids);
        }
        let chosen_labels: Vec<&str> = chosen.iter().map(|&i| labels[i].as_str()).collect();
        let order = Sort::with_theme(&self.theme)
            .with_prompt(self.w.plan_order)
            .items(&chosen_labels)
            .interact()?;
        Ok(order.into_iter().map(|i| ids[i].clone()).collect())
    }

    /// 4. Minutes per item, with a running total against the length.
    fn item_minutes(&self, spec: &PlanSpec, length: i64) -> Result<Vec<i64>> {
        let w = self.w;
        let planned = plan::plan(self.catalog, spec).map_err(plan_error)?;
        let items = planned
            .meetings
            .first()
            .map(|m| m.items.as_slice())
            .unwrap_or_default();
        let mut minutes = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let so_far = total_minutes(minutes.iter().copied());
            let rest = total_minutes(items[i + 1..].iter().map(|x| x.minutes.value));
            let m = Input::<i64>::with_theme(&self.theme)
                .with_prompt(format!(
                    "{}. {} ({} {} {} {length} min)",
                    i + 1,
                    item.title.value,
                    w.plan_total,
                    total_minutes([so_far, item.minutes.value, rest]),
                    w.plan_of
                ))
                .default(item.minutes.value)
                .validate_with(|n: &i64| if *n >= 1 { Ok(()) } else { Err("≥ 1") })
                .interact_text()?;
            minutes.push(m);
        }
        Ok(minutes)
    }
}

/// 5. Shows the planned meeting's agenda and asks whether to save it.
fn confirm(ctx: &Context, loaded: &Loaded, file: &LocalFile) -> Result<()> {
    let mut data = loaded.dataset.clone();
    data.roadmap.forums.extend(file.forums.clone());
    data.programme.meetings.extend(file.meetings.clone());
    let catalog = Catalog::new(&data);
    let id = file
        .meetings
        .first()
        .map(|m| m.id.value.clone())
        .unwrap_or_default();
    let agenda = agenda::agenda(&catalog, &id, ctx.lang, AgendaOptions::default())
        .map_err(|e| Failure::operation(e.to_string(), "change the plan"))?;
    let mut text = Vec::new();
    ctx.render(
        &ctx.renderer(false)?,
        &Document::Agenda(&agenda),
        Format::Txt,
        &mut text,
    )?;
    eprintln!("\n{}", String::from_utf8_lossy(&text));
    if !Confirm::with_theme(&ColorfulTheme::default())
        .with_prompt(ctx.lang.words().plan_save)
        .default(true)
        .interact()?
    {
        return Err(Failure::operation("not saved", "nothing was written").into());
    }
    Ok(())
}

/// The tasks of the annual cycle that fall in `date`'s month for `forum` and that none of
/// `items` names.
fn due_tasks<'a>(
    catalog: &Catalog<'a>,
    forum: &str,
    date: chrono::NaiveDate,
    items: &[crate::model::Located<crate::model::AgendaItem>],
) -> Vec<&'a crate::model::Rule> {
    use chrono::Datelike;
    let Some(forum) = catalog.forum(forum) else {
        return Vec::new();
    };
    crate::report::cycle::rules_in_month(catalog, forum, date.year(), date.month())
        .into_iter()
        .filter(|r| {
            !items.iter().any(|i| {
                i.cycle
                    .as_ref()
                    .is_some_and(|c| c.as_str() == r.id.as_str())
            })
        })
        .collect()
}

/// Without a terminal, the tasks of the month that the plan leaves out are named, with the
/// flag that adds them.
fn cycle_note(catalog: &Catalog<'_>, file: &LocalFile) {
    let Some(meeting) = file.meetings.first() else {
        return;
    };
    let (Some(forum), Some(day)) = (meeting.forum_id(), meeting.date.day()) else {
        return;
    };
    let due = due_tasks(catalog, forum, day, &meeting.items);
    if due.is_empty() {
        return;
    }
    let names: Vec<String> = due
        .iter()
        .map(|r| format!("`{}` ({})", r.id.value, r.title.value))
        .collect();
    let ids: Vec<&str> = due.iter().map(|r| r.id.as_str()).collect();
    eprintln!(
        "note: the annual cycle has {} for {forum} in the meeting's month: {}; add {} with --cycle {}",
        if due.len() == 1 { "a task" } else { "tasks" },
        names.join(", "),
        if due.len() == 1 { "it" } else { "them" },
        ids.join(",")
    );
}

fn plan_error(e: PlanError) -> anyhow::Error {
    let help = match &e {
        PlanError::UnknownBase(_) => {
            "give a meeting, roadmap meeting or template id, or `blank`; `medtrio list meetings` shows them"
        }
        PlanError::UnknownForum(_) => "give a forum id from the data, or --new-forum \"LMU Navn\"",
        PlanError::ProgrammeBase(_) => {
            "start from a committee's meeting or template, or from `blank`, the usual LMU agenda"
        }
        PlanError::UnknownPrompt(_) => "`medtrio list prompts` shows the prompt ids",
        PlanError::UnknownCycleTask(_) => {
            "`medtrio cycle` shows the tasks; their ids are in cycle.yaml"
        }
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
    file: &LocalFile,
    interactive: bool,
) -> Result<()> {
    let id = file
        .meetings
        .first()
        .map(|m| m.id.value.clone())
        .unwrap_or_default();
    let data_dir: PathBuf = match &ctx.source {
        DataSource::Dir(dir) => dir.clone(),
        DataSource::Bundled => PathBuf::from(DEFAULT_DATA_DIR),
    };
    let path = args
        .out
        .clone()
        .unwrap_or_else(|| data_dir.join(LOCAL_DIR).join(format!("{id}.yaml")));
    if args.out.is_none() {
        crate::cmd::write::refuse_outside(&data_dir, &path)?;
    }
    let rest = loaded.without_file(&path);
    plan::check_ids_free(&Catalog::new(&rest.dataset), file).map_err(plan_error)?;
    let yaml = plan::to_yaml(file, &data_dir.display().to_string())
        .map_err(|e| Failure::operation(e, "this is a bug in medtrio"))?;
    check_valid(ctx, &path, &yaml)?;
    let mut force = args.force;
    if path.exists() && !force && interactive {
        force = Confirm::with_theme(&ColorfulTheme::default())
            .with_prompt(format!(
                "`{}` {}",
                path.display(),
                ctx.lang.words().plan_overwrite
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
    write_file(&path, yaml.as_bytes(), force)?;
    eprintln!(
        "wrote {}; render it with: medtrio --data {} agenda {id}",
        path.display(),
        data_dir.display()
    );
    Ok(())
}

/// Checks the data as it will be with the planned file at `path`, by the write seat
/// (`checked::load_edited`): what `plan` writes always loads. (Its own checks missed some: a
/// meeting that ends at midnight got `end: 00:00`, and one that ends in the hour the clocks
/// skip got an end that does not exist.) The problems are shown as `validate` shows them,
/// located in the file that would be written, and nothing is written.
fn check_valid(ctx: &Context, path: &Path, yaml: &str) -> Result<()> {
    let edit = Edit {
        path: path.to_path_buf(),
        text: yaml.to_owned(),
    };
    // The rest of the data validated when it was loaded: any error now is the plan's.
    let problems: Vec<_> = match crate::checked::load_edited(&ctx.source, &edit, ctx.today) {
        Ok(_) => return Ok(()),
        Err(problems) => problems.into_iter().filter(|d| d.is_error()).collect(),
    };
    print_diagnostics(&problems);
    Err(Failure::usage_with_help(
        "the planned meeting would not validate with the data, so nothing was written",
        "the lines above are of the file plan would have written; change the flags they come from",
    )
    .into())
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
