//! Masking personal data in what is written, for reports that leave the
//! coach's desk.
//!
//! Redaction is applied to a finished [`Report`] (and, for writers that show
//! the turns, its [`Transcript`]) after the analysis: every figure is
//! computed on the original text, so masking can never change one. Masks
//! keep the text readable: `[phone]`, `[email]`, `[iban]`, `[card]`,
//! `[postcode]`, `[address]`, `[name]`; speaker labels become their role
//! (`customer`, or `agent` when agents are redacted too).
//!
//! The recognisers are shapes, not lists: telephone numbers by their digit
//! groups and trunk or country prefix, IBANs by country code, check digits
//! and groups, card numbers by their 13 to 19 grouped digits, postcodes by
//! the Dutch and British forms. Names come from the call itself: the
//! redacted speakers' labels and display names, their self-introductions
//! ("met Marloes de Vries", "my name is …") and names after a title
//! ("mevrouw Jansen", "Mr Smith"). docs/redaction.md lists what is and is
//! not caught.
//!
//! ```
//! use warmcall::{Analyzer, Config, Transcript};
//! use warmcall::redact::Redactor;
//!
//! let t = Transcript::builder()
//!     .segment("Sam", 0.0, 3.0, "Hi, Sam from Acme. What is your number?")
//!     .segment("Marloes", 3.5, 6.0, "Met Marloes. Bel me op 06-12345678 om 10:30.")
//!     .build();
//! let report = Analyzer::new(Config::default().agent("Sam"))?.analyze(&t);
//! let redactor = Redactor::new(&t, &report, false);
//! let shared = redactor.report(&report);
//! assert_eq!(shared.speakers[1].label, "customer");
//! assert_eq!(shared.talk, report.talk, "figures are untouched");
//! let turns = redactor.transcript(&t);
//! assert_eq!(turns.segments[1].text, "Met [name]. Bel me op [phone] om 10:30.");
//! # Ok::<(), warmcall::Error>(())
//! ```

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use crate::report::{Report, Role};
use crate::Transcript;

/// Masks every telephone number, e-mail address, IBAN, card-like number,
/// postcode and street address in `text`; names are left alone (they need
/// the call: see [`Redactor`]).
///
/// ```
/// use warmcall::redact::mask;
/// assert_eq!(mask("Mail jan@example.nl of bel +31 6 1234 5678"), "Mail [email] of bel [phone]");
/// assert_eq!(mask("Om 10:30, voor € 1.250,00 in 2024"), "Om 10:30, voor € 1.250,00 in 2024");
/// ```
pub fn mask(text: &str) -> String {
    mask_with(text, false)
}

/// `[kind]`, or with `keep_words` one `kind` per word of what it replaces
/// (`[phone phone]` for `06-12345678`), so that counting the words of the
/// masked text gives the original count.
fn token(kind: &str, matched: &str, keep_words: bool) -> String {
    let n = if keep_words {
        crate::text::word_count(matched).max(1)
    } else {
        1
    };
    format!("[{}]", vec![kind; n].join(" "))
}

fn mask_with(text: &str, keep_words: bool) -> String {
    if !text.bytes().any(|b| b.is_ascii_digit() || b == b'@') && !SPOKEN_EMAIL.is_match(text) {
        return text.to_string();
    }
    let simple = |kind: &'static str| move |c: &regex::Captures<'_>| token(kind, &c[0], keep_words);
    let s = EMAIL.replace_all(text, simple("email"));
    let s = SPOKEN_EMAIL.replace_all(&s, simple("email"));
    let s = IBAN.replace_all(&s, |c: &regex::Captures<'_>| {
        let compact = c[0].replace(' ', "");
        if (15..=34).contains(&compact.len()) && compact.bytes().filter(u8::is_ascii_digit).count() >= 6 {
            token("iban", &c[0], keep_words)
        } else {
            c[0].to_string()
        }
    });
    let s = numbers(&s, keep_words);
    let s = STREET_NL.replace_all(&s, simple("address"));
    let s = STREET_EN.replace_all(&s, simple("address"));
    let s = POSTCODE_NL.replace_all(&s, |c: &regex::Captures<'_>| {
        let kind = if c.name("house").is_some() {
            "address"
        } else {
            "postcode"
        };
        token(kind, &c[0], keep_words)
    });
    POSTCODE_UK.replace_all(&s, simple("postcode")).into_owned()
}

static EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b[a-z0-9][a-z0-9._%+-]*@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\b").expect("static regex")
});

// An address read out: "mike at russo landscaping dot com", "tom
// apenstaartje tomverfwerk punt nl": a word, at, one to three words, dot,
// a common top-level domain.
static SPOKEN_EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b[\w.-]+ (?:at|apenstaartje|apestaart) [\w-]+(?: [\w-]+){0,2} (?:dot|punt) (?:com|nl|be|org|net|eu|de|io|info|biz|co(?: (?:dot|punt) uk)?|uk)\b",
    )
    .expect("static regex")
});

