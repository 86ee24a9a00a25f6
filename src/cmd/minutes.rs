//! `medtrio minutes ID`: writes a meeting's minutes to fill in (`DATA/minutes/ID.yaml`, never
//! over an existing file), asking at a terminal for what the flags do not answer; or, with
//! `--format` or `-o`, prints the referat.

use std::io::{IsTerminal, Write};

use anyhow::Result;
use dialoguer::theme::ColorfulTheme;
use dialoguer::{Confirm, Input};

use crate::cli::{MinutesAnswers, MinutesArgs};
use crate::cmd::write::{self, Change};
use crate::cmd::{Context, agenda_error, output, unknown_id};
use crate::error::Failure;
use crate::lang::Words;
use crate::load::{DataSource, MINUTES_DIR};
use crate::model::{Catalog, ItemType, When, same_name};
use crate::render::Document;
use crate::report::agenda::{self, Agenda, AgendaOptions};
use crate::report::attendance::Roll;
use crate::report::minutes::{self, Answers, NewAction, ReferatError};

pub fn run(ctx: &Context, args: &MinutesArgs, out: &mut dyn Write) -> Result<()> {
    if args.doc.format.is_some() || args.doc.output.is_some() {
        if let Some(flag) = args.answers.given().first() {
            return Err(Failure::usage_with_help(
                format!(
                    "{flag} is an answer for writing the minutes, not for printing the referat"
                ),
                "leave out --format and -o to write DATA/minutes/ID.yaml, or leave out the answers",
            )
            .into());
        }
        return referat(ctx, args, out);
    }
    ctx.refuse_public("minutes ID")?;
    write(ctx, args, out)
}

/// Prints the referat in the format asked for.
fn referat(ctx: &Context, args: &MinutesArgs, out: &mut dyn Write) -> Result<()> {
    let output = output::Request::doc(&args.doc, "referat").open()?;
    let loaded = ctx.load_checked()?;
    let catalog = Catalog::new(&loaded.dataset);
    let referat = minutes::referat(&catalog, &args.id, ctx.lang).map_err(|e| match e {
        ReferatError::Agenda(e) => agenda_error(&catalog, &args.id, e),
        e @ ReferatError::NoMinutes(_) => Failure::operation(
            e.to_string(),
            format!(
                "`medtrio --data DIR minutes {}` writes them to fill in",
                args.id
            ),
        )
        .into(),
    })?;
    let renderer = ctx.renderer(false)?;
    output.write(ctx, &renderer, &Document::Referat(&referat), out)
}

