//! JSON Schemas of the data files, derived from the model types, with every field described
//! in English and Danish, so that an editor shows both as tooltips.

use schemars::generate::SchemaSettings;
use serde_json::Value;

use crate::model::{Findings, ID_PATTERN, LocalFile, Minutes, Programme, Roadmap};
use crate::report::minutes::Referat;

/// The files that have a schema.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum SchemaFile {
    Programme,
    Roadmap,
    Findings,
    /// A file in `local/`
    Local,
    /// `cycle.yaml`, the annual cycle
    Cycle,
    /// `members.yaml`, the committee's members
    Members,
    /// A file in `minutes/`: one meeting's minutes
    Minutes,
    /// The referat as `medtrio minutes ID --format json` prints it (output, not a data file)
    Referat,
    /// The report as `medtrio rollup ROOT --format json` prints it (output, not a data file)
    Rollup,
}

impl SchemaFile {
    pub const ALL: [SchemaFile; 9] = [
        SchemaFile::Programme,
        SchemaFile::Roadmap,
        SchemaFile::Findings,
        SchemaFile::Local,
        SchemaFile::Cycle,
        SchemaFile::Members,
        SchemaFile::Minutes,
        SchemaFile::Referat,
        SchemaFile::Rollup,
    ];

    /// The file name under `schemas/`.
    pub fn file_name(self) -> &'static str {
        match self {
            SchemaFile::Programme => "programme.schema.json",
            SchemaFile::Roadmap => "roadmap.schema.json",
            SchemaFile::Findings => "findings.schema.json",
            SchemaFile::Local => "local.schema.json",
            SchemaFile::Cycle => "cycle.schema.json",
            SchemaFile::Members => "members.schema.json",
            SchemaFile::Minutes => "minutes.schema.json",
            SchemaFile::Referat => "referat.schema.json",
            SchemaFile::Rollup => "rollup.schema.json",
        }
    }
}

