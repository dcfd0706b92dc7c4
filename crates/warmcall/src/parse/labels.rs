//! Speaker labels written in the text (`Name: text`), one rule for every
//! text format (WebVTT, SRT, plain text) and one clean-up for every format
//! that names speakers (CSV, JSON too). The rule is in docs/formats.md,
//! "Speaker labels in text".
//!
//! A would-be label is judged twice: on its own ([`shape`]: does it read as
//! a name, as a sentence, or could it be either), then per file
//! ([`accepted`]: a label that could be either counts only where it recurs
//! as a label). The words the rule needs are one table of data, [`WORDS`].

use std::borrow::Cow;
use std::collections::HashMap;

use super::markup::{is_tidy_ascii, tidy};
use crate::Warning;

/// What to do about a doubtful speaker reading, for warnings.
pub(crate) const AGENT_HINT: &str = "name the seller with --agent NAME (config key roles.agent)";

/// What a label word is to the rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Opens a sentence or a field rather than names someone (`Note`,
    /// `So`, `Vraag`, `we`).
    Opener,
    /// A lower-case word that may sit inside a name (`Ingrid de Boer`).
    Particle,
    /// Heads a numbered label (`Speaker 2`, `Spreker 1`).
    Numbered,
    /// A display-name tag that says what someone is in the meeting, not who
    /// (`(Host)`, `(Guest)`): dropped from the label.
    Role,
    /// Describes a sound, not speech (`[Music]`, `(laughs)`): matched as
    /// the start of a word, so `laugh` covers `laughs` and `laughing`.
    Sound,
    /// Says who made the captions (`Captions by …`): matched as the start
    /// of a word, so `caption` covers `captioning` and `captioned`.
    Credit,
}

use Kind::*;

