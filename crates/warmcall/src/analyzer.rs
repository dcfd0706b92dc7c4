//! The `Analyzer`: compiles lexicons once, then turns transcripts into
//! reports. It holds no per-call state, so one `Analyzer` can be shared
//! across threads.

use crate::context::{BackchannelClass, Ctx, Sentences};
use crate::findings;
use crate::findings::push::{self, PushRules};
use crate::findings::signals::{self, SignalRules};
use crate::lexicon::Lexicon;
use crate::metrics::{
    self,
    questions::{PhraseLists, QuestionRules},
};

/// The word lists that are classes of the engine under a key of their own,
/// as `(class, lexicon key)`: the backchannel words and the question lists.
fn listed_classes() -> impl Iterator<Item = (&'static str, String)> {
    crate::lexicon::LIST_CLASSES
        .iter()
        .map(|&(name, key)| (name, key.to_string()))
        .chain(metrics::questions::list_classes())
}

/// The compiled rules of each stage over the engine, in [`LangModel::stages`] order.
type Stages = (
    SignalRules,
    PushRules,
    roles::RoleRules,
    identity::NameRules,
    PhraseLists,
);
use crate::report::{self, Report};
use crate::{identity, lang, roles, score, trackers, Config, Error, QuestionKind, Transcript};

/// One language's compiled rules. The analyzer hands each stage the rules
/// it reads; the per-call context holds none of them.
#[derive(Debug)]
pub(crate) struct LangModel {
    /// The lists as loaded.
    pub lex: Lexicon,
    /// Backchannel words (the `@backchannel` class of `rules`), for the
    /// context's backchannel flags.
    pub backchannels: BackchannelClass,
    /// Function words for language detection, compiled with the other
    /// languages' into the analyzer's [`lang::Detector`].
    pub function_words: Vec<String>,
    /// Question rules.
    pub questions: QuestionRules,
    /// Push rules.
    pub pushes: PushRules,
    /// Customer signal rules (list ids in `rules`).
    pub signals: SignalRules,
    /// The compiled word classes and pattern lists (the rule engine),
    /// shared with the question rules, whose phrase lists it holds.
    pub rules: std::sync::Arc<crate::rules::Matcher>,
    /// Role rules (introductions, greetings).
    pub roles: roles::RoleRules,
    /// Where the agent says their name.
    pub names: identity::NameRules,
}

impl LangModel {
    /// The customer's signals, then the agent's pushes with their
    /// readiness: the agent's sentences are classified once and read by
    /// both, in that order (the pushes read the signals).
    pub(crate) fn signals_and_pushes(
        &self,
        ctx: &Ctx<'_>,
        questions: Option<&report::Questions>,
    ) -> (Vec<signals::SignalHit>, Option<report::Pushes>) {
        let offers = push::agent_sentences(ctx, &self.pushes, &self.rules);
        let signals = signals::detect(ctx, &self.rules, &self.signals, |i| offers.offer(i));
        let pushes = push::detect(
            ctx,
            &self.pushes,
            &self.signals,
            &self.rules,
            &offers,
            questions,
            &signals,
        );
        (signals, pushes)
    }

    /// The rules of `lex`, with a vocabulary of their own.
    #[cfg(test)]
    pub(crate) fn new(lex: Lexicon) -> Result<LangModel, Error> {
        LangModel::with_vocab(lex, crate::rules::Vocab::default())
    }

    /// `vocab` with every word the rules of `lex` name: the lists are
    /// parsed, not compiled into a matcher.
    fn words(lex: &Lexicon, vocab: crate::rules::Vocab) -> Result<crate::rules::Vocab, Error> {
        let mut compiler = Self::compiler(lex, vocab)?;
        Self::stages(lex, &mut compiler)?;
        Ok(compiler.into_vocab())
    }

    fn compiler(lex: &Lexicon, vocab: crate::rules::Vocab) -> Result<crate::rules::Compiler, Error> {
        crate::rules::compiler_with(lex, vocab, listed_classes()).map_err(|e| e.in_lexicon(&lex.lang))
    }

    /// Every stage's lists added to `compiler`, in one place: the first
    /// pass over the languages ([`LangModel::words`]) must intern exactly
    /// the words the second compiles.
    fn stages(lex: &Lexicon, compiler: &mut crate::rules::Compiler) -> Result<Stages, Error> {
        let phrases = PhraseLists::new(lex, compiler).map_err(|e| e.in_lexicon(&lex.lang))?;
        Ok((
            SignalRules::new(lex, compiler)?,
            PushRules::new(lex, compiler)?,
            roles::RoleRules::new(lex, compiler)?,
            identity::NameRules::new(lex, compiler)?,
            phrases,
        ))
    }

