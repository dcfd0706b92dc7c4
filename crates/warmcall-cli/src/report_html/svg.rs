//! The per-call SVG, written by hand (maud has no SVG vocabulary to add,
//! and every text here goes through [`esc`]). Timed calls: an agent lane
//! and a customer lane on a time axis, silences shaded (dead air distinct),
//! agent question ticks, push markers (premature ones red and larger, each
//! a link to its transcript line), the longest monologue and customer story
//! outlined. Untimed calls: a turn-order strip, block width by words.
//!
//! The words are in the transcript under the timeline, so the picture
//! carries few of them: each lane is one path, question ticks one path,
//! and only pushes, dead air (up to [`TITLED_MARKS`]), the monologue and
//! the story have hover titles. That keeps 500 calls under 5 MB.

use std::fmt::Write as _;

use warmcall::report::{Report, SilenceClass};
use warmcall::Transcript;

use super::{esc, Ui};
use crate::output::{clock, num};

const W: f64 = 1000.0;
const LEFT: f64 = 78.0;
const PLOT: f64 = W - LEFT - 6.0;
const AGENT_Y: f64 = 20.0;
const CUST_Y: f64 = 50.0;
const LANE_H: f64 = 22.0;
const AXIS_Y: f64 = 78.0;
const H: f64 = 94.0;
/// Dead-air marks drawn one by one with a hover title; past this many per
/// call they are drawn as one path.
const TITLED_MARKS: usize = 12;

fn r1(x: f64) -> String {
    let v = (x * 10.0).round() / 10.0;
    if v == v.trunc() {
        format!("{v:.0}")
    } else {
        format!("{v:.1}")
    }
}

/// A time scale from the span start to its end.
struct Scale {
    t0: f64,
    len: f64,
}

impl Scale {
    fn x(&self, t: f64) -> f64 {
        LEFT + ((t - self.t0) / self.len).clamp(0.0, 1.0) * PLOT
    }
    fn w(&self, d: f64) -> f64 {
        (d / self.len * PLOT).max(0.8)
    }
}

/// At least half the segments have a start and an end: drawn on a time
/// axis (else as a turn-order strip).
pub fn timed(t: &Transcript) -> bool {
    let n = t
        .segments
        .iter()
        .filter(|s| s.start_s.is_some() && s.end_s.is_some())
        .count();
    n > 0 && n * 2 >= t.segments.len()
}