// Country code, check digits, then groups of four (the paper form) or one
// block; the length and the digit count are checked after the match.
static IBAN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b").expect("static regex"));

// Dutch postcodes: four digits not starting with 0, two capitals (never SA,
// SD or SS), then an optional house number with an optional addition.
static POSTCODE_NL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b[1-9]\d{3} ?(?:[A-RT-Z][A-Z]|S[BCE-RT-Z])\b(?P<house>,? \d{1,5}(?: ?[a-zA-Z]\b|-\d{1,4}\b)?\b)?")
        .expect("static regex")
});

// British postcodes: outward code (area letters, district digit(s)), then
// the inward code, always a digit and two letters.
static POSTCODE_UK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b").expect("static regex"));

// A Dutch street name ends in one of the common street words and is
// followed by the house number.
static STREET_NL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b\p{Lu}\p{Ll}*(?:straat|laan|weg|plein|gracht|kade|singel|dijk|steeg|pad|dreef|hof|park|markt|plantsoen|baan|wal) \d{1,5}(?: ?[a-zA-Z]\b|-\d{1,4}\b)?\b",
    )
    .expect("static regex")
});

// An English address: house number, one to three capitalised words, a
// street word.
static STREET_EN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b\d{1,5}[A-Za-z]? (?:\p{Lu}\p{Ll}+ ){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Close|Way|Place|Court|Square|Crescent|Terrace|Boulevard|Gardens)\b\.?",
    )
    .expect("static regex")
});

/// One run of digits in a candidate number.
#[derive(Debug)]
struct Group {
    start: usize,
    end: usize,
    digits: usize,
    first: u8,
    second: Option<u8>,
    /// The separator before it (`None` for the first group or a bracket).
    sep: Option<u8>,
    paren: bool,
}

/// Masks telephone and card-like numbers: runs of digit groups joined by
/// single spaces, dashes, dots or slashes (and brackets), judged by their
/// prefix and digit count.
fn numbers(text: &str, keep_words: bool) -> String {
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let starts = c.is_ascii_digit() || ((c == b'+' || c == b'(') && b.get(i + 1).is_some_and(u8::is_ascii_digit));
        if !starts || !boundary_before(b, i) {
            i += 1;
            continue;
        }
        let plus = c == b'+';
        let groups = groups(b, if plus { i + 1 } else { i });
        let Some(last) = groups.last() else {
            i += 1;
            continue;
        };
        let run_end = last.end;
        match best_match(b, &groups, plus) {
            Some((from, to, mask)) => {
                let start = if from == 0 { i } else { groups[from].start };
                out.push_str(&text[copied..start]);
                let end = groups[to - 1].end;
                out.push_str(&token(mask, &text[start..end], keep_words));
                copied = end;
                i = copied;
            }
            None => i = run_end.max(i + 1),
        }
    }
    out.push_str(&text[copied..]);
    out
}

/// A number starts at a word edge, not inside `1.250` or `10:30`.
fn boundary_before(b: &[u8], i: usize) -> bool {
    if i == 0 {
        return true;
    }
    let p = b[i - 1];
    if p.is_ascii_alphanumeric() || p == b'_' || p == b'+' {
        return false;
    }
    let joiner = matches!(p, b'.' | b',' | b':' | b'-' | b'/');
    !(joiner && i >= 2 && b[i - 2].is_ascii_digit())
}

fn groups(b: &[u8], mut i: usize) -> Vec<Group> {
    let mut out: Vec<Group> = Vec::new();
    let mut sep = None;
    loop {
        let paren = b.get(i) == Some(&b'(');
        let d0 = if paren { i + 1 } else { i };
        let mut d = d0;
        while b.get(d).is_some_and(u8::is_ascii_digit) {
            d += 1;
        }
        if d == d0 || (paren && b.get(d) != Some(&b')')) {
            break;
        }
        let end = if paren { d + 1 } else { d };
        out.push(Group {
            start: i,
            end,
            digits: d - d0,
            first: b[d0],
            second: (d - d0 >= 2).then(|| b[d0 + 1]),
            sep,
            paren,
        });
        i = end;
        let next_starts = |j: usize| {
            b.get(j).is_some_and(u8::is_ascii_digit)
                || (b.get(j) == Some(&b'(') && b.get(j + 1).is_some_and(u8::is_ascii_digit))
        };
        match b.get(i) {
            Some(&s @ (b' ' | b'-' | b'.' | b'/')) if next_starts(i + 1) => {
                sep = Some(s);
                i += 1;
            }
            Some(b'(') if next_starts(i) => sep = None,
            Some(c) if paren && c.is_ascii_digit() => sep = None,
            _ => break,
        }
    }
    out
}

