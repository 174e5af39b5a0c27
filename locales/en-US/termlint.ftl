# termlint's interface messages, English (United States): the fallback locale.
# Every message id here must exist in every other locale with the same
# variables, and no locale may have ids this file lacks (`cargo test` checks).
# Quoted terms ($found, $expected, $chosen, …) are inserted as written.

# The name of this language, in this language (termlint --list-ui-langs).
language-name = English

## Severities, as the first word of a diagnostic

severity-error = error
severity-warning = warning
severity-info = info

## Findings

finding-deprecated = “{ $found }” is a deprecated spelling of { $concept }
finding-admitted = “{ $found }” is an admitted spelling of { $concept }; only the preferred “{ $preferred }” is used here
finding-case = “{ $found }” is written in the wrong case: the glossary has “{ $expected }”
finding-inconsistent = “{ $found }” mixes spellings of { $concept }: this document writes “{ $chosen }” (first at { NUMBER($line, useGrouping: "false") }:{ NUMBER($column, useGrouping: "false") })
finding-inconsistent-project = “{ $found }” mixes spellings of { $concept }: this project writes “{ $chosen }” (first at { $path }:{ NUMBER($line, useGrouping: "false") }:{ NUMBER($column, useGrouping: "false") }; { $counts })
finding-inconsistent-undecided = “{ $found }” mixes spellings of { $concept } ({ $counts }), none more often than another: write the preferred “{ $chosen }”
finding-inconsistent-target = The source “{ $other }” is translated { $versions } ways in { $segments } segments; this one reads “{ $found }”
finding-inconsistent-source = “{ $found }” translates { $versions } different sources in { $segments } segments; this one is “{ $other }”
finding-other-language = “{ $found }” is the { $form-language } form of { $concept }; this text’s language has “{ $expected }”
finding-orthography = “{ $found }” is { $concept } written with letters other than the listed “{ $expected }”
segment-place = { $path }:{ NUMBER($line, useGrouping: "false") }:{ NUMBER($column, useGrouping: "false") } (segment { $segment }), version { $version }: “{ $text }”
segment-place-unnamed = { $path }:{ NUMBER($line, useGrouping: "false") }:{ NUMBER($column, useGrouping: "false") }, version { $version }: “{ $text }”
finding-unlisted = “{ $found }” looks like an unlisted spelling of { $concept } (nearest listed form “{ $nearest }”, confidence { $confidence }%)
finding-unused-suppression = “{ $found }” suppresses nothing
finding-missing-term = the source has “{ $source-term }” ({ $concept }), but the target has no form of it; expected “{ $expected }”
finding-untranslated-term = “{ $found }” is left in the source language ({ $concept }); the target language has “{ $expected }”
finding-in-segment = { $message } (segment { $segment })
finding-help = write “{ $suggestion }”
finding-help-missing = the target should contain “{ $suggestion }”
# A concept named by its preferred form in the interface language, then in
# the document's language.
concept-name = { $ui-form } ({ $document-form })

## Summary

summary = { $findings ->
        [0] no findings
        [one] 1 finding
       *[other] { $findings } findings
    } ({ $errors } { $errors ->
        [one] error
       *[other] errors
    }, { $warnings } { $warnings ->
        [one] warning
       *[other] warnings
    }{ $infos ->
        [0] {""}
        [one] , 1 info
       *[other] , { $infos } infos
    }) in { $files ->
        [one] 1 file
       *[other] { $files } files
    }{ $unreadable ->
        [0] {""}
        [one] ; 1 file could not be checked
       *[other] ; { $unreadable } files could not be checked
    }

## Files that could not be checked

file-not-found = { $path }: no such file or folder
file-unreadable = { $path }: cannot be read: { $reason }
file-binary = { $path }: binary file (contains NUL bytes), skipped
file-utf16 = { $path }: UTF-16 text (byte-order mark); termlint reads UTF-16 only in TMX and XLIFF files, and only when it is well formed, skipped
file-not-regular = { $path }: not a regular file (a FIFO, device or socket), not read
file-invalid-utf8 = { $path }: not valid UTF-8 (first bad byte at { NUMBER($line, useGrouping: "false") }:{ NUMBER($column, useGrouping: "false") }), skipped
file-malformed = { $path }:{ NUMBER($line, useGrouping: "false") }:{ NUMBER($column, useGrouping: "false") }: cannot be read in its format: { $detail }; skipped