/// Each field's description in English and Danish, by name. A name written `Type.field`
/// describes that field of that type only, and goes before the plain name.
const FIELDS: &[(&str, &str, &str)] = &[
    (
        "Programme.committee",
        "The committee whose data this folder is (a forum id), in a tree of committees' folders",
        "Det udvalg, hvis data mappen rummer (et forum-id), i et træ af udvalgenes mapper",
    ),
    (
        "Programme.parent",
        "The committee above this one (a forum id: its OMU or HU); a folder without roadmap.yaml or findings.yaml uses theirs",
        "Udvalget over dette (et forum-id: dets OMU eller HU); en mappe uden roadmap.yaml eller findings.yaml bruger deres",
    ),
    (
        "Meeting.activity",
        "The roadmap activity the meeting carries out (an activity id)",
        "Den aktivitet i køreplanen, mødet gennemfører (et aktivitets-id)",
    ),
    (
        "RoadmapActivity.outcome",
        "What came of the activity, once recorded: held, postponed or cancelled",
        "Hvad der kom ud af aktiviteten, når det er registreret: afholdt, udsat eller aflyst",
    ),
    (
        "Outcome.status",
        "held, postponed or cancelled",
        "held (afholdt), postponed (udsat) eller cancelled (aflyst)",
    ),
    (
        "Outcome.date",
        "Held: the day it was held. Postponed: the new period",
        "Afholdt: dagen. Udsat: den nye periode",
    ),
    (
        "Outcome.meetings",
        "The meetings that carried it out (meeting ids), here or in the committees' folders below",
        "De møder, der gennemførte den (møde-id'er), her eller i udvalgenes mapper nedenunder",
    ),
    (
        "Outcome.note",
        "What came of it, in a few words",
        "Hvad der kom ud af det, med få ord",
    ),
    (
        "AgendaItem.cycle",
        "The task of the annual cycle (a rule id of cycle.yaml) that this item covers",
        "Den opgave i årshjulet (et regel-id i cycle.yaml), som punktet dækker",
    ),
    (
        "AgendaItem.attachments",
        "Attachments (bilag): files in the data folder, each a path or {file, title}",
        "Bilag: filer i datamappen, hver en sti eller {file, title}",
    ),
    (
        "Meeting.invited",
        "The last invitation that `medtrio mail invitation` wrote: its SEQUENCE and a fingerprint; medtrio writes it",
        "Den seneste indkaldelse, `medtrio mail invitation` skrev: dens SEQUENCE og et fingeraftryk; medtrio skriver det",
    ),
    (
        "Invited.sequence",
        "The SEQUENCE of the last invitation, from 0",
        "SEQUENCE for den seneste indkaldelse, fra 0",
    ),
    (
        "Invited.fingerprint",
        "What the last invitation said, as a fingerprint",
        "Hvad den seneste indkaldelse sagde, som et fingeraftryk",
    ),
    (
        "AgendaItem.role",
        "What the item is for, where medtrio treats it apart: approve-agenda, approve-minutes (the follow-up goes after it), follow-up, next-meeting, evaluation, any-other-business, break (takes no number). Without it, the standard Danish titles say",
        "Hvad punktet er til, hvor medtrio behandler det særskilt: approve-agenda (godkendelse af dagsorden), approve-minutes (godkendelse af referat; opfølgningen kommer efter), follow-up (opfølgning), next-meeting (næste møde), evaluation (evaluering), any-other-business (eventuelt), break (pause, uden nummer). Uden det læses de faste danske titler",
    ),
    (
        "items_due_days",
        "Days before a meeting by which items must be proposed (frist for punkter)",
        "Dage før et møde, hvor punkter senest skal være meldt ind (frist for punkter)",
    ),
    (
        "agenda_out_days",
        "Days before a meeting on which the agenda goes out",
        "Dage før et møde, hvor dagsordenen sendes ud",
    ),
    (
        "comments_working_days",
        "Working days (Monday to Friday) after a meeting by which the members comment on the draft referat",
        "Arbejdsdage (mandag til fredag) efter et møde, hvor medlemmerne senest giver bemærkninger til udkastet til referat",
    ),
    (
        "Cycle.rules",
        "The recurring tasks of the year",
        "Årets tilbagevendende opgaver",
    ),
    (
        "Rule.levels",
        "The forum levels the task applies to: hu, omu, lmu",
        "De forumniveauer, opgaven gælder for: hu, omu, lmu",
    ),
    (
        "Rule.forums",
        "The fora the task applies to, by id, beside its levels",
        "De fora, opgaven gælder for, ud over niveauerne (forum-id'er)",
    ),
    (
        "Rule.when",
        "When the task falls: months, a quarter, and perhaps every N years",
        "Hvornår opgaven falder: måneder, et kvartal og evt. hvert N. år",
    ),
    (
        "Rule.item",
        "The agenda item the task brings",
        "Det dagsordenspunkt, opgaven giver",
    ),
    (
        "Rule.basis",
        "What the task rests on: a law, a rule or the local MED agreement",
        "Hvad opgaven hviler på: en lov, en regel eller den lokale MED-aftale",
    ),
    (
        "Rule.example",
        "Whether the task is an example to adapt, not a requirement",
        "Om opgaven er et eksempel at tilpasse, ikke et krav",
    ),
    ("Recurrence.months", "Months, 1 to 12", "Måneder, 1 til 12"),
    (
        "Recurrence.quarter",
        "A quarter, 1 to 4",
        "Et kvartal, 1 til 4",
    ),
    (
        "Recurrence.every_years",
        "Every N years (the APV: at least every third year); left out, every year",
        "Hvert N. år (APV: mindst hvert tredje år); udeladt: hvert år",
    ),
    (
        "Recurrence.from_year",
        "The first year of an every-N-years task",
        "Det første år for en opgave hvert N. år",
    ),
    (
        "Minutes.meeting",
        "The meeting the minutes are of (a meeting id); the file is named after it, minutes/ID.yaml",
        "Det møde, referatet er fra (et møde-id); filen er navngivet efter det, minutes/ID.yaml",
    ),
    (
        "Minutes.status",
        "draft until a later meeting approves the minutes, then approved",
        "draft (udkast), indtil et senere møde godkender referatet, derefter approved (godkendt)",
    ),
    (
        "Minutes.held",
        "When and where the meeting was actually held, where that differs from the plan",
        "Hvornår og hvor mødet faktisk blev holdt, hvis det afviger fra planen",
    ),
    ("Minutes.present", "Who was there", "Til stede"),
    (
        "Members.forum",
        "The forum the members sit in (a forum id); left out, the folder's committee, else the programme's owner",
        "Det forum, medlemmerne sidder i (et forum-id); udeladt: mappens udvalg, ellers programmets ejer",
    ),
    (
        "Members.members",
        "The members, one seat each",
        "Medlemmerne, én plads hver",
    ),
    (
        "Member.name",
        "The name as the minutes write it under present and apologies",
        "Navnet, som referatet skriver det under til stede og afbud",
    ),
    (
        "Member.roles",
        "One or more of: formand, næstformand, leder, tr, amr, medarbejderrepræsentant, suppleant, sekretær",
        "En eller flere af: formand, næstformand, leder, tr, amr, medarbejderrepræsentant, suppleant, sekretær",
    ),
    (
        "Member.side",
        "ledelsessiden or medarbejdersiden; left out, the side the roles say",
        "ledelsessiden eller medarbejdersiden; udeladt: den side, rollerne siger",
    ),
    (
        "Member.organisation",
        "The union, association or unit the member comes from",
        "Den organisation, forening eller enhed, medlemmet kommer fra",
    ),
    (
        "Member.email",
        "The e-mail address the invitation goes to",
        "Den e-mailadresse, indkaldelsen sendes til",
    ),
    (
        "Member.forum",
        "The forum of the seat (a forum id), where it is not the file's",
        "Pladsens forum (et forum-id), hvor det ikke er filens",
    ),
    (
        "Member.from",
        "The first day of the seat, YYYY-MM-DD",
        "Pladsens første dag, ÅÅÅÅ-MM-DD",
    ),
    (
        "Member.to",
        "The last day of the seat, YYYY-MM-DD; left out while the seat runs",
        "Pladsens sidste dag, ÅÅÅÅ-MM-DD; udeladt, mens pladsen løber",
    ),
    (
        "Member.training",
        "The courses taken: the AMR's obligatory and supplementary training",
        "Kurser taget: arbejdsmiljørepræsentantens obligatoriske og supplerende uddannelse",
    ),
    (
        "Training.course",
        "obligatorisk (the 3-day working-environment training) or supplerende",
        "obligatorisk (den 3-dages arbejdsmiljøuddannelse) eller supplerende",
    ),
    (
        "Training.on",
        "The day the course was taken (its last day), YYYY-MM-DD",
        "Dagen, kurset blev taget (sidste dag), ÅÅÅÅ-MM-DD",
    ),
    (
        "Training.days",
        "Its length in days (1.5 for a day and a half)",
        "Længden i dage (1.5 for halvanden dag)",
    ),
    (
        "Minutes.approved",
        "For approved minutes: the day and the later meeting of the same forum that approved them",
        "For et godkendt referat: dagen og det senere møde i samme forum, der godkendte det",
    ),
    (
        "Minutes.items",
        "What each agenda item came to, by its number on the agenda",
        "Hvad hvert dagsordenspunkt førte til, efter dets nummer på dagsordenen",
    ),
    (
        "Minutes.actions",
        "The action points (handlingspunkter): what, who, by when",
        "Handlingspunkterne: hvad, hvem, hvornår",
    ),
    (
        "Held.date",
        "The day the meeting was held",
        "Dagen, mødet blev holdt",
    ),
    (
        "Approval.date",
        "The day the minutes were approved",
        "Dagen, referatet blev godkendt",
    ),
    (
        "Approval.meeting",
        "The later meeting of the same forum that approved the minutes (a meeting id)",
        "Det senere møde i samme forum, der godkendte referatet (et møde-id)",
    ),
    (
        "ItemMinutes.item",
        "The item's number on the agenda, from 1, as medtrio agenda numbers it",
        "Punktets nummer på dagsordenen, fra 1, som medtrio agenda nummererer det",
    ),
    (
        "ItemMinutes.title",
        "The item's title, to read the file by; validate checks it against the agenda",
        "Punktets titel, så filen kan læses; validate tjekker den mod dagsordenen",
    ),
    (
        "decision",
        "For a B item: the decision (Beslutning)",
        "For et B-punkt: beslutningen",
    ),
    (
        "conclusion",
        "For a D item: the conclusion (Konklusion)",
        "For et D-punkt: konklusionen",
    ),
    (
        "noted",
        "For an O item: taken note of (taget til efterretning)",
        "For et O-punkt: taget til efterretning",
    ),
    (
        "postponed_to",
        "Postponed (udsat) to this later meeting (a meeting id)",
        "Udsat til dette senere møde (et møde-id)",
    ),
    (
        "story",
        "A good story of aktørskab that came out of it, to tell further up",
        "En god historie om aktørskab, der kom ud af det, til at fortælle videre",
    ),
    (
        "ItemMinutes.statements",
        "Protokoltilførsler: statements entered in the referat at a member's request (by, text); public unless the item is confidential",
        "Protokoltilførsler: udtalelser ført til referat efter et medlems ønske (by, text); offentlige, medmindre punktet er fortroligt",
    ),
    (
        "Statement.by",
        "Who asked for the statement to be entered",
        "Hvem der bad om protokoltilførslen",
    ),
    (
        "Statement.text",
        "The statement, as they gave it",
        "Udtalelsen, som den blev givet",
    ),
    (
        "AgendaItem.confidential",
        "A confidential item (fortroligt, lukket punkt): the public version (--public, export) shows only \"Fortroligt punkt\"; its minutes, decisions, action points, prompts and protokoltilførsler are confidential with it",
        "Et fortroligt punkt (lukket punkt): den offentlige udgave (--public, export) viser kun \"Fortroligt punkt\"; referat, beslutninger, handlingspunkter, spørgsmål og protokoltilførsler er fortrolige med det",
    ),
    (
        "AgendaItem.confidential_reason",
        "Why the item is confidential; shown in the members' version only",
        "Hvorfor punktet er fortroligt; vises kun i medlemmernes udgave",
    ),
    ("Action.text", "What is to be done", "Hvad der skal gøres"),
    ("Action.owner", "Who does it", "Hvem der gør det"),
    (
        "Action.due",
        "By when: a day, a month or a quarter",
        "Hvornår: en dag, en måned eller et kvartal",
    ),
    (
        "Action.status",
        "open, done or dropped",
        "open (åben), done (udført) eller dropped (opgivet)",
    ),
    (
        "Action.done",
        "The day it was done, for a done action point",
        "Dagen, det blev udført, for et udført handlingspunkt",
    ),
    (
        "Action.item",
        "The number of the agenda item it came from",
        "Nummeret på det dagsordenspunkt, det kom fra",
    ),
    (
        "Meeting.forum",
        "The forum that holds the meeting (a forum id); left out when no committee holds it, such as a cross-cutting temamøde for MED-trios",
        "Det forum, der holder mødet (et forum-id); udelades, når intet udvalg holder det, fx et tværgående temamøde for MED-trioer",
    ),
    (
        "RoadmapActivity.forum",
        "The forum (a forum id); left out when the source names none",
        "Forummet (et forum-id); udelades, når kilden ikke nævner et",
    ),
    (
        "RoadmapActivity.status",
        "Status: provisional, planned, confirmed, cancelled or held; left out (not-recorded) when the source gives none. An activity without a status is never overdue",
        "Status: provisional (foreløbig), planned (planlagt), confirmed (bekræftet), cancelled (aflyst), held (afholdt); udelades (not-recorded, ikke angivet), når kilden ikke angiver en. En aktivitet uden status er aldrig overskredet",
    ),
    (
        "Template.kind",
        "committee (the default): a committee's agenda; programme: the programme of a cross-cutting temamøde, with no committee items",
        "committee (standard): et udvalgs dagsorden; programme: programmet for et tværgående temamøde, uden udvalgets faste punkter",
    ),
    (
        "Template.level",
        "The forum level the template is made for: hu, omu, lmu, other; left out when it fits any. validate warns when a meeting of another level uses it",
        "Det forumniveau, skabelonen er lavet til: hu, omu, lmu, other; udelades, når den passer til alle. validate advarer, når et møde på et andet niveau bruger den",
    ),
    (
        "Template.description",
        "What the template is for",
        "Hvad skabelonen er til",
    ),
    (
        "Programme.note",
        "A caveat printed on every agenda",
        "Et forbehold, der trykkes på hver dagsorden",
    ),
    (
        "Forum.note",
        "An editor's note on what the sources do and do not say about the forum, e.g. that two names may or may not be one body; shown by show",
        "En redaktionel note om, hvad kilderne siger og ikke siger om forummet, fx at to navne måske er samme udvalg; vises af show",
    ),
    (
        "Section.note",
        "An editor's note on how the section is read from the source, e.g. an uncertain placement; shown by show",
        "En redaktionel note om, hvordan afsnittet er læst ud af kilden, fx en usikker placering; vises af show",
    ),
    (
        "Finding.note",
        "An editor's note on what the source does not say; shown by show",
        "En redaktionel note om, hvad kilden ikke siger; vises af show",
    ),
    (
        "Prompt.text",
        "The question as it is read aloud or printed on a card: complete and self-contained, ending in ?",
        "Spørgsmålet, som det læses op eller trykkes på et kort: helt og selvstændigt, med ? til sidst",
    ),
    (
        "Finding.kind",
        "Kind: point, requirement, barrier, summary, note",
        "Art: point (punkt), requirement (krav), barrier (barriere), summary (opsamling), note",
    ),
    (
        "RoadmapActivity.kind",
        "Kind: tema, dialogmøde, materialer, opfølgning, kobling",
        "Art: tema, dialogmøde, materialer, opfølgning, kobling",
    ),
    (
        "version",
        "The format version; write 1",
        "Formatets version; skriv 1",
    ),
    (
        "id",
        "A short id, unique across all data files: lower-case letters a-z, digits and hyphens, e.g. temamoede-1",
        "Et kort, entydigt id på tværs af alle datafiler: små bogstaver a-z, cifre og bindestreger, fx temamoede-1",
    ),
    (
        "title",
        "The title, as the source writes it",
        "Titlen, som den står i kilden",
    ),
    (
        "title_en",
        "The title in English (optional)",
        "Titlen på engelsk (valgfri)",
    ),
    (
        "owner",
        "The forum that owns the programme (a forum id)",
        "Det forum, der ejer programmet (et forum-id)",
    ),
    (
        "period",
        "The years the programme runs, e.g. 2026-2027",
        "Årene, programmet løber, fx 2026-2027",
    ),
    (
        "status",
        "Status: provisional, planned, confirmed, cancelled or held",
        "Status: provisional (foreløbig), planned (planlagt), confirmed (bekræftet), cancelled (aflyst), held (afholdt)",
    ),
    ("intro", "The introduction", "Indledningen"),
    (
        "why",
        "Why the programme matters, one text per heading",
        "Hvorfor programmet er vigtigt, én tekst pr. overskrift",
    ),
    (
        "description",
        "A longer description",
        "En længere beskrivelse",
    ),
    ("note", "A note", "En note"),
    (
        "announcement",
        "Where dates and sign-up links are announced",
        "Hvor datoer og tilmeldingslink meldes ud",
    ),
    (
        "channel",
        "The channel, e.g. Ugens Lederopgave",
        "Kanalen, fx Ugens Lederopgave",
    ),
    ("url", "The web address", "Webadressen"),
    ("themes", "Themes (theme ids)", "Temaer (tema-id'er)"),
    ("meetings", "The meetings", "Møderne"),
    ("templates", "Agenda templates", "Dagsordensskabeloner"),
    (
        "text",
        "The text, verbatim from the source",
        "Teksten, ordret fra kilden",
    ),
    (
        "text_en",
        "The text in English (optional)",
        "Teksten på engelsk (valgfri)",
    ),
    ("forum", "The forum (a forum id)", "Forummet (et forum-id)"),
    (
        "date",
        "Date: a day, a month, a quarter, a span, or left out (to be announced)",
        "Dato: en dag, en måned, et kvartal, et spænd, eller udeladt (meldes ud senere)",
    ),
    ("start", "Start time, HH:MM", "Starttidspunkt, TT:MM"),
    ("end", "End time, HH:MM", "Sluttidspunkt, TT:MM"),
    ("place", "Place", "Sted"),
    (
        "audiences",
        "Audiences: leder, tr, amr, medarbejder, trio",
        "Målgrupper: leder, tr, amr, medarbejder, trio",
    ),
    (
        "formats",
        "Meeting formats: workshop, stormøde, oplæg, dialog",
        "Mødeformer: workshop, stormøde, oplæg, dialog",
    ),
    (
        "details_announced",
        "Whether the date, place and programme have been announced",
        "Om dato, sted og program er meldt ud",
    ),
    (
        "signup",
        "Whether participants sign up; while the link is not known, it is announced where the programme's announcement says. Committee meetings have no sign-up",
        "Om deltagerne skal tilmelde sig; så længe linket ikke kendes, meldes det ud, hvor programmets announcement siger. Udvalgsmøder har ingen tilmelding",
    ),
    ("signup_url", "Sign-up link", "Tilmeldingslink"),
    (
        "suggestion",
        "The items, their leads and their times are suggestions, not facts from a source, so that every format can mark them forslag",
        "Punkterne, de ansvarlige og tiderne er forslag, ikke fakta fra en kilde, så alle formater kan markere dem som forslag",
    ),
    (
        "meetings_heading",
        "The heading over the description of the meetings, as the source writes it",
        "Overskriften over beskrivelsen af møderne, som den står i kilden",
    ),
    (
        "source_label",
        "The date exactly as the source writes it (e.g. 3.-4 kvartal 2026), beside the normalised date",
        "Datoen præcis, som kilden skriver den (fx 3.-4 kvartal 2026), ved siden af den normaliserede dato",
    ),
    (
        "lead_in",
        "The line that leads into the points after the intro, e.g. For at lykkes kræver det:",
        "Linjen, der leder ind til punkterne efter indledningen, fx For at lykkes kræver det:",
    ),
    (
        "quote",
        "For a seed prompt whose text is not the source's words as they stand: the source's words, verbatim. An authored prompt has none",
        "For et spørgsmål fra kilden, hvis tekst ikke er kildens ord, som de står: kildens ord, ordret. Et forfattet spørgsmål har ingen",
    ),
    ("participants", "Participants", "Deltagere"),
    ("apologies", "Apologies", "Afbud"),
    ("chair", "Chair", "Mødeleder"),
    ("minute_taker", "Minute-taker", "Referent"),
    (
        "template",
        "The template that gives the agenda when the meeting has no items of its own",
        "Skabelonen, dagsordenen hentes fra, når mødet ikke har egne punkter",
    ),
    ("items", "The agenda items", "Dagsordenspunkterne"),
    ("notes", "Notes", "Noter"),
    (
        "type",
        "The item's type: B (decision), D (discussion), O (information)",
        "Punktets type: B (beslutning), D (drøftelse), O (orientering)",
    ),
    ("minutes", "Minutes, more than 0", "Minutter, mere end 0"),
    ("lead", "Who leads the item", "Ansvarlig for punktet"),
    (
        "lead_en",
        "Who leads the item, in English (optional)",
        "Ansvarlig for punktet, på engelsk (valgfri)",
    ),
    (
        "recommendation",
        "Recommendation: \"Det indstilles, at …\"",
        "Indstilling: »Det indstilles, at …«",
    ),
    (
        "recommendation_en",
        "The recommendation in English: \"It is recommended that …\" (optional)",
        "Indstillingen på engelsk: »It is recommended that …« (valgfri)",
    ),
    (
        "prompts",
        "Dialogue prompts (prompt ids)",
        "Dialogspørgsmål (prompt-id'er)",
    ),
    (
        "fixed",
        "The item keeps its length when the template is scaled",
        "Punktet beholder sin længde, når skabelonen skaleres",
    ),
    (
        "forums",
        "Fora: HU, OMUs, LMUs and others",
        "Fora: HU, OMU'er, LMU'er og andre",
    ),
    (
        "activities",
        "The roadmap's activities",
        "Aktiviteterne på køreplanen",
    ),
    ("name", "The name", "Navnet"),
    (
        "full_name",
        "The full name, e.g. Hovedudvalget",
        "Det fulde navn, fx Hovedudvalget",
    ),
    (
        "level",
        "Level: hu, omu, lmu, other (fora such as DIR and KCL)",
        "Niveau: hu, omu, lmu, other (andre fora som DIR og KCL)",
    ),
    ("kind", "Kind", "Art"),
    (
        "sections",
        "The sections of the summary",
        "Afsnittene i opsamlingen",
    ),
    (
        "findings",
        "The findings, verbatim from the source",
        "Fundene, ordret fra kilden",
    ),
    (
        "heading",
        "The page heading the section stands under",
        "Sideoverskriften, afsnittet står under",
    ),
    (
        "theme",
        "The theme the whole section is about",
        "Temaet, hele afsnittet handler om",
    ),
    (
        "role",
        "What the section holds: meaning, questions, attention, success, summary, theme, barriers, next",
        "Hvad afsnittet rummer: meaning, questions, attention, success, summary, theme, barriers, next",
    ),
    (
        "section",
        "The section (a section id)",
        "Afsnittet (et afsnits-id)",
    ),
    (
        "origin",
        "seed: the source asks the question itself; authored: written from the findings",
        "seed: spørgsmålet stilles i kilden; authored: skrevet ud fra fundene",
    ),
    (
        "sources",
        "The findings the prompt comes from (ids)",
        "De fund, spørgsmålet kommer fra (id'er)",
    ),
    (
        "levels",
        "Levels: hu, omu, lmu, other",
        "Niveauer: hu, omu, lmu, other",
    ),
];

