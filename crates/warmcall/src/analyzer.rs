//! The `Analyzer`: compiles lexicons once, then turns transcripts into
//! reports. It holds no per-call state, so one `Analyzer` can be shared
//! across threads.

use std::collections::HashSet;

use crate::context::Ctx;
use crate::findings::{self, push::PushRules, signals::SignalRules};
use crate::lexicon::Lexicon;
use crate::metrics::{self, questions::QuestionRules};
use crate::report::{self, Report};
use crate::{lang, roles, score, trackers, Config, Error, QuestionKind, Transcript};

/// One language's compiled rules.
#[derive(Debug)]
pub(crate) struct LangModel {
    /// The lists as loaded.
    pub lex: Lexicon,
    backchannels: HashSet<String>,
    /// Function words for language detection (lowercased), compiled with
    /// the other languages' into the analyzer's [`lang::Detector`].
    pub function_words: HashSet<String>,
    /// Question rules.
    pub questions: QuestionRules,
    /// Push rules.
    pub pushes: PushRules,
    /// Customer signal rules.
    pub signals: SignalRules,
    /// Role rules (introductions, greetings).
    pub roles: roles::RoleRules,
}

impl LangModel {
    pub(crate) fn new(lex: Lexicon) -> Result<LangModel, Error> {
        let set = |name: &str| lex.list(name).iter().map(|w| w.to_lowercase()).collect::<HashSet<_>>();
        Ok(LangModel {
            backchannels: set("backchannel.words"),
            function_words: set("detect.function_words"),
            questions: QuestionRules::new(&lex)?,
            pushes: PushRules::new(&lex)?,
            signals: SignalRules::new(&lex)?,
            roles: roles::RoleRules::new(&lex)?,
            lex,
        })
    }

    /// True when every word of `text` is on the backchannel list.
    pub fn is_backchannel(&self, text: &str) -> bool {
        use unicode_segmentation::UnicodeSegmentation;
        // The words of `text::words_lower`, without a String per word: an
        // ASCII word without capitals is looked up as it stands, one with
        // capitals through a reused buffer; the rest lowercase as str does
        // (final sigma).
        let mut buf = String::new();
        let mut any = false;
        for w in text.unicode_words() {
            let found = if !w.is_ascii() {
                self.backchannels.contains(&w.to_lowercase())
            } else if w.bytes().any(|b| b.is_ascii_uppercase()) {
                buf.clear();
                buf.push_str(w);
                buf.make_ascii_lowercase();
                self.backchannels.contains(buf.as_str())
            } else {
                self.backchannels.contains(w)
            };
            if !found {
                return false;
            }
            any = true;
        }
        any
    }
}

/// Compiles the lexicons once; analyses any number of transcripts.
///
/// Building an analyzer loads and compiles every lexicon and rule, so build
/// one per configuration and keep it. [`Analyzer::analyze`] takes `&self`
/// and keeps no per-call state: `Analyzer` is `Send + Sync`, and one behind
/// an [`Arc`](std::sync::Arc) serves any number of threads.
///
/// ```
/// use std::sync::Arc;
/// use warmcall::{Analyzer, Config, Transcript};
///
/// let analyzer = Arc::new(Analyzer::new(Config::default())?);
/// let workers: Vec<_> = (0..2)
///     .map(|i| {
///         let analyzer = Arc::clone(&analyzer);
///         std::thread::spawn(move || {
///             let t = Transcript::builder()
///                 .segment("Sam", 0.0, 3.0, "Hi, this is Sam from Acme. How do you plan your routes?")
///                 .segment("Jo", 3.5, 9.0, &format!("By hand, it takes {} hours a week.", i + 2))
///                 .build();
///             analyzer.analyze(&t).talk.agent_share_of_speech
///         })
///     })
///     .collect();
/// for w in workers {
///     assert!(w.join().unwrap().is_some());
/// }
/// # Ok::<(), warmcall::Error>(())
/// ```
#[derive(Debug)]
pub struct Analyzer {
    config: Config,
    models: Vec<LangModel>,
    /// Every model's function words in one table.
    detector: lang::Detector,
    agent: Option<roles::AgentMatcher>,
    trackers: trackers::Trackers,
}

