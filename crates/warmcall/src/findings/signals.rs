//! Customer signals (to be written).

use crate::context::Ctx;
use crate::lexicon::Lexicon;
use crate::report::SignalKind;
use crate::Error;

/// A signal in a customer segment.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct SignalHit {
    /// Segment index.
    pub segment: usize,
    /// Kind.
    pub kind: SignalKind,
    /// The phrase or sentence that carried it.
    pub evidence: String,
}

/// Compiled signal rules of one language.
#[derive(Debug)]
pub(crate) struct SignalRules {}

impl SignalRules {
    pub(crate) fn new(_lex: &Lexicon) -> Result<SignalRules, Error> {
        Ok(SignalRules {})
    }
}

/// Signals in customer segments, in segment order.
pub(crate) fn detect(ctx: &Ctx<'_>) -> Vec<SignalHit> {
    let _ = ctx;
    Vec::new()
}
