//! Language detection: counts each lexicon's function words over the whole
//! transcript.

use crate::analyzer::LangModel;
use crate::Transcript;

/// Picks the language model to use and says why. `choice` is `auto` or a code.
pub(crate) fn detect(t: &Transcript, models: &[LangModel], choice: &str) -> (usize, String) {
    if choice != "auto" {
        if let Some(i) = models.iter().position(|m| m.lex.lang == choice) {
            return (i, "explicit".to_string());
        }
    }
    let mut counts = vec![0usize; models.len()];
    let mut total = 0usize;
    for seg in &t.segments {
        for w in crate::text::words_lower(&seg.text) {
            total += 1;
            for (i, m) in models.iter().enumerate() {
                if m.function_words.contains(&w) {
                    counts[i] += 1;
                }
            }
        }
    }
    let best = (0..models.len())
        .max_by_key(|&i| (counts[i], std::cmp::Reverse(i)))
        .unwrap_or(0);
    if counts.iter().all(|&c| c == 0) {
        if let Some(declared) = &t.language {
            let code = declared.to_lowercase();
            let code = match code.as_str() {
                "eng" | "english" => "en",
                "nld" | "dut" | "dutch" | "nl-nl" => "nl",
                other => other.get(..2).unwrap_or(other),
            };
            if let Some(i) = models.iter().position(|m| m.lex.lang == code) {
                return (i, format!("declared by the source ({declared})"));
            }
        }
        let i = models.iter().position(|m| m.lex.lang == "en").unwrap_or(0);
        return (i, "default (no text to detect from)".to_string());
    }
    let summary: Vec<String> = models
        .iter()
        .zip(&counts)
        .map(|(m, c)| format!("{} {}", m.lex.lang, c))
        .collect();
    (
        best,
        format!("function words ({}) of {} words", summary.join(", "), total),
    )
}
