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
pub(crate) use pattern::{words_of, PatternError};
pub(crate) use token::{Kind, Token, Tokenizer, Tokens, View, CAPITALISED, CLAUSE_START};
pub(crate) use vocab::{Vocab, WordId, UNKNOWN};

use crate::lexicon::Lexicon;

/// The prefix of class lists in a lexicon (`classes.weekday`).
pub(crate) const CLASSES: &str = "classes.";

/// A [`Compiler`] holding the lexicon's `[classes]` and the word lists
/// that are classes under a key of their own ([`crate::lexicon::LIST_CLASSES`]),
/// with a vocabulary of its own.
#[cfg(test)]
pub(crate) fn compiler(lex: &Lexicon) -> Result<Compiler, RuleError> {
    let listed = crate::lexicon::LIST_CLASSES
        .iter()
        .map(|&(name, key)| (name, key.to_string()));
    compiler_with(lex, Vocab::default(), listed)
}

/// A [`Compiler`] holding the lexicon's `[classes]` and the `listed` word
/// lists that are classes under a key of their own (`(class, lexicon
/// key)`, from the stages that read them), interning into `vocab`: the
/// analyzer's languages share one vocabulary, so a sentence is tokenized
/// once, before its language is known.
pub(crate) fn compiler_with<'k>(
    lex: &Lexicon,
    vocab: Vocab,
    listed: impl Iterator<Item = (&'k str, String)>,
) -> Result<Compiler, RuleError> {
    let mut classes: Vec<(&str, &[String])> = lex
        .names_under(CLASSES)
        .map(|n| (&n[CLASSES.len()..], lex.list(n)))
        .collect();
    for (name, list) in listed {
        // Two definitions of one class would leave the rules reading
        // whichever came first: refuse the second instead.
        if classes.iter().any(|(n, _)| *n == name) {
            return Err(RuleError {
                name: format!("{CLASSES}{name}"),
                source: pattern::PatternError {
                    pattern: format!("@{name}"),
                    message: format!("defined twice: [classes] {name} and {list}; keep {list}"),
                },
            });
        }
        classes.push((name, lex.list(&list)));
    }
    Compiler::with_vocab(vocab, &classes)
}

#[cfg(test)]
mod tests;
