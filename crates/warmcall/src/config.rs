//! Configuration: every threshold, band and weight, role rules, lexicon
//! changes and trackers. `Config::default()` is the documented default
//! (docs/config.md, sources in docs/scoring.md); the TOML loader lives in
//! [`crate::config_file`], the commented default file is
//! [`crate::config_file::default_toml`].
//!
//! Field names are stable: other stages read them, and they are the keys of
//! `warmcall.toml`. A field added here needs a comment in
//! `config_file::DOCS` and a row in docs/config.md (tests fail otherwise).
//!
//! Units: seconds for `*_s`, shares in 0..1, counts as whole numbers.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::Error;

/// Everything the analysis can be tuned with.
///
/// Start from [`Config::default`] (the documented defaults, profile
/// `discovery`) and chain the builder methods; every field is public too,
/// for thresholds without a builder method. The struct is
/// `#[non_exhaustive]`: new settings may appear, so build it this way rather
/// than with a struct literal. A `warmcall.toml` file gives the same
/// settings: [`crate::config_file::parse_config`].
///
/// ```
/// use warmcall::{Analyzer, Config};
///
/// let mut config = Config::default()
///     .agent("/^(Sam|Jo) /")        // every speaker whose label matches is the seller
///     .profile("cold")              // discovery, cold or support
///     .language("en")               // skip language detection
///     .ui_lang("nl")                // finding messages in Dutch
///     .tracker("competitor", &["Salesforce", "HubSpot"]);
/// config.silence.dead_air_s = 4.0;  // thresholds are plain fields
/// assert_eq!(config.active_profile().unwrap().questions_before_first_push, Some(3));
/// let analyzer = Analyzer::new(config)?;
/// # Ok::<(), warmcall::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct Config {
    /// Profile name: `discovery` (default), `cold` or `support`, or one
    /// defined under `[profiles.NAME]`.
    pub profile: String,
    /// `auto`, or a language code with a lexicon (`nl`, `en`, …).
    pub language: String,
    /// Language of finding messages: `en` or `nl`.
    pub ui_lang: String,
    /// Mask personal data in what is written (the command's `--redact`):
    /// phone numbers, e-mail addresses, IBANs, card numbers, postcodes and
    /// addresses, customers' names, customers' labels as `customer`. The
    /// analysis itself ignores it: figures are computed on the original
    /// text, and [`crate::redact::Redactor`] masks the finished report.
    pub redact: bool,
    /// With `redact`, also replace the seller's labels by `agent` and mask
    /// their names (`--redact-agents`).
    pub redact_agents: bool,
    /// Who the seller is.
    pub roles: RolesConfig,
    /// Silence thresholds.
    pub silence: SilenceConfig,
    /// Interruption threshold.
    pub overlap: OverlapConfig,
    /// Backchannel rule.
    pub backchannel: BackchannelConfig,
    /// Question detection settings that use timing.
    pub questions: QuestionsConfig,
    /// Push readiness thresholds.
    pub push: PushConfig,
    /// Finding thresholds.
    pub findings: FindingsConfig,
    /// Profile definitions. The built-ins `discovery`, `cold` and `support`
    /// are always present; [`crate::config_file::parse_config`] merges a
    /// `[profiles.NAME]` table onto the built-in of that name key by key.
    pub profiles: BTreeMap<String, Profile>,
    /// Lexicon changes per language code.
    pub lexicon: BTreeMap<String, LexiconChange>,
    /// Custom phrase trackers.
    pub trackers: Vec<TrackerConfig>,
    /// Tiers of annotation files (ELAN, Praat TextGrid) mapped to speaker
    /// labels: a named tier is read as that speaker even where the rule
    /// would skip it, an empty label skips it. Passed to the parser as
    /// [`crate::ParseOptions::tier_speakers`].
    pub tiers: BTreeMap<String, String>,
    /// People: `[agents."Brandon Lee"]` with the labels and names and the
    /// file-name globs that are that person.
    pub agents: BTreeMap<String, AgentConfig>,
    /// The text this config was parsed from, kept so that errors found
    /// later (a bad pattern in a lexicon list, at [`crate::Analyzer::new`])
    /// can still name their line. Not part of equality, never serialised.
    #[serde(skip)]
    pub source: ConfigSource,
}

