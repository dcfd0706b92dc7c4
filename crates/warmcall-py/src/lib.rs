//! Python bindings: `warmcall.analyze_file`, `warmcall.analyze_segments`
//! and a reusable, thread-safe `warmcall.Analyzer`.
//!
//! This is the native half (`warmcall._warmcall`); the public Python API is
//! the thin wrapper in `python/warmcall/__init__.py`. Reports cross the
//! boundary as the same JSON the CLI writes (then `json.loads` in the
//! wrapper), so Python and CLI results are equal by construction and the
//! field names stay the documented ones. The GIL is released while a
//! transcript is read, parsed and analysed.

use std::path::Path;
use std::sync::Arc;

use pyo3::create_exception;
use pyo3::exceptions::{PyOSError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyBytes;
use warmcall::date::CallDate;

mod columns;

// Module `warmcall`, where the class is public: pickle finds it there, so
// the error crosses process boundaries (multiprocessing, Spark workers).
create_exception!(
    warmcall,
    WarmcallError,
    PyValueError,
    "A transcript or config that warmcall cannot use. Attributes: `kind` (the CLI's error kind: \
     parse, unknown-format, unsupported, empty, binary, config), `path` and `line` (None when unknown)."
);

/// What can go wrong without the GIL; turned into a Python exception once
/// the GIL is back.
enum Failure {
    Io { path: String, error: std::io::Error },
    Warmcall(warmcall::Error),
    Json(serde_json::Error),
}

impl From<warmcall::Error> for Failure {
    fn from(e: warmcall::Error) -> Failure {
        Failure::Warmcall(e)
    }
}

impl From<serde_json::Error> for Failure {
    fn from(e: serde_json::Error) -> Failure {
        Failure::Json(e)
    }
}

/// The CLI's `kind` for a library error (crates/warmcall-cli/src/run.rs).
fn kind(e: &warmcall::Error) -> &'static str {
    use warmcall::Error as E;
    match e {
        E::Parse { .. } => "parse",
        E::UnknownFormat { .. } => "unknown-format",
        E::Unsupported { .. } => "unsupported",
        E::Empty { .. } => "empty",
        E::Binary { .. } => "binary",
        E::Config { .. } => "config",
        E::AgentNotFound { .. } => "agent-not-found",
        _ => "error",
    }
}

fn error_path(e: &warmcall::Error) -> Option<String> {
    use warmcall::Error as E;
    match e {
        E::Parse { path, .. }
        | E::UnknownFormat { path, .. }
        | E::Unsupported { path, .. }
        | E::Empty { path, .. }
        | E::Binary { path, .. }
        | E::AgentNotFound { path, .. } => path.as_ref().map(|p| p.display().to_string()),
        _ => None,
    }
}

impl Failure {
    fn into_py(self, py: Python<'_>) -> PyErr {
        match self {
            Failure::Io { path, error } => {
                // OSError(errno, strerror, filename) picks the subclass
                // (FileNotFoundError, PermissionError, …) from the errno.
                let text = error.to_string();
                let strerror = match text.find(" (os error") {
                    Some(i) => text[..i].to_string(),
                    None => text,
                };
                PyOSError::new_err((error.raw_os_error().unwrap_or(0), strerror, path))
            }
            Failure::Warmcall(e) => warmcall_error(py, &e),
            Failure::Json(e) => PyValueError::new_err(format!("report serialisation failed: {e}")),
        }
    }
}

/// The error's line, `None` when it is not tied to one.
fn error_line(e: &warmcall::Error) -> Option<usize> {
    (e.line() > 0).then(|| e.line())
}

/// The message without the `path: ` and `line N: ` in front, as the CLI's
/// error records hold it (crates/warmcall-cli/src/run.rs).
fn bare_message(e: &warmcall::Error) -> String {
    let mut msg = e.to_string();
    if let Some(p) = error_path(e) {
        if let Some(rest) = msg.strip_prefix(&format!("{p}: ")) {
            msg = rest.to_string();
        }
    }
    if let Some(l) = error_line(e) {
        if let Some(rest) = msg.strip_prefix(&format!("line {l}: ")) {
            msg = rest.to_string();
        }
    }
    msg
}

/// A `WarmcallError` with the library's message and the CLI's attributes.
fn warmcall_error(py: Python<'_>, e: &warmcall::Error) -> PyErr {
    let err = WarmcallError::new_err(e.to_string());
    let value = err.value(py);
    // Setting an attribute on a fresh exception instance fails only when
    // memory runs out; the message alone is still right then.
    let _ = value.setattr("kind", kind(e));
    let _ = value.setattr("path", error_path(e));
    let _ = value.setattr("line", error_line(e));
    let _ = value.setattr("message", bare_message(e));
    err
}

