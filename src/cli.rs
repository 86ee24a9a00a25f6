//! The command line, as clap derive types. Help texts live in the doc comments.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::lang::Lang;
use crate::model::{Audience, Kind, Level, Status};
use crate::query::Filters;
use crate::render::{Format, offered};

/// Agendas, roadmaps and dialogue prompts for MED work.
///
/// medtrio reads a programme of theme meetings, a roadmap by quarter and forum, and the
/// findings of a workshop, and turns them into lists, agendas and dialogue prompts.
/// Without --data it uses the bundled data: HovedMED's programme "Indflydelse i arbejdet"
/// and the summary of the HU theme day on styrket aktørskab.
#[derive(Debug, Parser)]
#[command(
    name = "medtrio",
    version,
    propagate_version = true,
    max_term_width = 100
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// Read the data folder DIR (programme.yaml, roadmap.yaml, findings.yaml; local/, minutes/, cycle.yaml and members.yaml when there). Without it, medtrio reads the nearest folder from the current one up that holds a programme.yaml, and the bundled data when there is none
    #[arg(long, global = true, env = "MEDTRIO_DATA", value_name = "DIR")]
    pub data: Option<PathBuf>,

    /// Language of labels, dates and rendered documents
    #[arg(long, global = true, value_enum, default_value_t = Lang::Da)]
    pub lang: Lang,

    /// Take this day as today, for "upcoming" and "overdue" [default: the system date]
    #[arg(long, global = true, env = "MEDTRIO_TODAY", value_name = "YYYY-MM-DD", value_parser = parse_day)]
    pub today: Option<NaiveDate>,

    /// Read HTML templates (agenda.html, base.html, style.css, …) and the PDF layout
    /// (document.typ) from DIR first
    #[arg(long, global = true, value_name = "DIR")]
    pub templates: Option<PathBuf>,

    /// Write Word files in the styles, fonts, header and footer of this .docx or .dotx
    #[arg(long, global = true, value_name = "FILE")]
    pub reference_docx: Option<PathBuf>,

    /// Parse the data even when the cache holds it, and store nothing in the cache
    #[arg(long, global = true, env = "MEDTRIO_NO_CACHE", value_parser = clap::builder::FalseyValueParser::new())]
    pub no_cache: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check the data: ids, references, dates, times, minutes, links and titles
    ///
    /// Prints every problem as `file:line:col: error: message`, then a summary.
    /// Exits 0 when the data is clean, 1 when it has problems.
    ///
    /// Example: medtrio --data ./data validate --format github
    Validate(ValidateArgs),

    /// List meetings, roadmap activities, findings or prompts, filtered
    ///
    /// Filters combine with AND. A filter that does not apply to the kind listed, such as
    /// --audience on the roadmap, is an error.
    ///
    /// Examples:
    ///   medtrio list roadmap --quarter 2026-Q1
    ///   medtrio list roadmap --forum "sundhed og omsorg" --format json
    ///   medtrio list prompts --audience tr --format csv --excel > spørgsmål.csv
    #[command(verbatim_doc_comment)]
    List(ListArgs),

    /// Show one meeting, activity, finding, prompt, theme or forum, with its links
    ///
    /// For a finding, the prompts that come from it; for a prompt, its source findings;
    /// for a meeting, its themes, agenda items and prompts.
    ///
    /// Example: medtrio show p-aktoerskab-for-os
    Show(ShowArgs),

    /// Compare two data folders by id: what was added, removed and changed
    ///
    /// Lists new dates, places, cancellations and every other changed field. Exits 0 when
    /// nothing changed and 1 when something did, as diff(1) does. The Markdown output is
    /// ready to paste into a newsletter such as Ugens Lederopgave.
    ///
    /// Example: medtrio diff sidste-udsendelse/ data/ --format md
    Diff(DiffArgs),

    /// Print the agenda of a temamøde, meeting or roadmap dialogue meeting
    ///
    /// Built from the meeting's own items, or from its template. Time slots are computed
    /// from the start time and the minutes of the items before. With -o, the format comes
    /// from the file's extension, and an existing file is kept unless --force is given.
    ///
    /// Examples:
    ///   medtrio agenda temamoede-1
    ///   medtrio agenda dialog-omu-sundhed --format html -o dagsorden.html
    ///   medtrio agenda dialog-omu-sundhed --start 09:00 --minutes 90
    #[command(verbatim_doc_comment)]
    Agenda(AgendaArgs),

    /// Write an iCalendar (.ics) file of every meeting with an exact date and time
    ///
    /// Takes the same filters as `list meetings`. Times are written in UTC, converted from
    /// Europe/Copenhagen. Each event's UID comes from the meeting's id, so that importing
    /// again updates rather than duplicates. Meetings without a date and time are left out
    /// and counted on stderr.
    ///
    /// Example: medtrio calendar --upcoming -o temamoeder.ics
    Calendar(CalendarArgs),

    /// Write every agenda, the calendar, the lists, the prompts and an index page to DIR
    ///
    /// For CI: agendas as md and html, calendar.ics, the lists as json and csv, prompts.md,
    /// and index.html with the roadmap as a timeline. Two runs on the same data give
    /// identical files. A non-empty DIR is refused without --force; with --force, only the
    /// files an earlier export wrote are replaced. Exits 1 if the data does not validate.
    ///
    /// Example: medtrio export --out site
    Export(ExportArgs),

    /// Pick dialogue prompts, each shown with the finding it comes from
    ///
    /// Takes the shared filters (--theme, --audience, --level, --search). --count N picks N
    /// prompts balanced across themes; --seed S makes the pick the same every time.
    /// --format cards writes an HTML sheet of cut-out cards for A4.
    ///
    /// Examples:
    ///   medtrio prompts --audience tr --count 5 --seed 7
    ///   medtrio prompts --theme roller --format cards -o kort.html
    #[command(verbatim_doc_comment)]
    Prompts(PromptsArgs),

    /// A one-page prep sheet for the MED-trio: findings, barriers and prompts for a meeting or theme
    ///
    /// The purpose, what gives meaning, what to watch out for, the open questions, the
    /// barriers with the question to ask about each, 3–5 prompts, what success looks like,
    /// and trial actions from "Vejen videre".
    ///
    /// Examples:
    ///   medtrio prep roller
    ///   medtrio prep dialog-omu-sundhed -o forberedelse.html
    #[command(verbatim_doc_comment)]
    Prep(PrepArgs),

    /// Write a meeting's minutes to fill in, or print its referat
    ///
    /// Without --format or -o, writes DATA/minutes/ID.yaml from the meeting's agenda: every
    /// item with an empty decision or conclusion and its recommendation as a comment, and the
    /// planned participants. It never overwrites; --print shows what it would write. At a terminal it can walk the items and ask
    /// for each outcome and the action points; every answer also has a flag. With --format
    /// or -o, it prints the referat: the header, each item with "Beslutning:" or
    /// "Konklusion:" and its action points, and a draft mark until a later meeting approves it.
    ///
    /// Examples:
    ///   medtrio --data mine minutes lmu-april
    ///   medtrio --data mine minutes lmu-april --present Leder,TR,AMR \
    ///       --outcome "3=LMU prøver pausevagter i april" --action "Lav en plan;AMR;2026-04;3"
    ///   medtrio --data mine minutes lmu-april --format html -o referat.html
    #[command(verbatim_doc_comment)]
    Minutes(MinutesArgs),

    /// List the action points of every referat: what, who, by when, and where each stands
    ///
    /// Takes the shared filters where they apply: --forum, --level and --theme go by the
    /// meeting; --from, --to, --quarter, --week, --upcoming and --overdue by the due date
    /// (--overdue: open and due before --today); --search in the text, the owner and the
    /// meeting. --owner, --open and --done are the action points' own.
    ///
    /// Examples:
    ///   medtrio --data mine actions --open
    ///   medtrio --data mine actions --overdue --owner amr
    ///   medtrio --data mine actions --format csv --excel > handlingspunkter.csv
    ///
    /// With done, drop or move, changes one action point in its referat's file, keeping the
    /// rest of the file as it is; the data must validate with the change, or nothing is
    /// written.
    ///   medtrio --data mine actions done april-stoej --on 2026-11-30
    ///   medtrio --data mine actions drop marts-ugeplan --why "Erstattet af APV-handleplanen"
    ///   medtrio --data mine actions move marts-ugeplan --due 2027-01
    #[command(verbatim_doc_comment)]
    Actions(ActionsArgs),

    /// Record that a meeting's referat was approved: at a later meeting, or in writing
    ///
    /// At a meeting ("godkendt på mødet den …", --at MEETING2, on that meeting's day unless
    /// --on says otherwise) or in writing ("godkendt skriftligt den …", --in-writing, on
    /// --on or today), e.g. by mail once the deadline for objections has passed. Changes
    /// `status:` and `approved:` in DATA/minutes/MEETING.yaml; nothing else in the file.
    ///
    /// Examples:
    ///   medtrio --data mine approve lmu-april --at lmu-december
    ///   medtrio --data mine approve lmu-december --in-writing --on 2026-12-08
    #[command(verbatim_doc_comment)]
    Approve(ApproveArgs),

    /// Record who came to a meeting and who sent apologies (til stede, afbud)
    ///
    /// Names are taken as given, in the order given. Changes `present:` and `apologies:` in
    /// DATA/minutes/MEETING.yaml; a name given twice, or as both present and absent, is
    /// refused.
    ///
    /// Example: medtrio --data mine attend lmu-december --present Leder,TR,AMR --absent Pædagog
    #[command(verbatim_doc_comment)]
    Attend(AttendArgs),

    /// Mark a meeting cancelled, with the reason
    ///
    /// Changes `status:` to cancelled and writes `cancel_reason:` in the meeting's file. A
    /// meeting with minutes was held, and cannot be cancelled.
    ///
    /// Example: medtrio --data mine cancel lmu-oktober --why "For mange afbud"
    Cancel(CancelArgs),

    /// Write a meeting's e-mail as a draft to send: the invitation, or the referat for comments
    ///
    /// Writes an .eml file that Outlook and Thunderbird open as a draft (X-Unsent: 1), to the
    /// forum's members (their e-mail addresses in members.yaml). The invitation holds the
    /// agenda as HTML and text, the agenda's PDF, its attachments, and a calendar invitation
    /// with the meeting's UID; a changed meeting gets a higher SEQUENCE (kept in the meeting's
    /// `invited:`), a cancelled one a cancellation. The referat's e-mail holds the draft
    /// referat as text and PDF, and the deadline for comments.
    ///
    /// Examples:
    ///   medtrio --data mine mail invitation lmu-december -o invitation.eml
    ///   medtrio --data mine mail referat lmu-april -o referat.eml
    #[command(verbatim_doc_comment)]
    Mail(MailArgs),

    /// A forum's beslutningsprotokol: every decision of its referater, in date order
    ///
    /// Each decision (and each drøftelse's conclusion, and each item put off to a later
    /// meeting) with the day, the meeting and the item. Takes --forum, --level, --theme,
    /// --from, --to, --quarter, --week and --search.
    ///
    /// Example: medtrio --data mine decisions --forum lmu-havnen --format md
    Decisions(DecisionsArgs),

    /// Attendance (fremmøde) for the year: per member, the meetings present, excused and absent
    ///
    /// Reads members.yaml and the minutes of the year's meetings: a member who held the seat on
    /// the day is present (til stede), excused (afbud) or absent (fraværende). Takes --forum.
    ///
    /// Examples:
    ///   medtrio --data mine attendance --year 2026
    ///   medtrio --data mine attendance --format csv --excel > fremmoede.csv
    #[command(verbatim_doc_comment)]
    Attendance(AttendanceArgs),

    /// The report upward from a tree of committees' folders: who met on each roadmap activity and theme
    ///
    /// Reads every folder under ROOT that holds a programme.yaml (one committee each, named
    /// by `committee:`, the one above by `parent:`), checks them all in parallel, and reports
    /// per roadmap activity and theme which committees held a meeting on it and which have
    /// not; the decisions and action points, grouped by OMU, then LMU; the good stories; the
    /// prompts used; and the figures (committees reached, meetings held, action points open,
    /// done and overdue against --today). A folder with errors is reported on stderr, with
    /// paths relative to ROOT, and left out; the rest is reported, and the exit code is then 1.
    ///
    /// Examples:
    ///   medtrio rollup examples/kommune --theme aktoerskab
    ///   medtrio rollup examples/kommune --under omu-sundhed --format html -o opsamling.html
    #[command(verbatim_doc_comment)]
    Rollup(RollupArgs),

    /// Plan a meeting step by step, and save it as YAML that --data loads
    ///
    /// At a terminal it asks: what the meeting starts from (a meeting, a template or a
    /// blank LMU agenda), date, start, place and length, the prompts (pick and order), and
    /// the minutes of each item; then it shows the agenda and saves it in DATA/local/.
    /// Every answer also has a flag; without a terminal, the flags must give them.
    ///
    /// Examples:
    ///   medtrio --data mine plan
    ///   medtrio --data mine plan --meeting lmu-aktoerskab --forum lmu-havnen \
    ///       --date 2026-12-01 --start 13:00 --prompts p-aktoerskab-for-os,p-nyt-navn
    #[command(verbatim_doc_comment)]
    Plan(PlanArgs),

    /// The year's annual cycle (årshjul): each task in its month, the meeting that covers it, and what is missing
    ///
    /// Reads the rules of cycle.yaml. A meeting covers a rule when one of its items names it
    /// (`cycle: apv`). --check exits 1 when a task of the year has no meeting, so that CI can
    /// guard the year. --format html draws the year as a wheel, for A4 landscape.
    ///
    /// Examples:
    ///   medtrio --data mine cycle --year 2027
    ///   medtrio --data mine cycle --year 2027 --check
    ///   medtrio --data mine cycle --year 2027 --format html -o aarshjul.html
    #[command(verbatim_doc_comment)]
    Cycle(CycleArgs),

    /// The facilitator's week: meetings, deadlines, action points due, the cycle's tasks, minutes in draft
    ///
    /// The weeks from the Monday of --today's week. Sections with nothing in them are left
    /// out. --format md is ready to paste into a mail.
    ///
    /// Example: medtrio --data mine week --weeks 2 --format md
    Week(WeekArgs),

    /// Print the JSON Schema of a data file, with field descriptions in English and Danish
    ///
    /// Editors with the YAML language server show the descriptions as tooltips; the bundled
    /// files point at the schemas in schemas/ from their first line.
    ///
    /// Example: medtrio schema programme > programme.schema.json
    Schema(SchemaArgs),

    /// Print shell completions for bash, zsh, fish or powershell
    ///
    /// Example: medtrio completions bash > ~/.local/share/bash-completion/completions/medtrio
    Completions(CompletionsArgs),

    /// Print the man page (roff)
    ///
    /// Example: medtrio man > medtrio.1 && man ./medtrio.1
    Man,

    /// Write a small, valid starter data set for your own committee into DIR
    ///
    /// One LMU, one meeting, one template, a few findings and prompts, with comments that
    /// explain each field. Refuses a folder that is not empty.
    ///
    /// Example: medtrio init mit-lmu && medtrio --data mit-lmu agenda lmu-moede-1
    Init(InitArgs),
}

