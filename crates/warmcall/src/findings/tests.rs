//! Unit tests of the push, signal, outcome and finding rules on minimal
//! transcripts. Metrics from other stages (questions, talk, turns,
//! patience) are hand-built into the report so each rule is tested on its
//! own inputs.

use super::signals::SignalHit;
use super::*;
use crate::analyzer::LangModel;
use crate::context::Sentences;
use crate::lexicon::Lexicon;
use crate::report::{
    OutcomeKind, Patience, PushCategory, QuestionBasis, QuestionItem, QuestionKind, QuestionStats, Questions, Role,
    Run, SignalKind,
};
use crate::{Analyzer, Config, Report, Transcript};

/// A transcript with speaker "A" as the agent.
struct Fx {
    t: Transcript,
    cfg: Config,
    lm: LangModel,
}

impl Fx {
    fn timed(lang: &str, segs: &[(&str, f64, f64, &str)]) -> Fx {
        let mut b = Transcript::builder().language(lang);
        for (s, a, e, text) in segs {
            b = b.segment(s, *a, *e, text);
        }
        Fx::with(lang, b.build(), Config::default())
    }

    fn untimed(lang: &str, segs: &[(&str, &str)]) -> Fx {
        let mut b = Transcript::builder().language(lang);
        for (s, text) in segs {
            b = b.untimed(s, text);
        }
        Fx::with(lang, b.build(), Config::default())
    }

    fn with(lang: &str, t: Transcript, cfg: Config) -> Fx {
        let cfg = cfg.agent("A").language(lang);
        let lm = LangModel::new(Lexicon::builtin(lang).expect("lexicon")).expect("rules");
        Fx { t, cfg, lm }
    }

    fn profile(mut self, name: &str) -> Fx {
        self.cfg = self.cfg.profile(name);
        self
    }

    fn ctx(&self) -> Ctx<'_> {
        let roles = self
            .t
            .speakers
            .iter()
            .map(|s| if s.label == "A" { Role::Agent } else { Role::Customer })
            .collect();
        Ctx::new(
            &self.t,
            &self.cfg,
            &self.lm.backchannels,
            roles,
            Sentences::new(&self.t, self.lm.rules.vocab()),
        )
    }

    /// Runs signals, pushes, outcome and findings with the given questions,
    /// after `tweak` has filled in metrics of other stages.
    fn run(&self, questions: Option<Questions>, tweak: impl FnOnce(&mut Report)) -> (Report, Vec<SignalHit>) {
        let (ctx, lm) = (self.ctx(), &self.lm);
        let (signals, pushes) = lm.signals_and_pushes(&ctx, questions.as_ref());
        let outcome = outcome::compute(&ctx, &lm.pushes, &lm.rules, &signals, pushes.as_ref());
        let mut report = Analyzer::new(self.cfg.clone()).expect("config").analyze(&self.t);
        report.questions = questions;
        report.pushes = pushes;
        report.outcome = outcome;
        // Metrics of other stages start unmeasured, so only the rule under
        // test can fire from them.
        report.talk.agent_share_of_speech = None;
        report.turns.longest_agent_monologue = None;
        report.turns.longest_customer_story = None;
        report.patience = None;
        tweak(&mut report);
        report.findings = compute(&ctx, &report.figures(), &signals, &lm.questions);
        (report, signals)
    }
}

/// Questions from `(segment, role, kind, text)`.
fn questions(items: &[(usize, Role, QuestionKind, &str)]) -> Questions {
    let mut agent = QuestionStats::default();
    for (_, r, k, _) in items {
        if *r == Role::Agent {
            match k {
                QuestionKind::Open => agent.open += 1,
                QuestionKind::Closed => agent.closed += 1,
                QuestionKind::Tag => agent.tag += 1,
            }
        }
    }
    agent.total = agent.open + agent.closed;
    Questions {
        basis: QuestionBasis::Punctuation,
        agent,
        customer: QuestionStats::default(),
        items: items
            .iter()
            .map(|(segment, role, kind, text)| QuestionItem {
                segment: *segment,
                start_s: None,
                role: *role,
                speaker: String::new(),
                text: text.to_string(),
                kind: *kind,
                follow_up: false,
            })
            .collect(),
    }
}

fn ids(r: &Report) -> Vec<&str> {
    r.findings.iter().map(|f| f.id.as_str()).collect()
}

fn kinds(s: &[SignalHit]) -> Vec<SignalKind> {
    s.iter().map(|h| h.kind).collect()
}

