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
    /// What the finding stages compute once and share.
    pub findings: crate::findings::Cache<'a>,
    /// Sentence spans of every segment, split on first use and shared by
    /// every stage that reads sentences (they used to split the same text
    /// again each).
    sentence_spans: std::cell::OnceCell<SentenceSpans>,
    /// The tokens of each segment's sentences, made on first use: the one
    /// tokenization every rule over words reads.
    sentence_tokens: std::cell::OnceCell<Vec<std::cell::OnceCell<SegmentTokens>>>,
}

/// [`crate::rules::Tokens`] of one segment: its sentence `k` owns tokens
/// `ranges[k]`.
#[derive(Default)]
struct SegmentTokens {
    tokens: crate::rules::Tokens,
    ranges: Vec<(u32, u32)>,
}

/// [`crate::text::sentences`] of every segment as byte ranges: segment `i`
/// owns `spans[start[i]..start[i + 1]]`.
struct SentenceSpans {
    spans: Vec<(usize, usize)>,
    start: Vec<usize>,
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
            Timing::Full => span_of(t, |s| s.end_s),
            // Start-only ends are inferred, so the span runs to the last start.
            Timing::StartOnly => span_of(t, |s| s.start_s),
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
            findings: Default::default(),
            sentence_spans: Default::default(),
            sentence_tokens: Default::default(),
        }
    }

    /// `crate::text::sentences(&self.segs()[i].text)`, split once per
    /// analysis: the same `(offset, sentence)` items, slices of the segment
    /// text.
    pub fn sentences(&self, i: usize) -> impl Iterator<Item = (usize, &'a str)> + '_ {
        let all = self.spans();
        let text: &'a str = &self.t.segments[i].text;
        all.spans[all.start[i]..all.start[i + 1]]
            .iter()
            .map(move |&(a, b)| (a, &text[a..b]))
    }

    /// [`Ctx::sentences`] of segment `i` with each sentence's tokens,
    /// tokenized on first use (only the segments some rule reads).
    pub fn sentence_tokens(&self, i: usize) -> impl Iterator<Item = (usize, &'a str, crate::rules::View<'_>)> + '_ {
        let all = self.spans();
        let cells = self
            .sentence_tokens
            .get_or_init(|| (0..self.segs().len()).map(|_| Default::default()).collect());
        let text: &'a str = &self.t.segments[i].text;
        let (first, last) = (all.start[i], all.start[i + 1]);
        let toks = cells[i].get_or_init(|| {
            let tokenizer = crate::rules::Tokenizer::new(self.lm.rules.vocab());
            // Sized once: a token per ~5 bytes of text at most, and the
            // folded text as long as the text (growing costs more).
            let mut out = SegmentTokens {
                tokens: crate::rules::Tokens::with_capacity(text.len()),
                ranges: Vec::with_capacity(last - first),
            };
            for &(a, b) in &all.spans[first..last] {
                let r = tokenizer.push_sentence(&text[a..b], a, &mut out.tokens);
                out.ranges.push((r.start as u32, r.end as u32));
            }
            out
        });
        (first..last).zip(&toks.ranges).map(move |(k, &(ta, tb))| {
            let (a, b) = all.spans[k];
            (a, &text[a..b], toks.tokens.view(ta as usize..tb as usize))
        })
    }

    /// The sentence spans, split on first use.
    fn spans(&self) -> &SentenceSpans {
        self.sentence_spans.get_or_init(|| {
            let segs = self.segs();
            let mut out = SentenceSpans {
                spans: Vec::new(),
                start: Vec::with_capacity(segs.len() + 1),
            };
            for seg in segs {
                out.start.push(out.spans.len());
                out.spans
                    .extend(crate::text::sentences(&seg.text).map(|(off, s)| (off, off + s.len())));
            }
            out.start.push(out.spans.len());
            out
        })
    }

    /// Applies a role per speaker.
    pub fn set_roles(&mut self, speaker_role: Vec<Role>) {
        self.role = self.t.segments.iter().map(|s| speaker_role[s.speaker]).collect();
        self.speaker_role = speaker_role;
        self.findings = Default::default();
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

/// Builds a [`Ctx`] for unit tests: default config, the built-in lexicon of
/// `lang`, and `agent` as the only agent label.
/// First segment start to the latest `end_of` over all segments, when both
/// are finite and in order.
fn span_of(t: &Transcript, end_of: impl Fn(&Segment) -> Option<f64>) -> Option<(f64, f64)> {
    let start = t
        .segments
        .iter()
        .filter_map(|s| s.start_s)
        .fold(f64::INFINITY, f64::min);
    let end = t.segments.iter().filter_map(end_of).fold(f64::NEG_INFINITY, f64::max);
    (start.is_finite() && end.is_finite() && end >= start).then_some((start, end))
}

#[cfg(test)]
pub(crate) fn with_ctx<R>(t: &Transcript, lang: &str, agent: &str, f: impl FnOnce(&Ctx<'_>) -> R) -> R {
    with_ctx_cfg(t, &Config::default(), lang, agent, f)
}

/// [`with_ctx`] with a given config.
#[cfg(test)]
pub(crate) fn with_ctx_cfg<R>(
    t: &Transcript,
    cfg: &Config,
    lang: &str,
    agent: &str,
    f: impl FnOnce(&Ctx<'_>) -> R,
) -> R {
    let lm =
        LangModel::new(crate::lexicon::Lexicon::builtin(lang).expect("built-in lexicon")).expect("lexicon compiles");
    let mut ctx = Ctx::new(t, cfg, &lm);
    ctx.set_roles(
        t.speakers
            .iter()
            .map(|s| if s.label == agent { Role::Agent } else { Role::Customer })
            .collect(),
    );
    f(&ctx)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flags(lang: &str, cfg: &Config, texts: &[&str]) -> Vec<bool> {
        let mut b = Transcript::builder();
        for (i, x) in texts.iter().enumerate() {
            b = b.segment(if i % 2 == 0 { "A" } else { "B" }, i as f64, i as f64 + 0.5, x);
        }
        let t = b.build();
        with_ctx_cfg(&t, cfg, lang, "A", |c| c.backchannel.clone())
    }

    #[test]
    fn backchannel_is_one_to_three_listed_words() {
        let cfg = Config::default();
        let got = flags(
            "en",
            &cfg,
            &[
                "Yeah.",
                "Uh-huh.",
                "Yeah, yeah, right.",
                "Yeah yeah yeah yeah.",
                "",
                "...",
                "Yeah, we do.",
                "Mm-hmm.",
            ],
        );
        assert_eq!(got, [true, true, true, false, false, false, false, true]);
        let got = flags("nl", &cfg, &["Ja ja.", "Oké.", "Oei.", "Hm.", "Ja, dag."]);
        assert_eq!(got, [true, true, false, true, false]);
    }

    #[test]
    fn backchannel_max_words_is_configurable() {
        let mut cfg = Config::default();
        cfg.backchannel.max_words = 1;
        assert_eq!(flags("en", &cfg, &["Yeah.", "Yeah yeah."]), [true, false]);
    }
}
