//! Small text helpers shared by parsers and metrics.

use unicode_segmentation::UnicodeSegmentation;

/// Counts words the way every metric does: Unicode words (UAX #29), with an
/// ASCII fast path, so "it's" is one word and "—" is none.
pub fn word_count(text: &str) -> usize {
    if text.is_ascii() {
        let mut n = 0;
        let mut in_word = false;
        let b = text.as_bytes();
        for (i, &c) in b.iter().enumerate() {
            let is_word = c.is_ascii_alphanumeric()
                || c == b'_'
                // apostrophes and dots inside words (it's, 3.5) keep the word
                || ((c == b'\'' || c == b'.' || c == b',') && in_word && b.get(i + 1).is_some_and(|n| n.is_ascii_alphanumeric()));
            if is_word && !in_word {
                n += 1;
            }
            in_word = is_word;
        }
        n
    } else {
        text.unicode_words().count()
    }
}

/// Iterates the Unicode words of `text`, lowercased.
pub fn words_lower(text: &str) -> impl Iterator<Item = String> + '_ {
    text.unicode_words().map(|w| w.to_lowercase())
}

/// Splits text into sentences (UAX #29), trimmed, with their byte offsets;
/// empty sentences are skipped. Every stage that reasons per sentence
/// (questions, pushes, signals) uses this one splitter so they agree.
pub fn sentences(text: &str) -> impl Iterator<Item = (usize, &str)> + '_ {
    text.split_sentence_bound_indices().filter_map(|(i, s)| {
        let lead = s.len() - s.trim_start().len();
        let t = s.trim();
        (!t.is_empty()).then_some((i + lead, t))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_fast_path_matches_unicode_words() {
        for s in [
            "Hello, it's me.",
            "  3.5 million -- no way  ",
            "U_S a-b c'd e.f, 1,000",
            "",
            "...",
            "Ja. Hm? Oké!",
        ] {
            assert_eq!(word_count(s), s.unicode_words().count(), "{s:?}");
        }
    }
}
