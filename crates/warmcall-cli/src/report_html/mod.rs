//! `warmcall report`: a self-contained HTML report that says what to coach
//! on (inline CSS and JS, no external assets, fonts or network).
//!
//! A page reads top-down: summary cards; "what to work on" (the findings
//! that cost the most warmth, each a sentence with its three clearest
//! moments); per agent; the calls table (filter by agent, finding, outcome
//! and text; sort, and the call sections follow); the calls one by one
//! (timeline, findings linked to transcript lines and audio, the transcript
//! folded away); not-a-conversation calls in their own list, unscored.
//!
//! Markup is built with maud, which escapes every spliced value; the only
//! unescaped pieces are the SVG timeline (hand-written in [`svg`], every
//! text through [`esc`]), CSS and JS literals, and already-rendered call
//! sections. Each call's section is rendered on the worker thread that
//! analysed it and spilled to an anonymous temp file, so memory does not
//! grow with the batch. Above [`SPLIT_ABOVE`] inputs the report is an index
//! page plus pages per agent (see docs/report.md).

mod anchor;
mod coach;
mod section;
mod svg;

use std::collections::BTreeMap;
use std::io::{self, Read, Seek, Write};
use std::path::{Path, PathBuf};

use maud::{html, Markup, PreEscaped, DOCTYPE};

pub use crate::i18n::Ui;
use section::name;
pub use section::{render, Ctx};

use crate::aggregate::{Aggregate, CallRow, Summary};
use crate::output::record::{CallOutput, ErrorRecord};
use crate::output::{duration, num, pct, Sink};

/// More input files than this: an index page plus pages per agent. 500
/// realistic calls make about 4.5 MB that Chromium opens in about a second;
/// past that one page grows beyond what a browser opens comfortably.
pub const SPLIT_ABOVE: usize = 500;
/// Calls on one agent page; an agent with more gets numbered pages.
pub const PAGE_CALLS: usize = 500;
/// The agent key of calls without a recognised seller (as in `--group-by`).
pub const NO_AGENT: &str = crate::aggregate::NO_AGENT;
/// Findings listed under "what to work on".
const WORK_ON: usize = 5;
/// Moments shown per finding there.
const MOMENTS: usize = 3;

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

/// At most `n` characters, with an ellipsis when cut; control characters
/// (not allowed in HTML text) become U+FFFD.
pub fn clip(s: &str, n: usize) -> String {
    let s = s
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace(|c: char| c.is_control(), "\u{FFFD}");
    if s.chars().count() <= n {
        s
    } else {
        let mut o: String = s.chars().take(n).collect();
        o.push('…');
        o
    }
}

/// Where the report goes and whether it is split.
#[derive(Debug, Clone)]
pub struct Layout {
    /// The `-o` file.
    pub out: PathBuf,
    /// Index plus per-agent pages.
    pub split: bool,
}

impl Layout {
    /// The layout for `inputs` files written to `out`.
    pub fn new(out: &Path, inputs: usize) -> Layout {
        Layout {
            out: out.to_path_buf(),
            split: inputs > SPLIT_ABOVE,
        }
    }

    /// The folder of agent pages: the output's name without extension
    /// (`report.html` → `report/`), or with `-pages` added when it has no
    /// extension to drop (`-o report` → `report-pages/`).
    pub fn pages_dir(&self) -> PathBuf {
        if self.out.extension().is_some() {
            self.out.with_extension("")
        } else {
            let mut name = self.out.file_name().unwrap_or_default().to_os_string();
            name.push("-pages");
            self.out.with_file_name(name)
        }
    }

    /// Absolute folder of the pages that hold call sections.
    pub fn section_dir(&self) -> Option<PathBuf> {
        let parent = match self.out.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let parent = std::fs::canonicalize(parent).ok()?;
        Some(if self.split {
            parent.join(self.pages_dir().file_name()?)
        } else {
            parent
        })
    }
}

/// One call as the pages need it.
struct Entry {
    row: CallRow,
    anchor: String,
    agent: String,
    ids: Vec<String>,
    costs: Vec<coach::Cost>,
    at: u64,
    len: u64,
    /// The page file (relative to the index) when split.
    page: String,
}

