//! WebVTT conformance: the W3C web-platform-tests file-parsing suite and the
//! mozilla/vtt.js parser tests, run against the cue layer
//! (`warmcall::parse::vtt::parse_cues`, strict W3C time stamps).
//!
//! Both suites are read from `../shared/realdata`; the WPT `.test` format
//! (JavaScript assertions, `===`, an escaped WebVTT body) is decoded here.
//! Known disagreements are listed with their reason below and in
//! docs/formats.md; a listed case that starts passing fails the test too, so
//! the list cannot go stale.

#![allow(clippy::print_stdout)] // tests print their figures

mod common;

use std::path::{Path, PathBuf};

use warmcall::parse::vtt::{parse_cues, Cue};

/// vtt.js expectations that contradict the W3C algorithm (and WPT).
const VTTJS_DIVERGENCES: &[(&str, &str)] = &[
    (
        "cue-times/min-top-digits.vtt",
        "`000:00.000`: a three-digit first field means hours, so a third field is required; WPT timings-too-long \
         rejects the same time stamp",
    ),
    (
        "cue-times/minimum-spots-over-sixty.vtt",
        "`120:00.000`: a first field over 59 means hours, so a third field is required (vtt.js reads 120 hours)",
    ),
    (
        "file-layout/header-no-new-line.vtt",
        "a timing line right after `WEBVTT` ends the header and starts a cue (W3C 'collect a WebVTT block'; WPT \
         header-timings.html expects that cue); vtt.js drops it",
    ),
];

/// WPT `.test` files in ../shared whose assertions contradict the algorithm
/// they cite; the fixed upstream version is in testdata/vtt/wpt/.
const WPT_STALE: &[(&str, &str)] = &[(
    "newlines.test",
    "this copy (wpt 2a5828b) has no blank lines between its cues, so by the algorithm `lf` is cue text of the cue \
     before; upstream fixed the body in 414e670 (testdata/vtt/wpt/newlines.test), which must pass",
)];

#[derive(Debug, Clone, PartialEq)]
enum Val {
    Str(String),
    Num(f64),
}

#[derive(Debug, Default)]
struct Expect {
    length: Option<usize>,
    checks: Vec<(usize, String, Val)>,
}

/// Decodes the WPT body the way its build.py does (`unicode_escape`):
/// `\xHH`, `\uHHHH`, `\r`, `\n`, `\t`, `\f`, `\v`, `\0`, `\\`, and a
/// backslash before a line break joining the lines.
fn unescape_body(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('\n') | None => {}
            Some('r') => out.push('\r'),
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('f') => out.push('\x0C'),
            Some('v') => out.push('\x0B'),
            Some('0') => out.push('\0'),
            Some('\\') => out.push('\\'),
            Some(k @ ('x' | 'u')) => {
                let n = if k == 'x' { 2 } else { 4 };
                let hex: String = (0..n).filter_map(|_| chars.next()).collect();
                let code = u32::from_str_radix(&hex, 16).unwrap_or_else(|_| panic!("bad escape \\{k}{hex}"));
                out.push(char::from_u32(code).expect("valid code point"));
            }
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
        }
    }
    out
}

/// Splits call arguments at top-level commas.
fn split_args(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let (mut depth, mut quote) = (0i32, None::<char>);
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        match (quote, c) {
            (Some(_), '\\') => {
                cur.push(c);
                if let Some(n) = chars.next() {
                    cur.push(n);
                }
                continue;
            }
            (Some(q), _) if c == q => quote = None,
            (None, '\'' | '"') => quote = Some(c),
            (None, '(' | '[') => depth += 1,
            (None, ')' | ']') => depth -= 1,
            (None, ',') if depth == 0 => {
                out.push(cur.trim().to_string());
                cur.clear();
                continue;
            }
            _ => {}
        }
        cur.push(c);
    }
    if !cur.trim().is_empty() {
        out.push(cur.trim().to_string());
    }
    out
}

fn js_string(s: &str) -> Option<String> {
    let q = s.chars().next()?;
    if !(q == '\'' || q == '"') || !s.ends_with(q) || s.len() < 2 {
        return None;
    }
    Some(
        unescape_body(&s[1..s.len() - 1])
            .replace("\\'", "'")
            .replace("\\\"", "\""),
    )
}

/// Evaluates the few expression shapes the suite uses: literals,
/// `'text' + (index + 1)`, and the `startTime`/`endTime` of a pair.
fn eval(expr: &str, index: usize, pair: Option<(f64, f64)>) -> Val {
    let expr = expr.trim();
    let parts = split_plus(expr);
    if parts.len() > 1 {
        let s: String = parts
            .iter()
            .map(|p| match eval(p, index, pair) {
                Val::Str(s) => s,
                Val::Num(n) => format!("{n}"),
            })
            .collect();
        return Val::Str(s);
    }
    if let Some(s) = js_string(expr) {
        return Val::Str(s);
    }
    if let Ok(n) = expr.parse::<f64>() {
        return Val::Num(n);
    }
    match (expr, pair) {
        ("(index + 1)", _) => Val::Num((index + 1) as f64),
        ("startTime", Some((s, _))) => Val::Num(s),
        ("endTime", Some((_, e))) => Val::Num(e),
        _ => panic!("unsupported expression in WPT test: {expr}"),
    }
}

