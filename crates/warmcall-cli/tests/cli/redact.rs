//! `--redact`: no planted personal data in any output (every `analyze`
//! format, the HTML report, `explain`, and stderr), and every figure equal
//! to the run without it.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::util::run;

fn testdata(sub: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../testdata")
        .join(sub)
}

/// The planted items of testdata/redact/planted.expected.
fn planted() -> Vec<String> {
    std::fs::read_to_string(testdata("redact/planted.expected"))
        .unwrap()
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect()
}

/// The customers' names in the sample calls, as the transcripts spell them
/// (labels, introductions, greetings).
const SAMPLE_CUSTOMERS: &[&str] = &[
    "Laura",
    "Mendez",
    "Helen",
    "Okafor",
    "Mike",
    "Tricia",
    "Alvarez",
    "James",
    "Whitfield",
    "Ingrid",
    "Boer",
    "Marloes",
    "Bakker",
    "Tom",
    "Peter",
    "Smit",
    "Joyce",
];

/// Copies the files of `src` into `dir/calls` so both runs see the same paths.
fn calls(dir: &Path, src: &Path) -> Vec<String> {
    let to = dir.join("calls");
    std::fs::create_dir_all(&to).unwrap();
    let mut files = Vec::new();
    for e in std::fs::read_dir(src).unwrap() {
        let p = e.unwrap().path();
        let name = p.file_name().unwrap().to_str().unwrap().to_string();
        if name.ends_with(".md") || name == "planted.expected" {
            continue;
        }
        std::fs::copy(&p, to.join(&name)).unwrap();
        files.push(format!("calls/{name}"));
    }
    files.sort();
    files
}

/// Every output of one configuration, by name: stdout of each analyze
/// format, the HTML file, each explain, and all stderr.
fn outputs(dir: &Path, files: &[String], extra: &[&str]) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut stderr = String::new();
    for f in ["table", "json", "jsonl", "csv"] {
        let mut a = vec!["analyze", "calls", "-f", f];
        a.extend_from_slice(extra);
        let r = run(dir, &a);
        assert_eq!(r.code, 0, "{a:?}: {}", r.stderr);
        out.push((f.to_string(), r.stdout));
        stderr.push_str(&r.stderr);
    }
    let html = dir.join("report.html");
    let mut a = vec!["report", "calls", "-o", "report.html"];
    a.extend_from_slice(extra);
    let r = run(dir, &a);
    assert_eq!(r.code, 0, "{a:?}: {}", r.stderr);
    out.push(("html".into(), std::fs::read_to_string(&html).unwrap()));
    stderr.push_str(&r.stderr);
    for file in files {
        let mut a = vec!["explain", file.as_str(), "--color", "never"];
        a.extend_from_slice(extra);
        let r = run(dir, &a);
        assert_eq!(r.code, 0, "{a:?}: {}", r.stderr);
        out.push((format!("explain {file}"), r.stdout));
        stderr.push_str(&r.stderr);
    }
    out.push(("stderr".into(), stderr));
    out
}

