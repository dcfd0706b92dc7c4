//! Batch aggregates: the per-call figures kept after a report is written
//! (a few numbers per call, never the report), the summary and the groups.
//!
//! Every aggregate is a mean and a median of per-call values, each call
//! weighing the same, plus the talk share pooled over all speech.
//! `not-a-conversation` calls are counted but left out.
//!
//! `--group-by agent` groups by person (the report's `agent.person`), not
//! by label: calls whose seller has only a generic label ("Speaker 1") go
//! to one "(unnamed)" row, counted, never taken for one seller. When the
//! dated calls span several ISO weeks, each agent row also holds its
//! figures per week.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Serialize;
use warmcall::date::Date;
use warmcall::report::{Basis, OutcomeKind, Report};

/// The group of calls without an agent.
pub const NO_AGENT: &str = "(no agent)";
/// The group of calls whose agent has only a generic label.
pub const UNNAMED: &str = "(unnamed)";

/// The few figures of one call that tables and aggregates need.
#[derive(Debug, Clone, PartialEq)]
pub struct CallRow {
    /// Path as shown.
    pub path: String,
    /// The seller's label, if any.
    pub agent: Option<String>,
    /// The seller's name as the call gives it (`agent.name`).
    pub agent_name: Option<String>,
    /// The person the seller is (`agent.person`); `None` with a label is
    /// an unnamed seller.
    pub person: Option<String>,
    /// The day of the call.
    pub call_date: Option<Date>,
    /// Span in seconds.
    pub span_s: Option<f64>,
    /// Agent share of speech.
    pub talk_share: Option<f64>,
    /// `time` or `words`.
    pub talk_basis: Basis,
    /// Agent speech seconds.
    pub agent_s: Option<f64>,
    /// Customer speech seconds.
    pub customer_s: Option<f64>,
    /// Agent words.
    pub agent_words: usize,
    /// Customer words.
    pub customer_words: usize,
    /// Agent questions (open + closed), `None` without text.
    pub questions: Option<usize>,
    /// Agent open questions.
    pub open_questions: Option<usize>,
    /// Pushes.
    pub pushes: Option<usize>,
    /// Premature pushes.
    pub premature: Option<usize>,
    /// Outcome kind.
    pub outcome: OutcomeKind,
    /// Warmth 0..100.
    pub warmth: Option<f64>,
    /// Number of findings.
    pub findings: usize,
    /// Ids of high findings, deduplicated, in order.
    pub high: Vec<String>,
    /// The call has a `not-a-conversation` finding.
    pub not_a_conversation: bool,
}

impl CallRow {
    /// Extracts the row from a report.
    pub fn from_report(path: &str, r: &Report) -> CallRow {
        let mut high: Vec<String> = Vec::new();
        for f in &r.findings {
            if f.severity == warmcall::report::Severity::High && !high.contains(&f.id) {
                high.push(f.id.clone());
            }
        }
        CallRow {
            path: path.to_string(),
            agent: r.roles.agent.clone(),
            agent_name: r.agent.name.clone(),
            person: r.agent.person.clone(),
            call_date: r.call_date,
            span_s: r.span_s,
            talk_share: r.talk.agent_share_of_speech,
            talk_basis: r.talk.basis,
            agent_s: r.talk.agent_s,
            customer_s: r.talk.customer_s,
            agent_words: r.talk.agent_words,
            customer_words: r.talk.customer_words,
            questions: r.questions.as_ref().map(|q| q.agent.total),
            open_questions: r.questions.as_ref().map(|q| q.agent.open),
            pushes: r.pushes.as_ref().map(|p| p.count),
            premature: r.pushes.as_ref().map(|p| p.premature),
            outcome: r.outcome.kind,
            warmth: r.score.warmth,
            findings: r.findings.len(),
            high,
            not_a_conversation: r.findings.iter().any(|f| f.id == "not-a-conversation"),
        }
    }