/// The longest stretch of groups that is a telephone or card number:
/// `(first group, end group, mask)`. A later stretch may only start after
/// a space (a new word), so `1.000.000` never yields `000.000`.
fn best_match(b: &[u8], g: &[Group], plus: bool) -> Option<(usize, usize, &'static str)> {
    let mut from = 0;
    while from < g.len() {
        if from > 0 && g[from].sep != Some(b' ') {
            from += 1;
            continue;
        }
        if is_date(&g[from..]) {
            from += 3;
            continue;
        }
        for to in (from + 1..=g.len()).rev() {
            let after_ok = !b.get(g[to - 1].end).is_some_and(|c| c.is_ascii_alphanumeric());
            if !after_ok {
                continue;
            }
            if let Some(mask) = classify(&g[from..to], plus && from == 0) {
                return Some((from, to, mask));
            }
        }
        from += 1;
    }
    None
}

/// `12-05-2024`, `1/2/24`, `05.12.2024`: a date, never a number to mask.
fn is_date(g: &[Group]) -> bool {
    g.len() >= 3
        && (1..=2).contains(&g[0].digits)
        && (1..=2).contains(&g[1].digits)
        && matches!(g[2].digits, 2 | 4)
        && g[1].sep.is_some()
        && g[1].sep == g[2].sep
        && matches!(g[1].sep, Some(b'-' | b'/' | b'.'))
}

fn classify(g: &[Group], plus: bool) -> Option<&'static str> {
    let digits: usize = g.iter().map(|x| x.digits).sum();
    let seps: Vec<Option<u8>> = g.iter().skip(1).map(|x| x.sep).collect();
    let one_sep = seps.windows(2).all(|w| w[0] == w[1]);
    if plus {
        return ((8..=15).contains(&digits) && (g.len() >= 2 || digits >= 10)).then_some("phone");
    }
    let first = g[0].first;
    if first == b'0' {
        // Trunk prefix 0 (national) or 00 (international).
        let (lo, hi) = if g[0].second == Some(b'0') { (10, 17) } else { (9, 12) };
        return ((lo..=hi).contains(&digits) && g.len() <= 6).then_some("phone");
    }
    // North American (555) 010-4477 and 555-010-4477.
    let nanp = g.len() == 3
        && g[0].digits == 3
        && g[1].digits == 3
        && g[2].digits == 4
        && (g[0].paren || (one_sep && matches!(g[1].sep, Some(b'-' | b'.' | b' '))));
    if nanp {
        return Some("phone");
    }
    let fours = g.len() >= 2 && g[..g.len() - 1].iter().all(|x| x.digits == 4) && g[g.len() - 1].digits <= 4;
    let amex = g.len() == 3 && g[0].digits == 4 && g[1].digits == 6 && (4..=5).contains(&g[2].digits);
    let card_shape = (g.len() == 1 || ((fours || amex) && one_sep && matches!(g[1].sep, Some(b' ' | b'-'))))
        && !g.iter().any(|x| x.paren);
    (card_shape && (13..=19).contains(&digits)).then_some("card")
}

/// Redaction for one call: the masks of [`mask`], the names of the
/// redacted speakers, and their labels replaced by roles.
///
/// Built from the transcript and the report of the same call. Customers are
/// always redacted; agents too when `agents` is true (by default the
/// seller's label stays, so figures per agent can still be told apart).
#[derive(Debug, Clone)]
pub struct Redactor {
    labels: HashMap<String, String>,
    names: Option<Regex>,
}

