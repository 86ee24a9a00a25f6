//! Writes a large, valid medtrio data folder for benchmarks and smoke tests.
//!
//! ```sh
//! cargo run --release --example synth -- --meetings 50000 --findings 10000 --out DIR [--seed N]
//! ```
//!
//! The folder holds `programme.yaml`, `roadmap.yaml` and `findings.yaml` (format version 1) with
//! Danish text, hundreds of LMUs, OMUs and HU, meetings across 2025–2028, agenda items, templates,
//! roadmap activities (meetings / 10), findings and prompts (findings / 3), and in `minutes/`
//! the minutes of a fifth of the meetings (those held on a day up to March 2026), with decisions and
//! action points that the next meeting of the forum approves and follows up. The same `--seed`
//! gives the same bytes, and the three main files are the same with or without the minutes.
//! Only the standard library is used; the YAML is written by hand.
//!
//! With `--committees N` it writes a tree of N committees' folders instead (for `medtrio
//! rollup`): `DIR/hu/` with the roadmap (every forum) and the findings, `DIR/<omu>/` for each
//! OMU, and `DIR/<omu>/<lmu>/` for the LMUs, shared round the OMUs. Each folder has its own
//! programme of `--meetings` meetings of its committee (`committee:`, `parent:`), and the
//! minutes of those held; the OMUs and LMUs use HU's roadmap and findings.
//!
//! ```sh
//! cargo run --release --example synth -- --committees 500 --meetings 100 --findings 1000 --out DIR
//! ```

use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

// ---------------------------------------------------------------------------------------------
// A tiny deterministic PRNG (splitmix64).

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (n > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// A number in `lo..=hi`.
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// True with probability `percent` / 100.
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// One text of `items`.
    fn word(&mut self, items: &[&'static str]) -> &'static str {
        items[self.below(items.len())]
    }

    /// `k` distinct elements of `items`, in the order of `items`.
    fn some<'a, T>(&mut self, items: &'a [T], k: usize) -> Vec<&'a T> {
        let mut chosen: Vec<usize> = Vec::with_capacity(k);
        while chosen.len() < k.min(items.len()) {
            let i = self.below(items.len());
            if !chosen.contains(&i) {
                chosen.push(i);
            }
        }
        chosen.sort_unstable();
        chosen.into_iter().map(|i| &items[i]).collect()
    }
}

// ---------------------------------------------------------------------------------------------
// Danish vocabulary.

const THEMES: &[(&str, &str, &str)] = &[
    (
        "trivsel",
        "Trivsel i hverdagen",
        "Well-being in everyday work",
    ),
    (
        "arbejdsmiljoe",
        "Det psykiske arbejdsmiljø",
        "The psychosocial working environment",
    ),
    ("indflydelse", "Indflydelse i arbejdet", "Influence at work"),
    (
        "dialog",
        "Professionel og åben dialog",
        "Professional, open dialogue",
    ),
    (
        "krav",
        "Håndtering af krav i arbejdet",
        "Handling demands at work",
    ),
    ("aktoerskab", "Styrket aktørskab", "Stronger agency"),
    (
        "rekruttering",
        "Rekruttering og fastholdelse",
        "Recruitment and retention",
    ),
    (
        "sygefravaer",
        "Nærvær og sygefravær",
        "Presence and sickness absence",
    ),
    (
        "forandringer",
        "Gode forandringsprocesser",
        "Good processes of change",
    ),
    (
        "kerneopgaven",
        "Fælles om kerneopgaven",
        "Together on the core task",
    ),
];

const HOUSE_KINDS: &[&str] = &[
    "Børnehuset",
    "Vuggestuen",
    "Børnehaven",
    "Skolen",
    "Fritidshjemmet",
    "Plejecentret",
    "Bostedet",
    "Hjemmeplejen",
    "Sundhedshuset",
    "Biblioteket",
    "Jobcentret",
    "Ungdomsskolen",
];

const HOUSE_NAMES: &[&str] = &[
    "Solsikken",
    "Mælkebøtten",
    "Havnen",
    "Egebakken",
    "Lærkereden",
    "Skovbrynet",
    "Kildebakken",
    "Æblehaven",
    "Søstjernen",
    "Bøgelunden",
    "Regnbuen",
    "Fyrtårnet",
    "Mosehuset",
    "Rønnebærhaven",
    "Enghaven",
    "Strandparken",
    "Østervang",
    "Nørremarken",
    "Vesterled",
    "Åbrinken",
    "Kastanjen",
    "Hyldebærret",
    "Tusindfryd",
    "Bakkegården",
];

const DISTRICTS: &[&str] = &["Nord", "Syd", "Øst", "Vest", "Centrum", "Midt"];

const OMUS: &[(&str, &str)] = &[
    ("omu-dagtilbud", "OMU Dagtilbud"),
    ("omu-skole", "OMU Skole- og fritidsområdet"),
    ("omu-sundhed", "OMU Sundhed og omsorg"),
    ("omu-social", "OMU Socialområdet"),
    ("omu-boern-familie", "OMU Børne- og familieområdet"),
    ("omu-kultur", "OMU Kultur og fritid"),
    ("omu-teknik", "OMU Teknik og miljø"),
    ("omu-adm", "OMU Administrationen"),
    ("omu-beskaeftigelse", "OMU Beskæftigelse og integration"),
];

