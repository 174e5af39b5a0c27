# termlint's interface messages, English (United States): the fallback locale.
# Every message id here must exist in every other locale with the same variables.

## Findings

finding-deprecated = “{ $found }” is a deprecated spelling of { $concept }
finding-case = “{ $found }” is written in the wrong case: the glossary has “{ $expected }”
finding-inconsistent = “{ $found }” mixes spellings of { $concept }: this document writes “{ $chosen }” (first at { $line }:{ $column })
finding-inconsistent-project = “{ $found }” mixes spellings of { $concept }: this project writes “{ $chosen }” (first at { $path }:{ $line }:{ $column }; { $counts })
finding-unlisted = “{ $found }” looks like an unlisted spelling of { $concept } (nearest listed form “{ $nearest }”, confidence { $confidence }%)
finding-help = write “{ $suggestion }”

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
file-invalid-utf8 = { $path }: not valid UTF-8 (first bad byte at { $line }:{ $column }), skipped

## Glossary errors

glossary-unreadable = { $location }: cannot read glossary: { $reason }
glossary-empty-folder = { $location }: glossary folder holds no .toml file
glossary-syntax = { $location }: { $detail }
glossary-bad-id = { $location }: invalid concept id “{ $id }” (use letters, digits, “-”, “_”, “.” or “:”)
glossary-duplicate-id = { $location }: concept id “{ $id }” is already used at { $first }
glossary-bad-language = { $location }: “{ $tag }” is not a valid BCP 47 language tag
glossary-missing-preferred = { $location }: concept “{ $concept }” has no preferred term for “{ $language }”
glossary-no-terms = { $location }: concept “{ $concept }” has no terms
glossary-empty-term = { $location }: empty term in concept “{ $concept }”
glossary-too-large = the glossary is too large to compile: { $detail }
glossary-conflict = { $location }: “{ $term }” of concept “{ $concept }” folds to the same form as “{ $other-term }” of concept “{ $other-concept }” ({ $other })

## Configuration and usage errors

config-error = { $location }: { $detail }
error-bad-language = “{ $tag }” is not a valid BCP 47 language tag
error-glossary-not-found = no concept or term “{ $query }” in the glossary
error-prefix = error

## glossary test

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

## glossary list / show

glossary-list-header = { $count ->
        [one] 1 concept
       *[other] { $count } concepts
    }
glossary-show-concept = Concept { $id }
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
