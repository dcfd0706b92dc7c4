//! People, not labels, and call dates (issue 21): per-agent rows group by
//! person, generic labels are one "(unnamed)" row and never one seller,
//! `[agents]` maps labels, names and files to a person, and every output
//! carries the call's date with its source.

use std::path::Path;
use std::time::{Duration, SystemTime};

use crate::util::{records, run, write, Record};

/// A short call as `Name: text` lines; the agent opens with `opening`.
fn txt_call(agent: &str, customer: &str, opening: &str) -> String {
    format!(
        "{agent}: {opening}\n{customer}: Oh, right. What is this about?\n\
         {agent}: How do you plan your week at the moment?\n\
         {customer}: We use spreadsheets, and honestly it is a mess with twelve people on the road.\n\
         {agent}: What happens when someone is ill?\n\
         {customer}: Then I spend the whole morning calling people to swap shifts around.\n"
    )
}

/// The same call as SRT (`Name: text` cues).
fn srt_call(agent: &str, customer: &str, opening: &str) -> String {
    txt_call(agent, customer, opening)
        .lines()
        .enumerate()
        .map(|(i, l)| {
            format!(
                "{}\n00:00:{:02},000 --> 00:00:{:02},500\n{l}\n\n",
                i + 1,
                i * 4,
                i * 4 + 3
            )
        })
        .collect()
}

/// The same call as WebVTT with `<v Name>` voices and an optional header.
fn vtt_call(agent: &str, customer: &str, opening: &str, header: &str) -> String {
    let mut s = format!("WEBVTT{header}\n\n");
    for (i, l) in txt_call(agent, customer, opening).lines().enumerate() {
        let (who, text) = l.split_once(": ").unwrap();
        s.push_str(&format!(
            "00:00:{:02}.000 --> 00:00:{:02}.500\n<v {who}>{text}\n\n",
            i * 4,
            i * 4 + 3
        ));
    }
    s
}

fn utf16(s: &str) -> Vec<u8> {
    let mut b = vec![0xFF, 0xFE];
    b.extend(s.encode_utf16().flat_map(u16::to_le_bytes));
    b
}

const NO_NAME: &str = "Hi, I'm calling from Acme about your planning.";

fn calls(stdout: &str) -> Vec<serde_json::Value> {
    records(stdout)
        .into_iter()
        .filter_map(|r| match r {
            Record::Call(c) => Some(*c),
            _ => None,
        })
        .collect()
}

fn summary(stdout: &str) -> serde_json::Value {
    records(stdout)
        .into_iter()
        .find_map(|r| match r {
            Record::Summary(s) => Some(*s),
            _ => None,
        })
        .expect("a summary record")
}

fn group<'a>(s: &'a serde_json::Value, key: &str) -> Option<&'a serde_json::Value> {
    s["groups"].as_array().unwrap().iter().find(|g| g["key"] == key)
}

fn set_mtime(p: &Path, unix_s: u64) {
    let f = std::fs::File::options().write(true).open(p).unwrap();
    f.set_modified(SystemTime::UNIX_EPOCH + Duration::from_secs(unix_s))
        .unwrap();
}