const LONG_EN: &str = "Well, we have about forty people and the planning is all done by hand every week.";
const LONG_EN2: &str = "Mostly the Friday afternoons, when two of us rebuild next week's plan from scratch again.";

fn discovery(answer1: &str, answer2: &str) -> Fx {
    Fx::timed(
        "en",
        &[
            (
                "A",
                0.0,
                4.0,
                "Hi, this is Sam from Acme. What made you look at this now?",
            ),
            ("C", 5.0, 15.0, answer1),
            ("A", 16.0, 19.0, "And where does it hurt most?"),
            ("C", 20.0, 30.0, answer2),
            ("A", 31.0, 35.0, "Shall we set up a meeting on Thursday at two?"),
        ],
    )
}

fn discovery_questions() -> Questions {
    questions(&[
        (0, Role::Agent, QuestionKind::Open, "What made you look at this now?"),
        (2, Role::Agent, QuestionKind::Open, "And where does it hurt most?"),
        (
            4,
            Role::Agent,
            QuestionKind::Closed,
            "Shall we set up a meeting on Thursday at two?",
        ),
    ])
}

#[test]
fn push_after_two_answered_open_questions_is_not_premature() {
    let fx = discovery(LONG_EN, LONG_EN2);
    let (r, _) = fx.run(Some(discovery_questions()), |_| {});
    let p = r.pushes.as_ref().expect("pushes");
    assert_eq!(p.count, 1);
    let it = &p.items[0];
    assert_eq!((it.segment, it.category), (4, PushCategory::Appointment));
    assert_eq!(it.readiness.open_questions_so_far, 2);
    assert_eq!(it.readiness.answered_open_questions, 2);
    assert!(!it.premature, "{:?}", it.readiness);
    assert!(!ids(&r).contains(&"premature-push"));
}

#[test]
fn push_after_short_answers_is_premature() {
    let fx = discovery("Just curious.", "The planning, mostly.");
    let (r, _) = fx.run(Some(discovery_questions()), |_| {});
    let it = &r.pushes.as_ref().expect("pushes").items[0];
    assert_eq!(it.readiness.answered_open_questions, 0);
    assert!(it.premature);
    assert!(ids(&r).contains(&"premature-push"));
}

#[test]
fn low_customer_share_makes_a_push_premature() {
    let fx = Fx::timed(
        "en",
        &[
            (
                "A",
                0.0,
                60.0,
                "What made you look at this now? Let me tell you all about us first.",
            ),
            ("C", 61.0, 66.0, LONG_EN),
            (
                "A",
                67.0,
                120.0,
                "And where does it hurt most? Because we fix that and a lot more.",
            ),
            ("C", 121.0, 126.0, LONG_EN2),
            ("A", 127.0, 130.0, "Shall we set up a meeting on Thursday at two?"),
        ],
    );
    let q = questions(&[
        (0, Role::Agent, QuestionKind::Open, "What made you look at this now?"),
        (2, Role::Agent, QuestionKind::Open, "And where does it hurt most?"),
    ]);
    let (r, _) = fx.run(Some(q), |_| {});
    let it = &r.pushes.as_ref().expect("pushes").items[0];
    assert_eq!(it.readiness.answered_open_questions, 2);
    let share = it.readiness.customer_share_so_far.expect("share");
    assert!((share - 10.0 / 123.0).abs() < 1e-9, "{share}");
    assert!(it.premature);
}

#[test]
fn speech_is_clipped_at_the_push_start() {
    // The customer's segment runs on past the start of the push segment:
    // only the part before the push counts.
    let fx = Fx::timed(
        "en",
        &[
            ("A", 0.0, 10.0, "Hi, this is Sam from Acme."),
            ("C", 10.0, 30.0, LONG_EN),
            ("A", 20.0, 25.0, "Could I come by on Tuesday?"),
        ],
    );
    let (r, _) = fx.run(None, |_| {});
    let it = &r.pushes.as_ref().expect("pushes").items[0];
    assert_eq!(it.category, PushCategory::Visit);
    let share = it.readiness.customer_share_so_far.expect("share");
    assert!((share - 0.5).abs() < 1e-9, "{share}");
    assert_eq!(it.readiness.elapsed_s, Some(20.0));
}