fn contains_word(hay: &str, needle: &str) -> bool {
    hay.match_indices(needle).any(|(i, _)| {
        let before = hay[..i].chars().next_back();
        let after = hay[i + needle.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// The same value with every string blanked: what is left are the figures.
fn figures(v: &Value) -> Value {
    match v {
        Value::String(_) => Value::Null,
        Value::Array(a) => a.iter().map(figures).collect(),
        Value::Object(o) => o.iter().map(|(k, v)| (k.clone(), figures(v))).collect(),
        other => other.clone(),
    }
}

/// Tokens of a table line that are figures (`27%`, `9m28s`, `87.2`).
fn numeric_tokens(line: &str) -> Vec<&str> {
    line.split_whitespace()
        .filter(|t| t.chars().any(|c| c.is_ascii_digit()))
        .filter(|t| t.chars().all(|c| c.is_ascii_digit() || ".,%:hms-()#[]".contains(c)))
        .collect()
}

/// The numbers of an HTML file, in order.
fn html_numbers(html: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in html.char_indices().chain([(html.len(), ' ')]) {
        let part = c.is_ascii_digit() || (start.is_some() && c == '.');
        match (part, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(html[s..i].trim_end_matches('.'));
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// The redacted HTML holds the plain one's numbers in the same order, less
/// only the digits of planted items and of the customers' labels
/// (`Speaker 1` is now `customer`), and `&#39;`, the escaped apostrophe of
/// a masked name: every figure, bar and time is the same.
fn html_same_figures(plain: &str, red: &str, planted: &[String], labels: &[String]) {
    let (p, r) = (html_numbers(plain), html_numbers(red));
    let planted_digits = |n: &str| n == "39" || planted.iter().chain(labels).any(|x| x.contains(n));
    let mut j = 0;
    for n in &r {
        while j < p.len() && p[j] != *n {
            assert!(
                planted_digits(p[j]),
                "html figure {} missing or changed (before {n})",
                p[j]
            );
            j += 1;
        }
        assert!(j < p.len(), "html figure {n} not in the plain report");
        j += 1;
    }
    assert!(
        p[j..].iter().all(|n| planted_digits(n)),
        "html figures missing at the end"
    );
}

/// Every figure in `red` equals the one in `plain`, per output.
fn same_figures(plain: &[(String, String)], red: &[(String, String)], agent_changes: bool, planted: &[String]) {
    for ((name, p), (_, r)) in plain.iter().zip(red) {
        match name.as_str() {
            // With agents redacted the per-agent rows merge on purpose.
            "html" if !agent_changes => {
                let json = &plain.iter().find(|(n, _)| n == "json").unwrap().1;
                let v: Value = serde_json::from_str(json).unwrap();
                let labels: Vec<String> = v["calls"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .flat_map(|c| c["speakers"].as_array().cloned().unwrap_or_default())
                    .filter(|s| s["role"] == "customer")
                    .map(|s| s["label"].as_str().unwrap().to_string())
                    .collect();
                assert!(!labels.is_empty(), "no customer labels in {json}");
                html_same_figures(p, r, planted, &labels)
            }
            "json" => assert_eq!(
                figures(&serde_json::from_str(p).unwrap()),
                figures(&serde_json::from_str(r).unwrap()),
                "json figures"
            ),
            "jsonl" => {
                assert_eq!(p.lines().count(), r.lines().count());
                for (a, b) in p.lines().zip(r.lines()) {
                    assert_eq!(
                        figures(&serde_json::from_str(a).unwrap()),
                        figures(&serde_json::from_str(b).unwrap()),
                        "jsonl line {a}"
                    );
                }
            }
            "csv" => {
                let header: Vec<&str> = p.lines().next().unwrap().split(',').collect();
                assert_eq!(p.lines().count(), r.lines().count());
                for (a, b) in p.lines().zip(r.lines()) {
                    let (a, b): (Vec<&str>, Vec<&str>) = (a.split(',').collect(), b.split(',').collect());
                    assert_eq!(a.len(), b.len(), "csv columns");
                    for (i, (x, y)) in a.iter().zip(&b).enumerate() {
                        if x != y {
                            assert!(
                                agent_changes && matches!(header[i], "agent" | "agent_name" | "agent_person"),
                                "csv {} changed: {x} -> {y}",
                                header[i]
                            );
                        }
                    }
                }
            }
            "table" => {
                assert_eq!(p.lines().count(), r.lines().count(), "table lines");
                for (a, b) in p.lines().zip(r.lines()) {
                    assert_eq!(numeric_tokens(a), numeric_tokens(b), "table line {a}");
                }
            }
            n if n.starts_with("explain") => {
                assert_eq!(p.lines().count(), r.lines().count(), "{n} lines");
                for (a, b) in p.lines().zip(r.lines()) {
                    let marks = |l: &str| -> String {
                        if l.starts_with('#') {
                            // "#3    [00:19] AGENT": index, time, role.
                            l.split_whitespace().take(3).collect::<Vec<_>>().join(" ")
                        } else if l.starts_with("format ") || l.starts_with("warning") || l.starts_with("calls/") {
                            String::new()
                        } else if l.trim_start().starts_with(['?', '>', '!']) {
                            l.split(':').next().unwrap().to_string()
                        } else {
                            l.to_string()
                        }
                    };
                    assert_eq!(marks(a), marks(b), "{n}: {a}");
                }
            }
            _ => {}
        }
    }
}

#[test]
fn planted_personal_data_never_reaches_any_output() {
    let d = tempfile::tempdir().unwrap();
    let files = calls(d.path(), &testdata("redact"));
    let plain = outputs(d.path(), &files, &[]);
    let red = outputs(d.path(), &files, &["--redact"]);
    let planted = planted();
    let all_plain: String = plain.iter().map(|(_, s)| s.as_str()).collect();
    for item in &planted {
        // The test can fail: every item is there without --redact.
        assert!(all_plain.contains(item.as_str()), "{item} not in the unredacted output");
        for (name, text) in &red {
            assert!(
                !text.contains(item.as_str()),
                "{item:?} in the redacted {name}:\n{text}"
            );
        }
    }
    // Near misses survive: times, amounts, years, the seller's name.
    let explain = &red.iter().find(|(n, _)| n.ends_with("pii_nl.vtt")).unwrap().1;
    for kept in ["10:30", "€ 1.250,00", "2024", "Kevin", "ZonVast", "Amsterdam"] {
        assert!(explain.contains(kept), "{kept} masked:\n{explain}");
    }
    for masks in [
        "[phone]",
        "[email]",
        "[iban]",
        "[card]",
        "[postcode]",
        "[address]",
        "[name]",
        "customer",
    ] {
        assert!(explain.contains(masks), "{masks} missing:\n{explain}");
    }
    same_figures(&plain, &red, false, &planted);
}

#[test]
fn sample_calls_keep_their_figures_and_lose_the_customers_names() {
    let d = tempfile::tempdir().unwrap();
    let files = calls(d.path(), &testdata("samples"));
    let plain = outputs(d.path(), &files, &[]);
    let red = outputs(d.path(), &files, &["--redact"]);
    for name in SAMPLE_CUSTOMERS {
        assert!(
            plain.iter().any(|(_, t)| contains_word(t, name)),
            "{name} not in the samples"
        );
        for (out, text) in &red {
            assert!(!contains_word(text, name), "{name} in the redacted {out}");
        }
    }
    same_figures(&plain, &red, false, &[]);
}

#[test]
fn redact_agents_replaces_the_sellers_labels_too() {
    let d = tempfile::tempdir().unwrap();
    let files = calls(d.path(), &testdata("redact"));
    let plain = outputs(d.path(), &files, &[]);
    let red = outputs(d.path(), &files, &["--redact-agents"]);
    for (name, text) in &red {
        for who in ["Kevin", "Dan", "Marloes", "Karen"] {
            assert!(!contains_word(text, who), "{who} in the {name} output");
        }
    }
    let csv = &red.iter().find(|(n, _)| n == "csv").unwrap().1;
    assert!(csv.lines().skip(1).all(|l| l.contains(",agent,")), "{csv}");
    same_figures(&plain, &red, true, &planted());
}

#[test]
fn the_config_key_redacts_like_the_flag() {
    let d = tempfile::tempdir().unwrap();
    calls(d.path(), &testdata("redact"));
    let flag = run(d.path(), &["analyze", "calls", "-f", "json", "--redact"]);
    std::fs::write(d.path().join("warmcall.toml"), "redact = true\n").unwrap();
    let key = run(d.path(), &["analyze", "calls", "-f", "json"]);
    assert_eq!(key.code, 0, "{}", key.stderr);
    assert_eq!(flag.stdout, key.stdout);
    assert!(!key.stdout.contains("06-12345678"));
}

#[test]
fn parse_errors_are_masked_too() {
    let d = tempfile::tempdir().unwrap();
    // An SRT whose timing line is a phone number: the error quotes it.
    crate::util::write(&d.path().join("calls/bad.srt"), "1\n06-12345678 bel me\nhallo\n");
    let plain = run(d.path(), &["analyze", "calls", "-f", "jsonl"]);
    assert!(plain.stderr.contains("06-12345678"), "{}", plain.stderr);
    let red = run(d.path(), &["analyze", "calls", "-f", "jsonl", "--redact"]);
    assert_eq!(red.code, 1);
    for text in [&red.stdout, &red.stderr] {
        assert!(!text.contains("06-12345678") && text.contains("[phone]"), "{text}");
    }
}

#[test]
fn convert_writes_a_redacted_transcript() {
    let d = tempfile::tempdir().unwrap();
    let files = calls(d.path(), &testdata("redact"));
    let planted = planted();
    for file in &files {
        for f in ["canonical-json", "vtt", "srt", "txt"] {
            let plain = run(d.path(), &["convert", file, "-f", f]);
            let red = run(d.path(), &["convert", file, "-f", f, "--redact"]);
            assert_eq!(red.code, 0, "{}", red.stderr);
            assert!(planted.iter().any(|p| plain.stdout.contains(p.as_str())));
            for p in &planted {
                assert!(
                    !red.stdout.contains(p.as_str()),
                    "{p} in convert {file} -f {f}:\n{}",
                    red.stdout
                );
            }
            // Same cues, same times: only the text and the labels differ.
            assert_eq!(plain.stdout.lines().count(), red.stdout.lines().count());
            assert!(red.stdout.contains("customer"));
        }
    }
    // --agent only makes sense with a redact flag.
    assert_eq!(
        run(d.path(), &["convert", &files[0], "-f", "txt", "--agent", "Dan"]).code,
        2
    );
}