/// Writes `DATA/minutes/ID.yaml` from the agenda and the answers; with `--print`, to `out`.
fn write(ctx: &Context, args: &MinutesArgs, out: &mut dyn Write) -> Result<()> {
    let dir = match &ctx.source {
        DataSource::Dir(dir) => Some(dir),
        DataSource::Bundled if args.print => None,
        DataSource::Bundled => {
            return Err(Failure::usage_with_help(
                "minutes are written into a data folder, and the bundled data is none",
                "give --data DIR (or MEDTRIO_DATA); `medtrio init DIR` makes a new data folder",
            )
            .into());
        }
    };
    let loaded = ctx.load_checked()?;
    let catalog = Catalog::new(&loaded.dataset);
    let id = args.id.as_str();
    if catalog.kind_of(id).is_none() {
        return Err(unknown_id(id, &catalog.agenda_ids()).into());
    }
    let options = AgendaOptions {
        today: Some(ctx.today),
        ..AgendaOptions::default()
    };
    let agenda = agenda::agenda(&catalog, id, ctx.lang, options)
        .map_err(|e| agenda_error(&catalog, id, e))?;
    let path = dir.map(|d| d.join(MINUTES_DIR).join(format!("{id}.yaml")));
    let (Some(dir), Some(path)) = (dir, path.filter(|_| !args.print)) else {
        let answers = from_flags(&catalog, &agenda, &args.answers)?;
        out.write_all(minutes::skeleton(&agenda, &answers, ctx.lang).as_bytes())?;
        return Ok(());
    };
    // A meeting is held when its day has come, or when --held says so; minutes written
    // before are prepared, and leave it as it is.
    let day = catalog.date_of(id).days().map(|(first, _)| first);
    let held = args.answers.held.is_some() || day.is_some_and(|d| d <= ctx.today);
    let freeze = |changes: &mut Vec<Change>| -> Result<bool> {
        let issuable = catalog.meeting(id).is_some_and(|m| m.issued.is_none())
            && write::meeting_file(&loaded, id).is_some();
        if held && issuable {
            changes.push(write::freeze(&loaded, &catalog, id, ctx.today)?);
            return Ok(true);
        }
        Ok(false)
    };
    let shown = dir.display();
    let print_hint =
        format!("print the referat with: medtrio --data {shown} minutes {id} --format txt");
    if catalog.minutes_of(id).is_some() {
        // As the file says: prepared minutes filled in after the day count as held already.
        let prepared = std::fs::read_to_string(&path)
            .ok()
            .and_then(|text| {
                crate::load::parse::<crate::model::Minutes>(&path.display().to_string(), &text).ok()
            })
            .is_some_and(|m| m.is_prepared());
        if prepared && held {
            return record_held(ctx, args, &catalog, &path, freeze, &print_hint, out);
        }
        return Err(Failure::operation(
            format!("`{}` already exists", path.display()),
            format!(
                "medtrio never overwrites minutes: edit the file, or print the referat with `medtrio --data {shown} minutes {id} --format txt`"
            ),
        )
        .into());
    }
    if path.exists() {
        return Err(Failure::operation(
            format!("`{}` already exists", path.display()),
            format!(
                "medtrio never overwrites minutes: edit the file, or print the referat with `medtrio --data {shown} minutes {id} --format txt`"
            ),
        )
        .into());
    }
    let mut answers = from_flags(&catalog, &agenda, &args.answers)?;
    let interactive = std::io::stdin().is_terminal() && std::io::stderr().is_terminal();
    if interactive && held {
        Asker::new(ctx.lang.words())
            .ask(&catalog, &agenda, &args.answers, &mut answers)
            .map_err(cancelled)?;
    }
    let mut text = minutes::skeleton(&agenda, &answers, ctx.lang);
    if !held {
        text = text.replacen("\nstatus: draft\n", "\nstatus: prepared\n", 1);
    }
    let mut changes = Vec::new();
    let frozen = freeze(&mut changes)?;
    // The agenda is frozen first: should the minutes then fail to be written, it stands as
    // issued, and nothing renumbers it.
    changes.push(Change {
        path: path.clone(),
        before: None,
        after: text,
    });
    let what = match (held, frozen) {
        (false, _) => format!(
            "wrote {}, prepared for `{id}` ({}): the meeting is not held until its day has come and the minutes are filled in (or --held is given)",
            path.display(),
            catalog.date_of(id)
        ),
        (true, true) => format!(
            "wrote {}, and the agenda of `{id}` stands as issued; fill it in, then {print_hint}",
            path.display()
        ),
        (true, false) => format!("wrote {}; fill it in, then {print_hint}", path.display()),
    };
    if !args.dry_run {
        std::fs::create_dir_all(dir.join(MINUTES_DIR)).map_err(|e| {
            Failure::operation(
                format!("cannot create `{}`: {e}", dir.join(MINUTES_DIR).display()),
                "check the folder's permissions",
            )
        })?;
    }
    write::apply(ctx, &changes, &what, args.dry_run, out)
}

/// Prepared minutes of a meeting whose day has come (or with --held): they become the
/// draft, and the meeting is held.
fn record_held(
    ctx: &Context,
    args: &MinutesArgs,
    catalog: &Catalog<'_>,
    path: &std::path::Path,
    freeze: impl Fn(&mut Vec<Change>) -> Result<bool>,
    print_hint: &str,
    out: &mut dyn Write,
) -> Result<()> {
    let id = args.id.as_str();
    let before = write::read(path)?;
    let file = crate::edit::Edit::parse(&path.display().to_string(), &before)
        .map_err(write::edit_error)?;
    let root = file.root().map_err(write::edit_error)?;
    root.set("status", &crate::edit::Value::plain("draft"), &["meeting"]);
    if let Some(day) = args.answers.held
        && catalog.date_of(id).day() != Some(day)
    {
        let when = When::At(crate::model::Period::Day(day));
        root.set(
            "held",
            &crate::edit::Value::Map(vec![("date".into(), crate::edit::when(&when))]),
            &["status"],
        );
    }
    let mut changes = Vec::new();
    let frozen = freeze(&mut changes)?;
    changes.push(Change {
        path: path.to_owned(),
        before: Some(before),
        after: file.text(),
    });
    let what = format!(
        "{}: the minutes of `{id}` are a draft now, and the meeting is held{}; {print_hint}",
        path.display(),
        if frozen {
            "; its agenda stands as issued"
        } else {
            ""
        }
    );
    write::apply(ctx, &changes, &what, args.dry_run, out)
}

