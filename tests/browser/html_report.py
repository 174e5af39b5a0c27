"""The HTML report in a real browser (headless Chromium, driven by Playwright).

Run by .ci/html-report-test.sh, which builds the report and the JSON report
of the same run over tests/fixtures/html-report/. Checks that

- the page loads nothing but itself (every other request fails the test);
- each finding of the JSON report is in the page, and the text of the marks
  naming it is exactly the file's bytes at its span;
- the Arabic document is laid out right to left, the English one left to
  right;
- each option of each filter (check, concept, severity) changes what is
  shown, and shows only the findings it names;
- a finding's link leads to its place, and its mark says the fix on hover;
- on a phone (390 px) nothing is wider than the screen;
- with --lazy-html (a run of 22 documents), the first 20 are rendered and
  the rest only when opened, by a link or by hand, filters applying to them;

and keeps screenshots at 1280 px and 390 px in the artifacts folder.
"""

import argparse
import json
import pathlib
import sys

from playwright.sync_api import sync_playwright

FAILURES = []


def check(condition, message):
    if not condition:
        FAILURES.append(message)
        print(f"FAIL: {message}", file=sys.stderr)


STATE = """() => {
  const visible = (e) => e.checkVisibility();
  const findings = [...document.querySelectorAll("li.finding")].map((li) => ({
    id: li.dataset.id, path: li.dataset.path, check: li.dataset.check,
    concept: li.dataset.concept, severity: li.dataset.severity,
    start: Number(li.dataset.start), end: Number(li.dataset.end),
    visible: visible(li),
  }));
  const marks = [...document.querySelectorAll("mark")].map((m) => ({
    ids: m.dataset.ids.split(" "), text: m.textContent,
    lit: visible(m) && !m.classList.contains("off"), title: m.title,
  }));
  return { findings, marks };
}"""


