//! What to check, and where a document came from: a path or standard
//! input, kept as the system gives it until it is printed.

use std::borrow::Cow;
use std::fmt;
use std::path::{Path, PathBuf};

use crate::text::printable;

/// What to check, and where a document came from: a path (a file, or a
/// folder to walk) or standard input. Paths stay OS paths from the command
/// line to the report and to the file a fix writes; they become text only
/// when printed.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Input {
    /// A file or a folder to walk.
    Path(PathBuf),
    /// Standard input (`-`), read as the given format.
    Stdin,
}

impl Input {
    /// The path, unless this is standard input.
    pub fn path(&self) -> Option<&Path> {
        match self {
            Input::Path(path) => Some(path),
            Input::Stdin => None,
        }
    }

    /// The name as text, for outputs that escape what they write (JSON,
    /// XML, SARIF): the path (a name that is not UTF-8 converted lossily),
    /// or `<stdin>`. For a terminal use [`Input`]'s `Display`, which also
    /// escapes control characters.
    pub fn to_text(&self) -> Cow<'_, str> {
        match self {
            Input::Path(path) => path.to_string_lossy(),
            Input::Stdin => Cow::Borrowed(STDIN_NAME),
        }
    }
}

/// How standard input is named in reports.
const STDIN_NAME: &str = "<stdin>";

impl fmt::Display for Input {
    /// The name for a terminal or a log: [`Input::to_text`] with control
    /// and bidirectional characters escaped, so a file name cannot act as
    /// a line break or a CI command.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&printable(&self.to_text()))
    }
}

impl Ord for Input {
    /// Standard input first, then paths by their bytes (so that a report's
    /// order is that of the names as printed, not of path components).
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        match (self, other) {
            (Input::Stdin, Input::Stdin) => std::cmp::Ordering::Equal,
            (Input::Stdin, Input::Path(_)) => std::cmp::Ordering::Less,
            (Input::Path(_), Input::Stdin) => std::cmp::Ordering::Greater,
            (Input::Path(a), Input::Path(b)) => a.as_os_str().cmp(b.as_os_str()),
        }
    }
}

impl PartialOrd for Input {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