    pub(crate) fn with_vocab(lex: Lexicon, vocab: crate::rules::Vocab) -> Result<LangModel, Error> {
        let mut compiler = Self::compiler(&lex, vocab)?;
        let (signals, pushes, roles, names, phrases) = Self::stages(&lex, &mut compiler)?;
        let rules = std::sync::Arc::new(compiler.finish());
        let backchannels = BackchannelClass::new(&rules).map_err(|message| Error::Config {
            key: format!("lexicon.{}.backchannel.words", lex.lang),
            line: 0,
            message,
        })?;
        Ok(LangModel {
            backchannels,
            function_words: lex.list("detect.function_words").to_vec(),
            questions: QuestionRules::new(&lex, std::sync::Arc::clone(&rules), &phrases).map_err(|message| {
                Error::Config {
                    key: format!("lexicon.{}", lex.lang),
                    line: 0,
                    message,
                }
            })?,
            pushes,
            signals,
            rules,
            roles,
            names,
            lex,
        })
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
    /// Every word any rule of any language names: the tokenizer's ids.
    vocab: crate::rules::Vocab,
    /// Every model's function words in one table.
    detector: lang::Detector,
    agent: Option<crate::agent_patterns::AgentMatcher>,
    trackers: trackers::Trackers,
    /// `[agents]`: names and file globs to persons.
    people: identity::People,
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
        if lexicons.len() > lang::Detector::MAX_LANGS {
            // Language detection keeps one bit per language in a word table.
            return Err(Error::Config {
                key: "lexicon".into(),
                line: 0,
                message: format!(
                    "{} languages configured; at most {} are supported",
                    lexicons.len(),
                    lang::Detector::MAX_LANGS
                ),
            });
        }
        // One vocabulary for all languages, so a transcript is tokenized
        // once, before its language is known: a first pass interns every
        // language's words (and function words), the second compiles each
        // language over the whole vocabulary, ids fixed.
        let mut vocab = crate::rules::Vocab::default();
        for lex in &lexicons {
            lang::intern_function_words(&mut vocab, lex.list("detect.function_words"));
            vocab = LangModel::words(lex, vocab).map_err(|e| crate::config_file::locate(&config, e))?;
        }
        let models = lexicons
            .into_iter()
            .map(|lex| LangModel::with_vocab(lex, vocab.clone()))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| crate::config_file::locate(&config, e))?;
        let agent = config
            .roles
            .agent
            .as_deref()
            .map(crate::agent_patterns::AgentMatcher::new)
            .transpose()?;
        let trackers = trackers::Trackers::new(&config.trackers)?;
        let people = identity::People::new(&config.agents).map_err(|e| crate::config_file::locate(&config, e))?;
        let detector = lang::Detector::new(
            &models
                .iter()
                .map(|m| (m.lex.lang.as_str(), m.function_words.as_slice()))
                .collect::<Vec<_>>(),
            &vocab,
        );
        Ok(Analyzer {
            config,
            models,
            vocab,
            detector,
            agent,
            trackers,
            people,
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
        m.pushes.sentence_category(&m.rules, sentence)
    }

    /// The word classes of a language as the rules use them: the shipped
    /// `[classes]` with the config's changes applied, `(name, entries)` in
    /// name order, then the lists that are classes under a key of their own
    /// (`@backchannel`, the `[questions]` lists such as `@auxiliaries`);
    /// `None` when the analyzer has no lexicon for `lang`.
    ///
    /// ```
    /// let a = warmcall::Analyzer::new(warmcall::Config::default()).unwrap();
    /// let classes = a.classes("en").unwrap();
    /// let (_, days) = classes.iter().find(|(n, _)| *n == "weekday").unwrap();
    /// assert!(days.iter().any(|d| d == "sunday"));
    /// ```
    pub fn classes(&self, lang: &str) -> Option<Vec<(&str, &[String])>> {
        let lex = &self.model(lang)?.lex;
        Some(
            lex.names_under(crate::rules::CLASSES)
                .map(|n| (&n[crate::rules::CLASSES.len()..], lex.list(n)))
                .chain(listed_classes().map(|(name, key)| (name, lex.list(&key))))
                .collect(),
        )
    }

    /// The rule engine alone over `t`: every sentence tokenized once and
    /// scanned for every list of its language's matcher (with `scan`),
    /// nothing judged; the lists hit (or, without `scan`, the tokens),
    /// summed. For the benches: the engine's own ceiling
    /// next to the whole pipeline.
    pub(crate) fn engine_only(&self, t: &Transcript, scan: bool) -> usize {
        let sentences = Sentences::new(t, &self.vocab);
        let (lm, _) = self.language(t, &sentences);
        let mut hits = crate::rules::Hits::default();
        let mut n = 0;
        for i in 0..t.segments.len() {
            for (_, _, v) in sentences.with_tokens(i) {
                if scan {
                    lm.rules.scan_only(v, u128::MAX, &mut hits);
                    n += hits.count();
                } else {
                    n += v.len();
                }
            }
        }
        n
    }

    fn model(&self, lang: &str) -> Option<&LangModel> {
        self.models.iter().find(|m| m.lex.lang == lang)
    }

    /// The per-call context [`Analyzer::analyze_with_path`] builds
    /// (language, words, backchannels, roles) and the rules of its
    /// language; for the benches.
    pub(crate) fn prepare<'a>(&'a self, t: &'a Transcript) -> (Ctx<'a>, &'a LangModel) {
        let sentences = Sentences::new(t, &self.vocab);
        let (lm, _) = self.language(t, &sentences);
        (self.context(t, lm, sentences).0, lm)
    }