def lazy(page, url):
    """Documents after the 20th are rendered when opened, with the filters on."""
    page.goto(url)
    count = """(id) => { const s = document.getElementById(id);
        return { open: s.querySelector("details").open, marks: s.querySelectorAll("mark").length,
                 templates: s.querySelectorAll("template").length,
                 lit: [...s.querySelectorAll("mark")].filter((m) => !m.classList.contains("off")).map((m) => m.textContent) }; }"""
    sections = page.eval_on_selector_all("section.doc", "ss => ss.map(s => s.id)")
    check(len(sections) == 22, f"22 documents: {sections}")
    first, later = page.evaluate(count, "d0"), page.evaluate(count, "d20")
    check(first["open"] and first["marks"] == 1, f"the first document is rendered: {first}")
    check(not later["open"] and later["marks"] == 0 and later["templates"] == 1, f"the 21st waits: {later}")
    page.click('#concepts a[href="#d20"]')
    # Waits through selectors: a polled predicate would be evaluated as a
    # string, which the report's Content-Security-Policy forbids.
    page.wait_for_selector("#d20 details[open]")
    later = page.evaluate(count, "d20")
    check(later["marks"] == 1 and later["templates"] == 0, f"a link renders the 21st document: {later}")
    print(f"ok  lazy: a link opened and rendered d20 ({later['marks']} mark)")
    page.select_option("#filter-concept", "jalal-abad")
    hidden = page.evaluate("[...document.querySelectorAll('section.doc')].filter(s => s.hidden).length")
    check(hidden == 21, f"the concept filter hides the 21 documents without it ({hidden})")
    page.click("#d21 summary")
    page.wait_for_selector("#d21 template", state="detached")
    last = page.evaluate(count, "d21")
    check(last["open"] and last["marks"] == 2 and last["lit"] == ["Jalalabat"],
          f"opened by hand, the 22nd document is rendered and filtered: {last}")
    print(f"ok  lazy: opened by hand, d21 shows {last['lit']} lit of {last['marks']} marks")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--html", required=True, type=pathlib.Path)
    parser.add_argument("--json", required=True, type=pathlib.Path)
    parser.add_argument("--root", required=True, type=pathlib.Path, help="the folder the paths are relative to")
    parser.add_argument("--artifacts", required=True, type=pathlib.Path)
    parser.add_argument("--lazy-html", type=pathlib.Path, help="a report of more documents than are open")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args()
    args.artifacts.mkdir(parents=True, exist_ok=True)
    expected = json.loads(args.json.read_text(encoding="utf-8"))["findings"]
    check(len(expected) > 0, "the corpus has findings")
    url = args.html.resolve().as_uri()

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=args.chromium)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        requests = []
        page.on("request", lambda request: requests.append(request.url))
        page.goto(url)
        page.wait_for_load_state("load")
        check(requests == [url], f"the page loads nothing but itself: {requests}")

        state = page.evaluate(STATE)
        shown = {(f["path"], f["start"], f["end"], f["check"]): f for f in state["findings"]}
        check(len(state["findings"]) == len(expected),
              f"{len(state['findings'])} findings in the page, {len(expected)} in the JSON report")
        for finding in expected:
            key = (finding["path"], finding["span"]["start"], finding["span"]["end"], finding["check"])
            in_page = shown.get(key)
            if in_page is None:
                check(False, f"finding {key} is in the page")
                continue
            source = (args.root / finding["path"]).read_bytes()
            raw = source[key[1]:key[2]].decode("utf-8")
            # A finding across lines is marked on each, without the breaks.
            want = raw.replace("\r\n", "").replace("\n", "").replace("\r", "")
            marks = [m for m in state["marks"] if in_page["id"] in m["ids"]]
            got = "".join(m["text"] for m in marks)
            check(got == want, f"the marks of {key} read {got!r}, the file {want!r}")
            check(raw == finding["found"], f"the JSON report's found {finding['found']!r} is the span {raw!r}")
            if finding["suggestion"]:
                check(all(finding["suggestion"] in m["title"] for m in marks),
                      f"the marks of {key} say {finding['suggestion']!r} on hover")
            print(f"ok  {key[0]}:{key[1]}..{key[2]} {key[3]} {got!r}")

        # Right to left where the document is Arabic, left to right in English.
        directions = page.evaluate("""() => [...document.querySelectorAll("section.doc")].map((s) => ({
            path: s.dataset.path,
            text: getComputedStyle(s.querySelector(".text")).direction,
            lines: [...s.querySelectorAll(".line")].filter((l) => l.textContent.trim())
                      .map((l) => getComputedStyle(l).direction)}))""")
        for doc in directions:
            want = "rtl" if doc["path"].endswith(".ar.md") else "ltr"
            check(doc["text"] == want and set(doc["lines"]) == {want},
                  f"{doc['path']} is laid out {want}: {doc}")

        # Each filter option changes what is shown, and shows only its findings.
        all_lit = sum(m["lit"] for m in state["marks"])
        all_items = sum(f["visible"] for f in state["findings"])
        for name in ("check", "concept", "severity"):
            options = page.eval_on_selector_all(f"#filter-{name} option", "os => os.map(o => o.value)")
            check(len(options) > 2, f"the {name} filter offers several values: {options}")
            for value in options[1:]:
                page.select_option(f"#filter-{name}", value)
                after = page.evaluate(STATE)
                items = [f for f in after["findings"] if f["visible"]]
                lit = [m for m in after["marks"] if m["lit"]]
                check(0 < len(items) < all_items and len(lit) < all_lit,
                      f"{name}={value} shows fewer findings ({len(items)} of {all_items}) and marks ({len(lit)} of {all_lit})")
                check(all(f[name] == value for f in items), f"{name}={value} shows only its findings")
                wanted = {f["id"] for f in after["findings"] if f[name] == value}
                check(all(set(m["ids"]) & wanted for m in lit), f"{name}={value} lights only its marks")
                check({m_id for m in lit for m_id in m["ids"]} >= wanted, f"{name}={value} lights all its marks")
                print(f"ok  filter {name}={value}: {len(items)} findings, {len(lit)} marks")
            page.select_option(f"#filter-{name}", "")
        check(sum(f["visible"] for f in page.evaluate(STATE)["findings"]) == all_items, "clearing the filters shows all")

        # A finding's link leads to its place.
        last = state["findings"][-1]
        page.click(f'li.finding[data-id="{last["id"]}"] a')
        check(page.evaluate("location.hash") == f"#f{last['id']}", "the link sets the place")
        in_view = page.evaluate(f"""() => {{
            const r = document.getElementById("f{last['id']}").nextElementSibling.getBoundingClientRect();
            return r.top >= 0 && r.bottom <= innerHeight; }}""")
        check(in_view, "the finding's mark is on screen after following its link")

        page.evaluate("() => { location.hash = ''; scrollTo(0, 0); }")
        page.screenshot(path=str(args.artifacts / "html-report-desktop.png"), full_page=True)

        phone = browser.new_page(viewport={"width": 390, "height": 844}, device_scale_factor=1,
                                 is_mobile=True, has_touch=True)
        phone.goto(url)
        width = phone.evaluate("document.documentElement.scrollWidth")
        check(width <= 390, f"the page fits a phone's width (scrollWidth {width})")
        phone.screenshot(path=str(args.artifacts / "html-report-phone.png"), full_page=True)
        if args.lazy_html:
            lazy(browser.new_page(viewport={"width": 1280, "height": 900}), args.lazy_html.resolve().as_uri())
        browser.close()

    if FAILURES:
        print(f"{len(FAILURES)} failed", file=sys.stderr)
        return 1
    print(f"html report: all checks passed; screenshots in {args.artifacts}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