    /// The agent as a table shows it: the label, and the name beside it
    /// when that differs (`Speaker 2 (Brandon Lee)`).
    pub fn agent_shown(&self) -> Option<String> {
        let label = self.agent.as_deref()?;
        Some(match self.person.as_deref().or(self.agent_name.as_deref()) {
            Some(n) if n != label => format!("{label} ({n})"),
            _ => label.to_string(),
        })
    }

    /// The group key.
    pub fn key(&self, by: crate::args::GroupBy) -> String {
        match by {
            crate::args::GroupBy::Agent => match (&self.person, &self.agent) {
                (Some(p), _) => p.clone(),
                (None, Some(_)) => UNNAMED.into(),
                (None, None) => NO_AGENT.into(),
            },
            crate::args::GroupBy::Folder => Path::new(&self.path)
                .parent()
                .map(|p| p.display().to_string())
                .filter(|s| !s.is_empty())
                .unwrap_or_else(|| ".".into()),
        }
    }
}

/// Mean and median of one per-call value.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Stat {
    /// Calls with a value.
    pub n: usize,
    /// Mean, `null` without values.
    pub mean: Option<f64>,
    /// Median, `null` without values.
    pub median: Option<f64>,
}

impl Stat {
    /// From the values present.
    pub fn of(values: impl IntoIterator<Item = Option<f64>>) -> Stat {
        let mut v: Vec<f64> = values.into_iter().flatten().filter(|x| x.is_finite()).collect();
        if v.is_empty() {
            return Stat::default();
        }
        v.sort_by(f64::total_cmp);
        let n = v.len();
        let mean = v.iter().sum::<f64>() / n as f64;
        let median = if n % 2 == 1 {
            v[n / 2]
        } else {
            (v[n / 2 - 1] + v[n / 2]) / 2.0
        };
        Stat {
            n,
            mean: Some(mean),
            median: Some(median),
        }
    }
}

/// Talk share aggregates.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct TalkShare {
    /// Mean of per-call shares.
    pub mean: Option<f64>,
    /// Median of per-call shares.
    pub median: Option<f64>,
    /// Agent speech over all speech of the aggregated calls: seconds of the
    /// time-basis calls, or words when no call is timed.
    pub pooled: Option<f64>,
    /// `time` or `words`: what `pooled` sums.
    pub pooled_basis: Option<&'static str>,
}

/// Aggregates over a set of calls.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Aggregate {
    /// Calls in the set, including not-a-conversation ones.
    pub calls: usize,
    /// Calls left out as not-a-conversation.
    pub not_a_conversation: usize,
    /// Calls the figures below cover.
    pub aggregated: usize,
    /// Hours of span over all calls.
    pub hours: f64,
    /// Agent share of speech.
    pub talk_share: TalkShare,
    /// Agent questions per call.
    pub agent_questions: Stat,
    /// Pushes per call.
    pub pushes: Stat,
    /// Premature pushes per call.
    pub premature_pushes: Stat,
    /// Warmth score.
    pub warmth: Stat,
    /// Span minutes.
    pub minutes: Stat,
    /// Share of aggregated calls whose outcome is `advance`.
    pub advance_share: Option<f64>,
}

