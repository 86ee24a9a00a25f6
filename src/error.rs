//! Failures that choose an exit code, and how they are shown.

use std::io;

/// A failure with a known exit code. Other errors exit 1.
#[derive(Debug, thiserror::Error)]
pub enum Failure {
    /// The command line asks for something that cannot be done: exit 2.
    #[error("{message}")]
    Usage {
        message: String,
        help: Option<String>,
    },
    /// The data has problems, already printed: exit 1.
    #[error("the data has {errors} {}", if *errors == 1 { "error" } else { "errors" })]
    InvalidData { errors: usize },
    /// An operation that could not be done, such as writing a file: exit 1.
    #[error("{message}")]
    Operation { message: String, help: String },
    /// A negative answer that has been printed already, such as `diff` finding changes: exit 1.
    #[error("")]
    Quiet,
    /// A failure shown as the inner one, with exit 2: `diff` keeps 1 for "something changed",
    /// as diff(1) does, so trouble such as bad data exits 2.
    #[error("{0}")]
    Trouble(Box<Failure>),
}

impl Failure {
    pub fn usage(message: impl Into<String>) -> Self {
        Failure::Usage {
            message: message.into(),
            help: None,
        }
    }

    pub fn operation(message: impl Into<String>, help: impl Into<String>) -> Self {
        Failure::Operation {
            message: message.into(),
            help: help.into(),
        }
    }

    pub fn usage_with_help(message: impl Into<String>, help: impl Into<String>) -> Self {
        Failure::Usage {
            message: message.into(),
            help: Some(help.into()),
        }
    }
}

impl From<&crate::query::QueryError> for Failure {
    fn from(e: &crate::query::QueryError) -> Self {
        Failure::Usage {
            message: e.message.clone(),
            help: e.help.clone(),
        }
    }
}

impl From<&crate::render::FormatError> for Failure {
    fn from(e: &crate::render::FormatError) -> Self {
        Failure::usage_with_help(e.message.clone(), e.help.clone())
    }
}

impl Failure {
    /// The failure an error stands for: a [`Failure`] itself, or a typed error of the core
    /// that has a fixed exit code (a query or a format that cannot be used is a usage error).
    pub fn of(err: &anyhow::Error) -> Option<Failure> {
        if let Some(q) = err.downcast_ref::<crate::query::QueryError>() {
            return Some(q.into());
        }
        if let Some(f) = err.downcast_ref::<crate::render::FormatError>() {
            return Some(f.into());
        }
        None
    }
}

/// Whether the error is a closed pipe (`medtrio list … | head`), which is not a failure.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}
