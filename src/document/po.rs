//! gettext PO and POT: `msgid` sources and `msgstr` targets, escapes decoded.
//!
//! Checked: `msgid` and `msgid_plural` (sources, `Role::Source`, language
//! left to the caller) and `msgstr` / `msgstr[n]` (targets, `Role::Target`,
//! in the language of the header's `Language:` field). All strings of one
//! entry share a translation unit, the entry's index among checked entries.
//!
//! Not checked: the header entry (`msgid ""`), `msgctxt` (an identifier for
//! programmers, not prose), comments of every kind (`#`, `#.`, `#:`, `#,`,
//! `#|`) and obsolete entries (`#~`): those are translations that no longer
//! match any string of the program, kept by gettext only as a memory for
//! fuzzy matching; nobody reads them, so a finding there would be noise.
//! Fuzzy entries are checked: their `msgstr` is a draft that will ship once
//! reviewed. Empty strings (untranslated entries) give no segment.
//!
//! A string split over continuation lines (`"…"` lines) is one segment of
//! several pieces, so a name broken across lines is still one name; the
//! quotes and line breaks between the pieces are skipped. Escapes (`\"`,
//! `\\`, `\n`, `\t`, `\r`, `\a`, `\b`, `\f`, `\v`, `\?`, `\'`, octal `\NNN`
//! and hex `\xHH`) are decoded pieces covering the whole escape; a run of
//! numeric escapes is one piece, decoded as UTF-8 bytes.
//!
//! The scanner is strict where msgfmt is: a line that is none of a comment,
//! a keyword with its string, a continuation string or blank, an
//! unterminated string, an unknown escape, or a string where no keyword
//! opened one, is a `FormatError` at its byte offset. A UTF-8 BOM and
//! `\r\n` (even `\r\r\n`) line ends are fine.

use std::ops::Range;

use super::{FormatError, Piece, Role, Segment};
use crate::lang::Language;

/// The segments of a PO or POT file.
pub fn segments(text: &str) -> Result<Vec<Segment>, FormatError> {
    let entries = parse(text)?;
    let language = entries
        .iter()
        .find(|entry| entry.is_header())
        .and_then(|header| header_language(text, header));
    Ok(to_segments(text, entries, language.as_ref()))
}

/// The keyword that a string belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Field {
    Context,
    Id,
    IdPlural,
    Str,
}

/// One entry: its strings in file order, each as pieces.
#[derive(Debug, Default)]
struct Entry {
    fields: Vec<(Field, Vec<Piece>)>,
}

impl Entry {
    fn has(&self, field: Field) -> bool {
        self.fields.iter().any(|(f, _)| *f == field)
    }

    /// The header: `msgid ""` without a context.
    fn is_header(&self) -> bool {
        !self.has(Field::Context)
            && self
                .fields
                .iter()
                .any(|(f, pieces)| *f == Field::Id && pieces.is_empty())
    }
}

fn error(offset: usize, detail: &str) -> FormatError {
    FormatError {
        offset,
        detail: detail.to_string(),
    }
}

/// Reads the entries, line by line.
fn parse(text: &str) -> Result<Vec<Entry>, FormatError> {
    let mut entries = Vec::new();
    let mut current = Entry::default();
    for (start, line) in lines(text) {
        let indent = line.len() - line.trim_start().len();
        let content = line.trim();
        let at = start + indent;
        if content.is_empty() || content.starts_with('#') {
            continue;
        }
        if content.starts_with('"') {
            let pieces = scan_string(text, at, start + line.len())?;
            match current.fields.last_mut() {
                Some((_, existing)) => existing.extend(pieces),
                _ => return Err(error(at, "a string without a keyword before it")),
            }
            continue;
        }
        let (field, quote) = keyword(content).ok_or_else(|| error(at, "not a PO line"))?;
        check_order(&mut current, &mut entries, field, at)?;
        let pieces = scan_string(text, at + quote, start + line.len())?;
        current.fields.push((field, pieces));
    }
    if !current.fields.is_empty() {
        entries.push(current);
    }
    Ok(entries)
}

/// Starts a new entry where `field` begins one, and rejects a `msgstr` or
/// `msgid_plural` without a `msgid`.
fn check_order(
    current: &mut Entry,
    entries: &mut Vec<Entry>,
    field: Field,
    at: usize,
) -> Result<(), FormatError> {
    let starts_entry = match field {
        Field::Context => !current.fields.is_empty(),
        Field::Id => current.has(Field::Id),
        Field::IdPlural | Field::Str => {
            if !current.has(Field::Id) {
                return Err(error(at, "msgstr or msgid_plural without a msgid"));
            }
            false
        }
    };
    if starts_entry {
        entries.push(std::mem::take(current));
    }
    Ok(())
}

