//! `warmcall report`: one self-contained HTML file (inline CSS and JS, no
//! external assets, fonts or network). Summary cards, a sortable table of
//! calls (a plain table without JS), per-agent aggregates, and per call an
//! SVG timeline with its findings listed under it.
//!
//! Every piece of text that comes from a transcript or a file name goes
//! through [`esc`]; markup is only ever written from literals in this
//! module. Each call's section is rendered on the worker thread that
//! analysed it (the transcript is dropped right after) and spilled to an
//! anonymous temp file, so memory does not grow with the batch.

mod i18n;
mod svg;

use std::fmt::Write as _;
use std::io::{self, Seek, Write};

pub use i18n::Ui;
use warmcall::report::{Report, Severity};
use warmcall::Transcript;

use crate::aggregate::{Aggregate, CallRow, Summary};
use crate::output::{clock, duration, num, pct, Sink};
use crate::run::{CallOutput, ErrorRecord};

/// Escapes text for HTML and SVG text content and attribute values.
pub fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            // Control characters are not allowed in HTML text.
            c if c.is_control() && c != '\n' && c != '\t' => o.push('\u{FFFD}'),
            c => o.push(c),
        }
    }
    o
}

/// At most `n` characters, with an ellipsis when cut.
pub fn clip(s: &str, n: usize) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() <= n {
        s
    } else {
        let mut o: String = s.chars().take(n).collect();
        o.push('…');
        o
    }
}