#[test]
fn one_customer_turn_answers_one_question() {
    let fx = Fx::timed(
        "en",
        &[
            ("A", 0.0, 5.0, "What do you use now? And who plans the week?"),
            ("C", 6.0, 15.0, LONG_EN),
            ("A", 16.0, 19.0, "Shall we set up a meeting on Thursday at two?"),
        ],
    );
    let q = questions(&[
        (0, Role::Agent, QuestionKind::Open, "What do you use now?"),
        (0, Role::Agent, QuestionKind::Open, "And who plans the week?"),
    ]);
    let (r, _) = fx.run(Some(q), |_| {});
    let it = &r.pushes.as_ref().expect("pushes").items[0];
    assert_eq!(it.readiness.open_questions_so_far, 2);
    assert_eq!(it.readiness.answered_open_questions, 1);
}

#[test]
fn pause_notation_does_not_make_an_answer_long_enough() {
    let fx = Fx::untimed(
        "nl",
        &[
            ("A", "En hoelang zou je het redden met dat spaargeld?"),
            ("C", "Geen idee eigenlijk. (1.2) Paar maanden? (0.8) (.)"),
            ("A", "Mag ik je morgen even terugbellen?"),
        ],
    );
    let q = questions(&[(
        0,
        Role::Agent,
        QuestionKind::Open,
        "En hoelang zou je het redden met dat spaargeld?",
    )]);
    let (r, _) = fx.run(Some(q), |_| {});
    let it = &r.pushes.as_ref().expect("pushes").items[0];
    assert_eq!(it.category, PushCategory::Callback);
    assert_eq!(it.readiness.answered_open_questions, 0);
    assert_eq!(it.readiness.elapsed_s, None);
    assert!(it.readiness.elapsed_share.is_some());
}

#[test]
fn confirming_the_customers_time_is_not_a_push() {
    let fx = Fx::timed(
        "nl",
        &[
            (
                "A",
                0.0,
                5.0,
                "Zou het zinvol zijn om een afspraak te maken met u en Kees?",
            ),
            (
                "C",
                6.0,
                12.0,
                "Ja, dat lijkt me goed. Zullen we zeggen dinsdag om tien uur?",
            ),
            (
                "A",
                13.0,
                15.0,
                "Dinsdag om tien uur is prima. Zal ik u een uitnodiging sturen voor dinsdag om tien uur?",
            ),
        ],
    );
    let (r, s) = fx.run(None, |_| {});
    let p = r.pushes.as_ref().expect("pushes");
    assert_eq!(p.items.iter().map(|i| i.segment).collect::<Vec<_>>(), vec![0]);
    assert!(kinds(&s).contains(&SignalKind::Acceptance));
    assert_eq!(r.outcome.kind, OutcomeKind::Advance);
    assert_eq!(r.outcome.segment, Some(1));
}

#[test]
fn a_callback_the_customer_asked_for_is_not_a_push_but_more_is() {
    let fx = Fx::untimed(
        "nl",
        &[
            ("A", "Mag ik je morgen rond de middag even terugbellen?"),
            ("C", "Nou vooruit. Bel morgen maar om een uur of elf."),
            (
                "A",
                "Top, dan bel ik je morgen om elf uur. Zal ik dan ook meteen even langskomen?",
            ),
        ],
    );
    let (r, _) = fx.run(None, |_| {});
    let got: Vec<_> = r
        .pushes
        .as_ref()
        .expect("pushes")
        .items
        .iter()
        .map(|i| (i.segment, i.category))
        .collect();
    assert_eq!(got, vec![(0, PushCategory::Callback), (2, PushCategory::Visit)]);
}

#[test]
fn a_bare_no_answering_a_question_is_not_a_rejection() {
    let fx = Fx::untimed(
        "nl",
        &[
            ("A", "Heeft u trouwens zonnepanelen op het dak?"),
            ("C", "Nee."),
            ("A", "Zal ik dinsdagochtend even bij u langskomen?"),
            ("C", "Nee."),
        ],
    );
    let (_, s) = fx.run(None, |_| {});
    let rejections: Vec<_> = s
        .iter()
        .filter(|h| h.kind == SignalKind::Rejection)
        .map(|h| h.segment)
        .collect();
    assert_eq!(rejections, vec![3], "only the no to the proposal");
}