## Why reading failed

io-not-found = no such file or folder
io-permission-denied = permission denied
io-invalid-utf8 = not valid UTF-8
# $detail is the operating system's own description.
io-other = { $detail }
io-not-regular = not a regular file (a FIFO, device or socket)
io-too-large = larger than { $limit }, the limit for such files ({ $variable } sets it)

## Glossary errors
# $detail is the TOML parser's own (English) description.

glossary-unreadable = { $location }: cannot read glossary: { $reason }
glossary-empty-folder = { $location }: the glossary folder holds no glossary file (.toml, .tbx, .csv, .tsv, .xlsx or .ods)
glossary-syntax = { $location }: { $detail }
glossary-bad-id = { $location }: invalid concept id “{ $id }” (use letters, digits, “-”, “_”, “.” or “:”)
glossary-duplicate-id = { $location }: concept id “{ $id }” is already used at { $first }
glossary-bad-language = { $location }: “{ $tag }” is not a valid BCP 47 language tag
glossary-missing-preferred = { $location }: concept “{ $concept }” has no preferred term for “{ $language }”
glossary-no-terms = { $location }: concept “{ $concept }” has no terms
glossary-empty-term = { $location }: empty term in concept “{ $concept }”
glossary-control-character = { $location }: a term of concept “{ $concept }” holds the control character { $character }; a term is one line of text without control characters
glossary-deprecated-and-recommended = { $location }: “{ $term }” of concept “{ $concept }” is deprecated and also { $status ->
        [preferred] preferred
       *[admitted] admitted
    } in “{ $language }” ({ $other })
glossary-too-large = the glossary is too large to compile: { $detail }
glossary-conflict = { $location }: “{ $term }” of concept “{ $concept }” folds to the same form as “{ $other-term }” of concept “{ $other-concept }” ({ $other })

## Configuration errors (termlint.toml)
# $detail is the TOML parser's or the glob library's own (English) description.

config-unreadable = { $location }: cannot read the configuration: { $reason }
config-syntax = { $location }: { $detail }
config-bad-language = { $location }: “{ $tag }” is not a valid BCP 47 language tag
config-bad-glob = { $location }: invalid glob “{ $glob }”: { $detail }
config-unknown-check = { $location }: unknown check “{ $check }” (checks: { $checks })
config-unknown-severity = { $location }: unknown severity “{ $severity }” (use error, warning, info or off)

## Usage errors

error-bad-language = “{ $tag }” is not a valid BCP 47 language tag
error-glossary-not-found = no concept or term “{ $query }” in the glossary
error-write-stdout = cannot write to standard output: { $reason }


## glossary list / show

glossary-list-header = { $count ->
        [one] 1 concept
       *[other] { $count } concepts
    }
glossary-show-concept = Concept { $id }: { $name }
glossary-show-kind = kind: { $kind }
glossary-show-domain = domain: { $domain }
glossary-show-note = note: { $note }
glossary-show-source = source: { $source }
glossary-show-defined = defined at { $location }
glossary-status-preferred = preferred
glossary-status-admitted = admitted
glossary-status-deprecated = deprecated
glossary-flag-case-sensitive = case-sensitive
glossary-flag-acronym = acronym
glossary-flag-short = short form
glossary-flag-translation = translation
glossary-flag-original = original name

## Kinds of concepts

kind-person = person
kind-organization = organization
kind-media = media outlet
kind-place = place
kind-term = term
kind-event = event

## Command-line help (termlint --help)

