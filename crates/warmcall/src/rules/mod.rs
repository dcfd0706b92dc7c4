//! The rule engine: a tokenizer run once per sentence, word classes and a
//! small pattern language as lexicon data, and one compiled matcher per
//! language that tells, for a sentence's tokens, which named lists hit and
//! where (docs/lexicon.md).
//!
//! The engine knows no judgment: callers name the lists they want compiled
//! and read the hits back by [`ListId`]; what a hit means is theirs.

mod matcher;
mod pattern;
mod token;
mod vocab;

pub(crate) use matcher::{Compiler, Hits, LeadWords, ListId, Matcher, RuleError};
pub(crate) use token::{Token, Tokenizer, Tokens, View};
pub(crate) use vocab::Vocab;

use crate::lexicon::Lexicon;

/// The prefix of class lists in a lexicon (`classes.weekday`).
pub(crate) const CLASSES: &str = "classes.";

/// A [`Compiler`] holding the lexicon's `[classes]`.
pub(crate) fn compiler(lex: &Lexicon) -> Result<Compiler, RuleError> {
    let classes: Vec<(&str, &[String])> = lex
        .names_under(CLASSES)
        .map(|n| (&n[CLASSES.len()..], lex.list(n)))
        .collect();
    Compiler::new(&classes)
}

#[cfg(test)]
mod tests;
