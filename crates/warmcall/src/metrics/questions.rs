//! Question detection and counts (to be written).

use crate::context::Ctx;
use crate::lexicon::Lexicon;
use crate::report::{QuestionKind, Questions};
use crate::Error;

/// Compiled question rules of one language.
#[derive(Debug)]
pub(crate) struct QuestionRules {}

impl QuestionRules {
    pub(crate) fn new(_lex: &Lexicon) -> Result<QuestionRules, Error> {
        Ok(QuestionRules {})
    }

    /// Classifies one sentence.
    pub(crate) fn classify(&self, sentence: &str, punctuated: bool) -> Option<QuestionKind> {
        let _ = punctuated;
        sentence.trim_end().ends_with('?').then_some(QuestionKind::Closed)
    }
}

/// Questions per side; `None` when the transcript has no text.
pub(crate) fn compute(ctx: &Ctx<'_>) -> Option<Questions> {
    let _ = ctx;
    None
}
