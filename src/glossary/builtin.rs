//! The glossary shipped with termlint, embedded so that it works with no files.

/// The built-in glossary files: name and TOML source. A test checks that
/// this list names every file of `glossary/`.
pub const BUILTIN_FILES: &[(&str, &str)] = &[
    ("glossary/media.toml", include_str!("../../glossary/media.toml")),
    (
        "glossary/organizations.toml",
        include_str!("../../glossary/organizations.toml"),
    ),
    ("glossary/people.toml", include_str!("../../glossary/people.toml")),
    ("glossary/places.toml", include_str!("../../glossary/places.toml")),
    ("glossary/terms.toml", include_str!("../../glossary/terms.toml")),
];