/// The CLI's message for an I/O error (crates/warmcall-cli/src/walk.rs).
fn io_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => {
            let s = e.to_string();
            match s.find(" (os error") {
                Some(i) => s[..i].to_string(),
                None => s,
            }
        }
    }
}

/// The CLI's `--max-size` default: a larger file is an error record, unread.
const MAX_SIZE: u64 = 256 * 1024 * 1024;

/// One input of a batch as Python gives it: a file to read, or a
/// transcript already in memory (a table's cell) with the name that stands
/// for its path. `bytes`, not `Vec<u8>`: pyo3 would copy a `Vec<u8>` out
/// one element at a time, which costs as much as analysing the call.
/// A third element, when given, is the file's modification time in
/// seconds since 1970 (Spark's `binaryFile` `modificationTime`): the CLI's
/// last resort for a call's date.
#[derive(FromPyObject)]
enum PyInput {
    #[pyo3(transparent)]
    Path(String),
    #[pyo3(transparent)]
    Text((Option<String>, Py<PyBytes>)),
    #[pyo3(transparent)]
    Timed((Option<String>, Py<PyBytes>, Option<f64>)),
}

impl PyInput {
    fn borrow<'a>(&'a self, py: Python<'a>) -> BatchInput<'a> {
        match self {
            PyInput::Path(p) => BatchInput::Path(p),
            PyInput::Text((n, b)) => BatchInput::Text(n.as_deref(), b.as_bytes(py), None),
            PyInput::Timed((n, b, t)) => BatchInput::Text(n.as_deref(), b.as_bytes(py), *t),
        }
    }
}

/// A batch input borrowed for the GIL-free part.
enum BatchInput<'a> {
    Path(&'a str),
    Text(Option<&'a str>, &'a [u8], Option<f64>),
}

/// A call's date from outside the transcript, as the CLI finds it: a date
/// in the file's or a folder's name, else the file's modification time.
fn date_from_outside(t: &mut warmcall::Transcript, name: Option<&str>, modified: impl FnOnce() -> Option<CallDate>) {
    if t.call_date.is_none() {
        t.call_date = name
            .and_then(|n| CallDate::from_path_names(Path::new(n)))
            .or_else(modified);
    }
}

/// The date of a file's modification time, if the file system has one.
fn file_time(path: &str) -> Option<CallDate> {
    CallDate::from_modified(std::fs::metadata(path).and_then(|m| m.modified()).ok()?)
}

/// The date of a modification time given in seconds since 1970.
fn seconds_time(secs: Option<f64>) -> Option<CallDate> {
    // `as` saturates; NaN becomes 0 and is caught by `is_finite`.
    secs.filter(|s| s.is_finite())
        .and_then(|s| CallDate::from_file_time(s.floor() as i64))
}

/// A jsonl error record, `{"type":"error",path,line,kind,message}`, field
/// for field what `warmcall analyze -f jsonl` writes.
#[derive(serde::Serialize)]
struct ErrorRecord<'a> {
    #[serde(rename = "type")]
    ty: &'static str,
    path: Option<&'a str>,
    line: Option<usize>,
    kind: &'static str,
    message: String,
}

/// A jsonl call record: the report with `"type":"call"` in front.
#[derive(serde::Serialize)]
struct CallRecord<'a> {
    #[serde(rename = "type")]
    ty: &'static str,
    #[serde(flatten)]
    report: &'a warmcall::Report,
}

/// What one batch input became.
enum Outcome<'a> {
    Call(Box<warmcall::Report>),
    Error {
        path: Option<&'a str>,
        line: Option<usize>,
        kind: &'static str,
        message: String,
    },
}

impl Outcome<'_> {
    /// The jsonl record.
    fn record(&self) -> String {
        match self {
            Outcome::Call(report) => {
                let rec = CallRecord { ty: "call", report };
                // Serialising a report fails only on a non-string map key,
                // which the report has none of; say so if it ever does.
                serde_json::to_string(&rec).unwrap_or_else(|e| {
                    let message = format!("report serialisation failed: {e}");
                    Outcome::error(report.source.path.as_deref(), None, "error", message).record()
                })
            }
            Outcome::Error {
                path,
                line,
                kind,
                message,
            } => {
                let rec = ErrorRecord {
                    ty: "error",
                    path: *path,
                    line: *line,
                    kind,
                    message: message.clone(),
                };
                // A struct of strings and numbers always serialises.
                serde_json::to_string(&rec).unwrap_or_default()
            }
        }
    }

    /// The CSV columns' cells.
    fn cells(&self) -> Vec<columns::Cell> {
        match self {
            Outcome::Call(report) => columns::call(report),
            Outcome::Error {
                path, line, message, ..
            } => columns::error(*path, *line, message),
        }
    }

    fn error<'a>(path: Option<&'a str>, line: Option<usize>, kind: &'static str, message: String) -> Outcome<'a> {
        Outcome::Error {
            path,
            line,
            kind,
            message,
        }
    }
}

