//! Reading `warmcall.toml` (SPEC §7): parsing with errors that name the
//! dotted key and the line, partial profile overrides, lexicon changes, and
//! the commented default file `warmcall config --print-default` prints.
//!
//! Which file to read (`--config`, else `warmcall.toml` in the current
//! folder, else the defaults) is the command's business; the library only
//! parses text ([`parse_config`]) and takes the lexicon files' texts from a
//! reader the caller gives ([`read_lexicon_files`]): it reads no files.

use crate::config::{ConfigSource, Profile};
use crate::lexicon::{line_of, Lexicon};
use crate::{Config, Error};

/// Parses a config file's text: every key is optional, unknown keys, wrong
/// types and values that make no sense are errors naming the dotted key
/// (`silence.min_s`, `profiles.cold.weights.restraint`, `trackers[0].phrases`)
/// and the 1-based line.
///
/// A `[profiles.NAME]` table changes only the keys it names; the built-in
/// profiles `discovery`, `cold` and `support` are always present.
///
/// ```
/// let cfg = warmcall::config_file::parse_config("[silence]\nmin_s = 2.0\n[profiles.discovery]\ntalk_share = [0.3, 0.45]\n")?;
/// assert_eq!(cfg.silence.min_s, 2.0);
/// assert_eq!(cfg.profiles["discovery"].talk_share, [0.3, 0.45]);
/// assert_eq!(cfg.profiles["discovery"].questions, Some([11.0, 14.0])); // kept
/// let err = warmcall::config_file::parse_config("[silence]\nmin_s = \"long\"\n").unwrap_err();
/// assert!(err.to_string().contains("silence.min_s (line 2)"));
/// # Ok::<(), warmcall::Error>(())
/// ```
pub fn parse_config(text: &str) -> Result<Config, Error> {
    let mut config: Config = toml::from_str(text).map_err(|e| toml_error(text, &e))?;
    // Serde filled missing profile keys from `discovery`; rebuild each named
    // profile on top of its built-in so a partial override keeps the rest.
    let raw: toml::Table = text.parse().map_err(|e| toml_error(text, &e))?;
    let mut profiles = Profile::builtins();
    if let Some(toml::Value::Table(given)) = raw.get("profiles") {
        for (name, value) in given {
            let key = format!("profiles.{name}");
            let base = profiles.get(name).cloned().unwrap_or_default();
            let mut merged = toml::Value::try_from(&base).map_err(|e| located(text, &key, e.to_string()))?;
            merge(&mut merged, value);
            let profile: Profile = merged.try_into().map_err(|e| located(text, &key, e.to_string()))?;
            profiles.insert(name.clone(), profile);
        }
    }
    config.profiles = profiles;
    config.source = ConfigSource(Some(
        key_entries(text)
            .into_iter()
            .map(|(k, o)| (k, line_of(text, o)))
            .collect(),
    ));
    config.validate().map_err(|e| locate(&config, e))?;
    Ok(config)
}

/// Reads every `[lexicon.LANG] file` of `config` through `read`, which
/// gets the path as the config wrote it and returns the file's text: the
/// library itself reads no files, so the caller decides where a relative
/// path points (the CLI: the config file's folder). A failure is a config
/// error at the `file` key.
///
/// ```
/// use warmcall::config_file::{parse_config, read_lexicon_files};
///
/// let mut cfg = parse_config("[lexicon.de]\nfile = \"de.toml\"\n")?;
/// let err = read_lexicon_files(&mut cfg, |_| Err("no such file")).unwrap_err();
/// assert!(err.to_string().contains("lexicon.de.file"));
/// read_lexicon_files(&mut cfg, |_| Ok::<_, std::io::Error>(String::new()))?;
/// assert_eq!(cfg.lexicon["de"].file_text.as_deref(), Some(""));
/// # Ok::<(), warmcall::Error>(())
/// ```
pub fn read_lexicon_files<E: std::fmt::Display>(
    config: &mut Config,
    mut read: impl FnMut(&str) -> Result<String, E>,
) -> Result<(), Error> {
    let mut failed = None;
    for (lang, change) in config.lexicon.iter_mut() {
        if let Some(file) = &change.file {
            match read(file) {
                Ok(text) => change.file_text = Some(text),
                Err(e) => {
                    failed = Some(Error::Config {
                        key: format!("lexicon.{lang}.file"),
                        line: 0,
                        message: format!("cannot read {file}: {e}"),
                    });
                    break;
                }
            }
        }
    }
    match failed {
        Some(e) => Err(locate(config, e)),
        None => Ok(()),
    }
}

