//! TalkBank CHAT (`.cha`): `*SPK:\ttext` main tiers with `\x15start_end\x15`
//! millisecond bullets. What it does where CHAT leaves room (docs/formats.md,
//! `## CHAT`, says the same for users):
//!
//! - Speaker labels are the tier codes (`PS02K`, trimmed); the
//!   `@Participants` name becomes the display name (`_` read as a space, the
//!   CABNC placeholder `None` as no name). `@Languages` gives the language.
//! - Lines starting with a tab or a space continue the tier above. A
//!   continuation with its own bullet stays part of the same utterance: the
//!   utterance runs from its first bullet's start to its last bullet's end,
//!   except that bullets of pause-only lines (`\t(0.3) ·3773_4052·`) do not
//!   stretch it.
//! - Dependent tiers (`%mor`, …) and other headers are ignored.
//! - Utterances without a bullet keep their text with no times. The
//!   transcript is `Full` when more than half of its segments are timed
//!   (metrics skip the untimed ones for time figures), else `None`.
//! - `0 .`, `xxx`, `yyy`, `www` and `(   )` are speech without words: the
//!   segment is kept, with empty text (or the words around them).
//! - Pauses `(.)` = 0.1 s, `(..)` = 0.5 s, `(...)` = 1.0 s, `(1.5)`,
//!   `(1:02.5)` and the old `#`, `##`, `###` become pause events and leave the
//!   text. A pause before an utterance's first word follows the previous
//!   segment; one after a word follows the utterance's own segment; a tier
//!   that holds only pauses is not a segment.
//! - Markup is removed: `[...]` codes (`[/]`, `[//]`, `[: x]`, `[*]`,
//!   `[=! x]`, `[>]`…), `<` `>` groups (the retraced words stay: they were
//!   spoken), `&=events`, `&+fragments`, `&-uh` fillers (kept as `uh`),
//!   `@l`-style suffixes, CA marks (`⌈⌉⌊⌋`, `↑↓`, `°`, `≋`, `=`, `:`
//!   lengthening, trailing `-` cut-offs…), linkers (`+<`, `++`, `+^`).
//!   Terminators ` .` ` ?` ` !` and `+...`, `+/.`, `+/?` are kept as
//!   punctuation attached to the word before them. The BNC's split clitics
//!   (`do n't`, `it 's`, `gon na`) are joined again.
//! - The older `•start_end•` bullets (CABNC v0.1) are read as milliseconds
//!   when they run forward; when they do not (a bullet ending before it
//!   starts, or starting more than 30 s before an earlier one — that corpus
//!   changes units part-way), all of them are dropped with a warning rather
//!   than giving wrong times.
//! - Text double-encoded as Windows-1252 (`âŒˆ` for `⌈`) is repaired per
//!   line, with a warning.

use std::collections::HashMap;

use super::assemble::{check_times, norm_lang, settle_timing};
use crate::{Error, Format, PauseEvent, Segment, Transcript, Warning};

/// One piece of an utterance's content.
#[derive(Debug, Clone, PartialEq)]
enum Item {
    Word(String),
    Punct(&'static str),
    Pause(f64),
    /// Speech without words (`0`, `xxx`, `(   )`).
    Placeholder,
}

struct Tier {
    line: usize,
    parts: Vec<(usize, String)>,
}

struct OldBullet {
    seg: usize,
    start_ms: f64,
    end_ms: f64,
}

/// Parses CHAT text (line ends already normalised to LF, BOM removed).
pub(crate) fn parse(text: &str) -> Result<Transcript, Error> {
    let mut t = Transcript::empty(Format::Chat);
    let mut tiers: Vec<Tier> = Vec::new();
    let mut skipped = 0usize;
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        if raw.trim().is_empty() {
            continue;
        }
        if raw.starts_with(['\t', ' ']) {
            if let Some(tier) = tiers.last_mut() {
                tier.parts.push((line, raw.to_string()));
            }
            continue;
        }
        if raw.starts_with(['@', '*', '%']) {
            tiers.push(Tier {
                line,
                parts: vec![(line, raw.to_string())],
            });
        } else {
            skipped += 1;
            if skipped <= 20 {
                t.warnings
                    .push(Warning::new(line, "not a CHAT header or tier; skipped"));
            }
        }
    }

