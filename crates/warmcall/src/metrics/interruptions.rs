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
        let group_end = nb[k..].iter().position(|x| x.1 != start).map_or(nb.len(), |p| k + p);
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