#[derive(Debug, Args)]
pub struct CycleArgs {
    /// The year [default: the year of --today]
    #[arg(long, value_parser = clap::value_parser!(i32).range(1900..=9999))]
    pub year: Option<i32>,
    /// Only this forum: its name or id, in any case
    #[arg(long, value_name = "TEXT")]
    pub forum: Option<String>,
    /// Exit 1 when a task of the year has no meeting
    #[arg(long)]
    pub check: bool,
    /// Output format
    #[arg(long, value_parser = formats(offered::CYCLE))]
    pub format: Option<Format>,
    /// With --format csv: write what Danish Excel opens right (`;`, BOM, CRLF)
    #[arg(long)]
    pub excel: bool,
    /// Write to FILE (atomically) instead of stdout
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Overwrite FILE if it exists
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct WeekArgs {
    /// Only this forum: its name or id, in any case
    #[arg(long, value_name = "TEXT")]
    pub forum: Option<String>,
    /// How many weeks, from the Monday of this week
    #[arg(long, value_name = "N", default_value_t = 2, value_parser = clap::value_parser!(u32).range(1..=52))]
    pub weeks: u32,
    /// Output format
    #[arg(long, value_parser = formats(offered::WEEK), default_value = "txt")]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// Which file
    #[arg(value_enum)]
    pub file: crate::schema::SchemaFile,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// The folder to create (or an empty one)
    pub dir: PathBuf,
}

#[derive(Debug, Args)]
pub struct PlanArgs {
    /// Start from this meeting, roadmap meeting or template id, or `blank`
    #[arg(long, value_name = "ID")]
    pub meeting: Option<String>,
    /// The forum holding the meeting (a forum id)
    #[arg(long, value_name = "ID", conflicts_with = "new_forum")]
    pub forum: Option<String>,
    /// A new LMU, by name, to add with the meeting
    #[arg(long, value_name = "NAME")]
    pub new_forum: Option<String>,
    /// The new meeting's id [default: FORUM-DATE]
    #[arg(long, value_name = "ID")]
    pub id: Option<String>,
    /// The new meeting's title [default: the base's]
    #[arg(long)]
    pub title: Option<String>,
    /// The day
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_day)]
    pub date: Option<NaiveDate>,
    /// The start time
    #[arg(long, value_name = "HH:MM", value_parser = parse_clock)]
    pub start: Option<chrono::NaiveTime>,
    /// Where
    #[arg(long)]
    pub place: Option<String>,
    /// Scale the agenda to this many minutes
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=1440))]
    pub length: Option<u32>,
    /// Prompt ids for the dialogue item, in order
    #[arg(long, value_name = "IDS", value_delimiter = ',')]
    pub prompts: Option<Vec<String>>,
    /// Minutes of each item, in order
    #[arg(
        long,
        value_name = "N,N,…",
        value_delimiter = ',',
        value_parser = clap::value_parser!(i64).range(1..=1440)
    )]
    pub item_minutes: Option<Vec<i64>>,
    /// Tasks of the annual cycle (cycle.yaml) to add as items, by id; plan names those that
    /// fall in the meeting's month
    #[arg(long, value_name = "IDS", value_delimiter = ',')]
    pub cycle: Vec<String>,
    /// Write here instead of DATA/local/ID.yaml
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Overwrite the file if it exists
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct MinutesArgs {
    /// The meeting's id, e.g. lmu-april
    pub id: String,
    #[command(flatten)]
    pub doc: DocOutput,
    /// Print the minutes to fill in on stdout instead of writing DATA/minutes/ID.yaml
    #[arg(long, conflicts_with_all = ["format", "output"])]
    pub print: bool,
    /// Print what would be written as a diff instead of writing it
    #[arg(long, conflicts_with_all = ["format", "output", "print"])]
    pub dry_run: bool,
    #[command(flatten)]
    pub answers: MinutesAnswers,
}

