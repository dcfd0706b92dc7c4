//! Caption text clean-up shared by the SRT and WebVTT readers: finding
//! `-->`, markup tags, character references, and whitespace.

/// Whether a line holds `-->`. Asked of every caption line: a plain byte
/// scan costs less on short lines than setting up a substring searcher.
pub(crate) fn has_arrow(line: &str) -> bool {
    // Each `>` (found by memchr) is checked for the two dashes before it.
    let b = line.as_bytes();
    let mut from = 0;
    while let Some(p) = memchr::memchr(b'>', &b[from..]) {
        let at = from + p;
        if at >= 2 && &b[at - 2..at] == b"--" {
            return true;
        }
        from = at + 1;
    }
    false
}

/// Length of a markup tag at the start of `s` (`<b>`, `</font>`,
/// `<font color="red">`), or `None` when the `<` is plain text (`2<3`).
/// `close` is the offset of the first `>` in `s`, found by a [`NextByte`].
pub(crate) fn tag_len(s: &str, close: Option<usize>) -> Option<usize> {
    let mut chars = s.chars();
    chars.next()?;
    let second = chars.next()?;
    if !(second.is_ascii_alphabetic() || second == '/') {
        return None;
    }
    close.map(|i| i + 1)
}

/// The next occurrence of one byte at or after a position that only moves
/// forward, remembered between calls. Markup scanners ask "where is the next
/// `>`?" at every `<`; searching afresh each time made a cue full of unclosed
/// `<b` quadratic (a 400 kB cue took seconds), this keeps it linear.
pub(crate) struct NextByte<'a> {
    hay: &'a [u8],
    byte: u8,
    /// The last answer: `Some(None)` means none left anywhere after.
    last: Option<Option<usize>>,
}

impl<'a> NextByte<'a> {
    pub(crate) fn new(hay: &'a str, byte: u8) -> NextByte<'a> {
        NextByte {
            hay: hay.as_bytes(),
            byte,
            last: None,
        }
    }

    /// Absolute position of the next `byte` at or after `pos`.
    pub(crate) fn at(&mut self, pos: usize) -> Option<usize> {
        match self.last {
            Some(None) => return None,
            Some(Some(p)) if p >= pos => return Some(p),
            _ => {}
        }
        let found = self
            .hay
            .get(pos..)?
            .iter()
            .position(|&b| b == self.byte)
            .map(|i| i + pos);
        self.last = Some(found);
        found
    }

    /// Offset of the next `byte` counted from `pos`.
    pub(crate) fn relative(&mut self, pos: usize) -> Option<usize> {
        self.at(pos).map(|p| p - pos)
    }
}

/// Decodes a character reference at the start of `s` (`&amp;`, `&#39;`,
/// `&#x27;`): the text and the bytes consumed. Unknown names stay literal.
pub(crate) fn decode_entity(s: &str) -> Option<(String, usize)> {
    let semi = s.char_indices().take(12).find(|&(_, c)| c == ';')?.0;
    let name = &s[1..semi];
    let decoded = match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{00A0}',
        "lrm" => '\u{200E}',
        "rlm" => '\u{200F}',
        _ => {
            let code = if let Some(hex) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
                u32::from_str_radix(hex, 16).ok()?
            } else if let Some(dec) = name.strip_prefix('#') {
                dec.parse::<u32>().ok()?
            } else {
                return None;
            };
            char::from_u32(code).filter(|&c| c != '\0')?
        }
    };
    Some((decoded.to_string(), semi + 1))
}

/// Collapses whitespace (line breaks, no-break spaces) to single spaces and
/// drops invisible direction and byte-order marks, which are not words.
pub(crate) fn tidy(s: &str) -> String {
    if s.is_ascii() {
        // The same split on bytes: the ASCII whitespace of `char::is_whitespace`
        // is tab, line feed, vertical tab, form feed, carriage return, space.
        let mut out = String::with_capacity(s.len());
        for piece in s
            .split(|c: char| matches!(c, '\t'..='\r' | ' '))
            .filter(|p| !p.is_empty())
        {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(piece);
        }
        return out;
    }
    // One pass: the removed marks are not whitespace, so dropping them from
    // each whitespace-separated piece (and pieces left empty) gives what
    // removing them first and splitting after gives.
    let mut out = String::with_capacity(s.len());
    for piece in s.split_whitespace() {
        let sep = !out.is_empty();
        if piece.is_ascii() {
            if sep {
                out.push(' ');
            }
            out.push_str(piece);
            continue;
        }
        let mut any = false;
        for c in piece
            .chars()
            .filter(|c| !matches!(c, '\u{200E}' | '\u{200F}' | '\u{FEFF}'))
        {
            if !any && sep {
                out.push(' ');
            }
            any = true;
            out.push(c);
        }
    }
    out
}

