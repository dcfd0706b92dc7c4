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
    let nums: Vec<f64> = parts.iter().map(|p| p.parse::<f64>().ok()).collect::<Option<_>>()?;
    let secs = match nums.as_slice() {
        [m, s] => m * 60.0 + s,
        [h, m, s] => h * 3600.0 + m * 60.0 + s,
        _ => return None,
    };
    let frac = match frac {
        Some(f) if !f.is_empty() && f.len() <= 9 && f.bytes().all(|b| b.is_ascii_digit()) => {
            f.parse::<f64>().ok()? / 10f64.powi(f.len() as i32)
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
            (h.parse::<f64>().ok()?, m.parse::<f64>().ok()?, sec.parse::<f64>().ok()?)
        }
        [m, sec] if digits(m, 4) && digits(sec, 2) => (0.0, m.parse::<f64>().ok()?, sec.parse::<f64>().ok()?),
        _ => return None,
    };
    if sec >= 60.0 || (parts.len() == 3 && m >= 60.0) {
        return None;
    }
    let frac = frac.parse::<f64>().ok()? / 10f64.powi(frac.len() as i32);
    Some(h * 3600.0 + m * 60.0 + sec + frac)
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
