//! `table`: aligned columns for people, then a summary line and, with
//! `--group-by`, one aggregate row per group. Columns need every row's
//! width, so rows (a few short strings each) are held until the end.
//!
//! comfy-table lays the columns out: it measures cells by their display
//! width (unicode-width), so names with accents, CJK or emoji line up, which
//! counting `chars()` did not. Borders off, two spaces between columns,
//! no trailing blanks.

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
    colour: bool,
}

impl Table {
    /// A table; `colour` makes the heading lines bold.
    pub fn new(colour: bool) -> Table {
        Table {
            lines: Vec::new(),
            colour,
        }
    }
}

/// Headings (stripped by anstream when colour is off).
const HEADING: anstyle::Style = anstyle::Style::new().bold();

const HEAD: [&str; 10] = [
    "FILE",
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
        r.agent.clone().unwrap_or_else(|| "-".into()),
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

/// The aligned lines: the heading, then one per row.
fn aligned(head: &[&str], rows: &[&Vec<String>]) -> Vec<String> {
    let mut t = comfy_table::Table::new();
    t.load_preset(comfy_table::presets::NOTHING)
        .set_content_arrangement(comfy_table::ContentArrangement::Disabled)
        .set_header(head.iter().copied());
    for r in rows {
        t.add_row(r.iter().map(String::as_str));
    }
    for c in t.column_iter_mut() {
        c.set_padding((0, 2));
    }
    t.lines().map(|l| l.trim_end().to_string()).collect()
}

fn write_aligned(
    w: &mut dyn Write,
    head: &[&str],
    rows: &[&Vec<String>],
    errors: &[(usize, &str)],
    colour: bool,
) -> io::Result<()> {
    let lines = aligned(head, rows);
    let (heading, body) = lines.split_first().map_or(("", &[][..]), |(h, b)| (h.as_str(), b));
    if colour {
        writeln!(w, "{}{heading}{}", HEADING.render(), HEADING.render_reset())?;
    } else {
        writeln!(w, "{heading}")?;
    }
    let mut e = errors.iter().peekable();
    for (i, line) in body.iter().enumerate() {
        while let Some((_, msg)) = e.next_if(|(at, _)| *at == i) {
            writeln!(w, "{msg}")?;
        }
        writeln!(w, "{line}")?;
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
        write_aligned(w, &HEAD, &rows, &errors, self.colour)?;
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
            write_aligned(w, &head, &refs, &[], self.colour)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_line_up_by_display_width_with_two_spaces_between() {
        let rows = [
            vec!["calls/é.vtt".to_string(), "Zoë".into(), "3m".into()],
            vec!["calls/電話.vtt".to_string(), "Jo".into(), "12m04s".into()],
        ];
        let refs: Vec<&Vec<String>> = rows.iter().collect();
        let lines = aligned(&["FILE", "AGENT", "LENGTH"], &refs);
        assert_eq!(
            lines,
            vec![
                "FILE            AGENT  LENGTH",
                "calls/é.vtt     Zoë    3m",
                // The two CJK characters are two columns wide each.
                "calls/電話.vtt  Jo     12m04s",
            ]
        );
    }

    #[test]
    fn headings_are_bold_only_with_colour() {
        let row = vec!["a".to_string()];
        let mut plain = Vec::new();
        write_aligned(&mut plain, &["FILE"], &[&row], &[(1, "b  error: x")], false).unwrap();
        assert_eq!(String::from_utf8(plain).unwrap(), "FILE\na\nb  error: x\n");
        let mut styled = Vec::new();
        write_aligned(&mut styled, &["FILE"], &[&row], &[], true).unwrap();
        assert!(String::from_utf8(styled).unwrap().starts_with("\x1b[1mFILE\x1b[0m\n"));
    }
}
