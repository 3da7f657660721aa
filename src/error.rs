//! Errors a user can meet: each names the file or the input at fault and says what to do.

use std::fmt;
use std::path::{Path, PathBuf};

/// Every failure gwkg reports to a user. The `Display` text is the message printed on stderr.
#[derive(Debug)]
pub enum Error {
    /// A file could not be read at all.
    Io { path: PathBuf, source: std::io::Error },
    /// A file is empty (or holds only white space).
    Empty { path: PathBuf },
    /// A file is not text in any encoding gwkg knows.
    Binary { path: PathBuf, detail: String },
    /// A file is text, but not a government report gwkg can place in time.
    NotAReport { path: PathBuf, detail: String },
    /// A manifest or dictionary file is malformed.
    Config { path: PathBuf, detail: String },
    /// The store could not be opened, written or replaced.
    Store { path: PathBuf, detail: String },
    /// A SPARQL query was rejected.
    Query { detail: String },
    /// A name given on the command line matched nothing.
    Unknown { what: String, suggestions: Vec<String> },
    /// Anything else, already phrased for the user.
    Other(String),
}

impl Error {
    pub fn io(path: &Path, source: std::io::Error) -> Self {
        Error::Io { path: path.to_path_buf(), source }
    }
    pub fn store(path: &Path, detail: impl fmt::Display) -> Self {
        Error::Store { path: path.to_path_buf(), detail: detail.to_string() }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Io { path, source } => write!(f, "{}: cannot read: {source}", path.display()),
            Error::Empty { path } => write!(
                f,
                "{}: the file is empty; remove it from the input or replace it with the report's text",
                path.display()
            ),
            Error::Binary { path, detail } => write!(
                f,
                "{}: not a text file ({detail}); gwkg reads plain text in UTF-8, UTF-16, GB18030/GBK or Big5 — convert PDFs or Word files to text first",
                path.display()
            ),
            Error::NotAReport { path, detail } => write!(
                f,
                "{}: not a report gwkg can read ({detail}); add the file to corpus/manifest.toml with its `date` and `kind`, or pass --year",
                path.display()
            ),
            Error::Config { path, detail } => write!(f, "{}: {detail}", path.display()),
            Error::Store { path, detail } => write!(f, "store {}: {detail}", path.display()),
            Error::Query { detail } => write!(f, "SPARQL error: {detail}"),
            Error::Unknown { what, suggestions } => {
                write!(f, "no entity matches {what:?}")?;
                if suggestions.is_empty() {
                    write!(f, "; try `gwkg entities` to list what the store knows")
                } else {
                    write!(f, "; did you mean: {}", suggestions.join(", "))
                }
            }
            Error::Other(message) => f.write_str(message),
        }
    }
}

impl std::error::Error for Error {}

pub type Result<T, E = Error> = std::result::Result<T, E>;
