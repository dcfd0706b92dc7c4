//! The warmth score of SPEC §6.5 (to be written).

use crate::context::Ctx;
use crate::report::{Components, Report, Score};

/// The profile's agent-question band scaled to the span (SPEC §6.5):
/// low = max(floor, band_low × span/minutes), high = max(floor, band_high ×
/// span/minutes). `None` when the profile has no band or the span is unknown.
pub(crate) fn question_band(profile: &crate::config::Profile, span_s: Option<f64>) -> Option<(f64, f64)> {
    let [lo, hi] = profile.questions?;
    let minutes = span_s? / 60.0;
    let scale = minutes / profile.questions_per_minutes;
    Some((
        (lo * scale).max(profile.questions_low_floor),
        (hi * scale).max(profile.questions_high_floor),
    ))
}

/// A score with nothing measured.
pub(crate) fn empty(profile: &str) -> Score {
    Score {
        warmth: None,
        profile: profile.to_string(),
        components: Components {
            listening: None,
            curiosity: None,
            patience: None,
            monologue: None,
            restraint: None,
        },
    }
}

/// Computes the score from the finished report.
pub(crate) fn compute(ctx: &Ctx<'_>, report: &Report) -> Score {
    let _ = report;
    empty(&ctx.cfg.profile)
}