#[test]
fn hesitations_deferrals_obstacles_and_agreement_are_not_rejections() {
    let nl = Fx::untimed(
        "nl",
        &[
            ("A", "Zal ik deze week even bij u langskomen?"),
            ("C", "Eh, deze week? Nou, ik weet het niet hoor."),
            ("A", "Je kunt er maar beter nu iets mee doen, toch?"),
            ("C", "Nee, dat zeker niet."),
            ("A", "Zal ik je morgen even bellen?"),
            ("C", "Eh, ik lees het eerst wel even, hoor. Laat maar, zeg het maar."),
        ],
    );
    let (r, s) = nl.run(None, |_| {});
    assert!(!kinds(&s).contains(&SignalKind::Rejection), "{s:?}");
    assert!(!ids(&r).contains(&"push-after-no"));
    let en = Fx::untimed(
        "en",
        &[
            ("A", "Can I give you a quick call tomorrow afternoon?"),
            ("C", "Uh, tomorrow's tough, I'm out on jobs all day."),
            ("A", "Could I call you around four instead?"),
        ],
    );
    let (r, s) = en.run(None, |_| {});
    assert!(!kinds(&s).contains(&SignalKind::Rejection));
    assert!(kinds(&s).contains(&SignalKind::Concern));
    assert!(!ids(&r).contains(&"push-after-no"));
}

#[test]
fn info_request_answered_with_a_callback_push_is_overridden() {
    let fx = Fx::untimed(
        "en",
        &[
            ("A", "When does your current policy renew?"),
            ("C", "March. Look, can you just email me some info?"),
            (
                "A",
                "Absolutely. Can I give you a quick call tomorrow afternoon to walk you through it?",
            ),
        ],
    );
    let (r, _) = fx.run(None, |_| {});
    let f: Vec<_> = r
        .findings
        .iter()
        .filter(|f| f.id == "info-request-overridden")
        .collect();
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].segment, Some(2), "the push's own segment");
    assert_eq!(f[0].severity, Severity::High);
}

#[test]
fn info_request_answered_with_sending_it_is_not_overridden() {
    let fx = Fx::untimed(
        "en",
        &[
            ("A", "When does your current policy renew?"),
            ("C", "March. Look, can you just email me some info?"),
            ("A", "Absolutely, I'll send it today."),
            ("C", "Thanks."),
        ],
    );
    let (r, s) = fx.run(None, |_| {});
    assert!(r.pushes.as_ref().expect("pushes").items.is_empty());
    assert!(!ids(&r).contains(&"info-request-overridden"));
    assert!(kinds(&s).contains(&SignalKind::InfoRequest));
    assert_eq!(r.outcome.kind, OutcomeKind::Continuation);
}

#[test]
fn a_push_three_turns_after_the_info_request_is_not_overridden() {
    let fx = Fx::untimed(
        "nl",
        &[
            ("C", "Stuur maar even wat informatie op."),
            ("A", "Doe ik."),
            ("C", "Fijn."),
            ("A", "Wat is voor u het belangrijkste?"),
            ("C", "Dat het gewoon werkt."),
            ("A", "Helder."),
            ("C", "Ja."),
            ("A", "Mag ik u volgende week dinsdag even bellen?"),
        ],
    );
    let (r, _) = fx.run(None, |_| {});
    assert_eq!(r.pushes.as_ref().expect("pushes").count, 1);
    assert!(!ids(&r).contains(&"info-request-overridden"));
}

#[test]
fn jumped_on_interest_needs_a_premature_push_right_after() {
    let jumped = Fx::untimed(
        "nl",
        &[
            ("A", "De actie loopt tot het eind van de maand."),
            ("C", "Hm, ja. Klinkt interessant eigenlijk."),
            ("A", "Nou, mooi! Zal ik deze week even bij u langskomen?"),
        ],
    );
    let (r, _) = jumped.run(None, |_| {});
    assert!(ids(&r).contains(&"jumped-on-interest"));
    let asked = Fx::untimed(
        "nl",
        &[
            ("A", "De actie loopt tot het eind van de maand."),
            ("C", "Hm, ja. Klinkt interessant eigenlijk."),
            ("A", "Wat spreekt u daar het meest in aan?"),
            ("C", "Dat de rekening omlaag gaat."),
            ("A", "Zal ik deze week even bij u langskomen?"),
        ],
    );
    let (r, _) = asked.run(None, |_| {});
    assert!(!ids(&r).contains(&"jumped-on-interest"));
}

