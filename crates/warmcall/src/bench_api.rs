//! Entry points for the criterion benches (benches/) only: one pipeline
//! stage at a time over a prepared transcript. Not a stable API.

use crate::context::Ctx;
use crate::{metrics, Analyzer, Transcript};

/// A transcript prepared the way [`Analyzer::analyze`] prepares it
/// (language chosen, words counted, roles assigned), ready for one stage.
pub struct Prepared<'a>(Ctx<'a>);

/// Runs `f` on `t` prepared by `analyzer`.
pub fn with_prepared<R>(analyzer: &Analyzer, t: &Transcript, f: impl FnOnce(&Prepared<'_>) -> R) -> R {
    analyzer.prepare(t, |ctx| f(&Prepared(ctx)))
}

/// Prepares `t` and drops the result: the cost shared by every stage
/// (language detection, word counts, backchannels, roles).
pub fn prepare_only(analyzer: &Analyzer, t: &Transcript) -> usize {
    analyzer.prepare(t, |ctx| ctx.words.len())
}

impl Prepared<'_> {
    /// Talk shares: speakers counted.
    pub fn talk(&self) -> usize {
        metrics::talk::compute(&self.0).1.len()
    }

    /// Turns: agent turns.
    pub fn turns(&self) -> usize {
        serde_json::to_vec(&metrics::turns::compute(&self.0)).map_or(0, |v| v.len())
    }

    /// Silences: serialised size (the stage has no single count).
    pub fn silences(&self) -> usize {
        serde_json::to_vec(&metrics::silence::compute(&self.0)).map_or(0, |v| v.len())
    }

    /// Interruptions: serialised size.
    pub fn interruptions(&self) -> usize {
        serde_json::to_vec(&metrics::interruptions::compute(&self.0)).map_or(0, |v| v.len())
    }

    /// Questions over the whole call: questions found.
    pub fn questions(&self) -> usize {
        metrics::questions::compute(&self.0).map_or(0, |q| q.items.len())
    }

    /// Customer signals over the whole call: signals found.
    pub fn signals(&self) -> usize {
        crate::findings::signals::detect(&self.0).len()
    }

    /// Pushes over the whole call (after questions and signals, which they
    /// need): pushes found. Includes the cost of those two stages.
    pub fn pushes(&self) -> usize {
        let q = metrics::questions::compute(&self.0);
        let s = crate::findings::signals::detect(&self.0);
        crate::findings::push::detect(&self.0, q.as_ref(), &s).map_or(0, |p| p.count)
    }
}