/// The report sink: call sections go to a spill file as they come; pages
/// need the summary and are written at the end.
pub struct HtmlSink {
    ui: Ui,
    band: Option<[f64; 2]>,
    profile: String,
    layout: Layout,
    spill: io::BufWriter<std::fs::File>,
    written: u64,
    entries: Vec<Entry>,
    errors: Vec<ErrorRecord>,
}

impl HtmlSink {
    /// A sink for one report.
    pub fn new(ui: Ui, band: Option<[f64; 2]>, profile: String, layout: Layout) -> io::Result<HtmlSink> {
        Ok(HtmlSink {
            ui,
            band,
            profile,
            layout,
            spill: io::BufWriter::new(tempfile::tempfile()?),
            written: 0,
            entries: Vec::new(),
            errors: Vec::new(),
        })
    }
}

impl Sink for HtmlSink {
    fn call(&mut self, _w: &mut dyn Write, call: &CallOutput) -> io::Result<()> {
        let (section, costs) = match &call.html {
            Some(r) => (r.section.as_str(), r.costs.clone()),
            None => ("", Vec::new()),
        };
        self.spill.write_all(section.as_bytes())?;
        self.spill.write_all(b"\n")?;
        let len = section.len() as u64 + 1;
        let mut ids: Vec<String> = Vec::new();
        for f in &call.report.findings {
            if !ids.contains(&f.id) {
                ids.push(f.id.clone());
            }
        }
        self.entries.push(Entry {
            anchor: anchor::call(&call.row.path),
            // The person, as `--group-by agent` keys it: sellers known only
            // by a generic label share the "(unnamed)" key (issue 21).
            agent: call.row.key(crate::args::GroupBy::Agent),
            row: call.row.clone(),
            ids,
            costs,
            at: self.written,
            len,
            page: String::new(),
        });
        self.written += len;
        Ok(())
    }

    fn error(&mut self, _w: &mut dyn Write, e: &ErrorRecord) -> io::Result<()> {
        self.errors.push(e.clone());
        Ok(())
    }

