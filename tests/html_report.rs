//! `--format html` (issue 18, item 4) without a browser: each finding's
//! marks hold exactly the file's bytes at its span, the page loads nothing
//! from anywhere, document text is escaped, right-to-left documents say so,
//! and large runs are cut (lines around the findings, later documents in
//! templates). The browser test (`.ci/html-report-test.sh`) loads the same
//! corpus in Chromium.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use common::{code, fixtures, termlint};
use serde_json::Value;

/// Runs `termlint check` over the HTML report's corpus with its
/// configuration and the shipped glossary.
fn corpus(format: &str) -> String {
    let output = termlint(&fixtures().join("html-report"))
        .args([
            "check",
            "--ui-lang",
            "en-US",
            "--format",
            format,
            "routes.md",
            "pilgrims.ar.md",
        ])
        .output()
        .expect("termlint runs");
    assert_eq!(code(&output), 1, "{}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).expect("UTF-8 output")
}

/// The text of the marks naming each finding id, in page order, unescaped.
fn marked(html: &str) -> BTreeMap<String, String> {
    let mut texts: BTreeMap<String, String> = BTreeMap::new();
    for part in html.split("<mark ").skip(1) {
        let ids = part
            .split("data-ids=\"")
            .nth(1)
            .and_then(|s| s.split('"').next())
            .unwrap();
        let inner = part.split_once('>').unwrap().1.split("</mark>").next().unwrap();
        let inner = html_escape::decode_html_entities(inner);
        for id in ids.split(' ') {
            texts.entry(id.to_string()).or_default().push_str(&inner);
        }
    }
    texts
}

/// The `data-` attributes of each finding of the side list, by id.
fn listed(html: &str) -> BTreeMap<String, BTreeMap<String, String>> {
    let mut items = BTreeMap::new();
    for part in html.split("<li class=\"finding ").skip(1) {
        let tag = part.split_once('>').unwrap().0;
        let attributes: BTreeMap<String, String> = tag
            .split(" data-")
            .skip(1)
            .filter_map(|pair| pair.split_once("=\""))
            .map(|(name, value)| {
                let value = value.split('"').next().unwrap();
                (
                    name.to_string(),
                    html_escape::decode_html_entities(value).into_owned(),
                )
            })
            .collect();
        items.insert(attributes["id"].clone(), attributes);
    }
    items
}

#[test]
fn every_finding_is_marked_with_exactly_its_bytes() {
    let html = corpus("html");
    let json: Value = serde_json::from_str(&corpus("json")).unwrap();
    let findings = json["findings"].as_array().unwrap();
    let (marks, list) = (marked(&html), listed(&html));
    assert_eq!(list.len(), findings.len(), "one list item per finding");
    assert!(findings.len() >= 7, "the corpus has its findings: {findings:?}");
    for finding in findings {
        let (start, end) = (
            finding["span"]["start"].as_u64().unwrap(),
            finding["span"]["end"].as_u64().unwrap(),
        );
        let path = finding["path"].as_str().unwrap();
        let (id, _) = list
            .iter()
            .find(|(_, item)| {
                item["path"] == path && item["start"] == start.to_string() && item["end"] == end.to_string()
            })
            .unwrap_or_else(|| panic!("{finding} is listed"));
        let bytes = std::fs::read(fixtures().join("html-report").join(path)).unwrap();
        let want = std::str::from_utf8(&bytes[start as usize..end as usize]).unwrap();
        // A finding across lines is marked on each, without the breaks.
        let want: String = want.chars().filter(|c| !matches!(c, '\n' | '\r')).collect();
        assert_eq!(marks[id], want, "the marks of finding {id}");
        assert_eq!(list[id]["check"], finding["check"].as_str().unwrap());
        assert_eq!(list[id]["severity"], finding["severity"].as_str().unwrap());
        assert_eq!(list[id]["concept"], finding["concept"].as_str().unwrap());
        assert!(
            html.contains(&format!("<span class=\"anchor\" id=\"f{id}\"></span>")),
            "finding {id} has a place"
        );
        assert!(
            html.contains(&format!("<a href=\"#f{id}\">")),
            "finding {id} links to its place"
        );
    }
    // Three severities, so that the severity filter has something to do.
    for severity in ["error", "warning", "info"] {
        assert!(
            html.contains(&format!("<option value=\"{severity}\">")),
            "{severity}"
        );
    }
}

#[test]
fn the_page_loads_nothing() {
    let html = corpus("html");
    for forbidden in [
        "http://",
        "https://",
        "<script src",
        "<link",
        " src=",
        "url(",
        "@import",
    ] {
        assert!(!html.contains(forbidden), "the page holds {forbidden:?}");
    }
    assert!(
        html.contains("content=\"default-src 'none';"),
        "a policy forbids other loads"
    );
    assert_eq!(html.matches("<script>").count(), 1, "one inline script");
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en-US\" dir=\"ltr\">"));
}

