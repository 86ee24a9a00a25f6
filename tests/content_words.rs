//! The words a MED consultant reads in medtrio's documents (issue #29): nothing stated that
//! the sources do not give, documents in their genre, prompts a trio can read aloud, and
//! English where `--lang en` asks for it. Each test runs on the data that showed the defect.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

mod common;

use std::fs;

use common::{copy_data, medtrio};

const HAVN: &str = "examples/havnekoebing";
const KOMMUNE: &str = "examples/kommune";

fn out(args: &[&str]) -> String {
    let out = medtrio()
        .env("COLUMNS", "200")
        .env("MEDTRIO_TODAY", "2026-11-23")
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The value of a header fact ("Sted:   ikke oplyst" → "ikke oplyst").
fn fact(text: &str, label: &str) -> Option<String> {
    text.lines()
        .find_map(|l| l.trim_start().strip_prefix(&format!("{label}:")))
        .map(|v| v.trim().to_owned())
}

/// Whether `text` holds `words`, wherever its lines are wrapped.
fn has(text: &str, words: &str) -> bool {
    let flat = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
    flat(text).contains(&flat(words))
}

/// A copy of the bundled data, with `from` replaced by `to` in programme.yaml.
fn bundled_with(from: &str, to: &str) -> tempfile::TempDir {
    let dir = copy_data("data");
    let path = dir.path().join("programme.yaml");
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{from:?} is not in programme.yaml");
    fs::write(&path, text.replacen(from, to, 1)).unwrap();
    dir
}

// --- Nothing stated that the sources do not give ---

#[test]
fn an_activity_whose_period_is_now_is_not_said_to_be_under_way() {
    let md = out(&["list", "roadmap", "--format", "md"]);
    assert!(
        md.contains("| hu-opfoelgning | Opfølgning ifm. arbejdsmiljørapporterne i HU | HU | 3.–4. kvartal 2026 | nu – intet registreret |"),
        "{md}"
    );
    assert!(!md.contains("i gang"), "{md}");
}

#[test]
fn a_place_the_seed_does_not_give_is_not_promised_for_later() {
    let tema = out(&["agenda", "temamoede-1"]);
    assert_eq!(
        fact(&tema, "Sted").as_deref(),
        Some("ikke oplyst"),
        "{tema}"
    );
    // 4. kvartal 2025 is over: the place is not recorded, not "to be announced".
    let past = out(&["agenda", "dialog-omu-adm"]);
    assert_eq!(
        fact(&past, "Sted").as_deref(),
        Some("ikke registreret"),
        "{past}"
    );
    assert!(!past.contains("meldes ud senere"), "{past}");
}

#[test]
fn a_time_the_data_gives_is_a_fact_not_a_suggestion() {
    let dir = bundled_with(
        "  - id: temamoede-2\n    title: \"Temamøde 2\"\n    title_en: \"Theme meeting 2\"\n    status: provisional\n",
        "  - id: temamoede-2\n    title: \"Temamøde 2\"\n    title_en: \"Theme meeting 2\"\n    status: confirmed\n    date: \"2026-03-03\"\n    start: \"13:00\"\n    end: \"15:30\"\n",
    );
    let data = dir.path().to_str().unwrap();
    let agenda = out(&["--data", data, "agenda", "temamoede-2"]);
    assert_eq!(
        fact(&agenda, "Tid").as_deref(),
        Some("kl. 13.00–15.30"),
        "{agenda}"
    );
    // The items are still the template's suggestions, and say so.
    assert!(
        agenda.contains("Punkter, ansvarlige og tider er forslag."),
        "{agenda}"
    );
    // The calendar calls the programme a programme and marks its items as suggestions.
    let ics = out(&["--data", data, "calendar"]).replace("\r\n ", "");
    assert!(ics.contains("Program:"), "{ics}");
    assert!(!ics.contains("Dagsorden:"), "{ics}");
    assert!(ics.contains("tider er forslag."), "{ics}");
    // Only a time from the template carries the mark.
    let template_time = out(&["agenda", "temamoede-1"]);
    assert_eq!(
        fact(&template_time, "Tid").as_deref(),
        Some("kl. 13.00–15.30 (forslag)"),
        "{template_time}"
    );
}

#[test]
fn show_marks_a_templates_items_and_an_inferred_audience() {
    let show = out(&["show", "temamoede-1"]);
    assert!(
        show.contains("Program (forslag fra skabelonen temamoede)"),
        "{show}"
    );
    assert_eq!(
        fact(&show, "Målgruppe").as_deref(),
        Some("MED-trio (formodet)"),
        "{show}"
    );
    let en = out(&["--lang", "en", "show", "temamoede-1"]);
    assert_eq!(
        fact(&en, "Audience").as_deref(),
        Some("MED trio (inferred)"),
        "{en}"
    );
}

#[test]
fn a_prep_sheet_names_the_source_it_draws_on_never_hu_by_default() {
    let programme = out(&["prep", "indflydelse"]);
    assert!(
        has(&programme, "Arket samler, hvad HovedMEDs program peger på"),
        "{programme}"
    );
    let summary = out(&["prep", "dialog-omu-sundhed"]);
    assert!(
        has(&summary, "Arket samler, hvad opsamlingen peger på"),
        "{summary}"
    );
    let local = out(&["--data", HAVN, "prep", "lmu-april"]);
    for text in [&programme, &summary, &local] {
        assert!(!text.contains("hvad HU har peget på"), "{text}");
    }
}

#[test]
fn a_prep_sheet_does_not_give_the_templates_description_as_the_meetings_purpose() {
    let prep = out(&["prep", "dialog-omu-sundhed"]);
    assert!(
        !prep.contains("Et OMU-dialogmøde på HU’s køreplan"),
        "{prep}"
    );
    let tema = out(&["prep", "temamoede-1"]);
    assert!(
        !tema.contains("Programmet for et tværgående temamøde"),
        "{tema}"
    );
}

#[test]
fn a_prep_sheet_says_when_a_list_shows_only_some_of_its_points() {
    let prep = out(&["prep", "dialog-omu-sundhed"]);
    assert!(
        prep.contains("Udvalgte punkter (4 af 5) fra »Det, der giver mening«."),
        "{prep}"
    );
    assert!(
        prep.contains(
            "fra »Det, vi skal være opmærksomme på« og\n»Yderligere opmærksomhedspunkter«."
        ) || prep.contains(
            "fra »Det, vi skal være opmærksomme på« og »Yderligere opmærksomhedspunkter«."
        ),
        "{prep}"
    );
}

#[test]
fn the_export_index_gives_the_programme_and_the_roadmap_each_its_own_section() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("site");
    medtrio()
        .env("MEDTRIO_TODAY", "2026-11-23")
        .args(["export", "--out", target.to_str().unwrap()])
        .assert()
        .success();
    let index = fs::read_to_string(target.join("index.html")).unwrap();
    assert!(index.contains("<h1>Oversigt</h1>"), "{index}");
    assert!(
        index.contains("<h2>Indflydelse i arbejdet – et fortsat fokus</h2>\n<p class=\"meta\">Ejer af programmet: HovedMED</p>"),
        "{index}"
    );
    assert!(index.contains("<th>Arrangør</th>"), "{index}");
    assert!(
        index.contains("<h2>Aktørskab 2025-2026</h2>\n<p class=\"meta\">Kilde: Opsamling på workshop og HU-temadag om styrket aktørskab</p>"),
        "{index}"
    );
    // The temamøder are not in the committees' table under "Forum".
    let committees = index.split("<h2>Dagsordener</h2>").nth(1).unwrap();
    assert!(!committees.contains("Temamøde 1"), "{committees}");
    assert!(!index.contains("i gang"), "{index}");
}