    fn finish(&mut self, w: &mut dyn Write, summary: &Summary, _rows: &[CallRow]) -> io::Result<()> {
        self.spill.flush()?;
        // A second handle on the spill file, to read sections back while
        // the entries are borrowed.
        let mut spill = self.spill.get_ref().try_clone()?;
        let ui = self.ui;
        let mut by_agent: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (i, e) in self.entries.iter().enumerate() {
            by_agent.entry(e.agent.clone()).or_default().push(i);
        }
        // Agent pages, numbered when an agent has more than PAGE_CALLS calls.
        let mut pages: Vec<(String, String, Vec<usize>)> = Vec::new(); // agent, file, entries
        if self.layout.split {
            let dir = self.layout.pages_dir();
            let dir_name = dir
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            for (agent, idx) in &by_agent {
                let slug = anchor::slug(agent);
                for (k, chunk) in idx.chunks(PAGE_CALLS).enumerate() {
                    let file = if k == 0 {
                        format!("agent-{slug}.html")
                    } else {
                        format!("agent-{slug}-{}.html", k + 1)
                    };
                    let rel = format!(
                        "{}/{file}",
                        anchor::href(Path::new("/"), Path::new(&format!("/{dir_name}")))
                    );
                    for &i in chunk {
                        self.entries[i].page = rel.clone();
                    }
                    pages.push((agent.clone(), file, chunk.to_vec()));
                }
            }
        }
        let weekly = crate::aggregate::spans_weeks(self.entries.iter().map(|e| &e.row));
        let agents: Vec<AgentLine> = by_agent
            .iter()
            .map(|(agent, idx)| {
                let es: Vec<&Entry> = idx.iter().map(|&i| &self.entries[i]).collect();
                AgentLine {
                    key: agent.clone(),
                    aggregate: Aggregate::of(es.iter().map(|e| &e.row)),
                    top: work_on(&es).into_iter().next(),
                    weeks: if weekly {
                        crate::aggregate::weeks(&es.iter().map(|e| &e.row).collect::<Vec<_>>())
                    } else {
                        Vec::new()
                    },
                    pages: pages
                        .iter()
                        .filter(|p| &p.0 == agent)
                        .map(|p| self.entries[p.2[0]].page.clone())
                        .collect(),
                }
            })
            .collect();
        let all: Vec<&Entry> = self.entries.iter().collect();
        let top = Top {
            analysed: summary.analysed,
            failed: summary.failed,
            excluded: summary.excluded,
        };
        let index = Page {
            heading: ui.t("title").to_string(),
            back: None,
            aggregate: &summary.aggregate,
            top: Some(&top),
            entries: all,
            agents: Some(&agents),
            errors: &self.errors,
            sections: !self.layout.split,
            same_page: !self.layout.split,
        };
        self.write_page(&mut spill, w, &index)?;
        if self.layout.split {
            let dir = self.layout.pages_dir();
            std::fs::create_dir_all(&dir)?;
            let back = format!(
                "../{}",
                anchor::href(Path::new("/"), Path::new(&format!("/{}", file_name(&self.layout.out))))
            );
            for (agent, file, idx) in &pages {
                let es: Vec<&Entry> = idx.iter().map(|&i| &self.entries[i]).collect();
                let aggregate = Aggregate::of(es.iter().map(|e| &e.row));
                let page = Page {
                    heading: format!("{}: {}", ui.t("agent"), shown_agent(ui, agent)),
                    back: Some(back.clone()),
                    aggregate: &aggregate,
                    top: None,
                    entries: es,
                    agents: None,
                    errors: &[],
                    sections: true,
                    same_page: true,
                };
                let mut tmp = tempfile::NamedTempFile::new_in(&dir)?;
                {
                    let mut bw = io::BufWriter::new(tmp.as_file_mut());
                    self.write_page(&mut spill, &mut bw, &page)?;
                    bw.flush()?;
                }
                tmp.persist(dir.join(file)).map_err(|e| e.error)?;
            }
        }
        Ok(())
    }
}

fn copy_section(spill: &mut std::fs::File, w: &mut dyn Write, e: &Entry) -> io::Result<()> {
    spill.seek(io::SeekFrom::Start(e.at))?;
    io::copy(&mut Read::by_ref(spill).take(e.len), w)?;
    Ok(())
}

fn file_name(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn shown_agent(ui: Ui, key: &str) -> String {
    if key == NO_AGENT {
        ui.t("no_agent").to_string()
    } else if key == crate::aggregate::UNNAMED {
        ui.t("unnamed").to_string()
    } else {
        key.to_string()
    }
}

/// The batch counts shown on the index page's first card.
struct Top {
    analysed: usize,
    failed: usize,
    excluded: usize,
}

/// One agent's line in the per-agent table.
struct AgentLine {
    key: String,
    aggregate: Aggregate,
    top: Option<Tally>,
    pages: Vec<String>,
    /// Figures per ISO week when the folder's dated calls span several.
    weeks: Vec<crate::aggregate::Week>,
}

/// One page.
struct Page<'a> {
    heading: String,
    back: Option<String>,
    aggregate: &'a Aggregate,
    top: Option<&'a Top>,
    entries: Vec<&'a Entry>,
    agents: Option<&'a [AgentLine]>,
    errors: &'a [ErrorRecord],
    /// The call sections are on this page.
    sections: bool,
    /// Links to calls stay on this page (else they go to the agent page).
    same_page: bool,
}

/// One finding summed over calls.
struct Tally {
    id: String,
    points: f64,
    calls: usize,
    /// (points, entry index in the page, moment)
    examples: Vec<(f64, usize, coach::Moment)>,
}

