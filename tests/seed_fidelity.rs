//! The bundled data says what the seed documents say, word for word, and leaves nothing out.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use assert_cmd::Command;
use medtrio::load::{DataSource, load};
use medtrio::model::{Dataset, Origin, Status};
use serde_json::Value;

const PROGRAMME_SEED: &str = include_str!("seeds/000_1cef1c0a0a36dfd7.txt");
const FINDINGS_SEED: &str = include_str!("seeds/003_7bb4b8d834f763a3.txt");

/// Whitespace collapsed, so that line breaks of the PDF extraction do not count.
fn normalise(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn assert_in_seed(seed: &str, text: &str, what: &str) {
    assert!(
        normalise(seed).contains(&normalise(text)),
        "{what} is not verbatim in the seed: {text:?}"
    );
}

#[test]
fn every_bundled_text_is_verbatim_from_the_seeds() {
    let data = load(&DataSource::Bundled).unwrap().dataset;
    let p = &data.programme;
    for text in [
        &p.title.value,
        p.intro.as_ref().unwrap(),
        p.description.as_ref().unwrap(),
        p.note.as_ref().unwrap(),
    ] {
        assert_in_seed(PROGRAMME_SEED, text, "programme text");
    }
    for why in &p.why {
        assert_in_seed(PROGRAMME_SEED, &why.title, "why heading");
        assert_in_seed(PROGRAMME_SEED, &why.text, "why text");
    }
    assert_in_seed(
        PROGRAMME_SEED,
        p.meetings_heading.as_ref().unwrap(),
        "meetings heading",
    );
    let f = &data.findings;
    assert_in_seed(FINDINGS_SEED, &f.title, "findings title");
    for section in &f.sections {
        assert_in_seed(FINDINGS_SEED, &section.title, "section title");
        for text in [&section.heading, &section.intro, &section.lead_in]
            .into_iter()
            .flatten()
        {
            assert_in_seed(FINDINGS_SEED, text, "section text");
        }
    }
    for finding in &f.findings {
        assert_in_seed(FINDINGS_SEED, &finding.text, "finding");
        if let Some(title) = &finding.title {
            assert_in_seed(FINDINGS_SEED, title, "barrier title");
        }
    }
    for prompt in f.prompts.iter().filter(|p| p.origin == Origin::Seed) {
        let seed = format!("{PROGRAMME_SEED}\n{FINDINGS_SEED}");
        assert_in_seed(&seed, prompt.source_words().unwrap(), "seed prompt's quote");
    }
    assert_in_seed(FINDINGS_SEED, &data.roadmap.title, "roadmap title");
    for activity in &data.roadmap.activities {
        // "Dialogmøder i OMU • Sundhed og omsorg" becomes "Dialogmøde i OMU Sundhed og omsorg".
        let text = activity
            .title
            .strip_prefix("Dialogmøde i OMU ")
            .unwrap_or(&activity.title);
        assert_in_seed(FINDINGS_SEED, text, "roadmap activity");
        if let Some(label) = &activity.source_label {
            assert_in_seed(FINDINGS_SEED, label, "roadmap date label");
        }
    }
}

/// Seed lines that are not in the data, each with the reason. A line listed here that the
/// data does hold is an error too, so that the list cannot go stale.
const LEFT_OUT: &[(&str, &str)] = &[
    (
        "Se det foreløbige program for",
        "the programme's next page is not in the seed",
    ),
    (
        "temamøderne på næste side.",
        "the programme's next page is not in the seed",
    ),
    (
        "Dialogmøder i OMU",
        "the heading over a list of OMUs; each OMU is its own activity, \"Dialogmøde i OMU …\"",
    ),
];

/// Every text the data transcribes from the seeds, each normalised. Left out: what is not
/// from a source and so cannot vouch for a source line (prompts, templates, meetings, fora,
/// themes, English texts, editor's notes on fora, sections and findings).
fn transcribed_texts(data: &Dataset) -> Vec<String> {
    fn walk(value: &Value, root: bool, out: &mut Vec<String>) {
        const NOT_TRANSCRIBED: &[&str] = &[
            "prompts",
            "templates",
            "meetings",
            "forums",
            "themes",
            "title_en",
            "text_en",
            "notes",
        ];
        match value {
            Value::String(s) => out.push(normalise(s)),
            Value::Array(items) => items.iter().for_each(|v| walk(v, false, out)),
            Value::Object(map) => {
                for (key, value) in map {
                    // The programme's own note is the seed's caveat; other notes are ours.
                    let ours = key == "note" && !root;
                    if !ours && !NOT_TRANSCRIBED.contains(&key.as_str()) {
                        walk(value, false, out);
                    }
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    for file in [
        serde_json::to_value(&data.programme).unwrap(),
        serde_json::to_value(&data.roadmap).unwrap(),
        serde_json::to_value(&data.findings).unwrap(),
    ] {
        walk(&file, true, &mut out);
    }
    out
}

#[test]
fn every_line_of_the_seeds_is_in_the_bundled_data() {
    let data = load(&DataSource::Bundled).unwrap().dataset;
    // One text per field, so that a seed line cannot match across two fields.
    let texts = transcribed_texts(&data).join("\u{1}");
    let mut missing = Vec::new();
    let mut checked = 0;
    for seed in [PROGRAMME_SEED, FINDINGS_SEED] {
        for line in seed.lines() {
            let line = normalise(line.trim().trim_start_matches('•'));
            if line.is_empty() {
                continue;
            }
            checked += 1;
            let left_out = LEFT_OUT.iter().find(|(l, _)| *l == line);
            match (texts.contains(&line), left_out) {
                (true, None) => {}
                (false, Some(_)) => {}
                (true, Some((_, why))) => missing.push(format!(
                    "{line:?} is listed as left out ({why}), but the data has it"
                )),
                (false, None) => missing.push(format!("{line:?} is not in the data")),
            }
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
    assert!(checked > 200, "only {checked} seed lines checked");
}

#[test]
fn the_two_lines_once_left_out_are_back_where_the_seed_has_them() {
    let data = load(&DataSource::Bundled).unwrap().dataset;
    assert_eq!(
        data.programme.meetings_heading.as_deref(),
        Some("Temamøder 2026-2027")
    );
    let theme_1 = data
        .findings
        .sections
        .iter()
        .find(|s| s.title.starts_with("1. Organisation"))
        .unwrap();
    assert_eq!(
        theme_1.lead_in.as_deref(),
        Some("For at lykkes kræver det:")
    );
}

/// The quarters a roadmap heading names: "1. kvartal 2026", "3.-4 kvartal 2026".
fn quarters_of_label(label: &str) -> Vec<String> {
    let (numbers, year) = label.split_once(" kvartal ").unwrap();
    let numbers: Vec<u8> = numbers
        .split('-')
        .map(|n| n.trim_end_matches('.').parse().unwrap())
        .collect();
    let (first, last) = (numbers[0], *numbers.last().unwrap());
    (first..=last).map(|q| format!("{year}-Q{q}")).collect()
}

#[test]
fn each_activity_keeps_the_seeds_heading_beside_its_normalised_date() {
    let data = load(&DataSource::Bundled).unwrap().dataset;
    for activity in &data.roadmap.activities {
        let label = activity
            .source_label
            .as_deref()
            .unwrap_or_else(|| panic!("{} has no source_label", activity.id));
        let quarters: Vec<String> = activity
            .date
            .quarters()
            .iter()
            .map(|q| q.to_string())
            .collect();
        let named = quarters_of_label(label);
        assert!(
            !quarters.is_empty() && quarters.iter().all(|q| named.contains(q)),
            "{}: date {} is not within {label:?}",
            activity.id,
            *activity.date
        );
    }
    let span = data
        .roadmap
        .activities
        .iter()
        .find(|a| a.id.as_str() == "hu-opfoelgning")
        .unwrap();
    assert_eq!(span.source_label.as_deref(), Some("3.-4 kvartal 2026"));
    assert_eq!(span.date.to_string(), "2026-Q3..2026-Q4");
}

#[test]
fn an_activity_has_a_forum_only_where_the_seed_names_one() {
    let data = load(&DataSource::Bundled).unwrap().dataset;
    let forums = &data.roadmap.forums;
    for activity in &data.roadmap.activities {
        let named: Vec<&str> = forums
            .iter()
            .filter(|f| {
                activity
                    .title
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|word| word == f.name.as_str())
                    || activity.title.contains(f.name.as_str()) && f.name.contains(' ')
            })
            .map(|f| f.id.as_str())
            .collect();
        assert_eq!(
            activity.forum_id().into_iter().collect::<Vec<_>>(),
            named,
            "{}: {:?}",
            activity.id,
            *activity.title
        );
    }
    for title in [
        "Informations- og dialogmaterialer",
        "Indgå i arbejdet med attraktive arbejdspladser",
        "Fortsat kobling til arbejdet med vision og forenkling",
    ] {
        let activity = data
            .roadmap
            .activities
            .iter()
            .find(|a| a.title.as_str() == title)
            .unwrap();
        assert_eq!(activity.forum, None, "{title}");
    }
}

#[test]
fn the_seed_gives_no_status_for_the_roadmap_so_none_is_recorded() {
    let data = load(&DataSource::Bundled).unwrap().dataset;
    for activity in &data.roadmap.activities {
        assert_eq!(activity.status, Status::NotRecorded, "{}", activity.id);
    }
}

#[test]
fn nothing_on_the_bundled_roadmap_is_overdue_even_when_it_is_all_past() {
    for today in ["2026-03-01", "2027-06-01"] {
        let out = Command::cargo_bin("medtrio")
            .unwrap()
            .args(["list", "roadmap", "--overdue", "--format", "json"])
            .args(["--today", today])
            .env_remove("MEDTRIO_DATA")
            .output()
            .unwrap();
        assert!(out.status.success());
        let rows: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(rows, Value::Array(Vec::new()), "--today {today}");
    }
}

#[test]
fn a_temamoede_is_held_by_no_committee_and_hovedmed_is_not_assumed_to_be_hu() {
    let data = load(&DataSource::Bundled).unwrap().dataset;
    for meeting in &data.programme.meetings {
        assert_eq!(meeting.forum, None, "{}", meeting.id);
        assert!(meeting.signup, "{}: the seed announces sign-up", meeting.id);
    }
    let forum = |id: &str| {
        data.roadmap
            .forums
            .iter()
            .find(|f| f.id.as_str() == id)
            .unwrap()
    };
    assert_eq!(data.programme.owner.as_str(), "hovedmed");
    let (hovedmed, hu) = (forum("hovedmed"), forum("hu"));
    assert_in_seed(PROGRAMME_SEED, &hovedmed.name, "programme owner");
    assert_in_seed(FINDINGS_SEED, &hu.name, "HU");
    assert_in_seed(
        FINDINGS_SEED,
        hu.full_name.as_ref().unwrap(),
        "Hovedudvalget",
    );
    assert!(hovedmed.note.as_ref().unwrap().contains("HU"));
    assert!(hu.note.as_ref().unwrap().contains("HovedMED"));
}

#[test]
fn kcl_and_kkc_stay_as_written_with_a_note_that_the_seed_does_not_link_them() {
    let data = load(&DataSource::Bundled).unwrap().dataset;
    let kcl = data
        .roadmap
        .forums
        .iter()
        .find(|f| f.name.as_str() == "KCL")
        .unwrap();
    assert!(kcl.note.as_ref().unwrap().contains("KKC"));
    let kkc = data
        .findings
        .findings
        .iter()
        .find(|f| f.text.contains("KKC"))
        .unwrap();
    assert!(kkc.note.as_ref().unwrap().contains("KCL"));
}

#[test]
fn the_uncertain_heading_says_that_it_is_uncertain() {
    let data = load(&DataSource::Bundled).unwrap().dataset;
    let heading = "Opsamling fra tværgående workshop";
    let mut labelled = Vec::new();
    for section in &data.findings.sections {
        let mentions = section.heading.as_deref() == Some(heading)
            || section.note.as_deref().is_some_and(|n| n.contains(heading));
        if mentions {
            assert!(
                section
                    .note
                    .as_deref()
                    .is_some_and(|n| n.contains("usikker")),
                "{}",
                section.id
            );
        }
        if section.heading.as_deref() == Some(heading) {
            labelled.push(section.id.as_str());
        }
    }
    assert_eq!(labelled, ["giver-mening", "mangler-svar", "opmaerksomme"]);
}

#[test]
fn every_bullet_of_the_findings_seed_is_a_finding() {
    let data = load(&DataSource::Bundled).unwrap().dataset;
    let findings: Vec<String> = data
        .findings
        .findings
        .iter()
        .map(|f| normalise(&f.text))
        .collect();
    let summary_part = FINDINGS_SEED.split("Aktørskab 2025-2026").next().unwrap();
    let mut bullets = 0;
    for chunk in summary_part.split('•').skip(1) {
        // A bullet runs to the first blank line or to a line that starts a new heading.
        let text: Vec<&str> = chunk.split("\n\n").next().unwrap().lines().collect();
        let bullet = normalise(&text.join(" "));
        let bullet = bullet.split(" Det, vi ").next().unwrap();
        let bullet = bullet.split(" Opsamling fra").next().unwrap();
        let bullet = bullet.split(" Der er samtidig").next().unwrap();
        let bullet = bullet.split(" Når vi lykkes").next().unwrap().trim();
        bullets += 1;
        assert!(
            findings
                .iter()
                .any(|f| f.contains(bullet) || bullet.contains(f.as_str())),
            "bullet missing from findings.yaml: {bullet:?}"
        );
    }
    assert!(bullets >= 60, "only {bullets} bullets found");
}

#[test]
fn the_roadmap_has_all_eleven_activities_of_the_seed() {
    let data = load(&DataSource::Bundled).unwrap().dataset;
    assert_eq!(data.roadmap.activities.len(), 11);
    let months: Vec<String> = data
        .roadmap
        .activities
        .iter()
        .filter(|a| a.title.contains(" i november") || a.title.contains(" i december"))
        .map(|a| a.date.to_string())
        .collect();
    assert_eq!(months, ["2025-11", "2025-12"]);
}

#[test]
fn no_temamoede_has_an_invented_date() {
    let data = load(&DataSource::Bundled).unwrap().dataset;
    assert_eq!(data.programme.meetings.len(), 4);
    for meeting in &data.programme.meetings {
        assert!(
            !meeting.date.is_known(),
            "{} has a date the seed does not give",
            meeting.id
        );
        assert!(meeting.start.is_none() && meeting.place.is_none());
        assert!(!meeting.details_announced);
    }
}
