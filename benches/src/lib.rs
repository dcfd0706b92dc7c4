//! Deterministic corpus generation for benchmarks.
//!
//! [`generate_call`] writes one synthetic two-party sales call (Dutch or
//! English, 5–60 minutes) in one of five formats: Teams VTT, Zoom VTT, SRT,
//! timed plain text and canonical JSON, in equal shares; a few files carry a
//! BOM or CRLF line ends. The same seed and index always give the same bytes.
//!
//! The text is built from sentence templates with slots filled from large
//! word pools plus generated content words, so nothing in the pipeline can
//! shortcut on repetition: every call has questions, backchannels, gaps,
//! overlaps and pushes placed at different moments.

/// SplitMix64: tiny, fast, and good enough for synthetic text.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15)
    }

    /// Next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// Uniform in `[lo, hi)`.
    pub fn range_f(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64 * (hi - lo)
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        self.range_f(0.0, 1.0) < p
    }

    /// One element of a slice.
    pub fn pick<T: Copy>(&mut self, xs: &[T]) -> T {
        xs[self.below(xs.len())]
    }
}

/// Output format of a generated call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CorpusFormat {
    /// WebVTT with Teams `<v Name>` voice spans and GUID cue ids.
    TeamsVtt,
    /// WebVTT with Zoom `Name: text` prefixes.
    ZoomVtt,
    /// SRT with `Name:` prefixes.
    Srt,
    /// `[hh:mm:ss] Name: text` lines (start-only).
    Txt,
    /// warmcall canonical JSON.
    Json,
}

impl CorpusFormat {
    /// The five formats in their fixed rotation.
    pub const ALL: [CorpusFormat; 5] = [
        CorpusFormat::TeamsVtt,
        CorpusFormat::ZoomVtt,
        CorpusFormat::Srt,
        CorpusFormat::Txt,
        CorpusFormat::Json,
    ];

    /// File extension.
    pub fn ext(self) -> &'static str {
        match self {
            CorpusFormat::TeamsVtt | CorpusFormat::ZoomVtt => "vtt",
            CorpusFormat::Srt => "srt",
            CorpusFormat::Txt => "txt",
            CorpusFormat::Json => "json",
        }
    }
}

/// One segment of a generated call.
#[derive(Debug, Clone)]
pub struct GenSegment {
    /// 0 = agent, 1 = customer.
    pub speaker: usize,
    /// Start, seconds.
    pub start: f64,
    /// End, seconds.
    pub end: f64,
    /// Text.
    pub text: String,
}

struct Lang {
    agent_names: &'static [&'static str],
    customer_names: &'static [&'static str],
    companies: &'static [&'static str],
    intro: &'static [&'static str],
    greet: &'static [&'static str],
    open_q: &'static [&'static str],
    closed_q: &'static [&'static str],
    statements: &'static [&'static str],
    customer: &'static [&'static str],
    backchannels: &'static [&'static str],
    pushes: &'static [&'static str],
    topics: &'static [&'static str],
    fillers: &'static [&'static str],
}