/// The timeline of one call.
pub fn timeline(t: &Transcript, r: &Report, ui: Ui, call: &str) -> String {
    let timed: Vec<(usize, f64, f64)> = t
        .segments
        .iter()
        .enumerate()
        .filter_map(|(i, s)| Some((i, s.start_s?, s.end_s?)))
        .collect();
    if !self::timed(t) {
        return strip(t, r, ui);
    }
    let t0 = timed.iter().map(|x| x.1).fold(f64::INFINITY, f64::min);
    let t1 = timed.iter().map(|x| x.2).fold(f64::NEG_INFINITY, f64::max);
    let sc = Scale {
        t0,
        len: (t1 - t0).max(1.0),
    };
    let is_agent = |i: usize| r.roles.agents.iter().any(|a| a == &t.speakers[i].label);
    let mut o = String::with_capacity(8 * 1024);
    open_svg(&mut o, H, ui);
    // Silences behind everything: dead air one by one (with a title), the
    // other listed silences as one path.
    if let Some(s) = &r.silences {
        let mut plain = String::new();
        let (mut dead_titled, mut dead_more) = (0usize, String::new());
        // Written pauses of untimed calls have no place on a time axis.
        for item in s.items.iter().filter(|i| i.start_s.is_some()) {
            let (x, w) = (sc.x(item.start_s.unwrap_or_default()), sc.w(item.duration_s));
            if item.class == SilenceClass::DeadAir && dead_titled < TITLED_MARKS {
                dead_titled += 1;
                let _ = write!(
                    o,
                    "<rect class=\"d\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"><title>{} {} {} s</title></rect>",
                    r1(x),
                    r1(AGENT_Y - 4.0),
                    r1(w),
                    r1(CUST_Y + LANE_H - AGENT_Y + 8.0),
                    clock(item.start_s),
                    ui.t("dead_air"),
                    num(Some(item.duration_s)),
                );
            } else {
                let target = if item.class == SilenceClass::DeadAir {
                    &mut dead_more
                } else {
                    &mut plain
                };
                let _ = write!(
                    target,
                    "M{} {}h{}v{}h-{}z",
                    r1(x),
                    r1(AGENT_Y - 4.0),
                    r1(w),
                    r1(CUST_Y + LANE_H - AGENT_Y + 8.0),
                    r1(w)
                );
            }
        }
        if !dead_more.is_empty() {
            let _ = write!(
                o,
                "<path class=\"d\" d=\"{dead_more}\"><title>{}</title></path>",
                ui.t("dead_air")
            );
        }
        if !plain.is_empty() {
            let _ = write!(
                o,
                "<path class=\"s\" d=\"{plain}\"><title>{}</title></path>",
                ui.t("silence")
            );
        }
    }
    // Speech bars: runs of one speaker less than a second apart are one bar.
    let mut bars: Vec<(usize, usize, f64, f64, usize)> = Vec::new(); // speaker, first segment, start, end, segments
    for &(i, st, en) in &timed {
        let spk = t.segments[i].speaker;
        match bars.last_mut() {
            Some(b) if b.0 == spk && st <= b.3 + 1.0 => {
                b.3 = b.3.max(en);
                b.4 += 1;
            }
            _ => bars.push((spk, i, st, en, 1)),
        }
    }
    {
        // One path per lane, whole pixels, touching bars joined: the words
        // are in the transcript under the timeline.
        for agent in [true, false] {
            let y = if agent { AGENT_Y } else { CUST_Y };
            let mut d = String::new();
            let mut open: Option<(i64, i64)> = None;
            let flush = |d: &mut String, (x0, x1): (i64, i64)| {
                let _ = write!(d, "M{x0} {y}h{}v{LANE_H}h-{}z", x1 - x0, x1 - x0);
            };
            for &(_, _, start, end, _) in bars.iter().filter(|b| is_agent(b.0) == agent) {
                let x0 = sc.x(start).floor() as i64;
                let x1 = (sc.x(end).ceil() as i64).max(x0 + 1);
                open = match open {
                    Some((a, b)) if x0 <= b => Some((a, b.max(x1))),
                    Some(prev) => {
                        flush(&mut d, prev);
                        Some((x0, x1))
                    }
                    None => Some((x0, x1)),
                };
            }
            if let Some(prev) = open {
                flush(&mut d, prev);
            }
            if !d.is_empty() {
                let _ = write!(o, "<path class=\"{}\" d=\"{d}\"/>", if agent { "a" } else { "c" },);
            }
        }
    }
    // Longest monologue and customer story, outlined.
    for (run, y, class, label) in [
        (
            r.turns.longest_agent_monologue.as_ref(),
            AGENT_Y,
            "m",
            ui.t("longest_monologue"),
        ),
        (
            r.turns.longest_customer_story.as_ref(),
            CUST_Y,
            "st",
            ui.t("longest_story"),
        ),
    ] {
        if let Some(run) = run {
            if let (Some(st), Some(s)) = (run.start_s, run.s) {
                let _ = write!(
                    o,
                    "<rect class=\"{class}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"><title>{} {label}: {} s, {} {}</title></rect>",
                    r1(sc.x(st)),
                    r1(y - 2.0),
                    r1(sc.w(s)),
                    r1(LANE_H + 4.0),
                    clock(Some(st)),
                    num(Some(s)),
                    run.words,
                    ui.t("words")
                );
            }
        }
    }
    // Agent question ticks: each with its quote, unless the call asks so
    // many that the quotes would outweigh the picture (then one path).
    if let Some(q) = &r.questions {
        let ticks: Vec<(f64, &warmcall::report::QuestionItem)> = q
            .items
            .iter()
            .filter(|i| i.role == warmcall::report::Role::Agent)
            .filter_map(|i| {
                i.start_s
                    .or_else(|| t.segments.get(i.segment).and_then(|s| s.start_s))
                    .map(|st| (st, i))
            })
            .collect();
        let mut d = String::new();
        for (st, _) in &ticks {
            let _ = write!(
                d,
                "M{} {}V{}",
                sc.x(*st).round(),
                r1(AGENT_Y - 8.0),
                r1(AGENT_Y + LANE_H)
            );
        }
        let _ = write!(
            o,
            "<path class=\"q\" d=\"{d}\"><title>{} × {}</title></path>",
            ticks.len(),
            ui.t("question")
        );
    }
    // Push markers on top.
    if let Some(p) = &r.pushes {
        for item in &p.items {
            if let Some(st) = item
                .start_s
                .or_else(|| t.segments.get(item.segment).and_then(|s| s.start_s))
            {
                let x = sc.x(st);
                let (size, class) = if item.premature { (7.0, "pp") } else { (5.0, "p") };
                let rd = &item.readiness;
                let _ = write!(
                    o,
                    "<a href=\"#{}\"><path class=\"{class}\" d=\"M{},{} l{},{} l{},0 z\"><title>{} {} ({}) · {} {}, {} {}</title></path></a>",
                    esc(&super::anchor::line(call, item.segment)),
                    r1(x),
                    r1(AGENT_Y - 2.0),
                    r1(-size),
                    r1(-size * 1.6),
                    r1(size * 2.0),
                    clock(Some(st)),
                    if item.premature { ui.t("premature_push") } else { ui.t("push") },
                    item.category.name(),
                    ui.t("answered_open"),
                    rd.answered_open_questions,
                    ui.t("customer_share_so_far"),
                    crate::output::pct(rd.customer_share_so_far),
                );
            }
        }
    }
    axis(&mut o, &sc);
    o.push_str("</svg>");
    o
}