/// The lines of `text` with their byte offsets, without their `\n`; a
/// leading BOM is skipped.
fn lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let body = text.get(bom..).unwrap_or_default();
    body.split('\n').scan(bom, |offset, line| {
        let start = *offset;
        *offset += line.len() + 1;
        Some((start, line))
    })
}

/// The field of a keyword line and the offset of its opening quote.
fn keyword(content: &str) -> Option<(Field, usize)> {
    let name_end = content
        .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '_' | '[' | ']')))
        .unwrap_or(content.len());
    let field = match &content[..name_end] {
        "msgctxt" => Field::Context,
        "msgid" => Field::Id,
        "msgid_plural" => Field::IdPlural,
        "msgstr" => Field::Str,
        name => {
            let index = name.strip_prefix("msgstr[")?.strip_suffix(']')?;
            if index.is_empty() || !index.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            Field::Str
        }
    };
    let rest = &content[name_end..];
    let gap = rest.len() - rest.trim_start().len();
    rest.trim_start()
        .starts_with('"')
        .then_some((field, name_end + gap))
}

/// Scans the string whose opening quote is at `open`, up to the line end
/// `end`, into pieces.
fn scan_string(text: &str, open: usize, end: usize) -> Result<Vec<Piece>, FormatError> {
    let bytes = text.as_bytes();
    let mut pieces = Pieces::default();
    let mut run = open + 1;
    let mut i = open + 1;
    while i < end {
        match bytes.get(i) {
            Some(b'"') => {
                pieces.verbatim(run..i);
                let after = text.get(i + 1..end).unwrap_or_default();
                if !after.trim().is_empty() {
                    return Err(error(i + 1, "text after the closing quote"));
                }
                return Ok(pieces.finish());
            }
            Some(b'\\') => {
                pieces.verbatim(run..i);
                i = escape(text, i, end, &mut pieces)?;
                run = i;
            }
            _ => i += 1,
        }
    }
    Err(error(open, "an unterminated string"))
}

/// `text` written inside a PO string: backslashes, quotes and the control
/// characters that have an escape (`\n`, `\t`, `\r` …) escaped; `None` when
/// it holds another control character, which a PO string cannot hold.
pub fn escape_string(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let escape = match c {
            '\\' => "\\\\",
            '"' => "\\\"",
            '\n' => "\\n",
            '\t' => "\\t",
            '\r' => "\\r",
            '\u{7}' => "\\a",
            '\u{8}' => "\\b",
            '\u{b}' => "\\v",
            '\u{c}' => "\\f",
            c if c.is_control() => return None,
            c => {
                out.push(c);
                continue;
            }
        };
        out.push_str(escape);
    }
    Some(out)
}

/// Decodes the escape at `at` (a backslash) into `pieces`; returns the
/// offset after it.
fn escape(text: &str, at: usize, end: usize, pieces: &mut Pieces) -> Result<usize, FormatError> {
    let bytes = text.as_bytes();
    let Some(&kind) = bytes.get(at + 1).filter(|_| at + 1 < end) else {
        return Err(error(at, "an unterminated string"));
    };
    let simple = match kind {
        b'n' => Some("\n"),
        b't' => Some("\t"),
        b'r' => Some("\r"),
        b'"' => Some("\""),
        b'\\' => Some("\\"),
        b'a' => Some("\u{7}"),
        b'b' => Some("\u{8}"),
        b'f' => Some("\u{c}"),
        b'v' => Some("\u{b}"),
        b'?' => Some("?"),
        b'\'' => Some("'"),
        _ => None,
    };
    if let Some(decoded) = simple {
        pieces.decoded(at..at + 2, decoded);
        return Ok(at + 2);
    }
    let (digits_start, radix, max_digits) = match kind {
        b'0'..=b'7' => (at + 1, 8, 3),
        b'x' => (at + 2, 16, 2),
        _ => return Err(error(at, "an unknown escape")),
    };
    let digits = bytes
        .get(digits_start..end)
        .unwrap_or_default()
        .iter()
        .take(max_digits)
        .take_while(|b| (**b as char).is_digit(radix))
        .count();
    let value = text
        .get(digits_start..digits_start + digits)
        .and_then(|d| u32::from_str_radix(d, radix).ok())
        .and_then(|v| u8::try_from(v).ok())
        .ok_or_else(|| error(at, "a bad numeric escape"))?;
    pieces.byte(at..digits_start + digits, value);
    Ok(digits_start + digits)
}

/// Pieces being collected: runs of numeric escapes are one piece.
#[derive(Default)]
struct Pieces {
    done: Vec<Piece>,
    bytes: Option<(Range<usize>, Vec<u8>)>,
}

impl Pieces {
    fn verbatim(&mut self, range: Range<usize>) {
        if !range.is_empty() {
            self.flush_bytes();
            self.done.push(Piece::verbatim(range));
        }
    }

