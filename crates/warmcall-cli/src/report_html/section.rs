//! One call's section: heading, figures, timeline, findings (each as a
//! sentence, linked to its transcript line and, when a recording sits
//! beside the transcript, to that moment of the audio), the transcript
//! folded away, and the parse and role warnings.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use maud::{html, Markup, PreEscaped};
use warmcall::report::{Finding, Report, Severity};
use warmcall::Transcript;

use super::{anchor, clip, coach, svg, Ui};
use crate::output::record::Rendered;
use crate::output::{clock, duration, pct};
use svg::timed;

/// Characters of evidence quoted under a finding (the whole line is in the
/// transcript).
const QUOTE: usize = 100;
/// Findings of one id shown in full; later ones by time only.
const FINDINGS_IN_FULL: usize = 3;

/// What the section needs besides the call.
#[derive(Debug, Clone)]
pub struct Ctx {
    /// Output language.
    pub ui: Ui,
    /// Absolute folder of the page the section is written to, for links to
    /// audio files; `None` leaves audio links out.
    pub page_dir: Option<PathBuf>,
}

/// Kebab-case name of a serde enum (`no-sale`, `high`).
pub fn name<T: serde::Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

fn severity_class(s: Severity) -> &'static str {
    match s {
        Severity::High => "high",
        Severity::Warn => "warn",
        Severity::Info => "info",
        Severity::Positive => "positive",
    }
}

/// The finding's evidence as the transcript's words: its evidence when
/// every part of it (a signal and the push after it are joined by ` → `)
/// is said in the call, else the words of its line, else nothing (a
/// call-level figure such as a talk share is in the message already).
fn words(t: &Transcript, f: &Finding) -> Option<String> {
    let said = |p: &str| !p.trim().is_empty() && t.segments.iter().any(|s| s.text.contains(p.trim()));
    if !f.evidence.is_empty() && f.evidence.split(" → ").all(said) {
        return Some(clip(&f.evidence, QUOTE));
    }
    let s = t.segments.get(f.segment?)?;
    (!s.text.trim().is_empty()).then(|| clip(&s.text, QUOTE))
}

/// Where in a call: its time, or `#segment` (as `explain` numbers them)
/// in an untimed transcript.
pub fn at(start_s: Option<f64>, segment: usize) -> String {
    match start_s {
        Some(_) => clock(start_s),
        None => format!("#{segment}"),
    }
}

/// Seconds for a media fragment (`#t=75`).
fn media_t(s: f64) -> String {
    format!("{}", s.max(0.0).floor() as u64)
}