/// The findings that cost the most warmth over `entries`, each with its
/// clearest moments (from the calls it cost most, one per call).
fn work_on(entries: &[&Entry]) -> Vec<Tally> {
    let mut map: BTreeMap<&str, Tally> = BTreeMap::new();
    for (k, e) in entries.iter().enumerate() {
        if e.row.not_a_conversation {
            continue;
        }
        for c in &e.costs {
            let t = map.entry(&c.id).or_insert_with(|| Tally {
                id: c.id.clone(),
                points: 0.0,
                calls: 0,
                examples: Vec::new(),
            });
            t.points += c.points;
            t.calls += 1;
            if let Some(m) = &c.moment {
                t.examples.push((c.points, k, m.clone()));
                t.examples.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
                t.examples.truncate(MOMENTS);
            }
        }
    }
    let mut v: Vec<Tally> = map.into_values().filter(|t| t.points > 0.0).collect();
    v.sort_by(|a, b| b.points.total_cmp(&a.points).then(a.id.cmp(&b.id)));
    v.truncate(WORK_ON);
    v
}

impl HtmlSink {
    fn link(&self, p: &Page<'_>, e: &Entry, fragment: &str) -> String {
        if p.same_page {
            format!("#{fragment}")
        } else {
            format!("{}#{fragment}", e.page)
        }
    }

    fn write_page(&self, spill: &mut std::fs::File, w: &mut dyn Write, p: &Page<'_>) -> io::Result<()> {
        let ui = self.ui;
        let (scored, nac): (Vec<&Entry>, Vec<&Entry>) = p.entries.iter().partition(|e| !e.row.not_a_conversation);
        // maud closes every element it opens; the page's body is streamed
        // between literal tags so the call sections need not be held.
        write!(w, "{}\n<html lang=\"{}\"><head>", DOCTYPE.into_string(), ui.code())?;
        let head = html! {
            meta charset="utf-8";
            meta name="viewport" content="width=device-width, initial-scale=1";
            title { (p.heading) " · " (ui.t("title")) }
            style { (PreEscaped(CSS)) (PreEscaped(severity_css(ui))) }
        };
        w.write_all(head.into_string().as_bytes())?;
        w.write_all(b"</head><body>\n")?;
        let top = self.top_part(p, &scored, &nac);
        w.write_all(top.into_string().as_bytes())?;
        if p.sections {
            w.write_all(b"<div id=\"sections\">\n")?;
            for e in &scored {
                copy_section(spill, w, e)?;
            }
            w.write_all(b"</div>\n")?;
            if !nac.is_empty() {
                w.write_all(b"<div id=\"nac-sections\">\n")?;
                for e in &nac {
                    copy_section(spill, w, e)?;
                }
                w.write_all(b"</div>\n")?;
            }
        }
        write!(w, "<script>{JS}</script>\n</body></html>\n")
    }

