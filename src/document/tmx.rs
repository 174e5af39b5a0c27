//! TMX 1.4b translation memories: the `<seg>` of every `<tuv>` of every
//! `<tu>`, paired by translation unit.
//!
//! Each `<tu>` is a translation unit, known to findings by its `tuid` (or,
//! without one, by its position, counted from 1). Each `<tuv>`'s `<seg>` is
//! a segment in the `<tuv>`'s language (`xml:lang`, or TMX 1.1 `lang`). The
//! source is the `<tuv>` in the header's `srclang`; when `srclang` is
//! `*all*`, missing, or names no `<tuv>` of the unit, the unit's first
//! `<tuv>` is. The other `<tuv>`s are its targets.
//!
//! Not checked: the native code inside `<bpt>`, `<ept>`, `<ph>`, `<it>` and
//! `<ut>` (and the `<sub>` text inside them); `<note>` and `<prop>`. The
//! text inside `<hi>` is text, its tags are not. Text on both sides of an
//! inline element stays one segment of several pieces, as in XLIFF.
//!
//! The XML is read as XLIFF is (`xliff.rs`): entities other than the five
//! predefined ones and character references are errors, a DOCTYPE is never
//! expanded, and the walk is iterative.

use std::ops::Range;

use quick_xml::events::BytesStart;

use super::xliff::{attribute, tag_name, walk, XmlWalker};
use super::{FormatError, Piece, Role, Segment, SegmentInfo};
use crate::lang::Language;

/// Cuts a TMX document into source and target segments.
pub fn segments(text: &str) -> Result<Vec<Segment>, FormatError> {
    walk(text, Walker::default())
}

/// A memory is handed on in parts of whole units of about this size.
const PART_BYTES: usize = 256 * 1024;

/// What `each` makes of the segments of a TMX document, part by part (whole
/// units, about [`PART_BYTES`] each) and in text order: each part is given
/// to `each` on another thread as soon as it is read, so that a large
/// memory is matched while the rest of it is still being read. The parts
/// are the segments [`segments`] gives, cut; the error is its error.
pub fn map_segments<R: Send>(
    text: &str,
    each: &(dyn Fn(Vec<Segment>) -> R + Sync),
) -> Result<Vec<R>, FormatError> {
    if text.len() < 2 * PART_BYTES {
        return Ok(vec![each(segments(text)?)]);
    }
    let results = std::sync::Mutex::new(Vec::new());
    let read = rayon::scope(|scope| {
        let results = &results;
        let mut parts = 0;
        let mut send = |part: Vec<Segment>| {
            let index = parts;
            parts += 1;
            scope.spawn(move |_| {
                let result = each(part);
                results
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner)
                    .push((index, result));
            });
        };
        let walker = Walker {
            sink: Some(&mut send),
            ..Walker::default()
        };
        let rest = walk(text, walker)?;
        send(rest);
        Ok(())
    });
    read?;
    let mut results = results
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    results.sort_by_key(|(index, _)| *index);
    Ok(results.into_iter().map(|(_, result)| result).collect())
}

/// What an open element means to the walk.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// `<tu>`: a translation unit.
    Unit,
    /// `<tuv>`: one language's variant of the unit.
    Variant,
    /// `<seg>`: the variant's text.
    Seg,
    /// An inline element whose content is native code, not text.
    NativeCode,
    /// Anything else.
    Other,
}

impl Kind {
    fn of(local_name: &[u8]) -> Kind {
        match local_name {
            b"tu" => Kind::Unit,
            b"tuv" => Kind::Variant,
            b"seg" => Kind::Seg,
            b"bpt" | b"ept" | b"ph" | b"it" | b"ut" => Kind::NativeCode,
            _ => Kind::Other,
        }
    }
}

/// An open element: what it is and where its start tag begins.
struct Open {
    kind: Kind,
    start: usize,
}

/// The `<seg>` being read.
struct Capture {
    segment: Segment,
    /// Index in the element stack of the `<seg>`.
    depth: usize,
    /// How many native-code elements are open inside it.
    in_code: usize,
}

/// The `<tu>` being read.
struct Unit {
    /// Its `tuid`, or its position counted from 1: shared by its segments.
    id: std::sync::Arc<str>,
    /// Whether a `<tuv>` of it was taken as the source.
    has_source: bool,
}

