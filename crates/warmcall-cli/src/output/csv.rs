//! `csv`: one flat row per input, columns in the stable order of
//! [`COLUMNS`] (documented in docs/cli.md). A failed input is a row with
//! `status` = `error` and the message in `error`; its other cells are empty.
//! The `csv` crate writes the rows: RFC 4180, a field quoted only when it
//! holds a comma, a quote or a line break, quotes doubled, `\n` line ends.

use std::io::{self, Write};

use warmcall::report::{Basis, Report, Severity};

use super::record::{CallOutput, ErrorRecord};
use super::Sink;
use crate::aggregate::{CallRow, Summary};

/// Column names, in order. New columns are only ever appended.
pub const COLUMNS: [&str; 51] = [
    "path",
    "status",
    "error",
    "format",
    "language",
    "timing",
    "agent",
    "role_basis",
    "span_s",
    "talk_basis",
    "agent_share_of_speech",
    "agent_share_of_call",
    "agent_s",
    "customer_s",
    "agent_words",
    "customer_words",
    "turns",
    "switches_per_minute",
    "longest_monologue_s",
    "longest_monologue_words",
    "longest_story_s",
    "longest_story_words",
    "silence_count",
    "silence_total_s",
    "silence_share_of_span",
    "longest_silence_s",
    "dead_air_count",
    "patience_mean_s",
    "patience_median_s",
    "interruptions_by_agent",
    "interruptions_by_customer",
    "agent_questions",
    "agent_open_questions",
    "agent_closed_questions",
    "agent_follow_ups",
    "agent_questions_per_10_min",
    "customer_questions",
    "pushes",
    "premature_pushes",
    "first_push_s",
    "outcome",
    "warmth",
    "profile",
    "findings",
    "high_findings",
    "warnings",
    "agent_name",
    "agent_person",
    "call_date",
    "call_date_source",
    "not_a_conversation",
];

/// The csv sink.
#[derive(Debug, Default)]
pub struct Csv;

fn f(x: Option<f64>) -> String {
    match x {
        Some(v) if v.is_finite() => {
            let r = (v * 1000.0).round() / 1000.0;
            format!("{r}")
        }
        _ => String::new(),
    }
}

fn u(x: Option<usize>) -> String {
    x.map(|v| v.to_string()).unwrap_or_default()
}

fn enum_name<T: serde::Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

fn write_row<I: IntoIterator<Item = T>, T: AsRef<[u8]>>(w: &mut dyn Write, cells: I) -> io::Result<()> {
    let mut row = csv::WriterBuilder::new().buffer_capacity(4096).from_writer(w);
    row.write_record(cells).map_err(csv_err)?;
    row.flush()
}

/// Keeps the I/O kind (a closed pipe stays a `BrokenPipe`).
fn csv_err(e: csv::Error) -> io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(io) => io,
        other => io::Error::other(format!("{other:?}")),
    }
}

/// The cells of one call, in [`COLUMNS`] order.
pub fn cells(path: &str, r: &Report) -> Vec<String> {
    let mono = r.turns.longest_agent_monologue.as_ref();
    let story = r.turns.longest_customer_story.as_ref();
    let sil = r.silences.as_ref();
    let pat = r.patience.as_ref();
    let int = r.interruptions.as_ref();
    let q = r.questions.as_ref();
    let p = r.pushes.as_ref();
    let mut high: Vec<&str> = Vec::new();
    for x in &r.findings {
        if x.severity == Severity::High && !high.contains(&x.id.as_str()) {
            high.push(&x.id);
        }
    }
    vec![
        path.to_string(),
        "ok".into(),
        String::new(),
        r.source.format.clone(),
        r.source.language.clone(),
        enum_name(&r.source.timing),
        r.roles.agent.clone().unwrap_or_default(),
        enum_name(&r.roles.basis),
        f(r.span_s),
        match r.talk.basis {
            Basis::Time => "time".into(),
            Basis::Words => "words".into(),
        },
        f(r.talk.agent_share_of_speech),
        f(r.talk.agent_share_of_call),
        f(r.talk.agent_s),
        f(r.talk.customer_s),
        r.talk.agent_words.to_string(),
        r.talk.customer_words.to_string(),
        r.turns.count.to_string(),
        f(r.turns.switches_per_minute),
        f(mono.and_then(|m| m.s)),
        u(mono.map(|m| m.words)),
        f(story.and_then(|m| m.s)),
        u(story.map(|m| m.words)),
        u(sil.map(|s| s.count)),
        f(sil.map(|s| s.total_s)),
        f(sil.and_then(|s| s.share_of_span)),
        f(sil.map(|s| s.longest_s)),
        u(sil.map(|s| s.by_class.dead_air)),
        f(pat.and_then(|p| p.mean_s)),
        f(pat.and_then(|p| p.median_s)),
        u(int.map(|i| i.by_agent)),
        u(int.map(|i| i.by_customer)),
        u(q.map(|q| q.agent.total)),
        u(q.map(|q| q.agent.open)),
        u(q.map(|q| q.agent.closed)),
        u(q.map(|q| q.agent.follow_up)),
        f(q.and_then(|q| q.agent.per_10_min)),
        u(q.map(|q| q.customer.total)),
        u(p.map(|p| p.count)),
        u(p.map(|p| p.premature)),
        f(p.and_then(|p| p.first_s)),
        enum_name(&r.outcome.kind),
        f(r.score.warmth),
        r.score.profile.clone(),
        r.findings.len().to_string(),
        high.join(" "),
        r.source.warnings.len().to_string(),
        r.agent.name.clone().unwrap_or_default(),
        r.agent.person.clone().unwrap_or_default(),
        r.call_date.map(|d| d.to_string()).unwrap_or_default(),
        r.call_date_source.as_ref().map(enum_name).unwrap_or_default(),
        // The summary leaves these calls out of every figure: the column
        // lets a spreadsheet do the same.
        r.findings.iter().any(|x| x.id == "not-a-conversation").to_string(),
    ]
}

