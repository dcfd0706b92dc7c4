//! Language detection: counts each lexicon's function words (`[detect]`
//! lists, chosen not to overlap between languages) over the whole transcript.
//! The language the source declares (Whisper, AssemblyAI, CHAT) decides only
//! when the words do not: no text, a tie, or fewer than
//! [`MIN_EVIDENCE`] function words for the winner.

use std::collections::HashSet;

use unicode_segmentation::UnicodeSegmentation;

use crate::analyzer::LangModel;
use crate::Transcript;

/// The winner needs at least this many function words to overrule a
/// declared language.
pub(crate) const MIN_EVIDENCE: usize = 3;

/// Picks the language model to use and says why. `choice` is `auto` or a code.
pub(crate) fn detect(t: &Transcript, models: &[LangModel], choice: &str) -> (usize, String) {
    let langs: Vec<(&str, &HashSet<String>)> = models
        .iter()
        .map(|m| (m.lex.lang.as_str(), &m.function_words))
        .collect();
    detect_with(t, &langs, choice)
}

/// [`detect`] over `(code, function words)` pairs.
pub(crate) fn detect_with(t: &Transcript, langs: &[(&str, &HashSet<String>)], choice: &str) -> (usize, String) {
    if choice != "auto" {
        if let Some(i) = langs.iter().position(|(l, _)| *l == choice) {
            return (i, "explicit".to_string());
        }
    }
    let mut counts = vec![0usize; langs.len()];
    let mut total = 0usize;
    let mut buf = String::new();
    for seg in &t.segments {
        for_each_word(&seg.text, &mut buf, |w| {
            total += 1;
            for (i, (_, set)) in langs.iter().enumerate() {
                if set.contains(w) {
                    counts[i] += 1;
                }
            }
        });
    }
    let summary = langs
        .iter()
        .zip(&counts)
        .map(|((l, _), c)| format!("{l} {c}"))
        .collect::<Vec<_>>()
        .join(", ");
    let best = (0..langs.len())
        .max_by_key(|&i| (counts[i], std::cmp::Reverse(i)))
        .unwrap_or(0);
    let tie = counts.iter().filter(|&&c| c == counts[best]).count() > 1;
    let decided = !tie && counts.get(best).copied().unwrap_or(0) >= MIN_EVIDENCE;
    if decided {
        return (best, format!("function words ({summary}) of {total} words"));
    }
    if let Some(declared) = &t.language {
        let code = normalise_code(declared);
        if let Some(i) = langs.iter().position(|(l, _)| *l == code) {
            return (
                i,
                format!("declared by the source ({declared}); too few function words to decide ({summary})"),
            );
        }
    }
    if counts.iter().all(|&c| c == 0) {
        let i = langs.iter().position(|(l, _)| *l == "en").unwrap_or(0);
        return (i, "default (no function words to detect from)".to_string());
    }
    (
        best,
        format!("function words ({summary}) of {total} words; weak evidence, first language on a tie"),
    )
}

/// `eng`, `en_uk`, `en-US`, `Dutch`, `nld` → a two-letter code.
fn normalise_code(declared: &str) -> String {
    let code = declared.trim().to_lowercase();
    match code.as_str() {
        "eng" | "english" => "en".into(),
        "nld" | "dut" | "dutch" | "nederlands" => "nl".into(),
        other => other
            .split(['-', '_'])
            .next()
            .and_then(|c| c.get(..2))
            .unwrap_or(other)
            .to_string(),
    }
}

/// Calls `f` with each word of `text`, lowercased, curly apostrophes made
/// straight (`don’t` → `don't`). ASCII text takes a byte-level path: this
/// runs over every word of every transcript.
fn for_each_word(text: &str, buf: &mut String, mut f: impl FnMut(&str)) {
    if text.is_ascii() {
        for w in text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '\'')) {
            let w = w.trim_matches('\'');
            if w.is_empty() {
                continue;
            }
            if w.bytes().any(|b| b.is_ascii_uppercase()) {
                buf.clear();
                buf.push_str(w);
                buf.make_ascii_lowercase();
                f(buf);
            } else {
                f(w);
            }
        }
    } else {
        for w in text.unicode_words() {
            buf.clear();
            for c in w.chars() {
                if c == '’' {
                    buf.push('\'');
                } else {
                    buf.extend(c.to_lowercase());
                }
            }
            f(buf);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;

    fn sets() -> Vec<(String, HashSet<String>)> {
        ["nl", "en"]
            .iter()
            .map(|c| {
                let lex = Lexicon::builtin(c).unwrap();
                let set = lex
                    .list("detect.function_words")
                    .iter()
                    .map(|w| w.to_lowercase())
                    .collect();
                (c.to_string(), set)
            })
            .collect()
    }

    fn detect_text(texts: &[&str], declared: Option<&str>) -> (String, String) {
        let owned = sets();
        let langs: Vec<(&str, &HashSet<String>)> = owned.iter().map(|(c, s)| (c.as_str(), s)).collect();
        let mut b = Transcript::builder();
        for (i, s) in texts.iter().enumerate() {
            b = b.untimed(if i % 2 == 0 { "A" } else { "B" }, s);
        }
        if let Some(d) = declared {
            b = b.language(d);
        }
        let t = b.build();
        let (i, basis) = detect_with(&t, &langs, "auto");
        (langs[i].0.to_string(), basis)
    }

    #[test]
    fn lists_do_not_overlap() {
        let s = sets();
        let both: Vec<&String> = s[0].1.intersection(&s[1].1).collect();
        assert!(both.is_empty(), "{both:?}");
    }

    #[test]
    fn dutch_and_english() {
        assert_eq!(
            detect_text(
                &["Met Tom.", "Ja, goeiemiddag, u spreekt met Jeroen. Heeft u even?"],
                None
            )
            .0,
            "nl"
        );
        assert_eq!(
            detect_text(
                &["Hello?", "Hi there, is that Helen? I'm calling from Brightwater."],
                None
            )
            .0,
            "en"
        );
        // English loanwords and fillers in Dutch do not tip it.
        assert_eq!(
            detect_text(
                &["Oké, uh, we hebben een meeting is het niet?", "Ja, even kijken."],
                None
            )
            .0,
            "nl"
        );
        // Curly apostrophes count.
        assert_eq!(detect_text(&["I don’t know, it’s fine."], None).0, "en");
    }

    #[test]
    fn declared_language_is_the_fallback() {
        let (l, basis) = detect_text(&["Hm.", "Mm."], Some("en_uk"));
        assert_eq!(l, "en");
        assert!(basis.starts_with("declared"), "{basis}");
        let (l, basis) = detect_text(&["Ja, dat is het niet, maar wel goed."], Some("eng"));
        assert_eq!(l, "nl");
        assert!(basis.starts_with("function words"), "{basis}");
        let (l, basis) = detect_text(&["Hm."], None);
        assert_eq!(l, "en");
        assert!(basis.starts_with("default"), "{basis}");
    }

    #[test]
    fn codes() {
        assert_eq!(normalise_code("en_uk"), "en");
        assert_eq!(normalise_code("nl-NL"), "nl");
        assert_eq!(normalise_code("nld"), "nl");
        assert_eq!(normalise_code("English"), "en");
    }
}