    fn decoded(&mut self, range: Range<usize>, decoded: &str) {
        self.flush_bytes();
        self.done.push(Piece::decoded(range, decoded));
    }

    fn byte(&mut self, range: Range<usize>, value: u8) {
        match &mut self.bytes {
            Some((run, bytes)) if run.end == range.start => {
                run.end = range.end;
                bytes.push(value);
            }
            _ => {
                self.flush_bytes();
                self.bytes = Some((range, vec![value]));
            }
        }
    }

    fn flush_bytes(&mut self) {
        if let Some((range, bytes)) = self.bytes.take() {
            let decoded = String::from_utf8_lossy(&bytes).into_owned();
            self.done.push(Piece::decoded(range, decoded));
        }
    }

    fn finish(mut self) -> Vec<Piece> {
        self.flush_bytes();
        self.done
    }
}

/// The target language named by the header's `Language:` field.
fn header_language(text: &str, header: &Entry) -> Option<Language> {
    let (_, pieces) = header.fields.iter().find(|(f, _)| *f == Field::Str)?;
    let decoded = super::decoded_text(text, pieces);
    let value = decoded
        .lines()
        .find_map(|line| line.trim().strip_prefix("Language:"))?;
    po_language(value.trim())
}

/// A gettext locale name (`pt_BR`, `sr@latin`) as a language tag; the
/// `@latin` and `@cyrillic` modifiers become scripts, others are dropped.
fn po_language(locale: &str) -> Option<Language> {
    let (base, modifier) = locale.split_once('@').unwrap_or((locale, ""));
    let base = base.split('.').next().unwrap_or(base);
    let script = match modifier {
        "latin" => "-Latn",
        "cyrillic" => "-Cyrl",
        _ => "",
    };
    let (language, region) = base.split_once('_').unwrap_or((base, ""));
    let tag = match region {
        "" => format!("{language}{script}"),
        region => format!("{language}{script}-{region}"),
    };
    Language::parse(&tag).ok()
}