/// Every word the label rule knows, lower case, English and Dutch.
pub(crate) const WORDS: &[(&str, Kind)] = &[
    // Sentence and field openers.
    ("note", Opener),
    ("notes", Opener),
    ("nb", Opener),
    ("n.b", Opener),
    ("ps", Opener),
    ("p.s", Opener),
    ("pps", Opener),
    ("re", Opener),
    ("fwd", Opener),
    ("subject", Opener),
    ("onderwerp", Opener),
    ("ratio", Opener),
    ("tip", Opener),
    ("warning", Opener),
    ("waarschuwing", Opener),
    ("opmerking", Opener),
    ("noot", Opener),
    ("update", Opener),
    ("example", Opener),
    ("e.g", Opener),
    ("voorbeeld", Opener),
    ("question", Opener),
    ("vraag", Opener),
    ("answer", Opener),
    ("antwoord", Opener),
    ("summary", Opener),
    ("samenvatting", Opener),
    ("conclusion", Opener),
    ("conclusie", Opener),
    ("agenda", Opener),
    ("action", Opener),
    ("actie", Opener),
    ("todo", Opener),
    ("time", Opener),
    ("tijd", Opener),
    ("date", Opener),
    ("datum", Opener),
    ("location", Opener),
    ("locatie", Opener),
    ("kind", Opener),
    ("language", Opener),
    ("style", Opener),
    ("translation", Opener),
    ("vertaling", Opener),
    ("source", Opener),
    ("bron", Opener),
    ("edit", Opener),
    ("caption", Opener),
    ("captions", Opener),
    ("transcript", Opener),
    ("important", Opener),
    ("belangrijk", Opener),
    ("disclaimer", Opener),
    ("attention", Opener),
    ("step", Opener),
    ("stap", Opener),
    ("error", Opener),
    ("info", Opener),
    ("result", Opener),
    ("resultaat", Opener),
    ("reason", Opener),
    ("reden", Opener),
    ("total", Opener),
    ("totaal", Opener),
    ("price", Opener),
    ("prijs", Opener),
    ("address", Opener),
    ("adres", Opener),
    ("email", Opener),
    ("e-mail", Opener),
    ("phone", Opener),
    ("telefoon", Opener),
    ("tel", Opener),
    ("website", Opener),
    ("url", Opener),
    ("link", Opener),
    ("http", Opener),
    ("https", Opener),
    ("www", Opener),
    ("ok", Opener),
    ("okay", Opener),
    ("yes", Opener),
    ("no", Opener),
    ("so", Opener),
    ("well", Opener),
    ("ja", Opener),
    ("nee", Opener),
    ("nou", Opener),
    ("dus", Opener),
    ("maar", Opener),
    ("en", Opener),
    ("and", Opener),
    ("but", Opener),
    ("or", Opener),
    ("of", Opener),
    ("let", Opener),
    ("we", Opener),
    ("you", Opener),
    ("it", Opener),
    ("this", Opener),
    ("that", Opener),
    ("here", Opener),
    ("there", Opener),
    ("the", Opener),
    ("what", Opener),
    ("ik", Opener),
    ("wij", Opener),
    ("je", Opener),
    ("dit", Opener),
    ("dat", Opener),
    ("het", Opener),
    ("wat", Opener),
    // Name particles.
    ("van", Particle),
    ("de", Particle),
    ("der", Particle),
    ("den", Particle),
    ("het", Particle),
    ("ten", Particle),
    ("ter", Particle),
    ("te", Particle),
    ("op", Particle),
    ("in", Particle),
    ("'t", Particle),
    ("von", Particle),
    ("zu", Particle),
    ("le", Particle),
    ("la", Particle),
    ("du", Particle),
    ("da", Particle),
    ("di", Particle),
    ("del", Particle),
    ("della", Particle),
    ("dos", Particle),
    ("das", Particle),
    ("y", Particle),
    ("bin", Particle),
    ("al", Particle),
    ("el", Particle),
    ("and", Particle),
    ("&", Particle),
    // Heads of numbered labels.
    ("speaker", Numbered),
    ("spreker", Numbered),
    ("participant", Numbered),
    ("deelnemer", Numbered),
    ("person", Numbered),
    ("persoon", Numbered),
    ("guest", Numbered),
    ("gast", Numbered),
    ("caller", Numbered),
    ("beller", Numbered),
    ("interviewer", Numbered),
    ("respondent", Numbered),
    ("agent", Numbered),
    ("customer", Numbered),
    ("klant", Numbered),
    ("voice", Numbered),
    ("stem", Numbered),
    // Meeting roles in display-name tags.
    ("host", Role),
    ("co-host", Role),
    ("cohost", Role),
    ("guest", Role),
    ("gast", Role),
    ("me", Role),
    ("ik", Role),
    ("moderator", Role),
    ("organizer", Role),
    ("organiser", Role),
    ("organisator", Role),
    ("presenter", Role),
    ("presentator", Role),
    ("panelist", Role),
    ("panellist", Role),
    ("interpreter", Role),
    ("tolk", Role),
    ("external", Role),
    ("extern", Role),
    ("unverified", Role),
    // Sounds (word starts).
    ("music", Sound),
    ("muziek", Sound),
    ("applau", Sound),
    ("laugh", Sound),
    ("chuckl", Sound),
    ("giggl", Sound),
    ("gelach", Sound),
    ("lacht", Sound),
    ("silence", Sound),
    ("stilte", Sound),
    ("inaudible", Sound),
    ("onverstaanbaar", Sound),
    ("unintelligible", Sound),
    ("crosstalk", Sound),
    ("noise", Sound),
    ("sigh", Sound),
    ("zucht", Sound),
    ("pause", Sound),
    ("pauze", Sound),
    ("cough", Sound),
    ("hoest", Sound),
    ("clear", Sound),
    ("ring", Sound),
    ("beep", Sound),
    ("static", Sound),
    ("foreign", Sound),
    ("blank_audio", Sound),
    ("background", Sound),
    ("door", Sound),
    ("typing", Sound),
    ("cheer", Sound),
    ("sniff", Sound),
    ("groan", Sound),
    ("gasp", Sound),
    ("whistl", Sound),
    ("sound", Sound),
    ("geluid", Sound),
    // Caption credits (word starts).
    ("caption", Credit),
    ("subtit", Credit),
    ("ondertitel", Credit),
    ("transcri", Credit),
];

