//! The batch: inputs in sorted path order, analysed in ordered chunks on a
//! local thread pool over one shared `Analyzer`, each chunk written before
//! the next is read, so memory stays bounded and the output is identical
//! for any `-j`.

use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use anyhow::{Context, Result};
use rayon::prelude::*;
use warmcall::date::CallDate;
use warmcall::{Analyzer, Report, Transcript};

use crate::aggregate::{Aggregate, CallRow, Summary};
use crate::args::{GroupBy, WarningsMode};
use crate::output::record::{CallOutput, ErrorRecord, Rendered};
use crate::output::Sink;
use crate::plan::{BatchPlan, ProgressMode};
use crate::walk::{io_message, Input};
use crate::warnings::Tally;

/// Inputs analysed at a time: large enough to keep every thread busy, small
/// enough that a chunk of reports never weighs much.
pub const CHUNK: usize = 256;

/// An I/O failure as a per-file record.
fn io_record(path: &str, e: &io::Error) -> ErrorRecord {
    ErrorRecord {
        path: path.to_string(),
        line: None,
        kind: "io",
        message: io_message(e),
    }
}

/// What one input became.
#[derive(Debug)]
pub enum Item {
    /// Analysed.
    Call(Box<CallOutput>),
    /// Failed.
    Error(ErrorRecord),
    /// A file warmcall wrote (csv, json, jsonl output): not a call.
    OwnOutput(String),
}

/// stderr: errors always, as they come; warnings unless quiet, counted per
/// kind for the end of the run or (`--warnings all`) as they come; and the
/// progress bar.
pub struct Messages {
    bar: Option<indicatif::ProgressBar>,
    warnings: Option<WarningsMode>,
    tally: Mutex<Tally>,
    own_outputs: Mutex<Vec<String>>,
}

impl Messages {
    /// Messages for a run over `files` inputs; `warnings` is `None` for
    /// `--quiet`.
    pub fn new(mode: ProgressMode, files: usize, warnings: Option<WarningsMode>) -> Messages {
        let bar = (mode == ProgressMode::Bar).then(|| {
            let b = indicatif::ProgressBar::with_draw_target(
                Some(files as u64),
                indicatif::ProgressDrawTarget::stderr_with_hz(10),
            );
            b.set_style(
                indicatif::ProgressStyle::with_template(
                    "warmcall {bar:30} {pos}/{len} files · {rate} · ETA {eta} {msg}",
                )
                .expect("static template")
                .with_key("rate", |s: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
                    let _ = write!(w, "{:.0} files/s", s.per_sec());
                })
                .progress_chars("=> "),
            );
            b
        });
        Messages {
            bar,
            warnings,
            tally: Mutex::new(Tally::default()),
            own_outputs: Mutex::new(Vec::new()),
        }
    }

    fn line(&self, s: &str) {
        let print = || {
            let _ = writeln!(anstream::stderr().lock(), "{s}");
        };
        match &self.bar {
            Some(b) => b.suspend(print),
            None => print(),
        }
    }

    /// An error line (always shown).
    pub fn error(&self, e: &ErrorRecord) {
        self.line(&e.stderr_line());
    }

    /// A warning about the call at `path`: counted, or printed with
    /// `--warnings all`, or dropped with `--quiet`.
    pub fn warn(&self, path: &str, msg: &str) {
        match self.warnings {
            None => {}
            Some(WarningsMode::All) => self.line(&format!(
                "{path}: {}warning:{} {msg}",
                WARN.render(),
                WARN.render_reset()
            )),
            Some(WarningsMode::Summary) => {
                if let Ok(mut t) = self.tally.lock() {
                    t.add(path, msg);
                }
            }
        }
    }

    /// A file left out because warmcall wrote it.
    pub fn own_output(&self, path: &str) {
        if let Ok(mut o) = self.own_outputs.lock() {
            o.push(path.to_string());
        }
    }

    fn tick(&self, n: usize) {
        if let Some(b) = &self.bar {
            b.inc(n as u64);
        }
    }

    /// Ends the bar (its final state stays on screen, like cargo's summary
    /// line), then sums up the warnings and the files left out as warmcall's
    /// own outputs.
    pub fn done(&self) {
        if let Some(b) = &self.bar {
            b.finish_with_message("done");
        }
        if self.warnings.is_none() {
            return;
        }
        let mut own_outputs = self.own_outputs.lock().map(|o| o.clone()).unwrap_or_default();
        own_outputs.sort();
        if !own_outputs.is_empty() {
            self.line(&format!(
                "{}warning:{} skipped {} file(s) that warmcall wrote, not calls: {}",
                WARN.render(),
                WARN.render_reset(),
                own_outputs.len(),
                examples(&own_outputs, own_outputs.len())
            ));
        }
        let Ok(t) = self.tally.lock() else { return };
        if t.total() == 0 {
            return;
        }
        let kinds = t.kinds();
        let mut out = format!(
            "{}warnings:{} {} in {} call(s), {} kind(s) (--warnings all prints every one; the json and jsonl records hold each call's)\n",
            WARN.render(),
            WARN.render_reset(),
            t.total(),
            t.calls(),
            kinds.len()
        );
        for k in kinds.iter().take(KINDS_SHOWN) {
            out.push_str(&format!(
                "  {:>5} × {}\n          {}\n",
                k.count,
                k.first,
                examples(&k.examples, k.count)
            ));
        }
        if let Some(rest) = kinds.get(KINDS_SHOWN..).filter(|r| !r.is_empty()) {
            out.push_str(&format!(
                "  and {} more kind(s) of {} warning(s) in all\n",
                rest.len(),
                rest.iter().map(|k| k.count).sum::<usize>()
            ));
        }
        self.line(out.trim_end());
    }
}