#[test]
fn visit_without_need_unless_a_need_came_first() {
    let without = Fx::untimed(
        "en",
        &[
            ("A", "We do copiers."),
            ("C", "Okay."),
            ("A", "Could I stop by tomorrow morning?"),
        ],
    );
    let (r, _) = without.run(None, |_| {});
    assert!(ids(&r).contains(&"visit-without-need"));
    let with = Fx::untimed(
        "en",
        &[
            ("A", "What are you using right now?"),
            ("C", "Honestly, we've got a real problem with our current machine."),
            ("A", "Could I stop by tomorrow morning?"),
        ],
    );
    let (r, s) = with.run(None, |_| {});
    assert!(kinds(&s).contains(&SignalKind::Need));
    assert!(!ids(&r).contains(&"visit-without-need"));
}

#[test]
fn push_after_no_unless_an_open_question_was_answered_in_between() {
    let segs = [
        ("A", "Zal ik dinsdagochtend even bij u langskomen?"),
        ("C", "Nee, luister, ik heb geen interesse."),
        ("A", "Wat zou er dan moeten veranderen voordat het interessant wordt?"),
        (
            "C",
            "Eigenlijk niks, we zitten nog vast tot eind volgend jaar en zijn tevreden.",
        ),
        ("A", "Mag ik u over een paar maanden nog even terugbellen?"),
    ];
    let fx = Fx::untimed("nl", &segs);
    let (r, _) = fx.run(None, |_| {});
    assert!(
        ids(&r).contains(&"push-after-no"),
        "no questions known: nothing answered"
    );
    let q = questions(&[(
        2,
        Role::Agent,
        QuestionKind::Open,
        "Wat zou er dan moeten veranderen voordat het interessant wordt?",
    )]);
    let (r, _) = fx.run(Some(q), |_| {});
    assert!(!ids(&r).contains(&"push-after-no"));
    assert_eq!(r.outcome.kind, OutcomeKind::NoSale);
}

#[test]
fn repeated_pushes_from_three() {
    let two = Fx::untimed(
        "en",
        &[
            ("A", "Can I show you a quick demo right now?"),
            ("C", "No."),
            ("A", "Could I ring you on Friday?"),
        ],
    );
    let (r, _) = two.run(None, |_| {});
    assert!(!ids(&r).contains(&"repeated-pushes"));
    let three = Fx::untimed(
        "en",
        &[
            ("A", "Can I show you a quick demo right now?"),
            ("C", "No."),
            ("A", "Could I ring you on Friday?"),
            ("C", "Not really."),
            ("A", "Shall I send over the contract so you can sign today?"),
        ],
    );
    let (r, _) = three.run(None, |_| {});
    let f = r.findings.iter().find(|f| f.id == "repeated-pushes").expect("repeated");
    assert_eq!(f.segment, Some(4));
}

#[test]
fn push_findings_are_off_for_support() {
    let fx = Fx::untimed(
        "en",
        &[
            ("A", "We do copiers."),
            ("C", "Okay."),
            ("A", "Could I stop by tomorrow morning?"),
        ],
    )
    .profile("support");
    let (r, _) = fx.run(None, |_| {});
    assert_eq!(r.pushes.as_ref().expect("pushes").count, 1, "still reported");
    assert!(!ids(&r)
        .iter()
        .any(|i| ["premature-push", "visit-without-need"].contains(i)));
}

fn plain() -> Fx {
    let segs: Vec<(&str, f64, f64, &str)> = (0..10)
        .map(|i| {
            let t = i as f64 * 40.0;
            if i % 2 == 0 {
                (
                    "A",
                    t,
                    t + 39.5,
                    "Right, so that is how it works for most of our clients today.",
                )
            } else {
                (
                    "C",
                    t,
                    t + 39.5,
                    "I see, and we have been doing it by hand for years now.",
                )
            }
        })
        .collect();
    Fx::timed("en", &segs)
}

#[test]
fn talk_dominance_above_the_threshold_only() {
    let fx = plain();
    let (r, _) = fx.run(None, |r| r.talk.agent_share_of_speech = Some(0.70));
    assert!(ids(&r).contains(&"talk-dominance"));
    let (r, _) = fx.run(None, |r| r.talk.agent_share_of_speech = Some(0.60));
    assert!(!ids(&r).contains(&"talk-dominance"));
}

fn run_of(s: Option<f64>, words: usize) -> Run {
    Run {
        s,
        words,
        start_s: Some(0.0),
        segment: 0,
    }
}

