//! The transcript model every parser produces and every metric reads.

use serde::{Deserialize, Serialize};

/// How much timing a transcript carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Timing {
    /// Segments have start and end times.
    Full,
    /// Segments have start times only (Otter, Rev, podcast lines); ends are
    /// inferred from the next start and must not feed silence metrics.
    StartOnly,
    /// No times at all: metrics use words.
    None,
}

/// The input format a transcript was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Format {
    /// WebVTT captions (Teams, Zoom, generic).
    Vtt,
    /// SubRip captions.
    Srt,
    /// Plain text `Name: text` lines and their timed variants.
    Txt,
    /// CSV or TSV with a header row.
    Csv,
    /// warmcall's own canonical JSON.
    CanonicalJson,
    /// OpenAI Whisper JSON.
    WhisperJson,
    /// WhisperX JSON (diarised).
    WhisperxJson,
    /// Amazon Transcribe JSON.
    AwsJson,
    /// Deepgram JSON.
    DeepgramJson,
    /// AssemblyAI JSON.
    AssemblyaiJson,
    /// Rev.ai JSON (`monologues[].elements[]`).
    RevJson,
    /// Speechmatics JSON (`results[]` of words with `alternatives[].speaker`).
    SpeechmaticsJson,
    /// Google Cloud Speech-to-Text JSON (`results[].alternatives[]`).
    GoogleJson,
    /// Azure Speech batch transcription JSON (`recognizedPhrases[]`).
    AzureJson,
    /// IBM Watson Speech to Text JSON (`results[].alternatives[].timestamps`).
    WatsonJson,
    /// TalkBank CHAT.
    Chat,
    /// NIST RTTM diarisation (no text).
    Rttm,
    /// ELAN annotation document (`.eaf`): tiers per speaker.
    Eaf,
    /// Transcriber turns (`.trs`).
    Trs,
    /// Praat TextGrid: interval tiers per speaker.
    TextGrid,
    /// A Word document (`.docx`), as Teams downloads its transcripts.
    Docx,
}

impl Format {
    /// Every format, in detection order.
    pub const ALL: [Format; 21] = [
        Format::Vtt,
        Format::Srt,
        Format::Txt,
        Format::Csv,
        Format::CanonicalJson,
        Format::WhisperJson,
        Format::WhisperxJson,
        Format::AwsJson,
        Format::DeepgramJson,
        Format::AssemblyaiJson,
        Format::Chat,
        Format::Rttm,
        Format::Eaf,
        Format::Trs,
        Format::TextGrid,
        Format::Docx,
        Format::RevJson,
        Format::SpeechmaticsJson,
        Format::GoogleJson,
        Format::AzureJson,
        Format::WatsonJson,
    ];

    /// The stable name used in reports and for `--format-hint`.
    pub fn name(self) -> &'static str {
        match self {
            Format::Vtt => "vtt",
            Format::Srt => "srt",
            Format::Txt => "txt",
            Format::Csv => "csv",
            Format::CanonicalJson => "canonical-json",
            Format::WhisperJson => "whisper-json",
            Format::WhisperxJson => "whisperx-json",
            Format::AwsJson => "aws-json",
            Format::DeepgramJson => "deepgram-json",
            Format::AssemblyaiJson => "assemblyai-json",
            Format::RevJson => "rev-json",
            Format::SpeechmaticsJson => "speechmatics-json",
            Format::GoogleJson => "google-json",
            Format::AzureJson => "azure-json",
            Format::WatsonJson => "watson-json",
            Format::Chat => "chat",
            Format::Rttm => "rttm",
            Format::Eaf => "eaf",
            Format::Trs => "trs",
            Format::TextGrid => "textgrid",
            Format::Docx => "docx",
        }
    }

    /// Parses a format name as written by [`Format::name`]; `json` means
    /// "any JSON shape" and is handled by the caller.
    pub fn from_name(name: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.name() == name)
    }

    /// True for the JSON shapes.
    pub fn is_json(self) -> bool {
        matches!(
            self,
            Format::CanonicalJson
                | Format::WhisperJson
                | Format::WhisperxJson
                | Format::AwsJson
                | Format::DeepgramJson
                | Format::AssemblyaiJson
                | Format::RevJson
                | Format::SpeechmaticsJson
                | Format::GoogleJson
                | Format::AzureJson
                | Format::WatsonJson
        )
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// One stretch of speech by one speaker.
///
/// `#[non_exhaustive]`: build one with [`Segment::new`] (or let
/// [`TranscriptBuilder`] do it), fields may be added.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Segment {
    /// Index into [`Transcript::speakers`].
    pub speaker: usize,
    /// Start in seconds from the start of the recording.
    pub start_s: Option<f64>,
    /// End in seconds (inferred for start-only transcripts).
    pub end_s: Option<f64>,
    /// The words, with markup removed. Empty for text-less formats (RTTM).
    pub text: String,
    /// 1-based line in the source file where the segment begins (0 when the
    /// format has no lines, e.g. JSON).
    pub source_line: usize,
}

