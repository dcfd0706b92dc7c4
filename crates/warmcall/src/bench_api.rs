//! Entry points for the criterion benches (benches/) only: one pipeline
//! stage at a time over a prepared transcript. Not a stable API.

use crate::analyzer::LangModel;
use crate::context::Ctx;
use crate::findings::{push, signals};
use crate::{metrics, Analyzer, Transcript};

/// A transcript prepared the way [`Analyzer::analyze`] prepares it
/// (language chosen, words counted, roles assigned), ready for one stage,
/// with the rules of its language.
pub struct Prepared<'a> {
    ctx: Ctx<'a>,
    lm: &'a LangModel,
}

/// Runs `f` on `t` prepared by `analyzer`.
pub fn with_prepared<R>(analyzer: &Analyzer, t: &Transcript, f: impl FnOnce(&Prepared<'_>) -> R) -> R {
    let (ctx, lm) = analyzer.prepare(t);
    f(&Prepared { ctx, lm })
}

/// Prepares `t` and drops the result: the cost shared by every stage
/// (language detection, word counts, backchannels, roles).
pub fn prepare_only(analyzer: &Analyzer, t: &Transcript) -> usize {
    analyzer.prepare(t).0.words.len()
}

/// The rule engine alone over `t` (language detection, one tokenization,
/// and with `scan` every list of the language scanned in every sentence;
/// no judgment): lists hit (or tokens), summed.
pub fn engine_only(analyzer: &Analyzer, t: &Transcript, scan: bool) -> usize {
    analyzer.engine_only(t, scan)
}

impl Prepared<'_> {
    /// Talk shares: speakers counted.
    pub fn talk(&self) -> usize {
        metrics::talk::compute(&self.ctx).1.len()
    }

    /// Turns: agent turns.
    pub fn turns(&self) -> usize {
        serde_json::to_vec(&metrics::turns::compute(&self.ctx)).map_or(0, |v| v.len())
    }

    /// Silences: serialised size (the stage has no single count).
    pub fn silences(&self) -> usize {
        serde_json::to_vec(&metrics::silence::compute(&self.ctx)).map_or(0, |v| v.len())
    }

    /// Interruptions: serialised size.
    pub fn interruptions(&self) -> usize {
        serde_json::to_vec(&metrics::interruptions::compute(&self.ctx)).map_or(0, |v| v.len())
    }

    /// Questions over the whole call: questions found.
    pub fn questions(&self) -> usize {
        metrics::questions::compute(&self.ctx, &self.lm.questions).map_or(0, |q| q.items.len())
    }

    /// Customer signals over the whole call (after the agent sentences,
    /// which they read): signals found.
    pub fn signals(&self) -> usize {
        let offers = push::agent_sentences(&self.ctx, &self.lm.pushes, &self.lm.rules);
        signals::detect(&self.ctx, &self.lm.rules, &self.lm.signals, |i| offers.offer(i)).len()
    }

    /// Pushes over the whole call (after questions and signals, which they
    /// need): pushes found. Includes the cost of those two stages.
    pub fn pushes(&self) -> usize {
        let q = metrics::questions::compute(&self.ctx, &self.lm.questions);
        let (_, pushes) = self.lm.signals_and_pushes(&self.ctx, q.as_ref());
        pushes.map_or(0, |p| p.count)
    }
}