/// Kinds of warning listed at the end of a run, most frequent first: the
/// summary stays a screenful however odd the batch.
const KINDS_SHOWN: usize = 10;

/// `a, b, c and 84 more` for `shown` of `total`.
fn examples(shown: &[String], total: usize) -> String {
    let list = shown
        .iter()
        .take(crate::warnings::EXAMPLES)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    let more = total.saturating_sub(shown.len().min(crate::warnings::EXAMPLES));
    if more > 0 {
        format!("e.g. {list} and {more} more")
    } else {
        list
    }
}

/// The style of `warning:` on stderr (stripped when colour is off).
const WARN: anstyle::Style = anstyle::AnsiColor::Yellow.on_default().bold();

/// Renders a call's HTML section from its transcript and report.
pub type Render = dyn Fn(&Transcript, &Report) -> Rendered + Sync;

/// Reads an input, refusing files over `max` bytes without reading them.
pub fn read_input(input: &Input, max: u64) -> Result<(Vec<u8>, Option<PathBuf>), ErrorRecord> {
    let shown = input.display();
    let too_large = |n: u64| ErrorRecord {
        path: shown.clone(),
        line: None,
        kind: "too-large",
        message: format!("file is larger than --max-size ({n} > {max} bytes)"),
    };
    match input {
        Input::Unreadable(_, msg) => Err(ErrorRecord {
            path: shown.clone(),
            line: None,
            kind: "io",
            message: msg.clone(),
        }),
        Input::Stdin => {
            let mut buf = Vec::new();
            io::stdin()
                .lock()
                .take(max.saturating_add(1))
                .read_to_end(&mut buf)
                .map_err(|e| io_record(&shown, &e))?;
            if buf.len() as u64 > max {
                return Err(too_large(buf.len() as u64));
            }
            Ok((buf, None))
        }
        Input::File(p) => {
            let f = std::fs::File::open(p).map_err(|e| io_record(&shown, &e))?;
            let len = f.metadata().map(|m| m.len()).unwrap_or(0);
            if len > max {
                return Err(too_large(len));
            }
            let mut buf = Vec::with_capacity(len as usize);
            // `take` guards against a file that grows while we read it.
            f.take(max.saturating_add(1))
                .read_to_end(&mut buf)
                .map_err(|e| io_record(&shown, &e))?;
            if buf.len() as u64 > max {
                return Err(too_large(buf.len() as u64));
            }
            Ok((buf, Some(p.clone())))
        }
    }
}

