//! Interval arithmetic on seconds: the union of a speaker's segments, the
//! overlap of two unions, the gaps between speech. Every time figure of
//! SPEC §5 is one of these, so they live in one place and are tested here.
//!
//! Intervals are half-open `[start, end)`. Intervals of zero length (and
//! reversed or non-finite ones) hold no speech and are dropped: a
//! zero-length segment must not split a silence in two.

/// A merged, sorted, non-overlapping, non-touching list of intervals.
pub(crate) type Union = Vec<(f64, f64)>;

/// Merges intervals into their union. Touching intervals (`a.end ==
/// b.start`) merge: there is no gap between them.
pub(crate) fn union<I: IntoIterator<Item = (f64, f64)>>(intervals: I) -> Union {
    let mut v: Vec<(f64, f64)> = intervals
        .into_iter()
        .filter(|&(s, e)| s.is_finite() && e.is_finite() && e > s)
        .collect();
    v.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
    let mut out: Union = Vec::with_capacity(v.len());
    for (s, e) in v {
        match out.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => out.push((s, e)),
        }
    }
    out
}

/// Total length of a union.
pub(crate) fn total(u: &[(f64, f64)]) -> f64 {
    u.iter().map(|(s, e)| e - s).sum()
}

/// Length of the intersection of two unions (time both speak at once).
pub(crate) fn overlap(a: &[(f64, f64)], b: &[(f64, f64)]) -> f64 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        let lo = a[i].0.max(b[j].0);
        let hi = a[i].1.min(b[j].1);
        if hi > lo {
            sum += hi - lo;
        }
        if a[i].1 < b[j].1 {
            i += 1;
        } else {
            j += 1;
        }
    }
    sum
}

/// The gaps between consecutive intervals of a union, as `(start, end)`;
/// only gaps of positive length exist (touching intervals were merged).
pub(crate) fn gaps(u: &[(f64, f64)]) -> Vec<(f64, f64)> {
    u.windows(2).map(|w| (w[0].1, w[1].0)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn union_merges_overlapping_and_touching() {
        let u = union([(5.0, 7.0), (0.0, 2.0), (1.0, 3.0), (3.0, 4.0), (6.0, 6.5)]);
        assert_eq!(u, vec![(0.0, 4.0), (5.0, 7.0)]);
        assert_eq!(total(&u), 6.0);
    }

    #[test]
    fn union_drops_empty_reversed_and_nan() {
        let u = union([
            (1.0, 1.0),
            (3.0, 2.0),
            (f64::NAN, 4.0),
            (0.0, f64::INFINITY),
            (2.0, 2.5),
        ]);
        assert_eq!(u, vec![(2.0, 2.5)]);
        assert!(union([]).is_empty());
        assert_eq!(total(&[]), 0.0);
    }

    #[test]
    fn zero_length_interval_does_not_split_a_gap() {
        let u = union([(0.0, 1.0), (2.0, 2.0), (3.0, 4.0)]);
        assert_eq!(gaps(&u), vec![(1.0, 3.0)]);
    }

    #[test]
    fn contained_interval_keeps_the_outer_end() {
        assert_eq!(union([(0.0, 10.0), (2.0, 3.0), (4.0, 5.0)]), vec![(0.0, 10.0)]);
    }

    #[test]
    fn overlap_of_two_unions() {
        let a = union([(0.0, 4.0), (6.0, 10.0)]);
        let b = union([(3.0, 7.0), (9.0, 12.0)]);
        // [3,4) + [6,7) + [9,10)
        assert_eq!(overlap(&a, &b), 3.0);
        assert_eq!(overlap(&b, &a), 3.0);
        assert_eq!(overlap(&a, &[]), 0.0);
        // touching is not overlapping
        assert_eq!(overlap(&[(0.0, 1.0)], &[(1.0, 2.0)]), 0.0);
        // one inside the other
        assert_eq!(overlap(&[(0.0, 10.0)], &[(1.0, 2.0), (3.0, 5.0)]), 3.0);
    }

    #[test]
    fn gaps_between_merged_intervals() {
        let u = union([(0.0, 1.0), (1.5, 2.0), (2.0, 3.0), (7.0, 8.0)]);
        assert_eq!(gaps(&u), vec![(1.0, 1.5), (3.0, 7.0)]);
        assert!(gaps(&[(0.0, 1.0)]).is_empty());
    }

    #[test]
    fn span_minus_union_is_total_of_gaps() {
        let u = union([(0.5, 2.0), (1.0, 3.0), (4.0, 6.0), (6.5, 9.0)]);
        let span = 9.0 - 0.5;
        let g: f64 = gaps(&u).iter().map(|(s, e)| e - s).sum();
        assert!((span - total(&u) - g).abs() < 1e-12);
    }

    use proptest::prelude::*;

    fn ivs() -> impl Strategy<Value = Vec<(f64, f64)>> {
        // Millisecond grid, like real transcripts.
        prop::collection::vec((0u32..60_000, 0u32..5_000), 0..40).prop_map(|v| {
            v.into_iter()
                .map(|(s, d)| (s as f64 / 1000.0, (s + d) as f64 / 1000.0))
                .collect()
        })
    }

    proptest! {
        #[test]
        fn union_is_sorted_disjoint_and_inclusion_exclusion_holds(a in ivs(), b in ivs()) {
            let (ua, ub) = (union(a.iter().copied()), union(b.iter().copied()));
            for w in ua.windows(2) {
                prop_assert!(w[0].1 < w[1].0);
            }
            let both = union(a.iter().chain(&b).copied());
            let lhs = overlap(&ua, &ub);
            let rhs = total(&ua) + total(&ub) - total(&both);
            prop_assert!((lhs - rhs).abs() < 1e-6, "{lhs} vs {rhs}");
            if let (Some(f), Some(l)) = (both.first(), both.last()) {
                let g: f64 = gaps(&both).iter().map(|(s, e)| e - s).sum();
                prop_assert!((l.1 - f.0 - total(&both) - g).abs() < 1e-6);
            }
        }
    }
}
