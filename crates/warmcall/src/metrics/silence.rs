//! Silences: the gaps in the union of all speech within the span (SPEC §5
//! "Silences"), or the written pauses of an untimed transcript.

use super::intervals::{gaps, total, union};
use super::{interval, round3};
use crate::config::SilenceConfig;
use crate::context::Ctx;
use crate::report::{Silence, SilenceClass, SilenceClasses, SilenceKind, Silences};
use crate::Timing;

/// Silence figures: measured gaps when fully timed, written pause notation
/// when untimed (`null` when it has none), `null` for start-only
/// transcripts (their ends are guesses).
pub(crate) fn compute(ctx: &Ctx<'_>) -> Option<Silences> {
    match ctx.t.timing {
        Timing::Full => timed(ctx),
        Timing::None => written(ctx),
        _ => None,
    }
}

/// The class of a (rounded) duration; bounds are half-open.
pub(crate) fn class_of(d: f64, cfg: &SilenceConfig) -> SilenceClass {
    if d < 0.2 {
        SilenceClass::Micropause
    } else if d < 1.0 {
        SilenceClass::Pause
    } else if d < cfg.dead_air_s {
        SilenceClass::Long
    } else {
        SilenceClass::DeadAir
    }
}

/// Accumulates gaps into the report's shape.
struct Tally<'c> {
    cfg: &'c SilenceConfig,
    by_class: SilenceClasses,
    items: Vec<Silence>,
    longest: f64,
    sum: f64,
}

impl<'c> Tally<'c> {
    fn new(cfg: &'c SilenceConfig) -> Self {
        Tally {
            cfg,
            by_class: SilenceClasses::default(),
            items: Vec::new(),
            longest: 0.0,
            sum: 0.0,
        }
    }

    fn add(&mut self, ctx: &Ctx<'_>, start_s: Option<f64>, d: f64, before: Option<usize>, after: Option<usize>) {
        let class = class_of(d, self.cfg);
        match class {
            SilenceClass::Micropause => self.by_class.micropause += 1,
            SilenceClass::Pause => self.by_class.pause += 1,
            SilenceClass::Long => self.by_class.long += 1,
            SilenceClass::DeadAir => self.by_class.dead_air += 1,
        }
        self.longest = self.longest.max(d);
        self.sum += d;
        if d >= self.cfg.min_s {
            let segs = ctx.segs();
            let speaker = |i: Option<usize>| i.map(|i| segs[i].speaker);
            let kind = if speaker(before) == speaker(after) {
                SilenceKind::Pause
            } else {
                SilenceKind::Gap
            };
            let label = |i: Option<usize>| i.map(|i| ctx.t.label(&segs[i]).to_string());
            self.items.push(Silence {
                start_s,
                duration_s: d,
                kind,
                class,
                before: label(before),
                after: label(after),
                before_segment: before,
                after_segment: after,
            });
        }
    }
}

fn timed(ctx: &Ctx<'_>) -> Option<Silences> {
    let (span_start, span_end) = ctx.span?;
    let span = span_end - span_start;
    // Untimed utterances inside a timed transcript (CHAT without bullets) and
    // zero-length segments hold no measurable speech.
    let timed: Vec<(usize, f64, f64)> = ctx
        .segs()
        .iter()
        .enumerate()
        .filter_map(|(i, s)| interval(s).map(|(a, b)| (i, a, b)))
        .filter(|&(_, a, b)| b > a)
        .collect();
    let speech_union = union(timed.iter().map(|&(_, a, b)| (a, b)));
    let speech = total(&speech_union);
    let mut tally = Tally::new(&ctx.cfg.silence);
    // Walk the segments (start order) alongside the gaps to name who spoke
    // before (the segment holding the latest end, which is the gap's start)
    // and after (the first segment starting at the gap's end).
    let (mut p, mut end, mut before) = (0, f64::NEG_INFINITY, None);
    for (gap_start, gap_end) in gaps(&speech_union) {
        while p < timed.len() && timed[p].1 < gap_end {
            if timed[p].2 >= end {
                end = timed[p].2;
                before = Some(timed[p].0);
            }
            p += 1;
        }
        let after = timed.get(p).map(|t| t.0);
        // A gap under half a millisecond is float noise, not silence.
        let d = round3(gap_end - gap_start);
        if d > 0.0 {
            tally.add(ctx, Some(round3(gap_start)), d, before, after);
        }
    }
    let total_s = (span - speech).max(0.0);
    Some(Silences {
        count: tally.items.len(),
        total_s: round3(total_s),
        share_of_span: (span > 0.0).then(|| round3(total_s / span)),
        longest_s: tally.longest,
        by_class: tally.by_class,
        items: tally.items,
    })
}