fn process(input: &Input, plan: &BatchPlan, analyzer: &Analyzer, render: Option<&Render>) -> Item {
    let shown = input.display();
    let (bytes, path) = match read_input(input, plan.max_size) {
        Ok(x) => x,
        Err(e) => return Item::Error(e),
    };
    if crate::output::written_by_warmcall(&bytes) {
        return Item::OwnOutput(shown);
    }
    let cfg = analyzer.config();
    let mut t = match plan.parsing.parse(&bytes, path.as_deref()) {
        Ok(t) => t,
        Err(e) => {
            let mut rec = ErrorRecord::from_error(&shown, &e);
            if cfg.redact {
                // A parse error may quote the line it choked on.
                rec.message = warmcall::redact::mask(&rec.message);
            }
            return Item::Error(rec);
        }
    };
    drop(bytes);
    if t.call_date.is_none() {
        t.call_date = path.as_deref().and_then(call_date_of_file);
    }
    let report = match analyzer.try_analyze_with_path(&t, Some(&shown)) {
        Ok(r) => r,
        Err(e) => return Item::Error(ErrorRecord::from_error(&shown, &e)),
    };
    // The boundary: everything below (rows, HTML, every writer) sees only
    // the redacted call when redaction is on.
    let (t, report) = crate::plan::redact_call(
        cfg,
        t,
        report,
        match render {
            Some(_) => crate::plan::Turns::Measured,
            None => crate::plan::Turns::Hidden,
        },
    );
    let html = render.map(|f| f(&t, &report));
    let row = CallRow::from_report(&shown, &report);
    Item::Call(Box::new(CallOutput { report, row, html }))
}

/// A call's date from outside the transcript, for one without a date of its
/// own: a date in the file's name, else in the nearest folder's name that
/// has one (`2026-03-14/call.vtt`), else the file's modification time (in
/// UTC), which says when the file was written — a copy or a later export
/// moves it, so it comes last and says so (`file_time`).
pub fn call_date_of_file(path: &Path) -> Option<CallDate> {
    if let Some(d) = CallDate::from_path_names(path) {
        return Some(d);
    }
    CallDate::from_modified(std::fs::metadata(path).and_then(|m| m.modified()).ok()?)
}

/// The outcome of a batch.
#[derive(Debug)]
pub struct BatchResult {
    /// Inputs that failed.
    pub failed: usize,
}

/// One batch: what to analyse, how, and what the summary groups by.
pub struct BatchJob<'a> {
    /// The resolved flags.
    pub plan: &'a BatchPlan,
    /// Shared by every worker.
    pub analyzer: &'a Analyzer,
    /// In output order.
    pub inputs: &'a [Input],
    /// Files the walk found and left out, for the summary.
    pub excluded: usize,
    /// stderr: errors, warnings and the progress bar.
    pub msgs: &'a Messages,
    /// Renders each call's HTML section (the HTML report only).
    pub render: Option<&'a Render>,
    /// Per-group figures in the summary.
    pub group_by: Option<GroupBy>,
}

/// Runs the batch, writing every item through `sink` in input order.
pub fn run_batch(job: &BatchJob<'_>, sink: &mut dyn Sink, out: &mut dyn Write) -> Result<BatchResult> {
    let BatchJob {
        plan,
        analyzer,
        inputs,
        excluded,
        msgs,
        render,
        group_by,
    } = *job;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(plan.jobs)
        .build()
        .context("cannot start the thread pool")?;
    let mut rows: Vec<CallRow> = Vec::new();
    let mut failed = 0;
    let mut own_outputs: Vec<String> = Vec::new();
    sink.begin(out)?;
    let analyse = |chunk: &[Input]| -> Vec<Item> {
        pool.install(|| {
            chunk
                .par_iter()
                .map(|i| {
                    let item = process(i, plan, analyzer, render);
                    // Ticks come from the workers (the bar is thread-safe);
                    // only the order of the output is fixed.
                    msgs.tick(1);
                    item
                })
                .collect()
        })
    };
    let mut write = |items: Vec<Item>| -> Result<()> {
        for item in items {
            match item {
                Item::Call(c) => {
                    for w in &c.report.source.warnings {
                        msgs.warn(&c.row.path, w);
                    }
                    sink.call(out, &c)?;
                    rows.push(c.row);
                }
                Item::Error(e) => {
                    failed += 1;
                    msgs.error(&e);
                    sink.error(out, &e)?;
                }
                Item::OwnOutput(p) => {
                    msgs.own_output(&p);
                    own_outputs.push(p);
                }
            }
        }
        // jsonl streams: each finished chunk reaches the reader.
        out.flush()?;
        Ok(())
    };
    // The pool analyses chunk N+1 while this thread writes chunk N, so
    // serialising the reports (a few per cent of the work) does not leave
    // the workers idle: it would otherwise cap -j 2 well below 2x.
    let mut pending: Option<Vec<Item>> = None;
    for chunk in inputs.chunks(CHUNK) {
        let (analysed, written) = std::thread::scope(|s| {
            let worker = s.spawn(|| analyse(chunk));
            let written = pending.take().map_or(Ok(()), &mut write);
            (worker.join(), written)
        });
        written?;
        pending = Some(analysed.unwrap_or_else(|panic| std::panic::resume_unwind(panic)));
    }
    if let Some(items) = pending {
        write(items)?;
    }
    // warmcall's own outputs count as excluded: they were found, and left out.
    let summary = Summary {
        files: inputs.len() - own_outputs.len(),
        analysed: rows.len(),
        failed,
        excluded: excluded + own_outputs.len(),
        aggregate: Aggregate::of(rows.iter()),
        group_by: group_by.map(|g| match g {
            GroupBy::Agent => "agent",
            GroupBy::Folder => "folder",
        }),
        groups: group_by.map(|g| crate::aggregate::groups(&rows, g)).unwrap_or_default(),
    };
    sink.finish(out, &summary, &rows)?;
    out.flush()?;
    msgs.done();
    Ok(BatchResult { failed })
}