fn name<T: serde::Serialize>(v: &T) -> String {
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

/// Findings of one id shown with message and evidence; later ones by time only.
const FINDINGS_IN_FULL: usize = 3;

/// The inside of one call's section: heading, figures, timeline, findings.
pub fn call_section(t: &Transcript, r: &Report, ui: Ui) -> String {
    let mut o = String::with_capacity(4096);
    let path = r.source.path.as_deref().unwrap_or("-");
    let _ = write!(o, "<h3>{}</h3>", esc(path));
    let agents = if r.roles.agents.is_empty() {
        "-".to_string()
    } else {
        r.roles.agents.join(", ")
    };
    let _ = write!(
        o,
        "<p class=\"meta\">{}: <b>{}</b> ({}) · {}: {} · {}: {} · {}: {} · {}: {} ({} {}) · {}: {} · {}: {}</p>",
        ui.t("agent"),
        esc(&agents),
        esc(&name(&r.roles.basis)),
        ui.t("length"),
        duration(r.span_s),
        ui.t("talk_share"),
        pct(r.talk.agent_share_of_speech),
        ui.t("questions"),
        r.questions
            .as_ref()
            .map(|q| q.agent.total.to_string())
            .unwrap_or_else(|| "-".into()),
        ui.t("pushes"),
        r.pushes.as_ref().map(|p| p.count).unwrap_or(0),
        r.pushes.as_ref().map(|p| p.premature).unwrap_or(0),
        ui.t("premature_lc"),
        ui.t("outcome"),
        esc(&name(&r.outcome.kind)),
        ui.t("warmth"),
        crate::output::warmth(r.score.warmth),
    );
    o.push_str(&svg::timeline(t, r, ui));
    if r.findings.is_empty() {
        let _ = write!(o, "<p class=\"none\">{}</p>", ui.t("no_findings"));
    } else {
        o.push_str("<ul class=\"findings\">");
        // A coach reads the first few of each kind; the rest of a kind that
        // repeats (dead air every minute, a push every turn) are listed by
        // time only. This also keeps a report of hundreds of calls small.
        let mut shown: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        let mut more: Vec<(&str, Vec<String>)> = Vec::new();
        for f in &r.findings {
            let n = shown.entry(f.id.as_str()).or_insert(0);
            *n += 1;
            if *n > FINDINGS_IN_FULL {
                match more.iter_mut().find(|(id, _)| *id == f.id) {
                    Some((_, times)) => times.push(clock(f.start_s)),
                    None => more.push((f.id.as_str(), vec![clock(f.start_s)])),
                }
                continue;
            }
            let _ = write!(
                o,
                "<li class=\"{}\"><span class=\"sev\">{}</span> <code>{}</code> <span class=\"at\">{}</span> {}",
                severity_class(f.severity),
                esc(&name(&f.severity)),
                esc(&f.id),
                if f.start_s.is_some() {
                    clock(f.start_s)
                } else {
                    String::new()
                },
                esc(&f.message)
            );
            if !f.evidence.is_empty() {
                let _ = write!(o, " <q>{}</q>", esc(&clip(&f.evidence, 160)));
            }
            o.push_str("</li>");
        }
        for (id, times) in &more {
            let _ = write!(
                o,
                "<li class=\"more\"><code>{}</code> {} {}: {}</li>",
                esc(id),
                ui.t("and_more"),
                times.len(),
                esc(&times.join(", "))
            );
        }
        o.push_str("</ul>");
    }
    if !r.source.warnings.is_empty() {
        let _ = write!(
            o,
            "<details><summary>{} ({})</summary><ul>",
            ui.t("warnings"),
            r.source.warnings.len()
        );
        for w in &r.source.warnings {
            let _ = write!(o, "<li>{}</li>", esc(w));
        }
        o.push_str("</ul></details>");
    }
    o
}

/// The report sink: call sections go to a spill file as they come; the
/// page head, cards and tables need the summary and are written at the end.
pub struct HtmlSink {
    ui: Ui,
    band: Option<[f64; 2]>,
    profile: String,
    spill: io::BufWriter<std::fs::File>,
    calls: usize,
    errors: Vec<ErrorRecord>,
}

impl HtmlSink {
    /// A sink for one report.
    pub fn new(ui: Ui, band: Option<[f64; 2]>, profile: String) -> io::Result<HtmlSink> {
        Ok(HtmlSink {
            ui,
            band,
            profile,
            spill: io::BufWriter::new(tempfile::tempfile()?),
            calls: 0,
            errors: Vec::new(),
        })
    }
}

impl Sink for HtmlSink {
    fn call(&mut self, _w: &mut dyn Write, call: &CallOutput) -> io::Result<()> {
        write!(self.spill, "<section class=\"call\" id=\"call-{}\">", self.calls)?;
        self.spill.write_all(call.html.as_deref().unwrap_or("").as_bytes())?;
        self.spill.write_all(b"</section>\n")?;
        self.calls += 1;
        Ok(())
    }

    fn error(&mut self, _w: &mut dyn Write, e: &ErrorRecord) -> io::Result<()> {
        self.errors.push(e.clone());
        Ok(())
    }

    fn finish(&mut self, w: &mut dyn Write, summary: &Summary, rows: &[CallRow]) -> io::Result<()> {
        let ui = self.ui;
        let mut h = String::with_capacity(64 * 1024);
        let _ = write!(
            h,
            "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\">\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
             <title>{}</title><style>{}</style></head><body>\n",
            ui.code(),
            ui.t("title"),
            CSS
        );
        let _ = writeln!(
            h,
            "<header><h1>{}</h1><p>{} · {} <b>{}</b> · warmcall {}</p></header>",
            ui.t("title"),
            ui.t("subtitle"),
            ui.t("profile"),
            esc(&self.profile),
            env!("CARGO_PKG_VERSION")
        );
        h.push_str(&cards(&summary.aggregate, summary, self.band, ui));
        // Calls table.
        let _ = write!(
            h,
            "<h2>{}</h2><p class=\"hint\">{}</p>",
            ui.t("calls"),
            ui.t("sort_hint")
        );
        h.push_str("<table id=\"calls\" class=\"sortable\"><thead><tr>");
        for (key, numeric) in [
            ("file", false),
            ("agent", false),
            ("length", true),
            ("talk_share", true),
            ("questions", true),
            ("pushes", true),
            ("premature", true),
            ("outcome", false),
            ("warmth", true),
            ("high_findings", false),
        ] {
            let _ = write!(
                h,
                "<th{}>{}</th>",
                if numeric { " data-type=\"num\"" } else { "" },
                ui.t(key)
            );
        }
        h.push_str("</tr></thead><tbody>\n");
        for (i, r) in rows.iter().enumerate() {
            let v = |x: Option<f64>| x.map(|x| format!("{x}")).unwrap_or_default();
            let _ = writeln!(
                h,
                "<tr{}><td><a href=\"#call-{i}\">{}</a></td><td>{}</td><td data-v=\"{}\">{}</td><td data-v=\"{}\">{}</td>\
                 <td>{}</td><td>{}</td><td>{}</td><td>{}</td><td data-v=\"{}\">{}</td><td>{}</td></tr>",
                if r.not_a_conversation { " class=\"nac\"" } else { "" },
                esc(&r.path),
                esc(r.agent_shown().as_deref().unwrap_or("-")),
                v(r.span_s),
                duration(r.span_s),
                v(r.talk_share),
                pct(r.talk_share),
                r.questions.map(|x| x.to_string()).unwrap_or_else(|| "-".into()),
                r.pushes.map(|x| x.to_string()).unwrap_or_else(|| "-".into()),
                r.premature.map(|x| x.to_string()).unwrap_or_else(|| "-".into()),
                esc(&name(&r.outcome)),
                v(r.warmth),
                crate::output::warmth(r.warmth),
                if r.not_a_conversation {
                    ui.t("not_a_conversation").to_string()
                } else {
                    esc(&r.high.join(" "))
                },
            );
        }
        h.push_str("</tbody></table>\n");
        // Per-agent aggregates.
        if !summary.groups.is_empty() {
            let _ = write!(
                h,
                "<h2>{}</h2><table id=\"agents\" class=\"sortable\"><thead><tr>",
                ui.t("per_agent")
            );
            for (key, numeric) in [
                ("agent", false),
                ("calls", true),
                ("left_out", true),
                ("talk_median", true),
                ("talk_pooled", true),
                ("questions_mean", true),
                ("premature_per_call", true),
                ("warmth_median", true),
                ("advance", true),
            ] {
                let _ = write!(
                    h,
                    "<th{}>{}</th>",
                    if numeric { " data-type=\"num\"" } else { "" },
                    ui.t(key)
                );
            }
            h.push_str("</tr></thead><tbody>\n");
            for g in &summary.groups {
                let a = &g.aggregate;
                let v = |x: Option<f64>| x.map(|x| format!("{x}")).unwrap_or_default();
                let _ = writeln!(
                    h,
                    "<tr><td>{}</td><td>{}</td><td>{}</td><td data-v=\"{}\">{}</td><td data-v=\"{}\">{}</td>\
                     <td>{}</td><td>{}</td><td>{}</td><td data-v=\"{}\">{}</td></tr>",
                    esc(&g.key),
                    a.calls,
                    a.not_a_conversation,
                    v(a.talk_share.median),
                    pct(a.talk_share.median),
                    v(a.talk_share.pooled),
                    pct(a.talk_share.pooled),
                    num(a.agent_questions.mean),
                    num(a.premature_pushes.mean),
                    crate::output::warmth(a.warmth.median),
                    v(a.advance_share),
                    pct(a.advance_share),
                );
            }
            h.push_str("</tbody></table>\n");
        }
        if !self.errors.is_empty() {
            let _ = write!(
                h,
                "<h2>{} ({})</h2><ul class=\"errors\">",
                ui.t("errors"),
                self.errors.len()
            );
            for e in &self.errors {
                let _ = write!(h, "<li>{}</li>", esc(&e.stderr_line()));
            }
            h.push_str("</ul>\n");
        }
        let _ = writeln!(h, "<h2>{}</h2>{}", ui.t("timelines"), legend(ui));
        w.write_all(h.as_bytes())?;
        // The call sections, in order.
        self.spill.flush()?;
        let file = self.spill.get_mut();
        file.seek(io::SeekFrom::Start(0))?;
        io::copy(file, w)?;
        write!(w, "<script>{JS}</script>\n</body></html>\n")
    }
}

fn card(o: &mut String, value: &str, label: &str, note: &str, class: &str) {
    let _ = write!(
        o,
        "<div class=\"card {class}\"><div class=\"v\">{value}</div><div class=\"k\">{label}</div><div class=\"n\">{note}</div></div>"
    );
}

fn cards(a: &Aggregate, s: &Summary, band: Option<[f64; 2]>, ui: Ui) -> String {
    let mut o = String::from("<section class=\"cards\">");
    card(
        &mut o,
        &s.analysed.to_string(),
        ui.t("calls"),
        &format!(
            "{} {} · {} {} · {} {}",
            s.failed,
            ui.t("failed"),
            s.excluded,
            ui.t("excluded"),
            a.not_a_conversation,
            ui.t("left_out")
        ),
        "",
    );
    card(&mut o, &format!("{:.1}", a.hours), ui.t("hours"), "", "");
    let (note, class) = match (band, a.talk_share.median) {
        (Some([lo, hi]), Some(m)) => (
            format!("{} {}–{}", ui.t("band"), pct(Some(lo)), pct(Some(hi))),
            if m >= lo && m <= hi { "ok" } else { "off" },
        ),
        (Some([lo, hi]), None) => (format!("{} {}–{}", ui.t("band"), pct(Some(lo)), pct(Some(hi))), ""),
        _ => (String::new(), ""),
    };
    card(
        &mut o,
        &pct(a.talk_share.median),
        ui.t("median_talk_share"),
        &note,
        class,
    );
    card(&mut o, &num(a.agent_questions.mean), ui.t("questions_per_call"), "", "");
    card(
        &mut o,
        &num(a.premature_pushes.mean),
        ui.t("premature_per_call"),
        "",
        if a.premature_pushes.mean.unwrap_or(0.0) > 0.0 {
            "off"
        } else {
            ""
        },
    );
    card(&mut o, &pct(a.advance_share), ui.t("advance_share"), "", "");
    o.push_str("</section>\n");
    o
}

fn legend(ui: Ui) -> String {
    format!(
        "<p class=\"legend\"><span class=\"sw a\"></span>{} <span class=\"sw c\"></span>{} <span class=\"sw s\"></span>{} \
         <span class=\"sw d\"></span>{} <span class=\"sw q\"></span>{} <span class=\"sw p\"></span>{} \
         <span class=\"sw pp\"></span>{} <span class=\"sw m\"></span>{} <span class=\"sw st\"></span>{}</p>",
        ui.t("agent"),
        ui.t("customer"),
        ui.t("silence"),
        ui.t("dead_air"),
        ui.t("question"),
        ui.t("push"),
        ui.t("premature_push"),
        ui.t("longest_monologue"),
        ui.t("longest_story"),
    )
}

const CSS: &str = "body{font:14px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:0 auto;max-width:1240px;\
padding:16px 24px;color:#1a202c;background:#fff}h1{margin:0 0 4px}h2{margin:28px 0 8px;border-bottom:1px solid #e2e8f0}\
h3{margin:0 0 4px;font-size:15px;word-break:break-all}header p{margin:0;color:#4a5568}\
.cards{display:flex;flex-wrap:wrap;gap:12px;margin-top:16px}.card{flex:1 1 150px;border:1px solid #e2e8f0;border-radius:8px;\
padding:12px;background:#f7fafc}.card .v{font-size:28px;font-weight:700}.card .k{color:#2d3748}.card .n{color:#718096;font-size:12px}\
.card.ok{border-color:#38a169;background:#f0fff4}.card.off{border-color:#e53e3e;background:#fff5f5}\
table{border-collapse:collapse;width:100%;font-size:13px}th,td{padding:4px 8px;border-bottom:1px solid #edf2f7;text-align:left}\
th{background:#edf2f7;cursor:pointer;user-select:none;white-space:nowrap}th[aria-sort=ascending]::after{content:' \\25B2'}\
th[aria-sort=descending]::after{content:' \\25BC'}tr.nac td{color:#a0aec0}td a{color:#2b6cb0}.hint{color:#718096;margin:0 0 6px}\
.call{border:1px solid #e2e8f0;border-radius:8px;padding:12px;margin:12px 0}.meta{margin:0 0 6px;color:#4a5568}\
svg.tl{width:100%;height:auto;display:block;background:#fff}svg .a{fill:#2b6cb0}svg .c{fill:#38a169}svg .s{fill:#e2e8f0}\
svg .d{fill:#f6ad55;fill-opacity:.55}svg .q{stroke:#319795;stroke-width:2}svg .p{fill:#d69e2e}\
svg .pp{fill:#e53e3e;stroke:#742a2a;stroke-width:1}svg .m{fill:none;stroke:#1a365d;stroke-width:2;stroke-dasharray:4 2}\
svg .st{fill:none;stroke:#22543d;stroke-width:2;stroke-dasharray:4 2}svg .ax{stroke:#a0aec0}svg text{font-size:10px;fill:#4a5568}\
.findings{margin:6px 0 0;padding-left:18px}.findings li{margin:2px 0}.sev{font-weight:700;text-transform:uppercase;font-size:11px}\
.high .sev{color:#c53030}.warn .sev{color:#b7791f}.info .sev{color:#718096}.positive .sev{color:#2f855a}\
q{color:#4a5568;font-style:italic}.none{color:#718096}.errors li{color:#c53030}\
.legend .sw{display:inline-block;width:12px;height:12px;margin:0 4px 0 10px;vertical-align:middle;border-radius:2px}\
.sw.a{background:#2b6cb0}.sw.c{background:#38a169}.sw.s{background:#e2e8f0}.sw.d{background:#f6ad55}.sw.q{background:#319795;width:3px}\
.sw.p{background:#d69e2e}.sw.pp{background:#e53e3e}.sw.m{border:2px dashed #1a365d}.sw.st{border:2px dashed #22543d}";

const JS: &str = "(function(){var ts=document.querySelectorAll('table.sortable');\
for(var k=0;k<ts.length;k++){(function(t){var hs=t.tHead.rows[0].cells;for(var i=0;i<hs.length;i++){(function(th,i){\
th.tabIndex=0;var go=function(){var b=t.tBodies[0],rows=Array.prototype.slice.call(b.rows);\
var asc=th.getAttribute('aria-sort')!=='ascending';for(var j=0;j<hs.length;j++)hs[j].removeAttribute('aria-sort');\
th.setAttribute('aria-sort',asc?'ascending':'descending');var num=th.getAttribute('data-type')==='num';\
var val=function(r){var c=r.cells[i];var v=c.getAttribute('data-v');return v===null?c.textContent:v;};\
rows.sort(function(x,y){var a=val(x),c=val(y),r;if(num){var fa=parseFloat(a),fc=parseFloat(c);\
if(isNaN(fa))fa=-Infinity;if(isNaN(fc))fc=-Infinity;r=fa===fc?0:(fa<fc?-1:1);}else{r=a.localeCompare(c);}return asc?r:-r;});\
for(var n=0;n<rows.length;n++)b.appendChild(rows[n]);};th.addEventListener('click',go);\
th.addEventListener('keydown',function(e){if(e.key==='Enter'||e.key===' '){e.preventDefault();go();}});})(hs[i],i);}})(ts[k]);}})();";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_everything_that_could_open_markup() {
        assert_eq!(
            esc("<script>alert(1)</script> & \"x\" 'y'"),
            "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot; &#39;y&#39;"
        );
        assert_eq!(esc("a\u{0}b"), "a\u{FFFD}b");
    }

    #[test]
    fn clip_cuts_on_characters() {
        assert_eq!(clip("één  twee\ndrie", 20), "één twee drie");
        assert_eq!(clip("abcdef", 3), "abc…");
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
        let html = call_section(&t, &r, Ui::new("en"));
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert_eq!(html.matches("</svg>").count(), 1);
    }
}
