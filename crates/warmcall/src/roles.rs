//! Who is the seller: explicit name or /regex/, self-introduction, first
//! push, phone greeting, first speaker — in that order (SPEC §4). Every
//! fallback after the explicit one adds a warning naming its basis.
//!
//! The introduction, calling and greeting patterns are lexicon data
//! (`[roles]` in `lexicons/*.toml`) in the rule engine's pattern syntax,
//! compiled into the language's matcher by [`RoleRules::new`].
//! docs/roles.md explains the choices.

use crate::agent_patterns::AgentMatcher;
use crate::context::Sentences;
use crate::lexicon::Lexicon;
use crate::report::{Role, RoleBasis};
use crate::rules::{Compiler, Hits, ListId, Matcher, Tokens, View};
use crate::{Error, Transcript};

/// Introductions are looked for in the first this many segments…
pub(crate) const OPENING_SEGMENTS: usize = 8;
/// …and, when the transcript is timed, in every segment starting within
/// this many seconds of the first one.
pub(crate) const OPENING_S: f64 = 60.0;

/// A forced seller that matches none of `t`'s speakers is an error, not a
/// call scored with the seller counted as a customer. `pattern` is the
/// agent as the user wrote it.
pub(crate) fn check_agent(t: &Transcript, m: &AgentMatcher, pattern: &str) -> Result<(), Error> {
    if t.speakers
        .iter()
        .any(|s| m.matches(&s.label, s.display_name.as_deref()))
    {
        return Ok(());
    }
    let speakers = t
        .speakers
        .iter()
        .map(|s| match s.display_name.as_deref() {
            Some(d) if d != s.label => format!("{} ({d})", s.label),
            _ => s.label.clone(),
        })
        .collect();
    let suggestion = match m {
        AgentMatcher::Name(n) => closest_name(
            n,
            t.speakers
                .iter()
                .flat_map(|s| std::iter::once(s.label.as_str()).chain(s.display_name.as_deref())),
        ),
        // A regex is not a misspelt name: there is nothing to be close to.
        AgentMatcher::Regex(_) => None,
    };
    Err(Error::AgentNotFound {
        path: None,
        agent: pattern.trim().to_string(),
        speakers,
        suggestion,
    })
}

/// Least edit-distance similarity (0..1) for a name to count as a typo of
/// another: "Sane Visser" for "Sanne Visser" is 0.92, "Piet" for "Jan" 0.
const TYPO_SIMILARITY: f64 = 0.7;

/// The speaker name `wanted` (lower case) most likely means: one it
/// misspells, or one whose words it is a part of ("sanne" in "Sanne Visser").
fn closest_name<'a>(wanted: &str, names: impl Iterator<Item = &'a str>) -> Option<String> {
    let mut best: Option<(f64, &str)> = None;
    for name in names {
        let lower = name.trim().to_lowercase();
        let mut score = strsim::normalized_damerau_levenshtein(wanted, &lower);
        let words: Vec<&str> = lower.split_whitespace().collect();
        if !wanted.is_empty() && wanted.split_whitespace().all(|w| words.contains(&w)) {
            // Part of the full name: as good as a one-letter typo.
            score = score.max(0.9);
        }
        if score >= TYPO_SIMILARITY && best.is_none_or(|(b, _)| score > b) {
            best = Some((score, name.trim()));
        }
    }
    best.map(|(_, n)| n.to_string())
}

/// The role lists of one language: their ids in the language's matcher.
#[derive(Debug)]
pub(crate) struct RoleRules {
    /// "u spreekt met … van …", "my name is … from": introducing oneself as
    /// speaking for a company.
    introduction: ListId,
    /// "ik bel", "I'm calling": the speaker placed the call.
    calling: ListId,
    /// How the person who picks up answers ("Met Joyce", "Hello?").
    greeting: ListId,
    /// Vetoes a greeting: the caller addressing someone ("Hello Mike.").
    not_greeting: ListId,
}

impl RoleRules {
    /// Adds the `[roles]` lists of `lex` to `compiler`.
    pub(crate) fn new(lex: &Lexicon, compiler: &mut Compiler) -> Result<RoleRules, Error> {
        let mut add = |name: &str| {
            compiler.add_list(name, lex.list(name)).map_err(|e| Error::Config {
                key: format!("lexicon.{}.{name}", lex.lang),
                line: 0,
                message: e.source.to_string(),
            })
        };
        Ok(RoleRules {
            introduction: add("roles.introduction")?,
            calling: add("roles.calling")?,
            greeting: add("roles.greeting")?,
            not_greeting: add("roles.not_greeting")?,
        })
    }