#[derive(Default)]
struct Walker<'a> {
    /// Where the segments of whole units go once they are about
    /// [`PART_BYTES`] long; without one, they are all kept to the end.
    sink: Option<&'a mut dyn FnMut(Vec<Segment>)>,
    open: Vec<Open>,
    /// The header's `srclang`, unless `*all*`.
    source_language: Option<String>,
    /// Units seen so far; the current unit's index is one less.
    units: usize,
    unit: Option<Unit>,
    /// The role and language of the `<tuv>` being read.
    variant: Option<(Role, Option<Language>)>,
    capture: Option<Capture>,
    segments: Vec<Segment>,
    /// The `xml:lang` tags read so far and their languages: a memory of
    /// many units names the same two or three, parsed once each.
    languages: Vec<(String, Option<Language>)>,
}

/// How many `xml:lang` tags a walk remembers the languages of.
const REMEMBERED_TAGS: usize = 16;

impl Walker<'_> {
    /// The language of an `xml:lang` tag, `None` when it is no valid tag.
    fn language_of(&mut self, tag: String) -> Option<Language> {
        if let Some((_, language)) = self.languages.iter().find(|(known, _)| *known == tag) {
            return language.clone();
        }
        let language = Language::parse(&tag).ok();
        // A few are remembered: a memory of a thousand tags stays linear.
        if self.languages.len() < REMEMBERED_TAGS {
            self.languages.push((tag, language.clone()));
        }
        language
    }
}

impl XmlWalker for Walker<'_> {
    fn open(&mut self, element: &BytesStart, range: Range<usize>, empty: bool) -> Result<(), FormatError> {
        let local = element.local_name();
        let name = local.as_ref();
        if self.open.is_empty() && name != b"tmx" {
            return Err(FormatError {
                offset: range.start,
                detail: format!(
                    "the root element is <{}>, not <tmx>",
                    String::from_utf8_lossy(name)
                ),
            });
        }
        let parent = self.open.last().map(|open| open.kind);
        let kind = Kind::of(name);
        match kind {
            Kind::Other if name == b"header" => {
                self.source_language =
                    attribute(element, range.start, b"srclang")?.filter(|tag| tag != "*all*");
            }
            Kind::Unit if self.unit.is_none() => {
                self.units += 1;
                let id = attribute(element, range.start, b"tuid")?.unwrap_or_else(|| self.units.to_string());
                if !empty {
                    self.unit = Some(Unit {
                        id: id.into(),
                        has_source: false,
                    });
                }
            }
            Kind::Variant if parent == Some(Kind::Unit) && !empty => {
                let tag = match attribute(element, range.start, b"xml:lang")? {
                    Some(tag) => Some(tag),
                    None => attribute(element, range.start, b"lang")?,
                };
                let is_source = match (&self.source_language, &tag) {
                    (Some(source), Some(tag)) => source.eq_ignore_ascii_case(tag),
                    _ => false,
                };
                let has_source = self.unit.as_ref().is_none_or(|u| u.has_source);
                // Without a source in `srclang` so far, the first variant is
                // the source unless a later one is in `srclang`.
                let first_stands_in = !has_source && self.source_language.is_none();
                let role = if is_source || first_stands_in {
                    Role::Source
                } else {
                    Role::Target
                };
                if let (Role::Source, Some(unit)) = (role, &mut self.unit) {
                    unit.has_source = true;
                }
                let language = tag.and_then(|tag| self.language_of(tag));
                self.variant = Some((role, language));
            }
            Kind::Seg if parent == Some(Kind::Variant) && self.capture.is_none() && !empty => {
                if let (Some((role, language)), Some(unit)) = (&self.variant, &self.unit) {
                    self.capture = Some(Capture {
                        segment: Segment {
                            // Most segments are one piece of text.
                            pieces: Vec::with_capacity(1),
                            language: language.clone(),
                            role: *role,
                            unit: Some(self.units.saturating_sub(1)),
                            info: SegmentInfo {
                                id: Some(unit.id.clone()),
                                ..SegmentInfo::default()
                            },
                        },
                        depth: self.open.len(),
                        in_code: 0,
                    });
                }
            }
            Kind::NativeCode if !empty => {
                if let Some(capture) = &mut self.capture {
                    capture.in_code += 1;
                }
            }
            _ => {}
        }
        if !empty {
            self.open.push(Open {
                kind,
                start: range.start,
            });
        }
        Ok(())
    }

    fn close(&mut self, offset: usize) -> Result<(), FormatError> {
        let Some(closed) = self.open.pop() else {
            return Err(FormatError {
                offset,
                detail: "end tag without a start tag".to_string(),
            });
        };
        let depth = self.open.len();
        if self.capture.as_ref().is_some_and(|c| c.depth == depth) {
            if let Some(capture) = self.capture.take() {
                if !capture.segment.pieces.is_empty() {
                    self.segments.push(capture.segment);
                }
            }
        }
        match closed.kind {
            Kind::NativeCode => {
                if let Some(capture) = &mut self.capture {
                    capture.in_code = capture.in_code.saturating_sub(1);
                }
            }
            Kind::Variant if self.open.last().map(|o| o.kind) == Some(Kind::Unit) => self.variant = None,
            Kind::Unit if !self.open.iter().any(|o| o.kind == Kind::Unit) => {
                self.unit = None;
                self.source_in_srclang_or_first();
                self.hand_on();
            }
            _ => {}
        }
        Ok(())
    }

    /// Adds a piece of text to the `<seg>` being read, if any.
    fn push(&mut self, piece: Piece) {
        if let Some(capture) = &mut self.capture {
            if capture.in_code == 0 && !piece.range.is_empty() {
                capture.segment.pieces.push(piece);
            }
        }
    }

    fn finish(self, text: &str) -> Result<Vec<Segment>, FormatError> {
        match self.open.last() {
            Some(open) => Err(FormatError {
                offset: open.start,
                detail: format!("unclosed element <{}>", tag_name(text, open.start)),
            }),
            None => Ok(self.segments),
        }
    }
}