#[test]
fn long_monologue_in_seconds_or_words() {
    let fx = plain();
    let (r, _) = fx.run(None, |r| {
        r.turns.longest_agent_monologue = Some(run_of(Some(130.0), 200))
    });
    assert!(ids(&r).contains(&"long-monologue"));
    let (r, _) = fx.run(None, |r| {
        r.turns.longest_agent_monologue = Some(run_of(Some(110.0), 400))
    });
    assert!(!ids(&r).contains(&"long-monologue"), "timed: seconds decide");
    let (r, _) = fx.run(None, |r| r.turns.longest_agent_monologue = Some(run_of(None, 310)));
    assert!(ids(&r).contains(&"long-monologue"));
    let (r, _) = fx.run(None, |r| r.turns.longest_agent_monologue = Some(run_of(None, 290)));
    assert!(!ids(&r).contains(&"long-monologue"));
}

#[test]
fn short_customer_story_in_long_discovery_calls_only() {
    let fx = plain(); // span 399.5 s
    let (r, _) = fx.run(None, |r| r.turns.longest_customer_story = Some(run_of(Some(40.0), 50)));
    assert!(ids(&r).contains(&"short-customer-story"));
    let (r, _) = fx.run(None, |r| r.turns.longest_customer_story = Some(run_of(Some(60.0), 50)));
    assert!(!ids(&r).contains(&"short-customer-story"));
    let (r, _) = fx.run(None, |r| {
        r.turns.longest_customer_story = Some(run_of(Some(40.0), 50));
        r.span_s = Some(200.0);
    });
    assert!(!ids(&r).contains(&"short-customer-story"), "under five minutes");
    let cold = plain().profile("cold");
    let (r, _) = cold.run(None, |r| r.turns.longest_customer_story = Some(run_of(Some(40.0), 50)));
    assert!(!ids(&r).contains(&"short-customer-story"), "discovery profile only");
}

fn patience(handoffs: usize, mean: f64) -> Patience {
    Patience {
        handoffs,
        mean_s: Some(mean),
        median_s: Some(mean),
        wait_after_question_mean_s: None,
        after_objection_mean_s: None,
    }
}

#[test]
fn low_patience_needs_enough_handoffs() {
    let fx = plain();
    let (r, _) = fx.run(None, |r| r.patience = Some(patience(6, 0.3)));
    assert!(ids(&r).contains(&"low-patience"));
    let (r, _) = fx.run(None, |r| r.patience = Some(patience(4, 0.3)));
    assert!(!ids(&r).contains(&"low-patience"));
    let (r, _) = fx.run(None, |r| r.patience = Some(patience(6, 0.8)));
    assert!(!ids(&r).contains(&"low-patience"));
}

#[test]
fn no_wait_after_question_counts_words_until_any_customer_segment() {
    let talk_on = Fx::timed(
        "nl",
        &[
            ("A", 0.0, 12.0, "Wat betaalt u nu eigenlijk per maand aan stroom? Want hier in de wijk is dat bij de meeste mensen inmiddels zo'n honderdvijftig euro."),
            ("C", 12.5, 13.0, "Ja."),
        ],
    );
    let q = questions(&[(
        0,
        Role::Agent,
        QuestionKind::Open,
        "Wat betaalt u nu eigenlijk per maand aan stroom?",
    )]);
    let (r, _) = talk_on.run(Some(q), |_| {});
    assert!(ids(&r).contains(&"no-wait-after-question"));
    let waited = Fx::timed(
        "nl",
        &[
            ("A", 0.0, 4.0, "Wat betaalt u nu eigenlijk per maand aan stroom?"),
            ("C", 4.5, 5.0, "Hm."),
            (
                "A",
                5.5,
                12.0,
                "Want hier in de wijk is dat bij de meeste mensen inmiddels zo'n honderdvijftig euro per maand.",
            ),
        ],
    );
    let q = questions(&[(
        0,
        Role::Agent,
        QuestionKind::Open,
        "Wat betaalt u nu eigenlijk per maand aan stroom?",
    )]);
    let (r, _) = waited.run(Some(q), |_| {});
    assert!(
        !ids(&r).contains(&"no-wait-after-question"),
        "a backchannel counts as waiting"
    );
}