/// Reads a file as the CLI does: too large → error record, unread.
fn read_file(path: &str) -> Result<Vec<u8>, Outcome<'_>> {
    use std::io::Read;
    let io = |e: std::io::Error| Outcome::error(Some(path), None, "io", io_message(&e));
    let f = std::fs::File::open(path).map_err(io)?;
    let too_large = |n: u64| {
        let msg = format!("file is larger than --max-size ({n} > {MAX_SIZE} bytes)");
        Outcome::error(Some(path), None, "too-large", msg)
    };
    let len = f.metadata().map(|m| m.len()).unwrap_or(0);
    if len > MAX_SIZE {
        return Err(too_large(len));
    }
    let mut buf = Vec::with_capacity(len as usize);
    // `take` guards against a file that grows while it is read.
    f.take(MAX_SIZE + 1).read_to_end(&mut buf).map_err(io)?;
    if buf.len() as u64 > MAX_SIZE {
        return Err(too_large(buf.len() as u64));
    }
    Ok(buf)
}

/// Analyses one batch input; never fails.
fn batch_one<'a>(a: &warmcall::Analyzer, input: &BatchInput<'a>) -> Outcome<'a> {
    let (name, owned);
    let bytes: &[u8] = match *input {
        BatchInput::Path(p) => {
            name = Some(p);
            owned = match read_file(p) {
                Ok(b) => b,
                Err(out) => return out,
            };
            &owned
        }
        BatchInput::Text(n, data, _) => {
            name = n;
            data
        }
    };
    match warmcall::parse_bytes(bytes, name.map(Path::new)) {
        Ok(mut t) => {
            date_from_outside(&mut t, name, || match *input {
                BatchInput::Path(p) => file_time(p),
                BatchInput::Text(_, _, secs) => seconds_time(secs),
            });
            Outcome::Call(Box::new(a.analyze_with_path(&t, name)))
        }
        Err(e) => Outcome::error(name, error_line(&e), kind(&e), bare_message(&e)),
    }
}

/// Builds a config from TOML text (or defaults) and keyword overrides.
fn make_config(
    config_toml: Option<&str>,
    agent: Option<&str>,
    lang: &str,
    profile: Option<&str>,
    ui_lang: Option<&str>,
) -> Result<warmcall::Config, warmcall::Error> {
    let mut cfg = match config_toml {
        Some(t) => {
            let mut cfg = warmcall::config_file::parse_config(t)?;
            // A lexicon file named in config text has no config folder to
            // be relative to: it is read from the working directory.
            warmcall::config_file::read_lexicon_files(&mut cfg, |f| std::fs::read_to_string(f))?;
            cfg
        }
        None => warmcall::Config::default(),
    };
    if let Some(a) = agent {
        cfg = cfg.agent(a);
    }
    if lang != "auto" {
        cfg = cfg.language(lang);
    }
    if let Some(p) = profile {
        cfg = cfg.profile(p);
    }
    if let Some(u) = ui_lang {
        cfg = cfg.ui_lang(u);
    }
    Ok(cfg)
}

/// A compiled analyzer: build once, share across calls and threads.
#[pyclass(frozen, module = "warmcall._warmcall")]
struct Analyzer {
    inner: Arc<warmcall::Analyzer>,
}

impl Analyzer {
    /// Runs `work` on the analyzer without the GIL, then converts its error.
    fn run<F>(&self, py: Python<'_>, work: F) -> PyResult<String>
    where
        F: FnOnce(&warmcall::Analyzer) -> Result<String, Failure> + Send,
    {
        let inner = Arc::clone(&self.inner);
        py.allow_threads(move || work(&inner)).map_err(|f| f.into_py(py))
    }
}

#[pymethods]
impl Analyzer {
    #[new]
    #[pyo3(signature = (config_toml=None, agent=None, lang="auto", profile=None, ui_lang=None))]
    fn new(
        py: Python<'_>,
        config_toml: Option<&str>,
        agent: Option<&str>,
        lang: &str,
        profile: Option<&str>,
        ui_lang: Option<&str>,
    ) -> PyResult<Analyzer> {
        let cfg = make_config(config_toml, agent, lang, profile, ui_lang).map_err(|e| warmcall_error(py, &e))?;
        // Compiling the lexicons is the slow part: let other threads run.
        let inner = py
            .allow_threads(|| warmcall::Analyzer::new(cfg))
            .map_err(|e| warmcall_error(py, &e))?;
        Ok(Analyzer { inner: Arc::new(inner) })
    }