/// The schema of one file, as pretty JSON with a final newline.
pub fn schema_json(file: SchemaFile) -> String {
    let generator = SchemaSettings::draft07().for_deserialize().into_generator();
    let schema = match file {
        SchemaFile::Programme => generator.into_root_schema_for::<Programme>(),
        SchemaFile::Roadmap => generator.into_root_schema_for::<Roadmap>(),
        SchemaFile::Findings => generator.into_root_schema_for::<Findings>(),
        SchemaFile::Local => generator.into_root_schema_for::<LocalFile>(),
        SchemaFile::Cycle => generator.into_root_schema_for::<crate::model::Cycle>(),
        SchemaFile::Members => generator.into_root_schema_for::<crate::model::Members>(),
        SchemaFile::Minutes => generator.into_root_schema_for::<Minutes>(),
        // Output: its own doc comments describe it, not the data files' fields.
        SchemaFile::Referat => {
            return output_schema::<Referat>("medtrio minutes ID --format json");
        }
        SchemaFile::Rollup => {
            return output_schema::<crate::report::rollup::Rollup>(
                "medtrio rollup ROOT --format json",
            );
        }
    };
    let mut value = schema.to_value();
    let root = value
        .get("title")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned();
    add_descriptions(&mut value, &root);
    if let Value::Object(map) = &mut value {
        map.insert(
            "title".into(),
            Value::String(format!(
                "medtrio {}",
                file.file_name().replace(".schema.json", ".yaml")
            )),
        );
    }
    let mut out = serde_json::to_string_pretty(&value).unwrap_or_default();
    out.push('\n');
    out
}