#[test]
fn few_questions_and_interrogation_follow_the_scaled_band() {
    let fx = plain(); // ~6.7 minutes: band max(3, ..)=3 .. max(14, ..)=14
    let few = questions(&[
        (0, Role::Agent, QuestionKind::Open, "x"),
        (2, Role::Agent, QuestionKind::Closed, "y"),
    ]);
    let (r, _) = fx.run(Some(few), |_| {});
    assert!(ids(&r).contains(&"few-questions"));
    let many: Vec<_> = (0..15).map(|_| (0, Role::Agent, QuestionKind::Open, "x")).collect();
    let (r, _) = fx.run(Some(questions(&many)), |_| {});
    assert!(ids(&r).contains(&"interrogation"));
    let fine: Vec<_> = (0..6).map(|_| (0, Role::Agent, QuestionKind::Open, "x")).collect();
    let (r, _) = fx.run(Some(questions(&fine)), |_| {});
    assert!(!ids(&r).iter().any(|i| *i == "few-questions" || *i == "interrogation"));
    let short = Fx::timed("en", &[("A", 0.0, 60.0, "Hello there."), ("C", 61.0, 120.0, "Hi.")]);
    let (r, _) = short.run(Some(questions(&[])), |_| {});
    assert!(!ids(&r).contains(&"few-questions"), "calls under three minutes");
}

#[test]
fn a_patient_silence_is_not_dead_air() {
    let fx = Fx::timed(
        "nl",
        &[
            (
                "A",
                0.0,
                5.0,
                "Wat is er over een jaar anders dan nu, als het wél gelukt is?",
            ),
            (
                "C",
                10.8,
                20.0,
                "Hm. Goeie vraag. Dan hang ik niet meer om acht uur aan de telefoon.",
            ),
            ("A", 20.5, 23.0, "Dat snap ik."),
            ("C", 29.0, 32.0, "En verder eigenlijk niks."),
        ],
    );
    let q = questions(&[(
        0,
        Role::Agent,
        QuestionKind::Open,
        "Wat is er over een jaar anders dan nu, als het wél gelukt is?",
    )]);
    let (r, _) = fx.run(Some(q), |_| {});
    let got: Vec<_> = r.findings.iter().map(|f| (f.id.as_str(), f.start_s)).collect();
    assert!(got.contains(&("patient-silence", Some(5.0))), "{got:?}");
    assert!(got.contains(&("dead-air", Some(23.0))), "{got:?}");
    assert_eq!(got.iter().filter(|g| g.0 == "dead-air").count(), 1);
    let ps = r.findings.iter().find(|f| f.id == "patient-silence").expect("ps");
    assert_eq!(ps.severity, Severity::Positive);
}

#[test]
fn no_next_step_and_not_a_conversation() {
    let fx = plain();
    let (r, _) = fx.run(None, |_| {});
    assert!(ids(&r).contains(&"no-next-step"));
    assert!(!ids(&r).contains(&"not-a-conversation"));
    let voicemail = Fx::timed(
        "en",
        &[
            ("C", 0.0, 3.0, "Hi, leave a message."),
            (
                "A",
                4.0,
                12.0,
                "Hi, this is Sam from Acme, I'll try you again later this week.",
            ),
        ],
    );
    let (r, _) = voicemail.run(None, |_| {});
    assert!(ids(&r).contains(&"not-a-conversation"));
}

#[test]
fn outcomes_follow_the_latest_decisive_act() {
    type Case<'a> = (&'a str, &'a [(&'a str, &'a str)], OutcomeKind);
    let cases: [Case<'_>; 6] = [
        (
            "nl",
            &[
                ("A", "Zal ik dinsdag om tien uur langskomen?"),
                ("C", "Ja, dat is prima."),
            ],
            OutcomeKind::Advance,
        ),
        (
            "en",
            &[
                ("A", "Could I stop by on Thursday?"),
                ("C", "Sorry, no, we're really not interested."),
                ("A", "Okay."),
                ("C", "Just email me something and I'll have a look."),
            ],
            OutcomeKind::Continuation,
        ),
        (
            "nl",
            &[
                ("A", "Mag ik u over een paar maanden terugbellen?"),
                ("C", "Nee. Echt niet. Ik heb geen interesse."),
            ],
            OutcomeKind::NoSale,
        ),
        (
            "nl",
            &[("A", "Zal ik u de informatie per mail sturen?"), ("C", "Ja, graag.")],
            OutcomeKind::Continuation,
        ),
        (
            "en",
            &[
                ("A", "Can I give you a call some time next month?"),
                ("C", "Sure, that's fine."),
            ],
            OutcomeKind::Continuation,
        ),
        (
            "nl",
            &[
                ("A", "Zal ik donderdagavond langskomen?"),
                ("C", "Eh, ik weet het echt niet. O wacht, er wordt gebeld."),
            ],
            OutcomeKind::Unknown,
        ),
    ];
    for (lang, segs, want) in cases {
        let fx = Fx::untimed(lang, segs);
        let (r, _) = fx.run(None, |_| {});
        assert_eq!(r.outcome.kind, want, "{segs:?}");
        if want != OutcomeKind::Unknown {
            assert_eq!(
                r.outcome.evidence.as_deref(),
                r.outcome.segment.map(|s| fx.t.segments[s].text.as_str())
            );
        }
    }
}