    /// Whether list `l` hits sentence `v`.
    fn hits(m: &Matcher, v: View<'_>, l: ListId, h: &mut Hits) -> bool {
        m.scan_only(v, 1 << l, h);
        h.has(l)
    }

    /// Whether a sentence holds a self-introduction.
    fn is_introduction(&self, m: &Matcher, v: View<'_>, h: &mut Hits) -> bool {
        Self::hits(m, v, self.introduction, h)
    }

    fn says_calling(&self, m: &Matcher, v: View<'_>, h: &mut Hits) -> bool {
        Self::hits(m, v, self.calling, h)
    }

    /// Whether `text` (a whole segment: its patterns read `^` and `$` as
    /// the segment's edges) is how someone picks up the phone.
    fn is_greeting(&self, m: &Matcher, text: &str) -> bool {
        let toks = Tokens::sentence(m.vocab(), text);
        let mut h = Hits::default();
        m.scan_only(toks.whole(), 1 << self.greeting | 1 << self.not_greeting, &mut h);
        h.has(self.greeting) && !h.has(self.not_greeting)
    }
}

/// The result of role assignment.
#[derive(Debug, Clone)]
pub(crate) struct Assignment {
    pub speaker_role: Vec<Role>,
    pub basis: RoleBasis,
    pub warnings: Vec<String>,
}