#[test]
fn a_card_cites_its_sections_rather_than_cut_a_quote() {
    let cards = out(&["prompts", "--format", "cards"]);
    assert!(!cards.contains(" …"), "a card's source is cut: {cards}");
    // p-org-plejer's two sources would not fit: the card names their section instead.
    assert!(
        cards.contains("Det, vi skal være opmærksomme på"),
        "{cards}"
    );
}

// --- Documents in their genre ---

#[test]
fn the_report_upward_leaves_out_the_meetings_procedure() {
    let md = out(&["rollup", KOMMUNE, "--format", "md"]);
    assert!(!md.contains("Dagsordenen blev godkendt."), "{md}");
    assert!(!md.contains("ikke et af udvalgene her"), "{md}");
    // One date style: the long one, as in the rest of the report.
    assert!(!md.contains("15.09.2026"), "{md}");
    assert!(
        md.contains("*HU-møde i september · tirsdag den 15. september 2026*"),
        "{md}"
    );
}

#[test]
fn the_report_upward_keeps_its_labels_in_text_and_no_flags() {
    let txt = out(&["rollup", KOMMUNE, "--format", "txt"]);
    assert!(
        txt.contains("Endnu ikke: LMU Familiehuset, LMU Sundhedshuset"),
        "{txt}"
    );
    assert!(txt.contains("Holdt\n  møde om det:") || txt.contains("Holdt møde om det:"));
    let md = out(&[
        "rollup",
        KOMMUNE,
        "--theme",
        "aktoerskab",
        "--under",
        "omu-sundhed",
        "--format",
        "md",
    ]);
    assert!(
        md.contains("- **Afgrænset til:** temaet »Styrket aktørskab«, OMU Sundhed og omsorg og udvalgene under det"),
        "{md}"
    );
    assert!(!md.contains("--theme"), "{md}");
    assert!(!md.contains("--under"), "{md}");
}