cli-usage-heading = Usage:
cli-commands-heading = Commands
cli-arguments-heading = Arguments
cli-options-heading = Options
cli-about = Checks names and terms in text against a multilingual glossary
cli-check-about = Check files, folders or standard input (-) against the glossary
cli-glossary-about = Inspect the glossary
cli-glossary-list-about = List every concept: id, kind and name
cli-glossary-show-about = Show one concept, found by id or by any of its terms in any spelling
cli-arg-ui-lang = Language of termlint’s messages (see --list-ui-langs; default: from TERMLINT_UI_LANG, LC_ALL, LC_MESSAGES or LANG)
cli-arg-list-ui-langs = List the languages of termlint's messages
cli-arg-paths = Files or folders to check; - reads standard input (default: the current folder)
cli-arg-lang = Language of the documents (BCP 47), unless termlint.toml maps their path (default: en)
cli-arg-format = Output format: human, json, jsonl (JSON Lines: one finding per line), sarif, github (workflow commands for GitHub Actions), checkstyle, usage (how the files use each form, for `merge`) or html (one self-contained page) (default: human)
cli-arg-glossary = A glossary file (.toml, .tbx, .csv, .tsv, .xlsx or .ods) or a folder of them (repeatable); adds to the built-in glossary
cli-arg-no-default-glossary = Leave out the glossary built into termlint
cli-arg-no-cache = Compile large glossaries afresh instead of reading the compiled-glossary cache
cli-arg-config = Use this configuration file instead of searching for termlint.toml
cli-arg-no-config = Ignore any termlint.toml
cli-arg-id-or-term = A concept id or a term
cli-arg-help = Print help
cli-arg-version = Print version

## glossary test and suggest

example-not-flagged = { $location }: example of “{ $concept }” should be flagged but is not: { $text }
example-flagged = { $location }: example of “{ $concept }” should be clean but gets { $checks }: { $text }
examples-summary = { $tested ->
        [one] 1 example tested
       *[other] { $tested } examples tested
    }, { $failed ->
        [0] all pass
        [one] 1 fails
       *[other] { $failed } fail
    }
cli-glossary-test-about = Check every example sentence of the glossary (exit 1 when one fails)
cli-glossary-suggest-about = Find variant spellings of names in a corpus and print them as glossary TOML
cli-glossary-terms-about = List the glossary concepts the files use, with forms and counts, and candidate terms missing from the glossary, as CSV or TBX
cli-arg-unlisted-threshold = The confidence (0 to 1) an unlisted finding needs (default: 0.75)
cli-arg-consistency = Judge consistency within each document or across the whole project: document or project (default: document)
cli-arg-fail-on = The least severity that fails the run (exit 1): error, warning or info (default: fail_on in termlint.toml, else error)
cli-arg-strict = Fail (exit 2) when an example sentence of the glossary does not behave as it says
config-bad-threshold = { $location }: unlisted_threshold { $value } is not between 0 and 1
config-unknown-scope = { $location }: unknown consistency scope “{ $scope }” (expected document or project)
config-override-without-condition = { $location }: an [[overrides]] table needs files, languages or both
config-unknown-fail-on = { $location }: unknown fail_on severity “{ $value }” (use error, warning or info)
error-bad-threshold = --unlisted-threshold { $value } is not between 0 and 1
cli-arg-source-lang = Language of bilingual sources whose file does not say it (default: en)
cli-arg-target-lang = Language of bilingual targets whose file does not say it (default: the document language)
cli-arg-format-in = Read inputs in this format whatever their extension: md, txt, html, xliff, tmx, po, ftl, tsv or csv
error-unknown-format = unknown input format “{ $format }” (expected md, txt, html, xliff, tmx, po, ftl, tsv or csv)

## Fixes

cli-arg-fix = Rewrite deprecated, inconsistent and case findings in place (atomic writes; a file changed on disk is left alone)
cli-arg-fix-unlisted = With --fix or --diff, also rewrite unlisted spellings
error-fix-unlisted-alone = --fix-unlisted works only with --fix or --diff
cli-arg-diff = Print only the unified diff the fixes would make on standard output, without writing; the findings go to standard error
fix-changed-on-disk = { $path }: changed on disk since it was read; not fixed
fix-write-failed = { $path }: the fix could not be written ({ $reason }); the file is unchanged
fix-damaged = { $path }: rewriting the file in place failed ({ $reason }), and so did writing its old text back: check it; the whole fixed text is in { $copy }
fix-skipped-overlap = { $path }: a fix at bytes { NUMBER($start, useGrouping: "false") }–{ NUMBER($end, useGrouping: "false") } overlaps an earlier one and was skipped; run --fix again
fix-summary = { $fixed ->
        [one] fixed 1 finding
       *[other] fixed { $fixed } findings
    } in { $files ->
        [one] 1 file
       *[other] { $files } files
    }
