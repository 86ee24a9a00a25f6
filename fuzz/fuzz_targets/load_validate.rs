//! Fuzz target: load → validate → agenda, in memory.
//!
//! Input format: the three files' texts joined by NUL bytes,
//! `programme.yaml 0x00 roadmap.yaml 0x00 findings.yaml`. The input is split on the first
//! two NUL bytes; an input with fewer than two is ignored (any later NUL stays in the
//! findings part). Each part is decoded as UTF-8 lossily and a leading byte-order mark is
//! dropped, as `medtrio::load` does when it reads a file.
//!
//! A part that does not parse has its diagnostic rendered, as the CLI prints it.
//! If all three parts parse (and carry the format version `medtrio::load` accepts), the
//! target runs `validate` and renders each problem with its source line, builds the catalog,
//! and builds and renders (Markdown and plain text) the Danish agenda of every id that has
//! one: the programme's meetings and the roadmap's meeting activities. The agenda runs
//! whether or not `validate` found errors, so a crash report must say whether its input also
//! passes `validate` (the CLI only makes agendas from data that does).
//!
//! Not modelled: files in a data folder's `local/` subfolder (`Loaded` is built as
//! `medtrio::load::load` builds it when there are none), and the file texts inside
//! `Loaded::sources`: `SourceFile` can only be made empty from outside the crate, so the
//! target quotes the source lines into the diagnostics itself, as `Diagnostic::with_source`.

#![no_main]

use libfuzzer_sys::fuzz_target;
use medtrio::diagnostic::Diagnostic;
use medtrio::lang::Lang;
use medtrio::load::{self, FORMAT_VERSION, FileKind, Loaded, Provenance, SourceFile, Sources};
use medtrio::model::{Catalog, Dataset, Findings, Programme, Roadmap};
use medtrio::render::{Document, Format, Renderer, Settings};
use medtrio::report::agenda;

const NAMES: [&str; 3] = ["programme.yaml", "roadmap.yaml", "findings.yaml"];

fn text(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes);
    text.strip_prefix('\u{feff}').unwrap_or(&text).to_owned()
}

fn source(name: &str) -> SourceFile {
    let mut file = SourceFile::default();
    file.name = name.to_owned();
    file
}

/// Renders problems as the CLI prints them (`validate`'s text on stderr).
fn print(renderer: &Renderer, problems: &[Diagnostic]) {
    let _ = renderer.render(&Document::Problems(problems), Format::Txt, &mut Vec::new());
}

fuzz_target!(|data: &[u8]| {
    let renderer = Renderer::new(
        Settings {
            lang: Lang::Da,
            width: 80,
            styled: false,
            excel: false,
        },
        Default::default(),
    );
    let mut parts = data.splitn(3, |&b| b == 0);
    let (Some(p), Some(r), Some(f)) = (parts.next(), parts.next(), parts.next()) else {
        return;
    };
    let texts = [text(p), text(r), text(f)];
    // Parse all three, as `load` does, even when an earlier one fails.
    let programme = load::parse::<Programme>(NAMES[0], &texts[0]);
    let roadmap = load::parse::<Roadmap>(NAMES[1], &texts[1]);
    let findings = load::parse::<Findings>(NAMES[2], &texts[2]);
    let (programme, roadmap, findings) = match (programme, roadmap, findings) {
        (Ok(p), Ok(r), Ok(f)) => (p, r, f),
        (p, r, f) => {
            // The CLI prints each file's first problem; render them as it would.
            let problems: Vec<Diagnostic> = [p.err(), r.err(), f.err()]
                .into_iter()
                .flatten()
                .map(|d| *d)
                .collect();
            print(&renderer, &problems);
            return;
        }
    };
    if [programme.version, roadmap.version, findings.version] != [FORMAT_VERSION; 3] {
        return;
    }
    // As `load` builds it when there are no `local/*.yaml` files.
    let provenance = Provenance {
        meetings: vec![FileKind::Programme; programme.meetings.len()],
        templates: vec![FileKind::Programme; programme.templates.len()],
        forums: vec![FileKind::Roadmap; roadmap.forums.len()],
    };
    let loaded = Loaded {
        dataset: Dataset {
            programme,
            roadmap,
            findings,
            minutes: Vec::new(),
        },
        sources: Sources {
            programme: source(NAMES[0]),
            roadmap: source(NAMES[1]),
            findings: source(NAMES[2]),
            ..Sources::default()
        },
        provenance,
    };
    let problems: Vec<Diagnostic> = medtrio::validate::validate(&loaded)
        .into_iter()
        .map(|d| {
            let text = NAMES
                .iter()
                .position(|n| *n == d.file)
                .map_or("", |i| texts[i].as_str());
            d.with_source(text)
        })
        .collect();
    print(&renderer, &problems);
    let catalog = Catalog::new(&loaded.dataset);
    for id in catalog.agenda_ids() {
        if let Ok(a) = agenda::agenda(&catalog, id, Lang::Da, Default::default()) {
            for format in [Format::Md, Format::Txt] {
                let _ = renderer.render(&Document::Agenda(&a), format, &mut Vec::new());
            }
        }
    }
});
