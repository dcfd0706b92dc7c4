//! Interruptions and overlap (SPEC §5 "Interruptions").
//!
//! A non-backchannel segment of one side interrupts when it starts while a
//! non-backchannel segment of the other side, started earlier, still has at
//! least `overlap.min_s` to run. Each segment interrupts at most once.

use super::intervals::{overlap, union};
use super::{interval, round3};
use crate::context::Ctx;
use crate::report::{Interruptions, Role};

/// Interruptions; `None` unless fully timed.
pub(crate) fn compute(ctx: &Ctx<'_>) -> Option<Interruptions> {
    if !ctx.timed() {
        return None;
    }
    let segs = ctx.segs();
    let side = |r: Role| usize::from(r == Role::Customer);
    let timed: Vec<(usize, f64, f64)> = segs
        .iter()
        .enumerate()
        .filter_map(|(i, s)| interval(s).map(|(a, b)| (i, a, b)))
        .collect();

    // Latest end per side among non-backchannel segments that started
    // strictly earlier; segments sharing a start are judged together, so
    // neither of two simultaneous starts interrupts the other.
    let mut latest = [f64::NEG_INFINITY; 2];
    let mut counts = [0usize; 2];
    let nb: Vec<(usize, f64, f64)> = timed.iter().copied().filter(|&(i, _, _)| !ctx.backchannel[i]).collect();
    let mut k = 0;
    while k < nb.len() {
        let start = nb[k].1;
        let group_end = nb[k + 1..]
            .iter()
            .position(|x| x.1 != start)
            .map_or(nb.len(), |p| k + 1 + p);
        for &(i, a, _) in &nb[k..group_end] {
            let other = 1 - side(ctx.role[i]);
            if latest[other].is_finite() && round3(latest[other] - a) >= ctx.cfg.overlap.min_s {
                counts[side(ctx.role[i])] += 1;
            }
        }
        for &(i, _, b) in &nb[k..group_end] {
            let s = side(ctx.role[i]);
            latest[s] = latest[s].max(b);
        }
        k = group_end;
    }

    let side_union = |r: Role| {
        union(
            timed
                .iter()
                .filter(|&&(i, _, _)| ctx.role[i] == r)
                .map(|&(_, a, b)| (a, b)),
        )
    };
    Some(Interruptions {
        by_agent: counts[0],
        by_customer: counts[1],
        overlap_s: round3(overlap(&side_union(Role::Agent), &side_union(Role::Customer))),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::context::with_ctx;
    use crate::Transcript;

    #[test]
    fn backchannels_and_own_side_never_interrupt() {
        let t = Transcript::builder()
            .segment("A", 0.0, 10.0, "Let me walk through the whole offer now.")
            .segment("C", 2.0, 2.5, "Yeah.")
            .segment("A", 3.0, 6.0, "Second agent line overlapping the first.")
            .segment("D", 11.0, 16.0, "We have looked at this before, to be honest.")
            .segment("C", 12.0, 15.0, "And my partner here agrees with that.")
            .segment("A", 14.0, 14.5, "Right.")
            .build();
        let i = with_ctx(&t, "en", "A", compute).unwrap();
        assert_eq!((i.by_agent, i.by_customer), (0, 0));
        // [2, 2.5) and [14, 14.5): both sides at once, backchannels included.
        assert_eq!(i.overlap_s, 1.0);
    }

    #[test]
    fn a_segment_interrupts_once_however_many_it_cuts() {
        let t = Transcript::builder()
            .segment("C", 0.0, 5.0, "We are quite happy with the current supplier.")
            .segment("D", 1.0, 6.0, "Although the price went up again last year.")
            .segment("A", 2.0, 8.0, "That is exactly why you should switch to us.")
            .build();
        let i = with_ctx(&t, "en", "A", compute).unwrap();
        assert_eq!((i.by_agent, i.by_customer), (1, 0));
        assert_eq!(i.overlap_s, 4.0);
    }
}