/// Where each key of the config file a [`Config`] came from is written
/// (dotted key → line), so that an error found later (validation, a bad
/// pattern at [`crate::Analyzer::new`]) still names its line. Empty for a
/// config built in code. It holds positions, not the file's text. Two
/// sources always compare equal: where a config came from does not change
/// what it means.
#[derive(Debug, Clone, Default)]
pub struct ConfigSource(pub(crate) Option<std::sync::Arc<[(String, usize)]>>);

impl PartialEq for ConfigSource {
    fn eq(&self, _: &ConfigSource) -> bool {
        true
    }
}

impl ConfigSource {
    /// Every header and key of the file with its 1-based line, in file
    /// order (`trackers[0].name` for arrays of tables); empty for a config
    /// built in code.
    pub fn keys(&self) -> &[(String, usize)] {
        self.0.as_deref().unwrap_or(&[])
    }
}

impl Default for Config {
    fn default() -> Self {
        Config {
            profile: "discovery".into(),
            language: "auto".into(),
            ui_lang: "en".into(),
            redact: false,
            redact_agents: false,
            roles: RolesConfig::default(),
            silence: SilenceConfig::default(),
            overlap: OverlapConfig::default(),
            backchannel: BackchannelConfig::default(),
            questions: QuestionsConfig::default(),
            push: PushConfig::default(),
            findings: FindingsConfig::default(),
            profiles: Profile::builtins(),
            lexicon: BTreeMap::new(),
            trackers: Vec::new(),
            tiers: BTreeMap::new(),
            agents: BTreeMap::new(),
            source: ConfigSource::default(),
        }
    }
}

impl Config {
    /// Sets the seller: a speaker label or display name, or `/REGEX/`
    /// matched against both (it may match several speakers). Without it the
    /// seller is inferred (introduction, first push, greeting, first
    /// speaker; `roles.basis` in the report says which).
    pub fn agent(mut self, pattern: &str) -> Self {
        self.roles.agent = Some(pattern.to_string());
        self
    }

    /// Selects a profile by name: `discovery` (the default: a first
    /// conversation to learn the customer's needs), `cold` (a cold call that
    /// may ask for a meeting early; wants questions before the first push),
    /// `support` (no question band, no push findings), or one defined in
    /// [`Config::profiles`]. An unknown name makes [`crate::Analyzer::new`] fail.
    pub fn profile(mut self, name: &str) -> Self {
        self.profile = name.to_string();
        self
    }

    /// Forces a language (`nl`, `en`, or one added through
    /// [`Config::lexicon`]) or `auto` (detected per call, the default).
    pub fn language(mut self, lang: &str) -> Self {
        self.language = lang.to_string();
        self
    }

    /// Sets the language of finding messages (`en`, `nl`).
    pub fn ui_lang(mut self, lang: &str) -> Self {
        self.ui_lang = lang.to_string();
        self
    }

    /// Asks for redacted output (see [`Config::redact`]); `agents` also
    /// replaces the seller's labels and names.
    pub fn redacted(mut self, redact: bool, agents: bool) -> Self {
        self.redact = redact || agents;
        self.redact_agents = agents;
        self
    }

    /// Adds a custom tracker: the phrases are counted per side
    /// (case-insensitive, whole words) and listed under `trackers` in the
    /// report, in the order added.
    ///
    /// ```
    /// use warmcall::{Analyzer, Config, Transcript};
    ///
    /// let analyzer = Analyzer::new(Config::default().agent("Sam").tracker("competitor", &["HubSpot"]))?;
    /// let t = Transcript::builder()
    ///     .segment("Sam", 0.0, 3.0, "What do you use today?")
    ///     .segment("Jo", 3.5, 6.0, "HubSpot, since last year.")
    ///     .build();
    /// let report = analyzer.analyze(&t);
    /// assert_eq!(report.trackers[0].name, "competitor");
    /// # Ok::<(), warmcall::Error>(())
    /// ```
    pub fn tracker(mut self, name: &str, phrases: &[&str]) -> Self {
        self.trackers.push(TrackerConfig {
            name: name.to_string(),
            phrases: phrases.iter().map(|s| s.to_string()).collect(),
        });
        self
    }

    /// The active profile.
    pub fn active_profile(&self) -> Option<&Profile> {
        self.profiles.get(&self.profile)
    }
}