    fn top_part(&self, p: &Page<'_>, scored: &[&Entry], nac: &[&Entry]) -> Markup {
        let ui = self.ui;
        let tallies = work_on(&p.entries);
        let mut finding_ids: Vec<&str> = Vec::new();
        for e in scored {
            for id in &e.ids {
                if !finding_ids.contains(&id.as_str()) {
                    finding_ids.push(id);
                }
            }
        }
        finding_ids.sort_by_key(|id| ui.finding(id));
        let mut agents: Vec<&str> = scored.iter().map(|e| e.agent.as_str()).collect();
        agents.sort_unstable();
        agents.dedup();
        let a = p.aggregate;
        html! {
            header {
                @if let Some(b) = &p.back { p.back { a href=(b) { "← " (ui.t("index")) } } }
                h1 { (p.heading) }
                p { (ui.t("subtitle")) " · " (ui.t("profile")) " " b { (self.profile) } " · warmcall " (env!("CARGO_PKG_VERSION")) }
            }
            (self.cards(a, p.top))
            section #work {
                h2 { (ui.t("work_on")) }
                @if tallies.is_empty() {
                    p.none { (ui.t("work_on_none")) }
                } @else {
                    p.hint { (ui.t("work_on_hint")) }
                    ol.work {
                        @for t in &tallies {
                            li data-f=(t.id) {
                                b { (ui.finding(&t.id)) }
                                " — " (num(Some(t.points))) " " (ui.t("points_lost")) " " (ui.t("in_calls")) " "
                                (t.calls) " " (ui.t("calls_lc")) " (" (num(Some(t.points / t.calls as f64))) " " (ui.t("per_call_lc")) ")"
                                ul.moments {
                                    @for (_, k, m) in &t.examples {
                                        @let e = p.entries[*k];
                                        li {
                                            a href=(self.link(p, e, &anchor::line(&e.anchor, m.segment))) {
                                                (e.row.path) " " (section::at(m.start_s, m.segment))
                                            }
                                            " · " (shown_agent(ui, &e.agent)) " " q { (m.quote) }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            @if let Some(agents_lines) = p.agents {
                @if p.same_page && agents_lines.len() < 2 {
                } @else {
                    section #per-agent {
                        h2 { (ui.t("per_agent")) }
                        @if !p.same_page { p.hint { (ui.t("split_note")) } }
                        div.wide { table #agents .sortable {
                            thead { tr {
                                th { (ui.t("agent")) }
                                th data-type="num" { (ui.t("calls")) }
                                th data-type="num" { (ui.t("left_out")) }
                                th data-type="num" { (ui.t("talk_median")) }
                                th data-type="num" { (ui.t("talk_pooled")) }
                                th data-type="num" { (ui.t("questions_mean")) }
                                th data-type="num" { (ui.t("premature_per_call")) }
                                th data-type="num" { (ui.t("warmth_median")) }
                                th data-type="num" { (ui.t("advance")) }
                                th { (ui.t("top_finding")) }
                            } }
                            tbody {
                                @for l in agents_lines {
                                    @let g = &l.aggregate;
                                    tr data-agent=(l.key) {
                                        td {
                                            @if l.pages.is_empty() {
                                                a.agent href={ "?agent=" (url_part(&l.key)) "#calls" } { (shown_agent(ui, &l.key)) }
                                            } @else {
                                                a.agent href=(l.pages[0]) { (shown_agent(ui, &l.key)) }
                                                @if l.pages.len() > 1 {
                                                    " (" (ui.t("page")) @for (k, pg) in l.pages.iter().enumerate() { " " a href=(pg) { (k + 1) } } ")"
                                                }
                                            }
                                        }
                                        td { (g.calls) }
                                        td { (g.not_a_conversation) }
                                        td data-v=(v(g.talk_share.median)) { (pct(g.talk_share.median)) }
                                        td data-v=(v(g.talk_share.pooled)) { (pct(g.talk_share.pooled)) }
                                        td { (num(g.agent_questions.mean)) }
                                        td { (num(g.premature_pushes.mean)) }
                                        td data-v=(v(g.warmth.median)) { (crate::output::warmth(g.warmth.median)) }
                                        td data-v=(v(g.advance_share)) { (pct(g.advance_share)) }
                                        td {
                                            @if let Some(t) = &l.top {
                                                (ui.finding(&t.id)) " (−" (num(Some(t.points / g.aggregated.max(1) as f64))) " " (ui.t("per_call_lc")) ")"
                                            }
                                        }
                                    }
                                }
                            }
                        } }
                    }
                }
            }
            @if let Some(agents_lines) = p.agents {
                @if agents_lines.iter().any(|l| !l.weeks.is_empty()) {
                    section #per-week {
                        h2 { (ui.t("per_week")) }
                        div.wide { table #weeks .sortable {
                            thead { tr {
                                th { (ui.t("agent")) }
                                th { (ui.t("week")) }
                                th data-type="num" { (ui.t("calls")) }
                                th data-type="num" { (ui.t("talk_median")) }
                                th data-type="num" { (ui.t("questions_mean")) }
                                th data-type="num" { (ui.t("premature_per_call")) }
                                th data-type="num" { (ui.t("warmth_median")) }
                                th data-type="num" { (ui.t("advance")) }
                            } }
                            tbody {
                                @for l in agents_lines { @for wk in &l.weeks {
                                    @let g = &wk.aggregate;
                                    tr data-agent=(l.key) {
                                        td { (shown_agent(ui, &l.key)) }
                                        td { (wk.week.as_deref().unwrap_or(ui.t("undated"))) }
                                        td { (g.calls) }
                                        td data-v=(v(g.talk_share.median)) { (pct(g.talk_share.median)) }
                                        td { (num(g.agent_questions.mean)) }
                                        td { (num(g.premature_pushes.mean)) }
                                        td data-v=(v(g.warmth.median)) { (crate::output::warmth(g.warmth.median)) }
                                        td data-v=(v(g.advance_share)) { (pct(g.advance_share)) }
                                    }
                                } }
                            }
                        } }
                    }
                }
            }
            section #calls-part {
                h2 #calls-h { (ui.t("calls")) }
                p.hint { (ui.t("sort_hint")) }
                div #filters hidden {
                    label { (ui.t("agent")) " "
                        select #f-agent { option value="" { (ui.t("all")) } @for ag in &agents { option value=(ag) { (shown_agent(ui, ag)) } } } }
                    label { (ui.t("finding")) " "
                        select #f-finding { option value="" { (ui.t("all")) } @for id in &finding_ids { option value=(id) { (ui.finding(id)) } } } }
                    label { (ui.t("outcome")) " "
                        select #f-outcome { option value="" { (ui.t("all")) }
                            @for k in [warmcall::report::OutcomeKind::Advance, warmcall::report::OutcomeKind::Continuation,
                                       warmcall::report::OutcomeKind::NoSale, warmcall::report::OutcomeKind::Unknown] {
                                option value=(name(&k)) { (ui.outcome(k)) } } } }
                    label { (ui.t("search")) " " input #f-q type="search" placeholder=(ui.t("search_hint")); }
                    " " span #f-count {} " " (ui.t("shown"))
                }
                table #calls .sortable {
                    thead { tr {
                        th { (ui.t("file")) }
                        th { (ui.t("agent")) }
                        th data-type="num" { (ui.t("length")) }
                        th data-type="num" { (ui.t("talk_share")) }
                        th data-type="num" { (ui.t("questions")) }
                        th data-type="num" { (ui.t("pushes")) }
                        th data-type="num" { (ui.t("premature")) }
                        th { (ui.t("outcome")) }
                        th data-type="num" { (ui.t("warmth")) }
                        th { (ui.t("high_findings")) }
                    } }
                    tbody {
                        @for e in scored {
                            @let r = &e.row;
                            tr data-agent=(e.agent) data-o=(name(&r.outcome)) data-f=(e.ids.join(" ")) {
                                td { a href=(self.link(p, e, &e.anchor)) { (r.path) } }
                                td { (e.row.agent_shown().unwrap_or_else(|| shown_agent(ui, &e.agent))) }
                                td data-v=(v(r.span_s)) { (duration(r.span_s)) }
                                td data-v=(v(r.talk_share)) { (pct(r.talk_share)) }
                                td { (opt(r.questions)) }
                                td { (opt(r.pushes)) }
                                td { (opt(r.premature)) }
                                td { (ui.outcome(r.outcome)) }
                                td data-v=(v(r.warmth)) { (crate::output::warmth(r.warmth)) }
                                td { (r.high.iter().map(|id| ui.finding(id)).collect::<Vec<_>>().join("; ")) }
                            }
                        }
                    }
                }
            }
            @if !nac.is_empty() {
                section #nac {
                    h2 { (ui.t("nac_list")) " (" (nac.len()) ")" }
                    p.hint { (ui.t("nac_hint")) }
                    ul.nac {
                        @for e in nac {
                            li { a href=(self.link(p, e, &e.anchor)) { (e.row.path) } " · " (shown_agent(ui, &e.agent)) " · " (duration(e.row.span_s)) }
                        }
                    }
                }
            }
            @if !p.errors.is_empty() {
                section #errors {
                    h2 { (ui.t("errors")) " (" (p.errors.len()) ")" }
                    ul.errors { @for e in p.errors { li { (e.stderr_line()) } } }
                }
            }
            @if p.sections {
                h2 #timelines { (ui.t("timelines")) }
                (legend(ui))
            }
        }
    }