impl Walker<'_> {
    /// Hands the segments read so far to the sink, if there is one and
    /// they are long enough (after a unit, so that a part holds whole
    /// units).
    fn hand_on(&mut self) {
        let Some(sink) = &mut self.sink else {
            return;
        };
        let long = match (self.segments.first(), self.segments.last()) {
            (Some(first), Some(last)) => last.span().end.saturating_sub(first.span().start) >= PART_BYTES,
            _ => false,
        };
        if long {
            sink(std::mem::take(&mut self.segments));
        }
    }

    /// When the unit just read has no variant in `srclang`, its first
    /// variant is its source; the source goes first, so that its targets are
    /// read knowing its language.
    fn source_in_srclang_or_first(&mut self) {
        let unit = Some(self.units.saturating_sub(1));
        let members = self.segments.iter().rev().take_while(|s| s.unit == unit).count();
        let start = self.segments.len() - members;
        let unit_segments = &mut self.segments[start..];
        if unit_segments.iter().all(|s| s.role == Role::Target) {
            if let Some(first) = unit_segments.first_mut() {
                first.role = Role::Source;
            }
        }
        unit_segments.sort_by_key(|s| s.role != Role::Source);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each segment as `role unit id lang: piece|piece`.
    fn show(tmx: &str) -> Vec<String> {
        segments(tmx)
            .expect("parses")
            .iter()
            .map(|segment| {
                let language = segment
                    .language
                    .as_ref()
                    .map_or("-".to_string(), |l| l.to_string());
                format!(
                    "{:?} {} {} {language}: {}",
                    segment.role,
                    segment.unit.map_or("-".to_string(), |u| u.to_string()),
                    segment.info.id.as_deref().unwrap_or("-"),
                    super::super::show_pieces(tmx, &segment.pieces)
                )
            })
            .collect()
    }

    #[test]
    fn pieces_after_two_byte_order_marks_are_where_the_text_is() {
        // The second mark is text before the root, not a second mark to skip.
        let tmx = "\u{feff}\u{feff}<tmx version=\"1.4\"><header srclang=\"en\"/><body>\
                   <tu><tuv xml:lang=\"en\"><seg>Kirman</seg></tuv></tu></body></tmx>";
        match segments(tmx) {
            Ok(segments) => {
                for piece in segments.iter().flat_map(|s| &s.pieces) {
                    assert_eq!(tmx.get(piece.range.clone()), Some("Kirman"));
                }
            }
            Err(error) => assert!(tmx.is_char_boundary(error.offset), "{error:?}"),
        }
    }

    const TMX: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="en" datatype="plaintext" segtype="sentence" adminlang="en" o-tmf="x" creationtool="x" creationtoolversion="1"/>
<body>
<tu tuid="a1"><prop type="x-note">Kirman</prop>
 <tuv xml:lang="ru"><seg>Кирман <ph x="1">&lt;br/&gt;</ph>и <hi type="b">Хорасан</hi></seg></tuv>
 <tuv xml:lang="en"><note>Kirman</note><seg>Kirman &amp; <bpt i="1">&lt;b&gt;</bpt>Khurasan<ept i="1">&lt;/b&gt;</ept></seg></tuv>
</tu>
<tu><tuv lang="EN-GB"><seg>Kerman</seg></tuv></tu>
</body></tmx>"#;

    #[test]
    fn reads_units_variants_and_inline_codes() {
        assert_eq!(
            show(TMX),
            vec![
                "Source 0 a1 en: Kirman |&amp;[&]| |Khurasan",
                "Target 0 a1 ru: Кирман |и |Хорасан",
                "Source 1 2 en-GB: Kerman",
            ]
        );
    }

    #[test]
    fn without_srclang_the_first_variant_is_the_source() {
        let tmx = "<tmx><header srclang=\"*all*\"/><body>\
<tu><tuv xml:lang=\"fa\"><seg>کرمان</seg></tuv><tuv xml:lang=\"en\"><seg>Kerman</seg></tuv></tu>\
</body></tmx>";
        assert_eq!(show(tmx), vec!["Source 0 1 fa: کرمان", "Target 0 1 en: Kerman"]);
        let other = tmx.replace("*all*", "de");
        assert_eq!(
            show(&other),
            vec!["Source 0 1 fa: کرمان", "Target 0 1 en: Kerman"]
        );
    }

    #[test]
    fn rejects_malformed_xml_and_entities_with_an_offset() {
        let unclosed = segments("<tmx><body><tu><tuv><seg>Kerman").expect_err("is rejected");
        assert_eq!(
            unclosed,
            FormatError {
                offset: 20,
                detail: "unclosed element <seg>".into()
            }
        );
        let entity = "<tmx><body><tu><tuv><seg>a &xxe;</seg></tuv></tu></body></tmx>";
        assert_eq!(segments(entity).expect_err("is rejected").offset, 27);
        assert!(segments("<xliff/>")
            .expect_err("is rejected")
            .detail
            .contains("<tmx>"));
        assert_eq!(
            segments("<tmx><body></tu></body></tmx>")
                .expect_err("is rejected")
                .offset,
            11
        );
    }

    #[test]
    fn a_large_memory_in_parts_is_the_memory_whole() {
        let mut tmx = String::from("<tmx><header srclang=\"en\"/><body>\n");
        for n in 0..20_000 {
            tmx.push_str(&format!(
                "<tu><tuv xml:lang=\"ru\"><seg>Кирман {n}</seg></tuv><tuv xml:lang=\"en\"><seg>Kirman &amp; {n}</seg></tuv></tu>\n"
            ));
        }
        tmx.push_str("</body></tmx>");
        assert!(tmx.len() > 2 * PART_BYTES);
        let whole = segments(&tmx).expect("parses");
        let parts = map_segments(&tmx, &|part| part).expect("parses");
        assert!(parts.len() > 2, "{} parts", parts.len());
        assert_eq!(parts.concat(), whole);
        let broken = format!("{tmx}<");
        assert_eq!(
            map_segments(&broken, &|part| part.len()).map(|_| ()),
            segments(&broken).map(|_| ())
        );
    }

    #[test]
    fn deep_nesting_does_not_overflow_the_stack() {
        let depth = 100_000;
        let mut tmx = String::from("<tmx><body><tu><tuv><seg>");
        tmx.push_str(&"<hi>".repeat(depth));
        tmx.push_str("Kerman");
        tmx.push_str(&"</hi>".repeat(depth));
        tmx.push_str("</seg></tuv></tu></body></tmx>");
        let segments = segments(&tmx).expect("parses");
        assert_eq!(segments[0].view(&tmx).text, "Kerman");
    }
}