fn axis(o: &mut String, sc: &Scale) {
    // The base line and every tick in one path; the labels after it.
    let _ = write!(o, "<path class=\"ax\" d=\"M{LEFT} {AXIS_Y}H{}", r1(LEFT + PLOT));
    let steps = [10.0, 30.0, 60.0, 120.0, 300.0, 600.0, 900.0, 1800.0, 3600.0];
    let step = steps.iter().copied().find(|s| sc.len / s <= 10.0).unwrap_or(7200.0);
    let ticks: Vec<f64> = {
        let mut v = Vec::new();
        let mut tick = (sc.t0 / step).ceil() * step;
        while tick <= sc.t0 + sc.len + 1e-9 {
            v.push(tick);
            tick += step;
        }
        v
    };
    for &tick in &ticks {
        let _ = write!(o, "M{} {AXIS_Y}v4", sc.x(tick).round());
    }
    o.push_str("\"/><g text-anchor=\"middle\">");
    for &tick in &ticks {
        let _ = write!(
            o,
            "<text x=\"{}\" y=\"{}\">{}</text>",
            sc.x(tick).round(),
            AXIS_Y + 14.0,
            clock(Some(tick))
        );
    }
    o.push_str("</g>");
}

/// Turn-order strip for untimed calls: one block per run of one speaker,
/// width by words.
fn strip(t: &Transcript, r: &Report, ui: Ui) -> String {
    let is_agent = |i: usize| r.roles.agents.iter().any(|a| a == &t.speakers[i].label);
    let mut runs: Vec<(usize, usize, usize)> = Vec::new(); // speaker, first segment, words
    for (i, s) in t.segments.iter().enumerate() {
        // The library's count of the segment, the one the report's word
        // figures add up; an empty segment still gets a sliver.
        let words = s.word_count().max(1);
        match runs.last_mut() {
            Some(last) if last.0 == s.speaker => last.2 += words,
            _ => runs.push((s.speaker, i, words)),
        }
    }
    let total: usize = runs.iter().map(|r| r.2).sum::<usize>().max(1);
    let mut o = String::with_capacity(4 * 1024);
    open_svg(&mut o, 70.0, ui);
    let mut x = LEFT;
    for (spk, first, words) in &runs {
        let w = *words as f64 / total as f64 * PLOT;
        let agent = is_agent(*spk);
        let _ = write!(
            o,
            "<rect class=\"{}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{LANE_H}\"><title>#{} {}: {} {}</title></rect>",
            if agent { "a" } else { "c" },
            r1(x),
            r1(if agent { AGENT_Y } else { CUST_Y }),
            r1(w.max(0.8)),
            first,
            esc(&t.speakers[*spk].label),
            words,
            ui.t("words")
        );
        x += w;
    }
    let _ = write!(o, "<text x=\"{LEFT}\" y=\"12\">{}</text></svg>", ui.t("untimed"));
    o
}

