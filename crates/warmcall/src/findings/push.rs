//! Push detection and readiness (to be written).

use crate::context::Ctx;
use crate::lexicon::Lexicon;
use crate::report::{PushCategory, Pushes, Questions};
use crate::Error;

use super::signals::SignalHit;

/// Compiled push rules of one language.
#[derive(Debug)]
pub(crate) struct PushRules {}

impl PushRules {
    pub(crate) fn new(_lex: &Lexicon) -> Result<PushRules, Error> {
        Ok(PushRules {})
    }

    /// The category when the sentence on its own is a push.
    pub(crate) fn sentence_category(&self, sentence: &str) -> Option<PushCategory> {
        let _ = sentence;
        None
    }
}

/// Pushes with readiness; `None` when the transcript has no text.
pub(crate) fn detect(ctx: &Ctx<'_>, questions: Option<&Questions>, signals: &[SignalHit]) -> Option<Pushes> {
    let _ = (ctx, questions, signals);
    None
}