    /// The first stage: the language (and the basis of the choice), and the
    /// model of its rules.
    ///
    /// A language without a lexicon still needs a model for the
    /// language-blind figures (word counts, turns): English's, whose
    /// backchannels (`mm`, `ok`) are the most widely shared; the lexicon's
    /// judgments are then not made (see [`Analyzer::analyze_with_path`]).
    fn language(&self, t: &Transcript, sentences: &Sentences<'_>) -> (&LangModel, Language) {
        let (choice, basis) = lang::detect(t, sentences, &self.detector, &self.config.language);
        let (li, unsupported) = match choice {
            lang::Choice::Model(i) => (i, None),
            lang::Choice::Unsupported(code) => {
                let en = self.models.iter().position(|m| m.lex.lang == "en").unwrap_or(0);
                (en, Some(code))
            }
        };
        (&self.models[li], Language { basis, unsupported })
    }

    /// Roles, then the context the metrics read, built with them: role
    /// assignment reads only the transcript, the rules and the sentences,
    /// and hands that sentence split on to the context.
    fn context<'a>(
        &'a self,
        t: &'a Transcript,
        lm: &'a LangModel,
        sentences: Sentences<'a>,
    ) -> (Ctx<'a>, roles::Assignment) {
        // The first-push rule reads the sentences' shared tokens, with one
        // set of scan buffers for the whole search.
        let scratch = std::cell::RefCell::new(push::Scratch::default());
        let assignment = roles::assign(
            t,
            &lm.roles,
            &lm.rules,
            self.agent.as_ref(),
            &|_, v| {
                lm.pushes
                    .judge(&lm.rules, v, &mut scratch.borrow_mut())
                    .category
                    .is_some()
            },
            &sentences,
        );
        let ctx = Ctx::new(
            t,
            &self.config,
            &lm.backchannels,
            assignment.speaker_role.clone(),
            sentences,
        );
        (ctx, assignment)
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
    /// shown) in `source.path`. The path also decides the person of an
    /// agent the config's `[agents]` knows by file name.
    ///
    /// A transcript in a language without a lexicon (declared by the source,
    /// or text in which no lexicon's function words dominate) is measured
    /// but not judged: `source.language` names it (`fr`, or `und`),
    /// `source.judgments_available` is false, a warning says so, and
    /// questions, pushes, findings, outcome and score are left empty rather
    /// than judged with another language's words.
    ///
    /// ```
    /// use warmcall::{config::AgentConfig, Analyzer, Config, Transcript};
    /// let mut config = Config::default();
    /// config.agents.insert("Brandon Lee".into(), AgentConfig::new(vec![], vec!["brandon/**".into()]));
    /// let analyzer = Analyzer::new(config)?;
    /// let t = Transcript::builder()
    ///     .segment("Speaker 1", 0.0, 3.0, "Hi, I'm calling from ClearPrint about your copier.")
    ///     .segment("Speaker 2", 3.5, 5.0, "Oh, okay.")
    ///     .build();
    /// let r = analyzer.analyze_with_path(&t, Some("brandon/2026-03-14.vtt"));
    /// assert_eq!(r.agent.person.as_deref(), Some("Brandon Lee"));
    /// assert_eq!(analyzer.analyze(&t).agent.person, None, "Speaker 1 is nobody in particular");
    /// # Ok::<(), warmcall::Error>(())
    /// ```
    pub fn analyze_with_path(&self, t: &Transcript, path: Option<&str>) -> Report {
        // One pass, each stage taking what it reads and returning its part;
        // the report is put together once, at the end.
        // The sentences and their tokens first: language detection reads
        // them, then every later stage.
        let sentences = Sentences::new(t, &self.vocab);
        let (lm, language) = self.language(t, &sentences);
        let judged = language.unsupported.is_none();
        let (ctx, assignment) = self.context(t, lm, sentences);
        let mut warnings: Vec<String> = t.warnings.iter().map(|w| w.to_string()).collect();
        if let Some(code) = &language.unsupported {
            warnings.push(format!(
                "language {code:?} has no lexicon (lexicons: {}): questions, pushes, findings, outcome and score \
are not judged; talk, turns and silences are measured",
                self.languages().collect::<Vec<_>>().join(", ")
            ));
        }
        if let [only] = t.speakers.as_slice() {
            // Not a parse problem, but every share reads 100 % and every
            // customer figure is empty: the report says why.
            warnings.push(format!(
                "only one speaker ({:?}): there is no other side, so shares and customer figures describe a monologue",
                only.label
            ));
        }
        warnings.extend(assignment.warnings.iter().cloned());

        // Measured figures.
        let (talk, speakers) = metrics::talk::compute(&ctx);
        let turns = metrics::turns::compute(&ctx);
        let silences = metrics::silence::compute(&ctx);
        let interruptions = metrics::interruptions::compute(&ctx);
        // Questions, signals, pushes and their readiness: judged in a
        // language with a lexicon only.
        let (questions, signals, pushes) = if judged {
            let questions = metrics::questions::compute(&ctx, &lm.questions);
            let (signals, pushes) = lm.signals_and_pushes(&ctx, questions.as_ref());
            (questions, signals, pushes)
        } else {
            (None, Vec::new(), None)
        };
        let patience =
            metrics::patience::compute(&ctx, questions.as_ref(), signals.iter().map(|h| (h.segment, h.kind)));
        let outcome = findings::outcome::compute(&ctx, &lm.pushes, &lm.rules, &signals, pushes.as_ref());
        let trackers = self.trackers.compute(&ctx);
        let agent = identity::identify(&ctx, &lm.names, &lm.rules, &self.people, path);
        let span_s = ctx.span_len().map(metrics::round3);

        // Judgments of those figures: the findings, then the score, which
        // reads the findings.
        let (findings, score) = if judged {
            let figures = report::Figures {
                span_s,
                talk: &talk,
                turns: &turns,
                patience: patience.as_ref(),
                questions: questions.as_ref(),
                pushes: pushes.as_ref(),
                outcome: &outcome,
            };
            let findings = findings::compute(&ctx, &figures, &signals, &lm.questions);
            let score = score::compute(&self.config, &figures, &findings);
            (findings, score)
        } else {
            (Vec::new(), score::unmeasured(&self.config.profile))
        };

        let agents: Vec<String> = t
            .speakers
            .iter()
            .zip(&ctx.speaker_role)
            .filter(|(_, r)| **r == report::Role::Agent)
            .map(|(s, _)| s.label.clone())
            .collect();
        Report {
            schema: report::SCHEMA.to_string(),
            call_date: t.call_date.map(|c| c.date),
            call_date_source: t.call_date.map(|c| c.source),
            agent,
            source: report::Source {
                path: path.map(str::to_string),
                format: t.format.name().to_string(),
                language: language.unsupported.clone().unwrap_or_else(|| lm.lex.lang.clone()),
                language_basis: language.basis,
                timing: t.timing,
                warnings,
                judgments_available: judged,
            },
            roles: report::Roles {
                agent: agents.first().cloned(),
                agents,
                basis: assignment.basis,
            },
            speakers,
            span_s,
            talk,
            turns,
            silences,
            patience,
            interruptions,
            questions,
            pushes,
            findings,
            outcome,
            trackers,
            score,
        }
    }
}

