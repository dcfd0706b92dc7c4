//! Question detection and counts (SPEC §5 "Questions").
//!
//! One token-based classifier over lowercase words, driven by the
//! `[questions]` lists of the language's lexicon. A sentence is tokenised
//! once (commas remembered as clause boundaries); every rule then looks at a
//! handful of tokens, so classification costs one pass plus hash look-ups.
//! docs/questions.md describes the rules and the choices made where the spec
//! is silent.

use std::collections::{HashMap, HashSet};

use crate::context::Ctx;
use crate::lexicon::Lexicon;
use crate::report::{QuestionBasis, QuestionItem, QuestionKind, QuestionStats, Questions, Role};
use crate::Error;

/// A list of multi-word phrases, indexed by first word.
#[derive(Debug, Default)]
struct Phrases {
    by_first: HashMap<String, Vec<Vec<String>>>,
}

impl Phrases {
    fn new(list: &[String]) -> Phrases {
        let mut by_first: HashMap<String, Vec<Vec<String>>> = HashMap::new();
        for p in list {
            let words: Vec<String> = p
                .split_whitespace()
                .map(|w| w.to_lowercase().replace('’', "'"))
                .collect();
            if let Some(first) = words.first() {
                by_first.entry(first.clone()).or_default().push(words);
            }
        }
        // Longest first, so "vertelt u het maar" wins over "vertelt u".
        for v in by_first.values_mut() {
            v.sort_by_key(|p| std::cmp::Reverse(p.len()));
        }
        Phrases { by_first }
    }

    /// Matches a phrase starting at `i` (tokens up to `end`), letting words
    /// of `skip` stand between the phrase's words; returns the index after
    /// the match.
    fn match_at(&self, toks: &[Tok<'_>], i: usize, end: usize, skip: &HashSet<String>) -> Option<usize> {
        let cands = self.by_first.get(toks.get(i)?.w)?;
        'cand: for p in cands {
            let mut j = i + 1;
            for pw in &p[1..] {
                loop {
                    if j >= end {
                        continue 'cand;
                    }
                    if toks[j].w == pw {
                        j += 1;
                        break;
                    }
                    if skip.contains(toks[j].w) {
                        j += 1;
                        continue;
                    }
                    continue 'cand;
                }
            }
            return Some(j);
        }
        None
    }

    /// True when `toks` is exactly one phrase.
    fn exact(&self, toks: &[Tok<'_>]) -> bool {
        let Some(first) = toks.first() else { return false };
        self.by_first.get(first.w).is_some_and(|c| {
            c.iter()
                .any(|p| p.len() == toks.len() && p.iter().zip(toks).all(|(a, b)| a == b.w))
        })
    }

    /// The start of a phrase that ends exactly at the end of `toks`.
    fn suffix(&self, toks: &[Tok<'_>]) -> Option<usize> {
        let n = toks.len();
        (1..=n.min(4))
            .rev()
            .find(|&k| self.exact(&toks[n - k..]))
            .map(|k| n - k)
    }

    /// Whether a phrase occurs anywhere (no skipping).
    fn find(&self, toks: &[Tok<'_>]) -> Option<(usize, usize)> {
        let none = HashSet::new();
        (0..toks.len()).find_map(|i| self.match_at(toks, i, toks.len(), &none).map(|e| (i, e)))
    }
}

/// One lowercase word of a sentence.
#[derive(Debug, Clone, Copy)]
struct Tok<'a> {
    w: &'a str,
    /// A comma, semicolon, colon or dash stands before this word.
    comma_before: bool,
    /// Written with a capital (used to find sentence starts in unpunctuated
    /// transcripts that keep case, such as CHAT).
    cap: bool,
}

/// What the head of a clause says about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Head {
    /// An invitation to talk ("vertel eens", "walk me through").
    Invitation,
    /// An indirect question, with the embedded question's kind.
    Indirect(QuestionKind),
    /// An interrogative question word, or "what about" + topic.
    Wh,
    /// A proposal of a time or step ("how about Thursday").
    Proposal,
    /// Finite verb or auxiliary + subject.
    YesNo,
    /// Starts like a question but is not one (exclamative, relative,
    /// conditional, …).
    NotQuestion,
    /// Nothing interrogative at the head.
    Plain,
}

/// Compiled question rules of one language.
#[derive(Debug)]
pub(crate) struct QuestionRules {
    qwords: HashSet<String>,
    qmods: HashSet<String>,
    determiners: HashSet<String>,
    concessive: HashSet<String>,
    relative_subjects: HashSet<String>,
    comma_relatives: HashSet<String>,
    trailing: HashSet<String>,
    aux_tag_blockers: HashSet<String>,
    deictic: HashSet<String>,
    proposal_aux: HashSet<String>,
    subordinators: HashSet<String>,
    in_place: HashSet<String>,
    in_place_follow: HashSet<String>,
    fillers: HashSet<String>,
    skippable: HashSet<String>,
    pronouns: HashSet<String>,
    subject_words: HashSet<String>,
    aux: HashSet<String>,
    not_verbs: HashSet<String>,
    v1_pronouns: HashSet<String>,
    preps: HashSet<String>,
    excl: HashSet<String>,
    narrative: HashSet<String>,
    cond_then: HashSet<String>,
    cond_aux: HashSet<String>,
    closed_comp: HashSet<String>,
    embedding: HashSet<String>,
    time_words: HashSet<String>,
    tag_blockers: HashSet<String>,
    negations: HashSet<String>,
    neg_suffix: Vec<String>,
    clitics: HashSet<String>,
    /// Words that may open a sentence inside an unpunctuated, cased segment.
    boundary: HashSet<String>,
    non_openers: Phrases,
    invitations: Phrases,
    explain: Phrases,
    indirect: Phrases,
    topic: Phrases,
    proposal: Phrases,
    tags: Phrases,
    tail_tags: Phrases,
    refer_back: Phrases,
}

impl QuestionRules {
    pub(crate) fn new(lex: &Lexicon) -> Result<QuestionRules, Error> {
        let set = |name: &str| -> HashSet<String> {
            lex.list(&format!("questions.{name}"))
                .iter()
                .map(|w| w.trim().to_lowercase().replace('’', "'"))
                .collect()
        };
        let phrases = |name: &str| Phrases::new(lex.list(&format!("questions.{name}")));
        let qwords = set("question_words");
        let fillers = set("fillers");
        let aux = set("auxiliaries");
        let pronouns = set("subject_pronouns");
        let mut boundary: HashSet<String> = HashSet::new();
        let negations = set("negations");
        for s in [&qwords, &fillers, &aux, &pronouns, &negations] {
            boundary.extend(s.iter().cloned());
        }
        // "I" is capitalised everywhere; it marks no sentence start.
        boundary.retain(|w| !(w == "i" || w.starts_with("i'")));
        Ok(QuestionRules {
            qwords,
            qmods: set("question_word_modifiers"),
            determiners: set("determiner_question_words"),
            concessive: set("concessive_markers"),
            relative_subjects: set("relative_subject_starts"),
            comma_relatives: set("comma_relatives"),
            trailing: set("trailing_hesitations"),
            aux_tag_blockers: set("aux_tag_blockers"),
            deictic: set("deictic_words"),
            proposal_aux: set("proposal_auxiliaries"),
            subordinators: set("subordinators"),
            in_place: set("in_place_words"),
            in_place_follow: set("in_place_followers"),
            fillers,
            skippable: set("skippable"),
            pronouns,
            subject_words: set("subject_words"),
            aux,
            not_verbs: set("not_verbs"),
            v1_pronouns: set("v1_pronouns"),
            preps: set("prepositions"),
            excl: set("exclamative_words"),
            narrative: set("narrative_markers"),
            cond_then: set("conditional_then"),
            cond_aux: set("conditional_aux"),
            closed_comp: set("closed_complementizers"),
            embedding: set("embedding_verbs"),
            time_words: set("time_words"),
            tag_blockers: set("tag_blockers"),
            negations,
            neg_suffix: lex.list("questions.tag_negation_suffix").to_vec(),
            clitics: set("clitics"),
            boundary,
            non_openers: phrases("non_question_openers"),
            invitations: phrases("invitations"),
            explain: phrases("explain_phrases"),
            indirect: phrases("indirect"),
            topic: phrases("topic_openers"),
            proposal: phrases("proposal_openers"),
            tags: phrases("tags"),
            tail_tags: phrases("tail_tags"),
            refer_back: phrases("refer_back"),
        })
    }

