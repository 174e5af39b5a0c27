//! XLIFF 1.2 and 2.0: the `source` and `target` of every translation unit,
//! paired by a running unit index.
//!
//! Checked: the text of `<source>` and `<target>` directly inside a 1.2
//! `<trans-unit>` or a 2.0 `<segment>`, including text inside the wrapping
//! inline elements (`<g>`, `<pc>`, `<mrk>`) and CDATA sections. Each pair
//! gets the next unit index; a source takes the file's source language
//! (`source-language` / `srcLang`), a target the target language
//! (`target-language` / `trgLang`), unless the element has its own
//! `xml:lang`. The pair's id (`SegmentInfo::id`) is the unit's `id` (2.0: the
//! `<segment>`'s, else its `<unit>`'s).
//!
//! Trados SDLXLIFF: when a 1.2 unit's `<seg-source>` is cut into
//! `<mrk mtype="seg" mid="N">` segments and its `<target>` too (or it has no
//! target yet), each `mid` is a pair of its own, known by `N` (by
//! `UNIT/N` when `<sdl:seg-defs>` does not define it: Okapi counts `mid`s
//! per unit), instead of the whole `<source>` and `<target>`; `<sdl:seg-defs>` says which segment
//! is locked (`locked="true"`) or confirmed (`conf` `Translated`,
//! `ApprovedTranslation`, `ApprovedSignOff`). memoQ MQXLIFF:
//! `mq:locked="locked"` and a confirmed `mq:status` on the `<trans-unit>`;
//! text deleted with Trados's track changes (`<mrk mtype="x-sdl-deleted">`)
//! is not read;
//! XLIFF 1.2 `approved="yes"` or a target `state` `final` or `signed-off`,
//! and XLIFF 2.0 `state` `reviewed` or `final`, confirm a unit too. A `<seg-source>`
//! segment is never fixed (`SegmentInfo::read_only`): `<source>` repeats it.
//!
//! Not checked: inline-code markup (`<x/>`, `<bx/>`, `<ex/>`, `<sc/>`,
//! `<ec/>`, `<ph/>` …) and the native code inside `<ph>`, `<bpt>`, `<ept>`
//! and `<it>`; 1.2 `<seg-source>` when the target is not cut into the same
//! segments (it is then the same text as `<source>`); `<alt-trans>`
//! proposals and memoQ `<mq:insertedmatch>`; 2.0 `<ignorable>`, `<originalData>` and
//! module data such as translation-memory matches; notes, comments and
//! processing instructions.
//!
//! Text on both sides of an inline tag stays one segment of several pieces,
//! so a name split by `<g>` is still found at its original position. The
//! five predefined entities and character references become decoded pieces
//! covering the whole reference. Nothing is ever expanded from a DTD: a
//! DOCTYPE is ignored, and any other entity reference is an error, as is
//! XML that is not well formed. The walk is iterative, so deep nesting
//! costs heap, not stack.

use std::ops::Range;

use quick_xml::events::attributes::AttrError;
use quick_xml::events::{BytesRef, BytesStart, Event};
use quick_xml::{Reader, XmlVersion};

use super::{FormatError, Piece, Role, Segment, SegmentInfo};
use crate::lang::Language;

/// Cuts an XLIFF 1.2 or 2.0 document into source and target segments.
pub fn segments(text: &str) -> Result<Vec<Segment>, FormatError> {
    walk(text, Walker::default())
}

/// What a bilingual XML format does with the events of its document, in
/// order; [`walk`] reads them, with their byte ranges in the text.
pub(super) trait XmlWalker {
    /// An element opens (`empty`: and closes at once) at `range`.
    fn open(&mut self, element: &BytesStart, range: Range<usize>, empty: bool) -> Result<(), FormatError>;
    /// The innermost open element closes at `offset`.
    fn close(&mut self, offset: usize) -> Result<(), FormatError>;
    /// Text: verbatim, or an escape decoded.
    fn push(&mut self, piece: Piece);
    /// The document has ended.
    fn finish(self, text: &str) -> Result<Vec<Segment>, FormatError>;
}

