//! `jsonl`: one record per line, tagged `{"type":"call"|"error"|"summary"}`,
//! written as it comes.

use std::io::{self, Write};

use serde::Serialize;

use super::record::{CallOutput, ErrorRecord};
use super::{json_err, Sink};
use crate::aggregate::{CallRow, Summary};

/// The jsonl sink.
#[derive(Debug, Default)]
pub struct Jsonl {
    /// A record is serialised here, then written at once: serde_json's many
    /// small writes are cheaper into a `Vec` than through `dyn Write`.
    buf: Vec<u8>,
}

/// A record with its `type` tag first.
#[derive(Serialize)]
struct Tagged<'a, T: Serialize> {
    #[serde(rename = "type")]
    ty: &'static str,
    #[serde(flatten)]
    inner: &'a T,
}

fn line<T: Serialize>(buf: &mut Vec<u8>, w: &mut dyn Write, ty: &'static str, inner: &T) -> io::Result<()> {
    buf.clear();
    serde_json::to_writer(&mut *buf, &Tagged { ty, inner }).map_err(json_err)?;
    buf.push(b'\n');
    w.write_all(buf)
}

impl Sink for Jsonl {
    fn call(&mut self, w: &mut dyn Write, call: &CallOutput) -> io::Result<()> {
        line(&mut self.buf, w, "call", &call.report)
    }
    fn error(&mut self, w: &mut dyn Write, e: &ErrorRecord) -> io::Result<()> {
        line(&mut self.buf, w, "error", e)
    }
    fn finish(&mut self, w: &mut dyn Write, summary: &Summary, _rows: &[CallRow]) -> io::Result<()> {
        line(&mut self.buf, w, "summary", summary)
    }
}