#[test]
fn the_beslutningsprotokol_leaves_out_the_procedure_unless_asked() {
    let md = out(&["--data", HAVN, "decisions", "--format", "md"]);
    assert!(!md.contains("Dagsordenen blev godkendt."), "{md}");
    assert!(
        !md.contains("Referatet fra mødet den 24. marts blev godkendt."),
        "{md}"
    );
    let all = out(&[
        "--data",
        HAVN,
        "decisions",
        "--procedural",
        "--format",
        "md",
    ]);
    assert!(all.contains("Dagsordenen blev godkendt."), "{all}");
}

#[test]
fn evaluering_af_moedet_comes_before_eventuelt() {
    for (data, id) in [
        ("data", "omu-dialogmoede"),
        ("data", "lmu-aktoerskab"),
        (HAVN, "omu-dialog"),
        ("examples/starter", "lmu-standard"),
    ] {
        let show = out(&["--data", data, "show", id]);
        let evaluation = show.find("Evaluering af mødet").unwrap();
        let aob = show.find("Eventuelt").unwrap();
        assert!(evaluation < aob, "{data} {id}: {show}");
    }
}

#[test]
fn week_says_what_a_monday_needs() {
    let familiehuset = out(&[
        "--data",
        "examples/kommune/omu-boern/lmu-familiehuset",
        "week",
    ]);
    assert!(
        familiehuset
            .contains("REFERAT MANGLER\n- LMU-møde i oktober (tirsdag den 6. oktober 2026)"),
        "{familiehuset}"
    );
    assert!(!familiehuset.contains("Intet at gøre"), "{familiehuset}");
    let hu = out(&["--data", "examples/kommune/hu", "week", "--weeks", "4"]);
    assert!(
        hu.contains("- Saml OMU'ernes gode historier til HU-mødet i december\n  Ansvarlig: HU-sekretariatet · Frist: december 2026"),
        "{hu}"
    );
    assert!(hu.contains("uge 48–51, 2026"), "{hu}");
}

// --- Danish and English ---

