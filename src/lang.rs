//! Every word medtrio prints in two languages: the table of [`Words`], dates written the
//! Danish or the English way, the names of the vocabularies, and the one fallback rule for
//! texts that the data gives in Danish and, optionally, in English ([`Lang::prefer`]).

use chrono::{Datelike, NaiveDate, Weekday};
use serde::Serialize;

use crate::model::{
    ActivityKind, Audience, FindingKind, ItemType, Level, Origin, Period, Quarter, Role, Side,
    Status, When,
};

/// The language of rendered documents and table labels. Data and JSON stay as they are.
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    clap::ValueEnum,
    serde::Serialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Danish
    #[default]
    Da,
    /// English
    En,
}

const MONTHS_DA: [&str; 12] = [
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Declares the table of words: one struct field per word, and its Danish and English.
/// Both languages are required by the macro's syntax, so no word can lack one.
macro_rules! words {
    ($($(#[$doc:meta])* $name:ident: $da:literal, $en:literal;)*) => {
        /// Every fixed word medtrio prints in two languages. Templates get it as `labels`.
        #[derive(Debug, Serialize)]
        pub struct Words {
            $($(#[$doc])* pub $name: &'static str,)*
        }

        const DA: Words = Words { $($name: $da,)* };
        const EN: Words = Words { $($name: $en,)* };

        impl Words {
            /// Every word as (name, Danish, English).
            pub const PAIRS: &'static [(&'static str, &'static str, &'static str)] =
                &[$((stringify!($name), $da, $en),)*];
        }
    };
}

words! {
    // Document kinds and headings.
    agenda: "Dagsorden", "Agenda";
    items: "Punkter", "Items";
    background: "Baggrund", "Background";
    prompts: "Dialogspørgsmål", "Dialogue prompts";
    // Attachments (bilag): "Bilag 3.1: APV-handleplan 2026 (PDF, 4 sider)".
    attachment: "Bilag", "Attachment";
    // The e-mails of `medtrio mail`.
    mail_invitation: "Indkaldelse", "Invitation";
    mail_cancelled: "Aflyst", "Cancelled";
    mail_referat: "Referat til bemærkninger", "Minutes for comments";
    mail_meeting: "møde", "meeting";
    /// "Bemærkninger til referatet senest fredag den 11. december 2026"
    comments_due: "Bemærkninger til referatet senest", "Comments on the minutes by";
    attachments: "Bilag", "Attachments";
    one_page: "side", "page";
    pages: "sider", "pages";
    /// What an attachment that is not merged into the combined PDF says there.
    attachment_not_merged: "ikke med i den samlede PDF", "not in the combined PDF";
    cards: "Dialogkort", "Dialogue cards";
    cut_here: "Klip langs de stiplede linjer.", "Cut along the dashed lines.";
    prep_heading: "Forberedelse for MED-trioen", "Preparation for the MED trio";
    changes: "Ændringer", "Changes";
    // Header fields.
    forum: "Forum", "Forum";
    date: "Dato", "Date";
    time: "Tid", "Time";
    place: "Sted", "Place";
    status: "Status", "Status";
    signup: "Tilmelding", "Sign-up";
    participants: "Deltagere", "Participants";
    apologies: "Afbud", "Apologies";
    chair: "Mødeleder", "Chair";
    minute_taker: "Referent", "Minute-taker";
    lead: "Ansvarlig", "Lead";
    source: "Kilde", "Source";
    notes: "Noter", "Notes";
    not_set: "meldes ud senere", "to be announced";
    minutes: "min.", "min";
    indicative: "vejledende", "indicative";
    provisional: "Foreløbig", "Provisional";
    may_change: "der kan forekomme ændringer.", "this may change.";
    announced_via: "link meldes ud løbende via", "link to be announced in";
    via: "Via", "In";
    and_at: "og på", "and at";
    week: "uge", "week";
    // Table headers.
    id: "Id", "Id";
    meeting: "Møde", "Meeting";
    activity: "Aktivitet", "Activity";
    period: "Periode", "When";
    section: "Afsnit", "Section";
    finding: "Fund", "Finding";
    question: "Spørgsmål", "Question";
    audience: "Målgruppe", "Audience";
    title: "Titel", "Title";
    change: "Ændring", "Change";
    theme: "Tema", "Theme";
    nothing_found: "Intet fundet.", "Nothing found.";
    no_changes: "Ingen ændringer.", "No changes.";
    // Diff.
    new_things: "Nyt", "New";
    changed_things: "Ændret", "Changed";
    removed_things: "Udgået", "Removed";
    added: "ny", "new";
    removed: "udgået", "removed";
    changed: "ændret", "changed";
    was: "før", "was";
    agenda_items: "punkter", "items";
    // Prep sheet.
    purpose: "Formål", "Purpose";
    themes: "Temaer", "Themes";
    meaning: "Det, der giver mening", "What makes sense";
    attention: "Det, vi skal være opmærksomme på", "What we must watch out for";
    questions: "Det, vi mangler svar på", "What we still need answers to";
    barriers: "Barrierer", "Barriers";
    ask: "Spørg", "Ask";
    suggested_prompts: "Forslag til dialogspørgsmål", "Suggested dialogue prompts";
    success: "Når vi lykkes", "When we succeed";
    trials: "Forslag til prøvehandlinger", "Suggested trial actions";
    // The export's index page and the timeline.
    as_of: "Status pr.", "As of";
    done: "gennemført", "done";
    now: "nu – intet registreret", "now – nothing recorded";
    coming: "kommende", "coming";
    today: "i dag", "today";
    undated: "Uden dato", "Without a date";
    not_registered: "ikke registreret", "not recorded";
    past: "forbi", "past";
    held: "afholdt", "held";
    cancelled: "aflyst", "cancelled";
    data_files: "Data", "Data";
    back_to_index: "Til oversigten", "Back to the overview";
    other_formats: "Andre formater", "Other formats";
    agendas: "Dagsordener", "Agendas";
    files: "Filer", "Files";
    // Show.
    details: "Detaljer", "Details";
    format: "Form", "Format";
    quarters: "Kvartaler", "Quarters";
    kind: "Type", "Kind";
    template: "Skabelon", "Template";
    finding_kind: "Art", "Kind";
    text: "Tekst", "Text";
    origin: "Oprindelse", "Origin";
    level: "Niveau", "Level";
    sources: "Kilder", "Sources";
    used_in: "Bruges i", "Used in";
    description: "Beskrivelse", "Description";
    meetings: "Møder", "Meetings";
    activities: "Aktiviteter", "Activities";
    findings: "Fund", "Findings";
    full_name: "Fulde navn", "Full name";
    heading: "Overskrift", "Heading";
    introduction: "Indledning", "Introduction";
    start: "Start", "Start";
    length: "Varighed", "Length";
    prompts_from_finding: "Dialogspørgsmål herfra", "Prompts from this finding";
    prompts_from_text: "Dialogspørgsmål herfra", "Prompts from this text";
    // The planner's questions.
    plan_blank: "Blank LMU-dagsorden", "Blank LMU agenda";
    plan_base: "Hvad tager mødet udgangspunkt i?", "What does the meeting start from?";
    plan_which_forum: "Hvilket forum?", "Which forum?";
    plan_new_lmu: "Et nyt LMU …", "A new LMU …";
    plan_lmu_name: "Navn på LMU", "Name of the LMU";
    plan_date: "Dato (ÅÅÅÅ-MM-DD)", "Date (YYYY-MM-DD)";
    plan_start: "Starttid (TT:MM)", "Start time (HH:MM)";
    plan_length: "Længde i minutter", "Length in minutes";
    plan_pick_prompts: "Vælg dialogspørgsmål (mellemrum vælger, enter går videre)", "Pick prompts (space selects, enter continues)";
    plan_pick_cycle: "Opgaver fra årshjulet i mødets måned (mellemrum vælger, enter går videre)", "Tasks of the annual cycle in the meeting's month (space selects, enter continues)";
    plan_order: "Rækkefølge (enter godkender)", "Order (enter accepts)";
    plan_total: "i alt", "total";
    plan_of: "af", "of";
    plan_save: "Gem mødet?", "Save the meeting?";
    plan_overwrite: "findes allerede. Overskriv?", "already exists. Overwrite?";
    rounding_off: "Afrunding", "Wrap-up";
    cancelled_notice: "AFLYST – mødet holdes ikke.", "CANCELLED – the meeting will not take place.";
    // What the sources do not say.
    no_forum: "forum ikke angivet", "no forum given";
    organiser: "Arrangør", "Organiser";
    cross_cutting: "Tværgående temamøde for MED-trioer", "Cross-cutting theme meeting for MED trios";
    as_written: "I kilden", "As written";
    note: "Note", "Note";
    lead_in: "Indledning til punkterne", "Lead-in to the points";
    source_words: "Kildens ord", "Source's words";
    programme: "Program", "Programme";
    owns_programme: "Ejer af programmet", "Owns the programme";
    template_programme: "program for et tværgående temamøde", "programme of a cross-cutting theme meeting";
    template_committee: "dagsorden for et udvalgsmøde", "agenda of a committee meeting";
    suggestions_note: "Punkter, ansvarlige og tider er forslag.", "Items, leads and times are suggestions.";
    suggestion: "forslag", "suggestion";
    // Minutes.
    minutes_heading: "Referat", "Minutes";
    committee: "Udvalg", "Committee";
    present: "Til stede", "Present";
    absent: "Fraværende", "Absent";
    member: "Medlem", "Member";
    role: "Rolle", "Role";
    decision: "Beslutning", "Decision";
    conclusion: "Konklusion", "Conclusion";
    information: "Orientering", "Information";
    noted: "Orienteringen blev taget til efterretning.", "The information was noted.";
    done_since: "udført", "done";
    draft: "Udkast", "Draft";
    prepared: "Forberedt", "Prepared";
    prepared_notice: "FORBEREDT – mødet er ikke holdt endnu.", "PREPARED – the meeting has not been held yet.";
    approved: "Godkendt", "Approved";
    draft_notice: "UDKAST – referatet er ikke godkendt endnu.", "DRAFT – these minutes have not been approved yet.";
    good_story: "God historie", "Good story";
    actions: "Handlingspunkter", "Action points";
    other_actions: "Øvrige handlingspunkter", "Other action points";
    what: "Hvad", "What";
    who: "Hvem", "Who";
    by_when: "Hvornår", "By when";
    action: "Handlingspunkt", "Action point";
    owner: "Ansvarlig", "Owner";
    due: "Frist", "Due";
    done_on: "Udført", "Done";
    follow_up: "Opfølgning på beslutninger og handlingspunkter", "Follow-up on decisions and action points";
    no_open_actions: "Ingen åbne handlingspunkter.", "No open action points.";
    open_actions: "Åbne handlingspunkter", "Open action points";
    overdue: "overskredet", "overdue";
    decisions_heading: "Beslutningsprotokol", "Decision record";
    postponed: "Udsat", "Postponed";
    item: "Punkt", "Item";
    skeleton_help: "Udfyld beslutninger (B), konklusioner (D) og handlingspunkter. Når referatet er godkendt: status: approved og approved: {date, meeting}.", "Fill in the decisions (B), conclusions (D) and action points. Once approved: status: approved and approved: {date, meeting}.";
    skeleton_actions: "Et handlingspunkt ser sådan ud:", "An action point looks like this:";
    skeleton_action_text: "Hvad der skal gøres", "What is to be done";
    skeleton_action_owner: "Hvem", "Who";
    // The annual cycle and the week.
    cycle_heading: "Årshjul", "Annual cycle";
    month: "Måned", "Month";
    rule: "Opgave", "Task";
    rules: "Årshjulets opgaver", "The tasks of the year";
    covered: "dækket", "covered";
    innermost: "inderst", "innermost";
    missing: "mangler", "missing";
    basis: "Grundlag", "Basis";
    training_open: "frist ikke nået", "not due yet";
    training_obligatory_task: "Arbejdsmiljørepræsentantens obligatoriske arbejdsmiljøuddannelse", "The AMR's obligatory working-environment training";
    training_supplementary_task: "Tilbud om supplerende arbejdsmiljøuddannelse til arbejdsmiljørepræsentanten", "The offer of supplementary working-environment training to the AMR";
    training_obligatory_basis: "Bekendtgørelse om systematisk arbejdsmiljøarbejde og AT-vejledningen om systematisk arbejdsmiljøarbejde (fra 15. december 2025): 3 dage (22 timer), gennemført inden for 3 måneder efter valget eller udpegningen", "Bekendtgørelse om systematisk arbejdsmiljøarbejde and Arbejdstilsynet's guidance on it (from 15 December 2025): 3 days (22 hours), completed within 3 months of the election or appointment";
    training_supplementary_basis: "Bekendtgørelse om systematisk arbejdsmiljøarbejde: arbejdsgiveren tilbyder 2 dage i det første funktionsår og 1½ dag i hvert af de følgende", "Bekendtgørelse om systematisk arbejdsmiljøarbejde: the employer offers 2 days in the first year of the seat and 1½ days in each year after";
    example_rule: "Eksempel – tilpas til jeres MED-aftale.", "An example – adapt it to your MED agreement.";
    items_due: "Frist for punkter", "Deadline for items";
    deadlines: "Frister", "Deadlines";
    agenda_out: "Dagsordenen udsendes", "Agenda sent out";
    /// A deadline of the week, after the meeting's title.
    week_items_due: "frist for punkter til dagsordenen", "deadline for agenda items";
    week_agenda_out: "dagsordenen udsendes", "the agenda is sent out";
    week_heading: "Ugen", "The week";
    week_meetings: "Møder", "Meetings";
    week_deadlines: "Frister", "Deadlines";
    week_actions: "Handlingspunkter med frist", "Action points due";
    week_cycle: "Årshjulet denne måned", "The annual cycle this month";
    week_drafts: "Referater i udkast", "Minutes in draft";
    /// After the deadline for comments on a draft referat.
    week_approve_now: "fristen er udløbet, marker referatet godkendt", "the deadline has passed, mark the minutes approved";
    minutes_fill_now: "Udfyld referatet nu? (nej: skriv et udkast, der kan udfyldes senere)", "Fill in the minutes now? (no: write a draft to fill in later)";
    minutes_action_what: "Handlingspunkt under punktet (tomt: ikke flere)", "Action point under the item (empty: no more)";
    minutes_action_due: "Hvornår (ÅÅÅÅ-MM-DD, ÅÅÅÅ-MM eller ÅÅÅÅ-Qn; tomt: ikke fastsat)", "By when (YYYY-MM-DD, YYYY-MM or YYYY-Qn; empty: not set)";
    minutes_save: "Gem referatet?", "Save the minutes?";
    minutes_summary: "Referatet, som det gemmes", "The minutes as they will be saved";
    minutes_names_hint: "(adskil med komma; Ctrl-U rydder linjen)", "(split by commas; Ctrl-U clears the line)";
    minutes_name_twice: "står to gange: skriv hvert navn én gang", "is named twice: name each person once";
    minutes_name_unknown: "er ikke medlem af", "is not a member of";
    minutes_did_you_mean: "mente du", "did you mean";
    minutes_no_outcome: "intet skrevet", "nothing written";
    // The rollup (`medtrio rollup`) and what is recorded of a roadmap activity.
    rollup_kind: "Opsamling", "Roll-up";
    rollup_title: "Opsamling fra udvalgene", "Report from the committees";
    rollup_counts: "Tal", "Figures";
    committees: "Udvalg", "Committees";
    committees_reached: "Udvalg, der har holdt møde", "Committees that have met";
    meetings_held: "Afholdte møder", "Meetings held";
    actions_done_count: "Udførte handlingspunkter", "Action points done";
    actions_overdue_count: "Overskredne handlingspunkter", "Action points overdue";
    roadmap_activities: "Køreplanens aktiviteter", "The roadmap's activities";
    met_on_it: "Holdt møde om det", "Met on it";
    planned_on_it: "Møde planlagt", "Meeting planned";
    not_yet: "Endnu ikke", "Not yet";
    no_committee_named: "–", "–";
    decisions_and_actions: "Beslutninger og handlingspunkter", "Decisions and action points";
    good_stories: "Gode historier", "Good stories";
    prompts_used: "Brugte dialogspørgsmål", "Dialogue prompts used";
    times: "Gange", "Times";
    broken_folders: "Mapper med fejl, der ikke er med i opsamlingen", "Folders with errors, left out of the report";
    errors_word: "fejl", "errors";
    filters: "Afgrænset til", "Limited to";
    past_unrecorded: "forbi, intet registreret", "past, nothing recorded";
    postponed_to_period: "udsat til", "postponed to";
    progress: "Forløb", "Progress";
    outcome: "Udfald", "Outcome";
    carried_by: "Møder, der gennemførte den", "Meetings that carried it out";
    not_in_this_folder: "i et andet udvalgs mappe", "in another committee's folder";
    nothing_to_show: "Intet at vise.", "Nothing to show.";
    no_theme: "(uden tema)", "(no theme)";
    // Printed pages.
    page: "Side", "Page";
    page_of: "af", "of";
    // Issue #29: what the sources do not give, and documents in their genre.
    /// The place of a meeting whose details the source has not given.
    place_not_given: "ikke oplyst", "not given";
    /// The source of a prep sheet's points, when they come from the findings.
    the_summary: "opsamlingen", "the summary";
    /// The source of a prep sheet's points, when they come from several sources.
    the_sources: "kilderne", "the sources";
    /// Before a list that shows some of a section's points.
    selected_points: "Udvalgte punkter", "Selected points";
    /// The audience of the temamøder: inferred from the programme's web address.
    inferred: "formodet", "inferred";
    /// The heading of the programme's own texts on a prep sheet.
    why_texts: "Fra programmet", "From the programme";
    /// A past meeting without minutes, in `week`.
    minutes_missing: "Referat mangler", "Minutes missing";
    /// Of an agenda item with nothing recorded in the referat.
    nothing_recorded_item: "Intet.", "Nothing.";
    /// The apologies of a referat whose data gives none, once the meeting is held.
    no_apologies: "Ingen", "None";
    /// An activity whose period is now, with meetings recorded on it.
    now_period: "igangværende periode", "current period";
    /// The heading of the export's index page, over the programme and the roadmap.
    overview: "Oversigt", "Overview";
    /// The label of the outcome of "Næste møde" in a referat.
    next_meeting: "Næste møde", "Next meeting";
    /// The label of the outcome of "Eventuelt" in a referat.
    remarks: "Bemærkninger", "Remarks";
    // Print (#33): a terminal table too narrow for whole words.
    columns_left_out: "Ikke vist, så ordene kan stå hele", "Left out to keep words whole";
    columns_left_out_help: "et bredere vindue eller --format csv viser alt", "a wider window or --format csv shows all";
}

/// One limit of a report, for [`Lang::limited_to`]: its value already in words.
#[derive(Clone, Copy, Debug)]
pub enum Limit<'a> {
    Theme(&'a str),
    From(&'a str),
    To(&'a str),
    Quarter(&'a str),
    Under(&'a str),
}

impl Lang {
    /// Picks the Danish or the English text. Private: every pair lives in this file.
    fn pick<'a>(self, da: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Da => da,
            Lang::En => en,
        }
    }

    /// The fixed words in this language.
    pub fn words(self) -> &'static Words {
        match self {
            Lang::Da => &DA,
            Lang::En => &EN,
        }
    }

    /// A text the data gives in Danish only: in Danish output, and left out of English.
    pub fn danish_only(self, da: Option<&str>) -> Option<&str> {
        da.filter(|_| self == Lang::Da)
    }

    /// The BCP 47 tag of printed documents: `da-DK` or `en-GB`.
    pub fn tag(self) -> &'static str {
        self.pick("da-DK", "en-GB")
    }

    /// A text the data gives in Danish and, optionally, in English: the English one in
    /// English output when there is one, else the Danish. The one fallback rule.
    pub fn prefer<'a>(self, da: &'a str, en: Option<&'a str>) -> &'a str {
        match (self, en) {
            (Lang::En, Some(en)) => en,
            _ => da,
        }
    }

    pub fn code(self) -> &'static str {
        self.pick("da", "en")
    }

    pub fn month_name(self, month: u32) -> &'static str {
        let i = (month.clamp(1, 12) - 1) as usize;
        match self {
            Lang::Da => MONTHS_DA[i],
            Lang::En => MONTHS_EN[i],
        }
    }

    pub fn weekday(self, day: Weekday) -> &'static str {
        let (da, en) = match day {
            Weekday::Mon => ("mandag", "Monday"),
            Weekday::Tue => ("tirsdag", "Tuesday"),
            Weekday::Wed => ("onsdag", "Wednesday"),
            Weekday::Thu => ("torsdag", "Thursday"),
            Weekday::Fri => ("fredag", "Friday"),
            Weekday::Sat => ("lørdag", "Saturday"),
            Weekday::Sun => ("søndag", "Sunday"),
        };
        self.pick(da, en)
    }

    /// "tirsdag den 3. marts 2026" / "Tuesday 3 March 2026".
    pub fn long_date(self, date: NaiveDate) -> String {
        let weekday = self.weekday(date.weekday());
        let month = self.month_name(date.month());
        match self {
            Lang::Da => format!("{weekday} den {}. {month} {}", date.day(), date.year()),
            Lang::En => format!("{weekday} {} {month} {}", date.day(), date.year()),
        }
    }

    /// A day in a narrow column: "24.03.2026" / "24 Mar 2026".
    pub fn short_date(self, date: NaiveDate) -> String {
        match self {
            Lang::Da => date.format("%d.%m.%Y").to_string(),
            Lang::En => date.format("%-d %b %Y").to_string(),
        }
    }

    /// "uge 10" / "week 10".
    pub fn week(self, date: NaiveDate) -> String {
        self.week_number(date.iso_week().week())
    }

    /// "uge 10" / "week 10", from the ISO week's number.
    pub fn week_number(self, week: u32) -> String {
        format!("{} {week}", self.words().week)
    }

    /// "1. kvartal 2026" / "Q1 2026".
    pub fn quarter(self, q: Quarter) -> String {
        match self {
            Lang::Da => format!("{}. kvartal {}", q.number, q.year),
            Lang::En => format!("Q{} {}", q.number, q.year),
        }
    }

    fn period(self, p: Period) -> String {
        match p {
            Period::Day(d) => self.long_date(d),
            Period::Month(m) => format!("{} {}", self.month_name(m.number.into()), m.year),
            Period::Quarter(q) => self.quarter(q),
        }
    }

    /// A date as people write it: "tirsdag den 3. marts 2026", "marts 2026", "1. kvartal 2026",
    /// "3.–4. kvartal 2026", or "meldes ud senere".
    pub fn when(self, when: When) -> String {
        match when {
            When::Unknown => self.words().not_set.to_owned(),
            When::At(p) => self.period(p),
            When::Span(Period::Quarter(a), Period::Quarter(b)) if a.year == b.year => match self {
                Lang::Da => format!("{}.–{}. kvartal {}", a.number, b.number, a.year),
                Lang::En => format!("Q{}–Q{} {}", a.number, b.number, a.year),
            },
            When::Span(Period::Month(a), Period::Month(b)) if a.year == b.year => format!(
                "{}–{} {}",
                self.month_name(a.number.into()),
                self.month_name(b.number.into()),
                a.year
            ),
            When::Span(a, b) => format!("{}–{}", self.period(a), self.period(b)),
        }
    }

    /// [`Lang::when`] followed by the ISO week where the date is exact: "…, uge 10".
    pub fn when_with_week(self, when: When) -> String {
        match when.day() {
            Some(day) => format!("{} ({})", self.when(when), self.week(day)),
            None => self.when(when),
        }
    }

    pub fn status(self, status: Status) -> &'static str {
        match status {
            Status::Provisional => self.pick("foreløbig", "provisional"),
            Status::Planned => self.pick("planlagt", "planned"),
            Status::Confirmed => self.pick("bekræftet", "confirmed"),
            Status::Cancelled => self.pick("aflyst", "cancelled"),
            Status::Held => self.pick("afholdt", "held"),
            Status::NotRecorded => self.pick("ikke angivet", "not recorded"),
        }
    }

    pub fn audience(self, audience: Audience) -> &'static str {
        match audience {
            Audience::Leder => self.pick("leder", "leader"),
            Audience::Tr => "TR",
            Audience::Amr => "AMR",
            Audience::Medarbejder => self.pick("medarbejder", "employee"),
            Audience::Trio => self.pick("MED-trio", "MED trio"),
        }
    }

    pub fn role(self, role: Role) -> &'static str {
        match role {
            Role::Formand => self.pick("formand", "chair"),
            Role::Naestformand => self.pick("næstformand", "deputy chair"),
            Role::Leder => self.pick("leder", "leader"),
            Role::Tr => "TR",
            Role::Amr => "AMR",
            Role::Medarbejderrepraesentant => {
                self.pick("medarbejderrepræsentant", "employee representative")
            }
            Role::Suppleant => self.pick("suppleant", "substitute"),
            Role::Sekretaer => self.pick("sekretær", "secretary"),
        }
    }

    pub fn side(self, side: Side) -> &'static str {
        match side {
            Side::Ledelsessiden => self.pick("ledelsessiden", "management side"),
            Side::Medarbejdersiden => self.pick("medarbejdersiden", "employee side"),
        }
    }

    pub fn level(self, level: Level) -> &'static str {
        match level {
            Level::Hu => "HU",
            Level::Omu => "OMU",
            Level::Lmu => "LMU",
            Level::Other => self.pick("andet forum", "other forum"),
        }
    }

    pub fn item_type(self, kind: ItemType) -> &'static str {
        match kind {
            ItemType::Beslutning => self.pick("Beslutning", "Decision"),
            ItemType::Droeftelse => self.pick("Drøftelse", "Discussion"),
            ItemType::Orientering => self.pick("Orientering", "Information"),
        }
    }

    pub fn activity_kind(self, kind: ActivityKind) -> &'static str {
        match kind {
            ActivityKind::Tema => self.pick("tema", "theme"),
            ActivityKind::Dialogmoede => self.pick("dialogmøde", "dialogue meeting"),
            ActivityKind::Materialer => self.pick("materialer", "materials"),
            ActivityKind::Opfoelgning => self.pick("opfølgning", "follow-up"),
            ActivityKind::Kobling => self.pick("kobling", "link"),
        }
    }

    pub fn finding_kind(self, kind: FindingKind) -> &'static str {
        match kind {
            FindingKind::Point => self.pick("punkt", "point"),
            FindingKind::Requirement => self.pick("forudsætning", "precondition"),
            FindingKind::Barrier => self.pick("barriere", "barrier"),
            FindingKind::Summary => self.pick("opsamling", "summary"),
            FindingKind::Note => self.pick("note", "note"),
        }
    }

    pub fn origin(self, origin: Origin) -> &'static str {
        match origin {
            Origin::Seed => self.pick("fra kilden", "from the source"),
            Origin::Authored => {
                self.pick("formuleret ud fra opsamlingen", "written from the findings")
            }
        }
    }

    /// Where a prompt comes from, by its real source: the seed's own question, a question
    /// written from the findings, or one written from the programme's text.
    pub fn origin_of(self, origin: Origin, from_programme: bool) -> &'static str {
        match (origin, from_programme) {
            (Origin::Authored, true) => {
                self.pick("formuleret ud fra programmet", "written from the programme")
            }
            _ => self.origin(origin),
        }
    }

    /// "Dagsorden (fra skabelonen lmu-standard)", or "Program (…)" for a temamøde's programme;
    /// "(forslag fra skabelonen …)" when the template's items are suggestions.
    pub fn agenda_from_template(self, template: &str, programme: bool, suggestion: bool) -> String {
        let kind = if programme {
            self.words().programme
        } else {
            self.words().agenda
        };
        match (self, suggestion) {
            (Lang::Da, false) => format!("{kind} (fra skabelonen {template})"),
            (Lang::Da, true) => format!("{kind} (forslag fra skabelonen {template})"),
            (Lang::En, false) => format!("{kind} (from the template {template})"),
            (Lang::En, true) => format!("{kind} (suggested by the template {template})"),
        }
    }

    /// A meeting of a level, as a subject names it: "LMU-møde" / "LMU meeting".
    pub fn level_meeting(self, level: Level) -> String {
        match self {
            Lang::Da => format!("{}-møde", self.level(level)),
            Lang::En => format!("{} meeting", self.level(level)),
        }
    }

    /// A time of day: "kl. 13.00" / "13:00".
    pub fn clock(self, time: chrono::NaiveTime) -> String {
        match self {
            Lang::Da => format!("kl. {}", time.format("%H.%M")),
            Lang::En => time.format("%H:%M").to_string(),
        }
    }

    /// A changed field with the right form of "new": "ny dato", "nyt sted", "nye temaer";
    /// `None` for a field without its own phrase.
    pub fn new_field(self, field: &str) -> Option<&'static str> {
        let (da, en) = match field {
            "date" => ("ny dato", "new date"),
            "start" => ("ny starttid", "new start time"),
            "end" => ("ny sluttid", "new end time"),
            "place" => ("nyt sted", "new place"),
            "status" => ("ny status", "new status"),
            "title" => ("ny titel", "new title"),
            "forum" => ("nyt forum", "new forum"),
            "themes" => ("nye temaer", "new themes"),
            "items" => ("ny dagsorden", "new agenda"),
            "text" => ("ny tekst", "new text"),
            "signup_url" => ("nyt tilmeldingslink", "new sign-up link"),
            "template" => ("ny skabelon", "new template"),
            "notes" => ("nye noter", "new notes"),
            "decision" => ("ny beslutning", "new decision"),
            "conclusion" => ("ny konklusion", "new conclusion"),
            "note" => ("ny note", "new note"),
            "postponed_to" => ("udsat til", "postponed to"),
            "owner" => ("ny ansvarlig", "new owner"),
            "due" => ("ny frist", "new due date"),
            "done" => ("udført", "done"),
            _ => return None,
        };
        Some(self.pick(da, en))
    }

    /// A quotation the way the language marks it: »…« / "…".
    pub fn quoted(self, text: &str) -> String {
        match self {
            Lang::Da => format!("»{text}«"),
            Lang::En => format!("“{text}”"),
        }
    }

    /// "Den årlige arbejdsmiljødrøftelse, oktober 2027: intet møde i LMU Havnen".
    pub fn cycle_gap(self, rule: &str, when: &str, forum: &str) -> String {
        match self {
            Lang::Da => format!("{rule} ({when}) – intet møde i {forum}"),
            Lang::En => format!("{rule} ({when}) – no meeting in {forum}"),
        }
    }

    /// "punkter 10. mar. · udsendes 17. mar." for the deadlines column of a list. A month of
    /// four letters or fewer is written whole, without a full stop ("12. maj", "3. juni").
    pub fn deadlines(self, items_due: Option<NaiveDate>, agenda_out: Option<NaiveDate>) -> String {
        let short = |d: NaiveDate| {
            let name = self.month_name(d.month());
            match self {
                Lang::Da if name.chars().count() <= 4 => format!("{}. {name}", d.day()),
                Lang::Da => {
                    let month: String = name.chars().take(3).collect();
                    format!("{}. {month}.", d.day())
                }
                Lang::En => {
                    let month: String = name.chars().take(3).collect();
                    format!("{} {month}", d.day())
                }
            }
        };
        let mut parts = Vec::new();
        if let Some(d) = items_due {
            parts.push(format!("{} {}", self.pick("punkter", "items"), short(d)));
        }
        if let Some(d) = agenda_out {
            parts.push(format!(
                "{} {}",
                self.pick("udsendes", "sent out"),
                short(d)
            ));
        }
        parts.join(" · ")
    }

    /// "uge 49–50, 2026", or "uge 49, 2026" for one week.
    pub fn week_span(self, monday: NaiveDate, sunday: NaiveDate) -> String {
        let (a, b) = (monday.iso_week(), sunday.iso_week());
        let word = self.words().week;
        if a == b {
            format!("{word} {}, {}", a.week(), a.year())
        } else if a.year() == b.year() {
            format!("{word} {}–{}, {}", a.week(), b.week(), a.year())
        } else {
            format!(
                "{word} {}, {}–{}, {}",
                a.week(),
                a.year(),
                b.week(),
                b.year()
            )
        }
    }

    /// "Intet at gøre i uge 49–50 2026."
    pub fn nothing_this_week(self, weeks: &str) -> String {
        match self {
            Lang::Da => format!("Intet at gøre i {weeks}."),
            Lang::En => format!("Nothing to do in {weeks}."),
        }
    }

    /// "Den årlige arbejdsmiljødrøftelse (oktober 2026) – LMU-møde i oktober er aflyst; flyt
    /// opgaven til LMU-møde i december (tirsdag den 1. december 2026)".
    pub fn cycle_cancelled(
        self,
        rule: &str,
        when: &str,
        cancelled: &str,
        next: Option<&str>,
        forum: &str,
    ) -> String {
        match (self, next) {
            (Lang::Da, Some(next)) => {
                format!("{rule} ({when}) – {cancelled} er aflyst; flyt opgaven til {next}")
            }
            (Lang::Da, None) => format!(
                "{rule} ({when}) – {cancelled} er aflyst, og der er intet senere møde i {forum}"
            ),
            (Lang::En, Some(next)) => {
                format!("{rule} ({when}) – {cancelled} is cancelled; move the task to {next}")
            }
            (Lang::En, None) => format!(
                "{rule} ({when}) – {cancelled} is cancelled, and there is no later meeting in {forum}"
            ),
        }
    }

    /// "Den årlige arbejdsmiljødrøftelse – intet møde i LMU Havnen endnu".
    pub fn cycle_no_meeting(self, rule: &str, forum: &str) -> String {
        match self {
            Lang::Da => format!("{rule} – intet møde i {forum} endnu"),
            Lang::En => format!("{rule} – no meeting in {forum} yet"),
        }
    }

    /// "Obligatorisk arbejdsmiljøuddannelse, 3 dage: Sara Holm".
    pub fn training_title(self, course: crate::model::Course, days: f64, name: &str) -> String {
        use crate::model::Course;
        let half = (days - 1.5).abs() < f64::EPSILON;
        let days = match (self, half) {
            (Lang::Da, true) => "1½ dag".to_owned(),
            (Lang::En, true) => "1½ days".to_owned(),
            (Lang::Da, false) => format!("{days} dage"),
            (Lang::En, false) => format!("{days} days"),
        };
        match (self, course) {
            (Lang::Da, Course::Obligatorisk) => {
                format!("Obligatorisk arbejdsmiljøuddannelse, {days}: {name}")
            }
            (Lang::Da, Course::Supplerende) => {
                format!("Supplerende arbejdsmiljøuddannelse, {days}: {name}")
            }
            (Lang::En, Course::Obligatorisk) => {
                format!("Obligatory working-environment training, {days}: {name}")
            }
            (Lang::En, Course::Supplerende) => {
                format!("Supplementary working-environment training, {days}: {name}")
            }
        }
    }

    /// "senest 30. november 2025" / "by 30 November 2025".
    pub fn training_due(self, due: NaiveDate) -> String {
        let month = self.month_name(due.month());
        match self {
            Lang::Da => format!("senest {}. {month} {}", due.day(), due.year()),
            Lang::En => format!("by {} {month} {}", due.day(), due.year()),
        }
    }

    /// "taget 20.11.2025" / "taken 20 Nov 2025".
    pub fn training_taken(self, on: NaiveDate) -> String {
        match self {
            Lang::Da => format!("taget {}", self.short_date(on)),
            Lang::En => format!("taken {}", self.short_date(on)),
        }
    }

    /// "Obligatorisk …: Sara Holm (senest 30. november 2025) – intet kursus registreret i LMU …".
    pub fn training_gap(self, title: &str, due: &str, forum: &str) -> String {
        match self {
            Lang::Da => format!("{title} ({due}) – intet kursus registreret i {forum}"),
            Lang::En => format!("{title} ({due}) – no course recorded in {forum}"),
        }
    }

    /// "1 AMR-kursus er ikke registreret inden fristen.".
    pub fn cycle_overdue_training(self, n: usize) -> String {
        match (self, n) {
            (Lang::Da, 1) => "1 AMR-kursus er ikke registreret inden fristen.".to_owned(),
            (Lang::Da, n) => format!("{n} AMR-kurser er ikke registreret inden fristen."),
            (Lang::En, 1) => "1 AMR course is not recorded by its deadline.".to_owned(),
            (Lang::En, n) => format!("{n} AMR courses are not recorded by their deadline."),
        }
    }

    /// "2 opgaver mangler et møde".
    pub fn cycle_missing(self, n: usize) -> String {
        match (self, n) {
            (Lang::Da, 1) => "1 opgave mangler et møde.".to_owned(),
            (Lang::Da, n) => format!("{n} opgaver mangler et møde."),
            (Lang::En, 1) => "1 task has no meeting.".to_owned(),
            (Lang::En, n) => format!("{n} tasks have no meeting."),
        }
    }

    /// "2 punkter" / "2 points".
    pub fn points_count(self, n: usize) -> String {
        match (self, n) {
            (Lang::Da, 1) => "1 punkt".to_owned(),
            (Lang::Da, n) => format!("{n} punkter"),
            (Lang::En, 1) => "1 point".to_owned(),
            (Lang::En, n) => format!("{n} points"),
        }
    }

    /// "Udvalgte punkter (4 af 5) fra »Det, der giver mening«." for a list that shows some
    /// of its sections' points; `sections` are the sections' titles.
    pub fn selected_points(self, shown: usize, total: usize, sections: &[&str]) -> String {
        let names: Vec<String> = sections.iter().map(|s| self.quoted(s)).collect();
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        let from = self.join(&names);
        match self {
            Lang::Da => format!(
                "{} ({shown} af {total}) fra {from}.",
                self.words().selected_points
            ),
            Lang::En => format!(
                "{} ({shown} of {total}) from {from}.",
                self.words().selected_points
            ),
        }
    }

    /// How the rollup is limited, in words: "temaet »Styrket aktørskab«", "fra 1. kvartal
    /// 2026", "OMU Sundhed og omsorg og udvalgene under det".
    pub fn limited_to(self, what: Limit<'_>) -> String {
        match (self, what) {
            (Lang::Da, Limit::Theme(t)) => format!("temaet {}", self.quoted(t)),
            (Lang::En, Limit::Theme(t)) => format!("the theme {}", self.quoted(t)),
            (Lang::Da, Limit::From(w)) => format!("fra {w}"),
            (Lang::En, Limit::From(w)) => format!("from {w}"),
            (Lang::Da, Limit::To(w)) => format!("til og med {w}"),
            (Lang::En, Limit::To(w)) => format!("up to {w}"),
            (_, Limit::Quarter(w)) => w.to_owned(),
            (Lang::Da, Limit::Under(c)) => format!("{c} og udvalgene under det"),
            (Lang::En, Limit::Under(c)) => format!("{c} and the committees under it"),
        }
    }

    /// "Tema" before one theme, "Temaer" before more.
    pub fn themes_label(self, count: usize) -> &'static str {
        match (self, count) {
            (Lang::Da, 1) => "Tema",
            (Lang::Da, _) => "Temaer",
            (Lang::En, 1) => "Theme",
            (Lang::En, _) => "Themes",
        }
    }

    /// The purpose of a prep sheet whose data gives none, as sentences: "MED-trioen
    /// forbereder dialogen om »…«. Arket samler, hvad opsamlingen peger på, …". `source` names
    /// whose text the sheet draws on ("HovedMEDs program", "opsamlingen").
    pub fn prep_purpose(self, title: &str, themes: &[String], source: &str) -> String {
        let names: Vec<String> = themes.iter().map(|t| self.quoted(t)).collect();
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        let own = themes.iter().any(|t| t == title);
        let subject = match (own, names.is_empty()) {
            (true, _) => format!(
                "{} {}",
                self.pick("dialogen om", "the dialogue on"),
                self.join(&names)
            ),
            (false, true) => self.quoted(title),
            (false, false) => format!(
                "{} {} {}",
                self.quoted(title),
                self.pick("om", "on"),
                self.join(&names)
            ),
        };
        match self {
            Lang::Da => format!(
                "MED-trioen forbereder {subject}. Arket samler, hvad {source} peger på, hvad I vil spørge om, og hvordan I kan se, at I lykkes."
            ),
            Lang::En => format!(
                "The MED trio prepares {subject}. The sheet gathers what {source} points to, what you will ask, and how you will see that you succeed."
            ),
        }
    }

    /// "Godkendt på mødet tirsdag den 7. april 2026 (LMU-møde i april)".
    pub fn approved_at(self, date: &str, meeting: &str) -> String {
        match self {
            Lang::Da => format!("Godkendt på mødet {date} ({meeting})"),
            Lang::En => format!("Approved at the meeting on {date} ({meeting})"),
        }
    }

    /// "Godkendt skriftligt den 8. december 2026".
    pub fn approved_in_writing(self, date: &str) -> String {
        match self {
            Lang::Da => format!("Godkendt skriftligt {date}"),
            Lang::En => format!("Approved in writing on {date}"),
        }
    }

    /// "Udsat til LMU-møde i april (tirsdag den 7. april 2026)".
    pub fn postponed_to(self, meeting: &str, when: &str) -> String {
        let when = if when.is_empty() {
            String::new()
        } else {
            format!(" ({when})")
        };
        match self {
            Lang::Da => format!("Udsat til {meeting}{when}"),
            Lang::En => format!("Postponed to {meeting}{when}"),
        }
    }

    /// "referat fra mødet tirsdag den 3. marts 2026".
    pub fn minutes_of_meeting(self, date: &str) -> String {
        match self {
            Lang::Da => format!("Referat fra mødet {date}"),
            Lang::En => format!("Minutes of the meeting on {date}"),
        }
    }

    /// What kind of thing an id names, as a noun: "møde", "aktivitet", …
    pub fn kind(self, kind: crate::model::Kind) -> &'static str {
        use crate::model::Kind;
        match kind {
            Kind::Meeting => self.pick("møde", "meeting"),
            Kind::Activity => self.pick("aktivitet", "activity"),
            Kind::Finding => self.pick("fund", "finding"),
            Kind::Prompt => self.pick("spørgsmål", "prompt"),
            Kind::Theme => self.pick("tema", "theme"),
            Kind::Forum => self.pick("forum", "forum"),
            Kind::Section => self.pick("afsnit", "section"),
            Kind::Template => self.pick("skabelon", "template"),
            Kind::Text => self.pick("tekst", "text"),
            Kind::Action => self.pick("handlingspunkt", "action point"),
            Kind::Task => self.pick("opgave i årshjulet", "task of the annual cycle"),
            Kind::Decision => self.pick("beslutning", "decision"),
        }
    }

    pub fn action_status(self, status: crate::model::ActionStatus) -> &'static str {
        use crate::model::ActionStatus;
        match status {
            ActionStatus::Open => self.pick("åben", "open"),
            ActionStatus::Done => self.pick("udført", "done"),
            ActionStatus::Dropped => self.pick("opgivet", "dropped"),
        }
    }

    /// Several values joined the way the language lists them: "TR, AMR og leder".
    pub fn join(self, items: &[&str]) -> String {
        match items {
            [] => String::new(),
            [one] => (*one).to_owned(),
            [init @ .., last] => format!("{} {} {last}", init.join(", "), self.pick("og", "and")),
        }
    }

    /// "kl. 13.00–15.30" / "13:00–15:30".
    pub fn time_span(self, start: chrono::NaiveTime, end: chrono::NaiveTime) -> String {
        match self {
            Lang::Da => format!("kl. {}–{}", start.format("%H.%M"), end.format("%H.%M")),
            Lang::En => format!("{}–{}", start.format("%H:%M"), end.format("%H:%M")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn when(s: &str) -> When {
        s.parse().unwrap()
    }

    #[test]
    fn danish_dates() {
        assert_eq!(
            Lang::Da.when(when("2026-03-03")),
            "tirsdag den 3. marts 2026"
        );
        assert_eq!(Lang::Da.when(when("2026-03")), "marts 2026");
        assert_eq!(Lang::Da.when(when("2026-Q1")), "1. kvartal 2026");
        assert_eq!(
            Lang::Da.when(when("2026-Q3..2026-Q4")),
            "3.–4. kvartal 2026"
        );
        assert_eq!(Lang::Da.when(When::Unknown), "meldes ud senere");
        assert_eq!(
            Lang::Da.when_with_week(when("2026-03-03")),
            "tirsdag den 3. marts 2026 (uge 10)"
        );
    }

    #[test]
    fn a_short_month_is_written_whole_without_a_full_stop() {
        let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d);
        assert_eq!(
            Lang::Da.deadlines(day(5, 12), day(5, 19)),
            "punkter 12. maj · udsendes 19. maj"
        );
        assert_eq!(
            Lang::Da.deadlines(day(6, 2), day(3, 17)),
            "punkter 2. juni · udsendes 17. mar."
        );
        assert_eq!(Lang::En.deadlines(day(5, 12), None), "items 12 May");
    }

    #[test]
    fn short_dates_fit_a_column() {
        let day = NaiveDate::from_ymd_opt(2026, 3, 24).unwrap();
        assert_eq!(Lang::Da.short_date(day), "24.03.2026");
        assert_eq!(Lang::En.short_date(day), "24 Mar 2026");
    }

    #[test]
    fn english_dates() {
        assert_eq!(Lang::En.when(when("2026-03-03")), "Tuesday 3 March 2026");
        assert_eq!(Lang::En.when(when("2026-Q3..2026-Q4")), "Q3–Q4 2026");
        assert_eq!(Lang::En.when(When::Unknown), "to be announced");
    }

    #[test]
    fn every_word_has_both_languages() {
        for (name, da, en) in Words::PAIRS {
            assert!(!da.trim().is_empty(), "`{name}` has no Danish");
            assert!(!en.trim().is_empty(), "`{name}` has no English");
            assert_eq!(da.trim(), *da, "`{name}`: stray space in the Danish");
            assert_eq!(en.trim(), *en, "`{name}`: stray space in the English");
        }
        let names: std::collections::HashSet<_> = Words::PAIRS.iter().map(|p| p.0).collect();
        assert_eq!(names.len(), Words::PAIRS.len());
    }

    #[test]
    fn the_fallback_is_danish() {
        assert_eq!(Lang::En.prefer("Dagsorden", Some("Agenda")), "Agenda");
        assert_eq!(Lang::En.prefer("Dagsorden", None), "Dagsorden");
        assert_eq!(Lang::Da.prefer("Dagsorden", Some("Agenda")), "Dagsorden");
    }

    #[test]
    fn spans_across_years_name_both_ends() {
        assert_eq!(
            Lang::Da.when(when("2025-Q4..2026-Q1")),
            "4. kvartal 2025–1. kvartal 2026"
        );
    }
}
