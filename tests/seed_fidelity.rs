//! The bundled data says what the seed documents say, word for word, and leaves nothing out.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use medtrio::load::{DataSource, load};
use medtrio::model::Origin;

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
    let f = &data.findings;
    assert_in_seed(FINDINGS_SEED, &f.title, "findings title");
    for section in &f.sections {
        assert_in_seed(FINDINGS_SEED, &section.title, "section title");
        for text in [&section.heading, &section.intro].into_iter().flatten() {
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
        assert_in_seed(&seed, &prompt.text, "seed prompt");
    }
    assert_in_seed(FINDINGS_SEED, &data.roadmap.title, "roadmap title");
    for activity in &data.roadmap.activities {
        // "Dialogmøder i OMU • Sundhed og omsorg" becomes "Dialogmøde i OMU Sundhed og omsorg".
        let text = activity
            .title
            .strip_prefix("Dialogmøde i OMU ")
            .unwrap_or(&activity.title);
        assert_in_seed(FINDINGS_SEED, text, "roadmap activity");
    }
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
