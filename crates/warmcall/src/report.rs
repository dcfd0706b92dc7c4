//! The report: every figure of SPEC §12 under its stable name.
//! Field names are a promise; new fields may be added, none renamed.

use serde::{Deserialize, Serialize};

/// Schema id written in every report.
pub const SCHEMA: &str = "warmcall.report.v1";

/// The analysis of one call.
///
/// Serialised with serde it is the JSON the CLI writes (schema
/// [`SCHEMA`], documented in docs/report.schema.json). Figures that need
/// times or text are `Option`s: `None` (`null`) when the transcript cannot
/// give them.
///
/// ```
/// use warmcall::{Analyzer, Config, Transcript};
/// let analyzer = Analyzer::new(Config::default().agent("Sam"))?;
/// let t = Transcript::builder()
///     .segment("Sam", 0.0, 3.0, "Hi, Sam from Acme. Could I visit you on Tuesday?")
///     .segment("Jo", 3.5, 5.0, "No thanks.")
///     .build();
/// let report = analyzer.analyze(&t);
/// let pushes = report.pushes.as_ref().expect("the call has text");
/// assert_eq!(pushes.count, 1);
/// assert!(pushes.items[0].premature, "no question asked before the visit");
/// assert!(report.findings.iter().any(|f| f.id == "premature-push"));
/// let json = serde_json::to_value(&report).expect("serialises");
/// assert_eq!(json["pushes"]["items"][0]["category"], "visit");
/// # Ok::<(), warmcall::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Report {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// Where the transcript came from and how it was read.
    pub source: Source,
    /// The day of the call (`YYYY-MM-DD`), `null` when nothing gave one.
    #[serde(default)]
    pub call_date: Option<crate::date::Date>,
    /// Where `call_date` came from: `metadata`, `file_name`, `file_time`
    /// or `given`.
    #[serde(default)]
    pub call_date_source: Option<crate::date::DateSource>,
    /// Which speakers are the seller, and why.
    pub roles: Roles,
    /// Who the seller is as a person: label, name, person.
    #[serde(default)]
    pub agent: AgentIdentity,
    /// Per-speaker figures.
    pub speakers: Vec<SpeakerStats>,
    /// First segment start to last segment end, seconds (`null` untimed).
    pub span_s: Option<f64>,
    /// Talk share.
    pub talk: Talk,
    /// Turns, monologues and stories.
    pub turns: Turns,
    /// Silences (`null` unless fully timed).
    pub silences: Option<Silences>,
    /// Hand-off gaps (`null` unless fully timed).
    pub patience: Option<Patience>,
    /// Interruptions (`null` unless fully timed).
    pub interruptions: Option<Interruptions>,
    /// Questions per side (`null` when the transcript has no text).
    pub questions: Option<Questions>,
    /// Pushes toward a next step (`null` when there is no text).
    pub pushes: Option<Pushes>,
    /// Findings in time order.
    pub findings: Vec<Finding>,
    /// How the call ended.
    pub outcome: Outcome,
    /// Custom trackers from the config.
    pub trackers: Vec<Tracker>,
    /// The warmth score.
    pub score: Score,
}

/// The figures the judgments read, borrowed: what the findings and the
/// score are computed from during the analysis, before there is a report,
/// and what [`crate::score_report`] reads back out of a finished one.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Figures<'r> {
    /// [`Report::span_s`].
    pub span_s: Option<f64>,
    /// [`Report::talk`].
    pub talk: &'r Talk,
    /// [`Report::turns`].
    pub turns: &'r Turns,
    /// [`Report::patience`].
    pub patience: Option<&'r Patience>,
    /// [`Report::questions`].
    pub questions: Option<&'r Questions>,
    /// [`Report::pushes`].
    pub pushes: Option<&'r Pushes>,
    /// [`Report::outcome`].
    pub outcome: &'r Outcome,
}

impl Report {
    /// The figures of a finished report, to judge it again.
    pub(crate) fn figures(&self) -> Figures<'_> {
        Figures {
            span_s: self.span_s,
            talk: &self.talk,
            turns: &self.turns,
            patience: self.patience.as_ref(),
            questions: self.questions.as_ref(),
            pushes: self.pushes.as_ref(),
            outcome: &self.outcome,
        }
    }
}