/// Deep-merges `over` into `base`: tables key by key, anything else replaced.
fn merge(base: &mut toml::Value, over: &toml::Value) {
    match (base, over) {
        (toml::Value::Table(b), toml::Value::Table(o)) => {
            for (k, v) in o {
                match b.get_mut(k) {
                    Some(slot) => merge(slot, v),
                    None => {
                        b.insert(k.clone(), v.clone());
                    }
                }
            }
        }
        (b, o) => *b = o.clone(),
    }
}

fn toml_error(text: &str, e: &toml::de::Error) -> Error {
    let offset = e.span().map(|s| s.start);
    Error::Config {
        key: offset
            .map(|o| key_at(text, o))
            .filter(|k| !k.is_empty())
            .unwrap_or_else(|| "(toml)".to_string()),
        line: offset.map(|o| line_of(text, o)).unwrap_or(0),
        message: e.message().trim().to_string(),
    }
}

fn located(text: &str, key: &str, message: String) -> Error {
    let entries: Vec<(String, usize)> = key_entries(text)
        .into_iter()
        .map(|(k, o)| (k, line_of(text, o)))
        .collect();
    Error::Config {
        key: key.to_string(),
        line: line_of_key(&entries, key),
        message,
    }
}

/// Fills in the line of a config error raised after parsing (validation,
/// a bad pattern in a lexicon list at `Analyzer::new`), when the config came
/// from a file and the key can be found in it.
pub(crate) fn locate(config: &Config, err: Error) -> Error {
    let entries = config.source.keys();
    match err {
        Error::Config { key, line: 0, message } if !entries.is_empty() => {
            // A lexicon list named by a rule (`lexicon.nl.pushes.forms`) is
            // written under `add` or `replace` in the config.
            let mut candidates = vec![key.clone()];
            // An entry of a list of strings (`agents.Jo.files[2]`) is on
            // the list's line.
            if let Some(list) = key.strip_suffix(']').and_then(|k| k.rsplit_once('[')).map(|(k, _)| k) {
                candidates.push(list.to_string());
            }
            let segs: Vec<&str> = key.splitn(3, '.').collect();
            if let ["lexicon", lang, list] = segs.as_slice() {
                candidates.push(format!("lexicon.{lang}.add.{list}"));
                candidates.push(format!("lexicon.{lang}.replace.{list}"));
            }
            let exact = candidates
                .iter()
                .find_map(|c| entries.iter().find(|(k, _)| k == c))
                .map(|(_, l)| *l);
            let line = exact.unwrap_or_else(|| line_of_key(entries, &key));
            Error::Config { key, line, message }
        }
        err => err,
    }
}

