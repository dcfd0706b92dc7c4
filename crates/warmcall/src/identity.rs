//! People, not labels: the agent's name as the call gives it (a display
//! name, a label that is a name, or a self-introduction), and the person
//! it belongs to (`[agents]` in the config, else that name). A generic
//! label ("Speaker 1", "SPEAKER_01", "spk_0") is nobody: a call whose
//! seller has only such a label has no person, so aggregates never merge
//! two files' "Speaker 1" into one seller. docs/roles.md explains.

use std::collections::{HashMap, HashSet};

use globset::{GlobSet, GlobSetBuilder};

use crate::agent_patterns::glob;
use crate::config::AgentConfig;
use crate::context::Ctx;
use crate::lexicon::Lexicon;
use crate::report::{AgentIdentity, NameSource, PersonSource, Role};
use crate::rules::{Compiler, ListId, Matcher, Token, View, CAPITALISED};
use crate::Error;

// Lives with the other agent patterns, which the config checks too; this
// stays its public path.
pub use crate::agent_patterns::is_generic_label;

/// The `[roles] name` patterns of one language, split at their `{name}`
/// slot: the part before it (with the name's first word, `#cap`) is a list
/// the matcher scans for, the part after it a list asked only where the
/// name ends. The name's words in between are read here: how many there
/// are depends on what follows them, as a name of "1–3 capitalised words"
/// does.
#[derive(Debug)]
pub(crate) struct NameRules {
    /// Per pattern: its lead list, and the list that must follow the name.
    patterns: Vec<(ListId, Option<ListId>)>,
    /// Lowercased words that are never a name where `{name}` stands.
    not_name: HashSet<String>,
    /// Lowercased particles ("de", "van"): inside a name, even where they
    /// are function words too.
    particles: HashSet<String>,
}

/// The most words a `{name}` holds, particles not counted.
const NAME_WORDS: usize = 3;

impl NameRules {
    /// Adds `roles.name` to `compiler`, each pattern split at `{name}`.
    pub(crate) fn new(lex: &Lexicon, compiler: &mut Compiler) -> Result<NameRules, Error> {
        let key = format!("lexicon.{}.roles.name", lex.lang);
        let fail = |message: String| Error::Config {
            key: key.clone(),
            line: 0,
            message,
        };
        let mut patterns = Vec::new();
        for p in lex.list("roles.name") {
            let Some((before, after)) = p.split_once("{name}") else {
                return Err(fail(format!("pattern {p:?} has no {{name}}")));
            };
            if after.contains("{name}") {
                return Err(fail(format!("pattern {p:?} has more than one {{name}}")));
            }
            // Errors quote the pattern as written, not the halves.
            let bad = |e: crate::rules::RuleError| fail(format!("bad pattern {p:?}: {}", e.source.message));
            let lead = compiler
                .add_list("roles.name", &[format!("{before} #cap")])
                .map_err(bad)?;
            let tail = if after.trim().is_empty() {
                None
            } else {
                Some(compiler.add_anchored("roles.name", &[after.to_string()]).map_err(bad)?)
            };
            patterns.push((lead, tail));
        }
        let not_name = ["roles.not_name", "detect.function_words", "backchannel.words"]
            .iter()
            .flat_map(|l| lex.list(l))
            .map(|w| w.to_lowercase())
            .collect();
        let particles = lex
            .list("roles.name_particles")
            .iter()
            .map(|w| w.to_lowercase())
            .collect();
        Ok(NameRules {
            patterns,
            not_name,
            particles,
        })
    }