impl Redactor {
    /// Collects the call's names and the label of every redacted speaker.
    pub fn new(t: &Transcript, r: &Report, agents: bool) -> Redactor {
        let role_of: HashMap<&str, Role> = r.speakers.iter().map(|s| (s.label.as_str(), s.role)).collect();
        let redacted = |label: &str| match role_of.get(label) {
            Some(Role::Agent) => agents,
            // A speaker the report does not list (no words) is not the seller.
            _ => true,
        };
        let mut labels = HashMap::new();
        let mut counts: HashMap<&str, (usize, usize)> = HashMap::new();
        let role_name = |label: &str| match role_of.get(label) {
            Some(Role::Agent) => "agent",
            _ => "customer",
        };
        for s in t.speakers.iter().filter(|s| redacted(&s.label)) {
            counts.entry(role_name(&s.label)).or_default().0 += 1;
        }
        let mut names = Vec::new();
        let mut kept = Vec::new();
        for s in &t.speakers {
            let own = [Some(s.label.as_str()), s.display_name.as_deref()];
            if !redacted(&s.label) {
                own.into_iter().flatten().for_each(|n| name_parts(n, &mut kept));
                continue;
            }
            own.into_iter().flatten().for_each(|n| name_parts(n, &mut names));
            let role = role_name(&s.label);
            let c = counts.entry(role).or_default();
            c.1 += 1;
            let shown = if c.0 > 1 {
                format!("{role} {}", c.1)
            } else {
                role.to_string()
            };
            labels.insert(s.label.clone(), shown);
        }
        let mut spoke = vec![false; t.speakers.len()];
        for seg in &t.segments {
            let label = t.speakers.get(seg.speaker).map(|s| s.label.as_str()).unwrap_or("");
            let first_turn = spoke.get(seg.speaker).is_some_and(|&s| !s);
            if let Some(s) = spoke.get_mut(seg.speaker) {
                *s = true;
            }
            let text = seg.text.as_str();
            if redacted(label) {
                let own = INTRO.captures_iter(text).chain(GREETING_MET.captures(text));
                // The phone opening ("Keller and Moss, this is Tricia",
                // "Bakkerij Smit, met Peter") names the one who answers.
                let first_sentence = text.split_inclusive(['.', '?', '!']).next().unwrap_or("");
                let opening = first_turn
                    .then(|| OPENING.captures_iter(first_sentence))
                    .into_iter()
                    .flatten();
                let bare = first_turn.then(|| BARE_NAME.captures(text)).flatten();
                for c in own.chain(opening).chain(bare) {
                    captured_names(&c, &mut names);
                }
            } else {
                // The kept seller's own name, however introduced, stays.
                for c in INTRO.captures_iter(text).chain(OPENING.captures_iter(text)) {
                    captured_names(&c, &mut kept);
                }
            }
            // Names said to or about someone, by anyone.
            for c in TITLED
                .captures_iter(text)
                .chain(ADDRESSED.captures_iter(text))
                .chain(ASKED.captures_iter(text))
            {
                captured_names(&c, &mut names);
            }
        }
        names.retain(|n| !kept.contains(n));
        names.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
        names.dedup();
        let names = (!names.is_empty()).then(|| {
            let alts: Vec<String> = names.iter().map(|n| regex::escape(n)).collect();
            // A known name followed by more capitalised words is the same
            // person's full name ("Tricia Alvarez" when only "Tricia" was
            // introduced).
            Regex::new(&format!(
                r"\b(?:{})\b(?:[ \t]+(?:(?:{PARTICLES})[ \t]+)*\p{{Lu}}[\p{{L}}'’-]*\p{{L}}\b){{0,2}}",
                alts.join("|")
            ))
            .expect("escaped names form a regex")
        });
        Redactor { labels, names }
    }

    /// `text` with every recognised item and every name of the call masked.
    pub fn text(&self, text: &str) -> String {
        self.text_with(text, false)
    }

    fn text_with(&self, text: &str, keep_words: bool) -> String {
        let masked = mask_with(text, keep_words);
        match &self.names {
            Some(re) => re
                .replace_all(&masked, |c: &regex::Captures<'_>| token("name", &c[0], keep_words))
                .into_owned(),
            None => masked,
        }
    }

    /// The label to show for a speaker: its role when redacted
    /// (`customer`, `customer 2`, `agent`), else the label itself.
    pub fn label(&self, label: &str) -> String {
        self.labels.get(label).cloned().unwrap_or_else(|| label.to_string())
    }

    /// The report with every text and label redacted; every figure, index
    /// and time is the original's.
    pub fn report(&self, r: &Report) -> Report {
        let mut r = r.clone();
        let text = |s: &mut String| *s = self.text(s);
        let label = |s: &mut String| *s = self.label(s);
        r.source.warnings.iter_mut().for_each(text);
        r.roles.agent.iter_mut().for_each(label);
        r.roles.agents.iter_mut().for_each(label);
        // The seller's identity is a name: it goes with the label when
        // agents are redacted (the per-person grouping then merges, as
        // docs/redaction.md says).
        if r.agent.label.as_ref().is_some_and(|l| self.labels.contains_key(l)) {
            r.agent.label.iter_mut().for_each(label);
            r.agent.name = None;
            r.agent.name_source = None;
            r.agent.person = None;
            r.agent.person_source = None;
        }
        for s in &mut r.speakers {
            if self.labels.contains_key(&s.label) {
                s.display_name = None;
            }
            label(&mut s.label);
        }
        if let Some(si) = &mut r.silences {
            for s in &mut si.items {
                s.before.iter_mut().for_each(label);
                s.after.iter_mut().for_each(label);
            }
        }
        if let Some(q) = &mut r.questions {
            for item in &mut q.items {
                label(&mut item.speaker);
                text(&mut item.text);
            }
        }
        if let Some(p) = &mut r.pushes {
            p.items.iter_mut().for_each(|item| text(&mut item.text));
        }
        for f in &mut r.findings {
            text(&mut f.evidence);
            text(&mut f.message);
        }
        r.outcome.evidence.iter_mut().for_each(text);
        for c in [
            &mut r.score.components.listening,
            &mut r.score.components.curiosity,
            &mut r.score.components.patience,
            &mut r.score.components.monologue,
            &mut r.score.components.restraint,
        ]
        .into_iter()
        .flatten()
        {
            for v in c.inputs.values_mut() {
                if let serde_json::Value::String(s) = v {
                    text(s);
                }
            }
        }
        r
    }

    /// The transcript with every segment's text, every redacted label and
    /// the warnings masked; times, order and speakers' indices unchanged.
    pub fn transcript(&self, t: &Transcript) -> Transcript {
        self.transcript_with(t, false)
    }

    /// Like [`Redactor::transcript`], but a mask repeats its kind once per
    /// word it replaces (`[name name name]` for `Marloes de Vries`), so
    /// each turn keeps its word count: for writers that size or count by
    /// the words shown (the HTML report's strip of an untimed call).
    pub fn transcript_keeping_word_counts(&self, t: &Transcript) -> Transcript {
        self.transcript_with(t, true)
    }

    fn transcript_with(&self, t: &Transcript, keep_words: bool) -> Transcript {
        let mut t = t.clone();
        for s in &mut t.speakers {
            if let Some(shown) = self.labels.get(&s.label) {
                s.label = shown.clone();
                s.display_name = None;
            }
        }
        for seg in &mut t.segments {
            seg.text = self.text_with(&seg.text, keep_words);
        }
        for w in &mut t.warnings {
            w.message = self.text(&w.message);
        }
        t
    }
}

// A name: capitalised words, with Dutch and other surname particles between
// them ("Marloes de Vries", "Jan van der Berg").
const NAME: &str = r"\p{Lu}[\p{L}'’-]*\p{L}(?:\s+(?:(?:van|de|der|den|ter|ten|von|het|'t|la|le|du|da|di|el|al)\s+)*\p{Lu}[\p{L}'’-]*\p{L}){0,2}";

/// Surname particles: part of a name, never a name on their own.
const PARTICLES: &str = "van|de|der|den|ter|ten|von|het|'t|la|le|du|da|di|el|al";

// Self-introductions in the speaker's own turns.
static INTRO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b(?i:my name is|my name's|name's|i'm|i am|you're speaking (?:to|with)|mijn naam is|ik ben|ik heet|u spreekt met|je spreekt met|spreekt u met|spreek je met)\s+(?P<name>{NAME})|\b(?i:this is)\s+(?P<spoken>{NAME})\s+(?i:speaking|here)\b"
    ))
    .expect("static regex")
});

