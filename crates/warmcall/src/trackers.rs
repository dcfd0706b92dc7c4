//! Custom trackers: named phrase lists counted per side (to be written).

use crate::config::TrackerConfig;
use crate::context::Ctx;
use crate::report::Tracker;
use crate::Error;

/// Compiled trackers.
#[derive(Debug, Default)]
pub(crate) struct Trackers {}

impl Trackers {
    pub(crate) fn new(cfg: &[TrackerConfig]) -> Result<Trackers, Error> {
        let _ = cfg;
        Ok(Trackers {})
    }

    pub(crate) fn compute(&self, ctx: &Ctx<'_>) -> Vec<Tracker> {
        let _ = ctx;
        Vec::new()
    }
}
