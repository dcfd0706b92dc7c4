//! Integration tests of the `warmcall` binary. Each test builds its inputs
//! in a fresh temp dir and runs the built binary.
//!
//! and need the library's parsers (being written in parallel): the lead
//! removes the `ignore` when merging them. Everything else (walking,
//! ordering, error records, exit codes, formats, atomic writes, progress)
//! runs today on inputs that fail to parse.

// Tests print measured figures and loud skip notices on purpose.
#![allow(clippy::print_stderr)]

mod analyze;
mod html;
mod progress;
mod single;
mod util;
