//! The config file (SPEC §7): the commented default parses back to the
//! default, partial overrides keep the rest, and every bad file names the
//! dotted key and the line (fixtures in testdata/config/errors/, each with
//! its expected key and line in its first two lines).
#![allow(clippy::print_stdout)] // tests print their figures

mod common;

use common::load_config;
use warmcall::config_file::{default_toml, parse_config};
use warmcall::{Analyzer, Config, Error};

fn config_error(e: Error) -> (String, usize, String) {
    match e {
        Error::Config { key, line, message } => (key, line, message),
        other => panic!("expected a config error, got {other:?}"),
    }
}

#[test]
fn default_toml_round_trips_to_the_default() {
    let text = default_toml();
    let parsed = parse_config(&text).unwrap_or_else(|e| panic!("default_toml does not parse: {e}"));
    assert_eq!(parsed, Config::default());
    assert!(!text.contains("UNDOCUMENTED"), "a key without a comment:\n{text}");
}

#[test]
fn default_toml_comments_every_key() {
    let text = default_toml();
    let mut previous = "";
    for line in text.lines() {
        let t = line.trim();
        let is_key = !t.is_empty() && !t.starts_with('#') && !t.starts_with('[');
        if is_key {
            assert!(
                previous.trim_start().starts_with('#'),
                "key line {line:?} has no comment above it"
            );
        }
        previous = line;
    }
}

#[test]
fn default_toml_examples_parse_when_uncommented() {
    let text = default_toml();
    let examples = text.split("# Examples").nth(1).expect("an examples block");
    let uncommented: String = examples
        .lines()
        .skip(1)
        .filter_map(|l| l.strip_prefix("# "))
        // Example lines are TOML of their own; the comments above them are prose.
        .filter(|l| l.starts_with('[') || l.parse::<toml::Table>().is_ok_and(|t| !t.is_empty()))
        .map(|l| format!("{l}\n"))
        .collect();
    let cfg = parse_config(&uncommented).unwrap_or_else(|e| panic!("{e}\n{uncommented}"));
    assert_eq!(cfg.trackers.len(), 1);
    assert!(cfg.lexicon.contains_key("de"));
}