#[test]
fn findings_are_in_time_order_with_messages_in_the_ui_language() {
    let mut fx = Fx::timed(
        "nl",
        &[
            ("A", 0.0, 5.0, "Zal ik dinsdagochtend even bij u langskomen?"),
            ("C", 5.5, 8.0, "Nee, ik heb geen interesse."),
            ("A", 8.5, 10.0, "Mag ik u dan volgende week terugbellen?"),
        ],
    );
    fx.cfg = fx.cfg.clone().ui_lang("nl");
    let (r, _) = fx.run(None, |r| r.talk.agent_share_of_speech = Some(0.9));
    let times: Vec<_> = r.findings.iter().map(|f| f.start_s).collect();
    let mut sorted = times.clone();
    sorted.sort_by(|a, b| {
        a.is_none()
            .cmp(&b.is_none())
            .then(a.unwrap_or(0.0).total_cmp(&b.unwrap_or(0.0)))
    });
    assert_eq!(times, sorted);
    let first_call_level = r.findings.iter().position(|f| f.segment.is_none()).expect("call-level");
    assert!(
        r.findings[first_call_level..].iter().all(|f| f.segment.is_none()),
        "call-level last"
    );
    assert!(ids(&r).contains(&"talk-dominance"));
    let pan = r
        .findings
        .iter()
        .find(|f| f.id == "push-after-no")
        .expect("push-after-no");
    assert!(pan.message.contains("nee"), "{}", pan.message);
    assert_eq!(pan.segment, Some(2));
}

#[test]
fn start_only_readiness_uses_words_for_share_and_starts_for_time() {
    let mut t = Transcript::empty(crate::Format::Txt);
    for (spk, start, text) in [
        ("A", 0.0, "Hi, this is Gary from Brightwater, how are you today?"),
        ("C", 5.0, "Fine thanks, a bit busy with the kids this morning."),
        ("A", 10.0, "So, would Thursday evening at seven suit you for a review?"),
    ] {
        let s = t.speaker_index(spk);
        t.segments.push(crate::Segment::new(s, Some(start), None, text));
    }
    t.infer_ends_from_starts();
    t.language = Some("en".into());
    let fx = Fx::with("en", t, Config::default());
    let (r, _) = fx.run(None, |_| {});
    let it = &r.pushes.as_ref().expect("pushes").items[0];
    assert_eq!(it.category, PushCategory::Appointment);
    assert_eq!(it.readiness.elapsed_s, Some(10.0));
    assert_eq!(
        it.readiness.elapsed_share,
        Some(1.0),
        "span runs from the first to the last start"
    );
    let share = it.readiness.customer_share_so_far.expect("share");
    assert!(
        (share - 10.0 / 20.0).abs() < 1e-9,
        "words: 10 customer of 20, got {share}"
    );
}

/// One scan of an agent sentence says whether it is a push and whether it
/// offers information; an offer of information is no push, and a push that
/// names a step offers no information.
#[test]
fn info_offers_and_pushes_from_one_judgment() {
    use crate::report::PushCategory;
    let cases: &[(&str, &str, Option<PushCategory>, bool)] = &[
        ("en", "Shall I email you the information?", None, true),
        ("en", "Want me to forward the details over tonight?", None, true),
        ("nl", "Zal ik de informatie mailen?", None, true),
        ("nl", "Zal ik u de brochure even toesturen?", None, true),
        (
            "en",
            "Would you like the brochure by email, and shall we meet on Tuesday?",
            Some(PushCategory::Appointment),
            false,
        ),
        ("en", "I emailed you the information last week.", None, false),
    ];
    for (lang, sentence, category, info) in cases {
        let lm = crate::analyzer::LangModel::new(Lexicon::builtin(lang).expect("lexicon")).expect("rules");
        let toks = crate::rules::Tokens::sentence(lm.rules.vocab(), sentence);
        let j = lm
            .pushes
            .judge(&lm.rules, toks.whole(), &mut super::push::Scratch::default());
        assert_eq!((j.category, j.offers_info), (*category, *info), "{sentence}");
        assert_eq!(
            lm.pushes.sentence_category(&lm.rules, sentence),
            *category,
            "{sentence}"
        );
    }
}
