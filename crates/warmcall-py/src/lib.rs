//! Python bindings: `warmcall.analyze_file`, `warmcall.analyze_segments`
//! and a reusable, thread-safe `warmcall.Analyzer`.
//!
//! Reports cross the boundary as the same JSON the CLI writes (then
//! `json.loads` in the Python wrapper), so Python and CLI results are equal
//! by construction and the field names stay the documented ones.

use std::path::Path;
use std::sync::Arc;

use pyo3::create_exception;
use pyo3::exceptions::{PyOSError, PyValueError};
use pyo3::prelude::*;

create_exception!(
    _warmcall,
    WarmcallError,
    PyValueError,
    "A transcript or config that warmcall cannot use."
);

fn to_py(e: warmcall::Error) -> PyErr {
    WarmcallError::new_err(e.to_string())
}

/// Builds a config from TOML text (or defaults) and keyword overrides.
fn make_config(
    config_toml: Option<&str>,
    agent: Option<&str>,
    lang: &str,
    profile: Option<&str>,
) -> PyResult<warmcall::Config> {
    let mut cfg = match config_toml {
        Some(t) => warmcall::config_file::parse_config(t).map_err(to_py)?,
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
    Ok(cfg)
}

/// A compiled analyzer: build once, share across calls and threads.
#[pyclass(frozen, module = "warmcall._warmcall")]
struct Analyzer {
    inner: Arc<warmcall::Analyzer>,
}

impl Analyzer {
    fn file_json(&self, py: Python<'_>, path: &str) -> PyResult<String> {
        let inner = Arc::clone(&self.inner);
        let path = path.to_string();
        py.allow_threads(move || {
            let bytes = std::fs::read(&path).map_err(|e| PyOSError::new_err(format!("{path}: {e}")))?;
            let t = warmcall::parse_bytes(&bytes, Some(Path::new(&path))).map_err(to_py)?;
            let report = inner.analyze_with_path(&t, Some(&path));
            serde_json::to_string(&report).map_err(|e| PyValueError::new_err(e.to_string()))
        })
    }

    fn text_json(&self, py: Python<'_>, data: Vec<u8>, name: Option<String>) -> PyResult<String> {
        let inner = Arc::clone(&self.inner);
        py.allow_threads(move || {
            let t = warmcall::parse_bytes(&data, name.as_deref().map(Path::new)).map_err(to_py)?;
            let report = inner.analyze_with_path(&t, name.as_deref());
            serde_json::to_string(&report).map_err(|e| PyValueError::new_err(e.to_string()))
        })
    }

    fn canonical_json(&self, py: Python<'_>, canonical: String) -> PyResult<String> {
        let inner = Arc::clone(&self.inner);
        py.allow_threads(move || {
            let opts = warmcall::ParseOptions::with_format(warmcall::Format::CanonicalJson);
            let t = warmcall::parse_bytes_with(canonical.as_bytes(), None, &opts).map_err(to_py)?;
            let report = inner.analyze(&t);
            serde_json::to_string(&report).map_err(|e| PyValueError::new_err(e.to_string()))
        })
    }
}

#[pymethods]
impl Analyzer {
    #[new]
    #[pyo3(signature = (config_toml=None, agent=None, lang="auto", profile=None))]
    fn new(config_toml: Option<&str>, agent: Option<&str>, lang: &str, profile: Option<&str>) -> PyResult<Analyzer> {
        let cfg = make_config(config_toml, agent, lang, profile)?;
        let inner = warmcall::Analyzer::new(cfg).map_err(to_py)?;
        Ok(Analyzer { inner: Arc::new(inner) })
    }

    /// Analyses a transcript file; returns the report as JSON text.
    fn _analyze_file_json(&self, py: Python<'_>, path: &str) -> PyResult<String> {
        self.file_json(py, path)
    }

    /// Analyses transcript bytes (format detected; `name` helps by extension).
    #[pyo3(signature = (data, name=None))]
    fn _analyze_bytes_json(&self, py: Python<'_>, data: Vec<u8>, name: Option<String>) -> PyResult<String> {
        self.text_json(py, data, name)
    }

    /// Analyses canonical JSON text (`{"segments": [...]}`).
    fn _analyze_canonical_json(&self, py: Python<'_>, canonical: String) -> PyResult<String> {
        self.canonical_json(py, canonical)
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
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