#[test]
fn the_danish_of_deadlines_diffs_and_the_calendar() {
    let ics = out(&["--data", HAVN, "calendar", "--deadlines"]).replace("\r\n ", "");
    assert!(
        ics.contains("SUMMARY:Dagsordenen udsendes: LMU-møde i"),
        "{ics}"
    );
    assert!(!ics.contains("SUMMARY:Udsendes:"), "{ics}");
    let old = copy_data(HAVN);
    let new = copy_data(HAVN);
    let path = new.path().join("programme.yaml");
    let text = fs::read_to_string(&path).unwrap();
    let from = "    date: \"2026-12-01\"\n    start: \"13:00\"\n    end: \"14:00\"\n";
    assert!(text.contains(from));
    fs::write(
        &path,
        text.replacen(
            from,
            "    date: \"2026-12-01\"\n    start: \"13:30\"\n    end: \"15:30\"\n",
            1,
        ),
    )
    .unwrap();
    // `diff` exits 1 when there are changes, as diff(1) does.
    let diff = medtrio()
        .args([
            "diff",
            old.path().to_str().unwrap(),
            new.path().to_str().unwrap(),
            "--format",
            "md",
        ])
        .output()
        .unwrap();
    let diff = String::from_utf8(diff.stdout).unwrap();
    assert!(
        diff.contains(
            "ny starttid: kl. 13.30 (før: kl. 13.00); ny sluttid: kl. 15.30 (før: kl. 14.00)"
        ),
        "{diff}"
    );
}

#[test]
fn the_referat_says_the_information_was_noted_and_where_it_was_approved() {
    let referat = out(&["--data", HAVN, "minutes", "lmu-marts", "--format", "txt"]);
    assert!(
        referat.contains("Godkendt på mødet tirsdag den 7. april 2026 (LMU-møde i april)"),
        "{referat}"
    );
    let en = out(&[
        "--data",
        HAVN,
        "--lang",
        "en",
        "minutes",
        "lmu-marts",
        "--format",
        "txt",
    ]);
    assert!(
        en.contains("Approved at the meeting on Tuesday 7 April 2026 (LMU meeting in April)"),
        "{en}"
    );
}

#[test]
fn english_output_uses_the_english_titles_and_template_items() {
    let meetings = out(&["--data", HAVN, "--lang", "en", "list", "meetings"]);
    assert!(meetings.contains("LMU meeting in December"), "{meetings}");
    assert!(!meetings.contains("LMU-møde i december"), "{meetings}");
    let week = out(&["--data", HAVN, "--lang", "en", "week"]);
    assert!(week.contains("LMU meeting in December"), "{week}");
    let agenda = out(&["--lang", "en", "agenda", "dialog-omu-sundhed"]);
    for words in [
        "1. Approval of the agenda",
        "Lead: Chair",
        "It is recommended that the agenda be approved.",
        "Evaluation of the meeting",
    ] {
        assert!(agenda.contains(words), "{words}: {agenda}");
    }
    assert!(!agenda.contains("Godkendelse af dagsorden"), "{agenda}");
    assert!(!agenda.contains("Det indstilles"), "{agenda}");
    let tema = out(&["--lang", "en", "agenda", "temamoede-1"]);
    assert!(
        tema.contains("Wrap-up") || !tema.contains("Rounding off"),
        "{tema}"
    );
    assert!(
        tema.contains("What will you take home to your LMU?"),
        "{tema}"
    );
}

// --- Prompts ---

#[test]
fn the_seven_prompts_read_aloud_as_the_review_asks() {
    let json: serde_json::Value =
        serde_json::from_str(&out(&["list", "prompts", "--format", "json"])).unwrap();
    let text = |id: &str| {
        json.as_array()
            .unwrap()
            .iter()
            .find(|p| p["id"] == id)
            .map(|p| {
                (
                    p["text"].as_str().unwrap().to_owned(),
                    p["text_en"].as_str().unwrap().to_owned(),
                )
            })
            .unwrap()
    };
    assert_eq!(
        text("p-raaderum").0,
        "Hvad er råderummet hos os – og hvor er rammer og forventninger ikke tydelige nok?"
    );
    assert!(!text("p-rol-fyrtaarne").0.contains("bruge"));
    assert!(text("p-rol-fyrtaarne").1.contains("go-to professionals"));
    assert!(!text("p-rol-paaroerende").0.contains("tavshedspligt"));
    assert_eq!(
        text("p-led-detailstyring").0,
        "Hvor bliver der i dag detailstyret, selv om medarbejderne kunne træffe beslutningen – og hvad skal der til, for at lederen kan give slip?"
    );
    assert_eq!(
        text("p-barriere-utryghed").0,
        "I hvilke situationer spørger vi i stedet for at handle – og hvad gør os usikre?"
    );
    assert_eq!(
        text("p-tempo").0,
        "Hvor skal vi sænke tempoet, så forandringen kan nå at slå rod?"
    );
    assert!(
        text("p-helhed")
            .0
            .starts_with("Hvordan sikrer vi, at initiativer bliver koordineret og ser helheden")
    );
    assert!(text("p-rammer").1.contains("boundaries"));
    assert!(
        text("p-hjoerneflag")
            .1
            .contains("boundaries (‘corner flags’)")
    );
}