const NL: Lang = Lang {
    agent_names: &[
        "Sanne Visser",
        "Mark Verhoef",
        "Kevin de Wit",
        "Jeroen Bakker",
        "Lotte Smit",
        "Daan Mulder",
    ],
    customer_names: &[
        "Ingrid de Boer",
        "Peter Smit",
        "Joyce Jansen",
        "Henk van Dijk",
        "Fatima El Amrani",
        "Wim Bos",
    ],
    companies: &[
        "Planwerk",
        "VoltaZakelijk",
        "ZonBeter",
        "Kantoorgemak",
        "Verzekerwijs",
        "DataDijk",
    ],
    intro: &[
        "Goedemiddag, u spreekt met {agent} van {company}.",
        "Goedemorgen, met {agent} van {company}, ik bel u even over {topic}.",
    ],
    greet: &["Met {customer}.", "{company2}, goedemorgen, met {customer}."],
    open_q: &[
        "Hoe lossen jullie dat nu op met {topic}?",
        "Wat is voor u het belangrijkste bij {topic}?",
        "Waarom is dat juist nu een punt voor jullie?",
        "Vertel eens, hoe ziet een gewone week er bij jullie uit?",
        "Wat bedoelt u precies met {word}?",
        "Hoeveel mensen zijn er bij {topic} betrokken?",
        "Wie beslist er bij jullie over {topic}?",
    ],
    closed_q: &[
        "Heeft u al een leverancier voor {topic}?",
        "Is dat iets wat vaker voorkomt?",
        "Werken jullie met een vast rooster?",
        "Zou u dat willen veranderen?",
        "Komt het u nu gelegen?",
    ],
    statements: &[
        "Wij helpen veel bedrijven in de regio met {topic}, en dat scheelt ze vaak een flink stuk tijd.",
        "Dat hoor ik vaker, eerlijk gezegd, vooral bij bedrijven met {word} en {word2}.",
        "Ik kan u kort vertellen hoe wij dat aanpakken met {topic}.",
        "Onze klanten besparen gemiddeld tien tot vijftien procent op {topic}.",
        "Dat begrijp ik helemaal, ik zal het kort houden.",
        "Nou, ik ga u niet meteen van alles vertellen, ik wil eerst vooral van u horen.",
    ],
    customer: &[
        "Nou, eerlijk gezegd lopen we vast op {topic}, want {word} kost ons elke week uren.",
        "We hebben zesendertig monteurs en de planning zit nog in een spreadsheet met {word}.",
        "Ik weet het niet hoor, we hebben al een contract voor {topic}.",
        "Dat klinkt interessant, maar ik moet het eerst met mijn compagnon bespreken.",
        "Stuur maar even wat informatie, dan kijk ik er rustig naar.",
        "Vorige week ging het nog mis met {word}, toen stond een klant drie uur te wachten.",
        "Ja, dat regelt mijn collega allemaal, die weet precies hoe het zit met {word2}.",
        "Nee, dat zeker niet, daar zijn we wel tevreden over.",
    ],
    backchannels: &["Ja.", "Hm.", "Mm.", "Oké.", "Ja ja.", "Precies."],
    pushes: &[
        "Zullen we volgende week dinsdag een afspraak inplannen?",
        "Mag ik donderdag om tien uur even bij u langskomen?",
        "Ik bel u morgen gewoon nog even terug.",
        "Zal ik een korte demo voor u inplannen?",
        "Als u vandaag tekent, zit u volgende maand al op het nieuwe tarief.",
    ],
    topics: &[
        "de planning",
        "uw energiecontract",
        "de kantoorartikelen",
        "de verzekering",
        "de administratie",
        "het wagenpark",
        "de roosters",
    ],
    fillers: &["eh", "nou", "dus", "ja", "maar"],
};

const EN: Lang = Lang {
    agent_names: &[
        "Dan Walsh",
        "Rachel Kim",
        "Gary Hughes",
        "Brandon Lee",
        "Priya Shah",
        "Tom Fletcher",
    ],
    customer_names: &[
        "Mike Russo",
        "Tricia Moss",
        "Helen Carter",
        "James Okafor",
        "Laura Chen",
        "Sam Patel",
    ],
    companies: &[
        "ClearPrint",
        "Harbor Point",
        "LedgerFlow",
        "Brightside",
        "Northwind",
        "Peak Talent",
    ],
    intro: &[
        "Hi, my name is {agent} from {company}.",
        "Hello, this is {agent} from {company}, I'm calling about {topic}.",
    ],
    greet: &["{company2}, this is {customer}.", "Hello?"],
    open_q: &[
        "How are you handling {topic} right now?",
        "What matters most to you when it comes to {topic}?",
        "Why is that coming up now?",
        "Walk me through what a normal week looks like for your team.",
        "What do you mean exactly by {word}?",
        "How many people are involved in {topic}?",
        "Who signs off on {topic} there?",
    ],
    closed_q: &[
        "Do you already have a provider for {topic}?",
        "Is that something that happens often?",
        "Are you on a fixed contract at the moment?",
        "Would you want to change that?",
        "Is now a good time?",
    ],
    statements: &[
        "We work with a lot of companies in the area on {topic}, and it usually saves them real time.",
        "I hear that a lot, honestly, especially from teams dealing with {word} and {word2}.",
        "Let me tell you quickly how we approach {topic}.",
        "Our clients save ten to fifteen percent on {topic} on average.",
        "I totally understand, I'll keep it short.",
        "I'm not going to pitch you right away, I'd rather hear from you first.",
    ],
    customer: &[
        "Honestly, we've got a real problem with {topic}, because {word} costs us hours every week.",
        "We've got thirty-six technicians and the schedule still lives in a spreadsheet with {word}.",
        "I don't know, we already have a contract for {topic}.",
        "That sounds interesting, but I need to run it by my partner first.",
        "Can you just email me some info and I'll take a look?",
        "Last week it went wrong again with {word}, a client waited three hours.",
        "Yeah, my colleague handles all of that, she knows exactly how {word2} works.",
        "No, not at all, we're actually happy with that part.",
    ],
    backchannels: &["Yeah.", "Mm.", "Right.", "Okay.", "Uh-huh.", "Yeah yeah."],
    pushes: &[
        "Shall we set up a meeting for next Tuesday?",
        "Could I come by on Thursday at ten to show you?",
        "I'll give you a call back tomorrow.",
        "Can I book a quick demo for you this week?",
        "If you sign today, you'll be on the new rate next month.",
    ],
    topics: &[
        "your scheduling",
        "your energy contract",
        "office supplies",
        "your insurance",
        "accounts payable",
        "the fleet",
        "hiring",
    ],
    fillers: &["uh", "so", "well", "okay", "and"],
};