    /// The name a sentence introduces its speaker by, if any: `sentence`
    /// is the text at byte `offset` of its segment, `v` its tokens.
    pub(crate) fn find(&self, m: &Matcher, sentence: &str, offset: usize, v: View<'_>) -> Option<String> {
        let text = |t: &Token| &sentence[t.start as usize - offset..t.end as usize - offset];
        // Only whitespace between two tokens, as between a name's words.
        let joined = |a: usize, b: usize| {
            let gap = &sentence[v.toks[a].end as usize - offset..v.toks[b].start as usize - offset];
            !gap.is_empty() && gap.chars().all(char::is_whitespace)
        };
        // A capitalised word of two letters or more ("Sam", "O'Brien",
        // not "I" or the initials "J.R.").
        let name_word = |i: usize| {
            let t = &v.toks[i];
            let w = text(t);
            t.is(CAPITALISED) && w.chars().nth(1).is_some() && !w.contains('.')
        };
        let particle = |i: usize| self.particles.contains(&text(&v.toks[i]).to_lowercase());
        let n = v.len();
        let mut hits = Vec::new();
        for &(lead, tail) in &self.patterns {
            m.all_hits(v, lead, &mut hits);
            for &(_, end) in &hits {
                let first = end - 1;
                if !name_word(first) {
                    continue;
                }
                // Where a name of 1, 2, 3 words would end: each next word
                // after as many particles as stand there, or, when no name
                // word follows them, the last of them taken as the word.
                let mut ends = vec![first + 1];
                while ends.len() < NAME_WORDS {
                    let q = *ends.last().expect("one end");
                    let mut r = q;
                    while r < n && joined(r - 1, r) && particle(r) {
                        r += 1;
                    }
                    let next = (q..=r.min(n - 1)).rev().find(|&x| joined(x - 1, x) && name_word(x));
                    match next {
                        Some(x) => ends.push(x + 1),
                        None => break,
                    }
                }
                // The longest name that what must follow it follows.
                let Some(&last) = ends
                    .iter()
                    .rev()
                    .find(|&&e| tail.is_none_or(|t| m.match_at(v, t, e).is_some()))
                else {
                    continue;
                };
                let words: Vec<&str> = v.toks[first..last].iter().map(text).collect();
                // A word that is never a name ends it ("This is Sam Thanks"
                // is Sam); when the first one is such a word there is none
                // ("Nothing here.").
                let keep = words
                    .iter()
                    .take_while(|w| {
                        let w = w.to_lowercase();
                        self.particles.contains(&w) || !self.not_name.contains(&w)
                    })
                    .count();
                let mut words = &words[..keep];
                // Particles trail a name only when a word follows them.
                while words
                    .last()
                    .is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase))
                {
                    words = &words[..words.len() - 1];
                }
                if !words.is_empty() {
                    return Some(words.join(" "));
                }
            }
        }
        None
    }
}

/// `[agents]` compiled: labels and names, and file-name globs, to persons.
#[derive(Debug, Default)]
pub(crate) struct People {
    persons: Vec<String>,
    /// Normalised name → index into `persons`.
    names: HashMap<String, usize>,
    files: Option<GlobSet>,
    /// Glob index → index into `persons`.
    file_person: Vec<usize>,
}