cli-arg-report-unused-suppressions = Report termlint-disable directives that suppress nothing
cli-arg-preferred-only = Report admitted spellings too, with the preferred form as fix (the admitted check)
cli-arg-skip-locked = Leave out segments locked in a translation tool (Trados, memoQ)
cli-arg-only-unconfirmed = Check only segments not yet confirmed or approved in a translation tool

## init

cli-init-about = Write a starter termlint.toml and glossary into the current folder, and print the pre-commit snippet
init-config-comment = termlint configuration: see “Configuration” in termlint's README.
    Paths are relative to this file.
init-glossary-comment = Your glossary: one [[concept]] per name, with its forms per language.
    Check it with: termlint glossary test
init-wrote = wrote { $path }
init-kept = kept { $path } (it exists already)
init-failed = cannot write { $path }: { $reason }
init-symlink = { $path } is a symbolic link, and termlint init does not write through links
init-pre-commit = To run termlint before every commit, add this to .pre-commit-config.yaml:

## Glossary interchange: TBX and CSV/TSV files (glossary import / export, --glossary)
# $detail is the XML or CSV parser's own (English) description.
# $element, $root and $name are XML names; $namespace is a URI.

glossary-xml = { $location }: not well-formed XML: { $detail }
glossary-xml-unclosed = { $location }: element <{ $element }> is never closed
glossary-xml-entity-declaration = { $location }: the file declares entities in its DOCTYPE; termlint never expands entities and does not read such files
glossary-xml-undefined-entity = { $location }: unknown entity “&{ $name };” (only &lt; &gt; &amp; &apos; &quot; and character references are read; nothing is expanded)
glossary-not-tbx = { $location }: not a TBX file: the root element is <{ $root }>, not <martif> or <tbx>
glossary-tbx-namespace = { $location }: <tbx> is in the namespace “{ $namespace }”, not urn:iso:std:iso:30042:ed-2
glossary-csv = { $location }: { $detail }
glossary-csv-no-language = { $location }: no header column names a language (write BCP 47 tags such as en, ru, fa)
glossary-workbook = { $location }: cannot read the workbook: { $detail }
glossary-sheet-no-language = { $location }: sheet “{ $sheet }”: no column of the header row (from cell { $cell }) names a language (write BCP 47 tags such as en, ru, fa)
glossary-sheet-cell = { $location }: sheet “{ $sheet }”, cell { $cell }: { $detail }

# $what names an XML element or data category as written in the file, such as descrip type="context".
import-dropped = { $path }: dropped, the glossary has no place for it: { $what } ({ $count ->
        [one] once
       *[other] { $count } times
    })
import-promoted = { $location }: concept “{ $concept }” has no preferred term in “{ $language }”; the admitted term “{ $term }” becomes preferred
import-demoted = { $location }: concept “{ $concept }” has several preferred terms in “{ $language }”; “{ $term }” becomes admitted
import-only-deprecated = { $location }: concept “{ $concept }” has only deprecated terms in “{ $language }”; that language is left out
import-no-languages = { $location }: concept “{ $concept }” has no language left; it is left out
import-renamed = { $location }: “{ $original }” is not a valid concept id for termlint; the concept is now “{ $concept }”
import-summary = { $path }: { $count ->
        [one] 1 concept imported
       *[other] { $count } concepts imported
    }
