//! Integration tests of the `warmcall` binary. Each test builds its inputs
//! in a fresh temp dir and runs the built binary.

// Tests print measured figures and loud skip notices on purpose.
#![allow(clippy::print_stderr)]

mod analyze;
mod conventions;
mod exports;
mod html;
mod interrupt;
mod labels;
mod lexicon;
mod people;
mod progress;
mod redact;
mod single;
mod util;
