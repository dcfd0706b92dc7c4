//! `table`: aligned columns for people, then a summary line and, with
//! `--group-by`, one aggregate row per group. Columns need every row's
//! width, so rows (a few short strings each) are held until the end.

use std::io::{self, Write};

use super::{duration, num, pct, Sink};
use crate::aggregate::{Aggregate, CallRow, Summary};
use crate::run::{CallOutput, ErrorRecord};

enum Line {
    Row(Vec<String>),
    Error(String),
}

/// The table sink.
#[derive(Default)]
pub struct Table {
    lines: Vec<Line>,
}

const HEAD: [&str; 11] = [
    "FILE",
    "DATE",
    "AGENT",
    "LENGTH",
    "TALK",
    "QUESTIONS",
    "PUSHES",
    "PREMATURE",
    "OUTCOME",
    "WARMTH",
    "HIGH FINDINGS",
];

fn row_cells(r: &CallRow) -> Vec<String> {
    let opt = |x: Option<usize>| x.map(|v| v.to_string()).unwrap_or_else(|| "-".into());
    let outcome = match serde_json::to_value(r.outcome) {
        Ok(serde_json::Value::String(s)) => s,
        _ => "-".into(),
    };
    vec![
        r.path.clone(),
        r.call_date.map_or_else(|| "-".into(), |d| d.to_string()),
        r.agent_shown().unwrap_or_else(|| "-".into()),
        duration(r.span_s),
        pct(r.talk_share),
        opt(r.questions),
        opt(r.pushes),
        opt(r.premature),
        outcome,
        super::warmth(r.warmth),
        if r.not_a_conversation {
            "(not a conversation)".into()
        } else {
            r.high.join(" ")
        },
    ]
}

fn write_aligned(w: &mut dyn Write, head: &[&str], rows: &[&Vec<String>], errors: &[(usize, &str)]) -> io::Result<()> {
    let mut widths: Vec<usize> = head.iter().map(|h| h.chars().count()).collect();
    for r in rows {
        for (i, c) in r.iter().enumerate() {
            widths[i] = widths[i].max(c.chars().count());
        }
    }
    let fmt = |cells: &mut dyn Iterator<Item = &str>| -> String {
        let mut s = String::new();
        for (i, c) in cells.enumerate() {
            if i > 0 {
                s.push_str("  ");
            }
            s.push_str(c);
            if i + 1 < widths.len() {
                s.extend(std::iter::repeat_n(' ', widths[i] - c.chars().count()));
            }
        }
        s.trim_end().to_string()
    };
    writeln!(w, "{}", fmt(&mut head.iter().copied()))?;
    let mut e = errors.iter().peekable();
    for (i, r) in rows.iter().enumerate() {
        while let Some((_, msg)) = e.next_if(|(at, _)| *at == i) {
            writeln!(w, "{msg}")?;
        }
        writeln!(w, "{}", fmt(&mut r.iter().map(String::as_str)))?;
    }
    for (_, msg) in e {
        writeln!(w, "{msg}")?;
    }
    Ok(())
}

/// The one-line summary.
pub fn summary_line(s: &Summary) -> String {
    let a = &s.aggregate;
    let mut parts = vec![format!(
        "{} calls analysed, {} failed, {} excluded",
        s.analysed, s.failed, s.excluded
    )];
    if a.not_a_conversation > 0 {
        parts.push(format!("{} not a conversation (left out)", a.not_a_conversation));
    }
    parts.push(format!("{:.1} h", a.hours));
    parts.push(format!(
        "talk share median {} (mean {}, pooled {})",
        pct(a.talk_share.median),
        pct(a.talk_share.mean),
        pct(a.talk_share.pooled)
    ));
    parts.push(format!("questions/call {}", num(a.agent_questions.mean)));
    parts.push(format!("premature pushes/call {}", num(a.premature_pushes.mean)));
    parts.push(format!("advance {}", pct(a.advance_share)));
    parts.join(" · ")
}

const GROUP_HEAD: [&str; 10] = [
    "GROUP",
    "CALLS",
    "LEFT OUT",
    "TALK MEDIAN",
    "TALK MEAN",
    "TALK POOLED",
    "QUESTIONS MEAN",
    "QUESTIONS MEDIAN",
    "PREMATURE/CALL",
    "ADVANCE",
];

fn group_cells(key: &str, a: &Aggregate) -> Vec<String> {
    vec![
        key.to_string(),
        a.calls.to_string(),
        a.not_a_conversation.to_string(),
        pct(a.talk_share.median),
        pct(a.talk_share.mean),
        pct(a.talk_share.pooled),
        num(a.agent_questions.mean),
        num(a.agent_questions.median),
        num(a.premature_pushes.mean),
        pct(a.advance_share),
    ]
}

impl Sink for Table {
    fn call(&mut self, _w: &mut dyn Write, call: &CallOutput) -> io::Result<()> {
        self.lines.push(Line::Row(row_cells(&call.row)));
        Ok(())
    }
    fn error(&mut self, _w: &mut dyn Write, e: &ErrorRecord) -> io::Result<()> {
        self.lines.push(Line::Error(format!(
            "{}  error: {}",
            e.path,
            match e.line {
                Some(l) => format!("line {l}: {}", e.message),
                None => e.message.clone(),
            }
        )));
        Ok(())
    }
    fn finish(&mut self, w: &mut dyn Write, summary: &Summary, _rows: &[CallRow]) -> io::Result<()> {
        let mut rows: Vec<&Vec<String>> = Vec::new();
        let mut errors: Vec<(usize, &str)> = Vec::new();
        for l in &self.lines {
            match l {
                Line::Row(r) => rows.push(r),
                Line::Error(e) => errors.push((rows.len(), e)),
            }
        }
        write_aligned(w, &HEAD, &rows, &errors)?;
        writeln!(w)?;
        writeln!(w, "{}", summary_line(summary))?;
        if !summary.groups.is_empty() {
            writeln!(w)?;
            let cells: Vec<Vec<String>> = summary
                .groups
                .iter()
                .map(|g| group_cells(&g.key, &g.aggregate))
                .collect();
            let refs: Vec<&Vec<String>> = cells.iter().collect();
            let mut head = GROUP_HEAD;
            if let Some(by) = summary.group_by {
                head[0] = if by == "agent" { "AGENT" } else { "FOLDER" };
            }
            write_aligned(w, &head, &refs, &[])?;
        }
        Ok(())
    }
}
