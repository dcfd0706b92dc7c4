//! The CLI's CSV columns as typed cells, taken from the `Report` itself.
//!
//! `Analyzer.dataframe` (and through it the Spark example) needs these
//! figures for every call; reading them here saves parsing each report's
//! JSON again in Python, which cost 40% on top of the analysis when
//! measured (BENCHMARKS.md). The order and meaning are those of
//! `crates/warmcall-cli/src/output/csv.rs` and of `COLUMNS` in
//! `python/warmcall/_frame.py`; the pytest suite checks that this path and
//! the Python one give equal frames, and the Python one against the CLI's
//! CSV.

use pyo3::prelude::*;
use pyo3::IntoPyObjectExt;
use warmcall::report::{Report, Severity};

/// Number of columns; `COLUMNS` in `_frame.py` has the names.
pub const WIDTH: usize = 51;

/// One cell: `None` in Python when the figure is not available.
pub enum Cell {
    Str(Option<String>),
    Float(Option<f64>),
    Int(Option<usize>),
    Bool(Option<bool>),
}

impl<'py> IntoPyObject<'py> for Cell {
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        match self {
            Cell::Str(v) => v.into_bound_py_any(py),
            Cell::Float(v) => v.into_bound_py_any(py),
            Cell::Int(v) => v.into_bound_py_any(py),
            Cell::Bool(v) => v.into_bound_py_any(py),
        }
    }
}

fn name<T: serde::Serialize>(v: &T) -> Option<String> {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => Some(s),
        _ => None,
    }
}

/// The cells of an analysed call, in column order.
pub fn call(r: &Report) -> Vec<Cell> {
    use Cell::{Bool, Float, Int, Str};
    let mono = r.turns.longest_agent_monologue.as_ref();
    let story = r.turns.longest_customer_story.as_ref();
    let sil = r.silences.as_ref();
    let pat = r.patience.as_ref();
    let int = r.interruptions.as_ref();
    let q = r.questions.as_ref();
    let p = r.pushes.as_ref();
    let mut high: Vec<&str> = Vec::new();
    for x in &r.findings {
        if x.severity == Severity::High && !high.contains(&x.id.as_str()) {
            high.push(&x.id);
        }
    }
    vec![
        Str(r.source.path.clone()),
        Str(Some("ok".into())),
        Str(None),
        Str(Some(r.source.format.clone())),
        Str(Some(r.source.language.clone())),
        Str(name(&r.source.timing)),
        Str(r.roles.agent.clone()),
        Str(name(&r.roles.basis)),
        Float(r.span_s),
        Str(name(&r.talk.basis)),
        Float(r.talk.agent_share_of_speech),
        Float(r.talk.agent_share_of_call),
        Float(r.talk.agent_s),
        Float(r.talk.customer_s),
        Int(Some(r.talk.agent_words)),
        Int(Some(r.talk.customer_words)),
        Int(Some(r.turns.count)),
        Float(r.turns.switches_per_minute),
        Float(mono.and_then(|m| m.s)),
        Int(mono.map(|m| m.words)),
        Float(story.and_then(|m| m.s)),
        Int(story.map(|m| m.words)),
        Int(sil.map(|s| s.count)),
        Float(sil.map(|s| s.total_s)),
        Float(sil.and_then(|s| s.share_of_span)),
        Float(sil.map(|s| s.longest_s)),
        Int(sil.map(|s| s.by_class.dead_air)),
        Float(pat.and_then(|p| p.mean_s)),
        Float(pat.and_then(|p| p.median_s)),
        Int(int.map(|i| i.by_agent)),
        Int(int.map(|i| i.by_customer)),
        Int(q.map(|q| q.agent.total)),
        Int(q.map(|q| q.agent.open)),
        Int(q.map(|q| q.agent.closed)),
        Int(q.map(|q| q.agent.follow_up)),
        Float(q.and_then(|q| q.agent.per_10_min)),
        Int(q.map(|q| q.customer.total)),
        Int(p.map(|p| p.count)),
        Int(p.map(|p| p.premature)),
        Float(p.and_then(|p| p.first_s)),
        Str(name(&r.outcome.kind)),
        Float(r.score.warmth),
        Str(Some(r.score.profile.clone())),
        Int(Some(r.findings.len())),
        Str(Some(high.join(" "))),
        Int(Some(r.source.warnings.len())),
        Str(r.agent.name.clone()),
        Str(r.agent.person.clone()),
        Str(r.call_date.map(|d| d.to_string())),
        Str(r.call_date_source.as_ref().and_then(|s| match serde_json::to_value(s) {
            Ok(serde_json::Value::String(s)) => Some(s),
            _ => None,
        })),
        Bool(Some(r.findings.iter().any(|x| x.id == "not-a-conversation"))),
    ]
}

/// The cells of a failed input: path, status, error text, the rest empty.
pub fn error(path: Option<&str>, line: Option<usize>, message: &str) -> Vec<Cell> {
    let mut cells = vec![
        Cell::Str(path.map(str::to_string)),
        Cell::Str(Some("error".into())),
        Cell::Str(Some(match line {
            Some(l) => format!("line {l}: {message}"),
            None => message.to_string(),
        })),
    ];
    cells.extend((3..WIDTH).map(|_| Cell::Str(None)));
    cells
}
