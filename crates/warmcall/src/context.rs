//! Per-analysis facts computed once and shared by every metric: word
//! counts, backchannel flags, roles, the span.

use crate::analyzer::LangModel;
use crate::report::Role;
use crate::{Config, Segment, Timing, Transcript};

/// What every metric stage reads.
pub(crate) struct Ctx<'a> {
    /// The transcript.
    pub t: &'a Transcript,
    /// The configuration.
    pub cfg: &'a Config,
    /// The chosen language's compiled rules.
    pub lm: &'a LangModel,
    /// Words per segment.
    pub words: Vec<usize>,
    /// Whether each segment is a backchannel.
    pub backchannel: Vec<bool>,
    /// Role of each speaker.
    pub speaker_role: Vec<Role>,
    /// Role of each segment.
    pub role: Vec<Role>,
    /// Span `(first start, last end)` for fully timed transcripts; for
    /// start-only transcripts `(first start, last start)`.
    pub span: Option<(f64, f64)>,
    /// Whether any segment holds text (RTTM holds none).
    pub has_text: bool,
}

impl<'a> Ctx<'a> {
    /// Computes the per-segment facts; roles default to customer until
    /// [`Ctx::set_roles`].
    pub fn new(t: &'a Transcript, cfg: &'a Config, lm: &'a LangModel) -> Ctx<'a> {
        let words: Vec<usize> = t.segments.iter().map(|s| crate::text::word_count(&s.text)).collect();
        let backchannel = t
            .segments
            .iter()
            .zip(&words)
            .map(|(s, &w)| w >= 1 && w <= cfg.backchannel.max_words && lm.is_backchannel(&s.text))
            .collect();
        let span = match t.timing {
            Timing::Full => {
                let start = t
                    .segments
                    .iter()
                    .filter_map(|s| s.start_s)
                    .fold(f64::INFINITY, f64::min);
                let end = t
                    .segments
                    .iter()
                    .filter_map(|s| s.end_s)
                    .fold(f64::NEG_INFINITY, f64::max);
                (start.is_finite() && end.is_finite() && end >= start).then_some((start, end))
            }
            Timing::StartOnly => {
                let start = t
                    .segments
                    .iter()
                    .filter_map(|s| s.start_s)
                    .fold(f64::INFINITY, f64::min);
                let end = t
                    .segments
                    .iter()
                    .filter_map(|s| s.start_s)
                    .fold(f64::NEG_INFINITY, f64::max);
                (start.is_finite() && end.is_finite()).then_some((start, end))
            }
            _ => None,
        };
        let has_text = words.iter().any(|&w| w > 0);
        Ctx {
            t,
            cfg,
            lm,
            words,
            backchannel,
            speaker_role: vec![Role::Customer; t.speakers.len()],
            role: vec![Role::Customer; t.segments.len()],
            span,
            has_text,
        }
    }

    /// Applies a role per speaker.
    pub fn set_roles(&mut self, speaker_role: Vec<Role>) {
        self.role = self.t.segments.iter().map(|s| speaker_role[s.speaker]).collect();
        self.speaker_role = speaker_role;
    }

    /// True when the transcript has real start and end times.
    pub fn timed(&self) -> bool {
        self.t.timing == Timing::Full
    }

    /// Span length in seconds.
    pub fn span_len(&self) -> Option<f64> {
        self.span.map(|(a, b)| b - a)
    }

    /// The segments.
    pub fn segs(&self) -> &'a [Segment] {
        &self.t.segments
    }
}