const MONTHS: &[&str] = &[
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

const MONTHS_EN: &[&str] = &[
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

/// Middle agenda items: title, type, optional recommendation.
const ITEMS: &[(&str, &str, Option<&str>)] = &[
    (
        "Godkendelse af referat",
        "B",
        Some("Det indstilles, at referatet godkendes."),
    ),
    ("Meddelelser fra ledelsen", "O", None),
    ("Meddelelser fra TR og AMR", "O", None),
    (
        "APV: opfølgning",
        "D",
        Some("Det indstilles, at udvalget drøfter status på handleplanen."),
    ),
    (
        "APV: prioritering af indsatser",
        "B",
        Some("Det indstilles, at udvalget vælger tre indsatser."),
    ),
    ("Trivsel i hverdagen", "D", None),
    ("Budget og økonomi", "O", None),
    (
        "Sygefravær: status og opfølgning",
        "D",
        Some("Det indstilles, at udvalget drøfter fraværsstatistikken."),
    ),
    ("Hvad er aktørskab for os?", "D", None),
    ("Arbejdstilrettelæggelse og vagtplaner", "D", None),
    ("Kompetenceudvikling", "D", None),
    ("Ny medarbejder: introduktion", "O", None),
    (
        "Ferieplanlægning",
        "B",
        Some("Det indstilles, at ferieplanen godkendes."),
    ),
    ("Pause", "", None),
    (
        "Prøvehandling til næste møde",
        "B",
        Some("Det indstilles, at udvalget vælger én prøvehandling."),
    ),
    ("Evaluering af samarbejdet i MED", "D", None),
    ("Næste møde", "O", None),
];

const MEETING_TOPICS: &[&str] = &[
    "Temamøde om trivsel",
    "Dialogmøde om aktørskab",
    "Opfølgning på APV",
    "Fælles møde om kerneopgaven",
    "Temamøde om krav i arbejdet",
    "Møde om sygefravær og nærvær",
    "Strategiseminar",
    "Budgetdrøftelse",
];

const PLACES: &[&str] = &[
    "Personalerummet",
    "Mødelokale 1",
    "Mødelokale 2",
    "Rådhuset, lokale 214",
    "Kantinen",
    "Biblioteket, salen",
    "Medarbejderhuset",
    "Online (Teams)",
];

const LEADS: &[&str] = &["Leder", "TR", "AMR", "MED-trioen", "Mødeleder", "Souschef"];

const NOTES: &[&str] = &[
    "Husk at læse \"Trivselsmålingen 2025\" inden mødet.",
    "Referater ligger på K:\\MED\\Referater.",
    "Mødet holdes sammen med personalemødet.",
    "Kaffe og kage fra kl. 12.45.",
    "Afbud til mødelederen senest dagen før.",
];

const SECTIONS: &[(&str, &str)] = &[
    ("giver-mening", "Det, der giver mening"),
    ("mangler-svar", "Det, vi mangler svar på"),
    ("opmaerksomme", "Det, vi skal være opmærksomme på"),
    ("naar-vi-lykkes", "Når vi lykkes"),
    ("barrierer", "Potentielle barrierer"),
    ("vejen-videre", "Vejen videre"),
    ("fra-lmu", "Det, vi hørte i de lokale MED-udvalg"),
    ("fra-omu", "Det, vi hørte i OMU"),
    ("krav-og-ressourcer", "Krav og ressourcer"),
    ("samarbejde", "Samarbejde på tværs"),
    ("ledelse", "Ledelse tæt på"),
    ("opsamlende", "Opsamlende"),
];

const SUBJECTS: &[&str] = &[
    "Pauserne",
    "Vagtplanen",
    "Dialogen med ledelsen",
    "Samarbejdet i teamet",
    "Introduktionen af nye kolleger",
    "Arbejdet med APV'en",
    "Møderne i LMU",
    "Prioriteringen af opgaverne",
    "Informationen fra forvaltningen",
    "Den faglige sparring",
    "Trivslen blandt kollegerne",
    "Rammerne for arbejdet",
];

const PREDICATES: &[&str] = &[
    "bliver sprunget over, når der mangler en kollega",
    "fungerer godt, når vi taler åbent sammen",
    "kræver, at vi har tid til at forberede os",
    "giver mening, når den er tæt på kerneopgaven",
    "bliver bedre, når alle kender rammerne",
    "er svær at holde fast i på travle dage",
    "styrker ejerskabet til løsningerne",
    "skal følges op, så den ikke bliver glemt",
];

const QUESTIONS: &[&str] = &[
    "Hvad skal der til, for at",
    "Hvordan kan vi sikre, at",
    "Hvornår oplever vi, at",
    "Hvad gør vi allerede, når",
    "Hvem har ansvaret for, at",
];

const AUDIENCES: &[&str] = &["leder", "tr", "amr", "medarbejder", "trio"];
const STATUSES: &[&str] = &["provisional", "planned", "confirmed", "cancelled", "held"];
const FORMATS: &[&str] = &["workshop", "stormøde", "oplæg", "dialog"];
const ACTIVITY_KINDS: &[&str] = &["tema", "dialogmøde", "opfølgning", "kobling", "materialer"];
/// Most findings are points; summaries (which every agenda's background quotes) are rare.
const FINDING_KINDS: &[&str] = &[
    "point",
    "point",
    "point",
    "point",
    "point",
    "point",
    "requirement",
    "note",
];

// ---------------------------------------------------------------------------------------------
// Helpers.

/// A YAML double-quoted scalar.
fn q(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            _ => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A flow list of plain words (ids and vocabulary).
fn list<S: AsRef<str>>(items: &[S]) -> String {
    let inner: Vec<&str> = items.iter().map(AsRef::as_ref).collect();
    format!("[{}]", inner.join(", "))
}

/// A flow list of quoted texts.
fn qlist(items: &[&str]) -> String {
    let inner: Vec<String> = items.iter().map(|s| q(s)).collect();
    format!("[{}]", inner.join(", "))
}

fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.to_lowercase().chars() {
        match c {
            'æ' => out.push_str("ae"),
            'ø' => out.push_str("oe"),
            'å' => out.push_str("aa"),
            'a'..='z' | '0'..='9' => out.push(c),
            _ => {
                if !out.ends_with('-') {
                    out.push('-');
                }
            }
        }
    }
    out.trim_matches('-').to_owned()
}

fn is_leap(y: usize) -> bool {
    (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400)
}

fn days_in_month(y: usize, m: usize) -> usize {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// 0 = Sunday … 6 = Saturday (Sakamoto).
fn weekday(y: usize, m: usize, d: usize) -> usize {
    const T: [usize; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
    let y = if m < 3 { y - 1 } else { y };
    (y + y / 4 - y / 100 + y / 400 + T[m - 1] + d) % 7
}

fn hhmm(minutes: usize) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

// ---------------------------------------------------------------------------------------------
// The data.

struct Forum {
    id: String,
    name: String,
    level: &'static str,
}

fn forums(rng: &mut Rng, lmus: usize) -> Vec<Forum> {
    let mut out = vec![Forum {
        id: "hu".into(),
        name: "HovedMED".into(),
        level: "hu",
    }];
    for (id, name) in OMUS {
        out.push(Forum {
            id: (*id).into(),
            name: (*name).into(),
            level: "omu",
        });
    }
    for i in 0..lmus {
        let kind = rng.pick(HOUSE_KINDS);
        let name = rng.pick(HOUSE_NAMES);
        let mut full = format!("LMU {kind} {name}");
        if rng.chance(40) {
            full.push(' ');
            full.push_str(rng.word(DISTRICTS));
        }
        out.push(Forum {
            id: format!("lmu-{}-{}", slug(&full[4..]), i + 1),
            name: full,
            level: "lmu",
        });
    }
    out
}

fn theme_ids(rng: &mut Rng, max: usize) -> Vec<&'static str> {
    let k = rng.range(1, max);
    rng.some(THEMES, k).into_iter().map(|t| t.0).collect()
}

/// A `date:` value: mostly exact days, some months, quarters, spans, or none.
enum Date {
    Day(usize, usize, usize),
    Other(String),
    None,
}

fn meeting_date(rng: &mut Rng) -> Date {
    let year = rng.range(2025, 2028);
    let month = rng.range(1, 12);
    match rng.below(100) {
        0..=79 => {
            // A weekday.
            loop {
                let day = rng.range(1, days_in_month(year, month));
                let wd = weekday(year, month, day);
                if (1..=5).contains(&wd) {
                    return Date::Day(year, month, day);
                }
            }
        }
        80..=87 => Date::Other(format!("{year}-{month:02}")),
        88..=93 => Date::Other(format!("{year}-Q{}", (month - 1) / 3 + 1)),
        94..=95 => {
            let q = rng.range(1, 3);
            Date::Other(format!("{year}-Q{q}..{year}-Q{}", q + 1))
        }
        _ => Date::None,
    }
}

fn roadmap_date(rng: &mut Rng) -> String {
    let year = rng.range(2025, 2028);
    let q = rng.range(1, 4);
    match rng.below(10) {
        0..=5 => format!("{year}-Q{q}"),
        6..=7 => format!("{year}-{:02}", rng.range(1, 12)),
        _ if q < 4 => format!("{year}-Q{q}..{year}-Q{}", q + 1),
        _ => format!("{year}-Q3..{year}-Q4"),
    }
}

struct Sizes {
    meetings: usize,
    findings: usize,
    prompts: usize,
    activities: usize,
    forums: usize,
}

/// What the minutes need to know of a meeting: its forum, day, status and agenda.
struct MeetingInfo {
    number: usize,
    forum: usize,
    day: Option<(usize, usize, usize)>,
    status: &'static str,
    /// The agenda's items (title, type), or the template it comes from.
    items: Agenda,
}

enum Agenda {
    Own(Vec<(&'static str, &'static str)>),
    Template(&'static str),
}

/// A committee's place in a tree: its forum (an index into the forums) and the one above.
struct Place<'a> {
    forum: usize,
    parent: Option<&'a str>,
}

fn programme(
    rng: &mut Rng,
    sizes: &Sizes,
    forums: &[Forum],
    prompt_ids: &[String],
    infos: &mut Vec<MeetingInfo>,
    template_items: &mut Vec<(&'static str, Vec<(&'static str, &'static str)>)>,
    place: Option<&Place<'_>>,
) -> String {
    let mut y = String::with_capacity(sizes.meetings * 1100);
    y.push_str("version: 1\n");
    y.push_str("# Synthetic data written by `cargo run --example synth`; not real meetings.\n");
    match place {
        None => {
            y.push_str("id: \"syntetisk-kommune-2025-2028\"\n");
            y.push_str("title: \"MED i Syntetisk Kommune 2025-2028\"\n");
            y.push_str("owner: hu\n");
        }
        Some(p) => {
            let f = &forums[p.forum];
            let _ = writeln!(y, "id: \"{}-2025-2028\"", f.id);
            let _ = writeln!(y, "title: {}", q(&format!("{} 2025-2028", f.name)));
            let _ = writeln!(y, "committee: {}", f.id);
            if let Some(parent) = p.parent {
                let _ = writeln!(y, "parent: {parent}");
            }
            let _ = writeln!(y, "owner: {}", f.id);
        }
    }
    y.push_str("period: \"2025-2028\"\n");
    y.push_str("status: planned\n");
    y.push_str("intro: \"HovedMED sætter fokus på trivsel, indflydelse og et godt psykisk arbejdsmiljø i alle lokale MED-udvalg.\"\n");
    y.push_str("note: \"Mødeplanen kan blive ændret.\"\n");
    y.push_str("announcement:\n  channel: \"Ugens Lederopgave\"\n  url: \"https://intra.syntetisk.example/med\"\n");
    y.push_str("why:\n");
    y.push_str("  - id: hvorfor-trivsel\n    title: \"Hvorfor arbejde med trivsel?\"\n    text: \"Trivsel er en forudsætning for kvalitet i kerneopgaven.\"\n    themes: [trivsel, arbejdsmiljoe]\n");
    y.push_str("  - id: hvorfor-indflydelse\n    title: \"Hvorfor arbejde med indflydelse?\"\n    text: \"Når der er indflydelse i arbejdet, bliver ejerskabet til løsningerne fælles.\"\n    themes: [indflydelse, dialog]\n");
    y.push_str("themes:\n");
    for (id, title, en) in THEMES {
        let _ = writeln!(
            y,
            "  - id: {id}\n    title: {}\n    title_en: {}",
            q(title),
            q(en)
        );
    }

    y.push_str("meetings:\n");
    let templates = [
        "lmu-dialog",
        "omu-dialogmoede",
        "apv-opfoelgning",
        "temamoede",
    ];
    for i in 0..sizes.meetings {
        // LMUs hold most meetings; OMUs some; HU a few.
        let forum_index = match (place, rng.below(100)) {
            (Some(p), _) => p.forum,
            (None, 0..=2) => 0,
            (None, 3..=14) => 1 + rng.below(OMUS.len()),
            (None, _) => 1 + OMUS.len() + rng.below(forums.len() - 1 - OMUS.len()),
        };
        let forum = &forums[forum_index];
        let date = meeting_date(rng);
        let (title, title_en) = match &date {
            Date::Day(_, m, _) if forum.level == "lmu" && rng.chance(70) => (
                format!("LMU-møde i {}", MONTHS[m - 1]),
                Some(format!("LMU meeting in {}", MONTHS_EN[m - 1])),
            ),
            _ => (rng.pick(MEETING_TOPICS).to_string(), None),
        };
        let status = match &date {
            Date::None => "provisional",
            _ => rng.pick(STATUSES),
        };
        let _ = writeln!(y, "  - id: m-{:06}", i + 1);
        let _ = writeln!(y, "    title: {}", q(&title));
        if let Some(en) = title_en {
            let _ = writeln!(y, "    title_en: {}", q(&en));
        }
        let _ = writeln!(y, "    forum: {}", forum.id);
        let _ = writeln!(y, "    status: {status}");
        match &date {
            Date::Day(yy, mm, dd) => {
                let _ = writeln!(y, "    date: \"{yy}-{mm:02}-{dd:02}\"");
            }
            Date::Other(s) => {
                let _ = writeln!(y, "    date: {}", q(s));
            }
            Date::None => {}
        }
        // Times between 08:00 and 15:30, so never in the hour the clocks skip or repeat.
        let timed = !matches!(date, Date::None) && rng.chance(90);
        let start = 8 * 60 + 30 * rng.below(16);
        let length = 15 * rng.range(4, 12); // 60 to 180 minutes
        if timed {
            let _ = writeln!(y, "    start: \"{}\"", hhmm(start));
            let _ = writeln!(y, "    end: \"{}\"", hhmm(start + length));
        }
        if rng.chance(85) {
            let _ = writeln!(y, "    place: {}", q(rng.word(PLACES)));
        }
        let _ = writeln!(y, "    themes: {}", list(&theme_ids(rng, 3)));
        if rng.chance(60) {
            let k = rng.range(1, 3);
            let _ = writeln!(y, "    audiences: {}", list(&rng.some(AUDIENCES, k)));
        }
        if forum.level != "lmu" && rng.chance(50) {
            let k = rng.range(1, 2);
            let _ = writeln!(y, "    formats: {}", list(&rng.some(FORMATS, k)));
        }
        if status == "provisional" && rng.chance(50) {
            y.push_str("    details_announced: false\n");
        }
        if rng.chance(10) {
            let _ = writeln!(
                y,
                "    signup_url: \"https://intra.syntetisk.example/tilmelding/m-{:06}\"",
                i + 1
            );
        }
        if rng.chance(50) {
            let _ = writeln!(y, "    chair: {}", q(rng.word(&LEADS[..2])));
            let _ = writeln!(y, "    minute_taker: {}", q(rng.word(&LEADS[1..3])));
        }
        if rng.chance(15) {
            let _ = writeln!(
                y,
                "    participants: {}",
                qlist(&["Leder", "TR", "AMR", "Pædagog"])
            );
            let _ = writeln!(y, "    apologies: {}", qlist(&["Køkkenleder"]));
        }
        let agenda = if rng.chance(25) {
            // The agenda comes from a template.
            let template = *rng.pick(&templates);
            let _ = writeln!(y, "    template: {template}");
            Agenda::Template(template)
        } else {
            Agenda::Own(items(rng, &mut y, length, prompt_ids))
        };
        if rng.chance(8) {
            let _ = writeln!(y, "    notes: {}", q(rng.word(NOTES)));
        }
        infos.push(MeetingInfo {
            number: i + 1,
            forum: forum_index,
            day: match date {
                Date::Day(yy, mm, dd) => Some((yy, mm, dd)),
                _ => None,
            },
            status,
            items: agenda,
        });
    }

    y.push_str("templates:\n");
    for (id, title) in [
        ("lmu-dialog", "LMU-dialog om trivsel og aktørskab"),
        ("omu-dialogmoede", "Dialogmøde i OMU"),
        ("apv-opfoelgning", "APV: opfølgning på handleplanen"),
        ("temamoede", "Temamøde med oplæg, workshop og stormøde"),
    ] {
        let _ = writeln!(
            y,
            "  - id: {id}\n    title: {}\n    description: {}\n    start: \"13:00\"\n    themes: {}",
            q(title),
            q("En skabelon til udvalgets dagsorden."),
            list(&theme_ids(rng, 2))
        );
        let titles = items(rng, &mut y, 120, prompt_ids);
        template_items.push((id, titles));
    }
    y
}

/// Writes `items:` with 3–7 agenda items that fit in `length` minutes; returns their titles
/// and types.
fn items(
    rng: &mut Rng,
    y: &mut String,
    length: usize,
    prompt_ids: &[String],
) -> Vec<(&'static str, &'static str)> {
    let mut out = vec![("Godkendelse af dagsorden", "B")];
    let n = rng.range(3, 7);
    let middle = n - 2;
    // Opening and closing items take 5 minutes each, and 5 are left for the follow-up item
    // that the agenda inserts once the forum has earlier minutes; the middle shares the rest.
    let share = (length - 15) / middle;
    y.push_str("    items:\n");
    y.push_str("      - title: \"Godkendelse af dagsorden\"\n        type: B\n        minutes: 5\n        recommendation: \"Det indstilles, at dagsordenen godkendes.\"\n        fixed: true\n");
    let mut used = 0;
    for i in 0..middle {
        let (title, kind, rec) = rng.pick(ITEMS);
        out.push((*title, *kind));
        let drawn = 5 * rng.range(1, (share / 5).max(1));
        // The last middle item takes the rest, so that no meeting leaves a gap in its plan
        // (validate warns of one); the draw is made anyway, to keep the generator's stream.
        let minutes = if i + 1 == middle {
            ((length - 15).saturating_sub(used) / 5 * 5).max(5)
        } else {
            drawn
        };
        used += minutes;
        let _ = writeln!(y, "      - title: {}", q(title));
        if !kind.is_empty() {
            let _ = writeln!(y, "        type: {kind}");
        }
        let _ = writeln!(y, "        minutes: {minutes}");
        if rng.chance(40) {
            let _ = writeln!(y, "        lead: {}", q(rng.word(LEADS)));
        }
        if let Some(rec) = rec {
            let _ = writeln!(y, "        recommendation: {}", q(rec));
        }
        if *kind == "D" && !prompt_ids.is_empty() && rng.chance(40) {
            let k = rng.range(1, 2);
            let _ = writeln!(y, "        prompts: {}", list(&rng.some(prompt_ids, k)));
        }
    }
    y.push_str(
        "      - title: \"Eventuelt\"\n        type: O\n        minutes: 5\n        fixed: true\n",
    );
    out.push(("Eventuelt", "O"));
    out
}

/// What the minutes say of decisions, conclusions and action points.
const DECISIONS: &[&str] = &[
    "Godkendt.",
    "Udvalget besluttede at gå videre med forslaget.",
    "Forslaget blev vedtaget med de ændringer, der blev nævnt på mødet.",
];
const CONCLUSIONS: &[&str] = &[
    "Udvalget var enige om at følge op på næste møde.",
    "Der var bred opbakning til at prøve det af i en måned.",
    "Drøftelsen viste, at der mangler klare rammer for, hvad vi selv kan beslutte.",
];
const ACTIONS: &[&str] = &[
    "Lav en plan for pausevagter på travle dage",
    "Følg op på APV-handleplanen med personalet",
    "Skriv ned, hvilke beslutninger personalet selv kan træffe",
    "Saml forslag til prøvehandlinger",
    "Bestil oplægsholder til temamødet",
];

/// The minutes of every meeting held on a day from 2025 to March 2026 that is not cancelled:
/// a fifth of the meetings. They are numbered as medtrio numbers the agenda (with the follow-up item it
/// inserts when the forum has earlier minutes), approved by the forum's next meeting with
/// minutes, and their action points are mostly done by then.
fn minutes(
    rng: &mut Rng,
    infos: &[MeetingInfo],
    template_items: &[(&'static str, Vec<(&'static str, &'static str)>)],
) -> Vec<(String, String)> {
    let mut held: Vec<&MeetingInfo> = infos
        .iter()
        .filter(|m| m.status != "cancelled" && m.day.is_some_and(|(y, m, _)| (y, m) <= (2026, 3)))
        .collect();
    held.sort_by_key(|m| (m.forum, m.day, m.number));
    let mut out = Vec::with_capacity(held.len());
    for (i, m) in held.iter().enumerate() {
        let Some((yy, mm, dd)) = m.day else {
            continue;
        };
        let same_forum = |other: &&&MeetingInfo| other.forum == m.forum;
        let earlier = held[..i].iter().filter(same_forum).any(|o| o.day < m.day);
        let next = held[i + 1..]
            .iter()
            .filter(same_forum)
            .find(|o| o.day > m.day);
        let base: &[(&str, &str)] = match &m.items {
            Agenda::Own(items) => items,
            Agenda::Template(t) => template_items
                .iter()
                .find(|(id, _)| id == t)
                .map_or(&[], |(_, items)| items.as_slice()),
        };
        // The rule of medtrio's agenda: a follow-up item after "Godkendelse af referat"
        // (else after "Godkendelse af dagsorden") once the forum has earlier minutes.
        // A break ("Pause") takes no number.
        let mut numbered: Vec<(&str, &str)> = base
            .iter()
            .copied()
            .filter(|(t, _)| *t != "Pause")
            .collect();
        let has_follow_up = numbered
            .iter()
            .any(|(t, _)| t.to_lowercase().starts_with("opfølgning på beslutninger"));
        if earlier && !has_follow_up {
            let at = numbered
                .iter()
                .position(|(t, _)| *t == "Godkendelse af referat")
                .or_else(|| {
                    numbered
                        .iter()
                        .position(|(t, _)| *t == "Godkendelse af dagsorden")
                })
                .map_or(0, |i| i + 1);
            numbered.insert(at, ("Opfølgning på beslutninger og handlingspunkter", "O"));
        }
        let mut y = String::with_capacity(1200);
        let _ = writeln!(y, "version: 1\nmeeting: m-{:06}", m.number);
        match next {
            Some(n) => {
                let (ny, nm, nd) = n.day.unwrap_or((yy, mm, dd));
                let _ = writeln!(
                    y,
                    "status: approved\napproved:\n  date: \"{ny}-{nm:02}-{nd:02}\"\n  meeting: m-{:06}",
                    n.number
                );
            }
            None => y.push_str("status: draft\n"),
        }
        y.push_str("present: [\"Leder\", \"TR\", \"AMR\"]\n");
        y.push_str("items:\n");
        for (k, (title, kind)) in numbered.iter().enumerate() {
            let _ = writeln!(y, "  - item: {}\n    title: {}", k + 1, q(title));
            match *kind {
                "B" => {
                    let _ = writeln!(y, "    decision: {}", q(rng.word(DECISIONS)));
                }
                "D" => {
                    let _ = writeln!(y, "    conclusion: {}", q(rng.word(CONCLUSIONS)));
                }
                "O" => y.push_str("    noted: true\n"),
                _ => {}
            }
            if let Some(n) = next.filter(|_| *kind == "D" && rng.chance(5)) {
                let _ = writeln!(y, "    postponed_to: m-{:06}", n.number);
            }
        }
        let count = rng.below(4);
        if count > 0 {
            y.push_str("actions:\n");
        }
        // Due the month after the meeting; done in it, mostly.
        let (due_y, due_m) = if mm == 12 { (yy + 1, 1) } else { (yy, mm + 1) };
        for k in 0..count {
            let _ = writeln!(
                y,
                "  - id: a-{:06}-{}\n    text: {}\n    owner: {}\n    due: \"{due_y}-{due_m:02}\"",
                m.number,
                k + 1,
                q(rng.word(ACTIONS)),
                q(rng.word(LEADS))
            );
            match rng.below(10) {
                0..=6 => {
                    let _ = writeln!(
                        y,
                        "    status: done\n    done: \"{due_y}-{due_m:02}-{:02}\"",
                        rng.range(1, 28)
                    );
                }
                7 => y.push_str("    status: dropped\n"),
                _ => {}
            }
            let _ = writeln!(y, "    item: {}", rng.range(1, numbered.len()));
        }
        out.push((format!("m-{:06}.yaml", m.number), y));
    }
    out
}

fn roadmap(rng: &mut Rng, sizes: &Sizes, forums: &[Forum]) -> String {
    let mut y = String::with_capacity(sizes.activities * 250 + forums.len() * 100);
    y.push_str("version: 1\n");
    y.push_str("id: \"syntetisk-roadmap-2025-2028\"\n");
    y.push_str("title: \"Roadmap for MED i Syntetisk Kommune 2025-2028\"\n");
    y.push_str("forums:\n");
    for f in forums {
        let _ = writeln!(
            y,
            "  - id: {}\n    name: {}\n    level: {}",
            f.id,
            q(&f.name),
            f.level
        );
        if f.id == "hu" {
            y.push_str("    full_name: \"Hovedudvalget\"\n");
        }
    }
    y.push_str("activities:\n");
    for i in 0..sizes.activities {
        let forum = if rng.chance(30) {
            &forums[rng.below(1 + OMUS.len())]
        } else {
            rng.pick(forums)
        };
        let kind = *rng.pick(ACTIVITY_KINDS);
        let title = match kind {
            "tema" => format!("Tema på møde i {}", forum.name),
            "dialogmøde" => format!("Dialogmøde i {}", forum.name),
            "opfølgning" => format!("Opfølgning på APV i {}", forum.name),
            "kobling" => format!("Kobling til trivselsmålingen i {}", forum.name),
            _ => "Materialer til MED-trioerne".to_string(),
        };
        let _ = writeln!(y, "  - id: a-{:06}", i + 1);
        let _ = writeln!(y, "    title: {}", q(&title));
        let _ = writeln!(y, "    forum: {}", forum.id);
        let _ = writeln!(y, "    kind: {kind}");
        let _ = writeln!(y, "    status: {}", rng.pick(&STATUSES[..3]));
        let _ = writeln!(y, "    date: {}", q(&roadmap_date(rng)));
        let _ = writeln!(y, "    themes: {}", list(&theme_ids(rng, 2)));
        if kind == "dialogmøde" {
            y.push_str("    template: omu-dialogmoede\n");
        }
        if rng.chance(10) {
            let _ = writeln!(y, "    notes: {}", q(rng.word(NOTES)));
        }
    }
    y
}

fn findings(rng: &mut Rng, sizes: &Sizes, prompt_ids: &[String]) -> String {
    let mut y = String::with_capacity(sizes.findings * 200 + sizes.prompts * 350);
    y.push_str("version: 1\n");
    y.push_str("id: \"syntetisk-workshop\"\n");
    y.push_str("title: \"Opsamling på workshops i de lokale MED-udvalg\"\n");
    y.push_str("sections:\n");
    for (i, (id, title)) in SECTIONS.iter().enumerate() {
        let _ = writeln!(y, "  - id: {id}\n    title: {}", q(title));
        if i % 3 == 0 {
            let _ = writeln!(y, "    theme: {}", THEMES[i % THEMES.len()].0);
        }
    }
    y.push_str("findings:\n");
    for i in 0..sizes.findings {
        let (section, _) = rng.pick(SECTIONS);
        let kind = if *section == "barrierer" {
            "barrier"
        } else if rng.below(500) == 0 {
            "summary"
        } else {
            rng.pick(FINDING_KINDS)
        };
        let text = format!("{} {}", rng.pick(SUBJECTS), rng.pick(PREDICATES));
        let _ = writeln!(y, "  - id: f-{:06}", i + 1);
        let _ = writeln!(y, "    section: {section}");
        if kind != "point" {
            let _ = writeln!(y, "    kind: {kind}");
        }
        if kind == "barrier" {
            let _ = writeln!(y, "    title: {}", q("Travlhed og manglende tid"));
        }
        let _ = writeln!(y, "    text: {}", q(&text));
        let _ = writeln!(y, "    themes: {}", list(&theme_ids(rng, 2)));
        if rng.chance(30) {
            let k = rng.range(1, 3);
            let _ = writeln!(y, "    audiences: {}", list(&rng.some(AUDIENCES, k)));
        }
    }
    y.push_str("prompts:\n");
    for id in prompt_ids {
        let k = rng.range(1, 3).min(sizes.findings);
        let sources: Vec<String> = (0..k)
            .map(|_| format!("f-{:06}", rng.below(sizes.findings) + 1))
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        let subject = rng.pick(SUBJECTS).to_lowercase();
        let text = format!(
            "{} {} {}?",
            rng.pick(QUESTIONS),
            subject,
            rng.pick(PREDICATES)
        );
        let _ = writeln!(y, "  - id: {id}");
        let _ = writeln!(y, "    text: {}", q(&text));
        let _ = writeln!(
            y,
            "    text_en: {}",
            q("What would it take for this to work in everyday life?")
        );
        let origin = if rng.chance(20) { "seed" } else { "authored" };
        let _ = writeln!(y, "    origin: {origin}");
        let _ = writeln!(y, "    sources: {}", list(&sources));
        let _ = writeln!(y, "    themes: {}", list(&theme_ids(rng, 2)));
        let k = rng.range(1, 5);
        let _ = writeln!(y, "    audiences: {}", list(&rng.some(AUDIENCES, k)));
        let k = rng.range(1, 3);
        let _ = writeln!(
            y,
            "    levels: {}",
            list(&rng.some(&["hu", "omu", "lmu"], k))
        );
    }
    y
}

// ---------------------------------------------------------------------------------------------

struct Args {
    meetings: usize,
    findings: usize,
    out: PathBuf,
    seed: u64,
    committees: Option<usize>,
}

fn parse_args() -> Result<Args, String> {
    let mut meetings = None;
    let mut findings = None;
    let mut out = None;
    let mut seed = 1;
    let mut committees = None;
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let mut value = || args.next().ok_or(format!("{flag} needs a value"));
        match flag.as_str() {
            "--meetings" => {
                meetings = Some(value()?.parse().map_err(|e| format!("--meetings: {e}"))?)
            }
            "--findings" => {
                findings = Some(value()?.parse().map_err(|e| format!("--findings: {e}"))?)
            }
            "--out" => out = Some(PathBuf::from(value()?)),
            "--seed" => seed = value()?.parse().map_err(|e| format!("--seed: {e}"))?,
            "--committees" => {
                committees = Some(value()?.parse().map_err(|e| format!("--committees: {e}"))?)
            }
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    Ok(Args {
        meetings: meetings.ok_or("--meetings N is required")?,
        findings: findings.ok_or("--findings N is required")?,
        out: out.ok_or("--out DIR is required")?,
        seed,
        committees,
    })
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(args) => args,
        Err(e) => {
            eprintln!(
                "synth: {e}\nusage: synth --meetings N --findings N --out DIR [--seed N] [--committees N]"
            );
            return ExitCode::from(2);
        }
    };
    if let Some(n) = args.committees {
        return match tree(&args, n) {
            Ok(summary) => {
                println!("{summary}");
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("synth: {e}");
                ExitCode::FAILURE
            }
        };
    }
    let mut rng = Rng(args.seed);
    let findings_n = args.findings.max(1);
    let sizes = Sizes {
        meetings: args.meetings,
        findings: findings_n,
        prompts: (findings_n / 3).max(1),
        activities: args.meetings / 10,
        forums: 0,
    };
    let lmus = (args.meetings / 100).clamp(200, 800);
    let forums = forums(&mut rng, lmus);
    let sizes = Sizes {
        forums: forums.len(),
        ..sizes
    };
    let prompt_ids: Vec<String> = (1..=sizes.prompts).map(|i| format!("p-{i:06}")).collect();

    let mut infos = Vec::with_capacity(sizes.meetings);
    let mut template_items = Vec::new();
    let files = [
        (
            "programme.yaml",
            programme(
                &mut rng,
                &sizes,
                &forums,
                &prompt_ids,
                &mut infos,
                &mut template_items,
                None,
            ),
        ),
        ("roadmap.yaml", roadmap(&mut rng, &sizes, &forums)),
        ("findings.yaml", findings(&mut rng, &sizes, &prompt_ids)),
    ];
    if let Err(e) = std::fs::create_dir_all(&args.out) {
        eprintln!("synth: cannot create {}: {e}", args.out.display());
        return ExitCode::FAILURE;
    }
    let mut summary = Vec::new();
    let mut total = 0;
    for (name, text) in &files {
        let path = args.out.join(name);
        if let Err(e) = std::fs::write(&path, text) {
            eprintln!("synth: cannot write {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
        total += text.len();
        summary.push(format!("{name} {:.1} MiB", text.len() as f64 / 1048576.0));
    }
    // A generator of its own, so that the three files are the same with or without minutes.
    let mut minutes_rng = Rng(args.seed ^ 0x6d69_6e75_7465_7321);
    let minutes = minutes(&mut minutes_rng, &infos, &template_items);
    let dir = args.out.join("minutes");
    if let Err(e) = std::fs::create_dir_all(&dir) {
        eprintln!("synth: cannot create {}: {e}", dir.display());
        return ExitCode::FAILURE;
    }
    let mut minutes_bytes = 0;
    for (name, text) in &minutes {
        let path = dir.join(name);
        if let Err(e) = std::fs::write(&path, text) {
            eprintln!("synth: cannot write {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
        minutes_bytes += text.len();
    }
    total += minutes_bytes;
    summary.push(format!(
        "minutes/ {} files {:.1} MiB",
        minutes.len(),
        minutes_bytes as f64 / 1048576.0
    ));
    println!(
        "synth: {} meetings ({} with minutes), {} activities, {} forums, {} findings, {} prompts (seed {}) in {}: {}, total {:.1} MiB",
        sizes.meetings,
        minutes.len(),
        sizes.activities,
        sizes.forums,
        sizes.findings,
        sizes.prompts,
        args.seed,
        args.out.display(),
        summary.join(", "),
        total as f64 / 1048576.0
    );
    ExitCode::SUCCESS
}

/// Writes one committee's folder: its files, and its minutes in `minutes/`. Returns the bytes.
fn write_folder(
    dir: &std::path::Path,
    files: &[(&str, String)],
    minutes: &[(String, String)],
) -> Result<usize, String> {
    let mut total = 0;
    std::fs::create_dir_all(dir.join("minutes"))
        .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    for (name, text) in files {
        let path = dir.join(name);
        std::fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        total += text.len();
    }
    for (name, text) in minutes {
        let path = dir.join("minutes").join(name);
        std::fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        total += text.len();
    }
    Ok(total)
}

/// `--committees N`: a tree of N committees' folders (HU, the OMUs, the LMUs).
fn tree(args: &Args, committees: usize) -> Result<String, String> {
    let omus = OMUS.len();
    if committees < omus + 2 {
        return Err(format!(
            "--committees must be at least {} (HU, {omus} OMUs and an LMU)",
            omus + 2
        ));
    }
    let mut rng = Rng(args.seed);
    let findings_n = args.findings.max(1);
    let forums = forums(&mut rng, committees - 1 - omus);
    let sizes = Sizes {
        meetings: args.meetings,
        findings: findings_n,
        prompts: (findings_n / 3).max(1),
        activities: (args.meetings / 10).max(1),
        forums: forums.len(),
    };
    let prompt_ids: Vec<String> = (1..=sizes.prompts).map(|i| format!("p-{i:06}")).collect();
    let mut total = 0;
    let mut meetings = 0;
    let mut minutes_n = 0;
    for (i, forum) in forums.iter().enumerate() {
        let (dir, parent) = match forum.level {
            "hu" => (args.out.join("hu"), None),
            "omu" => (args.out.join(&forum.id), Some("hu")),
            _ => {
                let omu = OMUS[(i - 1 - omus) % omus].0;
                (args.out.join(omu).join(&forum.id), Some(omu))
            }
        };
        let place = Place { forum: i, parent };
        let mut infos = Vec::with_capacity(sizes.meetings);
        let mut template_items = Vec::new();
        let mut files = vec![(
            "programme.yaml",
            programme(
                &mut rng,
                &sizes,
                &forums,
                &prompt_ids,
                &mut infos,
                &mut template_items,
                Some(&place),
            ),
        )];
        if parent.is_none() {
            files.push(("roadmap.yaml", roadmap(&mut rng, &sizes, &forums)));
            files.push(("findings.yaml", findings(&mut rng, &sizes, &prompt_ids)));
        }
        let mut minutes_rng = Rng(args.seed ^ 0x6d69_6e75_7465_7321 ^ i as u64);
        let minutes = minutes(&mut minutes_rng, &infos, &template_items);
        meetings += infos.len();
        minutes_n += minutes.len();
        total += write_folder(&dir, &files, &minutes)?;
    }
    Ok(format!(
        "synth: {} committees, {meetings} meetings ({minutes_n} with minutes), {} findings, {} prompts (seed {}) in {}, total {:.1} MiB",
        forums.len(),
        sizes.findings,
        sizes.prompts,
        args.seed,
        args.out.display(),
        total as f64 / 1048576.0
    ))
}