/// The answers `minutes` would ask for at a terminal, as flags.
#[derive(Debug, Default, Args)]
#[command(next_help_heading = "Answers (when writing the minutes)")]
pub struct MinutesAnswers {
    /// The day it was held, when not the planned one
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_day)]
    pub held: Option<NaiveDate>,
    /// Who was there [default: the planned participants]
    #[arg(long, value_name = "NAMES", value_delimiter = ',')]
    pub present: Option<Vec<String>>,
    /// Who sent apologies [default: the planned ones]
    #[arg(long, value_name = "NAMES", value_delimiter = ',')]
    pub apologies: Option<Vec<String>>,
    /// The chair [default: the planned one]
    #[arg(long, value_name = "NAME")]
    pub chair: Option<String>,
    /// The minute-taker [default: the planned one]
    #[arg(long, value_name = "NAME")]
    pub minute_taker: Option<String>,
    /// What item N came to: its decision (B), conclusion (D) or note (O); repeat per item
    #[arg(long, value_name = "N=TEXT")]
    pub outcome: Vec<String>,
    /// An action point: what, who, by when and, optionally, the item; repeat per action
    #[arg(long, value_name = "WHAT;WHO;DUE[;ITEM]")]
    pub action: Vec<String>,
}

impl MinutesAnswers {
    /// The flags given, by name, to refuse them where they do not apply.
    pub fn given(&self) -> Vec<&'static str> {
        let mut given = Vec::new();
        let flags = [
            (self.held.is_some(), "--held"),
            (self.present.is_some(), "--present"),
            (self.apologies.is_some(), "--apologies"),
            (self.chair.is_some(), "--chair"),
            (self.minute_taker.is_some(), "--minute-taker"),
            (!self.outcome.is_empty(), "--outcome"),
            (!self.action.is_empty(), "--action"),
        ];
        for (is_given, flag) in flags {
            if is_given {
                given.push(flag);
            }
        }
        given
    }
}

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct ActionsArgs {
    /// Change an action point instead of listing them
    #[command(subcommand)]
    pub change: Option<ActionChange>,
    #[command(flatten)]
    pub filters: FilterArgs,
    /// Only the action points of this owner (text in the owner, in any case)
    #[arg(long, value_name = "TEXT", help_heading = "Filters")]
    pub owner: Option<String>,
    /// Only open action points
    #[arg(long, conflicts_with = "done", help_heading = "Filters")]
    pub open: bool,
    /// Only done action points
    #[arg(long, help_heading = "Filters")]
    pub done: bool,
    #[command(flatten)]
    pub output: TableOutput,
}