    /// The profile in use.
    #[getter]
    fn profile(&self) -> String {
        self.inner.config().profile.clone()
    }

    /// Analyses a transcript file; returns the report as JSON text.
    fn _analyze_file_json(&self, py: Python<'_>, path: String) -> PyResult<String> {
        self.run(py, move |a| {
            let bytes = std::fs::read(&path).map_err(|error| Failure::Io {
                path: path.clone(),
                error,
            })?;
            let mut t = warmcall::parse_bytes(&bytes, Some(Path::new(&path)))?;
            date_from_outside(&mut t, Some(&path), || file_time(&path));
            Ok(serde_json::to_string(&a.try_analyze_with_path(&t, Some(&path))?)?)
        })
    }

    /// Analyses transcript bytes (format detected; `name` helps by extension
    /// and becomes `source.path`).
    #[pyo3(signature = (data, name=None))]
    fn _analyze_bytes_json(&self, py: Python<'_>, data: Vec<u8>, name: Option<String>) -> PyResult<String> {
        self.run(py, move |a| {
            let mut t = warmcall::parse_bytes(&data, name.as_deref().map(Path::new))?;
            date_from_outside(&mut t, name.as_deref(), || None);
            Ok(serde_json::to_string(&a.try_analyze_with_path(&t, name.as_deref())?)?)
        })
    }

    /// Analyses a batch of inputs (paths, or `(name, bytes)` pairs) without
    /// the GIL; returns one jsonl record per input, in order, each exactly
    /// what `warmcall analyze -f jsonl` writes for it. Per-input problems
    /// are error records, never exceptions: one bad file never stops a
    /// batch.
    fn _analyze_batch_jsonl(&self, py: Python<'_>, inputs: Vec<PyInput>) -> Vec<String> {
        // The `bytes` objects stay alive in `inputs` while their contents
        // are read without the GIL (bytes are immutable).
        let borrowed: Vec<BatchInput<'_>> = inputs.iter().map(|i| i.borrow(py)).collect();
        let inner = Arc::clone(&self.inner);
        py.allow_threads(move || borrowed.iter().map(|i| batch_one(&inner, i).record()).collect())
    }

    /// `_analyze_batch_jsonl` plus the CLI's CSV columns of every input,
    /// column by column (`columns::WIDTH` lists of equal length).
    fn _analyze_batch_columns(&self, py: Python<'_>, inputs: Vec<PyInput>) -> (Vec<String>, Vec<Vec<columns::Cell>>) {
        let borrowed: Vec<BatchInput<'_>> = inputs.iter().map(|i| i.borrow(py)).collect();
        let inner = Arc::clone(&self.inner);
        py.allow_threads(move || {
            let mut records = Vec::with_capacity(borrowed.len());
            let mut cols: Vec<Vec<columns::Cell>> = (0..columns::WIDTH)
                .map(|_| Vec::with_capacity(borrowed.len()))
                .collect();
            for input in &borrowed {
                let out = batch_one(&inner, input);
                records.push(out.record());
                for (col, cell) in cols.iter_mut().zip(out.cells()) {
                    col.push(cell);
                }
            }
            (records, cols)
        })
    }

    /// Analyses canonical JSON text (`{"segments": [...]}`).
    fn _analyze_canonical_json(&self, py: Python<'_>, canonical: String) -> PyResult<String> {
        self.run(py, move |a| {
            let opts = warmcall::ParseOptions::with_format(warmcall::Format::CanonicalJson);
            let t = warmcall::parse_bytes_with(canonical.as_bytes(), None, &opts)?;
            Ok(serde_json::to_string(&a.try_analyze_with_path(&t, None)?)?)
        })
    }
}

/// The default config file, commented.
#[pyfunction]
fn _default_config_toml() -> String {
    warmcall::config_file::default_toml()
}

#[pymodule]
fn _warmcall(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Analyzer>()?;
    m.add_function(wrap_pyfunction!(_default_config_toml, m)?)?;
    m.add("WarmcallError", m.py().get_type::<WarmcallError>())?;
    m.add("SCHEMA", warmcall::report::SCHEMA)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