    fn cards(&self, a: &Aggregate, top: Option<&Top>) -> Markup {
        let ui = self.ui;
        let (band_note, band_class) = match (self.band, a.talk_share.median) {
            (Some([lo, hi]), m) => (
                format!("{} {}–{}", ui.t("band"), pct(Some(lo)), pct(Some(hi))),
                match m {
                    Some(m) if m >= lo && m <= hi => "ok",
                    Some(_) => "off",
                    None => "",
                },
            ),
            _ => (String::new(), ""),
        };
        let calls_note = match top {
            Some(t) => format!(
                "{} {} · {} {} · {} {}",
                t.failed,
                ui.t("failed"),
                t.excluded,
                ui.t("excluded"),
                a.not_a_conversation,
                ui.t("left_out")
            ),
            None => format!("{} {}", a.not_a_conversation, ui.t("left_out")),
        };
        let premature_off = a.premature_pushes.mean.unwrap_or(0.0) > 0.0;
        html! {
            section.cards {
                (card(&top.map_or(a.calls, |t| t.analysed).to_string(), ui.t("calls"), &calls_note, ""))
                (card(&format!("{:.1}", a.hours), ui.t("hours"), "", ""))
                (card(&pct(a.talk_share.median), ui.t("median_talk_share"), &band_note, band_class))
                (card(&num(a.agent_questions.mean), ui.t("questions_per_call"), "", ""))
                (card(&num(a.premature_pushes.mean), ui.t("premature_per_call"), "", if premature_off { "off" } else { "" }))
                (card(&pct(a.advance_share), ui.t("advance_share"), "", ""))
            }
        }
    }
}