#[test]
fn the_programmes_fourth_strand_has_prompts_and_its_prep_sheet_is_not_empty() {
    let prompts = out(&["prompts", "--theme", "rammer", "--format", "txt"]);
    assert!(!prompts.contains("Intet fundet."), "{prompts}");
    assert!(
        has(
            &prompts,
            "Hvad skal der til, for at indflydelsen hos os bliver konkret og reel"
        ),
        "{prompts}"
    );
    let prep = out(&["prep", "rammer"]);
    assert!(prep.contains("FORSLAG TIL DIALOGSPØRGSMÅL"), "{prep}");
}

#[test]
fn programme_prompts_are_labelled_by_their_real_source() {
    let show = out(&["show", "p-dialog-aabent"]);
    assert_eq!(
        fact(&show, "Oprindelse").as_deref(),
        Some("formuleret ud fra programmet"),
        "{show}"
    );
    let finding = out(&["show", "p-tempo"]);
    assert_eq!(
        fact(&finding, "Oprindelse").as_deref(),
        Some("formuleret ud fra opsamlingen"),
        "{finding}"
    );
}

#[test]
fn the_prep_sheet_prepares_for_this_meetings_agenda() {
    let prep = out(&["prep", "dialog-omu-sundhed"]);
    let prompts = prep
        .split("FORSLAG TIL DIALOGSPØRGSMÅL")
        .nth(1)
        .unwrap()
        .split("DET, DER GIVER MENING")
        .next()
        .unwrap();
    // The agenda's own prompts: p-rammer, p-give-slip and three barriers.
    for q in [
        "Hvad er de klare rammer og forventninger?",
        "Hvor kan ledere give slip – og stadig sikre retning?",
        "Hvor er medarbejderne i tvivl om, hvad de selv må beslutte?",
    ] {
        assert!(has(prompts, q), "{q}: {prompts}");
    }
    // Its barriers item brings every barrier, each with its own question.
    let barriers = prep.split("BARRIERER").nth(1).unwrap();
    for title in [
        "Hvis der er uklarhed i relationer eller manglende tillid",
        "Uklart råderum",
        "Manglende støtte, tid og værktøjer hos lederne",
        "Hvis der er utryghed, usikkerhed og frygt for fejl",
        "Kultur, vaner og faglige forskelle",
    ] {
        assert!(has(barriers, title), "{title}: {barriers}");
    }
    assert!(has(
        barriers,
        "Spørg: Hvor er roller og samarbejde mellem leder, TR og AMR uklare hos os"
    ));
    let tema = out(&["prep", "temamoede-1"]);
    assert!(
        tema.contains(
            "FRA PROGRAMMET\n- Hvorfor arbejde med indflydelse og professionel, åben dialog?"
        ),
        "{tema}"
    );
}

// --- The årshjul, and a gap in the plan ---

