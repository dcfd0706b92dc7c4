//! `json`: one document `{"schema":"warmcall.batch.v1","calls":[…],
//! "errors":[…],"summary":{…}}`. Calls are streamed into the array; errors
//! (small) are held until the end.

use std::io::{self, Write};

use super::record::{CallOutput, ErrorRecord};
use super::{json_err, Sink, BATCH_SCHEMA};
use crate::aggregate::{CallRow, Summary};

/// The json sink.
#[derive(Debug, Default)]
pub struct Json {
    calls: usize,
    errors: Vec<ErrorRecord>,
}

impl Sink for Json {
    fn begin(&mut self, w: &mut dyn Write) -> io::Result<()> {
        write!(w, "{{\"schema\":\"{BATCH_SCHEMA}\",\"calls\":[")
    }
    fn call(&mut self, w: &mut dyn Write, call: &CallOutput) -> io::Result<()> {
        w.write_all(if self.calls == 0 { b"\n" } else { b",\n" })?;
        self.calls += 1;
        serde_json::to_writer(&mut *w, &call.report).map_err(json_err)
    }
    fn error(&mut self, _w: &mut dyn Write, e: &ErrorRecord) -> io::Result<()> {
        self.errors.push(e.clone());
        Ok(())
    }
    fn finish(&mut self, w: &mut dyn Write, summary: &Summary, _rows: &[CallRow]) -> io::Result<()> {
        w.write_all(b"\n],\"errors\":")?;
        serde_json::to_writer(&mut *w, &self.errors).map_err(json_err)?;
        w.write_all(b",\"summary\":")?;
        serde_json::to_writer(&mut *w, summary).map_err(json_err)?;
        w.write_all(b"}\n")
    }
}
