//! The output folder of `export`: every path medtrio writes or removes there is checked first.
//!
//! A name is relative, has no `..`, no empty part and no control character; every folder on
//! the way to it inside the output folder is a real folder (not a link that could lead
//! elsewhere); and what is already at the path is a regular file or nothing. The manifest of an
//! earlier export is data like any other: an entry that fails these checks is refused by name,
//! before anything is written or removed.

use std::collections::BTreeSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::error::Failure;

/// The file in the output folder that lists what medtrio wrote there.
pub const MANIFEST: &str = ".medtrio-export";

/// Why a name may not be written or removed inside the output folder, if it may not.
pub fn name_problem(name: &str) -> Option<&'static str> {
    if name.is_empty() {
        return Some("it is empty");
    }
    if name.chars().any(char::is_control) {
        return Some("it holds a control character");
    }
    if Path::new(name).is_absolute() {
        return Some("it is an absolute path");
    }
    // Split by hand: `Path::components` would quietly drop a `.` and a doubled slash.
    for part in name.split('/') {
        match part {
            ".." => return Some("it leads out of the folder with `..`"),
            "" | "." => return Some("it is not a plain relative path"),
            _ if part.contains('\\') => return Some("it is not a plain relative path"),
            _ => {}
        }
    }
    None
}

/// A file name made safe to write in the output folder and to link: letters (Danish ones
/// too), digits, `-`, `_` and `.` are kept, anything else (a space, a slash, a quote) becomes
/// `-`; no leading dot, never empty.
pub fn safe_file_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_start_matches(['.', '-']).to_owned();
    if out.is_empty() {
        "bilag".to_owned()
    } else {
        out
    }
}

/// The output folder, with the names an earlier export wrote there.
pub struct OutDir {
    root: PathBuf,
    previous: BTreeSet<String>,
}

impl OutDir {
    /// Opens (or makes) `root`, reads and checks its manifest. Without `force`, a folder that
    /// is not empty is refused.
    pub fn open(root: &Path, force: bool) -> Result<OutDir> {
        match fs::symlink_metadata(root) {
            Ok(meta) if meta.is_file() => {
                return Err(Failure::operation(
                    format!("`{}` is a file", root.display()),
                    "give --out a folder",
                )
                .into());
            }
            Ok(_) => {}
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                fs::create_dir_all(root).map_err(|e| {
                    Failure::operation(
                        format!("cannot create `{}`: {e}", root.display()),
                        "check that the parent folder exists and can be written",
                    )
                })?;
                return Ok(OutDir {
                    root: root.to_owned(),
                    previous: BTreeSet::new(),
                });
            }
            Err(e) => return Err(e.into()),
        }
        let non_empty = fs::read_dir(root)?.next().is_some();
        if non_empty && !force {
            return Err(Failure::operation(
                format!("`{}` is not empty", root.display()),
                "add --force to replace the files an earlier export wrote there; other files are kept",
            )
            .into());
        }
        let out = OutDir {
            root: root.to_owned(),
            previous: BTreeSet::new(),
        };
        let manifest = out.root.join(MANIFEST);
        let previous = match fs::symlink_metadata(&manifest) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => BTreeSet::new(),
            Ok(meta) if meta.is_file() => {
                parse_manifest(&manifest, &fs::read_to_string(&manifest)?)?
            }
            _ => {
                return Err(Failure::operation(
                    format!("`{}` is not a regular file", manifest.display()),
                    "remove it; medtrio keeps its list of written files there",
                )
                .into());
            }
        };
        Ok(OutDir { previous, ..out })
    }

    /// Checks, before anything is written, that every name to be written may be: a checked
    /// name, no link on the way, and in its place either nothing or a regular file that an
    /// earlier export wrote (as its manifest says). A foreign file in the way is an error.
    pub fn check_planned<'a>(&self, names: impl IntoIterator<Item = &'a str>) -> Result<()> {
        for name in names {
            let path = self.checked_path(name)?;
            match fs::symlink_metadata(&path) {
                Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                Ok(meta) if meta.is_file() && self.previous.contains(name) => {}
                Ok(meta) if meta.is_file() => {
                    return Err(Failure::operation(
                        format!("`{}` is in the way: an earlier export did not write it", path.display()),
                        "move it away, or export to another folder; --force replaces only files that medtrio wrote",
                    )
                    .into());
                }
                _ => {
                    return Err(Failure::operation(
                        format!(
                            "`{}` is in the way: it is not a regular file",
                            path.display()
                        ),
                        "move it away, or export to another folder",
                    )
                    .into());
                }
            }
        }
        Ok(())
    }

    /// The path of a name inside the folder, after checking the name and that no folder on the
    /// way is a link.
    pub fn checked_path(&self, name: &str) -> Result<PathBuf> {
        if let Some(why) = name_problem(name) {
            return Err(Failure::operation(
                format!("refusing to write `{}`: {why}", name.escape_debug()),
                "this is a bug in medtrio; nothing outside the output folder was touched",
            )
            .into());
        }
        let mut path = self.root.clone();
        let parts: Vec<_> = Path::new(name).components().collect();
        for (i, part) in parts.iter().enumerate() {
            path.push(part);
            if i + 1 == parts.len() {
                break;
            }
            match fs::symlink_metadata(&path) {
                Ok(meta) if meta.is_dir() => {}
                Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                _ => {
                    return Err(Failure::operation(
                        format!(
                            "`{}` is not a real folder (a link or a file)",
                            path.display()
                        ),
                        "remove it; medtrio writes only into folders inside the output folder",
                    )
                    .into());
                }
            }
        }
        Ok(path)
    }

    /// Removes the files of an earlier export that this one did not write. Only checked names
    /// that are regular files are removed.
    pub fn remove_stale(&self, written: &BTreeSet<&str>) {
        for stale in self
            .previous
            .iter()
            .filter(|p| !written.contains(p.as_str()))
        {
            if let Ok(path) = self.checked_path(stale)
                && fs::symlink_metadata(&path).is_ok_and(|m| m.is_file())
            {
                let _ = fs::remove_file(path);
            }
        }
    }

    /// The names an earlier export wrote.
    pub fn previous(&self) -> &BTreeSet<String> {
        &self.previous
    }

    pub fn root(&self) -> &Path {
        &self.root
    }
}

/// The manifest's names, each checked: a bad entry is refused by name, and nothing is removed.
fn parse_manifest(path: &Path, text: &str) -> Result<BTreeSet<String>> {
    let mut names = BTreeSet::new();
    for (i, line) in text.lines().enumerate() {
        if line.is_empty() {
            continue;
        }
        if let Some(why) = name_problem(line) {
            return Err(Failure::operation(
                format!(
                    "{}:{}: refusing the entry `{}`: {why}",
                    path.display(),
                    i + 1,
                    line.escape_debug()
                ),
                "medtrio did not write this list; remove the file, and nothing outside the folder is touched",
            )
            .into());
        }
        names.insert(line.to_owned());
    }
    Ok(names)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_that_could_leave_the_folder_are_refused() {
        for bad in [
            "",
            "/etc/passwd",
            "../x",
            "agendas/../../x",
            "a\nb",
            "a/./b",
            "a//b",
            "a/",
        ] {
            assert!(name_problem(bad).is_some(), "{bad:?}");
        }
        for good in ["index.html", "agendas/lmu-marts.html", "lists/meetings.csv"] {
            assert_eq!(name_problem(good), None, "{good:?}");
        }
    }
}