#[test]
fn right_to_left_documents_are_laid_out_right_to_left() {
    let html = corpus("html");
    let arabic = html.split("data-path=\"pilgrims.ar.md\"").nth(1).unwrap();
    assert!(
        arabic.contains("<div class=\"text\" dir=\"rtl\" lang=\"ar\">"),
        "{arabic}"
    );
    let english = html.split("data-path=\"routes.md\"").nth(1).unwrap();
    assert!(
        english.contains("<div class=\"text\" dir=\"ltr\" lang=\"en\">"),
        "{english}"
    );
    // Each line finds its own direction: an English line in an Arabic file
    // runs left to right.
    assert!(arabic.contains("<div class=\"line\" dir=\"auto\""));
    // A Persian interface lays the page out right to left.
    let output = termlint(&fixtures().join("html-report"))
        .args(["check", "--ui-lang", "fa", "--format", "html", "routes.md"])
        .output()
        .unwrap();
    let page = String::from_utf8(output.stdout).unwrap();
    assert!(
        page.contains("<html lang=\"fa\" dir=\"rtl\">"),
        "{}",
        &page[..200]
    );
    assert!(page.contains("<title>گزارش termlint</title>"));
}

#[test]
fn document_text_paths_and_forms_are_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let name = "<b>&\"odd\".txt";
    let text = "<script>alert(\"Kirman\")</script> & <i>Kirman</i> \"Kirman\" 'x'\n";
    std::fs::write(dir.path().join(name), text).unwrap();
    let output = termlint(dir.path())
        .args(["check", "--no-config", "--format", "html", name])
        .output()
        .unwrap();
    assert_eq!(code(&output), 1, "{}", String::from_utf8_lossy(&output.stderr));
    let html = String::from_utf8(output.stdout).unwrap();
    assert!(!html.contains("<script>alert"), "the text's markup is escaped");
    assert!(!html.contains("<i>Kirman"));
    assert!(!html.contains("<b>&"), "the path is escaped");
    assert!(
        html.contains("&lt;script&gt;alert(\"<span class=\"anchor\""),
        "{html}"
    );
    assert!(
        html.contains("data-path=\"&lt;b&gt;&amp;&quot;odd&quot;.txt\""),
        "{html}"
    );
    let marks = marked(&html);
    assert_eq!(marks.len(), 3);
    assert!(marks.values().all(|text| text == "Kirman"), "{marks:?}");
    // Unescaped, the page's text is the file's.
    let lines: String = html
        .split("<div class=\"line\"")
        .skip(1)
        .map(|line| {
            let inner = line.split_once('>').unwrap().1.split("</div>").next().unwrap();
            let mut plain = String::new();
            let mut in_tag = false;
            for c in inner.chars() {
                match c {
                    '<' => in_tag = true,
                    '>' => in_tag = false,
                    c if !in_tag => plain.push(c),
                    _ => {}
                }
            }
            html_escape::decode_html_entities(&plain).into_owned() + "\n"
        })
        .collect();
    assert_eq!(lines, text);
}

#[test]
fn large_runs_show_the_lines_around_findings_and_render_later_documents_when_opened() {
    let dir = tempfile::tempdir().unwrap();
    let mut long = String::new();
    for line in 1..=1000 {
        match line {
            500 => long.push_str("The road to Kirman is long.\n"),
            _ => long.push_str(&format!("Line {line} says nothing.\n")),
        }
    }
    std::fs::write(dir.path().join("a-long.md"), &long).unwrap();
    for n in 0..25 {
        std::fs::write(dir.path().join(format!("b-{n:02}.md")), "Kirman.\n").unwrap();
    }
    let output = termlint(dir.path())
        .args(["check", "--no-config", "--format", "html", "."])
        .output()
        .unwrap();
    let html = String::from_utf8(output.stdout).unwrap();
    let long_doc = html.split("<section class=\"doc\"").nth(1).unwrap();
    assert!(long_doc.contains("data-line=\"498\""), "context before");
    assert!(long_doc.contains("data-line=\"502\""), "context after");
    assert!(!long_doc.contains("data-line=\"497\""));
    assert!(!long_doc.contains("data-line=\"503\""));
    assert!(
        long_doc.contains("<div class=\"gap\">497 lines not shown</div>"),
        "{long_doc}"
    );
    assert!(
        long_doc.contains("<div class=\"gap\">498 lines not shown</div>"),
        "{long_doc}"
    );
    // 26 documents: the first 20 open, the other 6 in templates.
    assert_eq!(html.matches("<section class=\"doc\"").count(), 26);
    assert_eq!(html.matches("<details open>").count(), 20);
    assert_eq!(html.matches("<template>").count(), 6);
    assert_eq!(html.matches("</template>").count(), 6);
}

#[test]
fn a_run_without_findings_says_so() {
    let output = termlint(Path::new(env!("CARGO_MANIFEST_DIR")))
        .args([
            "check",
            "--no-config",
            "--format",
            "html",
            "tests/fixtures/texts/clean.md",
        ])
        .output()
        .unwrap();
    assert_eq!(code(&output), 0);
    let html = String::from_utf8(output.stdout).unwrap();
    assert!(html.contains("<p class=\"none\">No findings.</p>"), "{html}");
    assert!(html.trim_end().ends_with("</html>"));
}
