//! One file per output format; each a pure function from a report to bytes.

pub mod csv;
pub mod json;
pub mod markdown;
pub mod table;
pub mod text;