impl Aggregate {
    /// Aggregates rows.
    pub fn of<'a>(rows: impl IntoIterator<Item = &'a CallRow> + Clone) -> Aggregate {
        let all: Vec<&CallRow> = rows.into_iter().collect();
        let used: Vec<&CallRow> = all.iter().copied().filter(|r| !r.not_a_conversation).collect();
        let f = |g: fn(&CallRow) -> Option<f64>| Stat::of(used.iter().map(|r| g(r)));
        let timed: Vec<&&CallRow> = used
            .iter()
            .filter(|r| r.talk_basis == Basis::Time && r.agent_s.is_some() && r.customer_s.is_some())
            .collect();
        let (pooled, pooled_basis) = if !timed.is_empty() {
            let a: f64 = timed.iter().map(|r| r.agent_s.unwrap_or(0.0)).sum();
            let c: f64 = timed.iter().map(|r| r.customer_s.unwrap_or(0.0)).sum();
            (ratio(a, a + c), Some("time"))
        } else if !used.is_empty() {
            let a: usize = used.iter().map(|r| r.agent_words).sum();
            let c: usize = used.iter().map(|r| r.customer_words).sum();
            (ratio(a as f64, (a + c) as f64), Some("words"))
        } else {
            (None, None)
        };
        let share = Stat::of(used.iter().map(|r| r.talk_share));
        Aggregate {
            calls: all.len(),
            not_a_conversation: all.len() - used.len(),
            aggregated: used.len(),
            // Start from +0.0: an empty f64 sum is -0.0.
            hours: all.iter().filter_map(|r| r.span_s).fold(0.0, |a, b| a + b) / 3600.0,
            talk_share: TalkShare {
                mean: share.mean,
                median: share.median,
                pooled,
                pooled_basis,
            },
            agent_questions: f(|r| r.questions.map(|x| x as f64)),
            pushes: f(|r| r.pushes.map(|x| x as f64)),
            premature_pushes: f(|r| r.premature.map(|x| x as f64)),
            warmth: f(|r| r.warmth),
            minutes: f(|r| r.span_s.map(|s| s / 60.0)),
            advance_share: if used.is_empty() {
                None
            } else {
                Some(used.iter().filter(|r| r.outcome == OutcomeKind::Advance).count() as f64 / used.len() as f64)
            },
        }
    }
}

fn ratio(a: f64, b: f64) -> Option<f64> {
    (b > 0.0).then(|| a / b)
}

/// One group's aggregate.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Group {
    /// Person or folder; `(unnamed)` and `(no agent)` for calls without one.
    pub key: String,
    /// The `(unnamed)` row: calls of sellers known only by a generic label,
    /// each a different unknown person.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub unnamed: bool,
    /// Its figures.
    #[serde(flatten)]
    pub aggregate: Aggregate,
    /// Figures per ISO week, oldest first, when the batch's dated calls span
    /// several weeks (agent groups only); undated calls are one last entry
    /// with `"week": null`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub weeks: Vec<Week>,
}

/// One group's figures in one ISO week.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Week {
    /// `2026-W11`; `null` for the calls without a date.
    pub week: Option<String>,
    /// Its figures.
    #[serde(flatten)]
    pub aggregate: Aggregate,
}

/// Aggregates per key, ordered by key. Agent keys (persons) are compared
/// without case and extra spaces, shown as first met in path order.
pub fn groups(rows: &[CallRow], by: crate::args::GroupBy) -> Vec<Group> {
    let mut map: BTreeMap<String, (String, Vec<&CallRow>)> = BTreeMap::new();
    for r in rows {
        let key = r.key(by);
        let folded = match by {
            crate::args::GroupBy::Agent => key.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase(),
            crate::args::GroupBy::Folder => key.clone(),
        };
        map.entry(folded).or_insert_with(|| (key, Vec::new())).1.push(r);
    }
    let weekly = by == crate::args::GroupBy::Agent && spans_weeks(rows.iter());
    map.into_values()
        .map(|(key, rs)| Group {
            unnamed: by == crate::args::GroupBy::Agent && key == UNNAMED,
            aggregate: Aggregate::of(rs.iter().copied()),
            weeks: if weekly { weeks(&rs) } else { Vec::new() },
            key,
        })
        .collect()
}

/// Whether the dated calls among `rows` fall in more than one ISO week:
/// only then are figures per week worth showing.
pub(crate) fn spans_weeks<'a>(rows: impl Iterator<Item = &'a CallRow>) -> bool {
    let mut weeks = rows.filter_map(|r| r.call_date.map(Date::iso_week));
    weeks.next().is_some_and(|first| weeks.any(|w| w != first))
}

/// Per-week aggregates of one group's calls, oldest week first, undated last.
pub(crate) fn weeks(rows: &[&CallRow]) -> Vec<Week> {
    let mut by_week: BTreeMap<Option<(i32, u8)>, Vec<&CallRow>> = BTreeMap::new();
    for r in rows {
        by_week.entry(r.call_date.map(Date::iso_week)).or_default().push(r);
    }
    // `None` sorts first in a BTreeMap; undated calls go last.
    let undated = by_week.remove(&None);
    by_week
        .into_iter()
        .map(|(w, rs)| Week {
            week: w.map(|(y, n)| format!("{y}-W{n:02}")),
            aggregate: Aggregate::of(rs.iter().copied()),
        })
        .chain(undated.map(|rs| Week {
            week: None,
            aggregate: Aggregate::of(rs.iter().copied()),
        }))
        .collect()
}

