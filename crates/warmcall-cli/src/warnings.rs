//! Warnings counted per kind for the end-of-run summary. A batch of
//! thousands of calls has thousands of warnings of a handful of kinds ("agent
//! is … pass --agent if that is wrong" on nearly every call): one line per
//! kind with a count and a few example files says the same as thousands of
//! lines, and leaves the progress bar and the errors readable.
//!
//! The library's warnings are sentences with the particulars filled in (a
//! speaker's name in quotes, a line number, a count). Their *kind* is the
//! sentence with those particulars blanked: a leading location (`line 12:`,
//! `segments[3]:`), quoted text and numbers.

use std::collections::HashMap;

/// Example files shown per kind.
pub const EXAMPLES: usize = 3;

/// One kind of warning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kind {
    /// The first warning of this kind, as written.
    pub first: String,
    /// How many there were.
    pub count: usize,
    /// The first few files that had one (each once).
    pub examples: Vec<String>,
}

/// Warnings counted per kind, in order of first appearance.
#[derive(Debug, Default)]
pub struct Tally {
    kinds: Vec<Kind>,
    index: HashMap<String, usize>,
    calls: usize,
    last_path: Option<String>,
}

impl Tally {
    /// Counts one warning of the call at `path`.
    pub fn add(&mut self, path: &str, msg: &str) {
        if self.last_path.as_deref() != Some(path) {
            self.calls += 1;
            self.last_path = Some(path.to_string());
        }
        let key = kind_of(msg);
        let i = *self.index.entry(key).or_insert_with(|| {
            self.kinds.push(Kind {
                first: msg.to_string(),
                count: 0,
                examples: Vec::new(),
            });
            self.kinds.len() - 1
        });
        let k = &mut self.kinds[i];
        k.count += 1;
        if k.examples.len() < EXAMPLES && !k.examples.iter().any(|e| e == path) {
            k.examples.push(path.to_string());
        }
    }

    /// The kinds, most frequent first (first seen first among equals).
    pub fn kinds(&self) -> Vec<&Kind> {
        let mut k: Vec<&Kind> = self.kinds.iter().collect();
        k.sort_by_key(|k| std::cmp::Reverse(k.count));
        k
    }

    /// Warnings counted.
    pub fn total(&self) -> usize {
        self.kinds.iter().map(|k| k.count).sum()
    }

    /// Calls that had at least one.
    pub fn calls(&self) -> usize {
        self.calls
    }
}

/// The kind of a warning: its sentence without a leading location, with
/// quoted text as `"…"` and every number as `N`.
pub fn kind_of(msg: &str) -> String {
    let body = match msg.split_once(": ") {
        // `line 12: …`, `segments[3]: …`, `results.items[10]: …`: where in
        // the file, not what happened.
        Some((head, rest)) if is_location(head) => rest,
        _ => msg,
    };
    let mut out = String::with_capacity(body.len());
    let mut chars = body.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '"' {
            let mut escaped = false;
            for q in chars.by_ref() {
                match q {
                    '\\' if !escaped => escaped = true,
                    '"' if !escaped => break,
                    _ => escaped = false,
                }
            }
            out.push_str("\"…\"");
        } else if c.is_ascii_digit() {
            while chars.next_if(|d| d.is_ascii_digit() || *d == '.').is_some() {}
            out.push('N');
        } else {
            out.push(c);
        }
    }
    out
}

fn is_location(head: &str) -> bool {
    let has_digit = head.bytes().any(|b| b.is_ascii_digit());
    match head.strip_prefix("line ") {
        Some(n) => !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()),
        None => has_digit && !head.contains(char::is_whitespace),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn particulars_are_blanked() {
        let a = "agent is \"Speaker 1\" (roles basis: first_speaker): speaking first; pass --agent if that is wrong";
        let b = "agent is \"spk_0\" (roles basis: first_speaker): speaking first; pass --agent if that is wrong";
        assert_eq!(kind_of(a), kind_of(b));
        assert_eq!(
            kind_of("line 12: times read as seconds: some times have fractions (e.g. 0.52)"),
            kind_of("line 1: times read as seconds: some times have fractions (e.g. 0.5)")
        );
        assert_eq!(
            kind_of("segments[4]: ends (7) before it starts (9); kept without times"),
            "ends (N) before it starts (N); kept without times"
        );
        assert_eq!(
            kind_of("only one speaker (\"say \\\"hi\\\"\"): x"),
            "only one speaker (\"…\"): x"
        );
    }

    #[test]
    fn different_sentences_are_different_kinds() {
        // Same speaker, another basis: another kind.
        assert_ne!(
            kind_of("agent is \"Ann\" (roles basis: first_speaker): speaking first"),
            kind_of("agent is \"Ann\" (roles basis: introduction): self-introduction in segment 1")
        );
        // A sentence that merely starts with words before a colon keeps them.
        assert_eq!(
            kind_of("start times only: each segment is taken to end where the next one starts"),
            "start times only: each segment is taken to end where the next one starts"
        );
    }

    #[test]
    fn tally_counts_kinds_calls_and_a_few_examples() {
        let mut t = Tally::default();
        for i in 0..5 {
            let p = format!("c{i}.vtt");
            t.add(&p, &format!("agent is \"S{i}\" (roles basis: first_speaker): x"));
            if i % 2 == 0 {
                t.add(&p, "start times only: y");
            }
        }
        assert_eq!(t.total(), 8);
        assert_eq!(t.calls(), 5);
        let k = t.kinds();
        assert_eq!(k.len(), 2);
        assert_eq!(
            (k[0].count, k[0].first.as_str()),
            (5, "agent is \"S0\" (roles basis: first_speaker): x")
        );
        assert_eq!(k[0].examples, vec!["c0.vtt", "c1.vtt", "c2.vtt"]);
        assert_eq!(k[1].examples, vec!["c0.vtt", "c2.vtt", "c4.vtt"]);
    }
}