/// A change to one action point.
#[derive(Debug, Subcommand)]
pub enum ActionChange {
    /// Tick an action point off as done
    Done {
        /// The action point's id, e.g. april-stoej
        id: String,
        /// The day it was done [default: --today]
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_day)]
        on: Option<NaiveDate>,
        #[command(flatten)]
        write: WriteArgs,
    },
    /// Drop an action point, saying why
    Drop {
        /// The action point's id
        id: String,
        /// Why it is dropped (asked at a terminal when left out)
        #[arg(long, value_name = "TEXT")]
        why: Option<String>,
        #[command(flatten)]
        write: WriteArgs,
    },
    /// Give an action point a new due date
    Move {
        /// The action point's id
        id: String,
        /// The new due date: a day, a month or a quarter
        #[arg(long, value_name = "DATE")]
        due: String,
        #[command(flatten)]
        write: WriteArgs,
    },
}

/// How a command that changes the data files writes.
#[derive(Debug, Default, Args)]
pub struct WriteArgs {
    /// Print the change as a diff instead of writing it
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args)]
pub struct ApproveArgs {
    /// The meeting whose referat is approved, e.g. lmu-april
    pub meeting: String,
    /// Approved at this later meeting of the same forum
    #[arg(long, value_name = "MEETING2", conflicts_with = "in_writing")]
    pub at: Option<String>,
    /// Approved in writing (by mail), not at a meeting
    #[arg(long)]
    pub in_writing: bool,
    /// The day it was approved [default: the day of --at's meeting, else --today]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_day)]
    pub on: Option<NaiveDate>,
    #[command(flatten)]
    pub write: WriteArgs,
}

