//! What the tier formats (ELAN, Praat TextGrid) share: the rule that tells
//! a tier of speech from a tier of something else by its name.

/// Words (whole tokens of a tier name or type, any case) that mark a tier as
/// something other than one speaker's words: the usual names in ELAN
/// templates, Praat and forced aligners for gaze, gesture, translation,
/// gloss, comment tiers, and for units below the word (phones, syllables),
/// whose text would count a speaker's speech a second time.
pub(crate) const NOT_SPEECH: &[&str] = &[
    "gaze",
    "gest",
    "gesture",
    "gestures",
    "translation",
    "translations",
    "transl",
    "gloss",
    "glosses",
    "comment",
    "comments",
    "note",
    "notes",
    "nonverbal",
    "action",
    "actions",
    "posture",
    "phone",
    "phones",
    "phoneme",
    "phonemes",
    "syllable",
    "syllables",
];

/// The first word of `name` in [`NOT_SPEECH`], lower-cased.
pub(crate) fn not_speech_word(name: &str) -> Option<String> {
    name.split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .find(|w| NOT_SPEECH.contains(&w.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_words_only() {
        assert_eq!(not_speech_word("A_Gaze").as_deref(), Some("gaze"));
        assert_eq!(not_speech_word("spk1 - phones").as_deref(), Some("phones"));
        assert_eq!(not_speech_word("Gazelle"), None);
        assert_eq!(not_speech_word("Telephone call"), None);
    }
}