/// Role rules.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct RolesConfig {
    /// A speaker label or display name, or `/REGEX/` (may match several).
    pub agent: Option<String>,
}

/// Silence thresholds (SPEC §5, §6.3). Classes after Jefferson and GailBot:
/// micropause [0, 0.2), pause [0.2, 1.0), long [1.0, `dead_air_s`), dead air.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct SilenceConfig {
    /// Gaps at least this long are listed as silence items (s; 1.0).
    pub min_s: f64,
    /// Dead air from this length (s; 5.0): the `dead_air` class and the
    /// `dead-air` finding.
    pub dead_air_s: f64,
    /// A `patient-silence` after an agent question is at least this long
    /// (s; 2.0).
    pub patient_s: f64,
}

impl Default for SilenceConfig {
    fn default() -> Self {
        SilenceConfig {
            min_s: 1.0,
            dead_air_s: 5.0,
            patient_s: 2.0,
        }
    }
}

/// Interruption threshold.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct OverlapConfig {
    /// A segment interrupts when the other side's earlier segment still has
    /// this long to run (s; 0.5).
    pub min_s: f64,
}

impl Default for OverlapConfig {
    fn default() -> Self {
        OverlapConfig { min_s: 0.5 }
    }
}

/// Backchannel rule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct BackchannelConfig {
    /// A backchannel has 1..=max_words words (3), all on the language's
    /// `backchannel.words` list.
    pub max_words: usize,
}

impl Default for BackchannelConfig {
    fn default() -> Self {
        BackchannelConfig { max_words: 3 }
    }
}

/// Question detection settings that use timing (SPEC §5, docs/questions.md).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct QuestionsConfig {
    /// An agent statement about the customer ("so you're with Eneco at the
    /// moment") counts as a closed question when the customer's reply opens
    /// with yes/no and starts at most this long after the statement ends
    /// (s; 1.0). Timed transcripts only; 0 switches the rule off.
    pub answer_gap_s: f64,
}

impl Default for QuestionsConfig {
    fn default() -> Self {
        QuestionsConfig { answer_gap_s: 1.0 }
    }
}

/// Push readiness thresholds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct PushConfig {
    /// Fewer answered open questions before a push makes it premature (2).
    pub min_answered_open_questions: usize,
    /// A lower customer share of speech so far makes it premature (0.30).
    pub min_customer_share: f64,
    /// An open question is answered by a customer turn of at least this
    /// many words (8).
    pub answer_min_words: usize,
}

impl Default for PushConfig {
    fn default() -> Self {
        PushConfig {
            min_answered_open_questions: 2,
            min_customer_share: 0.30,
            answer_min_words: 8,
        }
    }
}

/// Finding thresholds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct FindingsConfig {
    /// `repeated-pushes` from this many pushes.
    pub repeated_pushes: usize,
    /// `talk-dominance` above this agent share of speech.
    pub talk_dominance_share: f64,
    /// `long-monologue` above this many seconds.
    pub long_monologue_s: f64,
    /// `long-monologue` above this many words (untimed).
    pub long_monologue_words: usize,
    /// `short-customer-story` below this many seconds.
    pub short_story_s: f64,
    /// `short-customer-story` and `no-next-step` only for calls this long (s).
    pub min_discovery_call_s: f64,
    /// `low-patience` below this mean (s).
    pub low_patience_s: f64,
    /// `low-patience` needs this many hand-offs.
    pub low_patience_min_handoffs: usize,
    /// `no-wait-after-question` from this many words after the question.
    pub no_wait_words: usize,
    /// `not-a-conversation` when the customer says fewer words.
    pub not_a_conversation_words: usize,
    /// `few-questions` only for calls at least this long (s).
    pub few_questions_min_call_s: f64,
}

impl Default for FindingsConfig {
    fn default() -> Self {
        FindingsConfig {
            repeated_pushes: 3,
            talk_dominance_share: 0.65,
            long_monologue_s: 120.0,
            long_monologue_words: 300,
            short_story_s: 50.0,
            min_discovery_call_s: 300.0,
            low_patience_s: 0.5,
            low_patience_min_handoffs: 5,
            no_wait_words: 15,
            not_a_conversation_words: 20,
            few_questions_min_call_s: 180.0,
        }
    }
}