/// The words of [`WORDS`] by kind: a list (for prefix matches) and a set
/// (for whole words), built once. Asked of words of every label line, so a
/// look-up must not walk the whole table.
struct ByKind {
    lists: [Vec<&'static str>; KINDS.len()],
    sets: [std::collections::HashSet<&'static str>; KINDS.len()],
}

const KINDS: [Kind; 6] = [Opener, Particle, Numbered, Role, Sound, Credit];

fn by_kind() -> &'static ByKind {
    static T: std::sync::OnceLock<ByKind> = std::sync::OnceLock::new();
    T.get_or_init(|| {
        let lists: [Vec<&'static str>; KINDS.len()] =
            KINDS.map(|k| WORDS.iter().filter(|(_, wk)| *wk == k).map(|(w, _)| *w).collect());
        let sets = std::array::from_fn(|i| lists[i].iter().copied().collect());
        ByKind { lists, sets }
    })
}

fn slot(kind: Kind) -> usize {
    KINDS.iter().position(|k| *k == kind).unwrap_or(0)
}

/// The words listed as `kind`.
pub(crate) fn words_of(kind: Kind) -> &'static [&'static str] {
    &by_kind().lists[slot(kind)]
}

/// Whether `word` (any case, a final `.` ignored) is listed as `kind`.
pub(crate) fn is_word(word: &str, kind: Kind) -> bool {
    let w = word.trim_end_matches('.');
    let set = &by_kind().sets[slot(kind)];
    // Short ASCII words are lower-cased on the stack.
    let mut buf = [0u8; 24];
    if w.is_ascii() && w.len() <= buf.len() {
        let b = &mut buf[..w.len()];
        b.copy_from_slice(w.as_bytes());
        b.make_ascii_lowercase();
        return std::str::from_utf8(b).is_ok_and(|l| set.contains(l));
    }
    set.contains(w.to_lowercase().as_str())
}

/// Whether `word` (any case) starts with a word listed as `kind`
/// (`laughing` for `laugh`).
pub(crate) fn starts_with_word(word: &str, kind: Kind) -> bool {
    let list = words_of(kind);
    if word.is_ascii() {
        let b = word.as_bytes();
        return list
            .iter()
            .any(|x| b.len() >= x.len() && b[..x.len()].eq_ignore_ascii_case(x.as_bytes()));
    }
    let lower = word.to_lowercase();
    list.iter().any(|x| lower.starts_with(x))
}

/// How a would-be label reads on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    /// A name by its look: every word capitalised (name particles aside),
    /// a numbered label (`Speaker 2`) or a diariser label (`SPEAKER_00`).
    Name,
    /// Could be a name or the start of a sentence: lower-case words
    /// (`priya s`), a script without capitals (`田中`). A speaker only where
    /// it recurs as a label in the file.
    Maybe,
    /// One word that opens sentences or fields (`Note`, `So`, `Vraag`): a
    /// speaker only where no other label recurs (`Question:`/`Answer:`).
    Opener,
    /// Not a label: sentence punctuation, too long, a number, a sentence
    /// opened by an opener word (`So here's the thing`).
    Not,
}

/// Longest label, in characters, display tags left out.
const MAX_CHARS: usize = 48;
/// Most words in a label, display tags and emoji left out.
const MAX_WORDS: usize = 5;
/// Longest display tag (`(Acme Sales Ltd)`), in characters.
const MAX_TAG_CHARS: usize = 40;

/// Punctuation that ends or splits sentences and never sits in a name.
fn is_sentence_mark(c: char) -> bool {
    (c.is_ascii_punctuation() && !matches!(c, '.' | '\'' | '-' | '_' | '&' | '#'))
        || matches!(
            c,
            '“' | '”'
                | '„'
                | '«'
                | '»'
                | '…'
                | '¿'
                | '¡'
                | '。'
                | '，'
                | '、'
                | '！'
                | '？'
                | '；'
                | '：'
                | '؟'
                | '،'
        )
}

