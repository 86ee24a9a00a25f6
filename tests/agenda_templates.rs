//! The agenda templates in the data: a temamøde for MED-trios is a programme, not a committee
//! agenda; a committee template is made for one level and names that level in its
//! recommendations; sign-up belongs only where a source announces it.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use std::path::PathBuf;

use assert_cmd::Command;
use medtrio::load::{DataSource, load};
use medtrio::model::{Dataset, ItemType, Level, Template, TemplateKind};

fn data_sets() -> Vec<(String, Dataset)> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut sets = vec![(
        "bundled".to_owned(),
        load(&DataSource::Bundled).unwrap().dataset,
    )];
    for dir in [
        "examples/havnekoebing",
        "examples/starter",
        "tests/fixtures/minimal",
    ] {
        sets.push((
            dir.to_owned(),
            load(&DataSource::Dir(root.join(dir))).unwrap().dataset,
        ));
    }
    sets
}

/// The items of a committee meeting that a temamøde does not have.
const COMMITTEE_ITEMS: &[&str] = &[
    "Godkendelse af dagsorden",
    "Godkendelse af referat",
    "Meddelelser",
    "Næste møde",
    "Eventuelt",
];

fn level_name(level: Level) -> &'static str {
    match level {
        Level::Hu => "HU",
        Level::Omu => "OMU",
        Level::Lmu => "LMU",
        Level::Other => "udvalget",
    }
}

fn titles(template: &Template) -> Vec<&str> {
    template.items.iter().map(|i| i.title.as_str()).collect()
}

/// What is wrong with a committee template made for `level`.
fn committee_problems(template: &Template, level: Level) -> Vec<String> {
    let own = level_name(level);
    let mut problems = Vec::new();
    for item in &template.items {
        let recommendation = item.recommendation.as_deref();
        if item.kind == Some(ItemType::Droeftelse) {
            let expected = format!("Det indstilles, at {own} drøfter");
            if !recommendation.is_some_and(|r| r.starts_with(&expected)) {
                problems.push(format!(
                    "{}: drøftelse {:?} needs a recommendation \"{expected} …\", has {recommendation:?}",
                    template.id.as_str(),
                    item.title.as_str()
                ));
            }
        }
        for other in [Level::Hu, Level::Omu, Level::Lmu] {
            let other_name = level_name(other);
            let names_other = recommendation
                .is_some_and(|r| r.starts_with(&format!("Det indstilles, at {other_name} ")));
            if other != level && names_other {
                problems.push(format!(
                    "{}: {:?} recommends for {other_name}, but the template is made for {own}",
                    template.id.as_str(),
                    item.title.as_str()
                ));
            }
        }
    }
    problems
}

