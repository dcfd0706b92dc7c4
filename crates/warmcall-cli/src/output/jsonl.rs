//! `jsonl`: one record per line, tagged `{"type":"call"|"error"|"summary"}`,
//! written as it comes.

use std::io::{self, Write};

use serde::Serialize;

use super::{json_err, Sink};
use crate::aggregate::{CallRow, Summary};
use crate::run::{CallOutput, ErrorRecord};

/// The jsonl sink.
#[derive(Debug, Default)]
pub struct Jsonl;

/// A record with its `type` tag first.
#[derive(Serialize)]
struct Tagged<'a, T: Serialize> {
    #[serde(rename = "type")]
    ty: &'static str,
    #[serde(flatten)]
    inner: &'a T,
}

fn line<T: Serialize>(w: &mut dyn Write, ty: &'static str, inner: &T) -> io::Result<()> {
    serde_json::to_writer(&mut *w, &Tagged { ty, inner }).map_err(json_err)?;
    w.write_all(b"\n")
}

impl Sink for Jsonl {
    fn call(&mut self, w: &mut dyn Write, call: &CallOutput) -> io::Result<()> {
        line(w, "call", &call.report)
    }
    fn error(&mut self, w: &mut dyn Write, e: &ErrorRecord) -> io::Result<()> {
        line(w, "error", e)
    }
    fn finish(&mut self, w: &mut dyn Write, summary: &Summary, _rows: &[CallRow]) -> io::Result<()> {
        line(w, "summary", summary)
    }
}
