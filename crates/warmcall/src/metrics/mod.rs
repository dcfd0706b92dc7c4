//! The measured metrics of SPEC §5, one module each.

pub(crate) mod interruptions;
pub(crate) mod patience;
pub(crate) mod questions;
pub(crate) mod silence;
pub(crate) mod talk;
pub(crate) mod turns;
