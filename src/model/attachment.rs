//! An agenda item's attachment (*bilag*): a file in the data folder, with an optional title.
//! Written as a path (`attachments: [bilag/apv.pdf]`) or as `{file: PATH, title: TEXT}`.
//!
//! What the file is (PDF or not, its pages, its size) is not in the data: the checked load
//! finds it on the disk each time (`load::attachments`) and keeps it in [`Attachment::found`],
//! which neither serde nor the cache stores, so that a changed file is never described stale.

use std::fmt;
use std::path::PathBuf;

use schemars::JsonSchema;
use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};

/// One attachment of an agenda item.
#[derive(Clone, Debug, Serialize, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
pub struct Attachment {
    /// The file, relative to the data folder, with `/` between folders.
    pub file: String,
    /// The title the agenda gives it; the file's name without its extension when left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// What the file on the disk is; filled in by the checked load, never read from YAML.
    #[serde(skip)]
    #[rkyv(with = rkyv::with::Skip)]
    pub found: Option<Found>,
}

// Equality is what the data says: two data sets that name the same files are equal, whether or
// not their files have been looked up yet.
impl PartialEq for Attachment {
    fn eq(&self, other: &Self) -> bool {
        self.file == other.file && self.title == other.title
    }
}

/// An attachment's file as the checked load found it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// Where it is: the data folder joined with the attachment's `file`.
    pub path: PathBuf,
    /// Its size in bytes.
    pub bytes: u64,
    /// Its number of pages, for a PDF; none for any other file.
    pub pages: Option<u32>,
}

impl Attachment {
    /// The title, else the file's name without its extension.
    pub fn title(&self) -> &str {
        if let Some(t) = self.title.as_deref().filter(|t| !t.trim().is_empty()) {
            return t;
        }
        let name = self.file.rsplit('/').next().unwrap_or(&self.file);
        match name.rsplit_once('.') {
            Some((stem, _)) if !stem.is_empty() => stem,
            _ => name,
        }
    }

    /// The file's extension in capitals ("PDF", "DOCX"), or none.
    pub fn extension(&self) -> Option<String> {
        let name = self.file.rsplit('/').next().unwrap_or(&self.file);
        name.rsplit_once('.')
            .map(|(_, ext)| ext.to_uppercase())
            .filter(|e| !e.is_empty())
    }

    /// Whether the file is a PDF, by its extension.
    pub fn is_pdf(&self) -> bool {
        self.extension().as_deref() == Some("PDF")
    }
}

/// The form with a title: `{file: PATH, title: TEXT}`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Full {
    file: String,
    #[serde(default)]
    title: Option<String>,
}

impl<'de> Deserialize<'de> for Attachment {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Either;
        impl<'de> Visitor<'de> for Either {
            type Value = Attachment;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a file's path, or `{file: PATH, title: TEXT}`")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Attachment, E> {
                Ok(Attachment {
                    file: v.to_owned(),
                    title: None,
                    found: None,
                })
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Attachment, A::Error> {
                let full = Full::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(Attachment {
                    file: full.file,
                    title: full.title,
                    found: None,
                })
            }
        }
        deserializer.deserialize_any(Either)
    }
}

// The schema says what the YAML may hold: a path, or a path with a title.
impl JsonSchema for Attachment {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Attachment".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "An attachment (bilag): a file in the data folder, as its path or as {file, title}.",
            "anyOf": [
                { "type": "string", "minLength": 1 },
                {
                    "type": "object",
                    "properties": {
                        "file": { "type": "string", "minLength": 1 },
                        "title": { "type": "string" }
                    },
                    "required": ["file"],
                    "additionalProperties": false
                }
            ]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attachment(file: &str, title: Option<&str>) -> Attachment {
        Attachment {
            file: file.to_owned(),
            title: title.map(str::to_owned),
            found: None,
        }
    }

    #[test]
    fn the_title_defaults_to_the_file_name_without_its_extension() {
        assert_eq!(
            attachment("bilag/APV-handleplan.pdf", None).title(),
            "APV-handleplan"
        );
        assert_eq!(
            attachment("x.pdf", Some("Budget 2027")).title(),
            "Budget 2027"
        );
        assert_eq!(attachment(".hidden", None).title(), ".hidden");
    }

    #[test]
    fn the_extension_tells_a_pdf() {
        assert!(attachment("a/b.PDF", None).is_pdf());
        assert!(!attachment("a/b.docx", None).is_pdf());
        assert_eq!(attachment("noext", None).extension(), None);
    }
}