fn split_plus(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let (mut cur, mut depth, mut quote) = (String::new(), 0, None::<char>);
    for c in s.chars() {
        match (quote, c) {
            (Some(q), _) if c == q => quote = None,
            (None, '\'' | '"') => quote = Some(c),
            (None, '(') => depth += 1,
            (None, ')') => depth -= 1,
            (None, '+') if depth == 0 => {
                out.push(cur.trim().to_string());
                cur.clear();
                continue;
            }
            _ => {}
        }
        cur.push(c);
    }
    out.push(cur.trim().to_string());
    out
}

/// `assert_equals(TARGET, EXPR[, message]);` → (cue index or None for
/// length, field, value). `cue_var` is the loop variable name if any.
fn assertion(line: &str, index: usize, pair: Option<(f64, f64)>, exp: &mut Expect) {
    let inner = line
        .trim()
        .strip_prefix("assert_equals(")
        .and_then(|l| l.strip_suffix(");"))
        .unwrap_or_else(|| panic!("unsupported line in WPT test: {line}"));
    let args = split_args(inner);
    let value = eval(&args[1], index, pair);
    let target = args[0].as_str();
    if target == "cues.length" {
        let Val::Num(n) = value else {
            panic!("length must be a number: {line}")
        };
        exp.length = Some(n as usize);
        return;
    }
    let (i, field) = if let Some(f) = target.strip_prefix("cue.") {
        (index, f)
    } else if let Some(rest) = target.strip_prefix("cues[") {
        let (idx, f) = rest
            .split_once("].")
            .unwrap_or_else(|| panic!("unsupported target: {target}"));
        let i = if idx == "index" {
            index
        } else {
            idx.parse().expect("cue index")
        };
        (i, f)
    } else {
        panic!("unsupported target: {target}")
    };
    exp.checks.push((i, field.to_string(), value));
}

/// Interprets the assertion part of a `.test` file.
fn interpret(js: &str) -> Expect {
    let mut exp = Expect::default();
    let lines: Vec<&str> = js.lines().collect();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i].trim();
        i += 1;
        if line.is_empty() {
            continue;
        }
        if line == "[" {
            let mut pairs = Vec::new();
            while !lines[i].trim().starts_with("].forEach(") {
                let p = lines[i].trim().trim_end_matches(',').trim_matches(['[', ']']);
                let nums: Vec<f64> = p.split(',').map(|n| n.trim().parse().expect("pair number")).collect();
                pairs.push((nums[0], nums[1]));
                i += 1;
            }
            i += 1;
            let body_start = i;
            while lines[i].trim() != "});" {
                i += 1;
            }
            let body = &lines[body_start..i];
            i += 1;
            for (index, &pair) in pairs.iter().enumerate() {
                for l in body.iter().map(|l| l.trim()).filter(|l| !l.is_empty()) {
                    if l.starts_with("var startTime = pair[0]") || l.starts_with("var endTime = pair[1]") {
                        continue;
                    }
                    assertion(l, index, Some(pair), &mut exp);
                }
            }
        } else if line.starts_with("Array.from(cues).forEach(function(cue, index) {") {
            let body_start = i;
            while lines[i].trim() != "});" {
                i += 1;
            }
            let body = &lines[body_start..i];
            i += 1;
            let n = exp.length.expect("cues.length asserted before the loop");
            for index in 0..n {
                for l in body.iter().map(|l| l.trim()).filter(|l| !l.is_empty()) {
                    assertion(l, index, None, &mut exp);
                }
            }
        } else {
            assertion(line, 0, None, &mut exp);
        }
    }
    assert!(exp.length.is_some() || !exp.checks.is_empty(), "no assertions found");
    exp
}

fn check(cues: &[Cue], exp: &Expect) -> Result<(), String> {
    if let Some(n) = exp.length {
        if cues.len() != n {
            return Err(format!("cues.length {} != {n}", cues.len()));
        }
    }
    for (i, field, want) in &exp.checks {
        let cue = cues.get(*i).ok_or_else(|| format!("no cue {i}"))?;
        let got = match field.as_str() {
            "id" => Val::Str(cue.id.clone()),
            "text" => Val::Str(cue.text.clone()),
            "startTime" => Val::Num(cue.start_s),
            "endTime" => Val::Num(cue.end_s),
            f => panic!("unsupported field {f}"),
        };
        let same = match (&got, want) {
            (Val::Num(a), Val::Num(b)) => (a - b).abs() < 1e-9,
            (a, b) => a == b,
        };
        if !same {
            return Err(format!("cues[{i}].{field}: got {got:?}, want {want:?}"));
        }
    }
    Ok(())
}