impl Segment {
    /// A segment with times; `speaker` indexes the transcript's speakers.
    pub fn new(speaker: usize, start_s: Option<f64>, end_s: Option<f64>, text: impl Into<String>) -> Segment {
        Segment {
            speaker,
            start_s,
            end_s,
            text: text.into(),
            source_line: 0,
        }
    }

    /// The segment's words, counted as every figure of the report counts
    /// them ([`crate::text::word_count`]): callers that draw or weigh
    /// segments by words use this, so their counts agree with the report's.
    pub fn word_count(&self) -> usize {
        crate::text::word_count(&self.text)
    }

    /// Duration in seconds when both ends are known (never negative).
    pub fn duration_s(&self) -> Option<f64> {
        match (self.start_s, self.end_s) {
            (Some(s), Some(e)) => Some((e - s).max(0.0)),
            _ => None,
        }
    }
}

/// A speaker as labelled in the source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Speaker {
    /// The label as written (trimmed): `Sanne Visser`, `spk_0`, `PS02K`.
    pub label: String,
    /// A longer display name where the format has one (CHAT `@Participants`).
    pub display_name: Option<String>,
}

/// A non-fatal problem found while parsing, kept in the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Warning {
    /// 1-based source line, 0 when not tied to a line.
    pub line: usize,
    /// What happened, in English.
    pub message: String,
}

impl Speaker {
    /// A speaker with a label and no display name.
    pub fn new(label: impl Into<String>) -> Speaker {
        Speaker {
            label: label.into(),
            display_name: None,
        }
    }
}

impl PauseEvent {
    /// A written pause of `duration_s` after segment `after_segment`
    /// (`None`: before the first segment); `source_line` 0.
    pub fn new(after_segment: Option<usize>, duration_s: f64) -> PauseEvent {
        PauseEvent {
            after_segment,
            duration_s,
            source_line: 0,
        }
    }
}

impl Warning {
    /// A warning tied to a source line (0 for none).
    pub fn new(line: usize, message: impl Into<String>) -> Warning {
        Warning {
            line,
            message: message.into(),
        }
    }
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.line > 0 {
            write!(f, "line {}: {}", self.line, self.message)
        } else {
            f.write_str(&self.message)
        }
    }
}

/// A parsed conversation: segments in start order, speakers, timing kind.
///
/// Get one from [`crate::parse_bytes`] or build one with
/// [`Transcript::builder`]. `#[non_exhaustive]`: fields may be added (source
/// metadata, say), so it is not built with a struct literal outside this
/// crate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Transcript {
    /// Segments in file order, stably sorted by start time.
    pub segments: Vec<Segment>,
    /// Distinct speakers in order of first appearance.
    pub speakers: Vec<Speaker>,
    /// Which times the segments carry.
    pub timing: Timing,
    /// Language declared by the source (Whisper, CHAT), if any: `nl`, `en`, …
    pub language: Option<String>,
    /// The format it was read from.
    pub format: Format,
    /// Parse warnings (encoding fallback, skipped cues, unit choices…).
    pub warnings: Vec<Warning>,
    /// Pause events from text notation (`(0.5)`, `[pause]`), used by untimed
    /// transcripts only.
    pub pauses: Vec<PauseEvent>,
    /// The day of the call and where it was read from: the parsers fill it
    /// from the transcript's metadata (a WebVTT header or `NOTE`, a JSON
    /// `date`/`created` field); a caller may set it from elsewhere (the
    /// command uses the file name, then the file's time). The report
    /// carries it as `call_date` and `call_date_source`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub call_date: Option<crate::date::CallDate>,
    /// Label to index, so that [`Transcript::speaker_index`] stays constant
    /// time on files with thousands of speakers (a linear scan per segment
    /// made 40,000 distinct voices take minutes). Not part of the value.
    #[serde(skip)]
    speaker_lookup: SpeakerLookup,
}