    let mut names: HashMap<String, Option<String>> = HashMap::new();
    let mut mojibake = 0usize;
    let mut old_bullets: Vec<OldBullet> = Vec::new();
    for tier in &tiers {
        let first = &tier.parts[0].1;
        if let Some(h) = first.strip_prefix('@') {
            let joined: String = tier.parts.iter().map(|p| p.1.as_str()).collect::<Vec<_>>().join(" ");
            let value = joined.split_once(':').map(|(_, v)| v.trim()).unwrap_or("");
            if h.starts_with("Participants:") {
                parse_participants(value, &mut names);
            } else if h.starts_with("Languages:") && t.language.is_none() {
                t.language = norm_lang(value);
            }
            continue;
        }
        let Some(main) = first.strip_prefix('*') else {
            continue; // dependent tier
        };
        let Some((code, rest)) = main.split_once(':') else {
            t.warnings.push(Warning::new(
                tier.line,
                "main tier without ':' after the speaker code; skipped",
            ));
            continue;
        };
        let code = code.trim();
        if code.is_empty() {
            t.warnings
                .push(Warning::new(tier.line, "main tier without a speaker code; skipped"));
            continue;
        }
        let mut items: Vec<Item> = Vec::new();
        let mut new_span: Option<(f64, f64)> = None;
        let mut old_span: Option<(f64, f64)> = None;
        for (k, (_, part)) in tier.parts.iter().enumerate() {
            let body = if k == 0 { rest } else { part.as_str() };
            let fixed = fix_mojibake(body);
            if fixed.is_some() {
                mojibake += 1;
            }
            let body = fixed.as_deref().unwrap_or(body);
            let (body, bullets) = take_bullets(body);
            let part_items = clean(&body);
            let speech = part_items
                .iter()
                .any(|i| matches!(i, Item::Word(_) | Item::Placeholder));
            if speech || part_items.is_empty() {
                for b in bullets {
                    let span = if b.old { &mut old_span } else { &mut new_span };
                    *span = Some(match *span {
                        None => (b.start, b.end),
                        Some((s, e)) => (s.min(b.start), e.max(b.end)),
                    });
                }
            }
            items.extend(part_items);
        }
        let has_speech = items.iter().any(|i| matches!(i, Item::Word(_) | Item::Placeholder));
        let prev = t.segments.len().checked_sub(1);
        if !has_speech {
            for it in &items {
                if let Item::Pause(d) = it {
                    t.pauses.push(PauseEvent {
                        after_segment: prev,
                        duration_s: *d,
                        source_line: tier.line,
                    });
                }
            }
            continue;
        }
        let this = t.segments.len();
        let (text, pauses) = assemble(&items);
        for (d, before_words) in pauses {
            t.pauses.push(PauseEvent {
                after_segment: if before_words { prev } else { Some(this) },
                duration_s: d,
                source_line: tier.line,
            });
        }
        let (start, end) = match new_span {
            Some((s, e)) => check_times(&mut t.warnings, tier.line, "bullet", Some(s / 1000.0), Some(e / 1000.0)),
            None => (None, None),
        };
        if new_span.is_none() {
            if let Some((s, e)) = old_span {
                old_bullets.push(OldBullet {
                    seg: this,
                    start_ms: s,
                    end_ms: e,
                });
            }
        }
        let speaker = t.speaker_index(code);
        let mut seg = Segment::new(speaker, start, end, text);
        seg.source_line = tier.line;
        t.segments.push(seg);
    }
    if skipped > 20 {
        t.warnings
            .push(Warning::new(0, format!("{} more non-CHAT lines skipped", skipped - 20)));
    }
    if mojibake > 0 {
        t.warnings.push(Warning::new(
            0,
            format!("{mojibake} lines were UTF-8 read as Windows-1252 and written again (\"âŒˆ\" for \"⌈\"); repaired"),
        ));
    }
    apply_old_bullets(&mut t, &old_bullets);
    for s in &mut t.speakers {
        if let Some(Some(name)) = names.get(&s.label) {
            s.display_name = Some(name.clone());
        }
    }
    super::assemble::cap_warnings(&mut t.warnings);
    settle_timing(&mut t);
    Ok(t)
}