/// The checked strings of the entries as segments.
fn to_segments(text: &str, entries: Vec<Entry>, target: Option<&Language>) -> Vec<Segment> {
    let mut segments = Vec::new();
    let checked = entries.into_iter().filter(|entry| !entry.is_header());
    for (unit, entry) in checked.enumerate() {
        // The context is not checked, but units of different contexts may
        // be translated differently.
        let context = entry
            .fields
            .iter()
            .find(|(field, _)| *field == Field::Context)
            .map(|(_, pieces)| super::decoded_text(text, pieces));
        for (field, pieces) in entry.fields {
            let (role, language) = match field {
                Field::Context => continue,
                Field::Id | Field::IdPlural => (Role::Source, None),
                Field::Str => (Role::Target, target.cloned()),
            };
            if !pieces.is_empty() {
                segments.push(Segment {
                    pieces,
                    language,
                    role,
                    unit: Some(unit),
                    info: super::SegmentInfo {
                        context: context.clone(),
                        ..super::SegmentInfo::default()
                    },
                });
            }
        }
    }
    segments
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each segment as `role unit language: piece|piece`, decoded pieces
    /// shown as `[original=decoded]`.
    fn show(text: &str) -> Vec<String> {
        segments(text)
            .expect("parses")
            .iter()
            .map(|s| {
                let pieces: Vec<String> = s
                    .pieces
                    .iter()
                    .map(|p| match &p.decoded {
                        Some(d) => format!("[{}={}]", &text[p.range.clone()], d.escape_debug()),
                        None => text[p.range.clone()].to_string(),
                    })
                    .collect();
                let language = s.language.as_ref().map_or("-".to_string(), |l| l.to_string());
                format!("{:?} {:?} {}: {}", s.role, s.unit, language, pieces.join("|"))
            })
            .collect()
    }

    fn fails(text: &str) -> FormatError {
        segments(text).expect_err("rejected")
    }

    const HEADER: &str =
        "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\"Language: ru\\n\"\n\n";

    #[test]
    fn sources_and_targets_share_a_unit_and_targets_take_the_header_language() {
        let po = format!(
            "{HEADER}#: a.c:1\nmsgid \"Kerman\"\nmsgstr \"Керман\"\n\nmsgid \"Kirman\"\nmsgstr \"\"\n"
        );
        assert_eq!(
            show(&po),
            vec![
                "Source Some(0) -: Kerman",
                "Target Some(0) ru: Керман",
                "Source Some(1) -: Kirman",
            ]
        );
    }

    #[test]
    fn continuation_lines_form_one_segment_of_several_pieces() {
        let po = "msgid \"\"\n\"Abu Hudhaifa \"\n\"al-Ansari\"\nmsgstr \"x\"\n";
        assert_eq!(
            show(po),
            vec!["Source Some(0) -: Abu Hudhaifa |al-Ansari", "Target Some(0) -: x"]
        );
        let segment = &segments(po).unwrap()[0];
        assert_eq!(segment.view(po).text, "Abu Hudhaifa al-Ansari");
    }

    #[test]
    fn escapes_are_decoded_pieces_covering_the_whole_escape() {
        let po = r#"msgid "a\"b\\c\nd\te\rf\x41\101\320\232"
msgstr "\a\b\f\v\?\'"
"#;
        assert_eq!(
            show(po),
            vec![
                r#"Source Some(0) -: a|[\"=\"]|b|[\\=\\]|c|[\n=\n]|d|[\t=\t]|e|[\r=\r]|f|[\x41\101\320\232=AAК]"#,
                r#"Target Some(0) -: [\a=\u{7}]|[\b=\u{8}]|[\f=\u{c}]|[\v=\u{b}]|[\?=?]|[\'=\']"#,
            ]
        );
    }

    #[test]
    fn plurals_are_sources_and_targets_of_one_unit() {
        let po = format!(
            "{HEADER}msgid \"one Kerman\"\nmsgid_plural \"%d Kermans\"\nmsgstr[0] \"a\"\nmsgstr[1] \"b\"\n"
        );
        assert_eq!(
            show(&po),
            vec![
                "Source Some(0) -: one Kerman",
                "Source Some(0) -: %d Kermans",
                "Target Some(0) ru: a",
                "Target Some(0) ru: b",
            ]
        );
    }

    #[test]
    fn skips_context_comments_obsolete_entries_and_the_header() {
        let po = format!(
            "\u{feff}# Kirman\n{HEADER}#. Kirman\n#: Kirman.c:1\n#, fuzzy\n#| msgid \"Kirman\"\nmsgctxt \"Kirman\"\nmsgid \"A\"\nmsgstr \"B\"\n\n#~ msgid \"Kirman\"\n#~ msgstr \"Kirman\"\n"
        );
        assert_eq!(show(&po), vec!["Source Some(0) -: A", "Target Some(0) ru: B"]);
    }

    #[test]
    fn a_context_starts_a_new_entry() {
        let po = "msgid \"A\"\nmsgstr \"B\"\nmsgctxt \"c\"\nmsgid \"C\"\nmsgstr \"D\"\n";
        assert_eq!(
            show(po),
            vec![
                "Source Some(0) -: A",
                "Target Some(0) -: B",
                "Source Some(1) -: C",
                "Target Some(1) -: D",
            ]
        );
    }

    #[test]
    fn crlf_indentation_and_trailing_blanks_are_fine() {
        let po = "msgid \"A\" \r\r\n  msgstr\t\"B\"\r\n  \"C\"\r\n";
        assert_eq!(show(po), vec!["Source Some(0) -: A", "Target Some(0) -: B|C"]);
    }

    #[test]
    fn gettext_locales_become_language_tags() {
        let tag = |s: &str| po_language(s).map(|l| l.to_string());
        assert_eq!(tag("pt_BR"), Some("pt-BR".into()));
        assert_eq!(tag("sr@latin"), Some("sr-Latn".into()));
        assert_eq!(tag("uz_UZ@cyrillic"), Some("uz-Cyrl-UZ".into()));
        assert_eq!(tag("de_DE.UTF-8"), Some("de-DE".into()));
        assert_eq!(tag("ca@valencia"), Some("ca".into()));
        assert_eq!(tag(""), None);
    }

    #[test]
    fn malformed_files_are_errors_at_the_right_offset() {
        assert_eq!(fails("msgid \"abc\nmsgstr \"\"\n").offset, 6);
        assert_eq!(fails("msgid \"a\"\nfoo \"b\"\n").offset, 10);
        assert_eq!(fails("\"a\"\n").offset, 0);
        assert_eq!(fails("msgstr \"a\"\n").offset, 0);
        assert_eq!(fails("msgid \"a\" x\n").offset, 9);
        assert_eq!(fails("msgid \"a\\q\"\n").offset, 8);
        assert_eq!(fails("msgid \"a\\").offset, 8);
        assert_eq!(fails("msgid \"\\777\"").offset, 7);
        assert_eq!(fails("msgid\n").offset, 0);
        assert_eq!(fails("msgstr[x] \"a\"").offset, 0);
    }

    #[test]
    fn never_panics_on_truncations_of_a_file() {
        let po = format!("\u{feff}{HEADER}msgid \"Каз\\\"\\x\"\n\"é\\3\"\nmsgstr[0] \"\\\"\"\n");
        for end in (0..=po.len()).filter(|&end| po.is_char_boundary(end)) {
            let _ = segments(&po[..end]);
        }
    }
}
