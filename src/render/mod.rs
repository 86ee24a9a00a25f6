//! One file per output format; each a pure function from a report to bytes.

pub mod agenda;
pub mod csv;
pub mod html;
pub mod ics;
pub mod json;
pub mod markdown;
pub mod prep;
pub mod prompts;
pub mod table;
pub mod text;