/// Reads the XML document `text` event by event into `walker`.
pub(super) fn walk(text: &str, mut walker: impl XmlWalker) -> Result<Vec<Segment>, FormatError> {
    // The reader skips one byte-order mark and counts positions after it.
    // It is given the whole text: given the text after the mark, it would
    // skip a second one too, and every position would be 3 bytes short.
    let base = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let at = |position: u64| base + usize::try_from(position).unwrap_or(usize::MAX - base);
    let mut reader = Reader::from_str(text);
    loop {
        let start = at(reader.buffer_position());
        let event = reader.read_event().map_err(|error| FormatError {
            offset: at(reader.error_position()),
            detail: error.to_string(),
        })?;
        let end = at(reader.buffer_position());
        match event {
            Event::Eof => return walker.finish(text),
            Event::Start(element) => walker.open(&element, start..end, false)?,
            Event::Empty(element) => walker.open(&element, start..end, true)?,
            Event::End(_) => walker.close(start)?,
            Event::Text(_) => walker.push(Piece::verbatim(start..end)),
            // `<![CDATA[` is 9 bytes and `]]>` 3.
            Event::CData(_) => walker.push(Piece::verbatim(start + 9..end.saturating_sub(3))),
            Event::GeneralRef(reference) => {
                let decoded = resolve(&reference, start)?;
                walker.push(Piece::decoded(start..end, decoded));
            }
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) | Event::DocType(_) => {}
        }
    }
}

/// The contents of the CDATA sections of an XML document (between
/// `<![CDATA[` and `]]>`), in text order, up to the first error.
pub fn cdata_sections(text: &str) -> Vec<Range<usize>> {
    // As in `segments`: the whole text, one mark skipped.
    let base = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let at = |position: u64| base + usize::try_from(position).unwrap_or(usize::MAX - base);
    let mut reader = Reader::from_str(text);
    let mut sections = Vec::new();
    loop {
        let start = at(reader.buffer_position());
        match reader.read_event() {
            Ok(Event::Eof) | Err(_) => return sections,
            Ok(Event::CData(_)) => {
                let end = at(reader.buffer_position());
                sections.push(start + 9..end.saturating_sub(3));
            }
            Ok(_) => {}
        }
    }
}

/// What an open element means to the walk.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// A 1.2 `<trans-unit>` or a 2.0 `<segment>`: holds one source/target pair.
    Pair,
    /// `<source>`.
    Source,
    /// `<target>`.
    Target,
    /// A 1.2 `<seg-source>`: the source cut into `<mrk mtype="seg">` segments.
    SegSource,
    /// A `<mrk mtype="seg">` segment inside `<seg-source>` or `<target>`.
    SegMark,
    /// An inline element whose content is native code, not text.
    NativeCode,
    /// Anything else.
    Other,
}

impl Kind {
    fn of(local_name: &[u8]) -> Kind {
        match local_name {
            b"trans-unit" | b"segment" => Kind::Pair,
            b"source" => Kind::Source,
            b"target" => Kind::Target,
            b"seg-source" => Kind::SegSource,
            b"ph" | b"bpt" | b"ept" | b"it" => Kind::NativeCode,
            _ => Kind::Other,
        }
    }
}

/// An open element: what it is and where its start tag begins.
struct Open {
    kind: Kind,
    start: usize,
}

/// The source or target being read, or one `<mrk mtype="seg">` of it.
struct Capture {
    segment: Segment,
    /// Index in the element stack of the element captured.
    depth: usize,
    /// How many native-code elements are open inside it.
    in_code: usize,
    /// The `mid` of a `<mrk mtype="seg">`.
    mid: String,
}

/// The translation unit being read: its segments wait for its end, where
/// its `<sdl:seg-defs>` and whether its target is cut into `mid` segments
/// are known.
#[derive(Default)]
struct PendingPair {
    /// Index in the element stack of the `<trans-unit>` or `<segment>`.
    depth: usize,
    /// Its `id`, or the enclosing 2.0 `<unit>`'s.
    id: Option<String>,
    /// memoQ `mq:locked="locked"`.
    locked: bool,
    /// memoQ `mq:status` confirmed, XLIFF 1.2 `approved="yes"` or a
    /// `final` or `signed-off` target, XLIFF 2.0 `state` `reviewed` or
    /// `final`.
    confirmed: bool,
    /// The whole `<source>` and `<target>`.
    whole: Vec<Segment>,
    /// The `<mrk mtype="seg">` segments of `<seg-source>` and `<target>`,
    /// with their `mid`.
    marked: Vec<(String, Segment)>,
    /// Whether the pair has a `<target>`.
    has_target: bool,
    /// Trados `<sdl:seg id=.. conf=.. locked=..>`: (id, locked, confirmed).
    definitions: Vec<(String, bool, bool)>,
}