/// A call profile: bands, weights and which findings apply (SPEC §6.5).
///
/// The built-ins are `discovery` (the default), `cold` and `support`
/// ([`Profile::builtins`]). A `[profiles.NAME]` table in the config file
/// changes only the keys it names: the rest keep the built-in profile's
/// values (a new name starts from `discovery`'s).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct Profile {
    /// Agent share of speech band `[low, high]` (0..1) that earns full
    /// listening marks. Gong Labs: top reps talk about 43%.
    pub talk_share: [f64; 2],
    /// Listening falls linearly from 1 at the band's edge to 0 this far
    /// outside it (share of speech). A judgement call: 0.25.
    pub talk_share_falloff: f64,
    /// Agent questions per [`Profile::questions_per_minutes`] `[low, high]`
    /// (Gong: 11–14 on discovery calls averaging 43 minutes); `None` (`[]` in
    /// TOML) for no band.
    #[serde(with = "band_serde")]
    pub questions: Option<[f64; 2]>,
    /// Minutes the question band refers to (Gong: 43).
    pub questions_per_minutes: f64,
    /// Floor of the scaled low bound (questions).
    pub questions_low_floor: f64,
    /// Floor of the scaled high bound (questions).
    pub questions_high_floor: f64,
    /// Agent questions wanted before the first push (cold calls: 3); when
    /// set, curiosity counts these instead of the band. `None` (`0` in TOML)
    /// when not used.
    #[serde(with = "count_serde")]
    pub questions_before_first_push: Option<usize>,
    /// Whether push findings are raised at all, and whether the restraint
    /// component is scored.
    pub push_findings: bool,
    /// Whether discovery-only findings (`short-customer-story`, `no-next-step`) apply.
    pub discovery_findings: bool,
    /// Component weights (renormalised over the measured components).
    pub weights: Weights,
    /// Monologue component: full marks up to / zero from these seconds of
    /// longest agent monologue.
    pub monologue_s: [f64; 2],
    /// The same in words, for calls without times.
    pub monologue_words: [f64; 2],
    /// Follow-up share (follow-ups / agent questions) that earns the full
    /// follow-up part of curiosity.
    pub follow_up_share_full: f64,
    /// Mean patience that earns full marks (s).
    pub patience_full_s: f64,
    /// Restraint lost per push with at least one push finding. A judgement
    /// call: 0.5, so two bad pushes take all of it.
    pub restraint_per_push: f64,
}

/// Score weights (before renormalisation; SPEC §6.5).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct Weights {
    /// Talk share inside the band (0.25).
    pub listening: f64,
    /// Questions and follow-ups (0.20).
    pub curiosity: f64,
    /// Hand-off gaps (0.10).
    pub patience: f64,
    /// Longest agent monologue (0.15).
    pub monologue: f64,
    /// Pushes with findings (0.30).
    pub restraint: f64,
}

impl Default for Weights {
    fn default() -> Self {
        Weights {
            listening: 0.25,
            curiosity: 0.20,
            patience: 0.10,
            monologue: 0.15,
            restraint: 0.30,
        }
    }
}

impl Default for Profile {
    fn default() -> Self {
        Profile {
            talk_share: [0.35, 0.50],
            talk_share_falloff: 0.25,
            questions: Some([11.0, 14.0]),
            questions_per_minutes: 43.0,
            questions_low_floor: 3.0,
            questions_high_floor: 14.0,
            questions_before_first_push: None,
            push_findings: true,
            discovery_findings: true,
            weights: Weights::default(),
            monologue_s: [60.0, 180.0],
            monologue_words: [150.0, 450.0],
            follow_up_share_full: 0.3,
            patience_full_s: 1.0,
            restraint_per_push: 0.5,
        }
    }
}

impl Profile {
    /// The agent-question band scaled to the span (SPEC §6.5): low =
    /// max(floor, band_low × span/minutes), high = max(floor, band_high ×
    /// span/minutes). `None` when the profile has no band or the span is
    /// unknown. The `few-questions`/`many-questions` findings and the
    /// curiosity component read the same band.
    pub fn question_band(&self, span_s: Option<f64>) -> Option<(f64, f64)> {
        let [lo, hi] = self.questions?;
        let minutes = span_s? / 60.0;
        let scale = minutes / self.questions_per_minutes;
        Some((
            (lo * scale).max(self.questions_low_floor),
            (hi * scale).max(self.questions_high_floor),
        ))
    }