fn captured_names(c: &regex::Captures<'_>, out: &mut Vec<String>) {
    if let Some(n) = c.name("name").or_else(|| c.name("spoken")) {
        name_parts(n.as_str(), out);
    }
}

// "This is Tricia" or "met Peter" in the first sentence of the first turn
// of the one who answers the phone.
static OPENING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"\b(?i:this is|met)\s+(?P<name>{NAME})")).expect("static regex"));

// A first turn that is only a name of two or more words: answering the
// phone with "James Whitfield.".
static BARE_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"^\s*(?P<name>\p{{Lu}}[\p{{L}}'’-]*\p{{L}}(?:\s+(?:(?:{PARTICLES})\s+)*\p{{Lu}}[\p{{L}}'’-]*\p{{L}}){{1,2}})\s*[.!]?\s*$"))
        .expect("static regex")
});

// Someone greeted by name: "Hi James,", "Goedemorgen Joyce,", "Dag Marloes!".
static ADDRESSED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b(?i:hi|hello|hey|dear|dag|hoi|hallo|goedemorgen|goedemiddag|goedenavond|goeiemiddag|goeiemorgen|good (?:morning|afternoon|evening))\s+(?P<name>{NAME})\s*[,!.?]"
    ))
    .expect("static regex")
});

// Asking for someone by name: "is that Helen Okafor?".
static ASKED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b(?i:is that|is this|am i speaking (?:with|to)|speaking with|spreek ik met|ben ik bij)\s+(?P<name>{NAME})\s*\?"
    ))
    .expect("static regex")
});

// The phone greetings "met Marloes" and "this is Karen", only at the start
// of a turn (after an optional greeting): elsewhere "met" is just "with"
// and "this is" names anything.
static GREETING_MET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^\s*(?:(?i:goede(?:morgen|middag|navond)|hallo|hoi|dag|ja|goeiedag|hi|hello|hey|yes|yeah|good (?:morning|afternoon|evening))[,!.]?\s+)?(?i:met|this is)\s+(?P<name>{NAME})"
    ))
    .expect("static regex")
});

// A name after a title, said by anyone ("mevrouw Jansen", "Mr Smith").
static TITLED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b(?:(?i:mevrouw|meneer|mevr\.|mw\.|dhr\.|de heer|dokter|doctor|professor|juffrouw)|Mr\.?|Mrs\.?|Ms\.?|Miss|Dr\.?)\s+(?P<name>{NAME})"
    ))
    .expect("static regex")
});

/// Words that label a speaker's role or slot, not a person.
const NOT_NAMES: &[&str] = &[
    "speaker",
    "spreker",
    "spk",
    "customer",
    "klant",
    "caller",
    "beller",
    "agent",
    "medewerker",
    "verkoper",
    "seller",
    "rep",
    "prospect",
    "client",
    "cliënt",
    "interviewer",
    "host",
    "guest",
    "gast",
    "user",
    "unknown",
    "onbekend",
    "participant",
    "deelnemer",
    "person",
    "persoon",
    "operator",
    "support",
    "sales",
    "the",
    "mr",
    "mrs",
    "ms",
    "meneer",
    "mevrouw",
    "met",
    "hi",
    "hello",
    "hallo",
    "hoi",
    "hey",
    "dag",
    "ja",
    "yes",
    "goedemorgen",
    "goedemiddag",
    "goedenavond",
    "goeiemiddag",
    "goeiemorgen",
    "good",
    "morning",
    "afternoon",
    "evening",
];