/// Untimed transcripts: the written pauses (`(0.5)`, `(.)`, `[pause]`) are
/// the only silences there are. A pause written on the line of a segment
/// is a pause inside it (same speaker after); a pause on its own line sits
/// between that segment and the next.
fn written(ctx: &Ctx<'_>) -> Option<Silences> {
    let pauses = &ctx.t.pauses;
    if pauses.is_empty() {
        return None;
    }
    let segs = ctx.segs();
    let mut tally = Tally::new(&ctx.cfg.silence);
    for p in pauses.iter().filter(|p| p.duration_s.is_finite()) {
        let before = p.after_segment.filter(|&i| i < segs.len());
        let inside = before.is_some_and(|i| p.source_line != 0 && segs[i].source_line == p.source_line);
        let after = match before {
            Some(i) if inside => Some(i),
            Some(i) => (i + 1 < segs.len()).then_some(i + 1),
            None => (!segs.is_empty()).then_some(0),
        };
        tally.add(ctx, None, round3(p.duration_s.max(0.0)), before, after);
    }
    Some(Silences {
        count: tally.items.len(),
        total_s: round3(tally.sum),
        share_of_span: None,
        longest_s: tally.longest,
        by_class: tally.by_class,
        items: tally.items,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::context::with_ctx;
    use crate::Transcript;

    #[test]
    fn classes_are_half_open() {
        let cfg = SilenceConfig::default();
        assert_eq!(class_of(0.0, &cfg), SilenceClass::Micropause);
        assert_eq!(class_of(0.199, &cfg), SilenceClass::Micropause);
        assert_eq!(class_of(0.2, &cfg), SilenceClass::Pause);
        assert_eq!(class_of(0.999, &cfg), SilenceClass::Pause);
        assert_eq!(class_of(1.0, &cfg), SilenceClass::Long);
        assert_eq!(class_of(4.999, &cfg), SilenceClass::Long);
        assert_eq!(class_of(5.0, &cfg), SilenceClass::DeadAir);
    }

    #[test]
    fn before_is_the_segment_holding_the_latest_end() {
        // B's short remark sits inside A's long segment: the gap at 10.0 is
        // after A, and B speaks after it.
        let t = Transcript::builder()
            .segment("A", 0.0, 10.0, "A long explanation of the plan.")
            .segment("B", 2.0, 3.0, "I see the point.")
            .segment("B", 12.0, 13.0, "So what does it cost?")
            .build();
        let s = with_ctx(&t, "en", "A", compute).unwrap();
        assert_eq!(s.items.len(), 1);
        let it = &s.items[0];
        assert_eq!((it.start_s, it.duration_s), (Some(10.0), 2.0));
        assert_eq!((it.before_segment, it.after_segment), (Some(0), Some(2)));
        assert_eq!(it.kind, SilenceKind::Gap);
    }

    #[test]
    fn float_noise_is_rounded_before_classifying() {
        // 1.2 - 0.2 is 0.9999999999999999 in floats; it is a 1.0 s gap.
        let t = Transcript::builder()
            .segment("A", 0.0, 0.2, "One.")
            .segment("A", 1.2, 2.0, "Two.")
            .build();
        let s = with_ctx(&t, "en", "A", compute).unwrap();
        assert_eq!(s.by_class.long, 1);
        assert_eq!(s.items[0].kind, SilenceKind::Pause);
        assert_eq!(s.longest_s, 1.0);
    }

    #[test]
    fn untimed_without_pause_notation_is_not_measured() {
        let t = Transcript::builder().untimed("A", "Hello.").untimed("B", "Hi.").build();
        assert!(with_ctx(&t, "en", "A", compute).is_none());
    }
}