#[derive(Default)]
struct Walker {
    open: Vec<Open>,
    source_language: Option<Language>,
    target_language: Option<Language>,
    /// The id of the 2.0 `<unit>` being read.
    unit_id: Option<String>,
    /// Pairs seen so far; the next pair's index.
    pairs: usize,
    pair: Option<PendingPair>,
    /// The whole `<source>` or `<target>` being read.
    capture: Option<Capture>,
    /// The `<mrk mtype="seg">` being read.
    mark: Option<Capture>,
    /// Index in the element stack of the open `<seg-source>`.
    seg_source: Option<usize>,
    segments: Vec<Segment>,
}

impl XmlWalker for Walker {
    fn open(&mut self, element: &BytesStart, range: Range<usize>, empty: bool) -> Result<(), FormatError> {
        let local = element.local_name();
        let name = local.as_ref();
        if self.open.is_empty() && name != b"xliff" {
            return Err(FormatError {
                offset: range.start,
                detail: format!(
                    "the root element is <{}>, not <xliff>",
                    String::from_utf8_lossy(name)
                ),
            });
        }
        match name {
            b"xliff" => self.read_languages(element, range.start, b"srcLang", b"trgLang")?,
            b"file" => self.read_languages(element, range.start, b"source-language", b"target-language")?,
            b"unit" => self.unit_id = attribute(element, range.start, b"id")?,
            _ => {}
        }
        let parent = self.open.last().map(|open| open.kind);
        let mut kind = Kind::of(name);
        if kind == Kind::Pair && self.pair.is_some() {
            // A unit inside a unit: read as part of the outer one.
            kind = Kind::Other;
        }
        if name == b"mrk" {
            match attribute(element, range.start, b"mtype")?.as_deref() {
                Some("seg") if self.mark.is_none() => {
                    let in_target = self
                        .capture
                        .as_ref()
                        .is_some_and(|c| c.segment.role == Role::Target);
                    if self.seg_source.is_some() || in_target {
                        kind = Kind::SegMark;
                    }
                }
                // Text deleted with Trados's track changes is no longer there.
                Some("x-sdl-deleted") => kind = Kind::NativeCode,
                _ => {}
            }
        }
        match kind {
            Kind::Pair if !empty => self.start_pair(element, range.start)?,
            Kind::Source | Kind::Target | Kind::SegSource
                if parent == Some(Kind::Pair) && self.capture.is_none() && !empty =>
            {
                if kind == Kind::SegSource {
                    self.seg_source = Some(self.open.len());
                } else {
                    self.capture = Some(self.start_capture(element, kind, range.start)?);
                }
                if kind == Kind::Target {
                    // XLIFF 1.2: the target's own state.
                    let state = attribute(element, range.start, b"state")?;
                    if let Some(pair) = &mut self.pair {
                        pair.has_target = true;
                        pair.confirmed |= matches!(state.as_deref(), Some("final" | "signed-off"));
                    }
                }
            }
            Kind::SegMark if !empty => {
                let role = if self.seg_source.is_some() {
                    Kind::Source
                } else {
                    Kind::Target
                };
                let mut mark = self.start_capture(element, role, range.start)?;
                if let Some(capture) = &self.capture {
                    mark.segment.language = capture.segment.language.clone();
                }
                mark.mid = attribute(element, range.start, b"mid")?.unwrap_or_default();
                self.mark = Some(mark);
            }
            Kind::NativeCode if !empty => {
                for capture in [&mut self.capture, &mut self.mark].into_iter().flatten() {
                    capture.in_code += 1;
                }
            }
            Kind::Other if name == b"seg" && self.pair.is_some() => {
                self.read_definition(element, range.start)?
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
        if self.mark.as_ref().is_some_and(|m| m.depth == depth) {
            if let (Some(mark), Some(pair)) = (self.mark.take(), &mut self.pair) {
                pair.marked.push((mark.mid, mark.segment));
            }
        }
        if self.capture.as_ref().is_some_and(|c| c.depth == depth) {
            if let (Some(capture), Some(pair)) = (self.capture.take(), &mut self.pair) {
                if !capture.segment.pieces.is_empty() {
                    pair.whole.push(capture.segment);
                }
            }
        }
        if self.seg_source == Some(depth) {
            self.seg_source = None;
        }
        if closed.kind == Kind::NativeCode {
            for capture in [&mut self.capture, &mut self.mark].into_iter().flatten() {
                capture.in_code = capture.in_code.saturating_sub(1);
            }
        }
        if self.pair.as_ref().is_some_and(|p| p.depth == depth) {
            if let Some(pair) = self.pair.take() {
                self.finish_pair(pair);
            }
        }
        Ok(())
    }

    /// Adds a piece of text to the source or target being read, and to the
    /// `mid` segment being read, if any.
    fn push(&mut self, piece: Piece) {
        if piece.range.is_empty() {
            return;
        }
        for capture in [&mut self.capture, &mut self.mark].into_iter().flatten() {
            if capture.in_code == 0 {
                capture.segment.pieces.push(piece.clone());
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

impl Walker {
    fn start_pair(&mut self, element: &BytesStart, offset: usize) -> Result<(), FormatError> {
        let id = attribute(element, offset, b"id")?.or_else(|| self.unit_id.clone());
        let locked = attribute(element, offset, b"mq:locked")?.is_some_and(|v| v == "locked");
        let status = attribute(element, offset, b"mq:status")?;
        let approved = attribute(element, offset, b"approved")?.is_some_and(|v| v == "yes");
        // XLIFF 2.0: the segment's state.
        let state = attribute(element, offset, b"state")?;
        let reviewed = matches!(state.as_deref(), Some("reviewed" | "final"));
        self.pair = Some(PendingPair {
            depth: self.open.len(),
            id,
            locked,
            confirmed: approved || reviewed || status.as_deref().is_some_and(memoq_confirmed),
            ..PendingPair::default()
        });
        Ok(())
    }

    /// A Trados `<sdl:seg>`: a segment's confirmation level and lock.
    fn read_definition(&mut self, element: &BytesStart, offset: usize) -> Result<(), FormatError> {
        let Some(id) = attribute(element, offset, b"id")? else {
            return Ok(());
        };
        let locked = attribute(element, offset, b"locked")?.is_some_and(|v| v == "true");
        let confirmed = attribute(element, offset, b"conf")?
            .as_deref()
            .is_some_and(trados_confirmed);
        if let Some(pair) = &mut self.pair {
            pair.definitions.push((id, locked, confirmed));
        }
        Ok(())
    }

    fn start_capture(&self, element: &BytesStart, kind: Kind, offset: usize) -> Result<Capture, FormatError> {
        let (role, file_language) = match kind {
            Kind::Target => (Role::Target, &self.target_language),
            _ => (Role::Source, &self.source_language),
        };
        let own = attribute(element, offset, b"xml:lang")?.and_then(|tag| Language::parse(&tag).ok());
        Ok(Capture {
            segment: Segment {
                pieces: Vec::new(),
                language: own.or_else(|| file_language.clone()),
                role,
                unit: None,
                info: SegmentInfo::default(),
            },
            depth: self.open.len(),
            in_code: 0,
            mid: String::new(),
        })
    }

    fn read_languages(
        &mut self,
        element: &BytesStart,
        offset: usize,
        source: &[u8],
        target: &[u8],
    ) -> Result<(), FormatError> {
        if let Some(tag) = attribute(element, offset, source)? {
            self.source_language = Language::parse(&tag).ok();
        }
        if let Some(tag) = attribute(element, offset, target)? {
            self.target_language = Language::parse(&tag).ok();
        }
        Ok(())
    }

    /// The segments of a unit: its `mid` segments when its source is cut
    /// into them and its target too (or it has none), else its whole
    /// source and target.
    fn finish_pair(&mut self, pair: PendingPair) {
        let marked_target = pair.marked.iter().any(|(_, s)| s.role == Role::Target);
        let marked_source = pair.marked.iter().any(|(_, s)| s.role == Role::Source);
        if marked_source && (marked_target || !pair.has_target) {
            let first = self.pairs;
            let mut mids: Vec<&str> = Vec::new();
            for (mid, _) in &pair.marked {
                if !mids.contains(&mid.as_str()) {
                    mids.push(mid);
                }
            }
            self.pairs += mids.len();
            for (mid, mut segment) in pair.marked.iter().cloned() {
                if segment.pieces.is_empty() {
                    continue;
                }
                let index = mids.iter().position(|m| *m == mid).unwrap_or_default();
                let definition = pair.definitions.iter().find(|(id, _, _)| *id == mid);
                segment.unit = Some(first + index);
                // Trados numbers segments through the file; other tools
                // (Okapi) count them per unit, so the unit's id comes first.
                let id = match (definition, &pair.id) {
                    (None, Some(unit)) => format!("{unit}/{mid}"),
                    _ => mid,
                };
                segment.info = SegmentInfo {
                    id: Some(id.into()),
                    locked: pair.locked || definition.is_some_and(|d| d.1),
                    confirmed: pair.confirmed || definition.is_some_and(|d| d.2),
                    // `<source>` holds the same text: fixing one would
                    // leave the two apart.
                    read_only: segment.role == Role::Source,
                    context: None,
                };
                self.segments.push(segment);
            }
        } else {
            // One Trados segment definition for the whole unit says its state.
            let single = match pair.definitions.as_slice() {
                [(_, locked, confirmed)] => (*locked, *confirmed),
                _ => (false, false),
            };
            let info = SegmentInfo {
                id: pair.id.as_deref().map(Into::into),
                locked: pair.locked || single.0,
                confirmed: pair.confirmed || single.1,
                read_only: false,
                context: None,
            };
            for mut segment in pair.whole {
                segment.unit = Some(self.pairs);
                segment.info = info.clone();
                self.segments.push(segment);
            }
            self.pairs += 1;
        }
    }
}

/// Whether a Trados confirmation level (`conf`) is confirmed: translated
/// (shown as confirmed), approved or signed off.
fn trados_confirmed(level: &str) -> bool {
    matches!(level, "Translated" | "ApprovedTranslation" | "ApprovedSignOff")
}

/// Whether a memoQ `mq:status` is confirmed by the translator or a
/// reviewer (`ManuallyConfirmed`, `ConfirmedTranslator`, `Proofread`,
/// `Reviewer1Confirmed`, `Reviewer2Confirmed`, …).
fn memoq_confirmed(status: &str) -> bool {
    status.contains("Confirmed") || status == "Proofread"
}

/// The name in the start tag at `start`.
pub(super) fn tag_name(text: &str, start: usize) -> &str {
    let rest = text.get(start + 1..).unwrap_or_default();
    let end = rest
        .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
        .unwrap_or(rest.len());
    &rest[..end]
}

/// The unescaped value of an attribute, by qualified name; `offset` is
/// where the element's tag starts.
pub(super) fn attribute(
    element: &BytesStart,
    offset: usize,
    name: &[u8],
) -> Result<Option<String>, FormatError> {
    let error = |detail: String| FormatError { offset, detail };
    for attribute in element.attributes() {
        let attribute = attribute.map_err(|e| malformed_attribute(element, offset, e))?;
        if attribute.key.as_ref() == name {
            let value = attribute
                .normalized_value(XmlVersion::Implicit1_0)
                .map_err(|e| error(e.to_string()))?;
            return Ok(Some(value.into_owned()));
        }
    }
    Ok(None)
}

/// A malformed attribute as an error at the attribute's own place, in
/// words without quick-xml's position: quick-xml counts positions from the
/// tag's name, just after the `<` at `tag_start`.
fn malformed_attribute(element: &BytesStart, tag_start: usize, error: AttrError) -> FormatError {
    let (position, detail) = match error {
        AttrError::ExpectedEq(at) => (at, "an attribute name must be followed by `=`".to_string()),
        AttrError::ExpectedValue(at) => (at, "`=` must be followed by an attribute value".to_string()),
        AttrError::UnquotedValue(at) => (at, "an attribute value must be in quotes".to_string()),
        AttrError::ExpectedQuote(at, quote) => (
            at,
            format!("an attribute value lacks its closing quote {}", char::from(quote)),
        ),
        AttrError::Duplicated(at, _) => (
            at,
            format!("duplicate attribute “{}”", attribute_name_at(element, at)),
        ),
    };
    FormatError {
        offset: tag_start + 1 + position,
        detail,
    }
}

/// The attribute name that starts at `position` of the element's tag.
fn attribute_name_at(element: &BytesStart, position: usize) -> String {
    let rest = element.get(position..).unwrap_or_default();
    let end = rest
        .iter()
        .position(|&b| b == b'=' || b.is_ascii_whitespace())
        .unwrap_or(rest.len());
    String::from_utf8_lossy(&rest[..end]).into_owned()
}

/// The text of a character reference or predefined entity; any other entity
/// is an error, since entities declared in a DTD are never expanded.
pub(super) fn resolve(reference: &BytesRef, offset: usize) -> Result<String, FormatError> {
    let error = |detail: String| FormatError { offset, detail };
    if let Some(c) = reference.resolve_char_ref().map_err(|e| error(e.to_string()))? {
        return Ok(c.to_string());
    }
    let name = reference.decode().map_err(|e| error(e.to_string()))?;
    let decoded = match name.as_ref() {
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        "apos" => "'",
        other => {
            return Err(error(format!(
                "unknown entity &{other}; (DTD entities are not expanded)"
            )))
        }
    };
    Ok(decoded.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each segment as `role unit lang: piece|piece`, decoded pieces in
    /// brackets after their original text.
    fn show(xliff: &str) -> Vec<String> {
        segments(xliff)
            .expect("parses")
            .iter()
            .map(|segment| {
                let pieces = super::super::show_pieces(xliff, &segment.pieces);
                let language = segment
                    .language
                    .as_ref()
                    .map_or("-".to_string(), |l| l.to_string());
                format!(
                    "{:?} {} {language}: {}",
                    segment.role,
                    segment.unit.map_or("-".to_string(), |u| u.to_string()),
                    pieces
                )
            })
            .collect()
    }

    fn error(xliff: &str) -> FormatError {
        segments(xliff).expect_err("is rejected")
    }

    const V12: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
 <file source-language="en" target-language="ru" datatype="plaintext" original="a.txt">
  <body>
   <trans-unit id="1">
    <source>Abu <g id="1">Hudhaifa</g> al-Ansari<x id="2"/> in Kirman</source>
    <seg-source><mrk mtype="seg" mid="0">Abu Hudhaifa al-Ansari in Kirman</mrk></seg-source>
    <target xml:lang="fa">ابو <ph id="3">&lt;b&gt;</ph>حذیفه</target>
    <alt-trans><source>Kirman</source><target>Kirman</target></alt-trans>
   </trans-unit>
   <trans-unit id="2"><source>Tom &amp; Jerry &#233;&#x41;</source><target><![CDATA[Касем <Сулеймани>]]></target></trans-unit>
  </body>
 </file>
</xliff>"#;

    #[test]
    fn reads_1_2_pairs_with_inline_codes_entities_and_cdata() {
        assert_eq!(
            show(V12),
            vec![
                "Source 0 en: Abu |Hudhaifa| al-Ansari| in Kirman",
                "Target 0 fa: ابو |حذیفه",
                "Source 1 en: Tom |&amp;[&]| Jerry |&#233;[é]|&#x41;[A]",
                "Target 1 ru: Касем <Сулеймани>",
            ]
        );
    }

    #[test]
    fn entity_pieces_cover_the_whole_reference() {
        let segments = segments(V12).expect("parses");
        let amp = &segments[2].pieces[1];
        assert_eq!(&V12[amp.range.clone()], "&amp;");
        assert_eq!(segments[2].view(V12).text, "Tom & Jerry éA");
    }

    #[test]
    fn pieces_after_two_byte_order_marks_are_where_the_text_is() {
        let xliff =
            "\u{feff}\u{feff}<xliff version=\"1.2\"><file source-language=\"en\" target-language=\"ru\">\
                     <body><trans-unit id=\"1\"><source>Kirman</source></trans-unit></body></file></xliff>";
        match segments(xliff) {
            Ok(segments) => {
                for piece in segments.iter().flat_map(|s| &s.pieces) {
                    assert_eq!(xliff.get(piece.range.clone()), Some("Kirman"));
                }
            }
            Err(error) => assert!(xliff.is_char_boundary(error.offset), "{error:?}"),
        }
        let cdata = "\u{feff}\u{feff}<a><![CDATA[Kirman]]></a>";
        let sections = cdata_sections(cdata);
        assert_eq!(sections.len(), 1);
        assert_eq!(&cdata[sections[0].clone()], "Kirman");
    }

    const V20: &str = "\u{feff}<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"en-US\" trgLang=\"ar\">\r\n\
<file id=\"f1\"><unit id=\"u1\">\r\n\
<originalData><data id=\"d1\">&lt;b&gt;</data></originalData>\r\n\
<segment><source>Qassem <pc id=\"1\" dataRefStart=\"d1\">Soleimani</pc> 🙂</source>\r\n\
<target>قاسم <sc id=\"2\"/>سليماني<ec startRef=\"2\"/></target></segment>\r\n\
<ignorable><source> Kirman </source></ignorable>\r\n\
<segment state=\"final\"><source>Khurasan\r\nProvince</source></segment>\r\n\
</unit></file></xliff>";

    #[test]
    fn reads_2_0_segments_with_languages_and_pairs() {
        assert_eq!(
            show(V20),
            vec![
                "Source 0 en-US: Qassem |Soleimani| 🙂",
                "Target 0 ar: قاسم |سليماني",
                "Source 1 en-US: Khurasan\r\nProvince",
            ]
        );
        // No segment id: the unit's; `state="final"` confirms.
        let states = show_states(V20);
        assert_eq!(states[0], "Source 0 u1 open draft: Qassem Soleimani 🙂");
        assert_eq!(states[2], "Source 1 u1 open confirmed: Khurasan\r\nProvince");
    }

    #[test]
    fn attributes_take_both_quote_styles_and_own_languages_win() {
        let xliff = "<xliff version='1.2'><file source-language='en' target-language=\"ru\"><body>\
<trans-unit id='1'><source xml:lang='en-GB'>Kerman</source><target xml:lang='tg-Cyrl'>Кирмон</target></trans-unit>\
</body></file></xliff>";
        assert_eq!(
            show(xliff),
            vec!["Source 0 en-GB: Kerman", "Target 0 tg-Cyrl: Кирмон"]
        );
    }

    #[test]
    fn ignores_a_doctype_but_rejects_unknown_entities() {
        let xliff = "<!DOCTYPE xliff [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n\
<xliff srcLang=\"en\"><file><unit><segment><source>a &xxe; b</source></segment></unit></file></xliff>";
        let err = error(xliff);
        assert_eq!(&xliff[err.offset..err.offset + 5], "&xxe;");
        assert!(err.detail.contains("xxe"), "{}", err.detail);
        let ok = "<!DOCTYPE xliff>\n<xliff srcLang=\"en\"><file><unit><segment><source>a</source></segment></unit></file></xliff>";
        assert_eq!(show(ok), vec!["Source 0 en: a"]);
    }

    #[test]
    fn rejects_malformed_xml_with_an_offset() {
        let mismatched = error("<xliff><file><unit></file></xliff>");
        assert_eq!(mismatched.offset, 19);
        assert!(mismatched.detail.contains("</unit>"), "{}", mismatched.detail);
        let unclosed = error("<xliff><file><unit><segment><source>Kerman");
        assert_eq!(
            unclosed,
            FormatError {
                offset: 28,
                detail: "unclosed element <source>".into()
            }
        );
        assert_eq!(error("<xliff><source>&#0;</source></xliff>").offset, 15);
        assert_eq!(error("<xliff>&amp</xliff>").offset, 7);
        assert!(error("<html><body/></html>").detail.contains("<html>"));
    }

    /// Each segment as `role unit id lock confirmation: text`.
    fn show_states(xliff: &str) -> Vec<String> {
        segments(xliff)
            .expect("parses")
            .iter()
            .map(|s| {
                format!(
                    "{:?} {} {} {} {}: {}",
                    s.role,
                    s.unit.map_or("-".to_string(), |u| u.to_string()),
                    s.info.id.as_deref().unwrap_or("-"),
                    if s.info.locked { "locked" } else { "open" },
                    if s.info.confirmed { "confirmed" } else { "draft" },
                    s.view(xliff).text
                )
            })
            .collect()
    }

    #[test]
    fn trados_segments_pair_by_mid_with_their_states() {
        let sdlxliff = r#"<xliff xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0" version="1.2"><file source-language="en" target-language="ru"><body>
<trans-unit id="tu-1"><source>Kerman. Khorasan.</source>
<seg-source><mrk mtype="seg" mid="1">Kerman.</mrk> <g id="5"><mrk mtype="seg" mid="2">Khor<x id="9"/>asan.</mrk></g></seg-source>
<target><mrk mtype="seg" mid="1">Керман.<mrk mtype="x-sdl-deleted" sdl:revid="r1"> Кирман</mrk></mrk> <g id="5"><mrk mtype="seg" mid="2">Хорасан.</mrk></g></target>
<sdl:seg-defs><sdl:seg id="1" conf="Draft"/><sdl:seg id="2" conf="ApprovedSignOff" locked="true"/></sdl:seg-defs>
</trans-unit>
<trans-unit id="tu-2"><source>Kabul</source><seg-source><mrk mtype="seg" mid="3">Kabul</mrk></seg-source><target/>
<sdl:seg-defs><sdl:seg id="3" conf="Translated"/></sdl:seg-defs></trans-unit>
<trans-unit id="tu-3"><source>Herat</source><seg-source><mrk mtype="seg" mid="0">Herat</mrk></seg-source>
<target><mrk mtype="seg" mid="0">Герат</mrk></target></trans-unit>
</body></file></xliff>"#;
        assert_eq!(
            show_states(sdlxliff),
            vec![
                "Source 0 1 open draft: Kerman.",
                "Source 1 2 locked confirmed: Khorasan.",
                "Target 0 1 open draft: Керман.",
                "Target 1 2 locked confirmed: Хорасан.",
                "Source 2 3 open confirmed: Kabul",
                "Source 3 tu-3/0 open draft: Herat",
                "Target 3 tu-3/0 open draft: Герат",
            ]
        );
    }

    #[test]
    fn memoq_and_xliff_1_2_states_are_read_from_the_unit() {
        let mqxliff = r#"<xliff xmlns:mq="MQXliff" version="1.2"><file source-language="en" target-language="ru"><body>
<trans-unit id="7" mq:status="ManuallyConfirmed" mq:locked="locked"><source>Kerman</source><target>Керман</target>
<mq:insertedmatch><source>Kirman</source><target>Кирман</target></mq:insertedmatch></trans-unit>
<trans-unit id="8" mq:status="PartiallyEdited" mq:locked="no"><source>Kabul</source><target>Кабул</target></trans-unit>
<trans-unit id="9" approved="yes"><source>Herat</source><target>Герат</target></trans-unit>
<trans-unit id="10"><source>Balkh</source><target state="signed-off">Балх</target></trans-unit>
<trans-unit id="11"><source>Ghazni</source><target state="translated">Газни</target></trans-unit>
</body></file></xliff>"#;
        assert_eq!(
            show_states(mqxliff),
            vec![
                "Source 0 7 locked confirmed: Kerman",
                "Target 0 7 locked confirmed: Керман",
                "Source 1 8 open draft: Kabul",
                "Target 1 8 open draft: Кабул",
                "Source 2 9 open confirmed: Herat",
                "Target 2 9 open confirmed: Герат",
                "Source 3 10 open confirmed: Balkh",
                "Target 3 10 open confirmed: Балх",
                "Source 4 11 open draft: Ghazni",
                "Target 4 11 open draft: Газни",
            ]
        );
    }

    #[test]
    fn deep_nesting_does_not_overflow_the_stack() {
        let depth = 100_000;
        let mut xliff = String::from("<xliff><file><unit><segment><source>");
        xliff.push_str(&"<pc>".repeat(depth));
        xliff.push_str("Kerman");
        xliff.push_str(&"</pc>".repeat(depth));
        xliff.push_str("</source></segment></unit></file></xliff>");
        let segments = segments(&xliff).expect("parses");
        assert_eq!(segments.len(), 1);
        assert_eq!(segments[0].view(&xliff).text, "Kerman");
        xliff.truncate(xliff.len() - 20);
        assert!(super::segments(&xliff).is_err());
    }
}