#[derive(Debug, Args)]
pub struct AttendArgs {
    /// The meeting, e.g. lmu-december
    pub meeting: String,
    /// Who was there (til stede), split by commas or the flag repeated
    #[arg(long, value_name = "NAME", value_delimiter = ',', num_args = 1..)]
    pub present: Vec<String>,
    /// Who sent apologies (afbud), split by commas or the flag repeated
    #[arg(long, value_name = "NAME", value_delimiter = ',', num_args = 1..)]
    pub absent: Vec<String>,
    #[command(flatten)]
    pub write: WriteArgs,
}

#[derive(Debug, Args)]
pub struct CancelArgs {
    /// The meeting, e.g. lmu-oktober
    pub meeting: String,
    /// Why it is cancelled (asked at a terminal when left out)
    #[arg(long, value_name = "TEXT")]
    pub why: Option<String>,
    #[command(flatten)]
    pub write: WriteArgs,
}

#[derive(Debug, Args)]
pub struct MailArgs {
    #[command(subcommand)]
    pub what: MailWhat,
}

/// Which e-mail `mail` writes.
#[derive(Debug, Subcommand)]
pub enum MailWhat {
    /// The invitation: the agenda, its PDF and attachments, and a calendar invitation
    Invitation(MailOptions),
    /// The draft referat for comments: its text, its PDF, and the deadline for comments
    Referat(MailOptions),
}

