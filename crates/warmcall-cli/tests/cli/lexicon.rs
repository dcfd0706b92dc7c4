//! User extensions of the rule lexicon: words added to a class, patterns
//! added to a list, a bad pattern's error, and `config --classes`.

use crate::util::{run, write};

/// Pushes and replies; the outcome tells whether the reply's rule hit.
const NAW: &str = "Sam: Could I come by on Tuesday at ten to show you the system?\nJo: Naw, mate.\n";
const TEA: &str = "Sam: Could I come by on Tuesday at ten to show you the system?\nJo: That is not my cup of tea.\n";

fn outcome(stdout: &str) -> String {
    let v: serde_json::Value = serde_json::from_str(stdout).expect("json");
    v["calls"][0]["outcome"]["kind"]
        .as_str()
        .unwrap_or_default()
        .to_string()
}

#[test]
fn a_word_added_to_a_class_and_a_pattern_added_to_a_list_take_effect() {
    let d = tempfile::tempdir().unwrap();
    write(&d.path().join("naw.txt"), NAW);
    write(&d.path().join("tea.txt"), TEA);
    let args = |f| ["analyze", "--agent", "Sam", "--lang", "en", "-f", "json", f];
    for f in ["naw.txt", "tea.txt"] {
        let r = run(d.path(), &args(f));
        assert_eq!(r.code, 0, "{r:?}");
        assert_eq!(outcome(&r.stdout), "unknown", "{f}: no rule knows the reply yet");
    }
    // "naw" joins the class of reply words that say no: a negative reply
    // to the visit; the new rejection pattern covers the second reply.
    write(
        &d.path().join("warmcall.toml"),
        "[lexicon.en.add]\n\"classes.reply_no\" = [\"naw\"]\n\"signals.rejection\" = [\"not my cup of tea\"]\n",
    );
    for f in ["naw.txt", "tea.txt"] {
        let r = run(d.path(), &args(f));
        assert_eq!(r.code, 0, "{r:?}");
        assert_eq!(outcome(&r.stdout), "no-sale", "{f}: {}", r.stdout);
    }
    let c = run(d.path(), &["config", "--classes", "en"]);
    assert_eq!(c.code, 0, "{c:?}");
    let line = c
        .stdout
        .lines()
        .find(|l| l.starts_with("reply_no = "))
        .expect("reply_no listed");
    assert!(line.contains("\"nope\"") && line.ends_with("\"naw\"]"), "{line}");
}

#[test]
fn a_bad_pattern_names_file_line_and_key() {
    let d = tempfile::tempdir().unwrap();
    write(
        &d.path().join("mine.toml"),
        "[roles]\nagent = \"Sam\"\n\n[lexicon.en.add]\n\"signals.interest\" = [\"count (me in\"]\n",
    );
    let r = run(d.path(), &["config", "--classes", "en", "--config", "mine.toml"]);
    assert_eq!(r.code, 2, "{r:?}");
    assert!(r.stderr.contains("mine.toml"), "{}", r.stderr);
    assert!(
        r.stderr.contains("lexicon.en.signals.interest (line 5)"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("unclosed '('"), "{}", r.stderr);
    // A class naming a class that does not exist.
    write(
        &d.path().join("mine.toml"),
        "[lexicon.nl.add]\n\"classes.weekday\" = [\"@weekend\"]\n",
    );
    let r = run(d.path(), &["analyze", "--config", "mine.toml", "-"]);
    assert_eq!(r.code, 2, "{r:?}");
    assert!(r.stderr.contains("lexicon.nl.classes.weekday (line 2)"), "{}", r.stderr);
    assert!(r.stderr.contains("no class @weekend"), "{}", r.stderr);
}

#[test]
fn config_classes_prints_a_lexicon_table_and_refuses_unknown_languages() {
    let d = tempfile::tempdir().unwrap();
    let r = run(d.path(), &["config", "--classes", "nl"]);
    assert_eq!(r.code, 0, "{r:?}");
    assert!(r.stdout.contains("\n[classes]\n"), "{}", r.stdout);
    assert!(r.stdout.contains("weekday = [\"maandag*\""), "{}", r.stdout);
    let r = run(d.path(), &["config", "--classes", "xx"]);
    assert_eq!(r.code, 2, "{r:?}");
    assert!(r.stderr.contains("no lexicon for \"xx\""), "{}", r.stderr);
}