/// Lowercase, single spaces: the form names are compared in.
fn norm(s: &str) -> String {
    s.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

impl People {
    /// Compiles the config's `[agents]` table (validated by
    /// [`crate::Config::validate`]).
    pub(crate) fn new(agents: &std::collections::BTreeMap<String, AgentConfig>) -> Result<People, Error> {
        let mut p = People::default();
        let mut set = GlobSetBuilder::new();
        for (i, (person, a)) in agents.iter().enumerate() {
            p.persons.push(person.trim().to_string());
            p.names.insert(norm(person), i);
            for n in &a.names {
                p.names.insert(norm(n), i);
            }
            for (j, f) in a.files.iter().enumerate() {
                set.add(glob(f).map_err(|e| Error::Config {
                    key: format!("agents.{person}.files[{j}]"),
                    line: 0,
                    message: format!("bad glob {f:?}: {e}"),
                })?);
                p.file_person.push(i);
            }
        }
        if !p.file_person.is_empty() {
            p.files = Some(set.build().map_err(|e| Error::Config {
                key: "agents".into(),
                line: 0,
                message: e.to_string(),
            })?);
        }
        Ok(p)
    }

    /// The person a call's agent is, by one of their names, else by the
    /// call's path: matched whole and by each of its tails
    /// (`calls/brandon/x.vtt`, `brandon/x.vtt`, `x.vtt`), so that
    /// `brandon/**` holds however the folder was named on the command line.
    fn resolve(&self, names: &[&str], path: Option<&str>) -> Option<(String, PersonSource)> {
        if let Some(&i) = names.iter().find_map(|n| self.names.get(&norm(n))) {
            return Some((self.persons[i].clone(), PersonSource::Config));
        }
        let (set, path) = (self.files.as_ref()?, path?);
        let tails = path
            .char_indices()
            .filter(|&(_, c)| c == '/' || c == std::path::MAIN_SEPARATOR)
            .map(|(i, c)| &path[i + c.len_utf8()..]);
        let hit = std::iter::once(path)
            .chain(tails)
            .filter(|p| !p.is_empty())
            .find_map(|p| set.matches(p).first().copied())?;
        Some((self.persons[self.file_person[hit]].clone(), PersonSource::Config))
    }
}

/// Who the call's (first) agent is: label, name and person.
pub(crate) fn identify(
    ctx: &Ctx<'_>,
    rules: &NameRules,
    m: &Matcher,
    people: &People,
    path: Option<&str>,
) -> AgentIdentity {
    let t = ctx.t;
    let Some(agent) = ctx.speaker_role.iter().position(|r| *r == Role::Agent) else {
        return AgentIdentity::default();
    };
    let speaker = &t.speakers[agent];
    let introduced = introduced_name(ctx, rules, m, agent);
    let (name, name_source) = if let Some(d) = speaker.display_name.as_deref().filter(|d| !d.trim().is_empty()) {
        (Some(d.trim().to_string()), Some(NameSource::DisplayName))
    } else if !is_generic_label(&speaker.label) {
        (Some(speaker.label.clone()), Some(NameSource::Label))
    } else if let Some(n) = introduced.clone() {
        (Some(n), Some(NameSource::Introduction))
    } else {
        (None, None)
    };
    let mut known: Vec<&str> = vec![speaker.label.as_str()];
    known.extend(speaker.display_name.as_deref());
    known.extend(introduced.as_deref());
    let (person, person_source) = match people.resolve(&known, path) {
        Some((p, s)) => (Some(p), Some(s)),
        None => (name.clone(), name.as_ref().map(|_| PersonSource::Name)),
    };
    AgentIdentity {
        label: Some(speaker.label.clone()),
        name,
        name_source,
        person,
        person_source,
    }
}

/// The name the agent introduces themselves by in the opening (the window
/// role assignment uses for introductions).
fn introduced_name(ctx: &Ctx<'_>, rules: &NameRules, m: &Matcher, agent: usize) -> Option<String> {
    let segs = &ctx.t.segments;
    let t0 = segs.first()?.start_s;
    segs.iter()
        .enumerate()
        .take_while(|(i, s)| {
            *i < crate::roles::OPENING_SEGMENTS
                || matches!((t0, s.start_s), (Some(a), Some(b)) if b - a < crate::roles::OPENING_S)
        })
        .filter(|(_, s)| s.speaker == agent)
        .find_map(|(i, _)| {
            ctx.sentence_tokens(i)
                .find_map(|(offset, s, v)| rules.find(m, s, offset, v))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A language's name rules compiled alone, read over one string.
    #[derive(Debug)]
    struct Rules {
        r: NameRules,
        m: Matcher,
    }

    impl Rules {
        fn find(&self, s: &str) -> Option<String> {
            let toks = crate::rules::Tokens::sentence(self.m.vocab(), s);
            self.r.find(&self.m, s, 0, toks.whole())
        }
    }

    fn compile(lex: &Lexicon) -> Result<Rules, Error> {
        let mut c = crate::rules::compiler(lex).unwrap();
        let r = NameRules::new(lex, &mut c)?;
        Ok(Rules { r, m: c.finish() })
    }

    fn rules(lang: &str) -> Rules {
        compile(&Lexicon::builtin(lang).unwrap()).unwrap()
    }

    #[test]
    fn generic_labels_and_near_misses() {
        for l in [
            "Speaker 1",
            "SPEAKER_01",
            "speaker_0",
            "spk_0",
            "Speaker A",
            "Unknown",
            "Unknown Speaker",
            "A",
            "b",
            "2",
            "Agent",
            "customer",
            "Klant",
            "Medewerker",
            "Operator 2",
            "Guest-2",
            "ch_1",
            "S1",
            "",
            "  ",
        ] {
            assert!(is_generic_label(l), "{l}");
        }
        for l in [
            "Brandon Lee",
            "Sanne",
            "Al",
            "Spencer",
            "Speaker of the House",
            "Agent Smith",
            "Sam",
            "PS02K",
        ] {
            assert!(!is_generic_label(l), "{l}");
        }
    }

    #[test]
    fn english_introduced_names() {
        let r = rules("en");
        for (s, want) in [
            (
                "Hi Tricia, my name is Brandon Lee from ClearPrint Business Systems.",
                "Brandon Lee",
            ),
            ("Hi Mike, this is Rachel Kim from Harbor Point Insurance.", "Rachel Kim"),
            (
                "Lovely. Hi Helen, it's Gary, I'm calling from Brightwater Wealth.",
                "Gary",
            ),
            ("Hi, I'm Dan from Ledgerline.", "Dan"),
            ("Good morning, Sam from Acme here.", "Sam"),
            ("Hey, Priya here.", "Priya"),
            ("My name's Maria de la Cruz, calling from Acme.", "Maria de la Cruz"),
            ("Hello, this is Sean O'Brien.", "Sean O'Brien"),
        ] {
            assert_eq!(r.find(s).as_deref(), Some(want), "{s}");
        }
        for s in [
            "This is a great time to talk about it.",
            "Nothing here.",
            "Right here.",
            "This is Monday, right?",
            "I'm calling from Acme.",
            "I'm happy with the price.",
            "My name is on the contract.",
            "Is this Mike?",
        ] {
            assert_eq!(r.find(s), None, "{s}");
        }
    }

    #[test]
    fn dutch_introduced_names() {
        let r = rules("nl");
        for (s, want) in [
            (
                "Goedemiddag mevrouw De Boer, u spreekt met Sanne Visser van Planwerk.",
                "Sanne Visser",
            ),
            (
                "Goedemorgen Joyce, u spreekt met Fatima El Amrani van Kantoorfix.",
                "Fatima El Amrani",
            ),
            ("Goedemorgen, met Mark van VoltaZakelijk.", "Mark"),
            ("Mijn naam is Fatima, van Kantoorfix.", "Fatima"),
            ("Dag meneer, ik ben Kevin van ZonVast.", "Kevin"),
            ("Hoi, je spreekt met Kevin de Wit.", "Kevin de Wit"),
            ("Hallo, Kevin hier, van ZonVast.", "Kevin"),
        ] {
            assert_eq!(r.find(s).as_deref(), Some(want), "{s}");
        }
        for s in [
            "Met plezier.",
            "Met Vriendelijke groet.",
            "Ik heb net gesproken met Jan.",
            "Ik ben blij van wel.",
            "Dit is een goede vraag.",
            "Ja, met de buren hebben we het ook over gehad.",
        ] {
            assert_eq!(r.find(s), None, "{s}");
        }
    }

    /// Each shipped name pattern, a name it reads and a near miss, in
    /// sentences of our own.
    #[test]
    fn every_name_pattern_has_a_positive_and_a_near_miss() {
        let en = rules("en");
        for (s, want) in [
            ("Well, my name's Tomás Ortega.", Some("Tomás Ortega")),
            ("My name is written on the form.", None),
            (
                "Hey there, this is Ines van der Berg calling about the lease.",
                Some("Ines van der Berg"),
            ),
            // What must follow the name follows a shorter one only.
            ("This is Ines Berg Porter Mills.", None),
            ("This is Ines Berg, with Northwind.", Some("Ines Berg")),
            ("I'm Kofi, over at Northwind.", Some("Kofi")),
            ("I'm Kofi and I sell freight.", None),
            ("Good evening, Lena from Northwind here.", Some("Lena")),
            ("Lena is here.", None),
        ] {
            assert_eq!(en.find(s).as_deref(), want, "{s}");
        }
        let nl = rules("nl");
        for (s, want) in [
            ("Mijn naam is Noor ter Horst.", Some("Noor ter Horst")),
            ("Mijn naam is onbelangrijk.", None),
            ("Je spreekt met Daan Mol.", Some("Daan Mol")),
            ("Je spreekt met de verkeerde.", None),
            ("Goedemiddag, met Bram, namens Groenstroom.", Some("Bram")),
            ("Ik kom met Bram mee.", None),
            ("Hier is Lotte van Zonwering Zuid.", Some("Lotte")),
            ("Hier is Lotte Mol Smit Kok.", None),
            ("Ik ben Youssef, vanuit Groenstroom.", Some("Youssef")),
            ("Ik ben Youssef.", None),
            ("Hoi, Anouk hier.", Some("Anouk")),
            ("Anouk, hier.", None),
        ] {
            assert_eq!(nl.find(s).as_deref(), want, "{s}");
        }
    }

    #[test]
    fn every_shipped_name_pattern_has_a_slot() {
        let mut lex = Lexicon::builtin("en").unwrap();
        lex.set("roles.name", &["call me".to_string()]);
        let err = compile(&lex).unwrap_err();
        assert!(err.to_string().contains("lexicon.en.roles.name"), "{err}");
        assert!(err.to_string().contains("has no {name}"), "{err}");
        // A bad half is reported with the pattern as written.
        lex.set("roles.name", &["call (me {name}".to_string()]);
        let err = compile(&lex).unwrap_err().to_string();
        assert!(
            err.contains("lexicon.en.roles.name") && err.contains("\"call (me {name}\""),
            "{err}"
        );
    }

    #[test]
    fn people_by_name_then_by_file() {
        let mut agents = std::collections::BTreeMap::new();
        agents.insert(
            "Brandon Lee".to_string(),
            AgentConfig {
                names: vec!["Brandon".into(), "B. Lee".into()],
                files: vec!["*copier*".into()],
            },
        );
        agents.insert(
            "Sanne Visser".to_string(),
            AgentConfig {
                names: vec![],
                files: vec!["sanne/**".into()],
            },
        );
        let p = People::new(&agents).unwrap();
        let who = |names: &[&str], path: Option<&str>| p.resolve(names, path).map(|(p, _)| p);
        assert_eq!(who(&["brandon  "], None).as_deref(), Some("Brandon Lee"));
        assert_eq!(who(&["Speaker 2", "brandon lee"], None).as_deref(), Some("Brandon Lee"));
        assert_eq!(
            who(&["Speaker 2"], Some("calls/en04_Copier.txt")).as_deref(),
            Some("Brandon Lee")
        );
        assert_eq!(
            who(&["Speaker 1"], Some("sanne/2026/a.vtt")).as_deref(),
            Some("Sanne Visser")
        );
        assert_eq!(who(&["Speaker 1"], Some("calls/sanne.vtt")), None);
        assert_eq!(
            who(&["Speaker 1"], Some("calls/sanne/a.vtt")).as_deref(),
            Some("Sanne Visser")
        );
        assert_eq!(who(&["Speaker 1"], Some("calls/not-sanne/a.vtt")), None);
        assert_eq!(who(&["Brandy"], Some("calls/x.vtt")), None);
    }
}