#[derive(Debug, Args)]
pub struct MailOptions {
    /// The meeting, e.g. lmu-december
    pub meeting: String,
    /// Who sends it, and the calendar's organiser: `name@example.org` or `Name <name@example.org>`
    /// [default: the forum's sekretær in members.yaml, else its formand]
    #[arg(long, value_name = "ADDRESS")]
    pub from: Option<String>,
    /// Write the e-mail to FILE (.eml, atomically) instead of stdout
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Overwrite FILE if it exists
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct RollupArgs {
    /// The folder that holds the committees' data folders, at any depth
    pub root: PathBuf,
    /// Only this committee (a forum id, e.g. an OMU) and the committees below it
    #[arg(long, value_name = "FORUM", help_heading = "Filters")]
    pub under: Option<String>,
    /// A theme id: only the activities, meetings, decisions and action points of this theme
    #[arg(long, value_name = "ID", help_heading = "Filters")]
    pub theme: Option<String>,
    /// Keep what overlaps from this date on (a day, month or quarter)
    #[arg(long, value_name = "DATE", help_heading = "Filters")]
    pub from: Option<String>,
    /// Keep what overlaps up to this date (a day, month or quarter)
    #[arg(long, value_name = "DATE", help_heading = "Filters")]
    pub to: Option<String>,
    /// Keep what overlaps this quarter, e.g. 2026-Q1
    #[arg(long, value_name = "YYYY-Qn", help_heading = "Filters")]
    pub quarter: Option<String>,
    /// Output format [default: from the extension of -o, else md]
    #[arg(long, value_parser = formats(offered::ROLLUP))]
    pub format: Option<Format>,
    /// Write to FILE (atomically) instead of stdout
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Overwrite FILE if it exists
    #[arg(long)]
    pub force: bool,
}

impl RollupArgs {
    /// The shared filters this command takes.
    pub fn filters(&self) -> Filters {
        Filters {
            from: self.from.clone(),
            to: self.to.clone(),
            quarter: self.quarter.clone(),
            theme: self.theme.clone(),
            ..Filters::default()
        }
    }
}

#[derive(Debug, Args)]
pub struct DecisionsArgs {
    #[command(flatten)]
    pub filters: FilterArgs,
    /// Also list the procedural decisions ("Dagsordenen blev godkendt.", the approval of the
    /// last referat), which are left out by default
    #[arg(long)]
    pub procedural: bool,
    #[command(flatten)]
    pub output: TableOutput,
}

#[derive(Debug, Args)]
pub struct AttendanceArgs {
    /// The year [default: the year of --today]
    #[arg(long, value_parser = clap::value_parser!(i32).range(1900..=9999))]
    pub year: Option<i32>,
    /// Only this forum: its name or id, in any case
    #[arg(long, value_name = "TEXT")]
    pub forum: Option<String>,
    #[command(flatten)]
    pub output: TableOutput,
}

#[derive(Debug, Args)]
pub struct PromptsArgs {
    #[command(flatten)]
    pub filters: FilterArgs,
    /// Only prompts the source asks itself (seed), or those written from the findings (authored)
    #[arg(long, value_parser = vocabulary_parser::<crate::model::Origin>(), value_name = "seed|authored")]
    pub origin: Option<crate::model::Origin>,
    /// Pick this many prompts, balanced across themes
    #[arg(long, value_name = "N")]
    pub count: Option<usize>,
    /// Make the pick reproducible [default: a new seed, printed on stderr]
    #[arg(long, value_name = "S", requires = "count")]
    pub seed: Option<u64>,
    /// Output format [default: from the extension of -o (cards for .html), else table]
    #[arg(long, value_parser = formats(offered::PROMPTS))]
    pub format: Option<Format>,
    /// With --format csv: write what Danish Excel opens right (`;`, BOM, CRLF)
    #[arg(long)]
    pub excel: bool,
    /// Write to FILE (atomically) instead of stdout
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Overwrite FILE if it exists
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct PrepArgs {
    /// A meeting id (e.g. dialog-omu-sundhed) or a theme id (e.g. roller)
    pub id: String,
    #[command(flatten)]
    pub doc: DocOutput,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The folder to write
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// Write into a non-empty folder, replacing the files of an earlier export
    #[arg(long)]
    pub force: bool,
    /// Also write every agenda as these documents: pdf, docx
    #[arg(long, value_name = "pdf,docx", value_delimiter = ',', value_parser = formats(&[Format::Pdf, Format::Docx]))]
    pub documents: Vec<Format>,
    /// Export a tree of committees' folders instead of --data: each committee's site in a
    /// folder of its own, and the rollup as the index
    #[arg(long, value_name = "ROOT")]
    pub tree: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct CalendarArgs {
    #[command(flatten)]
    pub filters: FilterArgs,
    /// Add each meeting's deadline for items and send-out day as events of their own
    #[arg(long)]
    pub deadlines: bool,
    /// Write to FILE (atomically) instead of stdout
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Overwrite FILE if it exists
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct AgendaArgs {
    /// The meeting's id, e.g. temamoede-1 or dialog-omu-sundhed
    pub id: String,
    /// Start at this time instead of the meeting's or template's
    #[arg(long, value_name = "HH:MM", value_parser = parse_clock)]
    pub start: Option<chrono::NaiveTime>,
    /// Scale the agenda to this many minutes; fixed items keep their length
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=1440))]
    pub minutes: Option<u32>,
    /// Leave ruled lines under each item for notes during the meeting
    #[arg(long)]
    pub with_notes: bool,
    /// One PDF with everything: the agenda followed by the pages of each PDF attachment
    /// (bilag), each page stamped "Bilag 3.1 · side 2 af 4", with bookmarks for the agenda and
    /// every attachment. An attachment that is not a PDF is listed, not merged. Give -o FILE.pdf
    #[arg(long)]
    pub with_attachments: bool,
    /// Record the agenda as sent: its items, numbers and times become the meeting's own
    /// data, with today as the day it was issued, and no later change elsewhere moves them
    #[arg(long, conflicts_with_all = ["start", "minutes", "format", "output", "force", "with_notes", "with_attachments"])]
    pub issue: bool,
    /// With --issue: print the change as a diff instead of writing it
    #[arg(long, requires = "issue")]
    pub dry_run: bool,
    #[command(flatten)]
    pub doc: DocOutput,
}

/// Output of the document commands.
#[derive(Debug, Args)]
pub struct DocOutput {
    /// Output format [default: from the extension of -o, else txt]
    #[arg(long, value_parser = formats(offered::DOCUMENT))]
    pub format: Option<Format>,
    /// Write to FILE (atomically) instead of stdout
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Overwrite FILE if it exists
    #[arg(long)]
    pub force: bool,
}

/// Parses `HH:MM` for flags.
pub fn parse_clock(s: &str) -> Result<chrono::NaiveTime, String> {
    crate::model::when::parse_time(s).map_err(|e| e.explain(s))
}

#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The folder with the old data
    pub old: PathBuf,
    /// The folder with the new data
    pub new: PathBuf,
    /// Output format
    #[arg(long, value_parser = formats(offered::DIFF), default_value = "table")]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The id, e.g. temamoede-1, dialog-omu-sundhed or p-rammer
    pub id: String,
    /// Output format
    #[arg(long, value_parser = formats(offered::SHOW), default_value = "txt")]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// What to list
    #[arg(value_parser = listed_kinds(), value_name = "meetings|roadmap|findings|prompts")]
    pub kind: Kind,
    #[command(flatten)]
    pub filters: FilterArgs,
    #[command(flatten)]
    pub output: TableOutput,
}