/// A cache beside `speakers`; equal, printed and cloned as nothing, since it
/// is rebuilt from `speakers` whenever it disagrees with them.
#[derive(Default)]
struct SpeakerLookup(std::collections::HashMap<String, usize>);

impl Clone for SpeakerLookup {
    fn clone(&self) -> Self {
        SpeakerLookup::default()
    }
}

impl PartialEq for SpeakerLookup {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl std::fmt::Debug for SpeakerLookup {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("..")
    }
}

/// A pause written in the text (Jefferson `(0.5)`, `(.)`, `[silence 3s]`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PauseEvent {
    /// The segment the pause follows (index into segments), or `None` when it
    /// comes before the first segment.
    pub after_segment: Option<usize>,
    /// Duration in seconds (`(.)` = 0.1).
    pub duration_s: f64,
    /// 1-based source line.
    pub source_line: usize,
}

impl Transcript {
    /// Starts a transcript built in code, e.g. from a dialer's diarised segments.
    pub fn builder() -> TranscriptBuilder {
        TranscriptBuilder::default()
    }

    /// Index of a speaker label, adding it when new. Parsers use this so that
    /// speakers appear in order of first appearance.
    pub fn speaker_index(&mut self, label: &str) -> usize {
        let label = label.trim();
        // `speakers` is public and parsers may reorder it: a cache of another
        // length, or a hit pointing at another label, is rebuilt first.
        let stale = |t: &Transcript| {
            t.speaker_lookup.0.len() != t.speakers.len()
                || t.speaker_lookup
                    .0
                    .get(label)
                    .is_some_and(|&i| !matches!(t.speakers.get(i), Some(s) if s.label == label))
        };
        if stale(self) {
            self.speaker_lookup.0.clear();
            for (i, s) in self.speakers.iter().enumerate() {
                self.speaker_lookup.0.entry(s.label.clone()).or_insert(i);
            }
            if self.speaker_lookup.0.len() != self.speakers.len() {
                // Duplicate labels pushed by hand: the first one wins, as before.
                if let Some(i) = self.speakers.iter().position(|s| s.label == label) {
                    return i;
                }
            }
        }
        if let Some(&i) = self.speaker_lookup.0.get(label) {
            return i;
        }
        self.speaker_lookup.0.insert(label.to_string(), self.speakers.len());
        self.speakers.push(Speaker {
            label: label.to_string(),
            display_name: None,
        });
        self.speakers.len() - 1
    }

    /// An empty transcript of the given format, for parsers to fill.
    pub fn empty(format: Format) -> Transcript {
        Transcript {
            segments: Vec::new(),
            speakers: Vec::new(),
            timing: Timing::Full,
            language: None,
            format,
            warnings: Vec::new(),
            pauses: Vec::new(),
            call_date: None,
            speaker_lookup: SpeakerLookup::default(),
        }
    }

    /// The label of a segment's speaker.
    pub fn label(&self, seg: &Segment) -> &str {
        &self.speakers[seg.speaker].label
    }

    /// Sorts segments stably by start time (untimed segments keep their
    /// place relative to each other and sort as if at the previous start),
    /// and remaps pause events to the new indices.
    pub fn sort_by_start(&mut self) {
        if self.segments.windows(2).all(|w| match (w[0].start_s, w[1].start_s) {
            (Some(a), Some(b)) => a <= b,
            _ => true,
        }) {
            return;
        }
        let mut last = f64::NEG_INFINITY;
        let mut keyed: Vec<(f64, usize)> = self
            .segments
            .iter()
            .enumerate()
            .map(|(i, s)| {
                if let Some(t) = s.start_s {
                    last = t;
                }
                (last, i)
            })
            .collect();
        keyed.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        let mut new_index = vec![0; keyed.len()];
        for (new, &(_, old)) in keyed.iter().enumerate() {
            new_index[old] = new;
        }
        let old = std::mem::take(&mut self.segments);
        let mut slots: Vec<Option<Segment>> = old.into_iter().map(Some).collect();
        self.segments = keyed
            .iter()
            .map(|&(_, i)| slots[i].take().expect("each index once"))
            .collect();
        for p in &mut self.pauses {
            p.after_segment = p.after_segment.map(|i| new_index[i]);
        }
    }