/// Ctrl-C at a question leaves no file.
fn cancelled(e: anyhow::Error) -> anyhow::Error {
    match e.downcast_ref::<dialoguer::Error>() {
        Some(dialoguer::Error::IO(io)) if io.kind() == std::io::ErrorKind::Interrupted => {
            let _ = dialoguer::console::Term::stderr().show_cursor();
            Failure::operation("cancelled", "nothing was written").into()
        }
        _ => e,
    }
}

/// The answers the flags give, each checked against the agenda.
fn from_flags(catalog: &Catalog<'_>, agenda: &Agenda, flags: &MinutesAnswers) -> Result<Answers> {
    let mut answers = Answers {
        held: flags.held,
        present: flags.present.clone(),
        apologies: flags.apologies.clone(),
        chair: flags.chair.clone(),
        minute_taker: flags.minute_taker.clone(),
        ..Answers::default()
    };
    if let Some(roll) = roll_of(catalog, agenda, flags) {
        let lists = [
            ("--present", &answers.present),
            ("--apologies", &answers.apologies),
        ];
        for (flag, names) in lists {
            for name in names.iter().flatten() {
                roll.check(name).map_err(|unknown| {
                    Failure::usage_with_help(format!("{flag}: {}", unknown.message), unknown.help)
                })?;
            }
        }
    }
    for written in &flags.outcome {
        let parsed = written
            .split_once('=')
            .and_then(|(n, text)| Some((n.trim().parse::<usize>().ok()?, text.trim())));
        let Some((number, text)) = parsed else {
            return Err(Failure::usage_with_help(
                format!("--outcome `{written}` is not N=TEXT"),
                "give the item's number and what it came to, e.g. --outcome \"3=LMU prøver pausevagter i april\"",
            )
            .into());
        };
        check_item("--outcome", agenda, number)?;
        answers.outcomes.push((number, text.to_owned()));
    }
    let mut parsed = Vec::new();
    for written in &flags.action {
        parsed.push(parse_action(written, agenda)?);
    }
    let ids = new_ids(catalog, &agenda.id, parsed.len());
    answers.actions = parsed
        .into_iter()
        .zip(ids)
        .map(|((text, owner, due, item), id)| NewAction {
            id,
            text,
            owner,
            due,
            item,
        })
        .collect();
    Ok(answers)
}

/// The members expected at the meeting, on the day --held gives or its planned day: the
/// names given for it must be theirs. `None` when there are no members to check against.
fn roll_of<'a>(catalog: &Catalog<'a>, agenda: &Agenda, flags: &MinutesAnswers) -> Option<Roll<'a>> {
    let day = flags.held.or_else(|| catalog.date_of(&agenda.id).day());
    Roll::of(catalog, &agenda.id, day)
}

/// `WHAT;WHO;DUE[;ITEM]`.
fn parse_action(written: &str, agenda: &Agenda) -> Result<(String, String, When, Option<usize>)> {
    let bad = |why: String| -> anyhow::Error {
        Failure::usage_with_help(
            format!("--action `{written}`: {why}"),
            "write what, who, by when and, optionally, the item, split by `;`, e.g. --action \"Lav en plan for pausevagter;AMR;2026-04;3\"",
        )
        .into()
    };
    let parts: Vec<&str> = written.split(';').map(str::trim).collect();
    let (what, who, due, item) = match parts.as_slice() {
        [what, who, due] => (*what, *who, *due, None),
        [what, who, due, item] => (*what, *who, *due, Some(*item)),
        _ => return Err(bad(format!("has {} parts, not 3 or 4", parts.len()))),
    };
    if what.is_empty() {
        return Err(bad("says nothing of what is to be done".into()));
    }
    if who.is_empty() {
        return Err(bad("has no owner".into()));
    }
    let due: When = due
        .parse()
        .map_err(|e: crate::model::when::DateError| bad(e.message(due)))?;
    let item = match item {
        None => None,
        Some(n) => {
            let number = n
                .parse::<usize>()
                .map_err(|_| bad(format!("`{n}` is not an item number")))?;
            check_item("--action", agenda, number)?;
            Some(number)
        }
    };
    Ok((what.to_owned(), who.to_owned(), due, item))
}