/// Source facts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Source {
    /// Path as given, when there was one.
    pub path: Option<String>,
    /// Format name (`vtt`, `deepgram-json`, …).
    pub format: String,
    /// Language code used for the text metrics (`nl`, `en`, …).
    pub language: String,
    /// How the language was decided.
    pub language_basis: String,
    /// `full`, `start_only` or `none`.
    pub timing: crate::Timing,
    /// Parse and analysis warnings, as text.
    pub warnings: Vec<String>,
    /// False when the transcript's language has no lexicon: questions and
    /// pushes are then `null`, findings empty, the outcome `unknown` and the
    /// score empty, rather than judged with another language's rules. Left
    /// out of the JSON when true, so reports of supported languages read as
    /// before.
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub judgments_available: bool,
}

fn yes() -> bool {
    true
}

fn is_true(b: &bool) -> bool {
    *b
}

/// Role assignment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Roles {
    /// First agent label, `null` when nobody is the agent.
    pub agent: Option<String>,
    /// All agent labels.
    pub agents: Vec<String>,
    /// `explicit`, `introduction`, `first_push`, `after_greeting`, `first_speaker`.
    pub basis: RoleBasis,
}

/// The seller as a person (the first agent when there are several).
///
/// `person` is what per-agent aggregates group by; `null` when the seller
/// has only a generic label ("Speaker 1") and nothing names them, so that
/// two files' "Speaker 1" are never counted as one seller.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AgentIdentity {
    /// The agent's speaker label, `null` when nobody is the agent.
    pub label: Option<String>,
    /// Their name as the call gives it, `null` when it does not.
    pub name: Option<String>,
    /// `display_name`, `label` (a label that is not generic) or
    /// `introduction` (they said it in the opening).
    pub name_source: Option<NameSource>,
    /// The person: the `[agents]` entry that matches a name or the file,
    /// else `name`.
    pub person: Option<String>,
    /// `config` or `name`.
    pub person_source: Option<PersonSource>,
}

/// Where an agent's name came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum NameSource {
    /// The format's display name (CHAT `@Participants`, canonical JSON
    /// `speakers[].display_name`).
    DisplayName,
    /// The speaker label, which is a name (Teams and Zoom write the
    /// participant's display name as the label).
    Label,
    /// A self-introduction in the opening ("my name is Brandon Lee").
    Introduction,
}

/// How the person was decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum PersonSource {
    /// An `[agents]` entry in the config, by name or by file pattern.
    Config,
    /// The agent's name.
    Name,
}

/// How the agent was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum RoleBasis {
    /// `--agent` or the config named them.
    Explicit,
    /// They introduced themselves as calling for a company.
    Introduction,
    /// They made the first push.
    FirstPush,
    /// They spoke second, after a phone greeting.
    AfterGreeting,
    /// Nothing else decided: the first speaker.
    FirstSpeaker,
}

/// `agent` or `customer`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// The seller.
    Agent,
    /// Everyone else.
    Customer,
}

/// Figures for one speaker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SpeakerStats {
    /// Label as written.
    pub label: String,
    /// Display name where the format has one.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub display_name: Option<String>,
    /// Role.
    pub role: Role,
    /// Union of their segment intervals (`null` untimed).
    pub speech_s: Option<f64>,
    /// Words spoken.
    pub words: usize,
    /// Number of segments.
    pub segments: usize,
    /// Words per minute of speech (timed only).
    pub wpm: Option<f64>,
}

/// Whether a figure is measured in seconds or in words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// Seconds of speech.
    Time,
    /// Word counts (untimed or start-only transcripts).
    Words,
}

/// Talk share.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Talk {
    /// `time` or `words`.
    pub basis: Basis,
    /// agent / (agent + customer): the headline talk ratio.
    pub agent_share_of_speech: Option<f64>,
    /// agent speech / span (time basis); agent words / all words (words basis).
    pub agent_share_of_call: Option<f64>,
    /// Agent speech seconds (union).
    pub agent_s: Option<f64>,
    /// Customer speech seconds (union over all customers).
    pub customer_s: Option<f64>,
    /// Agent words.
    pub agent_words: usize,
    /// Customer words.
    pub customer_words: usize,
}

/// Turn figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Turns {
    /// Maximal runs of non-backchannel segments by one speaker.
    pub count: usize,
    /// Speaker changes per span minute (`null` untimed).
    pub switches_per_minute: Option<f64>,
    /// Longest agent run.
    pub longest_agent_monologue: Option<Run>,
    /// Longest customer run.
    pub longest_customer_story: Option<Run>,
}

/// A run of one side's segments.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Run {
    /// Seconds (latest end − first start); `null` untimed.
    pub s: Option<f64>,
    /// Words in the run.
    pub words: usize,
    /// Start of the first segment.
    pub start_s: Option<f64>,
    /// Index of the first segment.
    pub segment: usize,
}