/// The filters shared by list, calendar, prompts and export.
#[derive(Debug, Default, Args)]
#[command(next_help_heading = "Filters")]
pub struct FilterArgs {
    /// Keep what overlaps from this date on (a day, month or quarter)
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Keep what overlaps up to this date (a day, month or quarter)
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// Keep what overlaps this quarter, e.g. 2026-Q1
    #[arg(long, value_name = "YYYY-Qn")]
    pub quarter: Option<String>,
    /// Keep what overlaps this ISO week, e.g. 2026-W10
    #[arg(long, value_name = "YYYY-Wnn")]
    pub week: Option<String>,
    /// Forum name or id, in any case: "sundhed og omsorg", "omu", "hu"
    #[arg(long, value_name = "TEXT")]
    pub forum: Option<String>,
    /// Committee level
    #[arg(long, value_parser = vocabulary_parser::<Level>(), value_name = "hu|omu|lmu|other")]
    pub level: Option<Level>,
    /// A theme id; `medtrio list` shows the known ones in its error
    #[arg(long, value_name = "ID")]
    pub theme: Option<String>,
    /// Who it is for
    #[arg(long, value_parser = vocabulary_parser::<Audience>(), value_name = "leder|tr|amr|medarbejder|trio")]
    pub audience: Option<Audience>,
    /// Status
    #[arg(long, value_parser = vocabulary_parser::<Status>(), value_name = "STATUS")]
    pub status: Option<Status>,
    /// Text in title or body, without regard to case or accents
    #[arg(long, value_name = "TEXT")]
    pub search: Option<String>,
    /// Only what is not over yet (relative to --today)
    #[arg(long, conflicts_with = "overdue")]
    pub upcoming: bool,
    /// Only what is over but neither held nor cancelled (relative to --today)
    #[arg(long)]
    pub overdue: bool,
    /// Only what has no date yet
    #[arg(long)]
    pub undated: bool,
}