impl Sink for Csv {
    fn begin(&mut self, w: &mut dyn Write) -> io::Result<()> {
        write_row(w, COLUMNS)
    }
    fn call(&mut self, w: &mut dyn Write, call: &CallOutput) -> io::Result<()> {
        write_row(w, cells(&call.row.path, &call.report))
    }
    fn error(&mut self, w: &mut dyn Write, e: &ErrorRecord) -> io::Result<()> {
        let mut c = vec![String::new(); COLUMNS.len()];
        c[0] = e.path.clone();
        c[1] = "error".into();
        c[2] = match e.line {
            Some(l) => format!("line {l}: {}", e.message),
            None => e.message.clone(),
        };
        write_row(w, &c)
    }
    fn finish(&mut self, _w: &mut dyn Write, _summary: &Summary, _rows: &[CallRow]) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_is_rfc_4180() {
        let mut out = Vec::new();
        write_row(&mut out, ["plain", "a,b", "say \"hi\"", "two\nlines", "", "x"]).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",,x\n"
        );
    }

    #[test]
    fn a_row_has_every_column() {
        let a = warmcall::Analyzer::new(warmcall::Config::default()).unwrap();
        let t = warmcall::Transcript::builder()
            .segment("Sam", 0.0, 3.0, "Hi, Sam from Acme, how are you?")
            .segment("Jo", 3.5, 6.0, "Fine, thanks, busy week.")
            .build();
        let r = a.analyze(&t);
        assert_eq!(cells("x.vtt", &r).len(), COLUMNS.len());
    }

    fn column<'a>(row: &'a [String], name: &str) -> &'a str {
        &row[COLUMNS.iter().position(|c| *c == name).unwrap()]
    }

    #[test]
    fn not_a_conversation_follows_the_finding() {
        let a = warmcall::Analyzer::new(warmcall::Config::default().agent("Sam")).unwrap();
        let pitch = "Hi, this is Sam from Acme, I am calling about your office planning and how you handle it today.";
        // A customer who says four words in all: voicemail-like.
        let short = warmcall::Transcript::builder()
            .segment("Sam", 0.0, 6.0, pitch)
            .segment("Jo", 6.5, 8.0, "Not now, thank you.")
            .build();
        let r = a.analyze(&short);
        assert!(r.findings.iter().any(|f| f.id == "not-a-conversation"));
        assert_eq!(column(&cells("short.vtt", &r), "not_a_conversation"), "true");
        // Near miss: the same call where the customer talks for real.
        let talk = "We plan everything in spreadsheets and phone each technician one by one, which takes most of a day every week and still goes wrong.";
        let real = warmcall::Transcript::builder()
            .segment("Sam", 0.0, 6.0, pitch)
            .segment("Jo", 6.5, 16.0, talk)
            .build();
        let r = a.analyze(&real);
        assert!(!r.findings.iter().any(|f| f.id == "not-a-conversation"));
        assert_eq!(column(&cells("real.vtt", &r), "not_a_conversation"), "false");
    }
}
