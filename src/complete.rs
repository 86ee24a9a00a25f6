//! Completion of the ids a command takes, from the data the command would read: the shell
//! asks medtrio (`COMPLETE=bash medtrio -- …`, clap_complete's dynamic completion), and the
//! candidates come with their titles.

use std::ffi::OsStr;
use std::path::PathBuf;

use clap_complete::engine::{ArgValueCompleter, CompletionCandidate};

use crate::load::{self, DataSource};
use crate::model::Dataset;

/// The ids of meetings (the programme's, and the roadmap's dialogue meetings).
pub fn meetings() -> ArgValueCompleter {
    ArgValueCompleter::new(|current: &OsStr| {
        candidates(current, |data, out| {
            for m in &data.programme.meetings {
                out.push((m.id.as_str().to_owned(), m.title.value.clone()));
            }
            for a in data.roadmap.activities.iter().filter(|a| a.is_meeting()) {
                out.push((a.id.as_str().to_owned(), a.title.value.clone()));
            }
        })
    })
}

/// The ids of action points, from the minutes.
pub fn actions() -> ArgValueCompleter {
    ArgValueCompleter::new(|current: &OsStr| {
        candidates(current, |data, out| {
            for minutes in &data.minutes {
                for a in &minutes.actions {
                    out.push((a.id.as_str().to_owned(), a.text.value.clone()));
                }
            }
        })
    })
}

/// Every id `show` shows: meetings, activities, findings, prompts, themes, forums, templates.
pub fn any() -> ArgValueCompleter {
    ArgValueCompleter::new(|current: &OsStr| {
        candidates(current, |data, out| {
            let mut push = |id: &str, title: &str| out.push((id.to_owned(), title.to_owned()));
            for m in &data.programme.meetings {
                push(&m.id, &m.title);
            }
            for a in &data.roadmap.activities {
                push(&a.id, &a.title);
            }
            for f in &data.findings.findings {
                push(&f.id, f.title.as_deref().unwrap_or(&f.text));
            }
            for p in &data.findings.prompts {
                push(&p.id, &p.text);
            }
            for t in data.programme.themes.iter().chain(&data.findings.themes) {
                push(&t.id, &t.title);
            }
            for f in &data.roadmap.forums {
                push(&f.id, &f.name);
            }
            for t in &data.programme.templates {
                push(&t.id, &t.title);
            }
        })
    })
}

/// The candidates that start with what is typed, each with its title as help (one line,
/// cut short). No data, or data that does not parse, gives none: completion never fails.
fn candidates(
    current: &OsStr,
    ids: impl Fn(&Dataset, &mut Vec<(String, String)>),
) -> Vec<CompletionCandidate> {
    let Some(typed) = current.to_str() else {
        return Vec::new();
    };
    let Ok(loaded) = load::load(&source()) else {
        return Vec::new();
    };
    let mut all = Vec::new();
    ids(&loaded.dataset, &mut all);
    all.into_iter()
        .filter(|(id, _)| id.starts_with(typed))
        .map(|(id, title)| {
            let line: String = title
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .chars()
                .take(60)
                .collect();
            CompletionCandidate::new(id).help(Some(line.into()))
        })
        .collect()
}

/// The data the command being completed would read: its `--data`, else `MEDTRIO_DATA`, else
/// the nearest folder up from here, else the bundled data (as `Context` chooses).
fn source() -> DataSource {
    let args: Vec<String> = std::env::args().collect();
    let given = args.iter().enumerate().find_map(|(i, a)| {
        if a == "--data" {
            args.get(i + 1).cloned()
        } else {
            a.strip_prefix("--data=").map(str::to_owned)
        }
    });
    let dir = given
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("MEDTRIO_DATA").map(PathBuf::from))
        .or_else(|| {
            std::env::current_dir()
                .ok()
                .and_then(|cwd| load::find_data_dir(&cwd))
        });
    match dir {
        Some(dir) => DataSource::Dir(dir),
        None => DataSource::Bundled,
    }
}
