//! Hand-off gaps: patience, wait after question, after objections (to be written).

use crate::context::Ctx;
use crate::findings::signals::SignalHit;
use crate::report::{Patience, Questions};

/// Patience; `None` unless fully timed.
pub(crate) fn compute(ctx: &Ctx<'_>, questions: Option<&Questions>, signals: &[SignalHit]) -> Option<Patience> {
    let _ = (ctx, questions, signals);
    None
}
