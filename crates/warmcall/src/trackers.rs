//! Custom trackers (SPEC §7): named phrase lists ("competitor mentioned",
//! "price") counted per side, with the segment and time of every hit.
//!
//! Matching ignores case (Unicode lowercase) and runs of whitespace, and
//! only counts whole words: "price" does not hit "priceless". All phrases
//! of all trackers go into one Aho-Corasick automaton built once per
//! `Analyzer`, so a call is scanned once however many trackers there are.
//!
//! Trackers stay off the rule engine (`crate::rules`, issue #16): their
//! phrases are the user's literal text, not lexicon patterns, and may hold
//! what the engine's tokens drop or split ("24/7", "C++", "€", "B2B",
//! "Office 365": punctuation is no token, letters and digits split, a
//! number has no word id); the engine's word ids belong to one language's
//! vocabulary while trackers serve every language; and a tracker counts
//! every occurrence where the matcher reports each list's first hit per
//! sentence. Matching them as token sequences would change what existing
//! phrases hit, and would tokenize, in every call with trackers, the agent
//! segments that no rule over words reads yet.

use aho_corasick::{AhoCorasick, MatchKind};

use crate::config::TrackerConfig;
use crate::context::Ctx;
use crate::report::{Role, Tracker, TrackerHit};
use crate::Error;

/// Compiled trackers.
#[derive(Debug, Default)]
pub(crate) struct Trackers {
    names: Vec<String>,
    /// Phrases as configured, per tracker (reported in hits).
    phrases: Vec<Vec<String>>,
    /// Pattern id → (tracker, phrase).
    owner: Vec<(usize, usize)>,
    ac: Option<AhoCorasick>,
}

/// Lowercases and collapses whitespace runs to one space.
fn normalise(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(w.chars().flat_map(char::to_lowercase));
    }
    out
}

impl Trackers {
    pub(crate) fn new(cfg: &[TrackerConfig]) -> Result<Trackers, Error> {
        let mut patterns = Vec::new();
        let mut owner = Vec::new();
        for (ti, t) in cfg.iter().enumerate() {
            for (pi, p) in t.phrases.iter().enumerate() {
                let n = normalise(p);
                if n.is_empty() {
                    return Err(Error::Config {
                        key: format!("trackers[{ti}].phrases"),
                        line: 0,
                        message: format!("tracker {:?}: phrase {p:?} is empty", t.name),
                    });
                }
                patterns.push(n);
                owner.push((ti, pi));
            }
        }
        let ac = if patterns.is_empty() {
            None
        } else {
            Some(
                AhoCorasick::builder()
                    .match_kind(MatchKind::Standard)
                    .build(&patterns)
                    .map_err(|e| Error::Config {
                        key: "trackers".into(),
                        line: 0,
                        message: format!("cannot compile the tracker phrases: {e}"),
                    })?,
            )
        };
        Ok(Trackers {
            names: cfg.iter().map(|t| t.name.clone()).collect(),
            phrases: cfg.iter().map(|t| t.phrases.clone()).collect(),
            owner,
            ac,
        })
    }

    pub(crate) fn compute(&self, ctx: &Ctx<'_>) -> Vec<Tracker> {
        let mut out: Vec<Tracker> = self
            .names
            .iter()
            .map(|name| Tracker {
                name: name.clone(),
                agent: 0,
                customer: 0,
                hits: Vec::new(),
            })
            .collect();
        let Some(ac) = &self.ac else { return out };
        // (start, end, phrase) per tracker for the current segment.
        let mut found: Vec<Vec<(usize, usize, usize)>> = vec![Vec::new(); self.names.len()];
        for (si, seg) in ctx.segs().iter().enumerate() {
            let text = normalise(&seg.text);
            for m in ac.find_overlapping_iter(&text) {
                if whole_word(&text, m.start(), m.end()) {
                    let (ti, pi) = self.owner[m.pattern().as_usize()];
                    found[ti].push((m.start(), m.end(), pi));
                }
            }
            let role = ctx.role.get(si).copied().unwrap_or(Role::Customer);
            for (ti, hits) in found.iter_mut().enumerate() {
                if hits.is_empty() {
                    continue;
                }
                // Leftmost, then longest; a hit inside a counted one is not
                // counted again ("price" inside "price increase").
                hits.sort_by_key(|&(s, e, _)| (s, std::cmp::Reverse(e)));
                let mut last_end = 0;
                for &(s, e, pi) in hits.iter() {
                    if s < last_end {
                        continue;
                    }
                    last_end = e;
                    let t = &mut out[ti];
                    match role {
                        Role::Agent => t.agent += 1,
                        Role::Customer => t.customer += 1,
                    }
                    t.hits.push(TrackerHit {
                        segment: si,
                        start_s: seg.start_s,
                        role,
                        phrase: self.phrases[ti][pi].clone(),
                    });
                }
                hits.clear();
            }
        }
        out
    }
}

/// True when `text[start..end]` is not glued to a letter or digit on either
/// side (a phrase that itself starts or ends with a symbol needs no boundary
/// there).
fn whole_word(text: &str, start: usize, end: usize) -> bool {
    let word = |c: char| c.is_alphanumeric() || c == '_';
    let m = &text[start..end];
    let first = m.chars().next().is_some_and(word);
    let last = m.chars().next_back().is_some_and(word);
    let before_ok = !first || text[..start].chars().next_back().is_none_or(|c| !word(c));
    let after_ok = !last || text[end..].chars().next().is_none_or(|c| !word(c));
    before_ok && after_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_words_only() {
        let t = "the price is priceless, prijs€ and €50";
        assert!(whole_word(t, 4, 9)); // price
        assert!(!whole_word(t, 13, 18)); // price in priceless
        let euro = t.find("€50").unwrap();
        assert!(whole_word(t, euro, euro + '€'.len_utf8()), "a symbol needs no boundary");
    }

    #[test]
    fn normalise_lowercases_and_collapses_space() {
        assert_eq!(normalise("  Über   DEN\tPreis "), "über den preis");
    }
}