#[test]
fn speaker_1_from_three_files_is_unnamed_not_one_seller() {
    let d = tempfile::tempdir().unwrap();
    // A podcast-style text file, an SRT and a UTF-16 WebVTT: all "Speaker 1".
    write(
        &d.path().join("calls/podcast.txt"),
        txt_call("Speaker 1", "Speaker 2", NO_NAME),
    );
    write(
        &d.path().join("calls/call.srt"),
        srt_call("Speaker 1", "Speaker 2", NO_NAME),
    );
    write(
        &d.path().join("calls/teams.vtt"),
        utf16(&vtt_call("Speaker 1", "Speaker 2", NO_NAME, "")),
    );
    // The seller of en04 says his name: that is who he is.
    write(
        &d.path().join("calls/copier.txt"),
        txt_call(
            "Speaker 2",
            "Speaker 1",
            "Hi Tricia, my name is Brandon Lee from ClearPrint, I'm calling about your copier.",
        ),
    );
    let r = run(
        d.path(),
        &["analyze", "calls", "-q", "-f", "jsonl", "--group-by", "agent"],
    );
    assert_eq!(r.code, 0, "{r:?}");
    let by_path: Vec<(String, serde_json::Value)> = calls(&r.stdout)
        .into_iter()
        .map(|c| (c["source"]["path"].as_str().unwrap().to_string(), c["agent"].clone()))
        .collect();
    for (path, agent) in &by_path {
        if path.ends_with("copier.txt") {
            assert_eq!(agent["label"], "Speaker 2");
            assert_eq!(agent["name"], "Brandon Lee");
            assert_eq!(agent["name_source"], "introduction");
            assert_eq!(agent["person"], "Brandon Lee");
        } else {
            assert_eq!(agent["label"], "Speaker 1", "{path}");
            assert!(agent["person"].is_null(), "{path}: {agent}");
        }
    }
    let s = summary(&r.stdout);
    let unnamed = group(&s, "(unnamed)").expect("an unnamed row");
    assert_eq!(unnamed["calls"], 3);
    assert_eq!(unnamed["unnamed"], true);
    assert_eq!(group(&s, "Brandon Lee").unwrap()["calls"], 1);
    assert!(group(&s, "Speaker 1").is_none(), "{s}");
    assert_eq!(s["groups"].as_array().unwrap().len(), 2);

    // The table shows the name beside the label, and the unnamed count.
    let r = run(d.path(), &["analyze", "calls", "-q", "--group-by", "agent"]);
    assert!(r.stdout.contains("Speaker 2 (Brandon Lee)"), "{}", r.stdout);
    assert!(
        r.stdout
            .lines()
            .any(|l| l.starts_with("(unnamed)") && l.split_whitespace().nth(1) == Some("3")),
        "{}",
        r.stdout
    );
}

#[test]
fn agents_table_maps_labels_names_and_files_to_one_person() {
    let d = tempfile::tempdir().unwrap();
    write(
        &d.path().join("warmcall.toml"),
        "[agents.\"Brandon Lee\"]\nnames = [\"Brandon\"]\nfiles = [\"brandon/**\"]\n",
    );
    // By label, by introduced name, by folder (a generic label), and a
    // generic label elsewhere that stays unnamed.
    write(&d.path().join("calls/a.txt"), txt_call("Brandon", "Tricia", NO_NAME));
    write(
        &d.path().join("calls/b.txt"),
        txt_call(
            "Speaker 2",
            "Speaker 1",
            "Hi, this is Brandon Lee from ClearPrint, I'm calling about your copier.",
        ),
    );
    write(
        &d.path().join("calls/brandon/c.srt"),
        srt_call("Speaker 1", "Speaker 2", NO_NAME),
    );
    write(
        &d.path().join("calls/other/d.srt"),
        srt_call("Speaker 1", "Speaker 2", NO_NAME),
    );
    let r = run(
        d.path(),
        &["analyze", "calls", "-q", "-f", "json", "--group-by", "agent"],
    );
    assert_eq!(r.code, 0, "{r:?}");
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let people: Vec<(&str, &serde_json::Value, &serde_json::Value)> = v["calls"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["source"]["path"].as_str().unwrap(),
                &c["agent"]["person"],
                &c["agent"]["person_source"],
            )
        })
        .collect();
    assert_eq!(
        people,
        [
            ("calls/a.txt", &"Brandon Lee".into(), &"config".into()),
            ("calls/b.txt", &"Brandon Lee".into(), &"config".into()),
            ("calls/brandon/c.srt", &"Brandon Lee".into(), &"config".into()),
            ("calls/other/d.srt", &serde_json::Value::Null, &serde_json::Value::Null),
        ]
    );
    let s = &v["summary"];
    assert_eq!(group(s, "Brandon Lee").unwrap()["calls"], 3);
    assert_eq!(group(s, "(unnamed)").unwrap()["calls"], 1);
}

