//! Turns, switches, longest monologue and story (to be written).

use crate::context::Ctx;
use crate::report::Turns;

/// Turn figures.
pub(crate) fn compute(ctx: &Ctx<'_>) -> Turns {
    let _ = ctx;
    Turns {
        count: 0,
        switches_per_minute: None,
        longest_agent_monologue: None,
        longest_customer_story: None,
    }
}