/// Renders one call.
pub fn render(t: &Transcript, r: &Report, ctx: &Ctx) -> Rendered {
    let ui = ctx.ui;
    let path = r.source.path.as_deref().unwrap_or("-");
    let id = anchor::call(path);
    let costs = coach::costs(t, r);
    let nac = r.findings.iter().any(|f| f.id == "not-a-conversation");
    let audio = ctx.page_dir.as_ref().and_then(|dir| {
        let a = anchor::audio_beside(Path::new(path))?;
        let abs = std::fs::canonicalize(&a).ok()?;
        Some(anchor::href(dir, &abs))
    });
    let is_agent = |i: usize| r.roles.agents.iter().any(|a| *a == t.speakers[i].label);
    let mut ids: Vec<&str> = Vec::new();
    for f in &r.findings {
        if !ids.contains(&f.id.as_str()) {
            ids.push(&f.id);
        }
    }
    // Which findings are shown in full, and which lines they point at.
    let mut seen: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    let mut full: Vec<&Finding> = Vec::new();
    let mut more: Vec<(&str, Vec<String>)> = Vec::new();
    for f in &r.findings {
        let n = seen.entry(f.id.as_str()).or_insert(0);
        *n += 1;
        if *n <= FINDINGS_IN_FULL {
            full.push(f);
        } else {
            match more.iter_mut().find(|(id, _)| *id == f.id) {
                Some((_, times)) => times.push(clock(f.start_s)),
                None => more.push((f.id.as_str(), vec![clock(f.start_s)])),
            }
        }
    }
    // Each quote once per call: three findings on one push quote it once.
    let mut quoted: Vec<String> = Vec::new();
    let quotes: Vec<Option<String>> = full
        .iter()
        .map(|f| {
            let q = words(t, f)?;
            if quoted.contains(&q) {
                return None;
            }
            quoted.push(q.clone());
            Some(q)
        })
        .collect();
    let mut linked: BTreeSet<usize> = full.iter().filter_map(|f| f.segment).collect();
    linked.extend(costs.iter().filter_map(|c| c.moment.as_ref().map(|m| m.segment)));
    // Push markers on the timeline link to their line.
    if timed(t) {
        linked.extend(r.pushes.iter().flat_map(|p| p.items.iter().map(|i| i.segment)));
    }
    // The transcript by turns: consecutive segments of one speaker share a
    // line (the speaker and time once), each linked segment its own span.
    let mut turns: Vec<Vec<usize>> = Vec::new();
    for (i, s) in t.segments.iter().enumerate() {
        match turns.last_mut() {
            Some(turn) if t.segments[turn[0]].speaker == s.speaker => turn.push(i),
            _ => turns.push(vec![i]),
        }
    }
    let agents_shown = if r.roles.agents.is_empty() {
        "-".to_string()
    } else {
        r.roles.agents.join(", ")
    };
    let section: Markup = html! {
        section.call.nac[nac] id=(id) {
            h3 { a href={ "#" (id) } { (path) } }
            p.meta {
                (ui.t("agent")) ": " b { (agents_shown) } " · "
                (ui.t("length")) ": " (duration(r.span_s)) " · "
                (ui.t("talk_share")) ": " (pct(r.talk.agent_share_of_speech)) " · "
                (ui.t("questions")) ": " (r.questions.as_ref().map(|q| q.agent.total.to_string()).unwrap_or_else(|| "-".into())) " · "
                (ui.t("pushes")) ": " (r.pushes.as_ref().map(|p| p.count).unwrap_or(0))
                " (" (r.pushes.as_ref().map(|p| p.premature).unwrap_or(0)) " " (ui.t("premature_lc")) ") · "
                (ui.t("outcome")) ": " (ui.outcome(r.outcome.kind))
                @if !nac { " · " (ui.t("warmth")) ": " b { (crate::output::warmth(r.score.warmth)) } }
                @if let Some(a) = &audio { " · " a.au href=(a) { "▶ " (ui.t("audio")) } }
            }
            (PreEscaped(svg::timeline(t, r, ui, &id)))
            @if r.findings.is_empty() {
                p.none { (ui.t("no_findings")) }
            } @else {
                ul.findings {
                    @for (k, f) in full.iter().enumerate() {
                        li class=(severity_class(f.severity)) {
                            @if let Some(seg) = f.segment {
                                a href={ "#" (anchor::line(&id, seg)) } { (at(f.start_s, seg)) } " "
                            } @else if f.start_s.is_some() {
                                span.at { (clock(f.start_s)) } " "
                            }
                            (f.message)
                            @if let (Some(a), Some(s)) = (&audio, f.start_s) {
                                " " a.au href={ (a) "#t=" (media_t(s)) } { "▶ " (ui.t("listen")) }
                            }
                            @if let Some(q) = quotes[k].as_ref() { " " q { (q) } }
                        }
                    }
                    @for (fid, times) in &more {
                        li.more { b { (ui.finding(fid)) } " — " (times.len()) " " (ui.t("and_more")) ": " (times.join(", ")) }
                    }
                }
            }
            @if !t.segments.is_empty() {
                details.tx {
                    summary { (ui.t("transcript")) " (" (turns.len()) " " (ui.t("turns")) ")" }
                    ol {
                        @for turn in &turns {
                            @let first = &t.segments[turn[0]];
                            li class=[is_agent(first.speaker).then_some("a")] {
                                @if first.start_s.is_some() { i { (clock(first.start_s)) } " " }
                                b { (t.speakers[first.speaker].label) }
                                @for &i in turn {
                                    " "
                                    @if linked.contains(&i) {
                                        span id=(anchor::line(&id, i)) { (t.segments[i].text) }
                                    } @else {
                                        (t.segments[i].text)
                                    }
                                }
                            }
                        }
                    }
                }
            }
            @if !r.source.warnings.is_empty() {
                details {
                    summary { (ui.t("warnings")) " (" (r.source.warnings.len()) ")" }
                    ul { @for w in &r.source.warnings { li { (w) } } }
                }
            }
        }
    };
    Rendered {
        section: section.into_string(),
        costs,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx() -> Ctx {
        Ctx {
            ui: Ui::new("en"),
            page_dir: None,
        }
    }

    #[test]
    fn hostile_names_and_text_stay_text() {
        let nasty = "<script>alert(1)</script><img src=x onerror=alert(2)></svg>";
        let t = Transcript::builder()
            .segment(nasty, 0.0, 5.0, nasty)
            .segment("Jo", 6.0, 12.0, nasty)
            .build();
        let a = warmcall::Analyzer::new(warmcall::Config::default()).unwrap();
        let r = a.analyze_with_path(&t, Some(nasty));
        let html = render(&t, &r, &ctx()).section;
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert_eq!(html.matches("</svg>").count(), 1);
    }

    #[test]
    fn findings_are_sentences_linked_to_their_line() {
        let t = Transcript::builder()
            .segment("Sam", 0.0, 4.0, "Hi, Sam from Acme here, we sell solar panels.")
            .segment("Jo", 4.5, 6.0, "Oh, okay.")
            .segment("Sam", 6.5, 10.0, "Shall I come by on Tuesday at ten?")
            .segment("Jo", 10.5, 12.0, "Hmm.")
            .build();
        let a = warmcall::Analyzer::new(warmcall::Config::default().agent("Sam")).unwrap();
        let r = a.analyze_with_path(&t, Some("calls/a.vtt"));
        let html = render(&t, &r, &ctx()).section;
        assert!(html.contains("id=\"calls/a.vtt\""), "{html}");
        assert!(r.findings.iter().any(|f| f.id == "premature-push"), "{:?}", r.findings);
        let line = anchor::line("calls/a.vtt", 2);
        assert!(html.contains(&format!("href=\"#{line}\"")), "{html}");
        assert!(
            html.contains(&format!(
                "<span id=\"{line}\">Shall I come by on Tuesday at ten?</span>"
            )),
            "the line is the link's target: {html}"
        );
        assert!(html.contains("<q>Shall I come by on Tuesday at ten?</q>"));
        // Unlinked lines carry no id (size).
        assert!(!html.contains(&format!("id=\"{}\"", anchor::line("calls/a.vtt", 1))));
        assert!(html.contains("<details class=\"tx\">"));
    }

    #[test]
    fn internal_figures_are_not_shown_as_evidence() {
        let t = Transcript::builder()
            .segment("Sam", 0.0, 4.0, "Hello there.")
            .segment("Jo", 4.5, 6.0, "Yes.")
            .build();
        let f = |evidence: &str, segment| {
            let mut v = serde_json::json!({"id":"talk-dominance","severity":"warn","segment":null,"start_s":null,
                "evidence":evidence,"message":"m"});
            v["segment"] = serde_json::json!(segment);
            serde_json::from_value::<Finding>(v).unwrap()
        };
        assert_eq!(words(&t, &f("agent_share_of_speech 0.92", None)), None);
        assert_eq!(
            words(&t, &f("agent_share_of_speech 0.92", Some(1))).as_deref(),
            Some("Yes.")
        );
        assert_eq!(
            words(&t, &f("Yes. → Hello there.", None)).as_deref(),
            Some("Yes. → Hello there.")
        );
    }
}