error-import-format = cannot tell the format of “{ $path }” from its extension (use .tbx, .csv, .tsv, .xlsx, .ods or .toml)
error-write-file = cannot write “{ $path }”: { $reason }
cli-glossary-import-about = Convert a TBX or CSV/TSV glossary to termlint TOML and list what it could not keep
cli-glossary-export-about = Write the glossary as TBX-Basic (TBX v3), CSV or TSV
cli-arg-import-file = The glossary to convert: .tbx, .csv, .tsv, .xlsx or .ods
cli-arg-export-to = Format to write: tbx, csv or tsv
cli-arg-terms-format = Format of the term list: csv (default) or tbx
cli-arg-min-count = How often a phrase must occur to be a candidate term (default 2)
cli-arg-output = Write to this file instead of standard output
cli-arg-files-from = Read the paths to check, one per line, from this file (- for standard input)
error-files-from = cannot read the list of paths { $path }: { $reason }
error-bad-size-limit = { $variable } is “{ $value }”, which is not a size (write a number of bytes or a size such as “512 MiB”)

## Language server (termlint lsp)

cli-lsp-about = Run a language server for editors over standard input and output
cli-arg-stdio = Talk over standard input and output (the only way the server talks; accepted because editors pass it)
lsp-fix-title = Replace “{ $found }” with “{ $replacement }”
lsp-malformed = this document cannot be read in its format and is not checked: { $detail }
lsp-load-failed = termlint cannot load its glossary or configuration, so the documents that use them are not checked: { $errors }
lsp-reload-failed = termlint cannot reload its glossary or configuration and keeps using the previous ones: { $errors }
## Output formats, --quiet, --statistics and progress

# One-line descriptions of the checks, for SARIF's rule list.
finding-rule-deprecated = A deprecated spelling of a glossary term is used
finding-rule-inconsistent = One document (or project) mixes several spellings of one concept
finding-rule-case = A case-sensitive term is written in another letter case
finding-rule-unlisted = A spelling of a glossary name that the glossary does not list
finding-rule-missing-term = A term of the source has no counterpart in the translation
finding-rule-untranslated-term = The translation keeps the source-language form of a term
finding-rule-unused-suppression = A termlint-disable directive suppresses nothing
finding-rule-admitted = An admitted spelling where only the preferred one is used
finding-rule-inconsistent-target = One source segment is translated in different ways
finding-rule-inconsistent-source = Different source segments are given the same translation
finding-rule-other-language = A form listed only for another language where the text’s language has its own
finding-rule-orthography = A listed form written with letters its language tells apart from the listed ones
# Headings of the --statistics tables; each row is a count and an id.
summary-statistics-checks = Findings by check:
summary-statistics-concepts = Findings by concept:
summary-statistics-count = { $count }
# The progress bar's text while checking a large tree.
summary-progress = { $done } of { $total } { $total ->
        [one] file
       *[other] files
    }, { $kilobytes } KB
cli-arg-quiet = Print only the findings: no summary and no progress bar (files that cannot be checked are still reported on standard error)
cli-arg-statistics = After the findings, print how many there are per check and per concept

cli-merge-about = Sum the uses of forms that `check --format usage` counted in parts of a project, for `check --project-usage`
cli-arg-project-usage = Judge consistency against a whole project's uses of forms (a file written by `termlint merge`)
cli-arg-usage-files = Usage files (`-` or none: standard input)
error-usage-alone = --format usage counts the uses of forms and reports nothing: it does not go with --fix, --diff, --project-usage or --statistics
error-usage-file = cannot read the usage file { $path }: { $reason }
error-usage-line = { $path }, line { $line }: not a line of form usage: { $reason }
warning-usage-unknown-forms = warning: { $count ->
    [one] { $count } form of the project usage is
   *[other] { $count } forms of the project usage are
} not in this glossary (counted with another one?) and { $count ->
    [one] is
   *[other] are
} left out

## HTML report (--format html)

html-title = termlint report
html-filter-all = all
html-filter-check = Check
html-filter-concept = Concept
html-filter-severity = Severity
html-concepts = Concepts
html-concept-column = Concept
html-forms-column = Forms found
html-files-column = Files
html-times = ×{ $count }
html-document-findings = { $findings ->
        [one] 1 finding
       *[other] { $findings } findings
    }
html-lines-left-out = { $lines ->
        [one] 1 line not shown
       *[other] { $lines } lines not shown
    }
html-no-findings = No findings.
html-errors = Files that could not be checked