/// A word made only of symbols (emoji, `★`), which says nothing about
/// whether the label is a name.
fn is_symbol_word(w: &str) -> bool {
    !w.chars().any(char::is_alphanumeric) && !w.chars().any(is_sentence_mark)
}

/// Splits display tags off the end of a label: `Ann Lee (she/her) (Host)`
/// gives `Ann Lee` and the two tags' contents. Nested or unclosed brackets
/// are not tags.
pub(crate) fn split_tags(label: &str) -> (&str, Vec<&str>) {
    let mut core = label.trim_end();
    let mut tags = Vec::new();
    while let Some(close) = core.chars().last().filter(|c| matches!(c, ')' | ']')) {
        let open = if close == ')' { '(' } else { '[' };
        let Some(at) = core.rfind(open) else {
            break;
        };
        let inner = &core[at + 1..core.len() - 1];
        if inner.trim().is_empty() || inner.chars().count() > MAX_TAG_CHARS || inner.contains(['(', ')', '[', ']', ':'])
        {
            break;
        }
        tags.push(inner.trim());
        core = core[..at].trim_end();
    }
    tags.reverse();
    (core, tags)
}

/// A tag that says what someone is in the meeting or how to address them
/// (`Host`, `Co-host`, `he/him`, `zij/haar`), not who they are: the same
/// person may carry it in one part of a recording and not in another.
fn is_role_tag(tag: &str) -> bool {
    let pronouns = tag.contains('/')
        && tag.split('/').all(|p| {
            !p.trim().is_empty() && p.trim().chars().count() <= 5 && p.trim().chars().all(char::is_alphabetic)
        });
    pronouns || (!tag.contains(' ') && is_word(tag, Role))
}

/// Cleans a speaker label: whitespace collapsed, without the `@` Teams puts
/// before anonymised users, and without role and pronoun tags
/// (`Ann Lee (Host)` and `Ann Lee (she/her)` are `Ann Lee`; other tags such
/// as a company, `Ann Lee (Acme)`, stay). `None` when nothing is left.
pub(crate) fn clean_label(label: &str) -> Option<String> {
    let l = tidy(label);
    let l = l.trim_start_matches('@').trim();
    let (core, tags) = split_tags(l);
    if !core.is_empty() && tags.iter().any(|t| is_role_tag(t)) {
        let mut out = core.to_string();
        for t in tags.iter().filter(|t| !is_role_tag(t)) {
            out.push_str(" (");
            out.push_str(t);
            out.push(')');
        }
        let out = out.trim().to_string();
        return (!out.is_empty()).then_some(out);
    }
    (!l.is_empty()).then(|| l.to_string())
}

/// [`clean_label`] borrowing the label when it is clean already: ASCII,
/// single spaces between words and none at the ends, no `@`, no role or
/// pronoun tag.
pub(crate) fn clean_label_cow(label: &str) -> Option<Cow<'_, str>> {
    if !label.is_empty() && !label.starts_with('@') && is_tidy_ascii(label.as_bytes()) {
        let tagged = label.ends_with([')', ']']);
        if !tagged || !split_tags(label).1.iter().any(|t| is_role_tag(t)) {
            return Some(Cow::Borrowed(label));
        }
    }
    clean_label(label).map(Cow::Owned)
}

