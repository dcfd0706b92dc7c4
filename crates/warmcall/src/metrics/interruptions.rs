//! Interruptions and overlap (to be written).

use crate::context::Ctx;
use crate::report::Interruptions;

/// Interruptions; `None` unless fully timed.
pub(crate) fn compute(ctx: &Ctx<'_>) -> Option<Interruptions> {
    let _ = ctx;
    None
}