    /// `discovery`, `cold` and `support`.
    pub fn builtins() -> BTreeMap<String, Profile> {
        let discovery = Profile::default();
        let cold = Profile {
            talk_share: [0.40, 0.60],
            questions_before_first_push: Some(3),
            discovery_findings: false,
            ..Profile::default()
        };
        let support = Profile {
            questions: None,
            push_findings: false,
            discovery_findings: false,
            ..Profile::default()
        };
        BTreeMap::from([
            ("discovery".into(), discovery),
            ("cold".into(), cold),
            ("support".into(), support),
        ])
    }

    /// The built-in profile of that name, if any.
    pub fn builtin(name: &str) -> Option<Profile> {
        Profile::builtins().remove(name)
    }
}

/// `Option<[f64; 2]>` as `[low, high]`, or `[]` for none (TOML has no null).
mod band_serde {
    use serde::{de::Error as _, Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(v: &Option<[f64; 2]>, s: S) -> Result<S::Ok, S::Error> {
        match v {
            Some(b) => s.collect_seq(b.iter()),
            None => s.collect_seq(std::iter::empty::<f64>()),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<[f64; 2]>, D::Error> {
        let v: Vec<f64> = Vec::deserialize(d)?;
        match v.as_slice() {
            [] => Ok(None),
            [lo, hi] => Ok(Some([*lo, *hi])),
            _ => Err(D::Error::invalid_length(v.len(), &"[low, high], or [] for no band")),
        }
    }
}

/// `Option<usize>` as a count, `0` meaning none.
mod count_serde {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(v: &Option<usize>, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u64(v.unwrap_or(0) as u64)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<usize>, D::Error> {
        let n = usize::deserialize(d)?;
        Ok((n > 0).then_some(n))
    }
}

/// Lexicon changes for one language (`[lexicon.LANG]`), applied in this
/// order: `file`, then `replace`, then `add`. A language warmcall does not
/// ship needs `file` (or `replace`): adding a language needs no code.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct LexiconChange {
    /// A lexicon file (TOML, the shape of the shipped `lexicons/*.toml`)
    /// that replaces the built-in lexicon of this language or defines a new
    /// one, as written in the config. The library reads no files: the
    /// caller reads it into [`LexiconChange::file_text`] with
    /// [`crate::config_file::read_lexicon_files`] (the CLI reads a relative
    /// path from the config file's folder).
    pub file: Option<String>,
    /// The text of `file`, filled in by
    /// [`crate::config_file::read_lexicon_files`]; never part of the TOML.
    #[serde(skip)]
    pub file_text: Option<String>,
    /// Lists replaced wholesale, by dotted list name
    /// (`"backchannel.words" = [...]`, or nested tables); lists not named
    /// keep their values.
    pub replace: Option<toml::Table>,
    /// Phrases added to existing lists, by dotted list name
    /// (`"pushes.steps.visit" = [...]`).
    pub add: BTreeMap<String, Vec<String>>,
}

/// One person in `[agents]`: the table's key is the name shown, these say
/// which calls are theirs.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct AgentConfig {
    /// Speaker labels and names (display names, introduced names) of this
    /// person, matched case-insensitively. Generic labels ("Speaker 1")
    /// are refused: they name a slot in one file, not a person.
    pub names: Vec<String>,
    /// Globs on the path as shown (`brandon/**`, `*_blee_*.vtt`);
    /// case-insensitive, `*` crosses folders, also tried on every tail of
    /// the path (`brandon/x.vtt`, `x.vtt`).
    pub files: Vec<String>,
}

impl AgentConfig {
    /// A person known by these names and file globs.
    pub fn new(names: Vec<String>, files: Vec<String>) -> AgentConfig {
        AgentConfig { names, files }
    }
}

/// A named phrase list counted per side (`[[trackers]]`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct TrackerConfig {
    /// Name shown in the report (unique).
    pub name: String,
    /// Phrases, matched case-insensitively on whole words.
    pub phrases: Vec<String>,
}

fn bad(key: impl Into<String>, message: impl Into<String>) -> Error {
    Error::Config {
        key: key.into(),
        line: 0,
        message: message.into(),
    }
}

fn check(ok: bool, key: impl FnOnce() -> String, message: &str) -> Result<(), Error> {
    if ok {
        Ok(())
    } else {
        Err(bad(key(), message))
    }
}

fn finite_nonneg(v: f64) -> bool {
    v.is_finite() && v >= 0.0
}

fn share(v: f64) -> bool {
    v.is_finite() && (0.0..=1.0).contains(&v)
}

fn range(r: [f64; 2]) -> bool {
    finite_nonneg(r[0]) && finite_nonneg(r[1]) && r[0] <= r[1]
}

impl Config {
    /// Checks values that parse but make no sense (a band upside down, a
    /// share above 1, a bad `/regex/` for the agent, a tracker without
    /// phrases). Errors name the dotted key; `line` is 0 here and filled in
    /// by [`crate::config_file::parse_config`] for a file.
    pub fn validate(&self) -> Result<(), Error> {
        check(
            self.profiles.contains_key(&self.profile),
            || "profile".into(),
            &format!(
                "unknown profile {:?} (known: {})",
                self.profile,
                self.profiles.keys().cloned().collect::<Vec<_>>().join(", ")
            ),
        )?;
        check(
            !self.language.trim().is_empty(),
            || "language".into(),
            "give `auto` or a language code",
        )?;
        check(
            matches!(self.ui_lang.as_str(), "en" | "nl"),
            || "ui_lang".into(),
            "messages exist in `en` and `nl` only",
        )?;
        if let Some(agent) = &self.roles.agent {
            crate::agent_patterns::AgentMatcher::new(agent).map(|_| ())?;
        }
        let s = &self.silence;
        check(
            finite_nonneg(s.min_s),
            || "silence.min_s".into(),
            "must be a number ≥ 0",
        )?;
        check(
            s.dead_air_s.is_finite() && s.dead_air_s >= 1.0,
            || "silence.dead_air_s".into(),
            "must be ≥ 1.0 (the long class starts at 1.0 s)",
        )?;
        check(
            finite_nonneg(s.patient_s),
            || "silence.patient_s".into(),
            "must be a number ≥ 0",
        )?;
        check(
            finite_nonneg(self.overlap.min_s),
            || "overlap.min_s".into(),
            "must be a number ≥ 0",
        )?;
        check(
            finite_nonneg(self.questions.answer_gap_s),
            || "questions.answer_gap_s".into(),
            "must be a number ≥ 0",
        )?;
        check(
            self.backchannel.max_words >= 1,
            || "backchannel.max_words".into(),
            "must be at least 1",
        )?;
        check(
            share(self.push.min_customer_share),
            || "push.min_customer_share".into(),
            "must be a share in 0..1",
        )?;
        let f = &self.findings;
        check(
            share(f.talk_dominance_share),
            || "findings.talk_dominance_share".into(),
            "must be a share in 0..1",
        )?;
        for (key, v) in [
            ("long_monologue_s", f.long_monologue_s),
            ("short_story_s", f.short_story_s),
            ("min_discovery_call_s", f.min_discovery_call_s),
            ("low_patience_s", f.low_patience_s),
            ("few_questions_min_call_s", f.few_questions_min_call_s),
        ] {
            check(finite_nonneg(v), || format!("findings.{key}"), "must be a number ≥ 0")?;
        }
        for (name, p) in &self.profiles {
            let k = |f: &str| format!("profiles.{name}.{f}");
            check(
                share(p.talk_share[0]) && share(p.talk_share[1]) && p.talk_share[0] <= p.talk_share[1],
                || k("talk_share"),
                "must be [low, high] shares with low ≤ high",
            )?;
            check(
                p.talk_share_falloff.is_finite() && p.talk_share_falloff > 0.0,
                || k("talk_share_falloff"),
                "must be > 0",
            )?;
            if let Some(q) = p.questions {
                check(
                    range(q),
                    || k("questions"),
                    "must be [low, high] with 0 ≤ low ≤ high, or []",
                )?;
            }
            check(
                p.questions_per_minutes.is_finite() && p.questions_per_minutes > 0.0,
                || k("questions_per_minutes"),
                "must be > 0",
            )?;
            check(
                finite_nonneg(p.questions_low_floor),
                || k("questions_low_floor"),
                "must be ≥ 0",
            )?;
            check(
                finite_nonneg(p.questions_high_floor),
                || k("questions_high_floor"),
                "must be ≥ 0",
            )?;
            let w = &p.weights;
            for (wk, v) in [
                ("listening", w.listening),
                ("curiosity", w.curiosity),
                ("patience", w.patience),
                ("monologue", w.monologue),
                ("restraint", w.restraint),
            ] {
                check(finite_nonneg(v), || k(&format!("weights.{wk}")), "must be a number ≥ 0")?;
            }
            check(
                w.listening + w.curiosity + w.patience + w.monologue + w.restraint > 0.0,
                || k("weights"),
                "at least one weight must be above 0",
            )?;
            check(
                range(p.monologue_s) && p.monologue_s[0] < p.monologue_s[1],
                || k("monologue_s"),
                "must be [full, zero] with full < zero",
            )?;
            check(
                range(p.monologue_words) && p.monologue_words[0] < p.monologue_words[1],
                || k("monologue_words"),
                "must be [full, zero] with full < zero",
            )?;
            check(
                p.follow_up_share_full.is_finite() && p.follow_up_share_full > 0.0,
                || k("follow_up_share_full"),
                "must be > 0",
            )?;
            check(
                p.patience_full_s.is_finite() && p.patience_full_s > 0.0,
                || k("patience_full_s"),
                "must be > 0",
            )?;
            check(
                finite_nonneg(p.restraint_per_push),
                || k("restraint_per_push"),
                "must be ≥ 0",
            )?;
        }
        for lang in self.lexicon.keys() {
            check(
                !lang.is_empty() && lang.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'),
                || format!("lexicon.{lang}"),
                "a language code is letters, digits, `-` or `_`",
            )?;
        }
        self.validate_agents()?;
        let mut names = std::collections::BTreeSet::new();
        for (i, t) in self.trackers.iter().enumerate() {
            check(
                !t.name.trim().is_empty(),
                || format!("trackers[{i}].name"),
                "a tracker needs a name",
            )?;
            check(
                names.insert(t.name.as_str()),
                || format!("trackers[{i}].name"),
                &format!("tracker name {:?} is used twice", t.name),
            )?;
            check(
                !t.phrases.is_empty(),
                || format!("trackers[{i}].phrases"),
                "a tracker needs at least one phrase",
            )?;
            for p in &t.phrases {
                check(
                    crate::text::word_count(p) > 0,
                    || format!("trackers[{i}].phrases"),
                    &format!("phrase {p:?} has no words"),
                )?;
            }
        }
        Ok(())
    }
}

impl Config {
    /// `[agents]`: every person has a name and at least one name or file
    /// glob; a name belongs to one person; generic labels and bad globs are
    /// refused.
    fn validate_agents(&self) -> Result<(), Error> {
        let mut owner: BTreeMap<String, &str> = BTreeMap::new();
        for (person, a) in &self.agents {
            let key = |f: &str| format!("agents.{person}{f}");
            check(!person.trim().is_empty(), || key(""), "a person needs a name")?;
            check(
                !a.names.is_empty() || !a.files.is_empty(),
                || key(""),
                "give `names` (labels or names) or `files` (globs), or both",
            )?;
            for n in std::iter::once(person).chain(&a.names) {
                check(!n.trim().is_empty(), || key(".names"), "a name is empty")?;
                let folded = n.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
                if let Some(other) = owner.insert(folded, person) {
                    check(
                        other == person,
                        || key(".names"),
                        &format!("{n:?} is also a name of {other:?}: a name belongs to one person"),
                    )?;
                }
            }
            for n in &a.names {
                check(
                    !crate::agent_patterns::is_generic_label(n),
                    || key(".names"),
                    &format!(
                        "{n:?} is a generic label that every file reuses for someone else; tie those calls to {person:?} with `files`"
                    ),
                )?;
            }
            for (j, f) in a.files.iter().enumerate() {
                if let Err(e) = crate::agent_patterns::glob(f) {
                    return Err(bad(key(&format!(".files[{j}]")), format!("bad glob {f:?}: {e}")));
                }
            }
        }
        Ok(())
    }
}
