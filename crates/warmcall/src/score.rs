//! The warmth score of SPEC §6.5: 100 × the weighted mean of five
//! components in 0..1, each reported with the inputs it was computed from.
//! A component that cannot be measured is left out and the weights of the
//! others renormalised. The score reads only the call's figures and its
//! findings, all of which a finished [`Report`] holds, so a saved report
//! can be scored again under another profile ([`score_report`]). Choices
//! where the spec is silent: docs/scoring.md.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{json, Value};

use crate::config::Profile;
use crate::report::{Component, Components, Figures, Finding, QuestionKind, Report, Role, Score};
use crate::{Config, Error};

/// Finding ids that mark a push as a mistake for the restraint component
/// (SPEC §6.3: the findings raised at a push). Each push counts once however
/// many of these it raised.
pub const PUSH_FINDING_IDS: &[&str] = &[
    "premature-push",
    "info-request-overridden",
    "jumped-on-interest",
    "visit-without-need",
    "push-after-no",
];

/// Share of curiosity that counts questions; the rest counts follow-ups (SPEC §6.5).
const QUESTION_PART: f64 = 0.7;

/// A score with nothing measured: the score of a call that is not judged
/// (a language without a lexicon).
pub(crate) fn unmeasured(profile: &str) -> Score {
    Score {
        warmth: None,
        profile: profile.to_string(),
        components: Components {
            listening: None,
            curiosity: None,
            patience: None,
            monologue: None,
            restraint: None,
        },
    }
}

/// The score stage: the call's figures and its findings weighed under the
/// config's active profile.
pub(crate) fn compute(config: &Config, fig: &Figures<'_>, findings: &[Finding]) -> Score {
    match config.active_profile() {
        Some(p) => score_with(fig, findings, &config.profile, p),
        None => unmeasured(&config.profile),
    }
}

/// Scores a finished report under the config's active profile: the same
/// figure `Analyzer::analyze` puts in `report.score`, for a report read back
/// from JSON or a profile chosen afterwards.
///
/// Fails only when the config's profile does not exist.
pub fn score_report(report: &Report, config: &Config) -> Result<Score, Error> {
    let profile = config.active_profile().ok_or_else(|| Error::Config {
        key: "profile".into(),
        line: 0,
        message: format!("unknown profile {:?}", config.profile),
    })?;
    Ok(score_with(
        &report.figures(),
        &report.findings,
        &config.profile,
        profile,
    ))
}

fn score_with(fig: &Figures<'_>, findings: &[Finding], name: &str, p: &Profile) -> Score {
    let w = &p.weights;
    let components = Components {
        listening: listening(fig, p).map(|(v, i)| component(v, w.listening, i)),
        curiosity: curiosity(fig, p).map(|(v, i)| component(v, w.curiosity, i)),
        patience: patience(fig, p).map(|(v, i)| component(v, w.patience, i)),
        monologue: monologue(fig, p).map(|(v, i)| component(v, w.monologue, i)),
        restraint: restraint(fig, findings, p).map(|(v, i)| component(v, w.restraint, i)),
    };
    let parts = [
        &components.listening,
        &components.curiosity,
        &components.patience,
        &components.monologue,
        &components.restraint,
    ];
    let (sum, weight) = parts
        .iter()
        .filter_map(|c| c.as_ref())
        .fold((0.0, 0.0), |(s, w), c| (s + c.value * c.weight, w + c.weight));
    let warmth = (weight > 0.0).then(|| round(100.0 * sum / weight, 1));
    let mut components = components;
    for c in [
        &mut components.listening,
        &mut components.curiosity,
        &mut components.patience,
        &mut components.monologue,
        &mut components.restraint,
    ]
    .into_iter()
    .flatten()
    {
        c.value = round(c.value, 3);
    }
    Score {
        warmth,
        profile: name.to_string(),
        components,
    }
}