fn parse_participants(value: &str, names: &mut HashMap<String, Option<String>>) {
    for entry in value.split(',') {
        let f: Vec<&str> = entry.split_whitespace().collect();
        let Some(code) = f.first() else { continue };
        // CODE Name Role, or CODE Role when there is no name.
        let name = if f.len() >= 3 {
            let n = f[1..f.len() - 1].join(" ").replace('_', " ");
            (n != "None").then_some(n)
        } else {
            None
        };
        names.entry((*code).to_string()).or_insert(name);
    }
}

fn apply_old_bullets(t: &mut Transcript, old: &[OldBullet]) {
    if old.is_empty() {
        return;
    }
    let mut max_start = f64::NEG_INFINITY;
    let mut bad = None;
    for b in old {
        if b.end_ms < b.start_ms || b.start_ms < max_start - 30_000.0 {
            bad = Some(t.segments[b.seg].source_line);
            break;
        }
        max_start = max_start.max(b.start_ms);
    }
    if let Some(line) = bad {
        t.warnings.push(Warning::new(
            line,
            "old-style •start_end• bullets use inconsistent time units (they run backwards here); all their times \
             are ignored",
        ));
        return;
    }
    t.warnings
        .push(Warning::new(0, "old-style •start_end• bullets read as milliseconds"));
    for b in old {
        let line = t.segments[b.seg].source_line;
        let (s, e) = check_times(
            &mut t.warnings,
            line,
            "bullet",
            Some(b.start_ms / 1000.0),
            Some(b.end_ms / 1000.0),
        );
        t.segments[b.seg].start_s = s;
        t.segments[b.seg].end_s = e;
    }
}

struct Bullet {
    start: f64,
    end: f64,
    old: bool,
}

/// Removes `\x15…\x15` and `•start_end•` bullets, returning their times.
fn take_bullets(s: &str) -> (String, Vec<Bullet>) {
    let mut out = String::with_capacity(s.len());
    let mut bullets = Vec::new();
    let mut rest = s;
    while let Some(i) = rest.find(['\u{15}', '•']) {
        out.push_str(&rest[..i]);
        let delim = rest[i..].chars().next().expect("found above");
        let after = &rest[i + delim.len_utf8()..];
        let Some(j) = after.find(delim) else {
            // An unpaired mark: drop it, keep the rest.
            rest = after;
            continue;
        };
        let inner = &after[..j];
        if let Some((a, b)) = last_two_numbers(inner) {
            bullets.push(Bullet {
                start: a,
                end: b,
                old: delim == '•',
            });
        }
        out.push(' ');
        rest = &after[j + delim.len_utf8()..];
    }
    out.push_str(rest);
    (out, bullets)
}

/// `123_456` at the end of a bullet body (old media bullets put a file name
/// before the times).
fn last_two_numbers(inner: &str) -> Option<(f64, f64)> {
    let mut it = inner.rsplit('_');
    let b = it.next()?.trim();
    let a = it.next()?.trim();
    let a = a.rsplit(|c: char| !c.is_ascii_digit()).next()?;
    if a.is_empty() || b.is_empty() || a.len() > 12 || b.len() > 12 {
        return None;
    }
    if !a.bytes().all(|c| c.is_ascii_digit()) || !b.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    Some((a.parse().ok()?, b.parse().ok()?))
}

/// Repairs a line that is UTF-8 decoded as Windows-1252 and encoded again.
fn fix_mojibake(s: &str) -> Option<String> {
    if !s.chars().any(|c| ('\u{C2}'..='\u{F4}').contains(&c)) {
        return None;
    }
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(s);
    if unmappable {
        return None;
    }
    let fixed = std::str::from_utf8(&bytes).ok()?;
    (fixed != s).then(|| fixed.to_string())
}