/// The shape of a label (raw or cleaned): see [`Shape`].
pub(crate) fn shape(label: &str) -> Shape {
    let cleaned: Cow<'_, str> = if is_tidy_ascii(label.as_bytes()) {
        Cow::Borrowed(label)
    } else {
        Cow::Owned(tidy(label))
    };
    let (core, _) = split_tags(cleaned.trim_start_matches('@').trim());
    if let Some(shape) = last_first(core) {
        return shape;
    }
    if core.is_empty() || core.chars().count() > MAX_CHARS || core.chars().any(is_sentence_mark) {
        return Shape::Not;
    }
    // At most MAX_WORDS words, so an array instead of a Vec per label.
    let mut slots = [""; MAX_WORDS];
    let mut n = 0;
    for w in core.split_whitespace().filter(|w| !is_symbol_word(w)) {
        if n == slots.len() {
            return Shape::Not;
        }
        slots[n] = w;
        n += 1;
    }
    let words = &slots[..n];
    let Some(&first) = words.first() else {
        return Shape::Not;
    };
    if words.len() == 1 {
        // Diariser labels: `spk_0`, `SPEAKER_00`.
        if let Some((head, num)) = first.rsplit_once('_') {
            if !head.is_empty()
                && head.chars().all(|c| c.is_ascii_alphabetic())
                && !num.is_empty()
                && num.bytes().all(|b| b.is_ascii_digit())
            {
                return Shape::Name;
            }
        }
        if is_word(first, Opener) {
            return Shape::Opener;
        }
    } else if is_word(first, Opener) {
        // `So here's the thing`, `We agreed on this`.
        return Shape::Not;
    }
    if !first.starts_with(char::is_alphabetic) {
        return Shape::Not;
    }
    let last = words.len() - 1;
    let mut maybe = false;
    for (i, w) in words.iter().enumerate() {
        let initial = w.chars().find(|c| c.is_alphabetic());
        if w.bytes().all(|b| b.is_ascii_digit()) {
            // Digits only as the number of a numbered label.
            if i == last && i > 0 && is_word(words[i - 1], Numbered) {
                continue;
            }
            return Shape::Not;
        }
        if w.contains('_') {
            return Shape::Not;
        }
        // A dot only in a short abbreviation or initials (`Dr.`, `J.R.`):
        // `prose.` ends a sentence, `Amara.org` is an address.
        if w.contains('.') && w.chars().filter(|c| c.is_alphabetic()).count() > 3 {
            return Shape::Not;
        }
        let upper = initial.is_some_and(char::is_uppercase);
        if w.chars().any(char::is_numeric) {
            // Digits inside a later capitalised word (Zoom device names
            // such as `Galaxy S21`), never in the first: `Q3:` is no name.
            if i > 0 && upper {
                continue;
            }
            return Shape::Not;
        }
        // A single capital letter after a numbered head: `Speaker A`.
        if upper || (i > 0 && w.chars().any(char::is_uppercase)) {
            continue;
        }
        if i > 0 && i < last && is_word(w, Particle) {
            continue;
        }
        // Lower case, or a script without capitals.
        maybe = true;
    }
    if maybe {
        Shape::Maybe
    } else {
        Shape::Name
    }
}

/// A directory name, `Last, First` (`Smith, John`, `Kupor, Ashlee M.`):
/// one capitalised word that is not an opener, a comma, one or two
/// capitalised words. The comma makes it read like a sentence too (`Well,
/// I said` is not one; `Yes, Sir` could be), so it is a [`Shape::Maybe`].
/// `None` when the label has no single comma.
fn last_first(core: &str) -> Option<Shape> {
    let (last, first) = core.split_once(',')?;
    if first.contains(',') {
        return None;
    }
    let cap = |w: &str| w.starts_with(char::is_uppercase) && !w.chars().any(is_sentence_mark);
    let last = last.trim();
    let firsts: Vec<&str> = first.split_whitespace().collect();
    let ok = !last.contains(' ')
        && cap(last)
        && !is_word(last, Opener)
        && (1..=2).contains(&firsts.len())
        && firsts.iter().all(|w| cap(w));
    Some(if ok { Shape::Maybe } else { Shape::Not })
}

/// The per-file decision: whether a label of this shape, opening `count`
/// lines or cues, names a speaker, given whether some other label that can
/// name someone (not an opener) recurs in the file.
pub(crate) fn accepted(shape: Shape, count: usize, repeated_elsewhere: bool) -> bool {
    match shape {
        Shape::Name => true,
        Shape::Maybe => count >= 2,
        Shape::Opener => count >= 2 && !repeated_elsewhere,
        Shape::Not => false,
    }
}