fn v(x: Option<f64>) -> String {
    x.map(|x| format!("{x}")).unwrap_or_default()
}

fn opt(x: Option<usize>) -> String {
    x.map(|v| v.to_string()).unwrap_or_else(|| "-".into())
}

/// A query-string value, percent-encoded.
fn url_part(s: &str) -> String {
    let mut o = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            o.push(b as char);
        } else {
            o.push_str(&format!("%{b:02X}"));
        }
    }
    o
}

fn card(value: &str, label: &str, note: &str, class: &str) -> Markup {
    html! {
        div class={ "card " (class) } { div.v { (value) } div.k { (label) } div.n { (note) } }
    }
}

fn legend(ui: Ui) -> Markup {
    html! {
        p.legend {
            @for (c, k) in [("a", "agent"), ("c", "customer"), ("s", "silence"), ("d", "dead_air"), ("q", "question"),
                            ("p", "push"), ("pp", "premature_push"), ("m", "longest_monologue"), ("st", "longest_story")] {
                span class={ "sw " (c) } {} (ui.t(k)) " "
            }
        }
    }
}

/// Severity words before each finding come from CSS, in the page's
/// language: written once per page rather than once per finding.
fn severity_css(ui: Ui) -> String {
    use warmcall::report::Severity::*;
    let mut o = String::new();
    for (class, s) in [("high", High), ("warn", Warn), ("info", Info), ("positive", Positive)] {
        o.push_str(&format!(
            ".findings li.{class}::before{{content:'{} '}}",
            ui.severity(s)
        ));
    }
    o
}