/// The language of one analysis.
struct Language {
    /// How it was decided.
    basis: String,
    /// Its code when it has no lexicon.
    unsupported: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Tokens are made once with the analyzer's vocabulary, before the
    /// language is known: every language's matcher must know exactly that
    /// vocabulary (a word interned by one language only would get an id
    /// another language gives a different word).
    #[test]
    fn every_language_compiles_over_the_one_vocabulary() {
        let a = Analyzer::new(Config::default()).unwrap();
        assert!(a.models.len() >= 2);
        for m in &a.models {
            assert_eq!(m.rules.vocab().len(), a.vocab.len(), "{}", m.lex.lang);
        }
        // A word each language names has the same id in every matcher.
        for m in &a.models {
            for (id, w) in m.rules.vocab().words() {
                assert_eq!(a.vocab.id(w), id, "{} {w}", m.lex.lang);
            }
        }
    }

    #[test]
    fn too_many_languages_is_a_config_error() {
        let mut cfg = Config::default();
        for i in 0..lang::Detector::MAX_LANGS {
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

    /// French sentences of a sales call, for the language tests.
    const FR: &[&str] = &[
        "Bonjour, je suis Claire de la société Solaris. Vous avez une minute?",
        "Oui, allez-y, mais je n'ai pas beaucoup de temps.",
        "Nous installons des panneaux solaires pour les entreprises de la région.",
        "Ah bon. Et combien est-ce que cela coûte pour un bâtiment comme le nôtre?",
        "Cela dépend de la surface du toit. Je pourrais passer mardi pour voir?",
        "Mardi, ce n'est pas possible. Envoyez-moi plutôt une brochure par courriel.",
    ];

    fn call(lines: &[&str], repeat: usize, declared: Option<&str>) -> Transcript {
        let mut b = Transcript::builder();
        let mut at = 0.0;
        for _ in 0..repeat {
            for (i, l) in lines.iter().enumerate() {
                b = b.segment(if i % 2 == 0 { "Claire" } else { "Marc" }, at, at + 4.0, l);
                at += 4.5;
            }
        }
        if let Some(l) = declared {
            b = b.language(l);
        }
        b.build()
    }

    #[test]
    fn a_declared_language_without_lexicon_is_measured_not_judged() {
        let a = Analyzer::new(Config::default()).unwrap();
        let r = a.analyze(&call(FR, 1, Some("fra")));
        assert_eq!(r.source.language, "fr");
        assert!(!r.source.judgments_available);
        assert!(
            r.source.language_basis.contains("declared by the source (fra)"),
            "{}",
            r.source.language_basis
        );
        assert!(
            r.source.warnings.iter().any(|w| w.contains("\"fr\" has no lexicon")),
            "{:?}",
            r.source.warnings
        );
        assert!(r.questions.is_none() && r.pushes.is_none() && r.findings.is_empty());
        assert_eq!(r.outcome.kind, report::OutcomeKind::Unknown);
        assert!(r.score.warmth.is_none());
        // Language-blind figures are still measured.
        assert!(r.talk.agent_share_of_speech.is_some() && r.silences.is_some());
        let json = serde_json::to_string(&r).unwrap();
        assert!(json.contains("\"judgments_available\":false"), "{json}");
        // --lang en is the user's call: judged as English.
        let en = Analyzer::new(Config::default().language("en")).unwrap();
        let r = en.analyze(&call(FR, 1, Some("fr")));
        assert!(r.source.judgments_available && r.source.language == "en");
    }

    #[test]
    fn undeclared_text_that_fits_no_lexicon_is_undetermined() {
        let a = Analyzer::new(Config::default()).unwrap();
        // Enough words (over 100) and few Dutch or English function words.
        let r = a.analyze(&call(FR, 3, None));
        assert_eq!(r.source.language, "und", "{}", r.source.language_basis);
        assert!(!r.source.judgments_available);
        assert!(
            r.source.language_basis.starts_with("undetermined"),
            "{}",
            r.source.language_basis
        );
        // Near miss: the same few lines once (under 100 words) say too
        // little to refuse, and are judged as before.
        let r = a.analyze(&call(FR, 1, None));
        assert!(r.source.judgments_available, "{}", r.source.language_basis);
    }

    #[test]
    fn words_overrule_a_declared_language_without_lexicon() {
        let a = Analyzer::new(Config::default()).unwrap();
        let en = [
            "Hi, this is Sam from Acme. Do you have a minute to talk about your routes?",
            "Sure, but I only have a few minutes, so what is it about?",
        ];
        let r = a.analyze(&call(&en, 2, Some("fr")));
        assert_eq!(r.source.language, "en");
        assert!(r.source.judgments_available);
        assert!(r
            .source
            .language_basis
            .ends_with("the source declares fr, which the words overrule"));
        // An English call reads exactly as before: no new field in the JSON.
        let json = serde_json::to_string(&a.analyze(&call(&en, 2, None))).unwrap();
        assert!(!json.contains("judgments_available"));
    }

    #[test]
    fn analyzer_is_send_sync() {
        fn assert<T: Send + Sync>() {}
        assert::<Analyzer>();
    }
}