/// How far into a line or cue a label's colon may stand, in bytes: a
/// label of at most [`MAX_CHARS`] characters with two display tags, in
/// any script.
const MAX_PREFIX_BYTES: usize = 300;

/// Splits `Name: text` at the first colon that is followed by white space
/// or the end of the text (a full-width `：` also counts), within the first
/// [`MAX_PREFIX_BYTES`] bytes: the label as written (trimmed) and the text
/// after it. `10:30 works` and `https://…` are not split; whether the
/// label is a speaker is for [`shape`] and [`accepted`]. Asked of every
/// cue and line, so the colon is found by a byte search.
pub(crate) fn split_prefix(text: &str) -> Option<(&str, &str)> {
    let b = text.as_bytes();
    let head = &b[..b.len().min(MAX_PREFIX_BYTES)];
    let ascii = memchr::memchr(b':', head);
    // `：` is EF BC 9A; only text with such a byte can hold one.
    let wide = memchr::memchr(0xEF, head)
        .and_then(|_| memchr::memmem::find(head, "：".as_bytes()))
        .filter(|w| ascii.is_none_or(|a| *w < a));
    let (at, len) = match (wide, ascii) {
        (Some(w), _) => (w, 3),
        (None, Some(a)) => (a, 1),
        (None, None) => return None,
    };
    let after = &text[at + len..];
    if len == 1 && !(after.is_empty() || after.starts_with(char::is_whitespace)) {
        return None;
    }
    let label = text[..at].trim();
    (!label.is_empty()).then(|| (label, after.trim()))
}

/// The distinct would-be labels of a file: how often each opens a cue, its
/// shape, where it first stands, and whether it names a speaker here.
#[derive(Default)]
pub(crate) struct LabelTally {
    entries: Vec<TallyEntry>,
    index: HashMap<String, usize>,
}

struct TallyEntry {
    label: String,
    count: usize,
    shape: Shape,
    first_line: usize,
    accepted: bool,
}

/// Labelled turns a file needs before a label seen once is flagged.
const MIN_USES_FOR_ONE_OFF: usize = 10;

/// Up to this many distinct labels are found by comparing strings; past it
/// the map takes over.
const LINEAR_LABELS: usize = 8;

impl LabelTally {
    /// Counts one use of `label` (cleaned) on `line`; gives its entry.
    pub(crate) fn add(&mut self, label: &str, line: usize) -> usize {
        let found = if self.entries.len() <= LINEAR_LABELS {
            self.entries.iter().position(|e| e.label == label)
        } else {
            self.index.get(label).copied()
        };
        let at = found.unwrap_or_else(|| {
            self.entries.push(TallyEntry {
                label: label.to_string(),
                count: 0,
                shape: shape(label),
                first_line: line,
                accepted: false,
            });
            let n = self.entries.len();
            if n == LINEAR_LABELS + 1 {
                self.index = self
                    .entries
                    .iter()
                    .enumerate()
                    .map(|(i, e)| (e.label.clone(), i))
                    .collect();
            } else if n > LINEAR_LABELS + 1 {
                self.index.insert(label.to_string(), n - 1);
            }
            n - 1
        });
        self.entries[at].count += 1;
        at
    }

    /// Decides every label under [`accepted`].
    pub(crate) fn decide(&mut self) {
        let repeated = self
            .entries
            .iter()
            .any(|e| e.count >= 2 && matches!(e.shape, Shape::Name | Shape::Maybe));
        for e in &mut self.entries {
            e.accepted = accepted(e.shape, e.count, repeated);
        }
    }

    /// Whether entry `i` names a speaker in this file.
    pub(crate) fn accepted(&self, i: usize) -> bool {
        self.entries[i].accepted
    }

