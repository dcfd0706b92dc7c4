//! Time code parsing shared by the caption and text parsers.

/// Parses `[hh:]mm:ss[.,]fff` and looser variants (`0:0:0.570`, `00:00:0,000`)
/// into seconds. Returns `None` for anything else.
pub fn parse_clock(s: &str) -> Option<f64> {
    let s = s.trim();
    if s.is_empty() || s.len() > 32 {
        return None;
    }
    let (main, frac) = match s.find(['.', ',']) {
        Some(i) => (&s[..i], Some(&s[i + 1..])),
        None => (s, None),
    };
    let parts: Vec<&str> = main.split(':').collect();
    if parts.len() < 2
        || parts.len() > 3
        || parts
            .iter()
            .any(|p| p.is_empty() || p.len() > 6 || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let secs = match parts.as_slice() {
        [m, s] => digits_value(m) * 60.0 + digits_value(s),
        [h, m, s] => digits_value(h) * 3600.0 + digits_value(m) * 60.0 + digits_value(s),
        _ => return None,
    };
    let frac = match frac {
        Some(f) if !f.is_empty() && f.len() <= 9 && f.bytes().all(|b| b.is_ascii_digit()) => {
            digits_value(f) / 10f64.powi(f.len() as i32)
        }
        Some(_) => return None,
        None => 0.0,
    };
    Some(secs + frac)
}

/// Parses one caption time stamp the way real caption files write it:
/// `[h:]m:s` plus a fraction after `.` or `,` of one to three digits.
/// Fields may be short (`0:0:0.570`, Teams; `00:00:0,000`, SRT) and hours may
/// have any number of digits, but minutes (when hours are given) and seconds
/// must stay below 60 and the fraction is required: `00:00:01` without
/// milliseconds is not a caption time. Returns `None` for anything else.
pub fn parse_caption_time(s: &str) -> Option<f64> {
    let s = s.trim();
    if s.len() == 12 {
        if let Some((_, t)) = fixed_clock(s.as_bytes()) {
            return t;
        }
    }
    general_caption_time(s)
}

/// `hh:mm:ss` and a three-digit fraction after `.` or `,` in the first 12
/// bytes of `b`, the shape of nearly every SRT and WebVTT time, read in one
/// go: the separator and the seconds (`None` when minutes or seconds pass
/// 59), or `None` when the shape differs and a general reader must decide.
/// The arithmetic is the general readers', in their order, so both give the
/// same `f64`.
pub(crate) fn fixed_clock(b: &[u8]) -> Option<(u8, Option<f64>)> {
    let t = b.get(..12)?;
    let d = |i: usize| t[i].is_ascii_digit();
    let shape = d(0) && d(1) && t[2] == b':' && d(3) && d(4) && t[5] == b':' && d(6) && d(7);
    if !(shape && matches!(t[8], b'.' | b',') && d(9) && d(10) && d(11)) {
        return None;
    }
    let (h, m, sec) = (digits_value(&t[0..2]), digits_value(&t[3..5]), digits_value(&t[6..8]));
    let frac = digits_value(&t[9..12]) / 1000.0;
    Some((
        t[8],
        (sec < 60.0 && m < 60.0).then_some(h * 3600.0 + m * 60.0 + sec + frac),
    ))
}

/// [`parse_caption_time`] for every shape (`s` already trimmed).
fn general_caption_time(s: &str) -> Option<f64> {
    let sep = s.rfind(['.', ','])?;
    let (main, frac) = (&s[..sep], &s[sep + 1..]);
    if frac.is_empty() || frac.len() > 3 || !frac.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    // At most three fields; a fourth makes it no caption time. An array,
    // not a Vec: this runs for every cue timing.
    let mut fields = [""; 3];
    let mut n = 0;
    for p in main.split(':') {
        if n == fields.len() {
            return None;
        }
        fields[n] = p;
        n += 1;
    }
    let parts = &fields[..n];
    let digits = |p: &str, max_len: usize| !p.is_empty() && p.len() <= max_len && p.bytes().all(|b| b.is_ascii_digit());
    let (h, m, sec) = match parts {
        [h, m, sec] if digits(h, 9) && digits(m, 2) && digits(sec, 2) => {
            (digits_value(h), digits_value(m), digits_value(sec))
        }
        [m, sec] if digits(m, 4) && digits(sec, 2) => (0.0, digits_value(m), digits_value(sec)),
        _ => return None,
    };
    if sec >= 60.0 || (parts.len() == 3 && m >= 60.0) {
        return None;
    }
    let frac = digits_value(frac) / 10f64.powi(frac.len() as i32);
    Some(h * 3600.0 + m * 60.0 + sec + frac)
}

/// The value of a run of at most 15 ASCII digits (checked by the callers),
/// read as an integer: below 2^53 every integer is an `f64` exactly, so this
/// is what `str::parse::<f64>` gives, without the general float parser.
fn digits_value(s: impl AsRef<[u8]>) -> f64 {
    let s = s.as_ref();
    debug_assert!(s.len() <= 15 && s.iter().all(u8::is_ascii_digit), "{s:?}");
    s.iter().fold(0u64, |v, &b| v * 10 + u64::from(b - b'0')) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clocks() {
        assert_eq!(parse_clock("00:01.500"), Some(1.5));
        assert_eq!(parse_clock("01:00:01,250"), Some(3601.25));
        assert_eq!(parse_clock("0:0:0.570"), Some(0.57));
        assert_eq!(parse_clock("00:00:0,000"), Some(0.0));
        assert_eq!(parse_clock("1:02"), Some(62.0));
        assert_eq!(parse_clock("x:02"), None);
        assert_eq!(parse_clock("12"), None);
    }

    #[test]
    fn digit_runs_read_as_the_float_parser_reads_them() {
        for s in [
            "0",
            "00",
            "7",
            "59",
            "0570",
            "999999",
            "123456789",
            "000000001",
            "999999999999999",
        ] {
            assert_eq!(digits_value(s), s.parse::<f64>().unwrap(), "{s:?}");
        }
        // The whole reader against the float parser on the fields.
        let slow = |s: &str| {
            let (main, frac) = s.split_once(['.', ',']).unwrap();
            let p: Vec<f64> = main.split(':').map(|x| x.parse().unwrap()).collect();
            let f: f64 = frac.parse::<f64>().unwrap() / 10f64.powi(frac.len() as i32);
            match p.as_slice() {
                [m, s] => m * 60.0 + s + f,
                [h, m, s] => h * 3600.0 + m * 60.0 + s + f,
                _ => unreachable!(),
            }
        };
        let mut read = 0;
        for s in [
            "0:0:0.570",
            "00:00:0,000",
            "01:02:03,5",
            "123456789:59:59.999",
            "999999:59:59.999",
            "9999:59.001",
            "00:01.123456789",
        ] {
            if let Some(v) = parse_clock(s) {
                assert_eq!(v, slow(s), "{s:?}");
            }
            if let Some(v) = parse_caption_time(s) {
                assert_eq!(v, slow(s), "{s:?}");
                read += 1;
            }
        }
        assert_eq!(read, 6);
    }

    #[test]
    fn fast_caption_time_equals_general() {
        let pieces = [
            "00", "59", "60", "99", "7", "123", ":", ".", ",", "000", "999", "5", "x",
        ];
        let mut n = 0;
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    for s in [
                        format!("{a}:{b}:{c},000"),
                        format!("01:{a}:{b}.{c}"),
                        format!("{a}{b}:{c}"),
                    ] {
                        if let Some((_, fast)) = fixed_clock(s.as_bytes()).filter(|_| s.len() == 12) {
                            assert_eq!(fast, general_caption_time(&s), "{s:?}");
                            n += 1;
                        }
                        assert_eq!(parse_caption_time(&s), general_caption_time(s.trim()), "{s:?}");
                    }
                }
            }
        }
        assert!(n > 100, "{n}");
    }

    #[test]
    fn caption_times() {
        assert_eq!(parse_caption_time("0:0:0.570"), Some(0.57));
        assert_eq!(parse_caption_time("0:0:0.0"), Some(0.0));
        assert_eq!(parse_caption_time("00:00:0,000"), Some(0.0));
        assert_eq!(parse_caption_time("01:02:03,5"), Some(3723.5));
        assert_eq!(
            parse_caption_time("1088:42:00.500"),
            Some(1088.0 * 3600.0 + 42.0 * 60.0 + 0.5)
        );
        assert_eq!(parse_caption_time("02:03.250"), Some(123.25));
        // Not caption times: no fraction, seconds or minutes over 59, letters.
        assert_eq!(parse_caption_time("00:00:01"), None);
        assert_eq!(parse_caption_time("00:00:60.000"), None);
        assert_eq!(parse_caption_time("00:60:00.000"), None);
        assert_eq!(parse_caption_time("00:00:1d.890"), None);
        assert_eq!(parse_caption_time("00:00:01.0000"), None);
        assert_eq!(parse_caption_time("10:30"), None);
        assert_eq!(parse_caption_time("1:02:03:04.500"), None);
        assert_eq!(parse_caption_time(":00.500"), None);
    }
}