impl Analyzer {
    /// Builds an analyzer: loads the shipped lexicons, applies the config's
    /// lexicon changes, compiles every rule. Fails with [`Error::Config`] on
    /// bad patterns, an unknown profile or a language without a lexicon.
    ///
    /// ```
    /// use warmcall::{Analyzer, Config};
    ///
    /// let analyzer = Analyzer::new(Config::default().agent("Sanne Visser").profile("cold"))?;
    /// assert!(analyzer.languages().any(|l| l == "nl"));
    ///
    /// let err = Analyzer::new(Config::default().profile("no-such-profile")).unwrap_err();
    /// assert!(err.to_string().contains("unknown profile"));
    /// # Ok::<(), warmcall::Error>(())
    /// ```
    pub fn new(config: Config) -> Result<Analyzer, Error> {
        config.validate().map_err(|e| crate::config_file::locate(&config, e))?;
        if !config.profiles.contains_key(&config.profile) {
            return Err(Error::Config {
                key: "profile".into(),
                line: 0,
                message: format!(
                    "unknown profile {:?} (known: {})",
                    config.profile,
                    config.profiles.keys().cloned().collect::<Vec<_>>().join(", ")
                ),
            });
        }
        let mut lexicons: Vec<Lexicon> = crate::lexicon::BUILTIN
            .iter()
            .filter_map(|(c, _)| Lexicon::builtin(c))
            .collect();
        crate::config_file::apply_lexicon_changes(&config, &mut lexicons)?;
        if config.language != "auto" && !lexicons.iter().any(|l| l.lang == config.language) {
            return Err(Error::Config {
                key: "language".into(),
                line: 0,
                message: format!("no lexicon for language {:?}", config.language),
            });
        }
        if lexicons.len() > lang::FunctionWords::MAX_LANGS {
            // Language detection keeps one bit per language in a word table.
            return Err(Error::Config {
                key: "lexicon".into(),
                line: 0,
                message: format!(
                    "{} languages configured; at most {} are supported",
                    lexicons.len(),
                    lang::FunctionWords::MAX_LANGS
                ),
            });
        }
        let models = lexicons
            .into_iter()
            .map(LangModel::new)
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| crate::config_file::locate(&config, e))?;
        let agent = config
            .roles
            .agent
            .as_deref()
            .map(roles::AgentMatcher::new)
            .transpose()?;
        let trackers = trackers::Trackers::new(&config.trackers)?;
        let detector = lang::Detector::new(
            &models
                .iter()
                .map(|m| (m.lex.lang.as_str(), &m.function_words))
                .collect::<Vec<_>>(),
        );
        Ok(Analyzer {
            config,
            models,
            detector,
            agent,
            trackers,
        })
    }

    /// The configuration in use.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Language codes this analyzer has lexicons for.
    pub fn languages(&self) -> impl Iterator<Item = &str> {
        self.models.iter().map(|m| m.lex.lang.as_str())
    }

    /// Classifies one sentence as a question (and its kind), or `None`.
    /// `punctuated` selects the mode of SPEC §5 (`true`: the transcript
    /// holds `?` somewhere).
    ///
    /// ```
    /// let a = warmcall::Analyzer::new(warmcall::Config::default()).unwrap();
    /// assert_eq!(a.question_kind("en", "What made you look now?", true), Some(warmcall::QuestionKind::Open));
    /// ```
    pub fn question_kind(&self, lang: &str, sentence: &str, punctuated: bool) -> Option<QuestionKind> {
        let m = self.model(lang)?;
        m.questions.classify(sentence, punctuated)
    }

    /// The next-step category when one agent sentence, on its own, is a push.
    ///
    /// ```
    /// let a = warmcall::Analyzer::new(warmcall::Config::default()).unwrap();
    /// assert!(a.push_category("en", "Could I come by on Tuesday to show you?").is_some());
    /// ```
    pub fn push_category(&self, lang: &str, sentence: &str) -> Option<report::PushCategory> {
        let m = self.model(lang)?;
        m.pushes.sentence_category(sentence)
    }

    fn model(&self, lang: &str) -> Option<&LangModel> {
        self.models.iter().find(|m| m.lex.lang == lang)
    }

    /// Runs `f` on the per-call context [`Analyzer::analyze_with_path`]
    /// builds (language, words, backchannels, roles); for the benches.
    pub(crate) fn prepare<R>(&self, t: &Transcript, f: impl FnOnce(Ctx<'_>) -> R) -> R {
        f(self.begin(t).0)
    }

    /// What every analysis starts with: the language (and the basis of the
    /// choice), the per-segment facts, and roles assigned.
    fn begin<'a>(&'a self, t: &'a Transcript) -> (Ctx<'a>, String, roles::Assignment) {
        let (li, language_basis) = lang::detect(t, &self.detector, &self.config.language);
        let mut ctx = Ctx::new(t, &self.config, &self.models[li]);
        let assignment = roles::assign(&ctx, self.agent.as_ref());
        ctx.set_roles(assignment.speaker_role.clone());
        (ctx, language_basis, assignment)
    }

    /// Analyses one transcript. Never fails: what cannot be measured (time
    /// figures of an untimed call, say) is `None` in the report, and
    /// doubts are in `source.warnings`.
    ///
    /// ```
    /// let analyzer = warmcall::Analyzer::new(warmcall::Config::default())?;
    /// let t = warmcall::parse_bytes(b"Sam: Hi, Sam from Acme. Do you have a minute?\nJo: Sure, go ahead.\n", None)?;
    /// let report = analyzer.analyze(&t);
    /// assert_eq!(report.source.format, "txt");
    /// assert!(report.silences.is_none(), "an untimed call has no silences");
    /// assert_eq!(report.talk.agent_words, 9);
    /// # Ok::<(), warmcall::Error>(())
    /// ```
    pub fn analyze(&self, t: &Transcript) -> Report {
        self.analyze_with_path(t, None)
    }

    /// Analyses one transcript like [`Analyzer::analyze_with_path`], but
    /// refuses a call that the configured agent (`roles.agent`, `--agent`)
    /// does not match: [`Error::AgentNotFound`] names the speakers and,
    /// for a near miss, the name meant. [`Analyzer::analyze`] scores such a
    /// call with every speaker as customer and a warning instead.
    ///
    /// ```
    /// let analyzer = warmcall::Analyzer::new(warmcall::Config::default().agent("Sane Visser"))?;
    /// let t = warmcall::parse_bytes(b"Sanne Visser: Goedemorgen.\nJan: Hallo.\n", None)?;
    /// let err = analyzer.try_analyze_with_path(&t, Some("call.txt")).unwrap_err();
    /// assert!(matches!(err, warmcall::Error::AgentNotFound { .. }));
    /// assert!(err.to_string().ends_with("did you mean \"Sanne Visser\"?"));
    /// # Ok::<(), warmcall::Error>(())
    /// ```
    pub fn try_analyze_with_path(&self, t: &Transcript, path: Option<&str>) -> Result<Report, Error> {
        if let (Some(m), Some(pattern)) = (&self.agent, &self.config.roles.agent) {
            roles::check_agent(t, m, pattern).map_err(|e| match path {
                Some(p) => e.with_path(std::path::Path::new(p)),
                None => e,
            })?;
        }
        Ok(self.analyze_with_path(t, path))
    }

    /// Analyses one transcript, recording its path (as the caller wants it
    /// shown) in `source.path`.
    pub fn analyze_with_path(&self, t: &Transcript, path: Option<&str>) -> Report {
        let (ctx, language_basis, assignment) = self.begin(t);
        let lm = ctx.lm;
        let mut warnings: Vec<String> = t.warnings.iter().map(|w| w.to_string()).collect();
        if let [only] = t.speakers.as_slice() {
            // Not a parse problem, but every share reads 100 % and every
            // customer figure is empty: the report says why.
            warnings.push(format!(
                "only one speaker ({:?}): there is no other side, so shares and customer figures describe a monologue",
                only.label
            ));
        }
        warnings.extend(assignment.warnings.iter().cloned());

        let (talk, speakers) = metrics::talk::compute(&ctx);
        let turns = metrics::turns::compute(&ctx);
        let silences = metrics::silence::compute(&ctx);
        let interruptions = metrics::interruptions::compute(&ctx);
        let questions = metrics::questions::compute(&ctx);
        let signals = findings::signals::detect(&ctx);
        let pushes = findings::push::detect(&ctx, questions.as_ref(), &signals);
        let patience = metrics::patience::compute(&ctx, questions.as_ref(), &signals);
        let outcome = findings::outcome::compute(&ctx, &signals, pushes.as_ref());
        let trackers = self.trackers.compute(&ctx);

        let agents: Vec<String> = t
            .speakers
            .iter()
            .zip(&ctx.speaker_role)
            .filter(|(_, r)| **r == report::Role::Agent)
            .map(|(s, _)| s.label.clone())
            .collect();
        let mut report = Report {
            schema: report::SCHEMA.to_string(),
            source: report::Source {
                path: path.map(str::to_string),
                format: t.format.name().to_string(),
                language: lm.lex.lang.clone(),
                language_basis,
                timing: t.timing,
                warnings,
            },
            roles: report::Roles {
                agent: agents.first().cloned(),
                agents,
                basis: assignment.basis,
            },
            speakers,
            span_s: ctx.span_len().map(metrics::round3),
            talk,
            turns,
            silences,
            patience,
            interruptions,
            questions,
            pushes,
            findings: Vec::new(),
            outcome,
            trackers,
            score: score::empty(&self.config.profile),
        };
        report.findings = findings::compute(&ctx, &report, &signals);
        report.score = score::compute(&ctx, &report);
        report
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The allocation-free backchannel test answers what looking up every
    /// `words_lower` word answered, capitals and non-ASCII letters included.
    #[test]
    fn backchannel_test_matches_words_lower() {
        for lang in ["nl", "en"] {
            let mut lm = LangModel::new(Lexicon::builtin(lang).unwrap()).unwrap();
            lm.backchannels.extend(["σοφος", "straße", "oké"].map(String::from));
            for text in [
                "",
                "...",
                "Ja.",
                "JA ja.",
                "Oké!",
                "OKÉ.",
                "Okay, okay.",
                "Mm-Hmm.",
                "Uh-huh.",
                "Yeah, we do.",
                "ΣΟΦΟΣ",
                "Σοφος.",
                "STRASSE",
                "Straße",
                "It's right",
                "ja’",
                "Hm?! Hm.",
                "ok ok ok ok",
            ] {
                let want = {
                    let words: Vec<String> = crate::text::words_lower(text).collect();
                    !words.is_empty() && words.iter().all(|w| lm.backchannels.contains(w))
                };
                assert_eq!(lm.is_backchannel(text), want, "{lang} {text:?}");
            }
        }
    }

    #[test]
    fn too_many_languages_is_a_config_error() {
        let mut cfg = Config::default();
        for i in 0..lang::FunctionWords::MAX_LANGS {
            let table: toml::Table = toml::from_str(&format!("[detect]\nfunction_words = [\"w{i}\"]")).unwrap();
            let change = crate::config::LexiconChange {
                replace: Some(table),
                ..Default::default()
            };
            cfg.lexicon.insert(format!("x{i}"), change);
        }
        let err = Analyzer::new(cfg).unwrap_err();
        assert!(err.to_string().contains("at most 64"), "{err}");
    }

    #[test]
    fn analyzer_is_send_sync() {
        fn assert<T: Send + Sync>() {}
        assert::<Analyzer>();
    }
}