/// The batch summary.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Summary {
    /// Inputs seen (calls + errors).
    pub files: usize,
    /// Inputs analysed.
    pub analysed: usize,
    /// Inputs that failed.
    pub failed: usize,
    /// Walked files skipped by `--exclude`.
    pub excluded: usize,
    /// Figures over the analysed calls.
    #[serde(flatten)]
    pub aggregate: Aggregate,
    /// Per-group figures (`--group-by`), else absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group_by: Option<&'static str>,
    /// The groups.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<Group>,
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn row(path: &str, agent: &str, share: f64, agent_s: f64, customer_s: f64, q: usize) -> CallRow {
        CallRow {
            path: path.into(),
            agent: Some(agent.into()),
            agent_name: None,
            person: Some(agent.into()),
            call_date: None,
            span_s: Some(agent_s + customer_s),
            talk_share: Some(share),
            talk_basis: Basis::Time,
            agent_s: Some(agent_s),
            customer_s: Some(customer_s),
            agent_words: 0,
            customer_words: 0,
            questions: Some(q),
            open_questions: Some(q),
            pushes: Some(0),
            premature: Some(0),
            outcome: OutcomeKind::Unknown,
            warmth: None,
            findings: 0,
            high: vec![],
            not_a_conversation: false,
        }
    }

    #[test]
    fn stat_mean_and_median() {
        let s = Stat::of([Some(1.0), None, Some(3.0), Some(2.0), Some(10.0)]);
        assert_eq!(s.n, 4);
        assert_eq!(s.mean, Some(4.0));
        assert_eq!(s.median, Some(2.5));
        assert_eq!(Stat::of([]), Stat::default());
    }

    #[test]
    fn each_call_weighs_the_same_and_pooled_weighs_speech() {
        // A short call at 90% and a long call at 10%: the mean is 50%, the
        // pooled share is dominated by the long call.
        let rows = [
            row("a/1.vtt", "Sam", 0.9, 90.0, 10.0, 4),
            row("b/2.vtt", "Jo", 0.1, 100.0, 900.0, 8),
        ];
        let a = Aggregate::of(rows.iter());
        assert_eq!(a.talk_share.mean, Some(0.5));
        assert!((a.talk_share.pooled.unwrap() - 190.0 / 1100.0).abs() < 1e-12);
        assert_eq!(a.agent_questions.mean, Some(6.0));
    }

    #[test]
    fn not_a_conversation_is_counted_but_left_out() {
        let mut voicemail = row("v.vtt", "Sam", 1.0, 30.0, 0.0, 0);
        voicemail.not_a_conversation = true;
        let rows = [row("a.vtt", "Sam", 0.4, 40.0, 60.0, 10), voicemail];
        let a = Aggregate::of(rows.iter());
        assert_eq!((a.calls, a.not_a_conversation, a.aggregated), (2, 1, 1));
        assert_eq!(a.talk_share.median, Some(0.4));
    }

    #[test]
    fn groups_by_agent_and_folder_in_key_order() {
        let rows = [
            row("x/1.vtt", "Sam", 0.4, 1.0, 1.0, 1),
            row("y/2.vtt", "Jo", 0.4, 1.0, 1.0, 1),
            row("x/3.vtt", "Jo", 0.4, 1.0, 1.0, 1),
        ];
        let g = groups(&rows, crate::args::GroupBy::Agent);
        assert_eq!(
            g.iter()
                .map(|g| (g.key.as_str(), g.aggregate.calls))
                .collect::<Vec<_>>(),
            [("Jo", 2), ("Sam", 1)]
        );
        let g = groups(&rows, crate::args::GroupBy::Folder);
        assert_eq!(
            g.iter()
                .map(|g| (g.key.as_str(), g.aggregate.calls))
                .collect::<Vec<_>>(),
            [("x", 2), ("y", 1)]
        );
    }

    fn dated(path: &str, person: Option<&str>, label: &str, date: Option<&str>) -> CallRow {
        let mut r = row(path, label, 0.5, 10.0, 10.0, 2);
        r.person = person.map(str::to_string);
        r.call_date = date.map(|d| Date::parse_iso(d).unwrap());
        r
    }

    #[test]
    fn agents_group_by_person_and_generic_labels_are_one_unnamed_row() {
        let rows = [
            dated("a.vtt", Some("Brandon Lee"), "Speaker 2", None),
            dated("b.srt", None, "Speaker 1", None),
            dated("c.txt", None, "Speaker 1", None),
            dated("d.vtt", Some("brandon  lee"), "Brandon Lee", None),
            dated("e.vtt", None, "SPEAKER_00", None),
        ];
        let mut none = row("f.vtt", "x", 0.5, 1.0, 1.0, 1);
        none.agent = None;
        none.person = None;
        let mut all = rows.to_vec();
        all.push(none);
        let g = groups(&all, crate::args::GroupBy::Agent);
        let got: Vec<(&str, usize, bool)> = g
            .iter()
            .map(|g| (g.key.as_str(), g.aggregate.calls, g.unnamed))
            .collect();
        assert_eq!(
            got,
            [
                ("(no agent)", 1, false),
                ("(unnamed)", 3, true),
                ("Brandon Lee", 2, false)
            ]
        );
        assert!(g.iter().all(|g| g.weeks.is_empty()), "no dates, no weeks");
        let v = serde_json::to_value(&g[1]).unwrap();
        assert_eq!(v["unnamed"], true);
        assert!(serde_json::to_value(&g[2]).unwrap().get("unnamed").is_none());
    }

    #[test]
    fn weeks_only_when_the_dated_calls_span_several() {
        let rows = [
            dated("1.vtt", Some("Sam"), "Sam", Some("2026-03-09")),
            dated("2.vtt", Some("Sam"), "Sam", Some("2026-03-15")),
            dated("3.vtt", Some("Sam"), "Sam", Some("2026-03-16")),
            dated("4.vtt", Some("Sam"), "Sam", None),
            dated("5.vtt", Some("Jo"), "Jo", Some("2026-03-10")),
        ];
        let g = groups(&rows, crate::args::GroupBy::Agent);
        let weeks = |k: &str| -> Vec<(Option<String>, usize)> {
            g.iter()
                .find(|g| g.key == k)
                .unwrap()
                .weeks
                .iter()
                .map(|w| (w.week.clone(), w.aggregate.calls))
                .collect()
        };
        assert_eq!(
            weeks("Sam"),
            [
                (Some("2026-W11".to_string()), 2),
                (Some("2026-W12".to_string()), 1),
                (None, 1)
            ]
        );
        assert_eq!(weeks("Jo"), [(Some("2026-W11".to_string()), 1)]);
        // One week in the whole batch: nothing to compare, no weeks.
        let g = groups(&rows[..2], crate::args::GroupBy::Agent);
        assert!(g[0].weeks.is_empty());
        // Folders never get weeks.
        assert!(groups(&rows, crate::args::GroupBy::Folder)
            .iter()
            .all(|g| g.weeks.is_empty()));
    }

    #[test]
    fn the_agent_is_shown_with_the_name_beside_the_label() {
        let mut r = dated("a.vtt", Some("Brandon Lee"), "Speaker 2", None);
        assert_eq!(r.agent_shown().as_deref(), Some("Speaker 2 (Brandon Lee)"));
        r.person = Some("Speaker 2".into());
        assert_eq!(r.agent_shown().as_deref(), Some("Speaker 2"));
        r.person = None;
        r.agent_name = None;
        assert_eq!(r.agent_shown().as_deref(), Some("Speaker 2"));
        r.agent = None;
        assert_eq!(r.agent_shown(), None);
    }
}