/// Where output goes: stdout, or a temp file renamed onto `-o FILE` at the
/// end so that no half-written file is ever seen under that name.
pub enum Out {
    /// Buffered stdout.
    Stdout(io::BufWriter<io::Stdout>),
    /// A temp file beside the destination, and the mode to give it.
    File(io::BufWriter<tempfile::NamedTempFile>, PathBuf, Option<u32>),
}

impl Out {
    /// Opens stdout (no destination, or `-`) or a temp file in the
    /// destination's folder. The file is created 0600, as tempfile does:
    /// reports hold what customers said; `mode` widens it when renamed.
    pub fn open(dest: Option<&Path>, mode: Option<u32>) -> Result<Out> {
        match dest.filter(|d| d.as_os_str() != "-") {
            None => Ok(Out::Stdout(io::BufWriter::with_capacity(1 << 16, io::stdout()))),
            Some(d) => {
                let dir = d
                    .parent()
                    .filter(|p| !p.as_os_str().is_empty())
                    .unwrap_or(Path::new("."));
                let tmp = crate::interrupt::create_tracked(
                    || {
                        tempfile::Builder::new()
                            .prefix(".warmcall-")
                            .suffix(".partial")
                            .tempfile_in(dir)
                    },
                    |t| t.path(),
                )
                .with_context(|| format!("cannot create a file in {}", dir.display()))?;
                Ok(Out::File(
                    io::BufWriter::with_capacity(1 << 16, tmp),
                    d.to_path_buf(),
                    mode,
                ))
            }
        }
    }

    /// Flushes and, for a file, renames it into place.
    pub fn commit(self) -> Result<()> {
        match self {
            Out::Stdout(mut w) => Ok(w.flush()?),
            Out::File(w, dest, mode) => {
                let tmp = w.into_inner().map_err(|e| e.into_error())?;
                tmp.as_file().sync_all().ok();
                if let Some(m) = mode {
                    set_mode(tmp.as_file(), m).with_context(|| format!("cannot set the mode of {}", dest.display()))?;
                }
                let partial = tmp.path().to_path_buf();
                let done = tmp.persist(&dest);
                crate::interrupt::untrack(&partial);
                done.map_err(|e| e.error)
                    .with_context(|| format!("cannot write {}", dest.display()))?;
                Ok(())
            }
        }
    }
}

#[cfg(unix)]
fn set_mode(f: &std::fs::File, mode: u32) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    f.set_permissions(std::fs::Permissions::from_mode(mode))
}

/// Other systems have no octal modes: `--mode` does nothing there.
#[cfg(not(unix))]
fn set_mode(_f: &std::fs::File, _mode: u32) -> io::Result<()> {
    Ok(())
}

impl Write for Out {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Out::Stdout(w) => w.write(buf),
            Out::File(w, ..) => w.write(buf),
        }
    }
    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        match self {
            Out::Stdout(w) => w.write_all(buf),
            Out::File(w, ..) => w.write_all(buf),
        }
    }
    fn flush(&mut self) -> io::Result<()> {
        match self {
            Out::Stdout(w) => w.flush(),
            Out::File(w, ..) => w.flush(),
        }
    }
}