/// Silence figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Silences {
    /// Listed gaps (≥ `silence.min_s`).
    pub count: usize,
    /// Every gap: span − union of speech.
    pub total_s: f64,
    /// `total_s` / span; `null` for untimed transcripts (pause notation,
    /// no span).
    pub share_of_span: Option<f64>,
    /// Longest gap.
    pub longest_s: f64,
    /// Every gap by class.
    pub by_class: SilenceClasses,
    /// Listed gaps.
    pub items: Vec<Silence>,
}

/// Gap counts per class (half-open bounds).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SilenceClasses {
    /// [0, 0.2)
    pub micropause: usize,
    /// [0.2, 1.0)
    pub pause: usize,
    /// [1.0, dead_air_s)
    pub long: usize,
    /// [dead_air_s, ∞)
    pub dead_air: usize,
}

/// One listed silence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Silence {
    /// Gap start; `null` for a pause written in an untimed transcript.
    pub start_s: Option<f64>,
    /// Gap length.
    pub duration_s: f64,
    /// `gap` (speaker changed) or `pause` (same speaker).
    pub kind: SilenceKind,
    /// `micropause`, `pause`, `long` or `dead_air`.
    pub class: SilenceClass,
    /// Label of who spoke before.
    pub before: Option<String>,
    /// Label of who spoke after.
    pub after: Option<String>,
    /// Index of the segment before the silence (the one ending at its start).
    pub before_segment: Option<usize>,
    /// Index of the segment after the silence (the one starting at its end).
    pub after_segment: Option<usize>,
}

/// Gap or pause.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SilenceKind {
    /// Speaker changed.
    Gap,
    /// Same speaker continued.
    Pause,
}

/// Silence class.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SilenceClass {
    /// < 0.2 s
    Micropause,
    /// 0.2–1.0 s
    Pause,
    /// 1.0 s – dead air
    Long,
    /// ≥ dead air
    DeadAir,
}

/// Hand-off gaps.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Patience {
    /// Customer→agent hand-offs.
    pub handoffs: usize,
    /// Mean gap.
    pub mean_s: Option<f64>,
    /// Median gap.
    pub median_s: Option<f64>,
    /// Mean gap after agent segments ending in a question (customer→… after agent question).
    pub wait_after_question_mean_s: Option<f64>,
    /// Mean hand-off gap after customer rejection or concern signals.
    pub after_objection_mean_s: Option<f64>,
}

/// Interruptions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Interruptions {
    /// Agent cut in on the customer.
    pub by_agent: usize,
    /// Customer cut in on the agent.
    pub by_customer: usize,
    /// Time both sides speak at once.
    pub overlap_s: f64,
}

/// Questions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Questions {
    /// `punctuation` or `words`.
    pub basis: QuestionBasis,
    /// Agent figures.
    pub agent: QuestionStats,
    /// Customer figures.
    pub customer: QuestionStats,
    /// Every question.
    pub items: Vec<QuestionItem>,
}

/// How questions were found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionBasis {
    /// The transcript holds `?`.
    Punctuation,
    /// No `?` anywhere: decided from the words.
    Words,
}

/// Per-side question figures.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct QuestionStats {
    /// open + closed.
    pub total: usize,
    /// Open questions.
    pub open: usize,
    /// Closed questions.
    pub closed: usize,
    /// Tags (not in total).
    pub tag: usize,
    /// Follow-ups (agent side).
    pub follow_up: usize,
    /// total per 10 minutes of span (`null` untimed).
    pub per_10_min: Option<f64>,
    /// Share of total asked in the first third of the span (`null` when no questions or untimed).
    pub first_third_share: Option<f64>,
}

/// Question kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    /// Asks for content.
    Open,
    /// Yes/no or either/or.
    Closed,
    /// Confirmation-seeking tail.
    Tag,
}

/// One question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct QuestionItem {
    /// Segment index.
    pub segment: usize,
    /// Segment start.
    pub start_s: Option<f64>,
    /// Asker's role.
    pub role: Role,
    /// Asker's label.
    pub speaker: String,
    /// The sentence.
    pub text: String,
    /// Kind.
    pub kind: QuestionKind,
    /// Reuses the customer's words or refers back.
    pub follow_up: bool,
}