/// Characters of CA and CHAT prosody and overlap notation, removed from words.
const CA_MARKS: &[char] = &[
    '⌈', '⌉', '⌊', '⌋', '↑', '↓', '⇗', '⇘', '↗', '↘', '→', '↻', '°', '∆', '∇', '☺', '≋', '≈', 'ʔ', 'ʕ', '∙', '∬', '⁎',
    '◉', '▁', '▔', '§', '∾', 'ˈ', 'ˌ', '^', '~', '<', '>', '“', '”', '"', '(', ')', ':', '=', '+', '\u{2021}',
    '\u{201E}',
];

/// Cleans one line of a main tier into items.
fn clean(s: &str) -> Vec<Item> {
    let s = remove_codes(s);
    let mut items = Vec::new();
    for tok in s.split_whitespace() {
        if let Some(d) = pause(tok) {
            items.push(Item::Pause(d));
            continue;
        }
        match tok {
            "." | "?" | "!" | "," | "..." | "!?" | "?!" => {
                items.push(Item::Punct(punct(tok)));
                continue;
            }
            "\u{201E}" | "\u{2021}" => {
                items.push(Item::Punct(","));
                continue;
            }
            "0" => {
                items.push(Item::Placeholder);
                continue;
            }
            _ => {}
        }
        let lower = tok.to_ascii_lowercase();
        let base = lower.split('@').next().unwrap_or("");
        if matches!(base, "xxx" | "yyy" | "www" | "xx" | "yy" | "(unintelligible)") {
            items.push(Item::Placeholder);
            continue;
        }
        if let Some(filler) = tok.strip_prefix("&-") {
            if let Some(w) = clean_word(filler) {
                items.push(w);
            }
            continue;
        }
        if tok.starts_with('&')
            || (tok.starts_with('0') && tok.len() > 1 && !tok[1..].starts_with(|c: char| c.is_ascii_digit()))
        {
            continue;
        }
        if let Some(rest) = tok.strip_prefix('+') {
            if rest.contains('?') {
                items.push(Item::Punct("?"));
            } else if rest.ends_with('!') {
                items.push(Item::Punct("!"));
            } else if rest == "..." {
                items.push(Item::Punct("..."));
            } else if rest.ends_with('.') {
                items.push(Item::Punct("."));
            }
            continue;
        }
        if let Some(w) = clean_word(tok) {
            items.push(w);
        }
    }
    items
}

fn punct(tok: &str) -> &'static str {
    match tok {
        "." => ".",
        "!" => "!",
        "," => ",",
        "..." => "...",
        _ => "?",
    }
}