    /// Warnings for accepted labels that may not be speakers: one opening
    /// a single line beside recurring speakers in a file of at least
    /// [`MIN_USES_FOR_ONE_OFF`] labelled turns, one that is a sentence
    /// opener.
    pub(crate) fn doubts(&self, unit: &str) -> Vec<Warning> {
        let repeated = self.entries.iter().filter(|e| e.accepted && e.count >= 2).count();
        // In a short excerpt everyone may speak once; in a conversation of
        // many labelled turns, a label seen once stands out.
        let uses: usize = self.entries.iter().filter(|e| e.accepted).map(|e| e.count).sum();
        let mut out = Vec::new();
        for e in self.entries.iter().filter(|e| e.accepted) {
            if e.shape == Shape::Opener {
                out.push(Warning::new(
                    e.first_line,
                    format!(
                        "speaker \"{}\" is named by a word that usually opens a sentence; read as a speaker because no other label recurs. If it is text, the figures are wrong: {AGENT_HINT}",
                        e.label
                    ),
                ));
            } else if e.count == 1 && repeated >= 1 && uses >= MIN_USES_FOR_ONE_OFF {
                out.push(Warning::new(
                    e.first_line,
                    format!(
                        "speaker \"{}\" is named on this {unit} only; if `{}:` is not a speaker here, its words are counted for the wrong person: {AGENT_HINT}",
                        e.label, e.label
                    ),
                ));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_by_their_look() {
        for name in [
            "Sanne Visser",
            "Ingrid de Boer",
            "Jan van der Berg",
            "Speaker 2",
            "Speaker A",
            "spk_0",
            "SPEAKER_00",
            "RON",
            "O'Brien",
            "Jean-Luc Picard",
            "Dr. Jansen",
            "J.R. Ewing",
            "@Anonymous",
            "A",
            "Sanne's iPhone",
            "Galaxy S21 Ultra",
            "Ashlee Kupor (SL)",
            "Ann Lee (she/her) (Host)",
            "Иван Петров",
            "Zoë 🚀 Visser",
            "🦄 Jo",
        ] {
            assert_eq!(shape(name), Shape::Name, "{name}");
        }
    }

    #[test]
    fn maybe_names_need_to_recur() {
        for maybe in [
            "priya s",
            "ravi kumar sharma",
            "田中 太郎",
            "Règle numéro un",
            "Show this",
            "les surclassait tous",
            "Smith, John",
            "Kupor, Ashlee M.",
            "Sanne de",
            "iPhone",
        ] {
            assert_eq!(shape(maybe), Shape::Maybe, "{maybe}");
            assert!(!accepted(shape(maybe), 1, true));
            assert!(accepted(shape(maybe), 2, true));
        }
    }

    #[test]
    fn sentences_and_openers() {
        for not in [
            "10",
            "Python 3",
            "Meet at 10",
            "Toi, c'est",
            "This should be an E with an accent",
            "So here's the thing",
            "We agreed on this",
            "and then",
            "Het punt is",
            "Q3",
            "Well, I said",
            "Yes, Ann",
            "Smith, john",
            "Smith, John, Jr",
            "He said (to me",
            "\"Quoted\"",
            "Hello?",
            "Just prose. No speakers",
            "Amara.org",
            "",
        ] {
            assert_eq!(shape(not), Shape::Not, "{not}");
        }
        for opener in ["Note", "NOTE", "Summary", "Vraag", "So", "N.B.", "Ratio"] {
            assert_eq!(shape(opener), Shape::Opener, "{opener}");
            assert!(!accepted(Shape::Opener, 5, true));
            assert!(accepted(Shape::Opener, 5, false));
        }
    }

    #[test]
    fn role_and_pronoun_tags_are_dropped_others_kept() {
        for (raw, want) in [
            ("Ann Lee (Host)", "Ann Lee"),
            ("Ann Lee (Co-host)", "Ann Lee"),
            ("Ann Lee (he/him)", "Ann Lee"),
            ("Ann Lee (she/her) (Host)", "Ann Lee"),
            ("Ann Lee (Acme) (Guest)", "Ann Lee (Acme)"),
            ("Ashlee Kupor (SL)", "Ashlee Kupor (SL)"),
            ("Ann Lee (Acme Sales)", "Ann Lee (Acme Sales)"),
            ("@Ann  Lee", "Ann Lee"),
            ("(Host)", "(Host)"),
        ] {
            assert_eq!(clean_label(raw).as_deref(), Some(want), "{raw}");
            assert_eq!(clean_label_cow(raw).as_deref(), Some(want), "{raw}");
        }
        // A near miss: a word of the role list inside a longer tag is kept.
        assert_eq!(
            clean_label("Ann (Host of the show)").as_deref(),
            Some("Ann (Host of the show)")
        );
    }

    #[test]
    fn borrowed_labels_equal_cleaned_ones() {
        for label in [
            "",
            " ",
            "@",
            "Ann",
            "Ann Lee",
            " Ann",
            "Ann ",
            "Ann  Lee",
            "Ann\tLee",
            "@Ann",
            "@ Ann",
            "Zoë",
            "Ann\u{A0}Lee",
            "Ann\u{200E}",
            "Ann\r\nLee",
            "\u{FEFF}Ann",
            "Ann (Host)",
            "Ann (x)",
        ] {
            assert_eq!(
                clean_label_cow(label).map(|l| l.into_owned()),
                clean_label(label),
                "{label:?}"
            );
        }
    }

    #[test]
    fn prefixes_split_at_a_colon_and_space() {
        assert_eq!(split_prefix("Dan Walsh: Hi Laura"), Some(("Dan Walsh", "Hi Laura")));
        assert_eq!(split_prefix("Ann:"), Some(("Ann", "")));
        assert_eq!(split_prefix("10:30 works for me"), None);
        assert_eq!(split_prefix("Kevin:no space"), None);
        assert_eq!(split_prefix("see https://x.org: ok"), None);
        assert_eq!(split_prefix("田中：はい"), Some(("田中", "はい")));
        assert_eq!(split_prefix(": nothing"), None);
        assert_eq!(split_prefix("田中：はい: いいえ"), Some(("田中", "はい: いいえ")));
        assert_eq!(split_prefix("Ann: 田中：はい"), Some(("Ann", "田中：はい")));
        let far = format!("{}: x", "a".repeat(MAX_PREFIX_BYTES));
        assert_eq!(split_prefix(&far), None);
    }

    #[test]
    fn ascii_word_match_equals_lower_casing() {
        for l in [
            "Note",
            "NOTE",
            "note",
            "Notes",
            "n.b.",
            "N.B.",
            "Vraag",
            "Ann",
            "",
            "Note ",
            "\u{212A}ind",
            "Tijd",
            "T\u{130}jd",
            "Stap",
            "ŞTAP",
            "Ratio",
            "RATİO",
        ] {
            let lower = l.trim_end_matches('.').to_lowercase();
            let slow = WORDS.iter().any(|(w, k)| *k == Opener && *w == lower);
            assert_eq!(is_word(l, Opener), slow, "{l:?}");
        }
    }

    #[test]
    fn word_kinds() {
        assert!(is_word("De", Particle));
        assert!(is_word("NOTE", Opener));
        assert!(!is_word("Notes about", Opener));
        assert!(starts_with_word("Laughing", Sound));
        assert!(starts_with_word("captioning", Credit));
        assert!(!starts_with_word("slaughter", Sound));
    }

    proptest::proptest! {
        #[test]
        fn any_label_text_is_judged_without_panic(text in "(\\PC|[ ():\\[\\]/,.@]|：|🚀|\\(Host\\)|\\(he/him\\)){0,40}") {
            let _ = shape(&text);
            let _ = split_prefix(&text);
            let _ = split_tags(&text);
            proptest::prop_assert_eq!(clean_label_cow(&text).map(|l| l.into_owned()), clean_label(&text));
            let mut found = super::super::caption::NonSpeech::default();
            let _ = super::super::caption::strip_non_speech(&text, true, 1, &mut found);
        }
    }
}