/// Reads one file (or stdin) for `explain` and `convert`: a failure is a
/// per-input error (exit 1), a usage problem exit 2.
pub fn read_one(
    file: &std::path::Path,
    hint: Option<&str>,
    tiers: &std::collections::BTreeMap<String, String>,
) -> Result<Result<warmcall::Transcript, ErrorRecord>> {
    let mut parsing = crate::plan::Parsing::from_hint(hint)?;
    parsing.options.tier_speakers = tiers.clone();
    let input = if file.as_os_str() == "-" {
        Input::Stdin
    } else {
        Input::File(file.to_path_buf())
    };
    let (bytes, path) = match read_input(&input, 256 * 1024 * 1024) {
        Ok(x) => x,
        Err(e) => return Ok(Err(e)),
    };
    Ok(parsing
        .parse(&bytes, path.as_deref())
        .map_err(|e| ErrorRecord::from_error(&input.display(), &e)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use warmcall::date::{Date, DateSource};

    #[test]
    fn error_record_strips_path_and_line() {
        let e =
            warmcall::Error::parse(warmcall::Format::Vtt, 7, "a cue timing", "junk").with_path(Path::new("x/a.vtt"));
        let r = ErrorRecord::from_error("x/a.vtt", &e);
        assert_eq!(r.line, Some(7));
        assert_eq!(r.kind, "parse");
        assert_eq!(r.message, "expected a cue timing, found \"junk\"");
        assert_eq!(r.stderr_line(), "x/a.vtt:7: expected a cue timing, found \"junk\"");
    }

    #[test]
    fn call_dates_from_file_name_then_folder_then_file_time() {
        let d = tempfile::tempdir().unwrap();
        let dated = d.path().join("2026-03-09");
        std::fs::create_dir(&dated).unwrap();
        for name in ["GMT20260314-101500_Recording.vtt", "call.vtt"] {
            std::fs::write(dated.join(name), "x").unwrap();
        }
        std::fs::write(d.path().join("call.vtt"), "x").unwrap();
        let got = |p: PathBuf| call_date_of_file(&p).map(|c| (c.date.to_string(), c.source));
        assert_eq!(
            got(dated.join("GMT20260314-101500_Recording.vtt")),
            Some(("2026-03-14".into(), DateSource::FileName))
        );
        assert_eq!(
            got(dated.join("call.vtt")),
            Some(("2026-03-09".into(), DateSource::FileName))
        );
        let (date, source) = got(d.path().join("call.vtt")).unwrap();
        assert_eq!(source, DateSource::FileTime);
        let today = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_secs() as i64
            / 86_400;
        let near: Vec<String> = (today - 1..=today + 1)
            .map(|x| Date::from_unix_days(x).unwrap().to_string())
            .collect();
        assert!(near.contains(&date), "{date} is not about today");
        assert_eq!(call_date_of_file(&d.path().join("missing.vtt")), None);
    }

    #[test]
    fn too_large_files_are_refused_unread() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("big.vtt");
        std::fs::write(&p, vec![b'a'; 100]).unwrap();
        let e = read_input(&Input::File(p.clone()), 99).unwrap_err();
        assert_eq!(e.kind, "too-large");
        assert!(read_input(&Input::File(p), 100).is_ok());
    }

    #[test]
    fn atomic_output_leaves_nothing_on_failure() {
        let d = tempfile::tempdir().unwrap();
        let dest = d.path().join("out.json");
        {
            let mut o = Out::open(Some(&dest), None).unwrap();
            o.write_all(b"half").unwrap();
            // dropped without commit: an error or an early return
        }
        assert!(!dest.exists());
        assert_eq!(std::fs::read_dir(d.path()).unwrap().count(), 0, "temp file removed");
        let mut o = Out::open(Some(&dest), None).unwrap();
        o.write_all(b"whole").unwrap();
        o.commit().unwrap();
        assert_eq!(std::fs::read(&dest).unwrap(), b"whole");
    }

    #[cfg(unix)]
    #[test]
    fn output_files_are_private_unless_a_mode_is_given() {
        use std::os::unix::fs::PermissionsExt;
        let d = tempfile::tempdir().unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        let private = d.path().join("private.csv");
        Out::open(Some(&private), None).unwrap().commit().unwrap();
        assert_eq!(mode(&private), 0o600);
        let shared = d.path().join("shared.csv");
        Out::open(Some(&shared), Some(0o644)).unwrap().commit().unwrap();
        assert_eq!(mode(&shared), 0o644);
    }
}
