//! Turns, switches, words per minute, longest agent monologue and longest
//! customer story (SPEC §4, §5 "Turns", "Longest agent monologue").
//!
//! Backchannels are left out of the turn sequence, so they never break the
//! other side's turn, monologue or story.

use super::round3;
use crate::context::Ctx;
use crate::report::{Role, Run, Turns};
use crate::Timing;

/// Turn figures.
pub(crate) fn compute(ctx: &Ctx<'_>) -> Turns {
    let segs = ctx.segs();
    let (mut count, mut switches) = (0usize, 0usize);
    let mut last: Option<usize> = None;
    for (i, s) in segs.iter().enumerate() {
        if ctx.backchannel[i] {
            continue;
        }
        match last {
            Some(p) if p == s.speaker => {}
            Some(_) => {
                count += 1;
                switches += 1;
            }
            None => count += 1,
        }
        last = Some(s.speaker);
    }
    let switches_per_minute = ctx
        .span_len()
        .filter(|&s| s > 0.0)
        .map(|s| round3(switches as f64 / (s / 60.0)));
    let (agent, customer) = longest_runs(ctx);
    Turns {
        count,
        switches_per_minute,
        longest_agent_monologue: agent,
        longest_customer_story: customer,
    }
}

/// A run of one side's segments being collected.
#[derive(Debug, Clone)]
struct Acc {
    side: Role,
    first: usize,
    start: Option<f64>,
    end: Option<f64>,
    words: usize,
}

impl Acc {
    fn seconds(&self) -> Option<f64> {
        Some((self.end? - self.start?).max(0.0))
    }
}

/// The longest agent run and the longest customer run.
///
/// A run starts at a non-backchannel segment of one side and takes every
/// following segment of that side (its own backchannels too) until a
/// non-backchannel segment of the other side; the other side's backchannels
/// are skipped. Seconds are the latest end in the run minus the start of its
/// first segment (start-only transcripts: ends inferred from the next
/// start); untimed transcripts compare words. Ties keep the earlier run.
fn longest_runs(ctx: &Ctx<'_>) -> (Option<Run>, Option<Run>) {
    // Start-only ends are the next segment's start: that is exactly SPEC §5's
    // "monologue and story seconds run to the next segment's start".
    let timed = matches!(ctx.t.timing, Timing::Full | Timing::StartOnly);
    let mut best: [Option<Acc>; 2] = [None, None];
    let mut keep = |acc: Acc| {
        let slot = &mut best[usize::from(acc.side == Role::Customer)];
        let better = match slot {
            None => true,
            Some(b) if timed => acc.seconds().unwrap_or(-1.0) > b.seconds().unwrap_or(-1.0),
            Some(b) => acc.words > b.words,
        };
        if better {
            *slot = Some(acc);
        }
    };
    let mut cur: Option<Acc> = None;
    // A NaN or infinite time from a broken file is no time.
    let finite = |t: Option<f64>| t.filter(|x| x.is_finite());
    for (i, s) in ctx.segs().iter().enumerate() {
        let side = ctx.role[i];
        let (start, end) = (finite(s.start_s), finite(s.end_s));
        match cur.as_mut() {
            Some(acc) if acc.side == side => {
                acc.words += ctx.words[i];
                if acc.start.is_none() {
                    acc.start = start;
                }
                if let Some(e) = end {
                    acc.end = Some(acc.end.map_or(e, |x: f64| x.max(e)));
                }
            }
            _ if ctx.backchannel[i] => {}
            _ => {
                if let Some(done) = cur.take() {
                    keep(done);
                }
                cur = Some(Acc {
                    side,
                    first: i,
                    start,
                    end,
                    words: ctx.words[i],
                });
            }
        }
    }
    if let Some(done) = cur {
        keep(done);
    }
    let [agent, customer] = best.map(|b| {
        b.map(|acc| Run {
            s: if timed { acc.seconds().map(round3) } else { None },
            words: acc.words,
            start_s: acc.start.map(round3),
            segment: acc.first,
        })
    });
    (agent, customer)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::context::with_ctx;
    use crate::Transcript;

    #[test]
    fn a_run_starts_at_its_sides_first_real_segment() {
        // The agent's "Hm." while the customer talks does not start the
        // agent's monologue; the customer's "Yeah." inside it does not break it.
        let t = Transcript::builder()
            .segment("C", 0.0, 5.0, "We tried three tools already.")
            .segment("A", 4.0, 4.5, "Hm.")
            .segment("A", 5.5, 10.0, "Let me tell you what ours does differently.")
            .segment("C", 9.0, 9.4, "Yeah.")
            .segment("A", 10.0, 20.0, "It plans the whole week in one go.")
            .build();
        let turns = with_ctx(&t, "en", "A", compute);
        let m = turns.longest_agent_monologue.unwrap();
        assert_eq!((m.segment, m.start_s, m.s, m.words), (2, Some(5.5), Some(14.5), 16));
        let s = turns.longest_customer_story.unwrap();
        assert_eq!((s.segment, s.s, s.words), (0, Some(5.0), 5));
        assert_eq!(turns.count, 2);
    }

    #[test]
    fn untimed_runs_compare_words_and_ties_keep_the_first() {
        let t = Transcript::builder()
            .untimed("A", "One two three.")
            .untimed("C", "Four five.")
            .untimed("A", "Six seven eight.")
            .build();
        let turns = with_ctx(&t, "en", "A", compute);
        let m = turns.longest_agent_monologue.unwrap();
        assert_eq!((m.segment, m.s, m.words, m.start_s), (0, None, 3, None));
        assert_eq!(turns.switches_per_minute, None);
        assert_eq!(turns.count, 3);
    }

    #[test]
    fn only_backchannels_make_no_story() {
        let t = Transcript::builder()
            .segment("A", 0.0, 5.0, "Here is the whole pitch in one go.")
            .segment("C", 5.5, 6.0, "Mm.")
            .build();
        let turns = with_ctx(&t, "en", "A", compute);
        assert!(turns.longest_customer_story.is_none());
        assert_eq!(turns.count, 1);
        assert_eq!(turns.switches_per_minute, Some(0.0));
    }
}