#[test]
fn a_non_default_config_round_trips_through_toml() {
    let path = common::testdata().join("config/full.toml");
    let cfg = parse_config(&std::fs::read_to_string(path).unwrap()).unwrap();
    let text = toml::to_string(&cfg).unwrap();
    let back = parse_config(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    assert_eq!(back, cfg);
}

#[test]
fn full_config_values_arrive() {
    let path = common::testdata().join("config/full.toml");
    let cfg = load_config(&path).unwrap();
    assert_eq!(cfg.profile, "outbound");
    assert_eq!(cfg.language, "nl");
    assert_eq!(cfg.ui_lang, "nl");
    assert_eq!(cfg.roles.agent.as_deref(), Some("/^(Sanne|Kevin)\\b/"));
    assert_eq!(cfg.silence.dead_air_s, 6.0);
    assert_eq!(cfg.silence.min_s, 1.0, "untouched keys keep their default");

    let builtins = warmcall::config::Profile::builtins();
    let discovery = &cfg.profiles["discovery"];
    assert_eq!(discovery.talk_share, [0.30, 0.45]);
    let mut reverted = discovery.clone();
    reverted.talk_share = builtins["discovery"].talk_share;
    assert_eq!(
        reverted, builtins["discovery"],
        "a partial override of discovery keeps every other default"
    );
    let cold = &cfg.profiles["cold"];
    assert_eq!(cold.weights.restraint, 0.40);
    assert_eq!(cold.weights.listening, 0.25);
    assert_eq!(
        cold.talk_share,
        [0.40, 0.60],
        "cold keeps its own band, not discovery's"
    );
    assert_eq!(cold.questions_before_first_push, Some(3));
    assert_eq!(
        cfg.profiles["support"], builtins["support"],
        "built-ins are always there"
    );

    let outbound = &cfg.profiles["outbound"];
    assert_eq!(outbound.talk_share, [0.40, 0.55]);
    assert_eq!(outbound.questions, Some([8.0, 12.0]));
    assert_eq!(outbound.questions_before_first_push, Some(4));
    assert_eq!(outbound.weights.listening, 0.2);
    assert_eq!(outbound.weights.curiosity, 0.20, "new profiles start from discovery");
    assert_eq!(outbound.monologue_s, [60.0, 180.0]);
    assert_eq!(cfg.profiles["helpdesk"].questions, None, "[] means no band");

    assert_eq!(cfg.lexicon["nl"].add["backchannel.words"], ["tuurlijk", "helder"]);
    assert!(cfg.lexicon["en"].replace.is_some());
    assert_eq!(cfg.trackers.len(), 2);
    assert_eq!(cfg.trackers[1].name, "prijs");
    assert_eq!(cfg.trackers[1].phrases, ["prijs", "kosten", "per maand"]);

    let analyzer = Analyzer::new(cfg).expect("a valid config builds an analyzer");
    assert_eq!(analyzer.config().profile, "outbound");
}

#[test]
fn every_error_fixture_names_its_key_and_line() {
    let dir = common::testdata().join("config/errors");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    assert!(files.len() >= 15, "fixtures missing in {}", dir.display());
    let mut misses = Vec::new();
    for path in &files {
        let text = std::fs::read_to_string(path).unwrap();
        let want_key = text.lines().next().unwrap().strip_prefix("# expect-key: ").unwrap();
        let want_line: usize = text
            .lines()
            .nth(1)
            .unwrap()
            .strip_prefix("# expect-line: ")
            .unwrap()
            .parse()
            .unwrap();
        let name = path.file_name().unwrap().to_string_lossy();
        match parse_config(&text) {
            Ok(_) => misses.push(format!("{name}: parsed without error")),
            Err(e) => {
                let shown = e.to_string();
                let (key, line, message) = config_error(e);
                println!("{name}: {shown}");
                if key != want_key || line != want_line {
                    misses.push(format!(
                        "{name}: got key {key:?} line {line} ({message}), want {want_key:?} line {want_line}"
                    ));
                }
                assert!(shown.contains(&format!("line {line}")), "{shown}");
            }
        }
    }
    assert!(misses.is_empty(), "{}", misses.join("\n"));
}

#[test]
fn lexicon_errors_at_analyzer_new_name_key_and_line() {
    let text = "[lexicon.en.add]\n\"backchanel.words\" = [\"cheers\"]\n";
    let cfg = parse_config(text).unwrap();
    let (key, line, message) = config_error(Analyzer::new(cfg).unwrap_err());
    assert_eq!(key, "lexicon.en.add.backchanel.words", "{message}");
    assert_eq!(line, 2);
    assert!(
        message.contains("backchannel.words"),
        "lists the known lists: {message}"
    );

    let text = "# no such language without a file\n[lexicon.xx]\nadd = { \"backchannel.words\" = [\"ok\"] }\n";
    let (key, line, _) = config_error(Analyzer::new(parse_config(text).unwrap()).unwrap_err());
    assert_eq!((key.as_str(), line), ("lexicon.xx", 2));

    let dir = tempdir();
    let path = dir.join("warmcall.toml");
    std::fs::write(&path, "\n[lexicon.de]\nfile = \"missing.toml\"\n").unwrap();
    // The reader (here the CLI's, from the config's folder) fails at the
    // `file` key; it names the path it tried.
    let (key, line, message) = config_error(load_config(&path).unwrap_err());
    assert!(message.contains("missing.toml"), "{message}");
    assert_eq!((key.as_str(), line), ("lexicon.de.file", 3), "{message}");
    // Parsed text whose lexicon file nobody read: the analyzer says so
    // instead of reading it itself.
    let unread = parse_config("\n[lexicon.de]\nfile = \"de.toml\"\n").unwrap();
    let (key, line, message) = config_error(Analyzer::new(unread).unwrap_err());
    assert_eq!((key.as_str(), line), ("lexicon.de.file", 3), "{message}");
    assert!(message.contains("read_lexicon_files"), "{message}");
}

/// A bad pattern inside a lexicon list is only found when the push rules
/// compile it (`Analyzer::new`); the error still names the list and the
/// config line that changed it. Needs the push stage (other branch).
#[test]
fn bad_regex_in_a_lexicon_list_names_key_and_line() {
    let text = "# team additions\n[lexicon.en.add]\n\"pushes.forms\" = [\"shall we (meet\"]\n";
    let (key, line, message) = config_error(Analyzer::new(parse_config(text).unwrap()).unwrap_err());
    println!("{key} (line {line}): {message}");
    assert!(key.ends_with("pushes.forms"), "{key}");
    assert_eq!(line, 3);
    assert!(
        message.to_lowercase().contains("regex") || message.contains("pattern"),
        "{message}"
    );
}

#[test]
fn replace_and_add_change_lists() {
    // `replace` swaps one list and keeps the others; a language is then
    // still detected from its untouched function words.
    let text = "[lexicon.en.replace]\n\"backchannel.words\" = [\"cheers\"]\n[lexicon.nl.add]\n\"backchannel.words\" = [\"tuurlijk\"]\n";
    let analyzer = Analyzer::new(parse_config(text).unwrap()).unwrap();
    let t = warmcall::Transcript::builder()
        .segment(
            "A",
            0.0,
            3.0,
            "Hello, this is Sam from Acme, is it a good time to talk about your planning?",
        )
        .segment("B", 3.5, 6.0, "Yes, what is it about and how long will it take?")
        .build();
    assert_eq!(analyzer.analyze(&t).source.language, "en");
}

#[test]
fn programmatic_configs_are_validated_too() {
    let mut cfg = Config::default();
    cfg.silence.min_s = f64::NAN;
    let (key, line, _) = config_error(Analyzer::new(cfg).unwrap_err());
    assert_eq!((key.as_str(), line), ("silence.min_s", 0));
}

fn tempdir() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("warmcall-config-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn unreadable_files_and_early_syntax_errors_still_say_where() {
    let err = load_config("/nonexistent/warmcall.toml").unwrap_err();
    assert!(err.to_string().contains("/nonexistent/warmcall.toml"), "{err}");
    let (key, line, _) = config_error(parse_config("# comment\n= 1\n").unwrap_err());
    assert_eq!((key.as_str(), line), ("(toml)", 2));
}
