//! warmcall scores recorded sales conversations for how well the seller
//! listens instead of pushing: talk share, questions, silences, patience and
//! premature pushes toward an appointment.
//!
//! The library turns bytes into a [`Report`]. It walks no folders, starts no
//! threads and prints nothing; the `warmcall` command does those.
//!
//! - [`parse_bytes`] detects the format (WebVTT, SRT, plain text, CSV/TSV,
//!   speech-to-text JSON, CHAT, RTTM) and the encoding, and returns a
//!   [`Transcript`].
//! - [`Analyzer::new`] compiles the lexicons of a [`Config`] once; an
//!   `Analyzer` is `Send + Sync`.
//! - [`Analyzer::analyze`] returns a [`Report`] (serde-serialisable, schema
//!   `warmcall.report.v1`).
//!
//! ```
//! let vtt = "WEBVTT\n\n00:00.000 --> 00:04.000\n<v Sam>Hi, this is Sam from Acme, I'm calling about your planning.\n\n\
//!            00:04.500 --> 00:08.000\n<v Jo>Oh, right. We use spreadsheets.\n";
//! let transcript = warmcall::parse_bytes(vtt.as_bytes(), None)?;
//! let analyzer = warmcall::Analyzer::new(warmcall::Config::default())?;
//! let report = analyzer.analyze(&transcript);
//! assert_eq!(report.schema, "warmcall.report.v1");
//! println!("{}", serde_json::to_string_pretty(&report).unwrap());
//! # Ok::<(), warmcall::Error>(())
//! ```
#![deny(missing_docs)]
#![warn(clippy::print_stdout, clippy::print_stderr)]

mod analyzer;
pub mod config;
pub mod config_file;
mod context;
mod encoding;
mod error;
mod findings;
mod lang;
pub mod lexicon;
mod metrics;
mod model;
/// Format detection and the parsers. Public only so that the conformance
/// tests can reach the WebVTT cue layer; use [`parse_bytes`] instead.
#[doc(hidden)]
pub mod parse;
pub mod report;
mod roles;
mod score;
pub mod text;
mod trackers;

pub use analyzer::Analyzer;
pub use config::Config;
pub use error::{Error, Result};
pub use model::{Format, PauseEvent, Segment, Speaker, Timing, Transcript, TranscriptBuilder, Warning};
pub use parse::{detect, parse_bytes, parse_bytes_with, parse_str, ParseOptions};
pub use report::{QuestionKind, Report};
pub use score::{score_report, PUSH_FINDING_IDS};