    /// Classifies one sentence. `punctuated`: the transcript holds `?`
    /// somewhere, so a question is a sentence ending in `?`, an invitation or
    /// an indirect question; otherwise the words decide.
    pub(crate) fn classify(&self, sentence: &str, punctuated: bool) -> Option<QuestionKind> {
        let q = ends_in_question_mark(sentence);
        let mut buf = String::with_capacity(sentence.len() + 8);
        let toks = self.tokenize(sentence, &mut buf);
        if toks.is_empty() {
            return None;
        }
        if punctuated {
            return self.classify_tokens(&toks, q, true);
        }
        // Unpunctuated but cased text (CHAT) runs several sentences together:
        // a capitalised opener word starts a new one. The strongest kind wins.
        let mut best: Option<QuestionKind> = None;
        let mut start = 0;
        for i in 1..=toks.len() {
            if i == toks.len() || (toks[i].cap && self.boundary.contains(toks[i].w)) {
                let part_q = q && i == toks.len();
                if let Some(k) = self.classify_tokens(&toks[start..i], part_q, false) {
                    best = Some(match (best, k) {
                        (Some(QuestionKind::Open), _) | (_, QuestionKind::Open) => QuestionKind::Open,
                        (Some(QuestionKind::Closed), _) | (_, QuestionKind::Closed) => QuestionKind::Closed,
                        _ => QuestionKind::Tag,
                    });
                }
                start = i;
            }
        }
        best
    }