/// [`assign`] with the transcript's own sentence split, so the order of the
/// rules can be tested without a push detector or a context.
#[cfg(test)]
pub(crate) fn assign_with(
    t: &Transcript,
    rules: &RoleRules,
    m: &Matcher,
    agent: Option<&AgentMatcher>,
    is_push: &dyn Fn(&str, View<'_>) -> bool,
) -> Assignment {
    assign(t, rules, m, agent, is_push, &Sentences::new(t, m.vocab()))
}

/// Assigns roles per speaker, before the per-call context exists (the
/// context is built with them). `is_push` tells whether a sentence (its
/// text and its shared tokens) on its own is a push (the first-push rule);
/// `sentences` are the sentences and tokens the analysis shares with its
/// later stages, tokenized with `m`.
pub(crate) fn assign(
    t: &Transcript,
    rules: &RoleRules,
    m: &Matcher,
    agent: Option<&AgentMatcher>,
    is_push: &dyn Fn(&str, View<'_>) -> bool,
    sentences: &Sentences<'_>,
) -> Assignment {
    let n = t.speakers.len();
    if let Some(m) = agent {
        let roles: Vec<Role> = t
            .speakers
            .iter()
            .map(|s| {
                if m.matches(&s.label, s.display_name.as_deref()) {
                    Role::Agent
                } else {
                    Role::Customer
                }
            })
            .collect();
        let mut warnings = Vec::new();
        if !roles.contains(&Role::Agent) {
            warnings.push("no speaker matches --agent; every speaker is counted as customer".to_string());
        }
        return Assignment {
            speaker_role: roles,
            basis: RoleBasis::Explicit,
            warnings,
        };
    }
    let (agent, basis, why) = decide(t, rules, m, is_push, sentences);
    let mut roles = vec![Role::Customer; n];
    if let Some(r) = roles.get_mut(agent) {
        *r = Role::Agent;
    }
    let label = t.speakers.get(agent).map_or("?", |s| s.label.as_str());
    Assignment {
        speaker_role: roles,
        basis,
        warnings: vec![format!(
            "agent is {label:?} (roles basis: {}): {why}; pass --agent if that is wrong",
            basis_name(basis)
        )],
    }
}

/// The agent's speaker index, the basis, and the reason in words.
fn decide(
    t: &Transcript,
    rules: &RoleRules,
    m: &Matcher,
    is_push: &dyn Fn(&str, View<'_>) -> bool,
    sentences: &Sentences<'_>,
) -> (usize, RoleBasis, String) {
    let segs = &t.segments;
    let Some(first) = segs.first() else {
        return (
            0,
            RoleBasis::FirstSpeaker,
            "default: the transcript has no segments".into(),
        );
    };
    let first_speaker = first.speaker;
    let t0 = first.start_s;
    let opening: Vec<(usize, &crate::Segment)> = segs
        .iter()
        .enumerate()
        .take_while(|(i, s)| {
            *i < OPENING_SEGMENTS || matches!((t0, s.start_s), (Some(a), Some(b)) if b - a < OPENING_S)
        })
        .collect();
    // "Ik bel" may come a sentence or a cue after the introduction
    // ("u spreekt met Sanne van Planwerk." / "Ik bel u over …").
    let mut h = Hits::default();
    let first_says_calling = opening.iter().any(|&(i, s)| {
        s.speaker == first_speaker
            && sentences
                .with_tokens(i)
                .any(|(_, _, v)| rules.says_calling(m, v, &mut h))
    });
    for &(i, s) in &opening {
        // Per sentence, so the warning can quote the whole sentence.
        let Some((_, sentence, _)) = sentences
            .with_tokens(i)
            .find(|(_, _, v)| rules.is_introduction(m, *v, &mut h))
        else {
            continue;
        };
        // The one who picks up often names themselves and their firm
        // ("…, u spreekt met Joyce van de receptie"): from the first speaker
        // an introduction counts only when they also say, in the opening,
        // that they are calling.
        if s.speaker == first_speaker && !first_says_calling {
            continue;
        }
        return (
            s.speaker,
            RoleBasis::Introduction,
            format!("self-introduction in segment {i} ({:?})", shorten(sentence)),
        );
    }
    for (i, s) in segs.iter().enumerate() {
        if let Some((_, sentence, _)) = sentences.with_tokens(i).find(|(_, x, v)| is_push(x, *v)) {
            return (
                s.speaker,
                RoleBasis::FirstPush,
                format!("the first push, segment {i} ({:?})", shorten(sentence)),
            );
        }
    }
    if rules.is_greeting(m, first.text.trim()) {
        if let Some((i, s)) = segs.iter().enumerate().find(|(_, s)| s.speaker != first_speaker) {
            return (
                s.speaker,
                RoleBasis::AfterGreeting,
                format!(
                    "speaking first after the phone greeting {:?} (segment {i})",
                    shorten(first.text.trim())
                ),
            );
        }
    }
    (
        first_speaker,
        RoleBasis::FirstSpeaker,
        "speaking first: no introduction, push or phone greeting decided it".into(),
    )
}

/// The report's name for a basis (`first_push`, …).
fn basis_name(b: RoleBasis) -> String {
    serde_json::to_value(b)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn shorten(s: &str) -> String {
    let mut out: String = s.chars().take(60).collect();
    if out.len() < s.len() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A language's role lists compiled alone, read over one string.
    struct Rules {
        r: RoleRules,
        m: Matcher,
    }

    impl Rules {
        fn read(&self, s: &str, l: ListId) -> bool {
            let toks = Tokens::sentence(self.m.vocab(), s);
            RoleRules::hits(&self.m, toks.whole(), l, &mut Hits::default())
        }
        fn is_introduction(&self, s: &str) -> bool {
            self.read(s, self.r.introduction)
        }
        fn says_calling(&self, s: &str) -> bool {
            self.read(s, self.r.calling)
        }
        fn is_greeting(&self, s: &str) -> bool {
            self.r.is_greeting(&self.m, s)
        }
    }

    fn rules(lang: &str) -> Rules {
        let lex = Lexicon::builtin(lang).unwrap();
        let mut c = crate::rules::compiler(&lex).unwrap();
        let r = RoleRules::new(&lex, &mut c).unwrap();
        Rules { r, m: c.finish() }
    }

    fn agent_of(lang: &str, lines: &[(&str, &str)]) -> (String, RoleBasis) {
        agent_with_push(lang, lines, &|_, _| false)
    }

    fn agent_with_push(
        lang: &str,
        lines: &[(&str, &str)],
        push: &dyn Fn(&str, View<'_>) -> bool,
    ) -> (String, RoleBasis) {
        let mut b = Transcript::builder();
        for (i, (spk, text)) in lines.iter().enumerate() {
            b = b.segment(spk, i as f64 * 5.0, i as f64 * 5.0 + 4.0, text);
        }
        let t = b.build();
        let r = rules(lang);
        let a = assign_with(&t, &r.r, &r.m, None, push);
        let agent = t
            .speakers
            .iter()
            .zip(&a.speaker_role)
            .find(|(_, r)| **r == Role::Agent)
            .map(|(s, _)| s.label.clone())
            .unwrap();
        assert_eq!(a.warnings.len(), 1, "{:?}", a.warnings);
        assert!(a.warnings[0].contains(&agent), "{:?}", a.warnings);
        assert!(
            a.warnings[0].contains(&format!("roles basis: {}", basis_name(a.basis))),
            "{:?}",
            a.warnings
        );
        (agent, a.basis)
    }

    #[test]
    fn shipped_patterns_compile_and_exist() {
        for lang in ["nl", "en"] {
            let lex = Lexicon::builtin(lang).unwrap();
            for l in ["introduction", "calling", "greeting", "not_greeting"] {
                assert!(!lex.list(&format!("roles.{l}")).is_empty(), "{lang} {l}");
            }
            rules(lang);
        }
    }

    #[test]
    fn dutch_introductions() {
        let r = rules("nl");
        for s in [
            "Goedemiddag mevrouw De Boer, u spreekt met Sanne Visser van Planwerk.",
            "Ik bel u even over uh, uw inkomen als zelfstandige.",
            "Goedemorgen, ik bel namens Energiek.",
            "Goedemorgen, met Mark van VoltaZakelijk.",
            "Mijn naam is Fatima, van Kantoorfix.",
            "Hoi, je spreekt met Kevin van ZonVast.",
            "Dag meneer, ik ben Kevin van ZonVast.",
        ] {
            assert!(r.is_introduction(s), "{s}");
        }
        for s in [
            "Tandartspraktijk Het Plein, u spreekt met Joyce.",
            "Ik heb net gesproken met Jan.",
            "Dat staat gewoon bij de Kamer van Koophandel.",
            "We hebben het eens met een leverancier van buiten geprobeerd.",
        ] {
            assert!(!r.is_introduction(s), "{s}");
        }
    }

    #[test]
    fn english_introductions() {
        let r = rules("en");
        for s in [
            "Hi Mike, this is Rachel Kim from Harbor Point Insurance.",
            "Lovely. Hi Helen, it's Gary, I'm calling from Brightwater Wealth.",
            "Hi Tricia, my name is Brandon Lee from ClearPrint Business Systems.",
            "I'm calling on behalf of Acme Energy.",
            "Hi, I'm Dan from Ledgerline.",
        ] {
            assert!(r.is_introduction(s), "{s}");
        }
        for s in [
            "Russo Landscaping, this is Mike.",
            "Keller and Moss, this is Tricia, how can I help you?",
            "We got it from a friend.",
            "Thanks for calling Acme.",
        ] {
            assert!(!r.is_introduction(s), "{s}");
        }
        assert!(r.says_calling("I'm just calling about your renewal."));
        assert!(!r.says_calling("Thanks for calling Keller and Moss."));
    }

    #[test]
    fn greetings() {
        let nl = rules("nl");
        for s in [
            "Met Joyce.",
            "Met Ingrid de Boer.",
            "Bakkerij Smit, met Peter.",
            "Tandartspraktijk Het Plein, u spreekt met Joyce.",
            "Goedemorgen, Bakkerij Smit.",
            "Hallo?",
            "Ingrid de Boer.",
            "Goedemiddag, Bakkerij Smit.",
        ] {
            assert!(nl.is_greeting(s), "{s}");
        }
        for s in [
            "Goedemorgen meneer Smit, hoe gaat het?",
            "Ik wilde u iets vragen over uw contract.",
            "Goedemorgen meneer Smit.",
            "Goedemiddag Joyce.",
            "Oké.",
            "Dag mevrouw Bakker!",
        ] {
            assert!(!nl.is_greeting(s), "{s}");
        }
        let en = rules("en");
        for s in [
            "Hello?",
            "Russo Landscaping, this is Mike.",
            "Keller and Moss, this is Tricia, how can I help you?",
            "James Whitfield.",
            "Helen speaking.",
            "Thanks for calling Acme, how may I help you?",
        ] {
            assert!(en.is_greeting(s), "{s}");
        }
        for s in [
            "Hi Laura, can you hear me okay?",
            "Good morning Mr Smith, how are you?",
            "Hello Mike.",
            "Okay.",
            "Good morning, Mr. Russo!",
        ] {
            assert!(!en.is_greeting(s), "{s}");
        }
    }

    /// Each list of each language, one sentence it takes and a near miss
    /// it leaves, in the engine's syntax (`#cap`, `...N`, `~`, `^`/`$` over
    /// the whole first segment).
    #[test]
    fn every_role_list_has_a_positive_and_a_near_miss() {
        let en = rules("en");
        // introduction: a company after a name across commas; the same
        // words with "from" closing the sentence name no company.
        assert!(en.is_introduction("Morning, my name is Lee, Ava Lee, from Northwind Freight."));
        assert!(!en.is_introduction("This is the parcel I told you about, the one it came from."));
        // calling
        assert!(en.says_calling("We're actually phoning about the fleet plan."));
        assert!(!en.says_calling("You called us about the fleet plan."));
        // greeting: a bare full name, not two separate words.
        assert!(en.is_greeting("Priya Raman."));
        assert!(!en.is_greeting("Hello? Hello?"));
        // not_greeting: a greeting and a name is the caller speaking.
        assert!(!en.is_greeting("Hey Omar."));
        assert!(en.is_greeting("Omar Haddad speaking."));
        let nl = rules("nl");
        assert!(nl.is_introduction("Hallo, mijn naam is Jansen, Pieter Jansen, namens Groenstroom."));
        assert!(!nl.is_introduction("Hallo, mijn naam is Pieter Jansen."));
        assert!(nl.says_calling("Waarom bel ik u eigenlijk?"));
        assert!(!nl.says_calling("U belde gisteren al."));
        // greeting: a greeting and a company in one clause; with a
        // question after the comma it is the caller addressing someone.
        assert!(nl.is_greeting("Goedemiddag, Fietsenmakerij Tol."));
        assert!(!nl.is_greeting("Goedemiddag Wim, heeft u even tijd?"));
        assert!(!nl.is_greeting("Dag mevrouw Kok."));
        assert!(nl.is_greeting("Dag, Kok en Zonen."));
    }

    #[test]
    fn customer_answers_first_dutch() {
        // The receptionist names herself and her practice; the caller's own
        // introduction decides.
        let got = agent_of(
            "nl",
            &[
                ("Joyce", "Tandartspraktijk Het Plein, u spreekt met Joyce van de balie."),
                ("Fatima", "Goedemorgen Joyce, u spreekt met Fatima van Kantoorfix."),
            ],
        );
        assert_eq!(got, ("Fatima".into(), RoleBasis::Introduction));
        // No introduction at all: the greeting decides.
        let got = agent_of(
            "nl",
            &[
                ("Tom", "Met Tom."),
                ("Jeroen", "Goedemiddag, heeft u even?"),
                ("Tom", "Ja."),
            ],
        );
        assert_eq!(got, ("Jeroen".into(), RoleBasis::AfterGreeting));
    }

    #[test]
    fn customer_answers_first_english() {
        let got = agent_of(
            "en",
            &[
                ("Mike", "Russo Landscaping, this is Mike."),
                ("Rachel", "Hi Mike, how are you doing today?"),
            ],
        );
        assert_eq!(got, ("Rachel".into(), RoleBasis::AfterGreeting));
        let got = agent_of(
            "en",
            &[
                ("Mike", "Russo Landscaping, this is Mike from the front office."),
                ("Rachel", "Hi Mike, this is Rachel from Harbor Point."),
            ],
        );
        assert_eq!(got, ("Rachel".into(), RoleBasis::Introduction));
    }

    #[test]
    fn first_speaker_introduction_needs_calling() {
        let got = agent_of(
            "en",
            &[
                (
                    "Gary",
                    "Hi, this is Gary from Brightwater, I'm calling about your guide.",
                ),
                ("Helen", "Oh, right."),
            ],
        );
        assert_eq!(got, ("Gary".into(), RoleBasis::Introduction));
        let got = agent_of(
            "nl",
            &[
                (
                    "Mark",
                    "Goedemorgen, met Mark van VoltaZakelijk, ik bel over uw contract.",
                ),
                ("Peter", "Ja?"),
            ],
        );
        assert_eq!(got, ("Mark".into(), RoleBasis::Introduction));
    }

    #[test]
    fn first_speaker_calling_in_a_later_cue() {
        let got = agent_of(
            "nl",
            &[
                (
                    "Sanne",
                    "Goedemiddag mevrouw De Boer, u spreekt met Sanne Visser van Planwerk.",
                ),
                ("Sanne", "Ik bel u even over uw vraag over de planning."),
                ("Ingrid", "O ja."),
            ],
        );
        assert_eq!(got, ("Sanne".into(), RoleBasis::Introduction));
        // Without "ik bel" the first speaker's introduction does not count and
        // the greeting ("u spreekt met") hands the role to the next speaker.
        let got = agent_of(
            "nl",
            &[
                (
                    "Joyce",
                    "Goedemorgen, u spreekt met Joyce van Tandartspraktijk Het Plein.",
                ),
                ("Fatima", "Goedemorgen, heeft u even?"),
            ],
        );
        assert_eq!(got, ("Fatima".into(), RoleBasis::AfterGreeting));
    }

    #[test]
    fn first_push_then_first_speaker() {
        let push = |s: &str, _: View<'_>| s.contains("come by");
        let lines = [
            ("Ann", "Hi Laura, can you hear me?"),
            ("Laura", "Yes, fine."),
            ("Ann", "Could I come by on Tuesday?"),
        ];
        assert_eq!(
            agent_with_push("en", &lines, &push),
            ("Ann".into(), RoleBasis::FirstPush)
        );
        let lines = [
            ("Laura", "Hi Ann, how are you?"),
            ("Ann", "Could I come by on Tuesday?"),
        ];
        assert_eq!(
            agent_with_push("en", &lines, &push),
            ("Ann".into(), RoleBasis::FirstPush)
        );
        assert_eq!(agent_of("en", &lines), ("Laura".into(), RoleBasis::FirstSpeaker));
    }

    #[test]
    fn introductions_only_in_the_opening() {
        let mut lines: Vec<(&str, &str)> = vec![("Ann", "So how is the team doing?"), ("Bob", "Good.")];
        lines.extend(std::iter::repeat_n([("Ann", "And then?"), ("Bob", "Fine.")], 20).flatten());
        lines.push(("Bob", "By the way, my name is Bob from Acme."));
        assert_eq!(agent_of("en", &lines), ("Ann".into(), RoleBasis::FirstSpeaker));
    }

    #[test]
    fn unmatched_agent_is_an_error_with_a_suggestion() {
        let t = Transcript::builder()
            .segment("Sanne Visser", 0.0, 1.0, "Goedemorgen.")
            .segment("Jan", 1.0, 2.0, "Hallo.")
            .build();
        let m = AgentMatcher::new("Sane Visser").unwrap();
        let e = check_agent(&t, &m, "Sane Visser").unwrap_err();
        assert_eq!(
            e.to_string(),
            "agent \"Sane Visser\" not found; speakers: Sanne Visser, Jan; did you mean \"Sanne Visser\"?"
        );
        let first = AgentMatcher::new("sanne").unwrap();
        let e = check_agent(&t, &first, "sanne").unwrap_err();
        assert!(e.to_string().ends_with("did you mean \"Sanne Visser\"?"), "{e}");
    }

    #[test]
    fn unmatched_agent_far_from_every_name_has_no_suggestion() {
        let t = Transcript::builder()
            .segment("Sanne Visser", 0.0, 1.0, "Goedemorgen.")
            .segment("Jan", 1.0, 2.0, "Hallo.")
            .build();
        for pattern in ["Piet", "/^Kees/"] {
            let m = AgentMatcher::new(pattern).unwrap();
            let e = check_agent(&t, &m, pattern).unwrap_err();
            assert!(!e.to_string().contains("did you mean"), "{e}");
            assert!(e.to_string().contains("speakers: Sanne Visser, Jan"), "{e}");
        }
        // A name that does match is no error, in any case.
        assert!(check_agent(&t, &AgentMatcher::new("sanne visser").unwrap(), "sanne visser").is_ok());
        assert!(check_agent(&t, &AgentMatcher::new("/Viss/").unwrap(), "/Viss/").is_ok());
    }

    #[test]
    fn explicit_agent_wins() {
        let t = Transcript::builder()
            .segment("A", 0.0, 1.0, "Hello?")
            .segment("B", 1.0, 2.0, "Hi, this is B from Acme.")
            .build();
        let m = AgentMatcher::new("/^A$/").unwrap();
        let r = rules("en");
        let a = assign_with(&t, &r.r, &r.m, Some(&m), &|_, _| false);
        assert_eq!(a.speaker_role, vec![Role::Agent, Role::Customer]);
        assert_eq!(a.basis, RoleBasis::Explicit);
        assert!(a.warnings.is_empty());
    }
}
