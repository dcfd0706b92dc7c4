//! Bytes to text: BOMs (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE), Windows-1252
//! fallback with a warning, and a binary check.

use std::borrow::Cow;

use crate::{Error, Warning};

/// Decodes input bytes to text. Returns the text (borrowed from `bytes`
/// when they are UTF-8 already, as nearly all input is) and warnings.
pub fn decode(bytes: &[u8]) -> Result<(Cow<'_, str>, Vec<Warning>), Error> {
    let mut warnings = Vec::new();
    // UTF-32 BOMs first: the UTF-32 LE BOM starts with the UTF-16 LE one.
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE, 0x00, 0x00]) {
        return decode_utf32(rest, false).map(|s| (Cow::Owned(s), warnings));
    }
    if let Some(rest) = bytes.strip_prefix(&[0x00, 0x00, 0xFE, 0xFF]) {
        return decode_utf32(rest, true).map(|s| (Cow::Owned(s), warnings));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return decode_utf8_or_1252(rest, &mut warnings).map(|s| (s, warnings));
    }
    if bytes.starts_with(&[0xFF, 0xFE]) {
        let (s, _, bad) = encoding_rs::UTF_16LE.decode(bytes);
        if bad {
            warnings.push(Warning::new(0, "invalid UTF-16 sequences replaced with U+FFFD"));
        }
        return Ok((Cow::Owned(s.into_owned()), warnings));
    }
    if bytes.starts_with(&[0xFE, 0xFF]) {
        let (s, _, bad) = encoding_rs::UTF_16BE.decode(bytes);
        if bad {
            warnings.push(Warning::new(0, "invalid UTF-16 sequences replaced with U+FFFD"));
        }
        return Ok((Cow::Owned(s.into_owned()), warnings));
    }
    decode_utf8_or_1252(bytes, &mut warnings).map(|s| (s, warnings))
}

fn decode_utf8_or_1252<'a>(bytes: &'a [u8], warnings: &mut Vec<Warning>) -> Result<Cow<'a, str>, Error> {
    check_binary(bytes)?;
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(Cow::Borrowed(s)),
        Err(_) => {
            let (s, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            warnings.push(Warning::new(0, "input is not valid UTF-8; decoded as Windows-1252"));
            Ok(Cow::Owned(s.into_owned()))
        }
    }
}

/// Rejects input that is clearly binary: NUL bytes, or many control bytes
/// in the first 8 KiB.
fn check_binary(bytes: &[u8]) -> Result<(), Error> {
    let head = &bytes[..bytes.len().min(8192)];
    if head.is_empty() {
        return Ok(());
    }
    if let Some(pos) = memchr::memchr(0, head) {
        return Err(Error::Binary {
            path: None,
            why: format!("NUL byte at offset {pos}"),
        });
    }
    // CHAT uses \x15 as its bullet delimiter, so that one is allowed.
    let ctrl = count_control(head);
    if ctrl * 20 > head.len() {
        return Err(Error::Binary {
            path: None,
            why: format!("{ctrl} control bytes in the first {} bytes", head.len()),
        });
    }
    Ok(())
}

/// Control bytes other than line ends, tab, form feed and CHAT's bullet.
/// Counted in blocks of at most 255 bytes with a one-byte counter, which the
/// compiler vectorises (the count of a plain `filter` goes byte by byte).
fn count_control(bytes: &[u8]) -> usize {
    let is_control = |b: u8| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C | 0x15);
    bytes
        .chunks(255)
        .map(|block| block.iter().fold(0u8, |n, &b| n + u8::from(is_control(b))) as usize)
        .sum()
}

fn decode_utf32(bytes: &[u8], big_endian: bool) -> Result<String, Error> {
    let mut out = String::with_capacity(bytes.len() / 4);
    for chunk in bytes.chunks(4) {
        if chunk.len() < 4 {
            out.push('\u{FFFD}');
            break;
        }
        let arr = [chunk[0], chunk[1], chunk[2], chunk[3]];
        let v = if big_endian {
            u32::from_be_bytes(arr)
        } else {
            u32::from_le_bytes(arr)
        };
        out.push(char::from_u32(v).unwrap_or('\u{FFFD}'));
    }
    Ok(out)
}

/// Normalises line ends (CRLF and lone CR become LF).
pub fn normalize_newlines(s: &str) -> std::borrow::Cow<'_, str> {
    if memchr::memchr(b'\r', s.as_bytes()).is_none() {
        return std::borrow::Cow::Borrowed(s);
    }
    // One pass instead of replacing CRLF and then lone CR: each CR becomes
    // LF and swallows an LF right after it.
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('\r') {
        out.push_str(&rest[..i]);
        out.push('\n');
        rest = &rest[i + 1..];
        rest = rest.strip_prefix('\n').unwrap_or(rest);
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn newlines_as_two_replacements() {
        for s in [
            "",
            "a",
            "\r",
            "\n",
            "a\r\nb",
            "\r\r\n",
            "\r\n\n",
            "\n\r",
            "a\rb\r",
            "é\r\nü\r\r\n\r",
        ] {
            assert_eq!(
                normalize_newlines(s),
                s.replace("\r\n", "\n").replace('\r', "\n"),
                "{s:?}"
            );
        }
    }

    #[test]
    fn control_count_equals_filter() {
        let bytes: Vec<u8> = (0..3000u32)
            .map(|i| (i.wrapping_mul(2654435761) >> 7) as u8 % 40)
            .collect();
        for len in [0, 1, 254, 255, 256, 511, 3000] {
            let b = &bytes[..len];
            let want = b
                .iter()
                .filter(|&&c| c < 0x20 && !matches!(c, b'\n' | b'\r' | b'\t' | 0x0C | 0x15))
                .count();
            assert_eq!(count_control(b), want, "{len}");
        }
        assert_eq!(count_control(&[1u8; 600]), 600);
    }

    #[test]
    fn boms_and_fallback() {
        assert_eq!(decode(b"\xEF\xBB\xBFhi").unwrap().0, "hi");
        assert_eq!(decode(&[0xFF, 0xFE, b'h', 0, b'i', 0]).unwrap().0, "hi");
        assert_eq!(decode(&[0xFE, 0xFF, 0, b'h', 0, b'i']).unwrap().0, "hi");
        assert_eq!(decode(&[0xFF, 0xFE, 0, 0, b'h', 0, 0, 0]).unwrap().0, "h");
        assert_eq!(decode(&[0, 0, 0xFE, 0xFF, 0, 0, 0, b'h']).unwrap().0, "h");
        let (s, w) = decode(b"caf\xE9").unwrap();
        assert_eq!(s, "café");
        assert_eq!(w.len(), 1);
        assert!(decode(b"\x00\x01\x02binary").is_err());
    }
}