/// Whether [`tidy`] would return the text unchanged, judged on ASCII only:
/// no byte outside ASCII or of the other whitespace (tab to carriage
/// return), no two spaces in a row, none at either end. Asked of every cue
/// and label, so it reads eight bytes at a time and only collects flags in
/// the loop (no branch, nothing carried from one word to the next): a
/// second read one byte further on pairs every byte with the next for the
/// double-space test. A control byte sends it to the byte loop.
pub(crate) fn is_tidy_ascii(b: &[u8]) -> bool {
    const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const SPACES: u64 = 0x2020_2020_2020_2020;
    // The high bit of each byte of `y` that is zero; exact, as no sum
    // carries into the next byte.
    let zero_bytes = |y: u64| !(((y & LOW7) + LOW7) | y) & HIGH;
    let word = |i: usize| u64::from_le_bytes(b[i..i + 8].try_into().expect("eight bytes"));
    if b.first() == Some(&b' ') || b.last() == Some(&b' ') {
        return false;
    }
    let (mut high, mut low, mut double) = (0u64, 0u64, 0u64);
    let mut i = 0;
    while i + 9 <= b.len() {
        let (x, next) = (word(i), word(i + 1));
        high |= x;
        // Bytes below 0x20 (and 0x80..0x9F) have neither bit 5 nor bit 6.
        low |= zero_bytes(x & 0x6060_6060_6060_6060);
        double |= zero_bytes(x ^ SPACES) & zero_bytes(next ^ SPACES);
        i += 8;
    }
    if high & HIGH != 0 || double != 0 {
        return false;
    }
    if low != 0 {
        return is_tidy_ascii_bytes(b);
    }
    // The tail, paired with the byte before it (already checked itself).
    tidy_bytes(&b[i..], i > 0 && b[i - 1] == b' ')
}

/// [`is_tidy_ascii`] byte by byte.
fn is_tidy_ascii_bytes(b: &[u8]) -> bool {
    tidy_bytes(b, false) && b.first() != Some(&b' ') && b.last() != Some(&b' ')
}

/// Whether every byte of `b` is one [`tidy`] leaves as it is: ASCII, not
/// tab to carriage return, no space after a space (`space_before`: the byte
/// before `b` is a space).
fn tidy_bytes(b: &[u8], mut space_before: bool) -> bool {
    for &c in b {
        if c >= 0x80 || c.wrapping_sub(b'\t') <= b'\r' - b'\t' || (c == b' ' && space_before) {
            return false;
        }
        space_before = c == b' ';
    }
    true
}

/// [`tidy`] of a string the caller owns: ASCII text that is tidy already
/// (single spaces between words, no other whitespace, as most cues are) is
/// returned as it is instead of copied.
pub(crate) fn tidy_owned(s: String) -> String {
    if is_tidy_ascii(s.as_bytes()) {
        s
    } else {
        tidy(&s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrows() {
        for (line, want) in [
            ("", false),
            ("-->", true),
            ("->", false),
            ("-- >", false),
            (">-->", true),
            ("a --> b", true),
            ("--->", true),
            ("<->>-->", true),
            ("é-->", true),
            ("é->>", false),
        ] {
            assert_eq!(has_arrow(line), want, "{line:?}");
            assert_eq!(has_arrow(line), line.contains("-->"), "{line:?}");
        }
    }

    #[test]
    fn tidy_check_equals_tidy() {
        for s in [
            "",
            " ",
            "a",
            "a b",
            "a  b",
            " a",
            "a ",
            "a\tb",
            "a\nb",
            "a\x0bb",
            "a\x0cb",
            "a\rb",
            "a\x1cb",
            "é",
            "a\u{a0}b",
            "a b c d e f g h i j k l m n o p q r s t u v w x y z a b c d e f g h i j k l m n o p q r s t u v w x y z",
            "a b c d e f g h i j k l m n o p q r s t u v w x y z a b c d e f g h i j k l m n o p q r s t u v w x y  z",
        ] {
            assert_eq!(is_tidy_ascii(s.as_bytes()), s.is_ascii() && tidy(s) == s, "{s:?}");
        }
        // Every string of up to 20 bytes from a small alphabet, in every
        // position relative to the eight-byte words.
        let alphabet = [b'a', b' ', b'\t', b'\x1c', 0xC3, b'\r', b'~'];
        let mut n = 0;
        for len in 0..=40usize {
            for seed in 0..400u64 {
                let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ (len as u64);
                let bytes: Vec<u8> = (0..len)
                    .map(|_| {
                        x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                        // Mostly letters and spaces, so tidy strings occur.
                        let k = (x >> 33) as usize % 16;
                        alphabet[if k < 7 {
                            0
                        } else if k < 12 {
                            1
                        } else {
                            k - 10
                        }]
                    })
                    .collect();
                let want = is_tidy_ascii_bytes(&bytes);
                assert_eq!(is_tidy_ascii(&bytes), want, "{bytes:?}");
                if let Ok(s) = std::str::from_utf8(&bytes) {
                    assert_eq!(want, s.is_ascii() && tidy(s) == s, "{s:?}");
                }
                n += 1;
            }
        }
        assert!(n > 16000);
    }

    #[test]
    fn tidy_equals_remove_then_collapse() {
        let slow = |s: &str| {
            let cleaned: String = s
                .chars()
                .filter(|c| !matches!(c, '\u{200E}' | '\u{200F}' | '\u{FEFF}'))
                .collect();
            cleaned.split_whitespace().collect::<Vec<_>>().join(" ")
        };
        for s in [
            "",
            " ",
            "a",
            "  a  b ",
            "a\u{200E} b",
            "a \u{200E} b",
            " \u{200E} ",
            "\u{FEFF}x\u{200F}y  z",
            "\u{200E}\u{200F} a",
            "é  \t è\n",
            "a\u{a0}b \u{2003} c",
            "a\x0bb\x0cc\x1cd\x1fe",
            "a\r\nb\t\tc ",
            "a b  c",
            "\x0b",
        ] {
            assert_eq!(tidy(s), slow(s), "{s:?}");
            assert_eq!(tidy_owned(s.to_string()), slow(s), "{s:?}");
        }
    }
}