    /// Infers the ends of a start-only transcript from the next start and
    /// marks its timing as [`Timing::StartOnly`]. The last segment gets an end
    /// from its word count at 150 words per minute, at least one second; so
    /// does a segment whose successor starts at the same time (whole-second
    /// stamps: `[00:01:23] A: Mm.` then `[00:01:23] B: …`), capped at the
    /// next later start, so a short reply does not span the other's turn.
    pub fn infer_ends_from_starts(&mut self) {
        self.timing = Timing::StartOnly;
        // The next later start of every segment, found from the back with a
        // stack of candidates (next greater element): searching forward from
        // each segment was quadratic when many lines share one start time.
        let mut later: Vec<f64> = Vec::new();
        for i in (0..self.segments.len()).rev() {
            let Some(start) = self.segments[i].start_s else {
                continue;
            };
            while later.last().is_some_and(|&t| t <= start) {
                later.pop();
            }
            // A NaN start has no later start (`t > NaN` never holds).
            let next = later.last().copied().filter(|_| !start.is_nan());
            // The words are counted only where the end depends on them.
            let spoken = || start + (self.segments[i].word_count() as f64 * 0.4).max(1.0);
            let tied = self.segments.get(i + 1).and_then(|s| s.start_s) == Some(start);
            let end = match next {
                Some(t) if tied => t.min(spoken()),
                Some(t) => t,
                None => spoken(),
            };
            self.segments[i].end_s = Some(end);
            if !start.is_nan() {
                later.push(start);
            }
        }
    }
}

/// Builds a [`Transcript`] in code, e.g. from a dialer's diarised segments.
///
/// Speakers are numbered in order of first appearance; segments are sorted
/// by start time (stably). The timing kind follows from what was given:
/// every segment with start and end is [`Timing::Full`]; every segment with
/// a start is [`Timing::StartOnly`] (ends are then inferred from the next
/// start, and silences are not measured); anything else is [`Timing::None`]
/// (figures in words). The transcript's format is
/// [`Format::CanonicalJson`], the same as for the equivalent
/// `{"segments": [...]}` file.
///
/// ```
/// use warmcall::{Transcript, Timing};
/// let t = Transcript::builder()
///     .segment("Agent", 0.0, 4.0, "Hi, this is Sam from Acme. How are things?")
///     .segment("Customer", 4.5, 9.0, "Busy, but fine.")
///     .build();
/// assert_eq!(t.speakers.len(), 2);
/// assert_eq!(t.timing, Timing::Full);
/// ```
///
/// Fed from a loop, with start times only and display names:
///
/// ```
/// use warmcall::{Transcript, Timing};
/// let diarised = [("spk_0", 0.0, "Hello, Sam from Acme."), ("spk_1", 2.5, "Hi Sam."), ("spk_0", 4.0, "How is the new depot going?")];
/// let mut b = Transcript::builder().language("en").display_name("spk_0", "Sam Jones");
/// for (speaker, start, text) in diarised {
///     b = b.segment_start_only(speaker, start, text);
/// }
/// let t = b.build();
/// assert_eq!(t.timing, Timing::StartOnly);
/// assert_eq!(t.segments[0].end_s, Some(2.5), "an end is the next start");
/// assert_eq!(t.speakers[0].display_name.as_deref(), Some("Sam Jones"));
/// ```
#[derive(Debug, Default)]
pub struct TranscriptBuilder {
    segments: Vec<(String, Option<f64>, Option<f64>, String)>,
    language: Option<String>,
    display_names: Vec<(String, String)>,
}

impl TranscriptBuilder {
    /// Adds a timed segment.
    pub fn segment(mut self, speaker: &str, start_s: f64, end_s: f64, text: &str) -> Self {
        self.segments
            .push((speaker.to_string(), Some(start_s), Some(end_s), text.to_string()));
        self
    }

