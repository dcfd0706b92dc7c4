//! Hand-off gaps: patience, wait after question, patience after objections
//! (SPEC §5 "Patience", "Patience after objections").
//!
//! The sequence is the non-backchannel segments with times, in start order.
//! A hand-off is a customer segment directly followed in that sequence by an
//! agent segment; its gap runs from the customer's end to the agent's start,
//! overlap counting as 0.

use super::{interval, mean, median, round3};
use crate::context::Ctx;
use crate::findings::signals::SignalHit;
use crate::report::{Patience, Questions, Role, SignalKind};

/// Patience; `None` unless fully timed.
pub(crate) fn compute(ctx: &Ctx<'_>, questions: Option<&Questions>, signals: &[SignalHit]) -> Option<Patience> {
    if !ctx.timed() {
        return None;
    }
    let segs = ctx.segs();
    let seq: Vec<(usize, f64, f64)> = segs
        .iter()
        .enumerate()
        .filter(|&(i, _)| !ctx.backchannel[i])
        .filter_map(|(i, s)| interval(s).map(|(a, b)| (i, a, b)))
        .collect();
    // Looked up per hand-off: precompute so long calls stay linear.
    let mut objection = vec![false; segs.len()];
    for h in signals {
        if matches!(h.kind, SignalKind::Rejection | SignalKind::Concern) && h.segment < segs.len() {
            objection[h.segment] = true;
        }
    }
    let mut asked: Vec<Vec<&str>> = vec![Vec::new(); segs.len()];
    for it in questions.map_or(&[][..], |q| &q.items[..]) {
        if it.role == Role::Agent && it.segment < segs.len() {
            asked[it.segment].push(it.text.trim());
        }
    }
    let (mut handoffs, mut after_question, mut after_objection) = (Vec::new(), Vec::new(), Vec::new());
    for w in seq.windows(2) {
        let ((p, _, p_end), (n, n_start, _)) = (w[0], w[1]);
        let gap = (n_start - p_end).max(0.0);
        match (ctx.role[p], ctx.role[n]) {
            (Role::Customer, Role::Agent) => {
                handoffs.push(gap);
                if objection[p] {
                    after_objection.push(gap);
                }
            }
            (Role::Agent, Role::Customer)
                if ends_in_question(&segs[p].text, questions.is_some(), &asked[p], || {
                    ctx.sentences(p).last().map(|(_, s)| s)
                }) =>
            {
                after_question.push(gap)
            }
            _ => {}
        }
    }
    Some(Patience {
        handoffs: handoffs.len(),
        mean_s: mean(&handoffs).map(round3),
        median_s: median(&handoffs).map(round3),
        wait_after_question_mean_s: mean(&after_question).map(round3),
        after_objection_mean_s: mean(&after_objection).map(round3),
    })
}

