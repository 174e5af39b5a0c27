//! The writing system of a word, as far as names are compared across
//! languages: a spelling is compared with the forms of another language in
//! its own script, and a Cyrillic one with Latin forms too.

/// The writing systems told apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Script {
    /// Latin letters, with their diacritics.
    Latin,
    /// Cyrillic letters.
    Cyrillic,
    /// Arabic letters, as written in Arabic, Persian, Pashto and Urdu.
    Arabic,
    /// Any other writing system.
    Other,
}

/// The script of the first letter of `text`, if it has a letter.
pub fn script(text: &str) -> Option<Script> {
    let letter = text.chars().find(|c| c.is_alphabetic())?;
    Some(match letter {
        'A'..='Z' | 'a'..='z' | '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}' => Script::Latin,
        '\u{0400}'..='\u{052F}' => Script::Cyrillic,
        '\u{0600}'..='\u{06FF}'
        | '\u{0750}'..='\u{077F}'
        | '\u{FB50}'..='\u{FDFF}'
        | '\u{FE70}'..='\u{FEFF}' => Script::Arabic,
        _ => Script::Other,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_letter_names_the_script() {
        assert_eq!(script("«Kerman»"), Some(Script::Latin));
        assert_eq!(script("Керман"), Some(Script::Cyrillic));
        assert_eq!(script("کرمان"), Some(Script::Arabic));
        assert_eq!(script("東京"), Some(Script::Other));
        assert_eq!(script("2024"), None);
    }
}