    /// Adds a segment with a start time only (Otter-style exports, some
    /// dialers); [`TranscriptBuilder::build`] infers its end.
    pub fn segment_start_only(mut self, speaker: &str, start_s: f64, text: &str) -> Self {
        self.segments
            .push((speaker.to_string(), Some(start_s), None, text.to_string()));
        self
    }

    /// Adds a segment with whatever times are known: the general form of
    /// [`segment`](TranscriptBuilder::segment),
    /// [`segment_start_only`](TranscriptBuilder::segment_start_only) and
    /// [`untimed`](TranscriptBuilder::untimed).
    pub fn segment_with(mut self, speaker: &str, start_s: Option<f64>, end_s: Option<f64>, text: &str) -> Self {
        self.segments
            .push((speaker.to_string(), start_s, end_s, text.to_string()));
        self
    }

    /// Gives a speaker label a longer display name (shown in reports and
    /// matched by [`Config::agent`](crate::Config::agent)). Labels that never
    /// speak are ignored.
    pub fn display_name(mut self, label: &str, name: &str) -> Self {
        self.display_names.push((label.trim().to_string(), name.to_string()));
        self
    }

    /// Adds an untimed segment.
    pub fn untimed(mut self, speaker: &str, text: &str) -> Self {
        self.segments.push((speaker.to_string(), None, None, text.to_string()));
        self
    }

    /// Declares the language (`nl`, `en`, …) instead of detecting it.
    pub fn language(mut self, lang: &str) -> Self {
        self.language = Some(lang.to_string());
        self
    }

    /// Finishes the transcript: speakers in order of appearance, segments
    /// sorted by start, timing `Full` when every segment has both times,
    /// `StartOnly` when every segment has a start, else `None`.
    pub fn build(self) -> Transcript {
        let mut t = Transcript::empty(Format::CanonicalJson);
        t.language = self.language;
        let all_full = self.segments.iter().all(|s| s.1.is_some() && s.2.is_some());
        let all_start = self.segments.iter().all(|s| s.1.is_some());
        for (spk, start, end, text) in self.segments {
            let speaker = t.speaker_index(&spk);
            t.segments.push(Segment {
                speaker,
                start_s: start,
                end_s: end,
                text,
                source_line: 0,
            });
        }
        for (label, name) in self.display_names {
            if let Some(s) = t.speakers.iter_mut().find(|s| s.label == label) {
                s.display_name = Some(name);
            }
        }
        t.timing = if all_full {
            Timing::Full
        } else if all_start {
            Timing::StartOnly
        } else {
            Timing::None
        };
        // Sort first: ends are inferred from the next start in time order.
        t.sort_by_start();
        if t.timing == Timing::StartOnly {
            t.infer_ends_from_starts();
        }
        t
    }
}

#[cfg(test)]
mod builder_tests {
    use super::*;

    #[test]
    fn start_only_segments_out_of_order_get_ends_from_the_next_start_in_time() {
        let t = Transcript::builder()
            .segment_start_only("B", 5.0, "Second.")
            .segment_start_only("A", 0.0, "First.")
            .segment_start_only("A", 9.0, "Third, the last one.")
            .build();
        assert_eq!(t.timing, Timing::StartOnly);
        let times: Vec<_> = t.segments.iter().map(|s| (s.start_s, s.end_s)).collect();
        assert_eq!(
            times,
            [(Some(0.0), Some(5.0)), (Some(5.0), Some(9.0)), (Some(9.0), Some(10.6))]
        );
        assert_eq!(t.speakers[0].label, "B", "speakers keep the order they were given in");
    }

    #[test]
    fn mixed_times_make_an_untimed_transcript() {
        let t = Transcript::builder()
            .segment_with("A", Some(0.0), Some(1.0), "Timed.")
            .untimed("B", "Not timed.")
            .display_name("B", "Bea")
            .display_name("C", "Nobody")
            .build();
        assert_eq!(t.timing, Timing::None);
        assert_eq!(t.speakers[1].display_name.as_deref(), Some("Bea"));
        assert_eq!(t.speakers.len(), 2);
    }
}
