//! Every dialogue prompt in every data set of the repository works on a card: a complete
//! question that starts with a capital letter and ends with "?", short enough to be read
//! aloud from a card, traced to sources that exist, a seed prompt quoting its source word for
//! word and an authored one not copying it. Every theme the programme names has prompts.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use std::path::PathBuf;

use assert_cmd::Command;
use medtrio::load::{DataSource, load};
use medtrio::model::{Dataset, Origin, Prompt};

/// Every data set in the repository that is meant to be valid.
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
        let loaded = load(&DataSource::Dir(root.join(dir)))
            .unwrap_or_else(|e| panic!("{dir} does not load: {e:?}"));
        sets.push((dir.to_owned(), loaded.dataset));
    }
    sets
}

/// Whitespace collapsed and case folded, for comparing texts.
fn plain(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The most a question on a card may hold: a card of 95 × 69 mm holds about 150 characters
/// at its normal type size, and a question read aloud in a round should be one breath.
const MAX_CHARS: usize = 170;
const MAX_WORDS: usize = 30;

/// The texts a source id stands for: a finding's text and title, a why-text and its heading,
/// or a strand of the programme (a theme of programme.yaml), in the programme's words.
fn source_texts<'a>(data: &'a Dataset, id: &str) -> Option<Vec<&'a str>> {
    if let Some(f) = data.findings.findings.iter().find(|f| f.id.as_str() == id) {
        return Some(
            [Some(f.text.as_str()), f.title.as_deref()]
                .into_iter()
                .flatten()
                .collect(),
        );
    }
    if let Some(w) = data.programme.why.iter().find(|w| w.id.as_str() == id) {
        return Some(vec![w.text.as_str(), w.title.as_str()]);
    }
    data.programme
        .themes
        .iter()
        .find(|t| t.id.as_str() == id)
        .map(|t| vec![t.title.as_str()])
}

/// A strand the prompt cites must be the programme's own words: its title stands in the
/// programme's introduction.
fn strand_problems(data: &Dataset, id: &str) -> Option<String> {
    let theme = data.programme.themes.iter().find(|t| t.id.as_str() == id)?;
    let intro = plain(data.programme.intro.as_deref().unwrap_or(""));
    (!intro.contains(&plain(&theme.title))).then(|| {
        format!(
            "cites the strand `{id}`, whose title {:?} is not the programme's words",
            theme.title.as_str()
        )
    })
}

/// What is wrong with a question's wording, if anything.
fn wording_problems(text: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let trimmed = text.trim();
    if trimmed != text {
        problems.push("has spaces at its start or end".to_owned());
    }
    if !trimmed.chars().next().is_some_and(char::is_uppercase) {
        problems.push("does not start with a capital letter".to_owned());
    }
    if !trimmed.ends_with('?') {
        problems.push("does not end with \"?\"".to_owned());
    }
    let first = trimmed
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("")
        .to_lowercase();
    if first == "det" || first == "dét" {
        problems.push("starts with a dangling \"det\"".to_owned());
    }
    let (chars, words) = (trimmed.chars().count(), trimmed.split_whitespace().count());
    if chars > MAX_CHARS || words > MAX_WORDS {
        problems.push(format!(
            "is {chars} characters and {words} words: more than a card holds \
             ({MAX_CHARS} characters, {MAX_WORDS} words)"
        ));
    }
    problems
}

fn lint(set: &str, data: &Dataset, prompt: &Prompt) -> Vec<String> {
    let mut problems: Vec<String> = wording_problems(&prompt.text)
        .into_iter()
        .map(|p| format!("text {p}"))
        .collect();
    if let Some(en) = &prompt.text_en {
        problems.extend(
            wording_problems(en)
                .into_iter()
                .map(|p| format!("text_en {p}")),
        );
    }
    let mut sources = Vec::new();
    for id in &prompt.sources {
        match source_texts(data, id) {
            Some(texts) => sources.extend(texts),
            None => problems.push(format!("source `{}` does not resolve", id.as_str())),
        }
        problems.extend(strand_problems(data, id));
    }
    if prompt.sources.is_empty() {
        problems.push("has no sources".to_owned());
    }
    let text = plain(&prompt.text);
    let bare = text.trim_end_matches('?');
    match (prompt.origin, prompt.source_words()) {
        (Origin::Seed, Some(words)) => {
            if !sources.iter().any(|s| plain(s).contains(&plain(words))) {
                problems.push(format!(
                    "seed words {words:?} are not verbatim in its sources"
                ));
            }
        }
        (Origin::Authored, _) => {
            if sources
                .iter()
                .any(|s| plain(s) == text || plain(s).contains(bare))
            {
                problems.push(format!(
                    "authored text is a copy of its source: {:?}",
                    prompt.text.as_str()
                ));
            }
        }
        (Origin::Seed, None) => unreachable!("a seed prompt always has source words"),
    }
    if prompt.quote.is_some() && plain(prompt.quote.as_ref().unwrap()) == text {
        problems.push("quote is the same as the text: leave `quote` out".to_owned());
    }
    // A heading of the programme is background, not a dialogue question.
    if data.programme.why.iter().any(|w| plain(&w.title) == text) {
        problems.push(format!(
            "is a heading of the programme, not a dialogue question: {:?}",
            prompt.text.as_str()
        ));
    }
    problems
        .into_iter()
        .map(|p| {
            format!(
                "{set}: {} {p}: {:?}",
                prompt.id.as_str(),
                prompt.text.as_str()
            )
        })
        .collect()
}