/// A pronounceable made-up content word, so vocabulary never repeats much.
fn content_word(rng: &mut Rng) -> String {
    const ON: &[&str] = &[
        "b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "st", "tr", "pl", "gr", "sch",
    ];
    const NU: &[&str] = &["a", "e", "i", "o", "u", "ee", "oo", "ij", "ou", "ie"];
    let syl = 2 + rng.below(3);
    let mut w = String::new();
    for _ in 0..syl {
        w.push_str(rng.pick(ON));
        w.push_str(rng.pick(NU));
    }
    if rng.chance(0.5) {
        w.push_str(rng.pick(&["n", "r", "s", "t", "ng", "ck"]));
    }
    w
}

fn fill(rng: &mut Rng, tpl: &str, l: &Lang, agent: &str, customer: &str, company: &str) -> String {
    let mut out = String::with_capacity(tpl.len() + 32);
    let mut rest = tpl;
    while let Some(i) = rest.find('{') {
        out.push_str(&rest[..i]);
        let j = rest[i..].find('}').map(|j| i + j).unwrap_or(rest.len() - 1);
        match &rest[i + 1..j] {
            "agent" => out.push_str(agent),
            "customer" => out.push_str(customer.split(' ').next().unwrap_or(customer)),
            "company" => out.push_str(company),
            "company2" => {
                out.push_str(&content_word(rng));
                out.push_str(" BV");
            }
            "topic" => out.push_str(rng.pick(l.topics)),
            _ => out.push_str(&content_word(rng)),
        }
        rest = &rest[j + 1..];
    }
    out.push_str(rest);
    out
}