type Measured = Option<(f64, Vec<(&'static str, Value)>)>;

fn component(value: f64, weight: f64, inputs: Vec<(&'static str, Value)>) -> Component {
    Component {
        value: value.clamp(0.0, 1.0),
        weight,
        inputs: inputs
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect::<BTreeMap<_, _>>(),
    }
}

fn round(v: f64, decimals: i32) -> f64 {
    let f = 10f64.powi(decimals);
    (v * f).round() / f
}

/// 1 inside the talk-share band, linear to 0 at `talk_share_falloff` outside.
fn listening(fig: &Figures<'_>, p: &Profile) -> Measured {
    let share = fig.talk.agent_share_of_speech.filter(|s| s.is_finite())?;
    let [lo, hi] = p.talk_share;
    let outside = if share < lo {
        lo - share
    } else if share > hi {
        share - hi
    } else {
        0.0
    };
    let value = (1.0 - outside / p.talk_share_falloff).max(0.0);
    Some((
        value,
        vec![
            ("agent_share_of_speech", json!(round(share, 4))),
            ("basis", json!(fig.talk.basis)),
            ("band", json!(p.talk_share)),
            ("outside_band", json!(round(outside, 4))),
            ("falloff", json!(p.talk_share_falloff)),
        ],
    ))
}

/// 0.7 × the question part + 0.3 × min(1, follow-up share / full share).
/// The question part is min(1, agent questions / scaled band low), or, for a
/// profile with `questions_before_first_push` (cold), min(1, questions asked
/// before the first push / that target). Without a band and without a
/// target (support) only follow-ups count, and a call where the agent asked
/// nothing leaves curiosity out.
fn curiosity(fig: &Figures<'_>, p: &Profile) -> Measured {
    let q = fig.questions?;
    let asked = q.agent.total;
    let follow_ups = q.agent.follow_up;
    let follow_share = if asked > 0 {
        follow_ups as f64 / asked as f64
    } else {
        0.0
    };
    let follow_part = (follow_share / p.follow_up_share_full).min(1.0);
    let mut inputs = vec![
        ("agent_questions", json!(asked)),
        ("follow_ups", json!(follow_ups)),
        ("follow_up_share", json!(round(follow_share, 4))),
        ("follow_up_share_full", json!(p.follow_up_share_full)),
    ];
    let question_part = if let Some(target) = p.questions_before_first_push {
        let first_push = fig.pushes.and_then(|ps| ps.items.iter().map(|i| i.segment).min());
        let before = q
            .items
            .iter()
            .filter(|i| i.role == Role::Agent && i.kind != QuestionKind::Tag)
            .filter(|i| first_push.is_none_or(|s| i.segment < s))
            .count();
        inputs.push(("questions_before_first_push", json!(before)));
        inputs.push(("target_before_first_push", json!(target)));
        (before as f64 / target as f64).min(1.0)
    } else if p.questions.is_some() {
        // Untimed calls have no span to scale the band to: the floor is the
        // fairest low bound (it is also the low bound of any call under
        // 43 × floor / band-low minutes).
        let (low, basis) = match p.question_band(fig.span_s) {
            Some((low, _)) => (low, "scaled to span"),
            None => (p.questions_low_floor, "floor (no span)"),
        };
        inputs.push(("band_low", json!(round(low, 3))));
        inputs.push(("band_low_basis", json!(basis)));
        if low > 0.0 {
            (asked as f64 / low).min(1.0)
        } else {
            1.0
        }
    } else {
        if asked == 0 {
            return None;
        }
        inputs.push(("band_low", Value::Null));
        return Some((follow_part, inputs));
    };
    Some((
        QUESTION_PART * question_part + (1.0 - QUESTION_PART) * follow_part,
        inputs,
    ))
}

/// min(1, mean hand-off gap / `patience_full_s`); left out when unmeasured.
fn patience(fig: &Figures<'_>, p: &Profile) -> Measured {
    let pt = fig.patience?;
    let mean = pt.mean_s.filter(|m| m.is_finite())?;
    Some((
        (mean / p.patience_full_s).min(1.0),
        vec![
            ("mean_s", json!(round(mean, 3))),
            ("handoffs", json!(pt.handoffs)),
            ("full_s", json!(p.patience_full_s)),
        ],
    ))
}

/// 1 up to the first bound, 0 from the second, linear between; seconds when
/// the longest monologue has a length in seconds, else words.
fn monologue(fig: &Figures<'_>, p: &Profile) -> Measured {
    let run = fig.turns.longest_agent_monologue.as_ref()?;
    let (x, [full, zero], unit) = match run.s.filter(|s| s.is_finite()) {
        Some(s) => (s, p.monologue_s, "seconds"),
        None => (run.words as f64, p.monologue_words, "words"),
    };
    let value = if x <= full {
        1.0
    } else if x >= zero {
        0.0
    } else {
        (zero - x) / (zero - full)
    };
    Some((
        value,
        vec![
            ("longest", json!(round(x, 3))),
            ("unit", json!(unit)),
            ("full_up_to", json!(full)),
            ("zero_from", json!(zero)),
            ("segment", json!(run.segment)),
        ],
    ))
}

/// 1 − `restraint_per_push` × pushes with at least one push finding, floored
/// at 0. Left out for profiles without push findings (support) and for
/// calls without text.
fn restraint(fig: &Figures<'_>, findings: &[Finding], p: &Profile) -> Measured {
    if !p.push_findings {
        return None;
    }
    let pushes = fig.pushes?;
    let mut bad: BTreeSet<Option<usize>> = BTreeSet::new();
    let mut by_id: BTreeMap<&str, usize> = BTreeMap::new();
    for f in findings {
        if let Some(id) = PUSH_FINDING_IDS.iter().find(|id| **id == f.id) {
            bad.insert(f.segment);
            *by_id.entry(id).or_default() += 1;
        }
    }
    let value = (1.0 - p.restraint_per_push * bad.len() as f64).max(0.0);
    Some((
        value,
        vec![
            ("pushes", json!(pushes.count)),
            ("pushes_with_findings", json!(bad.len())),
            ("segments", json!(bad.iter().flatten().collect::<Vec<_>>())),
            ("findings", json!(by_id)),
            ("per_push", json!(p.restraint_per_push)),
        ],
    ))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::report::*;

    /// A report with nothing measured, to fill in by hand.
    pub(crate) fn blank_report() -> Report {
        Report {
            schema: SCHEMA.into(),
            source: Source {
                path: None,
                format: "canonical-json".into(),
                language: "en".into(),
                language_basis: "test".into(),
                timing: crate::Timing::Full,
                warnings: vec![],
                judgments_available: true,
            },
            call_date: None,
            call_date_source: None,
            roles: Roles {
                agent: Some("A".into()),
                agents: vec!["A".into()],
                basis: RoleBasis::Explicit,
            },
            agent: AgentIdentity::default(),
            speakers: vec![],
            span_s: Some(600.0),
            talk: Talk {
                basis: Basis::Time,
                agent_share_of_speech: None,
                agent_share_of_call: None,
                agent_s: None,
                customer_s: None,
                agent_words: 0,
                customer_words: 0,
            },
            turns: Turns {
                count: 0,
                switches_per_minute: None,
                longest_agent_monologue: None,
                longest_customer_story: None,
            },
            silences: None,
            patience: None,
            interruptions: None,
            questions: None,
            pushes: None,
            findings: vec![],
            outcome: Outcome {
                kind: OutcomeKind::Unknown,
                segment: None,
                evidence: None,
            },
            trackers: vec![],
            score: unmeasured("discovery"),
        }
    }

    fn with_share(share: f64) -> Report {
        let mut r = blank_report();
        r.talk.agent_share_of_speech = Some(share);
        r
    }

    fn questions(total: usize, follow_up: usize) -> Questions {
        Questions {
            basis: QuestionBasis::Punctuation,
            agent: QuestionStats {
                total,
                open: total,
                follow_up,
                ..Default::default()
            },
            customer: QuestionStats::default(),
            items: (0..total)
                .map(|i| QuestionItem {
                    segment: i * 2,
                    start_s: Some(i as f64 * 10.0),
                    role: Role::Agent,
                    speaker: "A".into(),
                    text: "Why?".into(),
                    kind: QuestionKind::Open,
                    follow_up: i < follow_up,
                })
                .collect(),
        }
    }

    fn push_at(segment: usize) -> PushItem {
        PushItem {
            segment,
            start_s: Some(segment as f64),
            text: "Shall we meet on Tuesday?".into(),
            category: PushCategory::Appointment,
            premature: true,
            readiness: Readiness {
                elapsed_s: None,
                elapsed_share: None,
                customer_share_so_far: None,
                open_questions_so_far: 0,
                answered_open_questions: 0,
                signals: vec![],
            },
        }
    }

    fn finding(id: &str, segment: usize) -> Finding {
        Finding {
            id: id.into(),
            severity: Severity::High,
            segment: Some(segment),
            start_s: None,
            evidence: String::new(),
            message: String::new(),
        }
    }

    fn pushes(segments: &[usize]) -> Pushes {
        Pushes {
            count: segments.len(),
            premature: segments.len(),
            first_s: None,
            items: segments.iter().map(|&s| push_at(s)).collect(),
        }
    }

    fn discovery() -> Profile {
        Profile::default()
    }

    fn value(m: Measured) -> f64 {
        m.expect("measured").0
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn listening_is_one_inside_the_band_and_zero_at_the_falloff() {
        let p = discovery();
        for share in [0.35, 0.42, 0.50] {
            assert!(
                close(value(listening(&with_share(share).figures(), &p)), 1.0),
                "{share}"
            );
        }
        assert!(close(value(listening(&with_share(0.75).figures(), &p)), 0.0));
        assert!(close(value(listening(&with_share(0.10).figures(), &p)), 0.0));
        assert!(
            close(value(listening(&with_share(0.95).figures(), &p)), 0.0),
            "floored, not negative"
        );
        // Halfway down the fall-off on either side.
        assert!(close(value(listening(&with_share(0.625).figures(), &p)), 0.5));
        assert!(close(value(listening(&with_share(0.225).figures(), &p)), 0.5));
        assert!(
            listening(&blank_report().figures(), &p).is_none(),
            "no share, no component"
        );
    }

    #[test]
    fn curiosity_counts_questions_against_the_scaled_band_and_follow_ups() {
        let p = discovery();
        let mut r = blank_report();
        r.span_s = Some(43.0 * 60.0); // band low = 11
        r.questions = Some(questions(11, 0));
        assert!(close(value(curiosity(&r.figures(), &p)), 0.7));
        r.questions = Some(questions(22, 0));
        assert!(
            close(value(curiosity(&r.figures(), &p)), 0.7),
            "more questions do not earn more"
        );
        r.questions = Some(questions(10, 3)); // share 0.3: full follow-up part
        assert!(close(value(curiosity(&r.figures(), &p)), 0.7 * 10.0 / 11.0 + 0.3));
        r.questions = Some(questions(0, 0));
        assert!(close(value(curiosity(&r.figures(), &p)), 0.0));
        // A 10-minute call: low = max(3, 11 × 10/43) = 3.
        r.span_s = Some(600.0);
        r.questions = Some(questions(3, 0));
        assert!(close(value(curiosity(&r.figures(), &p)), 0.7));
        // Untimed: the floor.
        r.span_s = None;
        r.questions = Some(questions(2, 0));
        let (v, inputs) = curiosity(&r.figures(), &p).unwrap();
        assert!(close(v, 0.7 * 2.0 / 3.0));
        assert!(inputs
            .iter()
            .any(|(k, v)| *k == "band_low_basis" && v == "floor (no span)"));
        r.questions = None;
        assert!(curiosity(&r.figures(), &p).is_none());
    }

    #[test]
    fn cold_curiosity_counts_questions_before_the_first_push() {
        let cold = Profile::builtin("cold").unwrap();
        let mut r = blank_report();
        r.questions = Some(questions(5, 0)); // at segments 0, 2, 4, 6, 8
        r.pushes = Some(pushes(&[5]));
        assert!(
            close(value(curiosity(&r.figures(), &cold)), 0.7),
            "3 before the push = target"
        );
        r.pushes = Some(pushes(&[3, 9]));
        assert!(
            close(value(curiosity(&r.figures(), &cold)), 0.7 * 2.0 / 3.0),
            "first push decides"
        );
        r.pushes = Some(pushes(&[]));
        assert!(
            close(value(curiosity(&r.figures(), &cold)), 0.7),
            "no push: all questions"
        );
    }

    #[test]
    fn support_curiosity_has_no_band() {
        let support = Profile::builtin("support").unwrap();
        let mut r = blank_report();
        r.questions = Some(questions(4, 1));
        assert!(close(
            value(curiosity(&r.figures(), &support)),
            (0.25f64 / 0.3).min(1.0)
        ));
        r.questions = Some(questions(0, 0));
        assert!(curiosity(&r.figures(), &support).is_none());
    }

    #[test]
    fn patience_edges() {
        let p = discovery();
        let mut r = blank_report();
        assert!(patience(&r.figures(), &p).is_none(), "unmeasured (untimed)");
        let pt = |mean: Option<f64>| Patience {
            handoffs: 10,
            mean_s: mean,
            median_s: mean,
            wait_after_question_mean_s: None,
            after_objection_mean_s: None,
        };
        r.patience = Some(pt(None));
        assert!(patience(&r.figures(), &p).is_none(), "no hand-offs");
        r.patience = Some(pt(Some(0.0)));
        assert!(close(value(patience(&r.figures(), &p)), 0.0));
        r.patience = Some(pt(Some(0.5)));
        assert!(close(value(patience(&r.figures(), &p)), 0.5));
        r.patience = Some(pt(Some(1.0)));
        assert!(close(value(patience(&r.figures(), &p)), 1.0));
        r.patience = Some(pt(Some(3.0)));
        assert!(close(value(patience(&r.figures(), &p)), 1.0));
    }

    #[test]
    fn monologue_edges_in_seconds_and_words() {
        let p = discovery();
        let mut r = blank_report();
        assert!(monologue(&r.figures(), &p).is_none());
        let run = |s: Option<f64>, words: usize| Run {
            s,
            words,
            start_s: s.map(|_| 0.0),
            segment: 0,
        };
        for (s, want) in [(30.0, 1.0), (60.0, 1.0), (120.0, 0.5), (180.0, 0.0), (400.0, 0.0)] {
            r.turns.longest_agent_monologue = Some(run(Some(s), 9999));
            assert!(close(value(monologue(&r.figures(), &p)), want), "{s} s");
        }
        for (w, want) in [(100, 1.0), (150, 1.0), (300, 0.5), (450, 0.0), (900, 0.0)] {
            r.turns.longest_agent_monologue = Some(run(None, w));
            assert!(close(value(monologue(&r.figures(), &p)), want), "{w} words");
        }
    }

    #[test]
    fn restraint_counts_each_bad_push_once() {
        let p = discovery();
        let mut r = blank_report();
        assert!(
            restraint(&r.figures(), &r.findings, &p).is_none(),
            "no text, no pushes measured"
        );
        r.pushes = Some(pushes(&[]));
        assert!(
            close(value(restraint(&r.figures(), &r.findings, &p)), 1.0),
            "0 bad pushes"
        );
        r.pushes = Some(pushes(&[4, 9, 12]));
        r.findings = vec![finding("repeated-pushes", 12), finding("talk-dominance", 4)];
        assert!(
            close(value(restraint(&r.figures(), &r.findings, &p)), 1.0),
            "not push findings"
        );
        r.findings = vec![
            finding("premature-push", 4),
            finding("jumped-on-interest", 4),
            finding("visit-without-need", 4),
        ];
        assert!(
            close(value(restraint(&r.figures(), &r.findings, &p)), 0.5),
            "one push, three findings"
        );
        r.findings.push(finding("push-after-no", 9));
        assert!(
            close(value(restraint(&r.figures(), &r.findings, &p)), 0.0),
            "2 bad pushes"
        );
        r.findings.push(finding("info-request-overridden", 12));
        let (v, inputs) = restraint(&r.figures(), &r.findings, &p).unwrap();
        assert!(close(v, 0.0), "3 bad pushes: floored at 0");
        assert!(inputs.iter().any(|(k, v)| *k == "pushes_with_findings" && v == 3));
        let support = Profile::builtin("support").unwrap();
        assert!(
            restraint(&r.figures(), &r.findings, &support).is_none(),
            "support is not judged on pushes"
        );
    }

    #[test]
    fn warmth_renormalises_over_measured_components() {
        let p = discovery();
        let mut r = blank_report();
        assert_eq!(
            score_with(&r.figures(), &r.findings, "discovery", &p).warmth,
            None,
            "nothing measured"
        );
        r.talk.agent_share_of_speech = Some(0.40); // listening 1
        r.pushes = Some(pushes(&[3]));
        r.findings = vec![finding("premature-push", 3)]; // restraint 0.5
        let s = score_with(&r.figures(), &r.findings, "discovery", &p);
        // (0.25 × 1 + 0.30 × 0.5) / 0.55
        assert_eq!(s.warmth, Some(round(100.0 * 0.40 / 0.55, 1)));
        assert!(s.components.patience.is_none() && s.components.curiosity.is_none());
        let l = s.components.listening.unwrap();
        assert_eq!(l.weight, 0.25);
        assert!(l.inputs.contains_key("agent_share_of_speech"));
    }
}