const CSS: &str = "body{font:14px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:0 auto;max-width:1240px;\
padding:16px 24px;color:#1a202c;background:#fff}h1{margin:0 0 4px}h2{margin:28px 0 8px;border-bottom:1px solid #e2e8f0}\
h3{margin:0 0 4px;font-size:15px;word-break:break-all}header p{margin:0;color:#4a5568}\
.cards{display:flex;flex-wrap:wrap;gap:12px;margin-top:16px}.card{flex:1 1 150px;border:1px solid #e2e8f0;border-radius:8px;\
padding:12px;background:#f7fafc}.card .v{font-size:28px;font-weight:700}.card .k{color:#2d3748}.card .n{color:#718096;font-size:12px}\
.card.ok{border-color:#38a169;background:#f0fff4}.card.off{border-color:#e53e3e;background:#fff5f5}\
.work>li{margin:8px 0}.moments{margin:2px 0 0;padding-left:18px;color:#4a5568}\
table{border-collapse:collapse;width:100%;font-size:13px}th,td{padding:4px 8px;border-bottom:1px solid #edf2f7;text-align:left}\
th{background:#edf2f7;cursor:pointer;user-select:none;vertical-align:bottom}.wide{overflow-x:auto}th[aria-sort=ascending]::after{content:' \\25B2'}\
th[aria-sort=descending]::after{content:' \\25BC'}td a{color:#2b6cb0}.hint{color:#718096;margin:0 0 6px}\
#filters{display:flex;flex-wrap:wrap;gap:12px;align-items:center;margin:0 0 8px}#filters[hidden]{display:none}\
.call{border:1px solid #e2e8f0;border-radius:8px;padding:12px;margin:12px 0;content-visibility:auto;contain-intrinsic-size:auto 420px}.call.nac{color:#718096}.meta{margin:0 0 6px;color:#4a5568}\
svg.tl{width:100%;height:auto;display:block;background:#fff}svg .a{fill:#2b6cb0}svg .c{fill:#38a169}svg .s{fill:#e2e8f0}\
svg .d{fill:#f6ad55;fill-opacity:.55}svg .q{stroke:#319795;stroke-width:2}svg .p{fill:#d69e2e}\
svg .pp{fill:#e53e3e;stroke:#742a2a;stroke-width:1}svg .m{fill:none;stroke:#1a365d;stroke-width:2;stroke-dasharray:4 2}\
svg .st{fill:none;stroke:#22543d;stroke-width:2;stroke-dasharray:4 2}svg .ax{stroke:#a0aec0}svg text{font-size:10px;fill:#4a5568}\
.findings{margin:6px 0 0;padding-left:18px}.findings li{margin:2px 0}.findings li::before{font-weight:700;text-transform:uppercase;font-size:11px}\
.findings .high::before{color:#c53030}.findings .warn::before{color:#b7791f}.findings .info::before{color:#718096}.findings .positive::before{color:#2f855a}\
q{color:#4a5568;font-style:italic}.none{color:#718096}.errors li{color:#c53030}a.au{font-size:12px}\
.tx summary{cursor:pointer;color:#2b6cb0}.tx ol{list-style:none;padding-left:0;max-height:480px;overflow:auto;margin:4px 0}\
.tx li{padding:1px 4px}.tx li i{color:#718096;font-style:normal;font-size:12px}.tx li.a b{color:#2b6cb0}.tx li.c b{color:#2f855a}\
.tx li:target,.tx li.hit{background:#fefcbf}\
.legend .sw{display:inline-block;width:12px;height:12px;margin:0 4px 0 10px;vertical-align:middle;border-radius:2px}\
.sw.a{background:#2b6cb0}.sw.c{background:#38a169}.sw.s{background:#e2e8f0}.sw.d{background:#f6ad55}.sw.q{background:#319795;width:3px}\
.sw.p{background:#d69e2e}.sw.pp{background:#e53e3e}.sw.m{border:2px dashed #1a365d}.sw.st{border:2px dashed #22543d}";

/// Sorting (the call sections follow the table's order), filters by agent,
/// finding, outcome and text (kept in the URL's query, so a filtered view
/// can be bookmarked), and opening the folded transcript when a link jumps
/// to one of its lines. Without scripts the page reads the same, in path
/// order, with the filters hidden.
const JS: &str = include_str!("report.js");

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
        assert_eq!(clip("a\u{7}b", 9), "a\u{FFFD}b");
    }

    #[test]
    fn the_split_threshold() {
        assert!(!Layout::new(Path::new("r.html"), SPLIT_ABOVE).split);
        assert!(Layout::new(Path::new("r.html"), SPLIT_ABOVE + 1).split);
        assert_eq!(Layout::new(Path::new("out/r.html"), 1).pages_dir(), Path::new("out/r"));
        // Near miss: no extension to drop, so the folder cannot be the file.
        assert_eq!(Layout::new(Path::new("out/r"), 1).pages_dir(), Path::new("out/r-pages"));
    }

    #[test]
    fn query_values_are_encoded() {
        assert_eq!(url_part("Jan de Vries&x"), "Jan%20de%20Vries%26x");
    }
}