#[test]
fn every_prompt_in_every_data_set_reads_as_a_question_on_a_card() {
    let mut problems = Vec::new();
    let mut prompts = 0;
    for (set, data) in data_sets() {
        for prompt in &data.findings.prompts {
            prompts += 1;
            problems.extend(lint(&set, &data, prompt));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(prompts >= 50, "only {prompts} prompts linted");
}

#[test]
fn the_lint_catches_what_it_is_for() {
    assert!(wording_problems("Hvad er råderummet?").is_empty());
    assert_eq!(wording_problems("hvad er råderummet?").len(), 1);
    assert_eq!(wording_problems("Hvad er råderummet").len(), 1);
    assert_eq!(wording_problems("Det dér, hvad er det?").len(), 1);
    assert_eq!(
        wording_problems("Skal aktørskab have et nyt navn? (medledelse, handlekraft?)").len(),
        1
    );
    // The old p-rol-paaroerende: 43 words, too long to read from a card.
    let long = "Hvor kan samarbejde med pårørende eller civilsamfundet frisætte tid og styrke \
        relationerne hos os – og hvilke grænser skal ligge fast, så pårørende og frivillige \
        ikke overtager ansattes kerneopgaver, og ansvar og tavshedspligt er på plads?";
    assert_eq!(
        wording_problems(long).len(),
        1,
        "{:?}",
        wording_problems(long)
    );
    let data = load(&DataSource::Bundled).unwrap().dataset;
    let mut copy = data.findings.prompts[0].value.clone();
    copy.origin = Origin::Authored;
    copy.quote = None;
    assert!(
        lint("bundled", &data, &copy)
            .iter()
            .any(|p| p.contains("copy of its source")),
        "{:?}",
        lint("bundled", &data, &copy)
    );
}

#[test]
fn every_bundled_prompt_has_an_english_text() {
    let data = load(&DataSource::Bundled).unwrap().dataset;
    for prompt in &data.findings.prompts {
        assert!(
            prompt.text_en.is_some(),
            "{} has no text_en",
            prompt.id.as_str()
        );
    }
}

#[test]
fn a_fragment_cut_from_a_bullet_is_made_whole_and_its_words_kept_as_a_quote() {
    let data = load(&DataSource::Bundled).unwrap().dataset;
    let prompt = |id: &str| {
        data.findings
            .prompts
            .iter()
            .find(|p| p.id.as_str() == id)
            .unwrap()
    };
    for (id, quote) in [
        ("p-raaderum", "hvad er råderummet?"),
        (
            "p-faelles-sprog",
            "hvad kalder vi det, så ordet i sig selv inviterer til handling?",
        ),
        ("p-aktoerskab-for-os", "hvad er aktørskab for os?"),
    ] {
        let p = prompt(id);
        assert_eq!(p.origin, Origin::Seed, "{id}");
        assert_eq!(p.quote.as_deref().map(String::as_str), Some(quote), "{id}");
        assert!(p.text.len() > quote.len(), "{id}: {:?}", p.text.as_str());
    }
    assert!(
        data.findings
            .prompts
            .iter()
            .all(|p| !p.id.starts_with("p-hvorfor")),
        "the programme's headings are background, not prompts"
    );
}

/// The ids `medtrio list prompts` prints for these flags, on the bundled data.
fn listed(args: &[&str]) -> Vec<String> {
    let out = Command::cargo_bin("medtrio")
        .unwrap()
        .args(["list", "prompts", "--format", "json"])
        .args(args)
        .env_remove("MEDTRIO_DATA")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    rows.as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn audience_tr_finds_the_trio_prompts_since_the_trio_is_leader_tr_and_amr() {
    let tr = listed(&["--audience", "tr"]);
    // Meant for the trio alone.
    for id in ["p-rol-trio", "p-af-proevehandling", "p-tempo"] {
        assert!(
            tr.contains(&id.to_owned()),
            "--audience tr misses {id}: {tr:?}"
        );
    }
    // Meant for employees alone.
    assert!(!tr.contains(&"p-rol-feedback".to_owned()), "{tr:?}");
    let amr = listed(&["--audience", "amr"]);
    assert!(amr.contains(&"p-rol-trio".to_owned()));
    // Meant for leder, TR and AMR: that is the trio.
    let trio = listed(&["--audience", "trio"]);
    assert!(trio.contains(&"p-mellemledere".to_owned()), "{trio:?}");
    assert!(!trio.contains(&"p-rol-feedback".to_owned()), "{trio:?}");
}

#[test]
fn every_theme_the_programme_names_has_prompts_of_its_own() {
    let data = load(&DataSource::Bundled).unwrap().dataset;
    let prompts = &data.findings.prompts;
    for theme in &data.programme.themes {
        let of_theme: Vec<&str> = prompts
            .iter()
            .filter(|p| p.themes.iter().any(|t| t.as_str() == theme.id.as_str()))
            .map(|p| p.id.as_str())
            .collect();
        assert!(
            !of_theme.is_empty(),
            "the programme names the theme `{}` ({:?}), but no prompt has it",
            theme.id.as_str(),
            theme.title.as_str()
        );
    }
    // The fourth strand, "gode processer og klarhed om rammerne", is written from the
    // programme's own text: at least four prompts, each citing the strand.
    let rammer: Vec<&Prompt> = prompts
        .iter()
        .filter(|p| p.themes.iter().any(|t| t.as_str() == "rammer"))
        .map(|p| &p.value)
        .collect();
    assert!(rammer.len() >= 4, "{} prompts on `rammer`", rammer.len());
    for p in rammer {
        assert!(
            p.sources.iter().any(|s| s.as_str() == "rammer"),
            "{} does not cite the strand",
            p.id.as_str()
        );
    }
}