fn check_item(flag: &str, agenda: &Agenda, number: usize) -> Result<()> {
    let items = agenda.items.iter().filter(|i| i.number.is_some()).count();
    if number == 0 || number > items {
        return Err(Failure::usage_with_help(
            format!(
                "{flag}: item {number} is not on the agenda of `{}`, which has {} items",
                agenda.id, items
            ),
            format!("`medtrio agenda {}` shows the items by number", agenda.id),
        )
        .into());
    }
    Ok(())
}

/// New action point ids that no id of the data has.
fn new_ids(catalog: &Catalog<'_>, meeting: &str, count: usize) -> Vec<String> {
    minutes::new_action_ids(meeting, count, |id| catalog.kind_of(id).is_some())
}

/// At a terminal: walks the items, asking what each came to and its action points.
struct Asker {
    w: &'static Words,
    theme: ColorfulTheme,
}

impl Asker {
    fn new(w: &'static Words) -> Self {
        Asker {
            w,
            theme: ColorfulTheme::default(),
        }
    }

    fn ask(
        &self,
        catalog: &Catalog<'_>,
        agenda: &Agenda,
        flags: &MinutesAnswers,
        answers: &mut Answers,
    ) -> Result<()> {
        let w = self.w;
        if !Confirm::with_theme(&self.theme)
            .with_prompt(w.minutes_fill_now)
            .default(true)
            .interact()?
        {
            return Ok(());
        }
        let roll = roll_of(catalog, agenda, flags);
        if flags.present.is_none() {
            // Without planned participants, the members are offered, less the apologies.
            let offered: Vec<String> = match &roll {
                Some(roll) if agenda.participants.is_empty() => roll
                    .members
                    .iter()
                    .map(|m| m.name.value.clone())
                    .filter(|n| !agenda.apologies.iter().any(|a| same_name(a, n)))
                    .collect(),
                _ => agenda.participants.clone(),
            };
            answers.present = Some(self.names(w.present, &offered, roll.as_ref())?);
        }
        if flags.apologies.is_none() {
            answers.apologies = Some(self.names(w.apologies, &agenda.apologies, roll.as_ref())?);
        }
        let mut actions: Vec<(String, String, When, Option<usize>)> = Vec::new();
        for (number, item) in agenda.items.iter().filter_map(|i| Some((i.number?, i))) {
            eprintln!("\n{number}. {}", item.title);
            if let Some(r) = &item.recommendation {
                eprintln!("   {r}");
            }
            if !answers.outcomes.iter().any(|(n, _)| *n == number) {
                let label = match item.kind {
                    Some(ItemType::Beslutning) => w.decision,
                    Some(ItemType::Orientering) => w.note,
                    _ => w.conclusion,
                };
                let text: String = Input::with_theme(&self.theme)
                    .with_prompt(label)
                    .allow_empty(true)
                    .interact_text()?;
                if !text.trim().is_empty() {
                    answers.outcomes.push((number, text.trim().to_owned()));
                }
            }
            if flags.action.is_empty() {
                self.actions(number, &mut actions)?;
            }
        }
        let ids = new_ids(catalog, &agenda.id, answers.actions.len() + actions.len());
        let fresh = ids.into_iter().skip(answers.actions.len());
        answers.actions.extend(actions.into_iter().zip(fresh).map(
            |((text, owner, due, item), id)| NewAction {
                id,
                text,
                owner,
                due,
                item,
            },
        ));
        self.summary(agenda, answers);
        if !Confirm::with_theme(&self.theme)
            .with_prompt(w.minutes_save)
            .default(true)
            .interact()?
        {
            return Err(Failure::operation("not saved", "nothing was written").into());
        }
        Ok(())
    }