fn run_wpt(path: &Path) -> Result<(), String> {
    let src = std::fs::read_to_string(path).expect("read .test");
    let (_, body) = src.split_once("\n\n").expect("header and body");
    let (js, vtt) = body.split_once("===\n").expect("=== separator");
    let exp = interpret(js);
    let cues = parse_cues(&unescape_body(vtt)).unwrap_or_default();
    check(&cues, &exp)
}

fn test_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "test"))
        .collect();
    files.sort();
    files
}

#[test]
fn wpt_file_parsing() {
    if common::shared_or_skip().is_none() {
        return;
    }
    let shared = common::shared_dir().join("realdata/wpt-webvtt-file-parsing/support");
    let ours = common::testdata().join("vtt/wpt");
    let mut files = test_files(&shared);
    assert!(files.len() >= 8, "expected the WPT .test files in {}", shared.display());
    files.extend(test_files(&ours));
    let (mut pass, mut problems) = (0, Vec::new());
    for f in &files {
        let name = f.file_name().unwrap().to_string_lossy().to_string();
        let stale = f.starts_with(&shared) && WPT_STALE.iter().any(|(n, _)| *n == name);
        match (run_wpt(f), stale) {
            (Ok(()), false) => pass += 1,
            (Err(e), true) => println!("known stale  {name}: {e}"),
            (Ok(()), true) => problems.push(format!("{name} passes now: remove it from WPT_STALE")),
            (Err(e), false) => problems.push(format!("{}: {e}", f.display())),
        }
    }
    let counted = files.len() - WPT_STALE.len();
    println!(
        "WPT file-parsing: {pass}/{counted} pass ({} stale copies listed)",
        WPT_STALE.len()
    );
    assert!(problems.is_empty(), "WPT failures:\n{}", problems.join("\n"));
}

#[test]
fn vttjs_parser_tests() {
    if common::shared_or_skip().is_none() {
        return;
    }
    let dir = common::shared_dir().join("realdata/vttjs-tests");
    let mapping = std::fs::read_to_string(dir.join("MAPPING.tsv")).expect("MAPPING.tsv");
    let mut by_kind: std::collections::BTreeMap<String, (usize, usize)> = Default::default();
    let (mut pass, mut total, mut problems, mut failing) = (0, 0, Vec::new(), Vec::new());
    for row in mapping.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let cols: Vec<&str> = row.split('\t').collect();
        let (input, expected) = (cols[1], cols[2]);
        let bytes = std::fs::read(dir.join(input)).expect("input");
        let json: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(dir.join(expected)).expect("expected")).expect("json");
        let want = json["cues"].as_array().expect("cues");
        let cues = parse_cues(&String::from_utf8_lossy(&bytes)).unwrap_or_default();
        let result = if cues.len() != want.len() {
            Err(format!("{} cues, want {}", cues.len(), want.len()))
        } else {
            cues.iter()
                .zip(want)
                .enumerate()
                .find_map(|(i, (c, w))| {
                    let ok = c.id == w["id"].as_str().unwrap_or("")
                        && c.text == w["text"].as_str().unwrap_or("")
                        && (c.start_s - w["startTime"].as_f64().unwrap_or(f64::NAN)).abs() < 1e-9
                        && (c.end_s - w["endTime"].as_f64().unwrap_or(f64::NAN)).abs() < 1e-9;
                    (!ok).then(|| {
                        format!(
                            "cue {i}: got {:?} {} {} {:?}, want {w}",
                            c.id, c.start_s, c.end_s, c.text
                        )
                    })
                })
                .map_or(Ok(()), Err)
        };
        let kind = match input.split('/').collect::<Vec<_>>().as_slice() {
            ["cuetext", sub, _] => format!("cuetext/{sub}"),
            [top, ..] => top.to_string(),
            _ => "?".into(),
        };
        let entry = by_kind.entry(kind).or_default();
        entry.1 += 1;
        total += 1;
        let known = VTTJS_DIVERGENCES.iter().find(|(n, _)| *n == input);
        match (result, known) {
            (Ok(()), None) => {
                pass += 1;
                entry.0 += 1;
            }
            (Ok(()), Some(_)) => problems.push(format!("{input} passes now: remove it from VTTJS_DIVERGENCES")),
            (Err(e), Some((_, why))) => failing.push(format!("{input}: {e}\n    known divergence: {why}")),
            (Err(e), None) => problems.push(format!("{input}: {e}")),
        }
    }
    for (kind, (p, t)) in &by_kind {
        println!("vtt.js {kind:<28} {p}/{t}");
    }
    println!(
        "vtt.js overall: {pass}/{total} pass ({:.1}%); failing:",
        100.0 * pass as f64 / total as f64
    );
    for f in &failing {
        println!("  {f}");
    }
    assert!(total >= 50, "MAPPING.tsv should list about 57 cases, found {total}");
    assert!(
        problems.is_empty(),
        "vtt.js failures not explained:\n{}",
        problems.join("\n")
    );
}
