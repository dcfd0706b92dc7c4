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
}