/// The `<svg>` opening tag and the two lane labels, shared by the timeline
/// and the turn-order strip.
fn open_svg(o: &mut String, height: f64, ui: Ui) {
    let _ = write!(
        o,
        "<svg class=\"tl\" viewBox=\"0 0 {W} {height}\" role=\"img\" aria-label=\"{}\">",
        ui.t("timeline")
    );
    let _ = write!(
        o,
        "<text x=\"4\" y=\"{}\">{}</text><text x=\"4\" y=\"{}\">{}</text>",
        r1(AGENT_Y + 15.0),
        ui.t("agent"),
        r1(CUST_Y + 15.0),
        ui.t("customer")
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn analyse(t: &Transcript) -> Report {
        let a = warmcall::Analyzer::new(warmcall::Config::default().agent("Sam")).unwrap();
        let r = a.analyze(t);
        let mut v = serde_json::to_value(&r).unwrap();
        v["roles"]["agents"] = serde_json::json!(["Sam"]);
        v["pushes"] = serde_json::json!({"count":2,"premature":1,"first_s":9.0,"items":[
            {"segment":2,"start_s":9.0,"text":"Shall I come by?","category":"visit","premature":true,
             "readiness":{"elapsed_s":9.0,"elapsed_share":0.5,"customer_share_so_far":0.1,"open_questions_so_far":0,"answered_open_questions":0,"signals":[]}},
            {"segment":3,"start_s":14.0,"text":"Demo Friday?","category":"demo","premature":false,
             "readiness":{"elapsed_s":14.0,"elapsed_share":0.8,"customer_share_so_far":0.4,"open_questions_so_far":2,"answered_open_questions":2,"signals":[]}}]});
        v["silences"] = serde_json::json!({"count":2,"total_s":7.5,"share_of_span":0.4,"longest_s":6.0,
            "by_class":{"micropause":0,"pause":0,"long":1,"dead_air":1},
            "items":[{"start_s":3.0,"duration_s":6.0,"kind":"gap","class":"dead_air","before":"Jo","after":"Sam"},
                     {"start_s":12.0,"duration_s":1.5,"kind":"gap","class":"long","before":"Sam","after":"Jo"}]});
        serde_json::from_value(v).unwrap()
    }

    #[test]
    fn timed_call_has_lanes_silences_and_markers() {
        let t = Transcript::builder()
            .segment("Sam", 0.0, 2.0, "Hi.")
            .segment("Jo", 2.0, 3.0, "Hello.")
            .segment("Sam", 9.0, 12.0, "Shall I come by?")
            .segment("Sam", 12.2, 13.0, "Demo Friday?")
            .segment("Jo", 13.5, 18.0, "Maybe.")
            .build();
        let s = timeline(&t, &analyse(&t), Ui::new("en"), "c.vtt");
        // One path per lane; Sam's two close segments merge into one bar.
        assert_eq!(s.matches("<path class=\"a\"").count(), 1, "{s}");
        assert_eq!(s.matches("<path class=\"c\"").count(), 1);
        let lane = |class: &str| {
            let from = s.find(&format!("<path class=\"{class}\" d=\"")).unwrap();
            s[from..].split('"').nth(3).unwrap().matches('M').count()
        };
        assert_eq!(lane("a"), 2, "{s}");
        assert_eq!(lane("c"), 2);
        assert_eq!(s.matches("<rect class=\"d\"").count(), 1, "dead air is distinct");
        assert_eq!(s.matches("<path class=\"s\"").count(), 1, "other silences: one path");
        assert_eq!(s.matches("<path class=\"pp\"").count(), 1, "premature push stands out");
        assert_eq!(s.matches("<path class=\"p\"").count(), 1);
        assert!(
            s.contains("<title>00:09 premature push (visit) · answered open questions 0"),
            "{s}"
        );
        // Each push marker jumps to its transcript line.
        assert!(s.contains(&format!(
            "<a href=\"#{}\"><path class=\"pp\"",
            super::super::anchor::line("c.vtt", 2)
        )));
    }

    #[test]
    fn untimed_call_gets_a_turn_strip() {
        let t = Transcript::builder()
            .untimed("Sam", "one two three")
            .untimed("Sam", "four")
            .untimed("Jo", "five")
            .build();
        let s = timeline(&t, &analyse(&t), Ui::new("en"), "c.vtt");
        assert!(s.contains("turn order"));
        assert_eq!(s.matches("<rect").count(), 2);
        assert!(s.contains("Sam: 4 words"), "{s}");
    }

    #[test]
    fn long_call_lanes_are_single_paths() {
        let mut b = Transcript::builder();
        for k in 0..200 {
            let who = if k % 2 == 0 { "Sam" } else { "Jo" };
            b = b.segment(who, k as f64 * 5.0, k as f64 * 5.0 + 3.0, "words <b>here</b>");
        }
        let t = b.build();
        let s = timeline(&t, &analyse(&t), Ui::new("en"), "c.vtt");
        assert_eq!(s.matches("<path class=\"a\"").count(), 1);
        assert_eq!(s.matches("<path class=\"c\"").count(), 1);
        assert!(!s.contains("<rect class=\"a\""));
        assert!(s.len() < 12_000, "{} bytes", s.len());
    }
}
