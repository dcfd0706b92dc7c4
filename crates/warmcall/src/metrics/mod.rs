//! The measured metrics of SPEC §5, one module each.

pub(crate) mod interruptions;
pub(crate) mod intervals;
pub(crate) mod patience;
pub(crate) mod questions;
pub(crate) mod silence;
pub(crate) mod talk;
pub(crate) mod turns;

/// The one rounding rule for measured figures: every float a metric writes
/// into the report (seconds, shares, rates) is rounded to 3 decimals —
/// milliseconds for seconds. Thresholds that classify a measured time
/// (silence classes, the interruption margin) are compared on this rounded
/// value, so the class always agrees with the number shown. Rounding makes
/// the report independent of float noise (`3.033 - 2.133 = 0.9000000000000004`).
pub(crate) fn round3(x: f64) -> f64 {
    let r = (x * 1000.0).round() / 1000.0;
    if r == 0.0 {
        0.0 // no "-0.0" in the JSON
    } else {
        r
    }
}

/// A segment's `(start, end)` when both times are known and finite (a NaN
/// or infinite time from a broken file is treated as no time).
pub(crate) fn interval(seg: &crate::Segment) -> Option<(f64, f64)> {
    let (a, b) = (seg.start_s?, seg.end_s?);
    (a.is_finite() && b.is_finite()).then_some((a, b))
}

/// Median of a non-empty list (mean of the two middle values when even).
pub(crate) fn median(values: &[f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    let n = v.len();
    Some(if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    })
}

/// Mean of a list, `None` when empty.
pub(crate) fn mean(values: &[f64]) -> Option<f64> {
    (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round3_to_milliseconds() {
        assert_eq!(round3(3.033 - 2.133), 0.9);
        assert_eq!(round3(0.99999999), 1.0);
        assert_eq!(round3(0.28349), 0.283);
        assert_eq!(round3(-0.0001), 0.0);
        assert!(round3(-0.0001).is_sign_positive());
    }

    #[test]
    fn median_and_mean() {
        assert_eq!(median(&[]), None);
        assert_eq!(median(&[3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(&[4.0, 1.0, 2.0, 3.0]), Some(2.5));
        assert_eq!(mean(&[1.0, 2.0]), Some(1.5));
        assert_eq!(mean(&[]), None);
    }
}