/// Pushes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Pushes {
    /// Number of pushes.
    pub count: usize,
    /// Number of premature pushes.
    pub premature: usize,
    /// Start of the first push.
    pub first_s: Option<f64>,
    /// Every push.
    pub items: Vec<PushItem>,
}

/// Next-step category.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PushCategory {
    /// Seller calls again (least committing).
    Callback,
    /// A scheduled meeting or call slot.
    Appointment,
    /// Showing the product.
    Demo,
    /// Seller comes to the customer.
    Visit,
    /// Sign, order, trial (most committing).
    Close,
}

impl PushCategory {
    /// Stable name.
    pub fn name(self) -> &'static str {
        match self {
            PushCategory::Callback => "callback",
            PushCategory::Appointment => "appointment",
            PushCategory::Demo => "demo",
            PushCategory::Visit => "visit",
            PushCategory::Close => "close",
        }
    }
}

/// One push.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PushItem {
    /// Segment index.
    pub segment: usize,
    /// Segment start.
    pub start_s: Option<f64>,
    /// The push sentence.
    pub text: String,
    /// Step category.
    pub category: PushCategory,
    /// Below the readiness thresholds.
    pub premature: bool,
    /// What the conversation had built before it.
    pub readiness: Readiness,
}

/// Readiness at a push.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Readiness {
    /// Seconds since the span started (`null` untimed).
    pub elapsed_s: Option<f64>,
    /// Share of span elapsed (untimed: share of words).
    pub elapsed_share: Option<f64>,
    /// Customer share of speech so far (time, or words untimed).
    pub customer_share_so_far: Option<f64>,
    /// Agent open questions so far.
    pub open_questions_so_far: usize,
    /// Answered open questions so far.
    pub answered_open_questions: usize,
    /// Customer signals so far (kinds).
    pub signals: Vec<SignalKind>,
}

/// Customer signal kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SignalKind {
    /// "klinkt interessant", "sounds good".
    Interest,
    /// A problem or want in their own words.
    Need,
    /// "send me some info".
    InfoRequest,
    /// A refusal.
    Rejection,
    /// An objection.
    Concern,
    /// Agreeing to a proposed step.
    Acceptance,
}

/// Finding severity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// A clear mistake.
    High,
    /// Worth a look.
    Warn,
    /// For information.
    Info,
    /// Something done well.
    Positive,
}

/// One finding.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Finding {
    /// Stable id (`premature-push`, …).
    pub id: String,
    /// Severity.
    pub severity: Severity,
    /// Segment index (the push's own for push findings), `null` for call-level.
    pub segment: Option<usize>,
    /// Time.
    pub start_s: Option<f64>,
    /// Quote from the transcript.
    pub evidence: String,
    /// Message in the UI language.
    pub message: String,
}

/// Outcome kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum OutcomeKind {
    /// Customer accepted or proposed a concrete next step.
    Advance,
    /// Information request or vague later contact.
    Continuation,
    /// A rejection.
    NoSale,
    /// None of the above.
    Unknown,
}

/// How the call ended.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Outcome {
    /// Kind.
    pub kind: OutcomeKind,
    /// Deciding segment.
    pub segment: Option<usize>,
    /// Its text.
    pub evidence: Option<String>,
}

/// A custom tracker's hits.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Tracker {
    /// Tracker name.
    pub name: String,
    /// Hits by the agent side.
    pub agent: usize,
    /// Hits by the customer side.
    pub customer: usize,
    /// Every hit.
    pub hits: Vec<TrackerHit>,
}

/// One tracker hit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TrackerHit {
    /// Segment index.
    pub segment: usize,
    /// Segment start.
    pub start_s: Option<f64>,
    /// Side.
    pub role: Role,
    /// Phrase matched (as configured).
    pub phrase: String,
}

/// The warmth score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Score {
    /// 0..100, `null` when nothing could be measured.
    pub warmth: Option<f64>,
    /// Profile name.
    pub profile: String,
    /// Components.
    pub components: Components,
}

/// The five components, each with its inputs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Components {
    /// Talk share inside the band.
    pub listening: Option<Component>,
    /// Questions and follow-ups.
    pub curiosity: Option<Component>,
    /// Mean patience.
    pub patience: Option<Component>,
    /// Longest monologue.
    pub monologue: Option<Component>,
    /// Pushes with findings.
    pub restraint: Option<Component>,
}

/// One score component.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Component {
    /// 0..1.
    pub value: f64,
    /// Weight before renormalisation.
    pub weight: f64,
    /// The inputs it was computed from, by name.
    pub inputs: std::collections::BTreeMap<String, serde_json::Value>,
}