/// Generates the segments of one call.
pub fn generate_segments(seed: u64, index: u64) -> (bool, Vec<GenSegment>, [String; 2]) {
    let mut rng = Rng::new(seed.wrapping_mul(1_000_003).wrapping_add(index));
    let dutch = rng.chance(0.5);
    let l = if dutch { &NL } else { &EN };
    let agent = rng.pick(l.agent_names).to_string();
    let customer = rng.pick(l.customer_names).to_string();
    let company = rng.pick(l.companies).to_string();
    let minutes = rng.range_f(5.0, 60.0);
    let total = minutes * 60.0;
    let mut segs = Vec::new();
    let mut t = rng.range_f(0.2, 1.5);
    let mut push_at = rng.range_f(0.05, 0.95) * total;
    let mut speaker = 1usize;
    let mut first = true;
    while t < total {
        let text = if first {
            {
                let tpl = rng.pick(l.greet);
                fill(&mut rng, tpl, l, &agent, &customer, &company)
            }
        } else if speaker == 0 && segs.len() == 1 {
            {
                let tpl = rng.pick(l.intro);
                fill(&mut rng, tpl, l, &agent, &customer, &company)
            }
        } else if speaker == 0 && t >= push_at {
            push_at = total * 2.0;
            rng.pick(l.pushes).to_string()
        } else if rng.chance(0.12) {
            rng.pick(l.backchannels).to_string()
        } else {
            let n = 1 + rng.below(if speaker == 0 { 3 } else { 4 });
            let mut s = String::new();
            for k in 0..n {
                if k > 0 {
                    s.push(' ');
                }
                let pool = if speaker == 1 {
                    l.customer
                } else if rng.chance(0.35) {
                    if rng.chance(0.6) {
                        l.open_q
                    } else {
                        l.closed_q
                    }
                } else {
                    l.statements
                };
                let tpl = rng.pick(pool);
                let mut sentence = fill(&mut rng, tpl, l, &agent, &customer, &company);
                if rng.chance(0.2) {
                    let f = rng.pick(l.fillers);
                    let mut c = sentence.chars();
                    if let Some(first) = c.next() {
                        sentence = format!("{}, {}{}", capitalise(f), first.to_lowercase(), c.as_str());
                    }
                }
                s.push_str(&sentence);
            }
            s
        };
        first = false;
        let words = text.split_whitespace().count() as f64;
        let dur = (words / rng.range_f(2.2, 3.0)).max(0.4);
        segs.push(GenSegment {
            speaker,
            start: round3(t),
            end: round3(t + dur),
            text,
        });
        // Gaps: mostly short, some long, some overlaps.
        let gap = if rng.chance(0.08) {
            -rng.range_f(0.1, 0.8)
        } else if rng.chance(0.05) {
            rng.range_f(2.0, 7.0)
        } else {
            rng.range_f(0.1, 1.2)
        };
        t = (t + dur + gap).max(t + 0.1);
        speaker = if rng.chance(0.8) { 1 - speaker } else { speaker };
    }
    (dutch, segs, [agent, customer])
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

fn clock(t: f64, sep: char) -> String {
    let ms = (t * 1000.0).round() as u64;
    format!(
        "{:02}:{:02}:{:02}{}{:03}",
        ms / 3_600_000,
        ms / 60_000 % 60,
        ms / 1000 % 60,
        sep,
        ms % 1000
    )
}

/// Generates call `index` of corpus `seed`: its file name and bytes.
pub fn generate_call(seed: u64, index: u64) -> (String, Vec<u8>) {
    let (dutch, segs, names) = generate_segments(seed, index);
    let format = CorpusFormat::ALL[(index % 5) as usize];
    let mut out = String::with_capacity(segs.len() * 120);
    match format {
        CorpusFormat::TeamsVtt => {
            out.push_str("WEBVTT\n\n");
            for (i, s) in segs.iter().enumerate() {
                out.push_str(&format!(
                    "{:08x}-{:04x}-4e00-8f99-{:012x}/{}-0\n{} --> {}\n<v {}>{}</v>\n\n",
                    index as u32,
                    i as u16,
                    (seed ^ i as u64) & 0xFFFF_FFFF_FFFF,
                    i + 10,
                    clock(s.start, '.'),
                    clock(s.end, '.'),
                    names[s.speaker],
                    s.text
                ));
            }
        }
        CorpusFormat::ZoomVtt => {
            out.push_str("WEBVTT\n\n");
            for (i, s) in segs.iter().enumerate() {
                out.push_str(&format!(
                    "{}\n{} --> {}\n{}: {}\n\n",
                    i + 1,
                    clock(s.start, '.'),
                    clock(s.end, '.'),
                    names[s.speaker],
                    s.text
                ));
            }
        }
        CorpusFormat::Srt => {
            for (i, s) in segs.iter().enumerate() {
                out.push_str(&format!(
                    "{}\n{} --> {}\n{}: {}\n\n",
                    i + 1,
                    clock(s.start, ','),
                    clock(s.end, ','),
                    names[s.speaker],
                    s.text
                ));
            }
        }
        CorpusFormat::Txt => {
            for s in &segs {
                let secs = s.start as u64;
                out.push_str(&format!(
                    "[{:02}:{:02}:{:02}] {}: {}\n",
                    secs / 3600,
                    secs / 60 % 60,
                    secs % 60,
                    names[s.speaker],
                    s.text
                ));
            }
        }
        CorpusFormat::Json => {
            out.push_str("{\"segments\":[\n");
            for (i, s) in segs.iter().enumerate() {
                if i > 0 {
                    out.push_str(",\n");
                }
                out.push_str(&format!(
                    "{{\"speaker\":{},\"start\":{},\"end\":{},\"text\":{}}}",
                    json_str(&names[s.speaker]),
                    s.start,
                    s.end,
                    json_str(&s.text)
                ));
            }
            out.push_str("\n]}\n");
        }
    }
    let mut bytes = Vec::with_capacity(out.len() + 3);
    // A few files with a BOM or CRLF, as real exports have.
    if index % 17 == 3 {
        bytes.extend_from_slice(b"\xEF\xBB\xBF");
    }
    if index % 13 == 5 {
        bytes.extend_from_slice(out.replace('\n', "\r\n").as_bytes());
    } else {
        bytes.extend_from_slice(out.as_bytes());
    }
    let lang = if dutch { "nl" } else { "en" };
    (format!("call{index:06}_{lang}.{}", format.ext()), bytes)
}

fn json_str(s: &str) -> String {
    let mut o = String::with_capacity(s.len() + 2);
    o.push('"');
    for c in s.chars() {
        match c {
            '"' => o.push_str("\\\""),
            '\\' => o.push_str("\\\\"),
            '\n' => o.push_str("\\n"),
            c if (c as u32) < 0x20 => o.push_str(&format!("\\u{:04x}", c as u32)),
            c => o.push(c),
        }
    }
    o.push('"');
    o
}

/// Every phrase of the built-in `nl` and `en` lexicons as a fixed string,
/// lowercased, sorted, without duplicates: the pattern file for
/// `rg -F -i -f` in BENCHMARKS.md.
pub fn lexicon_phrases() -> Vec<String> {
    let mut out: Vec<String> = ["nl", "en"]
        .iter()
        .filter_map(|c| warmcall::lexicon::Lexicon::builtin(c))
        .flat_map(|lex| lex.all_phrases().filter_map(literal_phrase).collect::<Vec<_>>())
        .collect();
    out.sort();
    out.dedup();
    out
}

/// A lexicon entry as a fixed string. Plain entries stay as they are;
/// regular expressions (`\\b`, groups, alternations, classes, repeats) are
/// cut at their metacharacters and the longest literal run of at least
/// three characters stands for them (`(?:kan|zal) ik (?:u )?bellen` →
/// `bellen`); entries with no such run are left out. Word patterns
/// (docs/lexicon.md) are cut the same way, and a class or token name
/// (`@weekday`, `#clock`) is a cut, not text: `(sound | sounds) ..3 @appeal`
/// → `sounds`.
pub fn literal_phrase(entry: &str) -> Option<String> {
    const META: &[char] = &[
        '\\', '(', ')', '[', ']', '{', '}', '?', '*', '+', '|', '^', '$', '.', '<', '>',
    ];
    let mut e = String::with_capacity(entry.len());
    let mut chars = entry.trim().chars().peekable();
    while let Some(c) = chars.next() {
        if c == '@' || c == '#' {
            while chars.next_if(|n| n.is_alphanumeric() || *n == '_').is_some() {}
            e.push('|');
        } else {
            e.extend(c.to_lowercase());
        }
    }
    if e.is_empty() {
        return None;
    }
    if !e.contains(META) {
        return Some(e);
    }
    // Drop escapes with their letter (\b, \s, \d) before cutting.
    let mut cleaned = String::with_capacity(e.len());
    let mut chars = e.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            chars.next();
            cleaned.push('|');
        } else {
            cleaned.push(c);
        }
    }
    cleaned
        .split(META)
        .map(str::trim)
        .filter(|p| p.chars().count() >= 3)
        .max_by_key(|p| p.len())
        .map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_patterns_become_their_longest_literal() {
        assert_eq!(
            literal_phrase("(sound | sounds) ..3 @appeal").as_deref(),
            Some("sounds")
        );
        assert_eq!(literal_phrase("(i'm | i am) interested").as_deref(), Some("interested"));
        assert_eq!(literal_phrase("yes (that | @day)").as_deref(), Some("that"));
        assert_eq!(literal_phrase("#num @month"), None);
        assert_eq!(literal_phrase("not interested").as_deref(), Some("not interested"));
    }

    #[test]
    fn deterministic_and_sized() {
        let a = generate_call(7, 42);
        let b = generate_call(7, 42);
        assert_eq!(a, b);
        let total: usize = (0..100).map(|i| generate_call(7, i).1.len()).sum();
        let avg = total / 100;
        assert!((15_000..60_000).contains(&avg), "average call size {avg}");
    }
}