    /// Lowercase words with clause marks; English clitics written apart
    /// (CHAT's `is n't`, `it 's`) are joined to their word.
    fn tokenize<'b>(&self, s: &str, buf: &'b mut String) -> Vec<Tok<'b>> {
        let mut spans: Vec<(usize, usize, bool, bool)> = Vec::new();
        let mut comma = false;
        let mut cur: Option<(usize, bool)> = None;
        let chars: Vec<char> = s.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            let c = if c == '’' || c == '‘' { '\'' } else { c };
            let inner_joiner = (c == '\'' || c == '-')
                && chars.get(i + 1).is_some_and(|n| n.is_alphanumeric())
                && (cur.is_some() || c == '\'');
            if c.is_alphanumeric() || inner_joiner {
                if cur.is_none() && !self.clitics.is_empty() && matches!(c, '\'' | 'n' | 'N') {
                    // A clitic written apart joins the previous word.
                    let rest: String = chars[i..]
                        .iter()
                        .take_while(|ch| ch.is_alphanumeric() || **ch == '\'' || **ch == '’')
                        .map(|ch| if *ch == '’' { '\'' } else { ch.to_ascii_lowercase() })
                        .collect();
                    if !spans.is_empty() && !comma && self.clitics.contains(&rest) {
                        let last = spans.len() - 1;
                        buf.push_str(&rest);
                        spans[last].1 = buf.len();
                        i += rest.chars().count();
                        continue;
                    }
                }
                if cur.is_none() {
                    if !buf.is_empty() {
                        buf.push(' ');
                    }
                    cur = Some((buf.len(), c.is_uppercase()));
                }
                for l in c.to_lowercase() {
                    buf.push(l);
                }
            } else {
                if let Some((st, cap)) = cur.take() {
                    spans.push((st, buf.len(), comma, cap));
                    comma = false;
                }
                if matches!(c, ',' | ';' | ':' | '—' | '–') || (c == '-' && i > 0 && chars[i - 1].is_whitespace()) {
                    comma = true;
                }
            }
            i += 1;
        }
        if let Some((st, cap)) = cur.take() {
            spans.push((st, buf.len(), comma, cap));
        }
        let buf: &'b str = buf.as_str();
        // Spoken repetitions ("is is there", "I I mean") carry no structure.
        spans.dedup_by(|b, a| !b.2 && buf[a.0..a.1] == buf[b.0..b.1]);
        spans
            .into_iter()
            .map(|(a, b, comma_before, cap)| Tok {
                w: &buf[a..b],
                comma_before,
                cap,
            })
            .collect()
    }

    fn skip_fillers(&self, toks: &[Tok<'_>], mut i: usize, end: usize) -> usize {
        while i < end && self.fillers.contains(toks[i].w) {
            i += 1;
        }
        i
    }

    fn classify_tokens(&self, toks: &[Tok<'_>], q: bool, punctuated: bool) -> Option<QuestionKind> {
        let n = toks.len();
        // "Toch?", "Right?": a bare tag. Unpunctuated, a bare "right" is a backchannel.
        if self.tags.exact(toks) {
            // "can't you" standing alone is a tag even unpunctuated; a bare
            // "right" or "ja" is a backchannel.
            return (q || self.aux_pronoun_tag(toks)).then_some(QuestionKind::Tag);
        }
        let clauses = clause_starts(toks);
        let clause_end = |c: usize| clauses.get(c + 1).copied().unwrap_or(n);
        let heads: Vec<Head> = (0..clauses.len())
            .map(|c| self.head(toks, clauses[c], clause_end(c)))
            .collect();
        let h0 = heads[0];
        // Invitations and indirect questions count with or without `?`.
        for h in &heads {
            match *h {
                Head::Invitation => return Some(QuestionKind::Open),
                Head::Indirect(k) => return Some(k),
                _ => {}
            }
        }
        if punctuated && !q {
            return None;
        }
        match h0 {
            Head::Wh => return Some(QuestionKind::Open),
            Head::Proposal => return Some(QuestionKind::Closed),
            Head::YesNo => return Some(self.yes_no_kind(toks)),
            _ => {}
        }
        if h0 == Head::Plain && self.tag_tail(toks, &clauses, q) {
            return Some(QuestionKind::Tag);
        }
        // A later clause may carry the question ("U zei net dat …, hoe komt dat?").
        // After a statement clause, a relative ("…, which is great") or a
        // main clause with inversion ("Als u wacht, bent u te laat") is no
        // question; after a lead-in ("Hi Laura, can you …", "Out of
        // interest, how many …") it is.
        for c in 1..heads.len() {
            let (st, e) = (clauses[c], clause_end(c));
            let lead_in = (0..c).all(|p| self.is_lead_in(&toks[clauses[p]..clause_end(p)]));
            let last = c + 1 == heads.len();
            match heads[c] {
                Head::Wh => {
                    // "…, since, what, February": a lone question word mid-sentence is a hesitation.
                    let lone = e - st == 1 && !last;
                    let first = self.skip_fillers(toks, st, e);
                    let relative = first < e && self.comma_relatives.contains(toks[first].w);
                    if !lone && (lead_in || !relative || (q && last)) {
                        return Some(QuestionKind::Open);
                    }
                }
                Head::Proposal => return Some(QuestionKind::Closed),
                Head::YesNo if lead_in || q => return Some(self.yes_no_kind(toks)),
                _ => {}
            }
        }
        if h0 == Head::Plain && (self.in_place(toks) || self.inner_wh_question(toks)) {
            return Some(QuestionKind::Open);
        }
        if q {
            if self.embedded_wh(toks) {
                return Some(QuestionKind::Open);
            }
            return Some(QuestionKind::Closed);
        }
        None
    }

    /// Open when a yes/no question asks to explain or tell ("Kunt u iets
    /// meer vertellen?") or embeds a question word ("Mag ik vragen wat …?").
    fn yes_no_kind(&self, toks: &[Tok<'_>]) -> QuestionKind {
        if let Some((_, e)) = self.explain.find(toks) {
            if !toks.get(e).is_some_and(|t| self.closed_comp.contains(t.w)) {
                return QuestionKind::Open;
            }
        }
        if self.embedded_wh(toks) {
            return QuestionKind::Open;
        }
        QuestionKind::Closed
    }

    /// A question word right after a verb of asking, knowing or telling.
    fn embedded_wh(&self, toks: &[Tok<'_>]) -> bool {
        (1..toks.len()).any(|i| {
            let mut k = i;
            if self.preps.contains(toks[k].w) && k + 1 < toks.len() {
                k += 1;
            }
            // "vragen wat", "weet u wat", "tell me what".
            let after_verb = self.embedding.contains(toks[i - 1].w)
                || (i >= 2
                    && (self.pronouns.contains(toks[i - 1].w) || self.skippable.contains(toks[i - 1].w))
                    && self.embedding.contains(toks[i - 2].w));
            self.qwords.contains(toks[k].w) && after_verb
        })
    }

    /// How the clause `toks[start..end]` begins.
    fn head(&self, toks: &[Tok<'_>], start: usize, end: usize) -> Head {
        let i = self.skip_fillers(toks, start, end);
        if i >= end {
            return Head::Plain;
        }
        if self.non_openers.match_at(toks, i, end, &self.skippable).is_some() {
            return Head::NotQuestion;
        }
        if self.invitations.match_at(toks, i, end, &self.skippable).is_some() {
            return Head::Invitation;
        }
        if let Some(e) = self.indirect.match_at(toks, i, end, &self.skippable) {
            // The embedded question decides the kind; "Can I ask a question?"
            // embeds none and is read as a plain yes/no question below.
            for t in &toks[e..end.min(e + 4)] {
                if self.closed_comp.contains(t.w) {
                    return Head::Indirect(QuestionKind::Closed);
                }
                if self.qwords.contains(t.w) {
                    return Head::Indirect(QuestionKind::Open);
                }
            }
        }
        if let Some(e) = self.proposal.match_at(toks, i, end, &HashSet::new()) {
            if toks[e..]
                .iter()
                .any(|t| self.time_words.contains(t.w) || t.w.bytes().all(|b| b.is_ascii_digit()))
            {
                return Head::Proposal;
            }
        }
        if self.topic.match_at(toks, i, end, &HashSet::new()).is_some() {
            return Head::Wh;
        }
        // A preposition may lead the question word ("Met wie …", "Naar welk adres …").
        let wi = if self.preps.contains(toks[i].w) && i + 1 < end && self.qwords.contains(toks[i + 1].w) {
            i + 1
        } else {
            i
        };
        if self.qwords.contains(toks[wi].w) {
            return self.wh_head(toks, wi, end);
        }
        self.verb_first_head(toks, i, end)
    }

    /// A clause led by a question word at `i`: interrogative unless it is an
    /// exclamative, a correlative, or a subordinate clause (subject right
    /// after the question word: "wat ik bedoel is", "when you switch").
    fn wh_head(&self, toks: &[Tok<'_>], i: usize, end: usize) -> Head {
        let w = toks[i].w;
        // "what's", "how's": the verb is attached.
        if w.contains('\'') {
            return Head::Wh;
        }
        let next = toks.get(i + 1).filter(|_| i + 1 < end);
        if let Some(nx) = next {
            if self.excl.contains(nx.w)
                && toks
                    .get(i + 2)
                    .filter(|_| i + 2 < end)
                    .map_or(true, |t| !self.aux.contains(t.w))
            {
                return Head::NotQuestion;
            }
            // Correlative "hoe langer …, hoe duurder …".
            if nx.w.len() > 3 && nx.w.ends_with("er") && toks[i + 2..].iter().any(|t| t.w == w) {
                return Head::NotQuestion;
            }
        }
        // A noun phrase right after the question word is the subject of a
        // free relative ("wat de levertijd is", "where the problem is"); a
        // question takes its verb there. Short elliptical clauses stay
        // questions ("waarom de uwe?" is rare; "wie nog meer?" common).
        if end > i + 2 && self.relative_subjects.contains(toks[i + 1].w) && !self.determiners.contains(w) {
            return Head::NotQuestion;
        }
        let mut j = i + 1;
        let mut mods = 0;
        while j < end && mods < 2 && self.qmods.contains(toks[j].w) {
            j += 1;
            mods += 1;
        }
        if j >= end {
            return Head::Wh;
        }
        if self.pronouns.contains(toks[j].w) {
            return Head::NotQuestion;
        }
        // Concessive "welke leverancier u ook kiest": a determiner question
        // word, its noun, the subject and "ook". Without the marker the word
        // after the question word is the verb ("hoeveel verbruikt u").
        if self.determiners.contains(w)
            && !self.aux.contains(toks[j].w)
            && j + 2 < end
            && self.pronouns.contains(toks[j + 1].w)
            && self.concessive.contains(toks[j + 2].w)
        {
            return Head::NotQuestion;
        }
        Head::Wh
    }

    /// Finite verb or auxiliary first, then a subject: a yes/no question,
    /// unless a conditional ("Heeft u vragen, dan …") or narrative.
    fn verb_first_head(&self, toks: &[Tok<'_>], i: usize, end: usize) -> Head {
        if i + 1 >= end {
            return Head::Plain;
        }
        let (v, s) = (toks[i].w, toks[i + 1].w);
        let known = self.aux.contains(v) && (self.pronouns.contains(s) || self.subject_words.contains(s));
        let generic = !self.v1_pronouns.is_empty()
            && self.v1_pronouns.contains(s)
            && !self.not_verbs.contains(v)
            && !self.qwords.contains(v)
            && !self.pronouns.contains(v)
            && !self.subject_words.contains(v)
            && v.chars().all(char::is_alphabetic);
        if !(known || generic) {
            return Head::Plain;
        }
        if toks[i..end].iter().any(|t| self.narrative.contains(t.w)) {
            return Head::NotQuestion;
        }
        // Conditional: a main clause follows ("…, dan kunt u", "… just give me a ring").
        let n = toks.len();
        // "Zullen we …, dan neem ik …" proposes; it sets no condition.
        let can_condition = !self.proposal_aux.contains(v);
        for k in (i + 3..n).filter(|_| can_condition) {
            if self.cond_then.contains(toks[k].w) && k + 1 < n {
                let nl_style = self.cond_aux.is_empty()
                    && (toks[k].comma_before
                        || (k + 2 < n
                            && self.pronouns.contains(toks[k + 2].w)
                            && !self.pronouns.contains(toks[k + 1].w)));
                let en_style = self.cond_aux.contains(v) && self.pronouns.contains(s);
                if nl_style || en_style {
                    return Head::NotQuestion;
                }
            }
        }
        if self.cond_aux.contains(v) && self.pronouns.contains(s) && toks[i + 2..].iter().any(|t| t.comma_before) {
            return Head::NotQuestion;
        }
        Head::YesNo
    }

    /// A confirmation tail: a tag phrase as the last clause ("…, toch?"),
    /// a tail tag word, or "aux + pronoun" after a statement ("…, isn't it").
    fn tag_tail(&self, toks: &[Tok<'_>], clauses: &[usize], q: bool) -> bool {
        // A trailing hesitation does not hide the tag ("… do they or").
        let mut n = toks.len();
        while n > 1 && self.trailing.contains(toks[n - 1].w) {
            n -= 1;
        }
        let toks = &toks[..n];
        if clauses.len() > 1 {
            let last = *clauses.last().expect("non-empty");
            // Without `?` only the unambiguous tails count: "…, ja." agrees.
            let list = if q { &self.tags } else { &self.tail_tags };
            if last < n && (list.exact(&toks[last..]) || self.aux_pronoun_tag(&toks[last..])) {
                return true;
            }
        }
        if let Some(st) = self.tail_tags.suffix(toks) {
            let statement = toks[..st].iter().any(|t| !self.fillers.contains(t.w));
            if statement && !self.tag_blockers.contains(toks[st - 1].w) && !self.qwords.contains(toks[st - 1].w) {
                return true;
            }
        }
        let negated = |w: &str| self.neg_suffix.iter().any(|s| w.ends_with(s.as_str()));
        if n >= 3 && self.aux_pronoun_tag(&toks[n - 2..]) {
            let before = toks[n - 3].w;
            if self.aux_tag_blockers.contains(before) || self.qwords.contains(before) {
                return false;
            }
            let negated_stmt = toks[..n - 2]
                .iter()
                .any(|t| self.negations.contains(t.w) || negated(t.w));
            if negated(toks[n - 2].w) || negated_stmt {
                return true;
            }
        }
        // A tag with an afterthought: "… isn't it, the kitchen", "you can't
        // be hard on people can you really".
        (2..n.saturating_sub(2)).any(|k| {
            n - (k + 2) <= 3
                && (negated(toks[k].w) || toks[..k].iter().any(|t| self.negations.contains(t.w) || negated(t.w)))
                && self.aux_pronoun_tag(&toks[k..k + 2])
                && !self.aux_tag_blockers.contains(toks[k - 1].w)
                && !self.qwords.contains(toks[k - 1].w)
        })
    }

    /// A short opening that leaves the next clause's form intact: fillers,
    /// a greeting or vocative, a phrase like "out of interest".
    fn is_lead_in(&self, clause: &[Tok<'_>]) -> bool {
        let i = self.skip_fillers(clause, 0, clause.len());
        i == clause.len()
            || (clause.len() - i <= 3
                && !self.subordinators.contains(clause[i].w)
                && !clause[i..]
                    .iter()
                    .any(|t| (self.pronouns.contains(t.w) && !self.deictic.contains(t.w)) || self.qwords.contains(t.w)))
    }

    fn aux_pronoun_tag(&self, t: &[Tok<'_>]) -> bool {
        t.len() == 2 && self.aux.contains(t[0].w) && self.pronouns.contains(t[1].w) && !self.neg_suffix.is_empty()
    }

    /// A question word standing in place in a statement ("en u betaalt nu
    /// hoeveel", "you're paying how much a month").
    fn in_place(&self, toks: &[Tok<'_>]) -> bool {
        let n = toks.len();
        (1..n).any(|k| {
            if !self.in_place.contains(toks[k].w)
                || self.embedding.contains(toks[k - 1].w)
                || self.non_openers.match_at(toks, k, n, &self.skippable).is_some()
            {
                return false;
            }
            let mut m = k + 1;
            while m < n && self.qmods.contains(toks[m].w) && m < k + 2 {
                m += 1;
            }
            m == n || self.in_place_follow.contains(toks[m].w)
        })
    }

    /// A question word, an auxiliary and a subject in the middle of a
    /// statement start a direct question ("I mean where would you put it").
    fn inner_wh_question(&self, toks: &[Tok<'_>]) -> bool {
        (1..toks.len().saturating_sub(2)).any(|k| {
            self.qwords.contains(toks[k].w)
                && !self.embedding.contains(toks[k - 1].w)
                && self.aux.contains(toks[k + 1].w)
                && self.pronouns.contains(toks[k + 2].w)
                && !self.v1_pronouns.contains(toks[k + 2].w)
                && self.not_verbs.is_empty()
        })
    }

    /// Whether an agent sentence refers back to what the customer said.
    fn refers_back(&self, sentence: &str) -> bool {
        let mut buf = String::new();
        let toks = self.tokenize(sentence, &mut buf);
        self.refer_back.find(&toks).is_some()
    }

    /// Lowercase words of a text (the same tokens the classifier sees).
    fn words(&self, text: &str, mut f: impl FnMut(&str)) {
        let mut buf = String::new();
        for t in self.tokenize(text, &mut buf) {
            f(t.w);
        }
    }
}

/// Indices where clauses start: 0 and every word after a comma.
fn clause_starts(toks: &[Tok<'_>]) -> Vec<usize> {
    let mut v = vec![0];
    v.extend((1..toks.len()).filter(|&i| toks[i].comma_before));
    v
}

/// Ends in `?`, allowing closing quotes and brackets after it.
fn ends_in_question_mark(s: &str) -> bool {
    s.trim_end_matches(|c: char| c.is_whitespace() || "\"'”’»)]}".contains(c))
        .ends_with(['?', '？'])
}

/// First five letters of a content word, or `None` for a stop word or a
/// word of fewer than four letters.
fn content_key(w: &str, stop: &HashSet<String>) -> Option<String> {
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 4 || stop.contains(w) {
        return None;
    }
    Some(w.chars().take(5).collect())
}

/// Questions per side; `None` when the transcript has no text.
pub(crate) fn compute(ctx: &Ctx<'_>) -> Option<Questions> {
    if !ctx.has_text {
        return None;
    }
    let rules = &ctx.lm.questions;
    let segs = ctx.segs();
    let punctuated = segs.iter().any(|s| s.text.contains('?') || s.text.contains('？'));
    let mut items: Vec<QuestionItem> = Vec::new();
    // The customer's previous turn: the latest maximal run of customer
    // non-backchannel segments, as 5-letter keys of its content words.
    let mut last_role: Option<Role> = None;
    let mut cust_run: Vec<usize> = Vec::new();
    let mut cust_keys: Option<HashSet<String>> = None;
    for (i, seg) in segs.iter().enumerate() {
        if ctx.words[i] == 0 {
            continue;
        }
        let role = ctx.role[i];
        for (_, sentence) in crate::text::sentences(&seg.text) {
            let Some(kind) = rules.classify(sentence, punctuated) else {
                continue;
            };
            let follow_up = role == Role::Agent && kind != QuestionKind::Tag && {
                let keys = cust_keys.get_or_insert_with(|| {
                    let mut keys = HashSet::new();
                    for &c in &cust_run {
                        rules.words(&segs[c].text, |w| {
                            if let Some(k) = content_key(w, &ctx.lm.stopwords) {
                                keys.insert(k);
                            }
                        });
                    }
                    keys
                });
                let mut reuse = false;
                rules.words(sentence, |w| {
                    reuse |= content_key(w, &ctx.lm.stopwords).is_some_and(|k| keys.contains(&k));
                });
                reuse || (!cust_run.is_empty() && rules.refers_back(sentence))
            };
            items.push(QuestionItem {
                segment: i,
                start_s: seg.start_s,
                role,
                speaker: ctx.t.label(seg).to_string(),
                text: sentence.to_string(),
                kind,
                follow_up,
            });
        }
        if ctx.backchannel[i] {
            continue;
        }
        if role == Role::Customer {
            if last_role != Some(Role::Customer) {
                cust_run.clear();
            }
            cust_run.push(i);
            cust_keys = None;
        }
        last_role = Some(role);
    }
    let stats = |side: Role| -> QuestionStats {
        let mut s = QuestionStats::default();
        let mut early = 0usize;
        let mut all_timed = true;
        for it in items.iter().filter(|it| it.role == side) {
            match it.kind {
                QuestionKind::Open => s.open += 1,
                QuestionKind::Closed => s.closed += 1,
                QuestionKind::Tag => {
                    s.tag += 1;
                    continue;
                }
            }
            if it.follow_up {
                s.follow_up += 1;
            }
            match (it.start_s, ctx.span) {
                (Some(t), Some((a, b))) if t < a + (b - a) / 3.0 => early += 1,
                (Some(_), Some(_)) => {}
                _ => all_timed = false,
            }
        }
        s.total = s.open + s.closed;
        if let Some(len) = ctx.span_len().filter(|&l| l > 0.0) {
            s.per_10_min = Some(s.total as f64 * 600.0 / len);
            if s.total > 0 && all_timed {
                s.first_third_share = Some(early as f64 / s.total as f64);
            }
        }
        s
    };
    Some(Questions {
        basis: if punctuated {
            QuestionBasis::Punctuation
        } else {
            QuestionBasis::Words
        },
        agent: stats(Role::Agent),
        customer: stats(Role::Customer),
        items,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules(lang: &str) -> QuestionRules {
        QuestionRules::new(&Lexicon::builtin(lang).unwrap()).unwrap()
    }

    use QuestionKind::{Closed, Open, Tag};

    fn check(lang: &str, punct: bool, cases: &[(&str, Option<QuestionKind>)]) {
        let r = rules(lang);
        for (s, want) in cases {
            assert_eq!(r.classify(s, punct), *want, "{lang} punct={punct}: {s:?}");
        }
    }

    #[test]
    fn question_mark_and_kinds() {
        check(
            "en",
            true,
            &[
                ("How are you?", Some(Open)),
                ("Do you have panels?", Some(Closed)),
                ("You've already got a supplier?", Some(Closed)),
                ("Monthly or annually?", Some(Closed)),
                ("We use spreadsheets.", None),
                ("Is it \"done?\"", Some(Closed)),
            ],
        );
    }

    #[test]
    fn lead_in_clause_and_preposition_make_open() {
        check(
            "nl",
            true,
            &[
                ("U zei net dat de facturen laat zijn, hoe komt dat?", Some(Open)),
                ("Met wie heeft u gesproken?", Some(Open)),
                ("En eh, waarom juist nu?", Some(Open)),
                ("Mag ik vragen wat u nu gebruikt?", Some(Open)),
                ("Ja, en hoe zit het met de service?", Some(Open)),
            ],
        );
        check(
            "en",
            true,
            &[("Out of interest, how many sites do you have?", Some(Open))],
        );
    }

    #[test]
    fn invitations_with_and_without_question_mark() {
        check(
            "nl",
            true,
            &[
                ("Vertel eens wat meer over jullie klanten.", Some(Open)),
                ("Vertelt u het maar.", Some(Open)),
                ("Neem me eens mee in hoe dat gaat.", Some(Open)),
                ("Kunt u iets meer vertellen over de situatie?", Some(Open)),
                ("Mijn collega vertelde me over jullie.", None),
                ("Laat me u even uitleggen hoe het werkt.", None),
                ("Ik vertel u zo meteen meer.", None),
            ],
        );
        check(
            "en",
            true,
            &[
                ("Walk me through what happens.", Some(Open)),
                ("Tell me more.", Some(Open)),
                ("Could you walk me through it?", Some(Open)),
                ("Let me tell you about our tariff.", None),
                ("My colleague told me about it.", None),
            ],
        );
    }

    #[test]
    fn indirect_questions_take_the_embedded_kind() {
        check(
            "nl",
            false,
            &[
                ("ik vroeg me af of u al een leverancier heeft", Some(Closed)),
                ("ik ben benieuwd hoe jullie dat doen", Some(Open)),
                ("ik wil even weten wat u betaalt", Some(Open)),
            ],
        );
        check(
            "en",
            true,
            &[
                ("I was wondering whether you have a supplier.", Some(Closed)),
                ("I'd love to know what matters most.", Some(Open)),
            ],
        );
    }

    #[test]
    fn tags() {
        check(
            "nl",
            true,
            &[
                ("Dat klopt, toch?", Some(Tag)),
                ("Toch?", Some(Tag)),
                ("Lastig, hè?", Some(Tag)),
                ("U heeft toch al een contract?", Some(Closed)),
            ],
        );
        check(
            "en",
            true,
            &[
                ("That's a lot, isn't it?", Some(Tag)),
                ("Right?", Some(Tag)),
                ("Right, shall I check that for you?", Some(Closed)),
                ("You downloaded it, is that right?", Some(Tag)),
                ("Isn't it time you got a better deal?", Some(Closed)),
            ],
        );
        check(
            "en",
            false,
            &[
                ("it adds up quickly doesn't it", Some(Tag)),
                ("you're still with them right", Some(Tag)),
                ("the form is on the right", None),
                ("they never do do they", Some(Tag)),
                ("right", None),
            ],
        );
        check("nl", false, &[("dat is best veel geld toch", Some(Tag))]);
    }

    #[test]
    fn words_mode_interrogative_forms() {
        check(
            "nl",
            false,
            &[
                ("heeft u even een momentje", Some(Closed)),
                ("gebruiken jullie al zonnepanelen", Some(Closed)),
                ("komt dat vaak voor", Some(Closed)),
                ("uh hoeveel mensen werken er", Some(Open)),
                ("en u betaalt nu hoeveel", Some(Open)),
                ("ik stuur u de offerte", None),
            ],
        );
        check(
            "en",
            false,
            &[
                ("have you got a minute", Some(Closed)),
                ("is now still a good time", Some(Closed)),
                ("so um how many people are on the team", Some(Open)),
                ("you're paying how much at the moment", Some(Open)),
                ("I'll send the quote over", None),
                ("do let me know", None),
                ("could be worse", None),
            ],
        );
    }

    #[test]
    fn question_word_openers_that_are_not_questions() {
        check(
            "nl",
            false,
            &[
                ("wat ik bedoel is dat het goed is", None),
                ("wat fijn dat je tijd hebt", None),
                ("wat een gedoe zeg", None),
                ("hoe dan ook ik stuur het op", None),
                ("wanneer u overstapt betaalt u niets", None),
                ("hoe langer je wacht hoe duurder het wordt", None),
                ("welke leverancier u ook kiest let op", None),
                ("hoeveel het wordt hangt af van het verbruik", None),
                ("wie weet wordt het goedkoper", None),
                ("heeft u vragen dan kunt u mij bellen", None),
                ("komt hij ineens binnen met een offerte", None),
            ],
        );
        check(
            "en",
            false,
            &[
                ("what i mean is you wouldn't have to", None),
                ("which is exactly why we built it", None),
                ("whoever handles it signs", None),
                ("when you switch there are no fees", None),
                ("should you have any questions just give me a ring", None),
                ("who knows prices might come down", None),
                ("how much it costs depends on usage", None),
                ("what a nightmare", None),
            ],
        );
    }

    #[test]
    fn trap_words() {
        check(
            "nl",
            false,
            &[
                ("welkom bij energiek", None),
                ("waarschijnlijk is dat niet nodig", None),
            ],
        );
        check(
            "en",
            false,
            &[
                ("however the price is fixed", None),
                ("whatever you decide is fine", None),
            ],
        );
    }

    #[test]
    fn proposals_are_closed_topics_open() {
        check(
            "en",
            true,
            &[
                ("How about Thursday at ten?", Some(Closed)),
                ("What about the warranty side?", Some(Open)),
            ],
        );
        check(
            "nl",
            true,
            &[
                ("Wat dacht u van dinsdag?", Some(Closed)),
                ("Weet u wat u nu betaalt?", Some(Open)),
            ],
        );
    }

    #[test]
    fn chat_style_clitics_and_run_on_sentences() {
        check(
            "en",
            false,
            &[
                ("They do n't make them any more do they .", Some(Tag)),
                ("There 's not a lot more in here is there There 's a bedroom", Some(Tag)),
                (
                    "Mm Yeah and you could go in with cash Do you have any deposit at all .",
                    Some(Closed),
                ),
                ("Oh right .", None),
            ],
        );
    }

    fn analyze(t: &crate::Transcript, lang: &str) -> Questions {
        let a = crate::Analyzer::new(crate::Config::default().agent("A").language(lang)).unwrap();
        a.analyze(t).questions.expect("text present")
    }

    #[test]
    fn counts_per_side_tags_apart_rates_and_first_third() {
        let t = crate::Transcript::builder()
            .segment("A", 0.0, 5.0, "Hi, this is Sam from Acme. How are things?")
            .segment("C", 5.0, 10.0, "Busy. Who are you again?")
            .segment(
                "A",
                10.0,
                20.0,
                "Sam. Do you use any planning software? That's a lot of work, isn't it?",
            )
            .segment("C", 20.0, 25.0, "")
            .segment("C", 25.0, 40.0, "We use spreadsheets for the rosters.")
            .segment("A", 40.0, 60.0, "What happens with the rosters when someone is ill?")
            .build();
        let q = analyze(&t, "en");
        assert_eq!(q.basis, QuestionBasis::Punctuation);
        assert_eq!((q.agent.total, q.agent.open, q.agent.closed, q.agent.tag), (3, 2, 1, 1));
        assert_eq!((q.customer.total, q.customer.open), (1, 1));
        // 3 questions over a 60 s span.
        assert!((q.agent.per_10_min.unwrap() - 30.0).abs() < 1e-9);
        // First third = [0, 20): two of the three counted agent questions.
        assert!((q.agent.first_third_share.unwrap() - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!(q.items.len(), 5);
        let tag = q.items.iter().find(|i| i.kind == QuestionKind::Tag).unwrap();
        assert_eq!((tag.segment, tag.start_s, tag.speaker.as_str()), (2, Some(10.0), "A"));
        assert_eq!(tag.text, "That's a lot of work, isn't it?");
    }

    #[test]
    fn words_basis_without_any_question_mark_and_untimed_rates_are_null() {
        let t = crate::Transcript::builder()
            .untimed("A", "goedemiddag u spreekt met sanne van planwerk")
            .untimed("C", "ja goedemiddag")
            .untimed("A", "hoe lossen jullie de planning nu op")
            .build();
        let q = analyze(&t, "nl");
        assert_eq!(q.basis, QuestionBasis::Words);
        assert_eq!((q.agent.open, q.agent.closed), (1, 0));
        assert_eq!(q.agent.per_10_min, None);
        assert_eq!(q.agent.first_third_share, None);
        assert_eq!(q.customer.first_third_share, None, "no questions: null");
    }

    #[test]
    fn follow_ups_reuse_the_customers_previous_turn_or_refer_back() {
        let t = crate::Transcript::builder()
            .untimed("A", "Hi, this is Sam from Acme. How do you plan your staff?")
            .untimed("C", "With spreadsheets, and the planning is chaos.")
            .untimed("A", "Mm.")
            .untimed("C", "Every single week.")
            // "spreadsheet" shares "sprea" with "spreadsheets"; the agent's
            // own "Mm." did not end the customer's turn.
            .untimed("A", "Who maintains the spreadsheet?")
            // Only stop words and short words in common: no follow-up.
            .untimed("A", "Would that be okay for you?")
            .untimed("C", "Sure.")
            .untimed("A", "You mentioned chaos earlier. Is it getting worse?")
            .untimed("C", "Tuesday works.")
            .untimed("A", "Shall we say ten o'clock then?")
            .build();
        let q = analyze(&t, "en");
        let fu: Vec<(&str, bool)> = q
            .items
            .iter()
            .filter(|i| i.role == Role::Agent)
            .map(|i| (i.text.as_str(), i.follow_up))
            .collect();
        assert_eq!(
            fu,
            vec![
                ("How do you plan your staff?", false),
                ("Who maintains the spreadsheet?", true),
                ("Would that be okay for you?", false),
                ("Is it getting worse?", false),
                ("Shall we say ten o'clock then?", false),
            ]
        );
        // "You mentioned chaos earlier." is no question; the refer-back
        // counts inside a question.
        let t2 = crate::Transcript::builder()
            .untimed("A", "Hi, this is Sam from Acme. How is business?")
            .untimed("C", "Fine.")
            .untimed("A", "You mentioned you were busy, what do you mean by busy?")
            .build();
        let q2 = analyze(&t2, "en");
        assert!(q2.items.last().unwrap().follow_up);
        assert_eq!(q2.agent.follow_up, 1);
    }
}