/// The full name and each capitalised part of it (at least two letters,
/// no digits, not a particle or a role word) go into `out`.
fn name_parts(name: &str, out: &mut Vec<String>) {
    let name = name.trim();
    let is_name_word = |w: &str| {
        let mut cs = w.chars();
        cs.next().is_some_and(char::is_uppercase)
            && w.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-' | '.'))
            && !NOT_NAMES.contains(&w.trim_end_matches('.').to_lowercase().as_str())
            && !PARTICLES.split('|').any(|p| p.eq_ignore_ascii_case(w))
    };
    let is_particle = |w: &str| PARTICLES.split('|').any(|p| p.eq_ignore_ascii_case(w));
    let words: Vec<&str> = name
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '(' | ')' | '_' | '/'))
        .filter(|w| !w.is_empty())
        .collect();
    let parts: Vec<&str> = words
        .iter()
        .map(|w| w.trim_end_matches('.'))
        .filter(|w| is_name_word(w))
        .collect();
    if parts.is_empty() {
        return;
    }
    if words.len() > 1 && words.iter().all(|w| is_name_word(w) || is_particle(w)) {
        out.push(words.join(" "));
    }
    out.extend(
        parts
            .into_iter()
            .map(|w| w.trim_end_matches(['\'', '’', '-']).to_string()),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Analyzer, Config};

    #[track_caller]
    fn masks(input: &str, want: &str) {
        assert_eq!(mask(input), want, "input: {input}");
    }

    #[test]
    fn phones_dutch_and_english() {
        masks("bel 06-12345678 maar", "bel [phone] maar");
        masks("bel 0612345678.", "bel [phone].");
        masks("06 12 34 56 78", "[phone]");
        masks("+31 6 1234 5678", "[phone]");
        masks("+31 (0)6 1234 5678", "[phone]");
        masks("+31612345678", "[phone]");
        masks("0031 6 12345678", "[phone]");
        masks("020-1234567 of 020 123 4567", "[phone] of [phone]");
        masks("(020) 123 45 67", "[phone]");
        masks("+44 20 7946 0958", "[phone]");
        masks("020 7946 0958", "[phone]");
        masks("(555) 010-4477", "[phone]");
        masks("555-010-4477", "[phone]");
        masks("+1 555 010 4477", "[phone]");
        // Two numbers in a row are two numbers.
        masks("06-12345678 020-1234567", "[phone] [phone]");
        masks("nummer 2024 06-12345678", "nummer 2024 [phone]");
    }

    #[test]
    fn numbers_that_are_not_phones_stay() {
        for s in [
            "om 10:30 of 14.45 uur",
            "€ 1.250,00 per maand, € 12.500.000 in totaal",
            "in 2023 en 2024, 2019-2024",
            "op 05-12-2024 10 minuten",
            "op 2024-05-12 om 09:00",
            "3m47s, 1:23:45, 90 seconden",
            "klantnummer 12345",
            "£1,000,000 and 1.000.000.000",
            "50% of 1200 klanten",
            "Speaker 2 and SPEAKER_01 at 00:01:23.450",
        ] {
            masks(s, s);
        }
    }

    #[test]
    fn ibans_and_cards() {
        masks("IBAN NL91 ABNA 0417 1643 00, graag", "IBAN [iban], graag");
        masks("NL91ABNA0417164300", "[iban]");
        masks("GB82 WEST 1234 5698 7654 32", "[iban]");
        masks("card 4111 1111 1111 1111 exp", "card [card] exp");
        masks("5500-0000-0000-0004", "[card]");
        masks("3782 822463 10005", "[card]");
        masks("4111111111111111", "[card]");
        // Near misses: a code with check digits but too short, a version.
        masks("NL91 ABNA", "NL91 ABNA");
        masks("AB12 CDEF GHIJ", "AB12 CDEF GHIJ");
        masks("1234 5678 9012", "1234 5678 9012");
    }

    proptest::proptest! {
        /// Any text of digits, separators, letters and multi-byte
        /// characters: no panic (slicing stays on char boundaries), and
        /// masking twice changes nothing more.
        #[test]
        fn masking_any_text_is_safe_and_stable(s in "[0-9 +()./:,@€a-zA-Zé-]{0,60}") {
            let once = mask(&s);
            proptest::prop_assert_eq!(mask(&once), once.clone());
        }
    }

    #[test]
    fn emails() {
        masks("mail marloes.de-vries@example.nl!", "mail [email]!");
        masks("j.smith+sales@mail.example.co.uk.", "[email].");
        masks("at @home and a@b", "at @home and a@b");
    }

    #[test]
    fn spoken_emails() {
        masks(
            "mike at russolandscaping dot com. All one word.",
            "[email]. All one word.",
        );
        masks("tom apenstaartje tomverfwerk punt nl", "[email]");
        masks("jo at acme punt co punt uk", "[email]");
        // Near misses: "at" and "dot" without a domain ending.
        for s in [
            "we met at the office on Dot Street",
            "look at that dot on the map",
            "at nine, punt uit",
        ] {
            masks(s, s);
        }
    }

    #[test]
    fn postcodes_and_addresses() {
        masks("postcode 1234 AB 12", "postcode [address]");
        masks("1234AB, 12a", "[address]");
        masks("1234 AB", "[postcode]");
        masks("Kerkstraat 12, 1234 AB Amsterdam", "[address], [postcode] Amsterdam");
        masks("London SW1A 1AA", "London [postcode]");
        masks("M1 1AE", "[postcode]");
        masks("221B Baker Street", "[address]");
        // Near misses: amounts in euros, a football year, a time.
        for s in [
            "1250 EUR",
            "2024 Q4",
            "1998 ekstra",
            "om 1200 uur",
            "A4 papier",
            "Amsterdam Zuid",
        ] {
            masks(s, s);
        }
    }

    fn redactor(segs: &[(&str, &str)], agent: &str, agents: bool) -> (Transcript, Report, Redactor) {
        let mut b = Transcript::builder();
        for (i, (who, text)) in segs.iter().enumerate() {
            b = b.segment(who, i as f64 * 5.0, i as f64 * 5.0 + 4.0, text);
        }
        let t = b.build();
        let r = Analyzer::new(Config::default().agent(agent)).unwrap().analyze(&t);
        let x = Redactor::new(&t, &r, agents);
        (t, r, x)
    }

    #[test]
    fn customer_names_from_labels_introductions_and_titles() {
        let (_, _, x) = redactor(
            &[
                ("Kevin", "Goedemiddag mevrouw Jansen, met Kevin van Zonnig."),
                ("Klant", "Goedemiddag, met Marloes de Vries. Mijn man heet Pieter."),
                ("Kevin", "Dag Marloes! Spreek ik ook meneer Bakker?"),
                ("Klant", "Nee. Ik ben Marloes, Pieter is er niet."),
            ],
            "Kevin",
            false,
        );
        assert_eq!(x.text("Dag Marloes de Vries!"), "Dag [name]!");
        assert_eq!(
            x.text("Is mevrouw Jansen er, of Vries?"),
            "Is mevrouw [name] er, of [name]?"
        );
        assert_eq!(x.text("meneer Bakker"), "meneer [name]");
        // "Met" opens the phone call; it is never a name itself.
        assert_eq!(x.text("Met een whiteboard."), "Met een whiteboard.");
        // The seller's own name is kept unless agents are redacted too.
        assert_eq!(x.text("met Kevin van Zonnig"), "met Kevin van Zonnig");
        assert_eq!(x.label("Klant"), "customer");
        assert_eq!(x.label("Kevin"), "Kevin");
        // "Pieter" only appears after "heet" in a sentence, not as an
        // introduction: not caught (documented).
        assert_eq!(x.text("Pieter"), "Pieter");
    }

    #[test]
    fn phone_openings_greetings_and_bare_names() {
        let (_, _, x) = redactor(
            &[
                (
                    "Speaker 1",
                    "Keller and Moss, this is Tricia, how can I help you? This is Sacramento.",
                ),
                ("Speaker 2", "Hi Tricia, my name is Brandon Lee. Is that Helen Okafor?"),
                ("Speaker 3", "James Whitfield."),
                ("Speaker 2", "Goedemiddag mevrouw De Boer, hoe gaat het?"),
            ],
            "Speaker 2",
            false,
        );
        assert_eq!(x.text("Tricia, Helen Okafor, James"), "[name], [name], [name]");
        // A known first name followed by a surname is one full name.
        assert_eq!(
            x.text("Just ask for Tricia Alvarez. Thanks."),
            "Just ask for [name]. Thanks."
        );
        assert_eq!(x.text("Tricia, Alvarez"), "[name], Alvarez");
        assert_eq!(x.text("mevrouw De Boer"), "mevrouw [name]");
        // Only the first sentence of the first turn is the opening; the
        // particle "De" alone is never a name; the seller's name is kept.
        assert_eq!(x.text("This is Sacramento. De tafel."), "This is Sacramento. De tafel.");
        assert_eq!(x.text("Brandon Lee"), "Brandon Lee");
        // A one-word turn, or a capitalised turn after the first, is an
        // answer, not a name.
        let (_, _, y) = redactor(
            &[("Sam", "Hi, Sam from Acme."), ("Jo", "Hello."), ("Jo", "Sure Thing.")],
            "Sam",
            false,
        );
        assert_eq!(y.text("Hello. Sure."), "Hello. Sure.");
    }

    #[test]
    fn english_introductions_and_agents_redacted() {
        let (_, _, x) = redactor(
            &[
                (
                    "Dan Walsh",
                    "Hi, this is Dan Walsh from Acme. Am I speaking with Mrs O'Neill?",
                ),
                ("Speaker 2", "Yes, my name is Karen O'Neill. Monday works."),
            ],
            "Dan Walsh",
            true,
        );
        assert_eq!(x.label("Dan Walsh"), "agent");
        assert_eq!(x.label("Speaker 2"), "customer");
        assert_eq!(
            x.text("Karen O'Neill spoke to Dan on Monday in Amsterdam."),
            "[name] spoke to [name] on Monday in Amsterdam."
        );
    }

    #[test]
    fn ordinary_capitalised_words_are_not_names() {
        let (_, _, x) = redactor(
            &[
                ("Sam", "Good morning, Sam from Acme. How do you plan routes today?"),
                (
                    "Speaker 1",
                    "Mostly by hand. I'm not sure. It's Monday, this is Amsterdam.",
                ),
            ],
            "Sam",
            false,
        );
        let s = "Mostly by hand. It's Monday in Amsterdam, Speaker said. Van Dale, De Bijenkorf.";
        assert_eq!(x.text(s), s);
        assert_eq!(x.label("Speaker 1"), "customer");
    }

    #[test]
    fn several_customers_keep_distinct_labels() {
        let (t, r, x) = redactor(
            &[
                ("Sam", "Hello, Sam from Acme?"),
                ("Ann", "Hi."),
                ("Bob", "Hello."),
                ("Sam", "Could we meet?"),
            ],
            "Sam",
            false,
        );
        assert_eq!(x.label("Ann"), "customer 1");
        assert_eq!(x.label("Bob"), "customer 2");
        let rt = x.transcript(&t);
        assert_eq!(rt.label(&rt.segments[2]), "customer 2");
        let rr = x.report(&r);
        let labels: Vec<&str> = rr.speakers.iter().map(|s| s.label.as_str()).collect();
        assert_eq!(labels, ["Sam", "customer 1", "customer 2"]);
    }

    #[test]
    fn masks_can_keep_the_word_count() {
        let (t, _, x) = redactor(
            &[
                ("Kevin", "Goedemiddag mevrouw De Vries, met Kevin."),
                (
                    "Marloes de Vries",
                    "Bel 06-12345678 of +31 6 1234 5678, mail marloes.devries@example.nl.",
                ),
                (
                    "Kevin",
                    "Kerkstraat 12, 1234 AB? IBAN NL91 ABNA 0417 1643 00, kaart 4111 1111 1111 1111.",
                ),
            ],
            "Kevin",
            false,
        );
        let kept = x.transcript_keeping_word_counts(&t);
        for (a, b) in t.segments.iter().zip(&kept.segments) {
            assert_eq!(
                crate::text::word_count(&a.text),
                crate::text::word_count(&b.text),
                "{}",
                b.text
            );
        }
        assert!(kept.segments[1]
            .text
            .starts_with("Bel [phone phone] of [phone phone phone phone]"));
        // The readable form has one token per item.
        assert!(x.transcript(&t).segments[1]
            .text
            .starts_with("Bel [phone] of [phone], mail [email]."));
    }

    #[test]
    fn redacting_never_changes_a_figure() {
        let (t, r, x) = redactor(
            &[
                ("Kevin", "Goedemiddag, met Kevin van Zonnig. Hoe verwarmt u uw huis nu?"),
                ("Marloes", "Met gas. Bel me op 06-12345678 of mail marloes@example.nl."),
                ("Kevin", "Zal ik morgen om 10:30 langskomen op Kerkstraat 12, 1234 AB?"),
                ("Marloes", "Nee, dat wil ik niet. Mijn IBAN is NL91 ABNA 0417 1643 00."),
            ],
            "Kevin",
            true,
        );
        let rr = x.report(&r);
        let json = serde_json::to_string(&rr).unwrap();
        for planted in [
            "06-12345678",
            "marloes@",
            "Kerkstraat 12",
            "1234 AB",
            "NL91",
            "Marloes",
            "Kevin",
        ] {
            assert!(!json.contains(planted), "{planted} in {json}");
        }
        // Same figures: equal once every string is blanked on both sides.
        fn numbers(v: &serde_json::Value) -> serde_json::Value {
            match v {
                serde_json::Value::String(_) => serde_json::Value::Null,
                serde_json::Value::Array(a) => a.iter().map(numbers).collect(),
                serde_json::Value::Object(o) => o.iter().map(|(k, v)| (k.clone(), numbers(v))).collect(),
                other => other.clone(),
            }
        }
        assert_eq!(
            numbers(&serde_json::to_value(&rr).unwrap()),
            numbers(&serde_json::to_value(&r).unwrap())
        );
        let rt = x.transcript(&t);
        assert_eq!(rt.segments.len(), t.segments.len());
        assert_eq!(
            rt.segments[2].text,
            "Zal ik morgen om 10:30 langskomen op [address], [postcode]?"
        );
    }
}
