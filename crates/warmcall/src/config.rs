//! Configuration: every threshold, band and weight, role rules, lexicon
//! changes and trackers. `Config::default()` is the documented default
//! (docs/config.md); the TOML loader lives in [`crate::config_file`].

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

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
    /// Who the seller is.
    pub roles: RolesConfig,
    /// Silence thresholds.
    pub silence: SilenceConfig,
    /// Interruption threshold.
    pub overlap: OverlapConfig,
    /// Backchannel rule.
    pub backchannel: BackchannelConfig,
    /// Push readiness thresholds.
    pub push: PushConfig,
    /// Finding thresholds.
    pub findings: FindingsConfig,
    /// Profile definitions; the three built-ins are always present unless
    /// overridden here.
    pub profiles: BTreeMap<String, Profile>,
    /// Lexicon changes per language code.
    pub lexicon: BTreeMap<String, LexiconChange>,
    /// Custom phrase trackers.
    pub trackers: Vec<TrackerConfig>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            profile: "discovery".into(),
            language: "auto".into(),
            ui_lang: "en".into(),
            roles: RolesConfig::default(),
            silence: SilenceConfig::default(),
            overlap: OverlapConfig::default(),
            backchannel: BackchannelConfig::default(),
            push: PushConfig::default(),
            findings: FindingsConfig::default(),
            profiles: Profile::builtins(),
            lexicon: BTreeMap::new(),
            trackers: Vec::new(),
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

/// Silence thresholds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct SilenceConfig {
    /// Gaps at least this long are listed (s).
    pub min_s: f64,
    /// Dead air from this length (s).
    pub dead_air_s: f64,
    /// A patient silence after an agent question is at least this long (s).
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
    /// The other side must still have this long to run (s).
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
    /// A backchannel has 1..=max_words words, all on the list.
    pub max_words: usize,
}

impl Default for BackchannelConfig {
    fn default() -> Self {
        BackchannelConfig { max_words: 3 }
    }
}

/// Push readiness thresholds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct PushConfig {
    /// Fewer answered open questions before a push makes it premature.
    pub min_answered_open_questions: usize,
    /// A lower customer share of speech so far makes it premature.
    pub min_customer_share: f64,
    /// An answer has at least this many words.
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

/// A call profile: bands, weights and which findings apply.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct Profile {
    /// Agent share of speech band `[low, high]`.
    pub talk_share: [f64; 2],
    /// Agent questions band per 43 minutes `[low, high]`; `None` for no band.
    pub questions: Option<[f64; 2]>,
    /// Minutes the question band refers to (Gong: 43).
    pub questions_per_minutes: f64,
    /// Floor of the scaled low bound.
    pub questions_low_floor: f64,
    /// Floor of the scaled high bound.
    pub questions_high_floor: f64,
    /// Cold profile: questions wanted before the first push.
    pub questions_before_first_push: Option<usize>,
    /// Whether push findings are raised at all.
    pub push_findings: bool,
    /// Whether discovery-only findings (`short-customer-story`, `no-next-step`) apply.
    pub discovery_findings: bool,
    /// Component weights.
    pub weights: Weights,
    /// Monologue component: full marks up to / zero from these seconds.
    pub monologue_s: [f64; 2],
    /// The same in words for untimed calls.
    pub monologue_words: [f64; 2],
    /// Follow-up share that earns full curiosity marks.
    pub follow_up_share_full: f64,
    /// Mean patience that earns full marks (s).
    pub patience_full_s: f64,
}

/// Score weights.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct Weights {
    /// Talk share.
    pub listening: f64,
    /// Questions.
    pub curiosity: f64,
    /// Hand-off gaps.
    pub patience: f64,
    /// Longest monologue.
    pub monologue: f64,
    /// Pushes with findings.
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
        }
    }
}

impl Profile {
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
}

/// Lexicon changes for one language.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct LexiconChange {
    /// A lexicon file (TOML, same shape as the shipped ones) that replaces
    /// the built-in one, or defines a new language.
    pub file: Option<String>,
    /// The whole lexicon inline (same shape as the shipped files); replaces
    /// the built-in one.
    pub replace: Option<toml::Table>,
    /// Phrases added to lists, by dotted list name (`pushes.steps.visit`).
    pub add: BTreeMap<String, Vec<String>>,
}

/// A named phrase list counted per side.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct TrackerConfig {
    /// Name shown in the report.
    pub name: String,
    /// Phrases (case-insensitive, whole words).
    pub phrases: Vec<String>,
}
