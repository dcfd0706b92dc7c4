//! The warmth score of SPEC §6.5 (to be written).

use crate::context::Ctx;
use crate::report::{Components, Report, Score};

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
