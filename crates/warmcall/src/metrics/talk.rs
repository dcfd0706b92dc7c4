//! Talk share and per-speaker figures (to be written).

use crate::context::Ctx;
use crate::report::{Basis, SpeakerStats, Talk};

/// Talk share and the speakers table.
pub(crate) fn compute(ctx: &Ctx<'_>) -> (Talk, Vec<SpeakerStats>) {
    let _ = ctx;
    (
        Talk {
            basis: Basis::Words,
            agent_share_of_speech: None,
            agent_share_of_call: None,
            agent_s: None,
            customer_s: None,
            agent_words: 0,
            customer_words: 0,
        },
        Vec::new(),
    )
}