/// Removes `[...]` codes and marks `(   )` (unintelligible) as `xxx`.
fn remove_codes(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut depth = 0usize;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '[' => depth += 1,
            ']' if depth > 0 => {
                depth -= 1;
                out.push(' ');
            }
            '(' if depth == 0 => {
                // "(   )" with only spaces inside: talk nobody could make out.
                let mut ahead = chars.clone();
                let mut spaces = 0;
                while ahead.peek().is_some_and(|c| *c == ' ' || *c == '\t') {
                    ahead.next();
                    spaces += 1;
                }
                if spaces > 0 && ahead.peek() == Some(&')') {
                    ahead.next();
                    chars = ahead;
                    out.push_str(" xxx ");
                } else {
                    out.push(c);
                }
            }
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// `(.)`, `(..)`, `(...)`, `(1.5)`, `(1:02.5)`, `#`, `##`, `###`.
fn pause(tok: &str) -> Option<f64> {
    match tok {
        "(.)" | "#" => return Some(0.1),
        "(..)" | "##" => return Some(0.5),
        "(...)" | "###" => return Some(1.0),
        _ => {}
    }
    let inner = tok.strip_prefix('(')?.strip_suffix(')')?;
    if inner.is_empty() || !inner.bytes().all(|b| b.is_ascii_digit() || b == b'.' || b == b':') {
        return None;
    }
    let secs = match inner.split_once(':') {
        Some((m, s)) => m.parse::<f64>().ok()? * 60.0 + s.parse::<f64>().ok()?,
        None => inner.parse::<f64>().ok()?,
    };
    (secs.is_finite() && (0.0..=3600.0).contains(&secs)).then_some(secs)
}

/// Cleans a word token: `@` suffixes, CA marks, lengthening colons, cut-off
/// hyphens, compound underscores.
fn clean_word(tok: &str) -> Option<Item> {
    let tok = match tok.find('@') {
        Some(0) => return None,
        Some(i) => &tok[..i],
        None => tok,
    };
    let mut w: String = tok.chars().filter(|c| !CA_MARKS.contains(c)).collect();
    w = w.replace('_', " ");
    let trimmed = w.trim_matches('-').trim();
    if trimmed.is_empty() {
        return None;
    }
    if trimmed.chars().all(|c| matches!(c, '.' | ',' | '?' | '!')) {
        return Some(Item::Punct(punct(if trimmed.contains('?') {
            "?"
        } else if trimmed.contains('!') {
            "!"
        } else if trimmed.contains('.') {
            "."
        } else {
            ","
        })));
    }
    // A cut-off before punctuation: "wor-," -> "wor,".
    let w = trimmed.replace("-,", ",").replace("-.", ".");
    Some(Item::Word(w))
}

fn is_clitic(w: &str, prev: Option<&str>) -> bool {
    let l = w.to_ascii_lowercase();
    if matches!(l.as_str(), "'s" | "'re" | "'ve" | "'ll" | "'d" | "'m" | "n't") {
        return prev.is_some();
    }
    matches!(l.as_str(), "na") && prev.is_some_and(|p| matches!(p.to_ascii_lowercase().as_str(), "gon" | "wan"))
}

/// Joins items into text; returns pauses with "before any word" flags.
fn assemble(items: &[Item]) -> (String, Vec<(f64, bool)>) {
    let mut out = String::new();
    let mut pauses = Vec::new();
    let mut prev_word: Option<&str> = None;
    for it in items {
        match it {
            Item::Word(w) => {
                if is_clitic(w, prev_word) {
                    out.push_str(w);
                } else {
                    if !out.is_empty() {
                        out.push(' ');
                    }
                    out.push_str(w);
                }
                prev_word = Some(w);
            }
            Item::Punct(p) => {
                if out.is_empty() || (out.ends_with(['.', '?', '!', ',']) && *p == ",") {
                    continue;
                }
                if out.ends_with(',') && *p != "," {
                    out.pop();
                }
                if out.ends_with(['.', '?', '!']) {
                    continue;
                }
                out.push_str(p);
                prev_word = None;
            }
            Item::Pause(d) => pauses.push((*d, out.is_empty())),
            Item::Placeholder => prev_word = None,
        }
    }
    (out, pauses)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Timing;

    fn text(s: &str) -> String {
        assemble(&clean(s)).0
    }

    #[test]
    fn markup_is_cleaned_and_terminators_attach() {
        assert_eq!(
            text("They do n't make them any more do they ."),
            "They don't make them any more do they."
        );
        assert_eq!(text("it 's gon na rain ?"), "it's gonna rain?");
        assert_eq!(
            text("<I want> [/] I want &-uh to go [: went] [*] ."),
            "I want I want uh to go."
        );
        assert_eq!(text("&=laughs yes &+fr free xxx +..."), "yes free...");
        assert_eq!(text("+< ⌈first line: of utterance⌉, "), "first line of utterance,");
        assert_eq!(
            text("°quiet° ↑up ↓down whi:le no: =latched= it-"),
            "quiet up down while no latched it"
        );
        assert_eq!(text("house@l is +/."), "house is.");
        assert_eq!(text("0 ."), "");
        assert_eq!(text("why +/?"), "why?");
        assert_eq!(text("(be)cause I said so # ok ."), "because I said so ok.");
    }

    #[test]
    fn pauses_are_events_not_text() {
        let (t, p) = assemble(&clean("(.) hm:: (..) yes (1.5) no (1:02.5)"));
        assert_eq!(t, "hm yes no");
        assert_eq!(p, vec![(0.1, true), (0.5, false), (1.5, false), (62.5, false)]);
    }

    #[test]
    fn mojibake_is_repaired() {
        assert_eq!(
            fix_mojibake("âŒˆno randomtext whi:leâŒ‰,").as_deref(),
            Some("⌈no randomtext whi:le⌉,")
        );
        assert_eq!(fix_mojibake("⌈first line⌉"), None);
        assert_eq!(fix_mojibake("café"), None);
    }

    #[test]
    fn bullets_continuations_untimed_and_participants() {
        let src =
            "@UTF8\n@Begin\n@Languages:\tnld\n@Participants:\tAGT Sanne_Visser Agent, KL None Client,\n\tX Role\n\
                   *AGT:\tgoedemorgen . \u{15}1000_2500\u{15}\n%mor:\tjunk\n\
                   *KL:\tja (0.4) ik luister \u{15}2600_4000\u{15}\n\tnog steeds . \u{15}4000_5000\u{15}\n\
                   \t(0.3) \u{15}5000_5300\u{15}\n*AGT:\tmooi .\n*KL:\t0 .\n@End\n";
        let t = parse(src).unwrap();
        let got: Vec<(&str, &str, Option<f64>, Option<f64>)> = t
            .segments
            .iter()
            .map(|s| (t.label(s), s.text.as_str(), s.start_s, s.end_s))
            .collect();
        assert_eq!(
            got,
            vec![
                ("AGT", "goedemorgen.", Some(1.0), Some(2.5)),
                ("KL", "ja ik luister nog steeds.", Some(2.6), Some(5.0)),
                ("AGT", "mooi.", None, None),
                ("KL", "", None, None),
            ]
        );
        assert_eq!(t.speakers[0].display_name.as_deref(), Some("Sanne Visser"));
        assert_eq!(t.speakers[1].display_name, None);
        assert_eq!(t.language.as_deref(), Some("nl"));
        // 2 of 4 timed: not more than half.
        assert_eq!(t.timing, Timing::None);
        let pauses: Vec<(Option<usize>, f64)> = t.pauses.iter().map(|p| (p.after_segment, p.duration_s)).collect();
        assert_eq!(pauses, vec![(Some(1), 0.4), (Some(1), 0.3)]);
    }

    #[test]
    fn old_bullets_that_run_backwards_are_dropped() {
        let src = "*A:\tone •1000_2000•\n*B:\ttwo •900000_2100•\n*A:\tthree •2200_2500•\n";
        let t = parse(src).unwrap();
        assert!(t.segments.iter().all(|s| s.start_s.is_none()));
        assert!(t.warnings.iter().any(|w| w.message.contains("inconsistent")));
        let t = parse("*A:\tone •1000_2000•\n*B:\ttwo •2000_2100•\n").unwrap();
        assert_eq!(t.segments[1].end_s, Some(2.1));
        assert_eq!(t.timing, Timing::Full);
    }

    #[test]
    fn pause_only_tier_is_not_a_segment() {
        let t = parse("*A:\thello . \u{15}0_1000\u{15}\n*A:\t(2.0)\n*B:\thi . \u{15}3000_3500\u{15}\n").unwrap();
        assert_eq!(t.segments.len(), 2);
        assert_eq!(t.pauses[0].after_segment, Some(0));
        assert_eq!(t.pauses[0].duration_s, 2.0);
    }

    proptest::proptest! {
        #[test]
        fn never_panics(s in "(\\*[A-Z .]{0,4}:[\t ]|\t|@[A-Za-z]{1,12}:\t|%mor:\t)?[ -~\u{15}•⌈⌉°↑(). 0-9_:&+<>\\[\\]@#=-]{0,60}(\n[ -~\u{15}•\t]{0,40}){0,4}") {
            let _ = parse(&s);
        }
    }
}