#[test]
fn a_cancelled_meetings_task_moves_to_the_next_meeting_and_check_says_so() {
    let check = medtrio()
        .env("MEDTRIO_TODAY", "2026-11-23")
        .args(["--data", HAVN, "cycle", "--year", "2026", "--check"])
        .output()
        .unwrap();
    assert_eq!(check.status.code(), Some(1));
    let stderr = String::from_utf8(check.stderr).unwrap();
    assert!(
        stderr.contains("missing: Den årlige arbejdsmiljødrøftelse (oktober 2026) – LMU-møde i oktober er aflyst; flyt opgaven til LMU-møde i december (tirsdag den 1. december 2026)"),
        "{stderr}"
    );
    let week = out(&["--data", HAVN, "week"]);
    assert!(
        has(
            &week,
            "- Den årlige arbejdsmiljødrøftelse (oktober 2026) – LMU-møde i oktober er aflyst; flyt opgaven til LMU-møde i december"
        ),
        "{week}"
    );
    // A covered task says which task it is.
    let txt = out(&["--data", HAVN, "cycle", "--year", "2026", "--format", "txt"]);
    assert!(
        has(
            &txt,
            "- Arbejdspladsvurdering (APV) – LMU Børnehuset Havnen: LMU-møde i april (tirsdag den 7. april 2026)"
        ),
        "{txt}"
    );
}

#[test]
fn the_budget_is_a_droeftelse_and_the_annual_discussion_has_its_template() {
    let agenda = out(&[
        "--data",
        "examples/kommune/omu-sundhed/lmu-hjemmeplejen",
        "agenda",
        "lmu-hjemmeplejen-2026-12-08",
    ]);
    assert!(
        has(
            &agenda,
            "4. Budget 2027 kl. 14.15–14.45 · Drøftelse Det indstilles, at LMU drøfter budgettet for 2027, før det vedtages."
        ),
        "{agenda}"
    );
    for data in [HAVN, "examples/starter"] {
        let show = out(&["--data", data, "show", "aarlig-arbejdsmiljoedroeftelse"]);
        for item in [
            "Evaluering af det forgangne års arbejdsmiljøarbejde",
            "Plan og mål for det kommende år",
            "Organisering af samarbejdet om arbejdsmiljø",
            "Kompetenceudvikling for arbejdsmiljøorganisationens medlemmer",
        ] {
            assert!(show.contains(item), "{data}: {item}: {show}");
        }
    }
}

#[test]
fn a_long_afrunding_is_a_warning_in_validate() {
    let out = medtrio()
        .args(["--data", "examples/kommune/omu-boern", "validate"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("warning: meeting `omu-boern-2026-12-01` has 60 minutes (14:00–15:00) after its last item that no item takes; the agenda prints them as \"Afrunding\""),
        "{stderr}"
    );
    assert!(
        stderr.contains(
            "= help: give the time to the items, add an item for it, or end the meeting at 14:00"
        ),
        "{stderr}"
    );
}

#[test]
fn the_referats_closing_items_read_as_a_referat_writes_them() {
    let referat = out(&["--data", HAVN, "minutes", "lmu-april", "--format", "txt"]);
    assert_eq!(
        fact(&referat, "Afbud").as_deref(),
        Some("Ingen"),
        "{referat}"
    );
    assert!(
        has(
            &referat,
            "5. Næste møde Orientering Næste møde: tirsdag den 1. december 2026, kl. 13.00, Personalerummet"
        ),
        "{referat}"
    );
    assert!(
        has(&referat, "6. Eventuelt Orientering Bemærkninger: Intet."),
        "{referat}"
    );
    assert!(
        !has(
            &referat,
            "Næste møde Orientering Orientering: Orienteringen blev taget"
        ),
        "{referat}"
    );
}

#[test]
fn a_programme_template_is_a_programme_and_a_heading_is_no_trial_action() {
    let show = out(&["show", "temamoede"]);
    assert!(show.lines().any(|l| l == "Program"), "{show}");
    assert!(!show.lines().any(|l| l == "Dagsorden"), "{show}");
    let prep = out(&["prep", "dialog-omu-sundhed"]);
    assert!(
        !prep.contains("- Prøvehandlinger og små eksperimenter"),
        "{prep}"
    );
}

#[test]
fn an_activity_that_is_not_a_meeting_is_named_with_its_article() {
    let out = medtrio()
        .args(["agenda", "hu-opfoelgning"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "error: `hu-opfoelgning` is a roadmap activity, not a meeting\n  = help: give the id of a meeting, or of a roadmap activity that is a meeting; `medtrio list meetings` and `medtrio list roadmap` show them\n"
    );
}