#[test]
fn a_committee_template_names_its_own_level_in_every_recommendation() {
    let mut problems = Vec::new();
    let mut checked = 0;
    for (set, data) in data_sets() {
        for template in &data.programme.templates {
            if let Some(level) = template.level {
                checked += 1;
                problems.extend(
                    committee_problems(template, level)
                        .into_iter()
                        .map(|p| format!("{set}: {p}")),
                );
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(checked >= 5, "only {checked} templates have a level");
}

#[test]
fn the_level_check_catches_an_lmu_hard_coded_in_an_omu_template() {
    let data = load(&DataSource::Bundled).unwrap().dataset;
    let lmu = data
        .programme
        .templates
        .iter()
        .find(|t| t.level == Some(Level::Lmu))
        .unwrap();
    assert!(committee_problems(lmu, Level::Lmu).is_empty());
    assert!(!committee_problems(lmu, Level::Omu).is_empty());
}

#[test]
fn the_bundled_committee_templates_have_the_items_a_med_agenda_has() {
    let data = load(&DataSource::Bundled).unwrap().dataset;
    let committee: Vec<&Template> = data
        .programme
        .templates
        .iter()
        .map(|t| &t.value)
        .filter(|t| t.kind == TemplateKind::Committee)
        .collect();
    assert_eq!(committee.len(), 2);
    for template in committee {
        let level = template
            .level
            .unwrap_or_else(|| panic!("{} has no level", template.id.as_str()));
        let titles = titles(template);
        for item in [
            "Godkendelse af dagsorden",
            "Godkendelse af referat",
            "Opfølgning på beslutninger og handlingspunkter",
            "Eventuelt",
            "Evaluering af mødet",
        ] {
            assert!(
                titles.contains(&item),
                "{}: no {item:?}",
                template.id.as_str()
            );
        }
        // News comes from the levels around this one.
        let news = titles
            .iter()
            .find(|t| t.starts_with("Nyt fra "))
            .unwrap_or_else(|| panic!("{}: no \"Nyt fra …\"", template.id.as_str()));
        match level {
            Level::Omu => assert!(news.contains("LMU’erne"), "{news}"),
            Level::Lmu => assert!(news.contains("OMU"), "{news}"),
            _ => {}
        }
        assert!(
            template.suggestion,
            "{}: its items are suggestions",
            template.id.as_str()
        );
    }
}

#[test]
fn a_temamoede_is_a_programme_from_welcome_to_what_the_trios_take_home() {
    let data = load(&DataSource::Bundled).unwrap().dataset;
    for meeting in &data.programme.meetings {
        let template = data
            .programme
            .templates
            .iter()
            .find(|t| Some(t.id.as_str()) == meeting.template.as_ref().map(|t| t.as_str()))
            .unwrap();
        assert_eq!(
            template.kind,
            TemplateKind::Programme,
            "{}",
            meeting.id.as_str()
        );
        assert_eq!(template.level, None);
        assert!(
            template.suggestion,
            "its speaker, items and times are invented"
        );
        let titles = titles(template);
        assert_eq!(titles.first(), Some(&"Velkomst og formål"));
        assert_eq!(titles.last(), Some(&"Hvad tager I med hjem til jeres LMU?"));
        let position = |prefix: &str| titles.iter().position(|t| t.starts_with(prefix));
        let talk = position("Oplæg").expect("an oplæg");
        let workshop = position("Workshop").expect("a workshop");
        let plenum = position("Opsamling i plenum").expect("an opsamling i plenum");
        assert!(talk < workshop && workshop < plenum, "{titles:?}");
        for item in &template.items {
            assert!(
                !COMMITTEE_ITEMS.contains(&item.title.as_str()),
                "a temamøde has no {:?}",
                item.title.as_str()
            );
            assert!(
                item.recommendation.is_none(),
                "a programme has no indstillinger"
            );
            assert_ne!(item.lead.as_deref(), Some("MED-trioerne"));
            if item.title.starts_with("Workshop") {
                assert_eq!(item.lead.as_deref(), Some("Facilitator"));
                assert!(
                    !item.prompts.is_empty(),
                    "{:?} has no questions",
                    item.title.as_str()
                );
            }
        }
    }
}

#[test]
fn no_programme_template_in_any_data_set_has_committee_items() {
    for (set, data) in data_sets() {
        for template in &data.programme.templates {
            if template.kind == TemplateKind::Programme {
                for title in titles(template) {
                    assert!(!COMMITTEE_ITEMS.contains(&title), "{set}: {title}");
                }
            }
        }
    }
}

#[test]
fn sign_up_is_only_where_a_source_announces_it() {
    for (set, data) in data_sets() {
        for meeting in &data.programme.meetings {
            let committee = meeting.forum.is_some();
            assert!(
                !(committee && meeting.has_signup()),
                "{set}: {} is a committee meeting with sign-up",
                meeting.id.as_str()
            );
        }
    }
    let data = load(&DataSource::Bundled).unwrap().dataset;
    assert!(data.programme.meetings.iter().all(|m| m.signup));
}

#[test]
fn every_data_set_in_the_repo_validates_without_a_warning() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    for dir in [
        None,
        Some("examples/havnekoebing"),
        Some("examples/starter"),
        Some("tests/fixtures/minimal"),
    ] {
        let mut cmd = Command::cargo_bin("medtrio").unwrap();
        cmd.env_remove("MEDTRIO_DATA").env("NO_COLOR", "1");
        if let Some(dir) = dir {
            cmd.arg("--data").arg(root.join(dir));
        }
        let out = cmd.arg("validate").output().unwrap();
        assert!(out.status.success(), "{dir:?}");
        assert_eq!(String::from_utf8_lossy(&out.stderr), "", "{dir:?}");
    }
}