    /// What will be saved, to review before saying yes.
    fn summary(&self, agenda: &Agenda, answers: &Answers) {
        let w = self.w;
        let list = |names: &Option<Vec<String>>| match names {
            Some(n) if !n.is_empty() => n.join(", "),
            _ => "–".to_owned(),
        };
        eprintln!("\n{}:", w.minutes_summary);
        eprintln!("  {}: {}", w.present, list(&answers.present));
        eprintln!("  {}: {}", w.apologies, list(&answers.apologies));
        for (number, item) in agenda.items.iter().filter_map(|i| Some((i.number?, i))) {
            let said = answers
                .outcomes
                .iter()
                .find(|(n, _)| *n == number)
                .map_or(w.minutes_no_outcome, |(_, t)| t.as_str());
            eprintln!("  {number}. {}: {said}", item.title);
            for a in answers.actions.iter().filter(|a| a.item == Some(number)) {
                eprintln!("     - {} · {} · {}", a.text, a.owner, a.due);
            }
        }
    }

    /// A list of names, the planned ones to start from, edited as a line (Ctrl-U clears
    /// it, as in a shell); a name given twice, or one not on the roll, is asked again.
    fn names(
        &self,
        prompt: &str,
        planned: &[String],
        roll: Option<&Roll<'_>>,
    ) -> Result<Vec<String>> {
        let mut editor = rustyline::DefaultEditor::new()?;
        let mut initial = planned.join(", ");
        loop {
            let line = match editor.readline_with_initial(
                &format!("{prompt} {}: ", self.w.minutes_names_hint),
                (&initial, ""),
            ) {
                Ok(line) => line,
                Err(rustyline::error::ReadlineError::Interrupted) => {
                    return Err(dialoguer::Error::IO(std::io::Error::from(
                        std::io::ErrorKind::Interrupted,
                    ))
                    .into());
                }
                Err(rustyline::error::ReadlineError::Eof) => String::new(),
                Err(e) => return Err(e.into()),
            };
            let names: Vec<String> = line
                .split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect();
            let twice = names.iter().enumerate().find(|(i, n)| {
                names[..*i]
                    .iter()
                    .any(|m| m.to_lowercase() == n.to_lowercase())
            });
            let unknown = roll.and_then(|roll| {
                let name = names.iter().find(|n| roll.find(n).is_none())?;
                let near =
                    crate::diagnostic::nearest(name, roll.members.iter().map(|m| m.name.as_str()));
                Some((name, roll.forum, near))
            });
            match (twice, unknown) {
                (Some((_, name)), _) => {
                    eprintln!("`{name}` {}", self.w.minutes_name_twice);
                    initial = line;
                }
                (None, Some((name, forum, near))) => {
                    let near = near
                        .map(|n| format!(" – {} `{n}`?", self.w.minutes_did_you_mean))
                        .unwrap_or_default();
                    eprintln!("`{name}` {} `{forum}`{near}", self.w.minutes_name_unknown);
                    initial = line;
                }
                (None, None) => return Ok(names),
            }
        }
    }

    /// The action points of item `number`, until an empty one.
    fn actions(
        &self,
        number: usize,
        out: &mut Vec<(String, String, When, Option<usize>)>,
    ) -> Result<()> {
        let w = self.w;
        loop {
            let what: String = Input::with_theme(&self.theme)
                .with_prompt(w.minutes_action_what)
                .allow_empty(true)
                .interact_text()?;
            if what.trim().is_empty() {
                return Ok(());
            }
            let who: String = Input::with_theme(&self.theme)
                .with_prompt(w.who)
                .validate_with(|s: &String| {
                    if s.trim().is_empty() {
                        Err("?")
                    } else {
                        Ok(())
                    }
                })
                .interact_text()?;
            let due: String = Input::with_theme(&self.theme)
                .with_prompt(w.minutes_action_due)
                .allow_empty(true)
                .validate_with(|s: &String| s.parse::<When>().map(|_| ()).map_err(|e| e.explain(s)))
                .interact_text()?;
            out.push((
                what.trim().to_owned(),
                who.trim().to_owned(),
                due.parse().unwrap_or_default(),
                Some(number),
            ));
        }
    }
}