/// Applies `[lexicon.LANG]` changes to the loaded lexicons: `file` replaces
/// (or adds) the language's lexicon, `replace` swaps named lists, `add`
/// extends named lists.
pub(crate) fn apply_lexicon_changes(config: &Config, lexicons: &mut Vec<Lexicon>) -> Result<(), Error> {
    for (lang, change) in &config.lexicon {
        let fail = |key: String, message: String| locate(config, Error::Config { key, line: 0, message });
        if let Some(file) = &change.file {
            let text = change.file_text.as_deref().ok_or_else(|| {
                fail(
                    format!("lexicon.{lang}.file"),
                    format!("{file} was not read: read it with config_file::read_lexicon_files before building the analyzer"),
                )
            })?;
            let lex = Lexicon::from_toml(lang, text).map_err(|e| match e {
                Error::Config { key, line, message } => Error::Config {
                    key,
                    line,
                    message: format!("in lexicon file {file}: {message}"),
                },
                other => other,
            })?;
            lexicons.retain(|l| &l.lang != lang);
            lexicons.push(lex);
        }
        if let Some(table) = &change.replace {
            let lists = Lexicon::from_table(lang, table).map_err(|e| locate(config, e))?;
            if !lexicons.iter().any(|l| &l.lang == lang) {
                lexicons.push(Lexicon::from_table(lang, &toml::Table::new())?);
            }
            let lex = lexicons.iter_mut().find(|l| &l.lang == lang).expect("just ensured");
            for name in lists.names_under("") {
                lex.set(name, lists.list(name));
            }
        }
        let Some(lex) = lexicons.iter_mut().find(|l| &l.lang == lang) else {
            return Err(fail(
                format!("lexicon.{lang}"),
                format!("warmcall ships no lexicon for {lang:?}; give `file` (a lexicon of the shipped shape)"),
            ));
        };
        for (name, phrases) in &change.add {
            if lex.names_under("").all(|n| n != name) {
                let known: Vec<&str> = lex.names_under("").collect();
                return Err(fail(
                    format!("lexicon.{lang}.add.{name}"),
                    format!("no list {name:?} in the {lang} lexicon (lists: {})", known.join(", ")),
                ));
            }
            lex.add(name, phrases);
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Where keys are: toml_edit keeps the span of every key and header it
// parses, so positions come from the same parser that read the values.

/// Every header and key of a TOML text as `(dotted path, byte offset)`, in
/// file order. Arrays of tables get an index: `trackers[0].name`. Keys
/// inside inline tables are listed under their table's path; elements of
/// arrays of values are not. Text that is not TOML has none.
fn key_entries(text: &str) -> Vec<(String, usize)> {
    let Ok(doc) = toml_edit::ImDocument::parse(text) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    table_entries(doc.as_table(), "", &mut out);
    out.sort_by_key(|(_, o)| *o);
    out
}

fn table_entries(t: &toml_edit::Table, path: &str, out: &mut Vec<(String, usize)>) {
    for (name, item) in t.iter() {
        let p = join(path, name);
        let key_at = t.key(name).and_then(|k| k.span()).map(|s| s.start);
        match item {
            toml_edit::Item::Table(sub) => {
                // A `[header]` has a span; a dotted key (`a.b = 1`) has its
                // key's; an implicit parent (`lexicon` of `[lexicon.nl]`)
                // is written nowhere.
                let at = if sub.is_dotted() {
                    key_at
                } else {
                    sub.span().map(|s| s.start)
                };
                if let Some(o) = at {
                    out.push((p.clone(), o));
                }
                table_entries(sub, &p, out);
            }
            toml_edit::Item::ArrayOfTables(a) => {
                for (i, sub) in a.iter().enumerate() {
                    let pi = format!("{p}[{i}]");
                    if let Some(o) = sub.span().map(|s| s.start) {
                        out.push((pi.clone(), o));
                    }
                    table_entries(sub, &pi, out);
                }
            }
            toml_edit::Item::Value(v) => {
                if let Some(o) = key_at {
                    out.push((p.clone(), o));
                }
                value_entries(v, &p, out);
            }
            toml_edit::Item::None => {}
        }
    }
}

fn value_entries(v: &toml_edit::Value, path: &str, out: &mut Vec<(String, usize)>) {
    match v {
        toml_edit::Value::InlineTable(t) => {
            for (name, v) in t.iter() {
                let p = join(path, name);
                if let Some(o) = t.key(name).and_then(|k| k.span()).map(|s| s.start) {
                    out.push((p.clone(), o));
                }
                value_entries(v, &p, out);
            }
        }
        toml_edit::Value::Array(a) => {
            for v in a.iter() {
                value_entries(v, path, out);
            }
        }
        _ => {}
    }
}

fn join(a: &str, b: &str) -> String {
    match (a.is_empty(), b.is_empty()) {
        (true, _) => b.to_string(),
        (_, true) => a.to_string(),
        _ => format!("{a}.{b}"),
    }
}

/// The dotted key whose header, key or value holds `offset`. In text that
/// does not parse, the key or header written at the start of that line
/// (`[silence` of an unclosed header).
fn key_at(text: &str, offset: usize) -> String {
    let entries = key_entries(text);
    if entries.is_empty() {
        return key_on_line(text, offset);
    }
    entries
        .into_iter()
        .take_while(|(_, o)| *o <= offset)
        .last()
        .map(|(k, _)| k)
        .unwrap_or_default()
}

/// The bare key or header name that starts the line holding `offset`.
fn key_on_line(text: &str, offset: usize) -> String {
    let start = text[..offset.min(text.len())].rfind('\n').map_or(0, |i| i + 1);
    let line = text[start..].lines().next().unwrap_or("");
    let name = line.trim_start().trim_start_matches('[');
    let end = name.find([']', '=', '#']).unwrap_or(name.len());
    let name = name[..end].trim();
    let bare = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'));
    if bare {
        name.to_string()
    } else {
        String::new()
    }
}

/// The line where a dotted key is written: the key itself, else the first
/// key below it; else the same for its parent, grandparent…; 0 when none.
fn line_of_key(entries: &[(String, usize)], key: &str) -> usize {
    let mut k = key;
    loop {
        let below = format!("{k}.");
        let found = entries
            .iter()
            .find(|(e, _)| e == k)
            .or_else(|| entries.iter().find(|(e, _)| e.starts_with(&below)));
        if let Some((_, l)) = found {
            return *l;
        }
        match k.rfind('.') {
            Some(i) => k = &k[..i],
            None => return 0,
        }
    }
}

// ---------------------------------------------------------------------------
// The commented default file.

/// What each key does, its unit and its source, by generalised dotted key
/// (`profiles.*.talk_share`, `trackers.name`). `default_toml` writes these
/// above each key; a test fails when a `Config` field has none.
pub(crate) const DOCS: &[(&str, &str)] = &[
    ("profile", "Call profile for the score and the profile-bound findings: discovery, cold, support,\nor a name defined under [profiles.NAME]. CLI: --profile."),
    ("language", "Language of the text rules: \"auto\" (counts each lexicon's function words over the\nwhole call), or a code with a lexicon (nl, en, or one added under [lexicon.CODE]). CLI: --lang."),
    ("ui_lang", "Language of finding messages: en or nl. CLI: --ui-lang."),
    ("redact", "Mask personal data in everything written (phone numbers, e-mail addresses, IBANs,\ncard numbers, postcodes and addresses, customers' names; customers' labels become\n`customer`). Never changes a figure. See docs/redaction.md. CLI: --redact."),
    ("redact_agents", "Implies redact, and also replaces the seller's labels by `agent` and masks their names\n(figures per agent then merge). CLI: --redact-agents."),
    ("trackers", "Custom trackers: named phrase lists counted per side, with the time and segment of\nevery hit (case-insensitive, whole words). Add one per [[trackers]] table, see the\nexample at the end of this file."),
    ("trackers.name", "Tracker name as shown in the report (unique)."),
    ("trackers.phrases", "Phrases to count; case is ignored, matches are whole words."),
    ("tiers", "Annotation tiers (ELAN .eaf, Praat .TextGrid) as speakers: tier name = speaker label.\nWithout an entry, top-level tiers are speakers and dependent, %-, gaze, gesture,\ntranslation, comment and phone tiers are skipped (docs/formats.md). An empty label\nskips a tier.\n  \"spk1 (orth)\" = \"Sanne\"   # read this dependent tier as Sanne's words\n  \"Notes\" = \"\"             # never read this tier"),
    ("tiers.*", "The speaker label for this tier, or \"\" to skip it."),
    ("roles", "Who the seller is (SPEC §4). Without roles.agent warmcall decides from a self-\nintroduction, the first push, a phone greeting or the first speaker, and warns which.\n  agent = \"Sanne Visser\"          # a speaker label or display name\n  agent = \"/^(Sanne|Kevin)\\\\b/\"    # or /REGEX/: every match is the agent side"),
    ("agents", "People, not labels: one [agents.\"NAME\"] table per seller, NAME as shown in per-agent\naggregates. A call is theirs when its agent's label, display name or introduced name is\nNAME or one of `names`, else when its path matches one of `files`. Without an entry an\nagent is their name; a seller with only a generic label (\"Speaker 1\") is \"unnamed\".\nSee the example at the end of this file."),
    ("agents.*", "One person: the key is the name shown."),
    ("agents.*.names", "Speaker labels and names of this person (case-insensitive). Generic labels such as\n\"Speaker 1\" are refused: tie those calls to the person with `files`."),
    ("agents.*.files", "Globs on the path as shown and on each of its tails (case-insensitive, * crosses folders):\n\"brandon/**\", \"*_blee_*.vtt\"."),
    ("roles.agent", "A speaker label or display name, or /REGEX/ (may match several sellers). CLI: --agent."),
    ("silence", "Silences: gaps in the union of speech within the span (SPEC §5). Classes after\nJefferson and GailBot: micropause [0, 0.2), pause [0.2, 1.0), long [1.0, dead_air_s),\ndead air [dead_air_s, ∞)."),
    ("silence.min_s", "Gaps at least this long are listed as items (seconds)."),
    ("silence.dead_air_s", "Dead air from this length (seconds): the `dead-air` finding and the dead_air class."),
    ("silence.patient_s", "A silence at least this long right after an agent question, broken by the customer,\nis a `patient-silence` (seconds). Judgement call: 2 s."),
    ("overlap", "Interruptions (SPEC §5)."),
    ("overlap.min_s", "A segment interrupts when the other side's segment still has at least this long to\nrun (seconds)."),
    ("backchannel", "Backchannels (SPEC §4): short assent that does not break the other side's turn."),
    ("backchannel.max_words", "A backchannel has 1 to this many words, all on the language's backchannel list."),
    ("questions", "Question detection (SPEC §5, docs/questions.md): settings that use timing."),
    ("questions.answer_gap_s", "An agent statement about the customer (\"so you're with Eneco at the moment\") counts\nas a closed question when the customer's reply opens with yes/no/ja/nee within this many\nseconds of its end. Timed transcripts only; 0 switches it off. Judgement call: 1 s."),
    ("push", "Push readiness (SPEC §6.2, §6.3): when a push counts as premature."),
    ("push.min_answered_open_questions", "Fewer answered open questions before a push makes it premature."),
    ("push.min_customer_share", "A customer share of speech so far below this makes a push premature (0..1)."),
    ("push.answer_min_words", "An open question is answered by a customer turn of at least this many words."),
    ("findings", "Finding thresholds (SPEC §6.3)."),
    ("findings.repeated_pushes", "`repeated-pushes` from this many pushes in one call."),
    ("findings.talk_dominance_share", "`talk-dominance` above this agent share of speech (Gong: above 65% goes with lower\nwin rates)."),
    ("findings.long_monologue_s", "`long-monologue` above this many seconds of agent monologue."),
    ("findings.long_monologue_words", "`long-monologue` above this many words, for calls without times."),
    ("findings.short_story_s", "`short-customer-story` below this longest customer story (seconds; Gong: 50 s or\nless goes with below-average close rates)."),
    ("findings.min_discovery_call_s", "`short-customer-story` and `no-next-step` only for calls at least this long (seconds)."),
    ("findings.low_patience_s", "`low-patience` below this mean hand-off gap (seconds; face-to-face talk averages\nabout 0.2 s, caption tools vary: compare reps within one source)."),
    ("findings.low_patience_min_handoffs", "`low-patience` needs at least this many hand-offs."),
    ("findings.no_wait_words", "`no-wait-after-question` when the agent says this many more words after a question\nbefore the customer's next segment."),
    ("findings.not_a_conversation_words", "`not-a-conversation` when the customer says fewer words than this in all."),
    ("findings.few_questions_min_call_s", "`few-questions` only for calls at least this long (seconds)."),
    ("profiles", "Profiles (SPEC §6.5): bands, weights and which findings apply. A [profiles.NAME]\ntable changes only the keys it names (the rest keep the built-in values); a new\nname starts from discovery's values. The warmth score is 100 x the weighted mean of\nthe measured components; unmeasured ones are left out and the weights renormalised."),
    ("profiles.discovery", "discovery (default): a first real conversation about the customer's situation."),
    ("profiles.cold", "cold: cold calls buy time; 3 questions before the first push instead of the band."),
    ("profiles.support", "support: no push findings and no restraint component, no question band."),
    ("profiles.*", "A custom profile."),
    ("profiles.*.talk_share", "Agent share of speech [low, high] that earns full listening marks (Gong Labs, 25,537\ncalls: top reps talk about 43%)."),
    ("profiles.*.talk_share_falloff", "Listening falls linearly from 1 at the band edge to 0 this far outside it (share).\nJudgement call."),
    ("profiles.*.questions", "Agent questions (open + closed, tags excluded) per questions_per_minutes [low, high];\n[] for no band. Gong: 11-14 on discovery calls averaging 43 minutes. Scaled per call:\nlow = max(questions_low_floor, low x span/43 min), high = max(questions_high_floor,\nhigh x span/43 min)."),
    ("profiles.*.questions_per_minutes", "Minutes the question band refers to (Gong: 43)."),
    ("profiles.*.questions_low_floor", "Floor of the scaled low bound (questions); also the low bound of untimed calls."),
    ("profiles.*.questions_high_floor", "Floor of the scaled high bound (questions)."),
    ("profiles.*.questions_before_first_push", "Agent questions wanted before the first push; when above 0 the question part of\ncuriosity counts these instead of the band (cold: 3). 0 = not used."),
    ("profiles.*.push_findings", "Whether push findings are raised and the restraint component scored."),
    ("profiles.*.discovery_findings", "Whether `short-customer-story` and `no-next-step` apply."),
    ("profiles.*.weights", "Component weights (renormalised over the components that could be measured). The\nsplit is a judgement call that follows the essay's emphasis: restraint first."),
    ("profiles.*.weights.listening", "Talk share inside the band."),
    ("profiles.*.weights.curiosity", "Agent questions and follow-ups."),
    ("profiles.*.weights.patience", "Mean hand-off gap (timed calls only)."),
    ("profiles.*.weights.monologue", "Longest agent monologue."),
    ("profiles.*.weights.restraint", "Pushes with at least one push finding."),
    ("profiles.*.monologue_s", "Monologue component: 1 up to the first value, 0 from the second, linear between\n(seconds of longest agent monologue)."),
    ("profiles.*.monologue_words", "The same in words, for calls without times."),
    ("profiles.*.follow_up_share_full", "Follow-up share (follow-ups / agent questions) that earns the full follow-up part\n(0.3 of curiosity)."),
    ("profiles.*.patience_full_s", "Mean patience that earns full patience marks (seconds; Gong: top reps pause about\n1.5 s after an objection, average reps about 0.3 s)."),
    ("profiles.*.restraint_per_push", "Restraint lost per push with at least one push finding (premature-push,\ninfo-request-overridden, jumped-on-interest, visit-without-need, push-after-no).\nJudgement call: 0.5, two bad pushes take it all."),
    ("lexicon", "Lexicon changes per language code: [lexicon.CODE]. Lexicons are data: a language\nwarmcall does not ship needs only a lexicon file. See the example at the end."),
    ("lexicon.*", "Changes to one language's lexicon, applied in the order file, replace, add."),
    ("lexicon.*.file", "A lexicon file in the shape of the shipped ones; replaces the built-in lexicon or adds\nthe language. Relative to this file's folder."),
    ("lexicon.*.replace", "Lists replaced wholesale, by dotted list name: { \"backchannel.words\" = [..] }."),
    ("lexicon.*.add", "Phrases added to existing lists, by dotted list name: { \"pushes.steps.visit\" = [..] }."),
];

/// Generalises a dotted key for [`DOCS`]: profile and language names become
/// `*`, array indexes go, user list names under `add`/`replace` go.
pub(crate) fn doc_key(key: &str) -> String {
    let mut segs: Vec<String> = key
        .split('.')
        .map(|s| s.split('[').next().unwrap_or(s).to_string())
        .collect();
    if segs.first().map(String::as_str) == Some("lexicon") {
        if segs.len() >= 2 {
            segs[1] = "*".into();
        }
        segs.truncate(3);
    }
    if segs.first().map(String::as_str) == Some("tiers") && segs.len() >= 2 {
        segs[1] = "*".into();
        segs.truncate(2);
    }
    if segs.first().map(String::as_str) == Some("agents") && segs.len() >= 2 {
        // A person's name may hold dots ("B. Lee"): only the last segment
        // can be a field.
        let last = segs.last().cloned().unwrap_or_default();
        let field = (segs.len() >= 3 && matches!(last.as_str(), "names" | "files")).then_some(last);
        return ["agents", "*"]
            .into_iter()
            .map(str::to_string)
            .chain(field)
            .collect::<Vec<_>>()
            .join(".");
    }
    if segs.first().map(String::as_str) == Some("profiles")
        && segs.len() >= 2
        && !(segs.len() == 2 && Profile::builtin(&segs[1]).is_some())
    {
        segs[1] = "*".into();
    }
    segs.join(".")
}

/// The comment for a dotted key, if documented.
pub(crate) fn doc_for(key: &str) -> Option<&'static str> {
    let find = |k: &str| DOCS.iter().find(|(d, _)| *d == k).map(|(_, c)| *c);
    find(key).or_else(|| find(&doc_key(key)))
}

fn comment(out: &mut String, text: &str) {
    for l in text.lines() {
        out.push_str("# ");
        out.push_str(l);
        out.push('\n');
    }
}

/// Writes a serialised config with each key's comment above it; keys
/// without a documented comment get an `UNDOCUMENTED` marker (a test fails
/// on it). `commented_out` writes the keys themselves as comments.
fn annotate(out: &mut String, body: &str, commented_out: bool) {
    let entries = key_entries(body);
    let mut documented = std::collections::BTreeSet::new();
    let mut header_doc = String::new();
    for line in body.lines() {
        let offset = crate::text::range_in(body, line).start;
        let key = entries.iter().find(|(_, o)| *o == offset).map(|(k, _)| k.as_str());
        if let Some(key) = key {
            let is_header = line.trim_start().starts_with('[');
            let dk = doc_key(key);
            if is_header {
                out.push('\n');
                // The generic `profiles` comment once, before the first profile.
                if key.starts_with("profiles.") && documented.insert("profiles".to_string()) {
                    comment(out, doc_for("profiles").unwrap_or("UNDOCUMENTED"));
                    out.push('\n');
                }
                header_doc = dk.clone();
                if documented.insert(key.to_string()) {
                    comment(out, doc_for(key).unwrap_or("UNDOCUMENTED"));
                }
            } else if dk != header_doc {
                // Keys under `add`/`replace` are list names, documented by their table.
                comment(out, doc_for(key).unwrap_or("UNDOCUMENTED"));
            }
        }
        if commented_out && !line.is_empty() {
            out.push_str("# ");
        }
        if !line.is_empty() {
            out.push_str(line);
            out.push('\n');
        }
    }
}

/// The complete default configuration as TOML, with a comment on every key
/// saying what it does, its unit and where the default comes from. Parsing
/// it gives `Config::default()`. `warmcall config --print-default` prints it.
pub fn default_toml() -> String {
    let mut out = String::new();
    comment(
        &mut out,
        "warmcall configuration (SPEC §7). Every key is optional: a missing key keeps the\n\
         default written here. Unknown keys and bad values are errors naming key and line.\n\
         The command reads --config FILE, else warmcall.toml in the current folder, else\n\
         these defaults. Reference: docs/config.md; sources of the defaults: docs/scoring.md.",
    );
    out.push('\n');
    let body = toml::to_string(&Config::default()).expect("the default config serialises");
    annotate(&mut out, &body, false);
    out.push('\n');
    comment(&mut out, "Examples (remove the leading '# ' to use them):");
    let mut example = Config {
        lexicon: Default::default(),
        ..Config::default()
    };
    example.lexicon.insert("de".into(), example_lexicon_change());
    example.trackers.push(crate::config::TrackerConfig {
        name: "competitor".into(),
        phrases: vec!["Salesforce".into(), "HubSpot".into()],
    });
    example.agents.insert(
        "Brandon Lee".into(),
        crate::config::AgentConfig::new(vec!["Brandon".into()], vec!["brandon/**".into()]),
    );
    let mut ex = toml::Table::new();
    let full = toml::Value::try_from(&example).expect("example serialises");
    for key in ["trackers", "lexicon", "agents"] {
        if let Some(v) = full.get(key) {
            ex.insert(key.to_string(), v.clone());
        }
    }
    let body = toml::to_string(&ex).expect("example serialises");
    annotate(&mut out, &body, true);
    out
}

fn example_lexicon_change() -> crate::config::LexiconChange {
    let mut replace = toml::Table::new();
    replace.insert(
        "backchannel.words".into(),
        toml::Value::Array(["ja", "genau", "mhm"].iter().map(|s| toml::Value::from(*s)).collect()),
    );
    crate::config::LexiconChange {
        file: Some("lexicons/de.toml".into()),
        replace: Some(replace),
        add: [("stopwords.words".to_string(), vec!["halt".to_string()])].into(),
        file_text: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_entries_cover_headers_inline_tables_and_arrays() {
        let text =
            "a = 1\n[s]\nx = { y = 1, \"z.w\" = [1,\n 2] }\n[[t]]\nn = 'q'\n[[t]]\nn = \"\"\"m\nl\"\"\"\np = 3\nd.e = 4\n";
        let keys: Vec<String> = key_entries(text).into_iter().map(|(k, _)| k).collect();
        assert_eq!(
            keys,
            ["a", "s", "s.x", "s.x.y", "s.x.z.w", "t[0]", "t[0].n", "t[1]", "t[1].n", "t[1].p", "t[1].d", "t[1].d.e"]
        );
        let lines: Vec<(String, usize)> = key_entries(text)
            .into_iter()
            .map(|(k, o)| (k, line_of(text, o)))
            .collect();
        assert_eq!(line_of_key(&lines, "t[1].p"), 10);
        assert_eq!(line_of_key(&lines, "s.x.z.w"), 3);
        // A key not written falls back to its parent's first line.
        assert_eq!(line_of_key(&lines, "s.nothing"), 2);
        assert_eq!(line_of_key(&lines, "elsewhere"), 0);
    }

    #[test]
    fn broken_text_has_no_entries_but_names_the_key_of_its_line() {
        for text in [
            "[",
            "[[",
            "a = [",
            "a = {",
            "= = =",
            "\"",
            "a = \"\"\"",
            "[a.\"b",
            "x = { y = [ { z = 1 ",
        ] {
            assert!(key_entries(text).is_empty(), "{text:?}");
            let _ = key_at(text, text.len());
        }
        assert_eq!(key_at("x = 1\n[silence\nmin_s = 2\n", 8), "silence");
        assert_eq!(key_at("x = 1\ndead_air = [1,\n", 10), "dead_air");
        // Near miss: a line that is no key names nothing.
        assert_eq!(key_at("x = 1\n= = =\n", 7), "");
    }

    /// Every key of a config with every optional part filled must have a
    /// comment: a field added to `Config` without one fails here.
    #[test]
    fn every_config_key_is_documented() {
        let mut cfg = Config::default().agent("/x/").tracker("t", &["a"]);
        cfg.agents.insert(
            "Sam".into(),
            crate::config::AgentConfig::new(vec!["Sam J".into()], vec!["sam/**".into()]),
        );
        cfg.lexicon.insert("de".into(), example_lexicon_change());
        cfg.tiers.insert("spk1 (orth)".into(), "Sanne".into());
        let value = toml::Value::try_from(&cfg).unwrap();
        let mut keys = Vec::new();
        fn walk(prefix: &str, v: &toml::Value, out: &mut Vec<String>) {
            match v {
                toml::Value::Table(t) => {
                    for (k, v) in t {
                        let key = if prefix.is_empty() {
                            k.clone()
                        } else {
                            format!("{prefix}.{k}")
                        };
                        out.push(key.clone());
                        walk(&key, v, out);
                    }
                }
                toml::Value::Array(items) => {
                    for it in items.iter().filter(|i| i.is_table()) {
                        walk(prefix, it, out);
                    }
                }
                _ => {}
            }
        }
        walk("", &value, &mut keys);
        assert!(keys.iter().any(|k| k == "profiles.cold.weights.restraint"));
        assert!(keys.iter().any(|k| k == "trackers.phrases"));
        let missing: Vec<&String> = keys.iter().filter(|k| doc_for(k).is_none()).collect();
        assert!(missing.is_empty(), "undocumented config keys: {missing:?}");
    }

    /// docs/config.md is the reference: it must name every documented key.
    #[test]
    fn docs_config_md_names_every_key() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/config.md");
        let doc = std::fs::read_to_string(path).expect("docs/config.md");
        let missing: Vec<String> = DOCS
            .iter()
            .map(|(k, _)| k.replace('*', "NAME").replace("lexicon.NAME", "lexicon.LANG"))
            .filter(|k| !doc.contains(&format!("`{k}`")))
            .collect();
        assert!(missing.is_empty(), "docs/config.md does not name: {missing:?}");
    }

    #[test]
    fn late_errors_find_their_line() {
        let text = "[roles]\nagent = \"Sanne\"\n\n[lexicon.nl.add]\n\"pushes.forms\" = [\"((\"]\n";
        let cfg = parse_config(text).unwrap();
        let err = Error::Config {
            key: "lexicon.nl.pushes.forms".into(),
            line: 0,
            message: "bad regex".into(),
        };
        assert_eq!(locate(&cfg, err).line(), 5);
        let err = Error::Config {
            key: "lexicon.nl.questions.tags".into(),
            line: 0,
            message: "bad regex".into(),
        };
        assert_eq!(locate(&cfg, err).line(), 4, "falls back to the language's table");
    }

    #[test]
    fn doc_keys_generalise() {
        assert_eq!(
            doc_key("profiles.cold.weights.restraint"),
            "profiles.*.weights.restraint"
        );
        assert_eq!(doc_key("profiles.cold"), "profiles.cold");
        assert_eq!(doc_key("profiles.mine"), "profiles.*");
        assert_eq!(doc_key("lexicon.de.add.pushes.steps.visit"), "lexicon.*.add");
        assert_eq!(doc_key("trackers[3].phrases"), "trackers.phrases");
        assert_eq!(doc_key("agents.B. Lee.files[2]"), "agents.*.files");
        assert_eq!(doc_key("agents.Sam"), "agents.*");
    }
}
