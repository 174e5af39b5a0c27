//! XLIFF and HTML inputs: findings at their place in the original file,
//! through inline tags, entities and CDATA; code, notes and proposals
//! unchecked; malformed XLIFF reported, never half-read.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::*;
use termlint::document::{Format, Role};

fn formats() -> PathBuf {
    fixtures().join("formats")
}

/// Checks one fixture; returns its findings (without `inconsistent`, see
/// below) and asserts that every span slices the original file.
fn check_fixture(name: &str) -> Vec<String> {
    let (output, json) = check_json(&formats(), &[name]);
    assert_eq!(
        json["errors"].as_array().map(Vec::len),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = fs::read_to_string(formats().join(name)).expect("fixture");
    assert_spans_slice(&text, &json);
    // A source and its target name the same concept in two languages, which
    // `inconsistent` reads as mixed spellings until it compares per language.
    summarize(&json)
        .into_iter()
        .filter(|finding| !finding.starts_with("inconsistent "))
        .collect()
}

#[test]
fn xliff_1_2_sources_are_checked_through_inline_tags_entities_and_cdata() {
    assert_eq!(
        check_fixture("briefing-1.2.xlf"),
        vec![
            "deprecated 6:41-6:47 «Kirman» -> Kerman",
            "deprecated 10:17-10:53 «Abu <g id=\"1\">Hudhaifa</g> al-Ansari» -> Abu Hudhayfah al-Ansari",
            // The Russian target spells a name the test glossary lists in
            // Latin only: compared with its Latin forms, read in Latin.
            "unlisted 12:26-12:48 «Абу Худайфа аль-Ансари» -> Abu Hudhayfah al-Ansari",
            "deprecated 15:43-15:64 «Ghasem&#x20;Soleimani» -> Qassem Soleimani",
            "deprecated 19:26-19:32 «Kirman» -> Kerman",
        ]
    );
}

#[test]
fn xliff_2_0_skips_matches_original_data_ignorables_and_codes() {
    assert_eq!(
        check_fixture("briefing-2.0.xlf"),
        vec![
            "deprecated 10:77-10:83 «Kirman» -> Kerman",
            "deprecated 15:17-15:45 «Ghasem <ph id=\"2\"/>Soleimani» -> Qassem Soleimani",
            "deprecated 15:57-15:62 «Shiah» -> Shia",
        ]
    );
}

#[test]
fn html_text_alt_and_title_are_checked_and_code_is_not() {
    assert_eq!(
        check_fixture("briefing.html"),
        vec![
            "deprecated 4:10-4:16 «Kirman» -> Kerman",
            "deprecated 9:14-9:36 «Abu Hudhaifa al-Ansari» -> Abu Hudhayfah al-Ansari",
            "deprecated 9:56-9:62 «Kirman» -> Kerman",
            "deprecated 10:6-10:45 «Abu <strong>Hudhaifa</strong> al-Ansari» -> Abu Hudhayfah al-Ansari",
            "deprecated 10:68-10:89 «Ghasem&nbsp;Soleimani» -> Qassem Soleimani",
            "deprecated 14:34-14:40 «Kirman» -> Kerman",
        ]
    );
}

#[test]
fn html_with_crlf_line_endings_keeps_positions() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = "<html lang=\"en\">\r\n<p>In\r\nKirman &amp;\r\n<i>Ghasem</i>\r\nSoleimani</p>\r\n</html>\r\n";
    fs::write(dir.path().join("page.html"), text).expect("write");
    let (_, json) = check_json(dir.path(), &["page.html"]);
    assert_spans_slice(text, &json);
    assert_eq!(
        summarize(&json),
        vec![
            "deprecated 3:1-3:7 «Kirman» -> Kerman",
            "deprecated 4:4-5:10 «Ghasem</i>\r\nSoleimani» -> Qassem Soleimani",
        ]
    );
}

#[test]
fn malformed_xliff_and_external_entities_are_reported_with_their_place() {
    let dir = tempfile::tempdir().expect("temp dir");
    let cases = [
        ("unclosed.xlf", "<xliff srcLang=\"en\">\n<file><unit><segment><source>Kirman\n"),
        ("mismatched.xlf", "<xliff srcLang=\"en\">\n<file><unit></file></xliff>\n"),
        (
            "xxe.xlf",
            "<!DOCTYPE xliff [<!ENTITY xxe SYSTEM \"file:///etc/hostname\">]>\n\
             <xliff srcLang=\"en\"><file><unit><segment><source>&xxe; Kirman</source></segment></unit></file></xliff>\n",
        ),
    ];
    for (name, text) in cases {
        fs::write(dir.path().join(name), text).expect("write");
    }
    let (output, json) = check_json(dir.path(), &["."]);
    assert_eq!(
        json["findings"].as_array().map(Vec::len),
        Some(0),
        "nothing is half-read"
    );
    let errors = json["errors"].as_array().expect("errors");
    assert_eq!(errors.len(), 3, "{}", String::from_utf8_lossy(&output.stdout));
    let rendered = serde_json::to_string(errors).expect("json");
    assert!(rendered.contains("xxe"), "{rendered}");
}

#[test]
#[cfg_attr(not(shared_data), ignore = "needs ../shared")]
fn every_mit_xliff_sample_parses() {
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/formats/xliff");
    let entries = fs::read_dir(&samples).unwrap_or_else(|e| panic!("{}: {e}", samples.display()));
    let mit: Vec<PathBuf> = entries
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| {
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
            // The translate-toolkit samples are GPL; only the MIT ones are used.
            name.starts_with("matecat-") || name.starts_with("locize-")
        })
        .collect();
    assert!(!mit.is_empty(), "no MIT samples in {}", samples.display());
    let args: Vec<&str> = mit.iter().filter_map(|p| p.to_str()).collect();
    let (output, json) = check_json(&samples, &args);
    assert_eq!(
        json["errors"].as_array().map(Vec::len),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
    assert_eq!(json["summary"]["files"], mit.len());
    // Each yields sources and targets, paired and with their languages.
    for path in &mit {
        let text = fs::read_to_string(path).expect("sample");
        let segments = Format::Xliff.segments(&text).expect("parses");
        let sources = segments.iter().filter(|s| s.role == Role::Source).count();
        assert!(sources > 0, "{}: no sources", path.display());
        assert!(
            segments.iter().all(|s| s.unit.is_some() && s.language.is_some()),
            "{}: a segment without unit or language",
            path.display()
        );
        for segment in &segments {
            let span = segment.span();
            assert!(text.get(span.clone()).is_some(), "{}: {span:?}", path.display());
        }
    }
}
