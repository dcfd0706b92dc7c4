//! Per-analysis facts computed once and shared by every metric: word
//! counts, backchannel flags, roles, the span, the sentence split.
//!
//! The context is built after roles are decided, and knows nothing of the
//! stages that read it: each stage gets its compiled rules as arguments.

use std::collections::HashSet;

use crate::lexicon::Lexicon;
use crate::report::Role;
use crate::{Config, Segment, Timing, Transcript};

/// What every metric stage reads.
pub(crate) struct Ctx<'a> {
    /// The transcript.
    pub t: &'a Transcript,
    /// The configuration.
    pub cfg: &'a Config,
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
    /// Sentence spans of every segment, split on first use and shared by
    /// every stage that reads sentences (they used to split the same text
    /// again each). Role assignment reads them before the context exists.
    sentence_spans: Sentences<'a>,
}

/// The sentences of every segment, split once on first use: what role
/// assignment reads before there is a [`Ctx`], handed on to the context
/// so that no later stage splits them again.
pub(crate) struct Sentences<'a> {
    t: &'a Transcript,
    spans: std::cell::OnceCell<SentenceSpans>,
    /// The engine's words, to tokenize with.
    vocab: &'a crate::rules::Vocab,
    /// The tokens of each segment's sentences, made on first use: the one
    /// tokenization every rule over words reads.
    tokens: std::cell::OnceCell<Vec<std::cell::OnceCell<SegmentTokens>>>,
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

impl<'a> Sentences<'a> {
    /// The sentences of `t`, not split yet; `vocab` tokenizes them.
    pub fn new(t: &'a Transcript, vocab: &'a crate::rules::Vocab) -> Sentences<'a> {
        Sentences {
            t,
            spans: Default::default(),
            vocab,
            tokens: Default::default(),
        }
    }

    /// `crate::text::sentences(&t.segments[i].text)`, split once per
    /// analysis: the same `(offset, sentence)` items, slices of the segment
    /// text.
    pub fn of(&self, i: usize) -> impl Iterator<Item = (usize, &'a str)> + '_ {
        let all = self.spans();
        let text: &'a str = &self.t.segments[i].text;
        all.spans[all.start[i]..all.start[i + 1]]
            .iter()
            .map(move |&(a, b)| (a, &text[a..b]))
    }

    /// [`Sentences::of`] segment `i` with each sentence's tokens,
    /// tokenized on first use (only the segments some rule reads).
    pub fn with_tokens(&self, i: usize) -> impl Iterator<Item = (usize, &'a str, crate::rules::View<'_>)> + '_ {
        let all = self.spans();
        let cells = self
            .tokens
            .get_or_init(|| (0..self.t.segments.len()).map(|_| Default::default()).collect());
        let text: &'a str = &self.t.segments[i].text;
        let (first, last) = (all.start[i], all.start[i + 1]);
        let toks = cells[i].get_or_init(|| {
            let tokenizer = crate::rules::Tokenizer::new(self.vocab);
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
        self.spans.get_or_init(|| {
            let segs = &self.t.segments;
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
}

/// One language's backchannel words (`backchannel.words`, lowercased).
#[derive(Debug, Default)]
pub(crate) struct Backchannels(HashSet<String>);

impl Backchannels {
    /// The backchannel list of `lex`.
    pub fn new(lex: &Lexicon) -> Backchannels {
        Backchannels(lex.list("backchannel.words").iter().map(|w| w.to_lowercase()).collect())
    }

    /// True when every word of `text` is on the backchannel list.
    pub fn all_of(&self, text: &str) -> bool {
        use unicode_segmentation::UnicodeSegmentation;
        // The words of `text::words_lower`, without a String per word: an
        // ASCII word without capitals is looked up as it stands, one with
        // capitals through a reused buffer; the rest lowercase as str does
        // (final sigma).
        let mut buf = String::new();
        let mut any = false;
        for w in text.unicode_words() {
            let found = if !w.is_ascii() {
                self.0.contains(&w.to_lowercase())
            } else if w.bytes().any(|b| b.is_ascii_uppercase()) {
                buf.clear();
                buf.push_str(w);
                buf.make_ascii_lowercase();
                self.0.contains(buf.as_str())
            } else {
                self.0.contains(w)
            };
            if !found {
                return false;
            }
            any = true;
        }
        any
    }
}

impl<'a> Ctx<'a> {
    /// Computes the per-segment facts of `t` for speakers already given
    /// their roles (`speaker_role`, one per speaker), reusing the sentences
    /// role assignment split.
    pub fn new(
        t: &'a Transcript,
        cfg: &'a Config,
        backchannels: &Backchannels,
        speaker_role: Vec<Role>,
        sentences: Sentences<'a>,
    ) -> Ctx<'a> {
        debug_assert!(std::ptr::eq(t, sentences.t), "the sentences of another transcript");
        let words: Vec<usize> = t.segments.iter().map(Segment::word_count).collect();
        let backchannel = t
            .segments
            .iter()
            .zip(&words)
            .map(|(s, &w)| w >= 1 && w <= cfg.backchannel.max_words && backchannels.all_of(&s.text))
            .collect();
        let span = match t.timing {
            Timing::Full => span_of(t, |s| s.end_s),
            // Start-only ends are inferred, so the span runs to the last start.
            Timing::StartOnly => span_of(t, |s| s.start_s),
            _ => None,
        };
        let has_text = words.iter().any(|&w| w > 0);
        let role = t.segments.iter().map(|s| speaker_role[s.speaker]).collect();
        Ctx {
            t,
            cfg,
            words,
            backchannel,
            speaker_role,
            role,
            span,
            has_text,
            sentence_spans: sentences,
        }
    }

    /// `crate::text::sentences(&self.segs()[i].text)`, split once per
    /// analysis: the same `(offset, sentence)` items, slices of the segment
    /// text.
    pub fn sentences(&self, i: usize) -> impl Iterator<Item = (usize, &'a str)> + '_ {
        self.sentence_spans.of(i)
    }

    /// [`Ctx::sentences`] of segment `i` with each sentence's tokens: the
    /// one tokenization every rule over words reads.
    pub fn sentence_tokens(&self, i: usize) -> impl Iterator<Item = (usize, &'a str, crate::rules::View<'_>)> + '_ {
        self.sentence_spans.with_tokens(i)
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

/// Builds a [`Ctx`] for unit tests: default config, the built-in lexicon of
/// `lang`, and `agent` as the only agent label.
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
    let lex = Lexicon::builtin(lang).expect("built-in lexicon");
    let roles = t
        .speakers
        .iter()
        .map(|s| if s.label == agent { Role::Agent } else { Role::Customer })
        .collect();
    // The metrics read no tokens: the words of the classes are vocabulary
    // enough (a test of list matching builds its language's `LangModel`).
    let words = crate::rules::compiler(&lex).expect("classes compile").finish();
    let ctx = Ctx::new(
        t,
        cfg,
        &Backchannels::new(&lex),
        roles,
        Sentences::new(t, words.vocab()),
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

    /// The allocation-free backchannel test answers what looking up every
    /// `words_lower` word answered, capitals and non-ASCII letters included.
    #[test]
    fn backchannel_test_matches_words_lower() {
        for lang in ["nl", "en"] {
            let mut bc = Backchannels::new(&Lexicon::builtin(lang).unwrap());
            bc.0.extend(["σοφος", "straße", "oké"].map(String::from));
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
                    !words.is_empty() && words.iter().all(|w| bc.0.contains(w))
                };
                assert_eq!(bc.all_of(text), want, "{lang} {text:?}");
            }
        }
    }
}
