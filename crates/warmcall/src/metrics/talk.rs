//! Talk share and per-speaker figures (SPEC §5 "Talk share", §12 `talk`,
//! `speakers`).
//!
//! Time basis when the transcript is fully timed: speech time is the length
//! of the union of a speaker's (or a side's) segment intervals, so a
//! speaker's own overlapping segments, and two customers talking at once,
//! count once. Word basis otherwise (start-only and untimed): inferred ends
//! are guesses, words are not.

use super::intervals::{total, union};
use super::{interval, round3};
use crate::context::Ctx;
use crate::report::{Basis, Role, SpeakerStats, Talk};

/// Talk share and the speakers table (in order of first appearance).
pub(crate) fn compute(ctx: &Ctx<'_>) -> (Talk, Vec<SpeakerStats>) {
    let segs = ctx.segs();
    let timed = ctx.timed();
    let n = ctx.t.speakers.len();
    let mut words = vec![0usize; n];
    let mut count = vec![0usize; n];
    let mut spans: Vec<Vec<(f64, f64)>> = vec![Vec::new(); n];
    let (mut agent_words, mut customer_words) = (0, 0);
    let (mut agent_iv, mut customer_iv) = (Vec::new(), Vec::new());
    for (i, s) in segs.iter().enumerate() {
        words[s.speaker] += ctx.words[i];
        count[s.speaker] += 1;
        let iv = interval(s).filter(|_| timed);
        if let Some(iv) = iv {
            spans[s.speaker].push(iv);
        }
        match ctx.role[i] {
            Role::Agent => {
                agent_words += ctx.words[i];
                agent_iv.extend(iv);
            }
            Role::Customer => {
                customer_words += ctx.words[i];
                customer_iv.extend(iv);
            }
        }
    }

    let speakers = ctx
        .t
        .speakers
        .iter()
        .enumerate()
        .map(|(k, sp)| {
            let speech = timed.then(|| total(&union(spans[k].iter().copied())));
            // Words per minute only where both words and time exist (RTTM has no words).
            let wpm = speech
                .filter(|&s| s > 0.0 && ctx.has_text)
                .map(|s| words[k] as f64 / (s / 60.0));
            SpeakerStats {
                label: sp.label.clone(),
                display_name: sp.display_name.clone(),
                role: ctx.speaker_role[k],
                speech_s: speech.map(round3),
                words: words[k],
                segments: count[k],
                wpm: wpm.map(round3),
            }
        })
        .collect();

    let talk = if timed {
        let agent_s = total(&union(agent_iv));
        let customer_s = total(&union(customer_iv));
        let speech = agent_s + customer_s;
        Talk {
            basis: Basis::Time,
            agent_share_of_speech: (speech > 0.0).then(|| round3(agent_s / speech)),
            agent_share_of_call: ctx.span_len().filter(|&s| s > 0.0).map(|s| round3(agent_s / s)),
            agent_s: Some(round3(agent_s)),
            customer_s: Some(round3(customer_s)),
            agent_words,
            customer_words,
        }
    } else {
        let all = agent_words + customer_words;
        let share = (all > 0).then(|| round3(agent_words as f64 / all as f64));
        Talk {
            basis: Basis::Words,
            agent_share_of_speech: share,
            // On the word basis the "call" is every word said.
            agent_share_of_call: share,
            agent_s: None,
            customer_s: None,
            agent_words,
            customer_words,
        }
    };
    (talk, speakers)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::context::with_ctx;
    use crate::Transcript;

    #[test]
    fn two_customers_at_once_count_once() {
        let t = Transcript::builder()
            .segment("A", 0.0, 2.0, "Hello both.")
            .segment("B", 2.0, 6.0, "Hi, we are both here.")
            .segment("C", 3.0, 5.0, "Yes we are.")
            .build();
        let (talk, speakers) = with_ctx(&t, "en", "A", compute);
        assert_eq!((talk.agent_s, talk.customer_s), (Some(2.0), Some(4.0)));
        assert_eq!(talk.agent_share_of_speech, Some(0.333));
        assert_eq!(talk.agent_share_of_call, Some(0.333));
        assert_eq!(speakers[2].speech_s, Some(2.0));
        assert_eq!(speakers[2].wpm, Some(90.0));
    }

    #[test]
    fn nobody_speaking_gives_no_share() {
        let t = Transcript::builder().untimed("A", "").build();
        let (talk, _) = with_ctx(&t, "en", "A", compute);
        assert_eq!(talk.basis, Basis::Words);
        assert_eq!(talk.agent_share_of_speech, None);
    }
}
