//! `table`: aligned columns for people, then a summary line and, with
//! `--group-by`, one aggregate row per group. Columns need every row's
//! width, so rows (a few short strings each) are held until the end.
//!
//! comfy-table lays the columns out: it measures cells by their display
//! width (unicode-width), so names with accents, CJK or emoji line up, which
//! counting `chars()` did not. Borders off, two spaces between columns,
//! no trailing blanks.

use std::io::{self, Write};

use super::record::{CallOutput, ErrorRecord};
use super::{duration, num, pct, Sink};
use crate::aggregate::{Aggregate, CallRow, Summary};
use crate::i18n::Ui;

enum Line {
    Row(Vec<String>),
    Error(String),
}

/// The table sink.
pub struct Table {
    lines: Vec<Line>,
    ui: Ui,
    colour: bool,
}

impl Table {
    /// A table in the UI language; `colour` makes the heading lines bold.
    pub fn new(ui: Ui, colour: bool) -> Table {
        Table {
            lines: Vec::new(),
            ui,
            colour,
        }
    }
}

/// Headings (stripped by anstream when colour is off).
const HEADING: anstyle::Style = anstyle::Style::new().bold();

const HEAD: [&str; 11] = [
    "th_file",
    "th_date",
    "th_agent",
    "th_length",
    "th_talk",
    "th_questions",
    "th_pushes",
    "th_premature",
    "th_outcome",
    "th_warmth",
    "th_high",
];

fn row_cells(r: &CallRow, ui: Ui) -> Vec<String> {
    let opt = |x: Option<usize>| x.map(|v| v.to_string()).unwrap_or_else(|| "-".into());
    let outcome = ui.outcome_name(r.outcome).to_string();
    let high: Vec<String> = r.high.iter().map(|id| ui.finding_name(id)).collect();
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
            ui.t("not_a_conversation").into()
        } else {
            // Dutch sentences have spaces in them.
            high.join(if ui.code() == "nl" { "; " } else { " " })
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
pub fn summary_line(s: &Summary, ui: Ui) -> String {
    let a = &s.aggregate;
    let mut parts = vec![format!(
        "{} {}, {} {}, {} {}",
        s.analysed,
        ui.t("calls_analysed"),
        s.failed,
        ui.t("failed"),
        s.excluded,
        ui.t("excluded")
    )];
    if a.not_a_conversation > 0 {
        parts.push(format!("{} {}", a.not_a_conversation, ui.t("left_out_note")));
    }
    parts.push(format!("{:.1} {}", a.hours, if ui.code() == "nl" { "u" } else { "h" }));
    parts.push(format!(
        "{} {} {} ({} {}, {} {})",
        ui.t("talk_share_lc"),
        ui.t("median_lc"),
        pct(a.talk_share.median),
        ui.t("mean_lc"),
        pct(a.talk_share.mean),
        ui.t("pooled_lc"),
        pct(a.talk_share.pooled)
    ));
    parts.push(format!(
        "{} {}",
        ui.t("questions_per_call_short"),
        num(a.agent_questions.mean)
    ));
    parts.push(format!(
        "{} {}",
        ui.t("premature_per_call_short"),
        num(a.premature_pushes.mean)
    ));
    parts.push(format!("{} {}", ui.t("advance_lc"), pct(a.advance_share)));
    parts.join(" · ")
}

const GROUP_HEAD: [&str; 10] = [
    "th_group",
    "th_calls",
    "th_left_out",
    "th_talk_median",
    "th_talk_mean",
    "th_talk_pooled",
    "th_questions_mean",
    "th_questions_median",
    "th_premature_call",
    "th_advance",
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
        self.lines.push(Line::Row(row_cells(&call.row, self.ui)));
        Ok(())
    }
    fn error(&mut self, _w: &mut dyn Write, e: &ErrorRecord) -> io::Result<()> {
        let ui = self.ui;
        self.lines.push(Line::Error(format!(
            "{}  {}: {}",
            e.path,
            ui.t("error"),
            match e.line {
                Some(l) => format!("{} {l}: {}", ui.t("line"), e.message),
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
        let ui = self.ui;
        write_aligned(w, &HEAD.map(|k| ui.t(k)), &rows, &errors, self.colour)?;
        writeln!(w)?;
        writeln!(w, "{}", summary_line(summary, ui))?;
        if !summary.groups.is_empty() {
            writeln!(w)?;
            let cells: Vec<Vec<String>> = summary
                .groups
                .iter()
                .map(|g| group_cells(&g.key, &g.aggregate))
                .collect();
            let refs: Vec<&Vec<String>> = cells.iter().collect();
            let mut head = GROUP_HEAD.map(|k| ui.t(k));
            if let Some(by) = summary.group_by {
                head[0] = if by == "agent" {
                    ui.t("th_agent")
                } else {
                    ui.t("th_folder")
                };
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
