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
    /// A file is text, but not a government report gwkg can place in time; `detail` says why
    /// and what to do.
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

    /// Names where a rejected query came from (`bad.rq`, `the -e query`).
    pub fn in_query(self, origin: &str) -> Self {
        match self {
            Error::Query { detail } => Error::Query { detail: format!("{origin}: {detail}") },
            other => other,
        }
    }
}

/// The names among `candidates` closest to `name` (shared characters and character pairs),
/// best first, at most `limit`; for "did you mean" suggestions.
pub fn closest_names<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>, limit: usize) -> Vec<String> {
    fn pairs(s: &str) -> Vec<(char, char)> {
        let chars: Vec<char> = s.chars().flat_map(char::to_lowercase).filter(|c| !c.is_whitespace()).collect();
        chars.windows(2).map(|w| (w[0], w[1])).collect()
    }
    let wanted: Vec<char> = name.chars().flat_map(char::to_lowercase).filter(|c| !c.is_whitespace()).collect();
    if wanted.is_empty() {
        return Vec::new();
    }
    let wanted_pairs = pairs(name);
    let mut scored: Vec<(u32, &str)> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for candidate in candidates {
        if !seen.insert(candidate) {
            continue;
        }
        let chars: Vec<char> = candidate.chars().flat_map(char::to_lowercase).collect();
        let shared_chars = wanted.iter().filter(|c| chars.contains(c)).count();
        let candidate_pairs = pairs(candidate);
        let shared_pairs = wanted_pairs.iter().filter(|p| candidate_pairs.contains(p)).count();
        // Dice coefficients over characters and pairs, in thousandths.
        let char_score = 2000 * shared_chars / (wanted.len() + chars.len()).max(1);
        let pair_score = 2000 * shared_pairs / (wanted_pairs.len() + candidate_pairs.len()).max(1);
        let score = (char_score + 2 * pair_score) as u32 / 3;
        if score >= 400 {
            scored.push((score, candidate));
        }
    }
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.chars().count().cmp(&b.1.chars().count())).then(a.1.cmp(b.1)));
    scored.into_iter().take(limit).map(|(_, s)| s.to_string()).collect()
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Io { path, source } => {
                let what_to_do = match source.kind() {
                    std::io::ErrorKind::NotFound => "check the path",
                    std::io::ErrorKind::PermissionDenied => "check the file's permissions",
                    std::io::ErrorKind::IsADirectory => "name the report files, or the directory alone",
                    _ => "check the file and try again",
                };
                write!(f, "{}: cannot read: {source}; {what_to_do}", path.display())
            }
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
            Error::NotAReport { path, detail } => write!(f, "{}: not a report gwkg can read: {detail}", path.display()),
            Error::Config { path, detail } => write!(f, "{}: {detail}", path.display()),
            Error::Store { path, detail } => write!(f, "store {}: {detail}", path.display()),
            Error::Query { detail } => write!(f, "SPARQL query rejected: {detail}"),
            Error::Unknown { what, suggestions } => {
                write!(f, "no entity matches {what:?}")?;
                if suggestions.is_empty() {
                    write!(f, "; try `gwkg entities` to list what the store knows")
                } else {
                    write!(f, "; did you mean: {}? (`gwkg entities` lists them all)", suggestions.join(", "))
                }
            }
            Error::Other(message) => f.write_str(message),
        }
    }
}

impl std::error::Error for Error {}

pub type Result<T, E = Error> = std::result::Result<T, E>;