#[test]
fn a_bad_agents_entry_is_a_usage_error_naming_file_key_and_line() {
    let d = tempfile::tempdir().unwrap();
    write(
        &d.path().join("warmcall.toml"),
        "# team\n[agents.Sam]\nnames = [\"Sam Jones\", \"SPEAKER_01\"]\n",
    );
    write(&d.path().join("calls/a.txt"), txt_call("Sam", "Jo", NO_NAME));
    let r = run(d.path(), &["analyze", "calls", "-q"]);
    assert_eq!(r.code, 2, "{r:?}");
    assert!(
        r.stderr.contains("warmcall.toml") && r.stderr.contains("agents.Sam.names (line 3)"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("\"SPEAKER_01\" is a generic label"), "{}", r.stderr);
    assert!(r.stdout.is_empty());
}

#[test]
fn call_dates_come_from_metadata_then_file_name_then_file_time_in_every_output() {
    let d = tempfile::tempdir().unwrap();
    let dir = d.path().join("calls");
    // Metadata beats the date in the name.
    write(
        &dir.join("2026-01-05_meta.vtt"),
        vtt_call("Sam", "Jo", NO_NAME, "\nNOTE recorded 2026-03-10T09:30:00Z"),
    );
    write(&dir.join("zoom_GMT20260317-101500.srt"), srt_call("Sam", "Jo", NO_NAME));
    write(&dir.join("undated.txt"), txt_call("Sam", "Jo", NO_NAME));
    // 2026-03-19 12:00 UTC.
    set_mtime(&dir.join("undated.txt"), 1_773_921_600);
    let r = run(d.path(), &["analyze", "calls", "-q", "-f", "jsonl"]);
    assert_eq!(r.code, 0, "{r:?}");
    let got: Vec<(String, String, String)> = calls(&r.stdout)
        .iter()
        .map(|c| {
            (
                c["source"]["path"]
                    .as_str()
                    .unwrap()
                    .rsplit('/')
                    .next()
                    .unwrap()
                    .to_string(),
                c["call_date"].as_str().unwrap().to_string(),
                c["call_date_source"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let want = [
        ("2026-01-05_meta.vtt", "2026-03-10", "metadata"),
        ("undated.txt", "2026-03-19", "file_time"),
        ("zoom_GMT20260317-101500.srt", "2026-03-17", "file_name"),
    ];
    assert_eq!(got, want.map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string())));

    let r = run(d.path(), &["analyze", "calls", "-q", "-f", "csv"]);
    let mut lines = r.stdout.lines();
    let head: Vec<&str> = lines.next().unwrap().split(',').collect();
    let at = |name: &str| head.iter().position(|h| *h == name).unwrap();
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split(',').collect()).collect();
    assert_eq!(rows[0][at("call_date")], "2026-03-10");
    assert_eq!(rows[1][at("call_date_source")], "file_time");
    assert_eq!(rows[2][at("agent_person")], "Sam");

    let r = run(d.path(), &["analyze", "calls", "-q"]);
    assert!(
        r.stdout.starts_with("FILE") && r.stdout.contains(" DATE "),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("2026-03-17"), "{}", r.stdout);

    let r = run(d.path(), &["analyze", "calls", "-q", "-f", "json"]);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["calls"][2]["call_date"], "2026-03-17");
}

#[test]
fn per_agent_figures_per_iso_week_when_the_folder_spans_several() {
    let d = tempfile::tempdir().unwrap();
    let dir = d.path().join("calls");
    for (name, agent) in [
        ("2026-03-09_a.txt", "Sam"),
        ("2026-03-13_b.txt", "Sam"),
        ("2026-03-16_c.txt", "Sam"),
        ("2026-03-10_d.txt", "Jo"),
    ] {
        write(&dir.join(name), txt_call(agent, "Customer", NO_NAME));
    }
    let r = run(
        d.path(),
        &["analyze", "calls", "-q", "-f", "jsonl", "--group-by", "agent"],
    );
    assert_eq!(r.code, 0, "{r:?}");
    let s = summary(&r.stdout);
    let weeks = |k: &str| -> Vec<(String, u64)> {
        group(&s, k).unwrap()["weeks"]
            .as_array()
            .unwrap()
            .iter()
            .map(|w| (w["week"].as_str().unwrap().to_string(), w["calls"].as_u64().unwrap()))
            .collect()
    };
    assert_eq!(weeks("Sam"), [("2026-W11".into(), 2), ("2026-W12".into(), 1)]);
    assert_eq!(weeks("Jo"), [("2026-W11".into(), 1)]);
    assert!(group(&s, "Sam").unwrap()["weeks"][0]["talk_share"]["median"].is_number());

    // One week only: nothing to trend, no weeks.
    std::fs::remove_file(dir.join("2026-03-16_c.txt")).unwrap();
    let r = run(
        d.path(),
        &["analyze", "calls", "-q", "-f", "jsonl", "--group-by", "agent"],
    );
    let s = summary(&r.stdout);
    assert!(group(&s, "Sam").unwrap().get("weeks").is_none(), "{s}");
}

#[test]
fn the_html_report_groups_agents_by_person_and_names_the_label() {
    let d = tempfile::tempdir().unwrap();
    write(
        &d.path().join("calls/2026-03-09_copier.txt"),
        txt_call(
            "Speaker 2",
            "Speaker 1",
            "Hi Tricia, my name is Brandon Lee from ClearPrint, I'm calling about your copier.",
        ),
    );
    write(
        &d.path().join("calls/2026-03-16_a.srt"),
        srt_call("Speaker 1", "Speaker 2", NO_NAME),
    );
    write(
        &d.path().join("calls/2026-03-17_b.srt"),
        srt_call("Speaker 1", "Speaker 2", NO_NAME),
    );
    let r = run(d.path(), &["report", "calls", "-o", "report.html", "-q"]);
    assert_eq!(r.code, 0, "{r:?}");
    let html = std::fs::read_to_string(d.path().join("report.html")).unwrap();
    assert!(
        html.contains("Speaker 2 (Brandon Lee)"),
        "the calls table names the label"
    );
    let agents = &html[html.find("id=\"agents\"").expect("a per-agent table")..];
    let agents = &agents[..agents.find("</table>").unwrap()];
    let row = |key: &str| -> Option<&str> {
        let at = agents.find(&format!("<tr data-agent=\"{key}\">"))?;
        Some(&agents[at..at + agents[at..].find("</tr>").unwrap()])
    };
    let brandon = row("Brandon Lee").expect("a row for Brandon Lee");
    assert!(brandon.contains(">Brandon Lee</a></td><td>1</td>"), "{brandon}");
    let unnamed = row("(unnamed)").expect("an (unnamed) row");
    assert!(unnamed.contains(">(unnamed)</a></td><td>2</td>"), "{unnamed}");
    assert!(row("Speaker 1").is_none(), "{agents}");
}

/// The HTML shows each agent's figures per ISO week when the folder's dated
/// calls span several weeks, and has no such table when they all fall in one.
#[test]
fn html_has_per_week_figures_only_when_the_calls_span_weeks() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    // 2026-03-10 is in 2026-W11, 2026-03-17 in 2026-W12.
    write(&dir.join("spread/2026-03-10_a.txt"), txt_call("Sam", "Jo", NO_NAME));
    write(&dir.join("spread/2026-03-17_b.txt"), txt_call("Sam", "Jo", NO_NAME));
    write(&dir.join("same/2026-03-10_a.txt"), txt_call("Sam", "Jo", NO_NAME));
    write(&dir.join("same/2026-03-12_b.txt"), txt_call("Sam", "Jo", NO_NAME));
    let html = |folder: &str| {
        let out = dir.join(format!("{folder}.html"));
        let r = run(dir, &["report", folder, "--agent", "Sam", "-o", out.to_str().unwrap()]);
        assert_eq!(r.code, 0, "{}", r.stderr);
        std::fs::read_to_string(out).unwrap()
    };
    let spread = html("spread");
    assert!(spread.contains("id=\"per-week\""), "no per-week section");
    assert!(
        spread.contains("2026-W11") && spread.contains("2026-W12"),
        "weeks missing"
    );
    let same = html("same");
    assert!(!same.contains("id=\"per-week\""), "one week needs no per-week table");
}