/// The schema of a command's JSON output, described by its own doc comments.
fn output_schema<T: schemars::JsonSchema>(title: &str) -> String {
    let mut value = SchemaSettings::draft07()
        .for_serialize()
        .into_generator()
        .into_root_schema_for::<T>()
        .to_value();
    if let Value::Object(map) = &mut value {
        map.insert("title".into(), Value::String(title.into()));
    }
    let mut out = serde_json::to_string_pretty(&value).unwrap_or_default();
    out.push('\n');
    out
}

/// Describes each property in both languages: "English / Dansk". `owner` is the name of the
/// type whose properties these are, for descriptions of one type's field.
fn add_descriptions(value: &mut Value, owner: &str) {
    match value {
        Value::Object(map) => {
            if let Some(Value::Object(properties)) = map.get_mut("properties") {
                for (name, property) in properties.iter_mut() {
                    let qualified = format!("{owner}.{name}");
                    let Some((_, en, da)) = FIELDS
                        .iter()
                        .find(|(n, ..)| *n == qualified)
                        .or_else(|| FIELDS.iter().find(|(n, ..)| n == name))
                    else {
                        continue;
                    };
                    if let Value::Object(p) = property {
                        // A type's own bilingual description (dates, times) is kept.
                        let keep = p
                            .get("description")
                            .and_then(Value::as_str)
                            .filter(|d| d.contains(" / "));
                        let text = keep.map_or_else(|| format!("{en} / {da}"), str::to_owned);
                        p.insert("description".into(), Value::String(text));
                        let names_an_id = [
                            "id",
                            "meeting",
                            "postponed_to",
                            "committee",
                            "parent",
                            "activity",
                        ]
                        .contains(&name.as_str());
                        if names_an_id && p.get("type").and_then(Value::as_str) == Some("string") {
                            p.insert("pattern".into(), Value::String(ID_PATTERN.into()));
                        }
                    }
                }
            }
            for (key, child) in map.iter_mut() {
                match (key.as_str(), child) {
                    ("definitions" | "$defs", Value::Object(defs)) => {
                        for (name, def) in defs.iter_mut() {
                            add_descriptions(def, name);
                        }
                    }
                    (_, child) => add_descriptions(child, owner),
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|v| add_descriptions(v, owner)),
        _ => {}
    }
}
