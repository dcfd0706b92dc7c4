//! Lexicons: per-language phrase lists as data files (`lexicons/*.toml`).
//!
//! A lexicon file is TOML whose leaves are lists of strings; nested tables
//! give dotted list names (`questions.question_words`). Each analysis module
//! reads the lists it needs by name and compiles them once per `Analyzer`.

use std::collections::BTreeMap;

use crate::Error;

/// The shipped lexicons: `(code, toml text)`.
pub const BUILTIN: &[(&str, &str)] = &[
    ("nl", include_str!("../lexicons/nl.toml")),
    ("en", include_str!("../lexicons/en.toml")),
];

/// Word lists that the rule engine compiles as classes, `(class, list)`,
/// though they live under a key of their own: they predate `[classes]`,
/// and lexicon files and configs (`[lexicon.nl.add] "backchannel.words"`)
/// name them there. As classes their words get ids when the rules compile
/// and patterns may name them (`@backchannel`).
pub(crate) const LIST_CLASSES: &[(&str, &str)] = &[("backchannel", "backchannel.words")];

/// One language's lists.
#[derive(Debug, Clone, PartialEq)]
pub struct Lexicon {
    /// Language code (`nl`, `en`, `de`, …).
    pub lang: String,
    lists: BTreeMap<String, Vec<String>>,
}

impl Lexicon {
    /// Parses a lexicon file.
    pub fn from_toml(lang: &str, text: &str) -> Result<Lexicon, Error> {
        let table: toml::Table = text.parse().map_err(|e: toml::de::Error| Error::Config {
            key: format!("lexicon.{lang}"),
            line: e.span().map(|s| line_of(text, s.start)).unwrap_or(0),
            message: e.message().to_string(),
        })?;
        Lexicon::from_table(lang, &table)
    }

    /// Builds a lexicon from a parsed TOML table.
    pub fn from_table(lang: &str, table: &toml::Table) -> Result<Lexicon, Error> {
        let mut lists = BTreeMap::new();
        flatten(lang, "", table, &mut lists)?;
        Ok(Lexicon {
            lang: lang.to_string(),
            lists,
        })
    }

    /// The shipped lexicon for a language.
    pub fn builtin(lang: &str) -> Option<Lexicon> {
        BUILTIN
            .iter()
            .find(|(c, _)| *c == lang)
            .map(|(c, t)| Lexicon::from_toml(c, t).expect("shipped lexicons parse"))
    }

    /// A list by dotted name; empty when absent.
    pub fn list(&self, name: &str) -> &[String] {
        self.lists.get(name).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Names of all lists under a prefix (`pushes.steps.` → `pushes.steps.visit`, …).
    pub fn names_under<'a>(&'a self, prefix: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.lists
            .keys()
            .filter(move |k| k.starts_with(prefix))
            .map(String::as_str)
    }

    /// Adds phrases to a list (creating it).
    pub fn add(&mut self, name: &str, phrases: &[String]) {
        self.lists
            .entry(name.to_string())
            .or_default()
            .extend(phrases.iter().cloned());
    }

    /// Replaces a list (creating it).
    pub fn set(&mut self, name: &str, phrases: &[String]) {
        self.lists.insert(name.to_string(), phrases.to_vec());
    }

    /// Every phrase of every list (for benchmarking against ripgrep).
    pub fn all_phrases(&self) -> impl Iterator<Item = &str> {
        self.lists.values().flatten().map(String::as_str)
    }
}

fn flatten(
    lang: &str,
    prefix: &str,
    table: &toml::Table,
    out: &mut BTreeMap<String, Vec<String>>,
) -> Result<(), Error> {
    for (k, v) in table {
        let name = if prefix.is_empty() {
            k.clone()
        } else {
            format!("{prefix}.{k}")
        };
        match v {
            toml::Value::Table(t) => flatten(lang, &name, t, out)?,
            toml::Value::Array(items) => {
                let mut list = Vec::with_capacity(items.len());
                for it in items {
                    match it {
                        toml::Value::String(s) => list.push(s.clone()),
                        _ => {
                            return Err(Error::Config {
                                key: format!("lexicon.{lang}.{name}"),
                                line: 0,
                                message: "lexicon lists hold strings only".into(),
                            })
                        }
                    }
                }
                out.insert(name, list);
            }
            toml::Value::String(_) if name == "language" || name == "name" => {}
            _ => {
                return Err(Error::Config {
                    key: format!("lexicon.{lang}.{name}"),
                    line: 0,
                    message: "expected a list of strings or a table".into(),
                })
            }
        }
    }
    Ok(())
}

/// 1-based line of a byte offset.
pub(crate) fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtins_parse() {
        for (code, _) in BUILTIN {
            let l = Lexicon::builtin(code).unwrap();
            assert!(!l.list("backchannel.words").is_empty(), "{code}");
        }
    }
}
