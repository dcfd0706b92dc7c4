//! Small text scans the findings share: finding a question in its
//! segment, and counting words without pause notation.

use regex::Regex;

/// `hay.find(needle)` for a short needle in a short text (a question in its
/// segment), without the general search's set-up per needle.
pub(crate) fn find_quick(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let Some(&first) = n.first() else {
        return Some(0);
    };
    if n.len() > h.len() {
        return None;
    }
    // Candidates are the places of the needle's first byte; a match there
    // is a char boundary (the needle starts with a char's first byte), so
    // this is `str::find`. After a few misses the general search takes over
    // (bounded work on repetitive text).
    let last = h.len() - n.len();
    let mut at = 0;
    for _ in 0..8 {
        match h[at..=last].iter().position(|&b| b == first) {
            None => return None,
            Some(p) if h[at + p..].starts_with(n) => return Some(at + p),
            Some(p) if at + p == last => return None,
            Some(p) => at += p + 1,
        }
    }
    // `at` follows a first byte: step to the next char boundary.
    let at = (at..=h.len()).find(|&i| hay.is_char_boundary(i)).unwrap_or(h.len());
    hay[at..].find(needle).map(|p| p + at)
}

/// True when `text` holds `(` or `[`, where pause notation starts. Bytes, not
/// chars: both are ASCII, and no byte of a multi-byte UTF-8 character is.
pub(crate) fn has_pause_mark(text: &str) -> bool {
    // Blocks of 32 bytes or-reduced without early exit (vectorised), so a
    // long segment is scanned at SIMD speed.
    let mark = |acc: u8, &b: &u8| acc | u8::from(b == b'(') | u8::from(b == b'[');
    let blocks = text.as_bytes().chunks_exact(32);
    let rest = blocks.remainder();
    blocks.into_iter().any(|c| c.iter().fold(0, mark) != 0) || rest.iter().fold(0, mark) != 0
}

/// Word count without pause notation: `(.)`, `(..)`, `(1.2)`, `[pause]`,
/// `[stilte]`, `[silence 3s]` are not words (SPEC §6.2).
pub(crate) fn content_words(text: &str) -> usize {
    use std::sync::OnceLock;
    static PAUSE: OnceLock<Regex> = OnceLock::new();
    let re = PAUSE.get_or_init(|| {
        Regex::new(r"(?i)\(\s*(?:\.+|\d+(?:[.,]\d+)?\s*s?)\s*\)|\[\s*(?:pause|stilte|silence|stil)[^\]]*\]")
            .expect("static pattern")
    });
    if has_pause_mark(text) {
        crate::text::word_count(&re.replace_all(text, " "))
    } else {
        crate::text::word_count(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn find_quick_finds_what_find_finds() {
        let cases = [
            ("Shall we? Shall we?", "Shall we?"),
            ("  Shall we?", "Shall we?"),
            ("  Shall we?", " Shall we?"),
            ("  Shall we?", ""),
            ("", ""),
            ("", "x"),
            ("\u{a0}\u{2003}Qué?", "Qué?"),
            ("ab ab", "b"),
            ("a", "ab"),
            (" x", "  x"),
            ("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxy", "xxy"),
            ("ab", "ab"),
            ("abab", "ba"),
            ("caf\u{e9} caf\u{e9}?", "\u{e9}?"),
            ("a\u{e9}b\u{e9}c", "\u{e9}c"),
            (
                "\u{e9}a\u{e9}a\u{e9}a\u{e9}a\u{e9}a\u{e9}a\u{e9}a\u{e9}a\u{e9}a\u{e9}a\u{e9}b",
                "\u{e9}b",
            ),
            ("xaxaxaxaxaxaxaxaxaxaxaxaxb", "xb"),
            ("xaxaxaxaxaxaxaxaxaxaxaxaxa", "xb"),
        ];
        for (hay, needle) in cases {
            assert_eq!(find_quick(hay, needle), hay.find(needle), "{hay:?} {needle:?}");
        }
    }

    #[test]
    fn find_quick_agrees_with_find_on_generated_text() {
        let alphabet = ['a', 'b', ' ', '\u{e9}', '\u{20ac}', '?'];
        let mut seed = 0x2545_f491_u64;
        let mut next = move |n: usize| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 33) as usize % n
        };
        for _ in 0..20_000 {
            let hay: String = (0..next(40)).map(|_| alphabet[next(alphabet.len())]).collect();
            let needle: String = (0..next(4)).map(|_| alphabet[next(alphabet.len())]).collect();
            assert_eq!(find_quick(&hay, &needle), hay.find(&needle), "{hay:?} {needle:?}");
        }
    }

    #[test]
    fn pause_mark_is_a_bracket_anywhere() {
        let long = "word ".repeat(20);
        let cases = [
            "".to_string(),
            "a".into(),
            "(".into(),
            "x[y".into(),
            "caf\u{e9} (1.2)".into(),
            "\u{ff08}".into(),
            "\u{1f600}]".into(),
            long.clone(),
            format!("{long}("),
            format!("[{long}"),
            format!("{}[{}", &long[..31], &long[31..]),
            format!("{}[{}", &long[..32], &long[32..]),
        ];
        for t in &cases {
            assert_eq!(has_pause_mark(t), t.contains(['(', '[']), "{t:?}");
        }
    }

    #[test]
    fn pause_notation_is_not_a_word() {
        assert_eq!(content_words("Geen idee eigenlijk. (1.2) Paar maanden?"), 5);
        assert_eq!(content_words("Eh (.) ja [pause] hoor"), 3);
    }
}