/// Output options of the list-like commands.
#[derive(Debug, Args)]
pub struct TableOutput {
    /// Output format
    #[arg(long, value_parser = formats(offered::LIST), default_value = "table")]
    pub format: Format,
    /// With --format csv: write what Danish Excel opens right (`;`, BOM, CRLF)
    #[arg(long)]
    pub excel: bool,
}

/// A clap parser for a closed vocabulary, listing the values in its help and errors.
fn vocabulary_parser<T>() -> impl clap::builder::TypedValueParser<Value = T>
where
    T: std::str::FromStr + Clone + Send + Sync + 'static + VocabularyNames,
{
    use clap::builder::TypedValueParser as _;
    clap::builder::PossibleValuesParser::new(T::names())
        .map(|s| s.parse().ok().unwrap_or_else(T::first))
}

/// A clap parser for the formats a command offers, with their help texts.
fn formats(offered: &'static [Format]) -> impl clap::builder::TypedValueParser<Value = Format> {
    use clap::builder::TypedValueParser as _;
    let values: Vec<clap::builder::PossibleValue> = offered
        .iter()
        .filter_map(ValueEnum::to_possible_value)
        .collect();
    clap::builder::PossibleValuesParser::new(values)
        .map(|s| Format::from_str(&s, true).unwrap_or(Format::Txt))
}

/// A clap parser for what `list` lists.
fn listed_kinds() -> impl clap::builder::TypedValueParser<Value = Kind> {
    use clap::builder::TypedValueParser as _;
    let values: Vec<clap::builder::PossibleValue> = Kind::LISTED
        .iter()
        .filter_map(|k| {
            let help = match k {
                Kind::Meeting => "The programme's meetings",
                Kind::Activity => "The roadmap's activities",
                Kind::Finding => "The workshop's findings",
                _ => "The dialogue prompts",
            };
            k.list_name()
                .map(|name| clap::builder::PossibleValue::new(name).help(help))
        })
        .collect();
    clap::builder::PossibleValuesParser::new(values).map(|s| {
        Kind::LISTED
            .into_iter()
            .find(|k| k.list_name() == Some(s.as_str()))
            .unwrap_or(Kind::Meeting)
    })
}

impl From<&FilterArgs> for Filters {
    fn from(f: &FilterArgs) -> Self {
        Filters {
            from: f.from.clone(),
            to: f.to.clone(),
            quarter: f.quarter.clone(),
            week: f.week.clone(),
            forum: f.forum.clone(),
            level: f.level,
            theme: f.theme.clone(),
            audience: f.audience,
            status: f.status,
            search: f.search.clone(),
            upcoming: f.upcoming,
            overdue: f.overdue,
            undated: f.undated,
        }
    }
}

/// The names of a vocabulary, for clap.
pub trait VocabularyNames {
    fn names() -> Vec<&'static str>;
    fn first() -> Self;
}

macro_rules! vocabulary_names {
    ($($t:ty),*) => {$(
        impl VocabularyNames for $t {
            fn names() -> Vec<&'static str> { <$t>::names() }
            fn first() -> Self { <$t>::ALL[0] }
        }
    )*};
}
vocabulary_names!(Level, Audience, Status, crate::model::Origin);

#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// How to print the problems: `file:line:col: error: message` with the line and a
    /// caret (txt), a JSON array of objects with file, line, column, severity and message, or
    /// GitHub Actions annotations
    #[arg(long, value_parser = formats(offered::PROBLEMS), default_value = "txt")]
    pub format: Format,
}

/// Parses `YYYY-MM-DD` for flags.
pub fn parse_day(s: &str) -> Result<NaiveDate, String> {
    match s.parse::<crate::model::When>() {
        Ok(when) => when
            .day()
            .ok_or_else(|| format!("`{s}` is not a day: write it as YYYY-MM-DD, e.g. 2026-03-03")),
        Err(e) => Err(e.explain(s)),
    }
}
