//! Pushes, customer signals, outcome and the findings of SPEC §6.

pub(crate) mod outcome;
pub(crate) mod push;
pub(crate) mod signals;

use crate::context::Ctx;
use crate::report::{Finding, Report};
use signals::SignalHit;

/// Every finding, in time order (to be written).
pub(crate) fn compute(ctx: &Ctx<'_>, report: &Report, signals: &[SignalHit]) -> Vec<Finding> {
    let _ = (ctx, report, signals);
    Vec::new()
}