/// Whether an agent segment ends in a question: its last sentence is one of
/// the detector's questions in it (`asked`; tags too: the seller asked and
/// can wait), or, without a question detector's answer, its text ends in `?`.
/// `last_sentence` gives the segment's last sentence from the context's
/// shared split: the last sentence of the text with its trailing whitespace
/// trimmed, as splitting that trimmed text gave (a test checks the two agree).
fn ends_in_question<'s>(
    text: &str,
    detected: bool,
    asked: &[&str],
    last_sentence: impl FnOnce() -> Option<&'s str>,
) -> bool {
    let text = text.trim_end();
    if !detected {
        return text.ends_with('?');
    }
    let Some(last) = last_sentence() else {
        return false;
    };
    asked
        .iter()
        .any(|t| !t.is_empty() && (last.contains(t) || t.contains(last)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::context::with_ctx;
    use crate::report::{QuestionBasis, QuestionItem, QuestionKind, QuestionStats};
    use crate::Transcript;

    fn call() -> Transcript {
        Transcript::builder()
            .segment("A", 0.0, 2.0, "What do you use today? Just curious.")
            .segment("C", 2.5, 6.0, "A spreadsheet we built ourselves.")
            .segment("A", 5.0, 5.3, "Right.")
            .segment("A", 6.8, 9.0, "And how is that working? ")
            .segment("C", 10.0, 14.0, "Too expensive for what it does.")
            .segment("A", 13.5, 16.0, "I hear you, many teams say that.")
            .build()
    }

    #[test]
    fn handoffs_skip_backchannels_and_count_overlap_as_zero() {
        let p = with_ctx(&call(), "en", "A", |c| compute(c, None, &[])).unwrap();
        // C(1) -> A(3): 0.8 (the agent's "Right." is left out); C(4) -> A(5): overlap, 0.
        assert_eq!(p.handoffs, 2);
        assert_eq!(p.mean_s, Some(0.4));
        assert_eq!(p.median_s, Some(0.4));
        // Only segment 3 ends in '?' (segment 0 ends in a statement): 10.0 - 9.0.
        assert_eq!(p.wait_after_question_mean_s, Some(1.0));
        assert_eq!(p.after_objection_mean_s, None);
    }

    #[test]
    fn objections_come_from_rejection_and_concern_signals() {
        let hit = |segment, kind| SignalHit::new(segment, kind, "");
        let signals = [hit(4, SignalKind::Concern), hit(1, SignalKind::Need)];
        let p = with_ctx(&call(), "en", "A", |c| compute(c, None, &signals)).unwrap();
        assert_eq!(p.after_objection_mean_s, Some(0.0));
        let signals = [hit(1, SignalKind::Rejection)];
        let p = with_ctx(&call(), "en", "A", |c| compute(c, None, &signals)).unwrap();
        assert_eq!(p.after_objection_mean_s, Some(0.8));
    }

    #[test]
    fn detected_questions_decide_which_segments_end_in_one() {
        let item = |segment: usize, text: &str| QuestionItem {
            segment,
            start_s: None,
            role: Role::Agent,
            speaker: "A".into(),
            text: text.into(),
            kind: QuestionKind::Open,
            follow_up: false,
        };
        // The detector found a question in segment 0, but not as its last
        // sentence; segment 3's question is its last sentence.
        let q = Questions {
            basis: QuestionBasis::Punctuation,
            agent: QuestionStats::default(),
            customer: QuestionStats::default(),
            items: vec![item(0, "What do you use today?"), item(3, "And how is that working?")],
        };
        let p = with_ctx(&call(), "en", "A", |c| compute(c, Some(&q), &[])).unwrap();
        assert_eq!(p.wait_after_question_mean_s, Some(1.0));
        let q = Questions { items: vec![], ..q };
        let p = with_ctx(&call(), "en", "A", |c| compute(c, Some(&q), &[])).unwrap();
        assert_eq!(p.wait_after_question_mean_s, None);
    }

    /// The last sentence of a text is the last sentence of the text with
    /// its trailing whitespace trimmed (what this stage split before it
    /// read the context's sentences), whatever the whitespace: paragraph
    /// separators, CR LF, and characters outside the splitter's fast path.
    #[test]
    fn last_sentence_ignores_trailing_whitespace() {
        let parts = [
            "Is it?",
            "Yes.",
            "ok",
            "Mr. Smith",
            "e.g. this",
            "A.",
            "b",
            "“Really?”",
            "x!)",
            ",",
            "\u{3a3}",
        ];
        let spaces = [
            "",
            " ",
            "\n",
            "\r\n",
            "\t",
            "\u{85}",
            "\u{a0}",
            "\u{2028}",
            "\u{3000}",
            "\u{b}\u{c}",
            " \n \n",
        ];
        for a in parts {
            for b in parts {
                for s1 in spaces {
                    for s2 in spaces {
                        let text = format!("{a}{s1}{b}{s2}");
                        let want = crate::text::sentences(text.trim_end()).last().map(|(_, s)| s);
                        let got = crate::text::sentences(&text).last().map(|(_, s)| s);
                        assert_eq!(got, want, "{text:?}");
                    }
                }
            }
        }
        for text in ["", " ", "\n\n", "\u{2029}", "?"] {
            let want = crate::text::sentences(text.trim_end()).last().map(|(_, s)| s);
            assert_eq!(crate::text::sentences(text).last().map(|(_, s)| s), want, "{text:?}");
        }
    }

    #[test]
    fn not_measured_without_full_timing() {
        let t = Transcript::builder().untimed("A", "Hello?").untimed("C", "Hi.").build();
        assert!(with_ctx(&t, "en", "A", |c| compute(c, None, &[])).is_none());
    }
}
