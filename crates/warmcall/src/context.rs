//! Per-analysis facts computed once and shared by every metric: word
//! counts, backchannel flags, roles, the span, the sentence split.
//!
//! The context is built after roles are decided, and knows nothing of the
//! stages that read it: each stage gets its compiled rules as arguments.

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
    /// The tokens of every sentence, made on first use: the one
    /// tokenization every rule over words reads.
    tokens: std::cell::OnceCell<AllTokens>,
}

/// [`crate::rules::Tokens`] of the whole transcript in one buffer (one
/// allocation, not a few per segment: nearly every segment is read by some
/// rule); sentence `k` (in [`SentenceSpans`] order) owns tokens
/// `ranges[k]`.
#[derive(Default)]
struct AllTokens {
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

    /// [`Sentences::of`] segment `i` with each sentence's tokens (every
    /// sentence of the transcript is tokenized on first use).
    pub fn with_tokens(&self, i: usize) -> impl Iterator<Item = (usize, &'a str, crate::rules::View<'_>)> + '_ {
        let all = self.spans();
        let text: &'a str = &self.t.segments[i].text;
        let (first, last) = (all.start[i], all.start[i + 1]);
        let toks = self.tokens.get_or_init(|| {
            let tokenizer = crate::rules::Tokenizer::new(self.vocab);
            // Sized once: a token per ~5 bytes of text at most, and the
            // folded text as long as the text (growing costs more).
            let bytes: usize = self.t.segments.iter().map(|s| s.text.len()).sum();
            let mut out = AllTokens {
                tokens: crate::rules::Tokens::with_capacity(bytes),
                ranges: Vec::with_capacity(all.spans.len()),
            };
            for (j, seg) in self.t.segments.iter().enumerate() {
                for &(a, b) in &all.spans[all.start[j]..all.start[j + 1]] {
                    let r = tokenizer.push_sentence(&seg.text[a..b], a, &mut out.tokens);
                    out.ranges.push((r.start as u32, r.end as u32));
                }
            }
            out
        });
        (first..last).map(move |k| {
            let (a, b) = all.spans[k];
            let (ta, tb) = toks.ranges[k];
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

/// One language's backchannel words: the word ids of the engine's
/// `@backchannel` class (`[backchannel] words` of the lexicon), read
/// against the tokens [`Sentences`] makes, so a backchannel's words are the
/// words every other rule reads.
#[derive(Debug, Default)]
pub(crate) struct BackchannelClass {
    /// One bit per word id of the language's vocabulary.
    bits: Vec<u64>,
}

impl BackchannelClass {
    /// The class `@backchannel` of `rules` (`crate::rules::compiler`
    /// always makes it, empty for a lexicon without `[backchannel] words`);
    /// an error when an entry is not one word (a backchannel is a run of
    /// class words, so a phrase entry could never be looked up).
    pub fn new(rules: &crate::rules::Matcher) -> Result<BackchannelClass, String> {
        let ids = rules.class_words("backchannel").ok_or_else(|| {
            "every entry is one word (a backchannel is up to backchannel.max_words of them in any order): \
write \"ja hoor\" as \"ja\" and \"hoor\""
                .to_string()
        })?;
        let mut bits = vec![0u64; rules.vocab().len().div_ceil(64)];
        for id in ids {
            bits[id as usize / 64] |= 1 << (id % 64);
        }
        Ok(BackchannelClass { bits })
    }

    fn has(&self, id: crate::rules::WordId) -> bool {
        self.bits.get(id as usize / 64).is_some_and(|b| b >> (id % 64) & 1 == 1)
    }

    /// True when token `k` of `v` is a backchannel word: a class word, or a
    /// hyphenated word whose parts all are. The tokenizer keeps "uh-huh"
    /// and "mm-hm" as one word, but transcribers glue fillers together in
    /// more spellings than a list can hold ("mm-hm", "mhm-mhm", "ja-ja"),
    /// and the list's words were always matched part by part.
    fn word(&self, vocab: &crate::rules::Vocab, v: &crate::rules::View<'_>, k: usize) -> bool {
        let t = &v.toks[k];
        if t.kind != crate::rules::Kind::Word {
            return false;
        }
        if self.has(t.word) {
            return true;
        }
        let f = v.fold(k);
        f.contains('-') && f.split('-').all(|part| self.has(vocab.id(part)))
    }

    /// True when segment `i` has a word and every word of it is a
    /// backchannel word (a number is none).
    fn all_of(&self, sentences: &Sentences<'_>, i: usize) -> bool {
        let mut any = false;
        for (_, _, v) in sentences.with_tokens(i) {
            for k in 0..v.len() {
                if !self.word(sentences.vocab, &v, k) {
                    return false;
                }
                any = true;
            }
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
        backchannels: &BackchannelClass,
        speaker_role: Vec<Role>,
        sentences: Sentences<'a>,
    ) -> Ctx<'a> {
        debug_assert!(std::ptr::eq(t, sentences.t), "the sentences of another transcript");
        let words: Vec<usize> = t.segments.iter().map(Segment::word_count).collect();
        // The word count bounds it first: only short segments are
        // tokenized here (most are read by some rule later anyway).
        let backchannel = (0..t.segments.len())
            .map(|i| words[i] >= 1 && words[i] <= cfg.backchannel.max_words && backchannels.all_of(&sentences, i))
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
    let lex = crate::lexicon::Lexicon::builtin(lang).expect("built-in lexicon");
    let roles = t
        .speakers
        .iter()
        .map(|s| if s.label == agent { Role::Agent } else { Role::Customer })
        .collect();
    // The metrics read no tokens: the words of the classes are vocabulary
    // enough (a test of list matching builds its language's `LangModel`).
    let words = crate::rules::compiler(&lex).expect("classes compile").finish();
    let backchannels = BackchannelClass::new(&words).expect("backchannel words");
    let ctx = Ctx::new(t, cfg, &backchannels, roles, Sentences::new(t, words.vocab()));
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

    /// The class is read from the engine's tokens: a hyphenated filler is
    /// one token there, and counts when the class lists it or all its
    /// parts; near misses add a word that is no assent.
    #[test]
    fn backchannel_class_over_tokens() {
        let cfg = Config::default();
        let got = flags(
            "en",
            &cfg,
            &[
                "Mm-hmm.",
                "Uh huh",
                "MHM, mhm.",
                "Mm-hm!",
                "Got it... okay.",
                "yeah but",
                "Mm-hmm, so",
                "yeah-no",
                "Okay 2",
            ],
        );
        assert_eq!(got, [true, true, true, true, true, false, false, false, false]);
        let got = flags(
            "nl",
            &cfg,
            &[
                "Ja hoor.",
                "oké",
                "Ja-ja, klopt.",
                "Hm hm?",
                "ja maar",
                "Oké, doei",
                "ja-nee",
            ],
        );
        assert_eq!(got, [true, true, true, true, false, false, false]);
    }

    /// `[lexicon.nl.add] "backchannel.words"` extends the class, and a
    /// phrase entry is refused rather than never matched.
    #[test]
    fn backchannel_words_extend_from_config() {
        let t = Transcript::builder()
            .segment("A", 0.0, 1.0, "Tuurlijk.")
            .segment("B", 1.0, 2.0, "Ja tuurlijk")
            .build();
        let cfg = Config::default();
        let mut lex = crate::lexicon::Lexicon::builtin("nl").unwrap();
        let flags_with = |lex: &crate::lexicon::Lexicon| {
            let rules = crate::rules::compiler(lex).unwrap().finish();
            let bc = BackchannelClass::new(&rules).unwrap();
            let ctx = Ctx::new(
                &t,
                &cfg,
                &bc,
                vec![Role::Agent, Role::Customer],
                Sentences::new(&t, rules.vocab()),
            );
            ctx.backchannel.clone()
        };
        assert_eq!(flags_with(&lex), [false, false]);
        // A lexicon without the list has an empty class: no backchannels.
        let bare = crate::lexicon::Lexicon::from_toml("xx", "").unwrap();
        assert_eq!(flags_with(&bare), [false, false]);
        lex.add("backchannel.words", &["tuurlijk".to_string()]);
        assert_eq!(flags_with(&lex), [true, true]);
        lex.add("backchannel.words", &["ja hoor".to_string()]);
        let rules = crate::rules::compiler(&lex).unwrap().finish();
        let e = BackchannelClass::new(&rules).unwrap_err();
        assert!(e.contains("one word"), "{e}");
    }
}
