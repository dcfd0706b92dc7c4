//! warmcall scores recorded sales conversations for how well the seller
//! listens instead of pushing: talk share, questions, silences, patience and
//! premature pushes toward an appointment.
//!
//! The library turns bytes (or segments built in code) into a [`Report`]. It
//! walks no folders, starts no threads and prints nothing; the `warmcall`
//! command does those. Everything runs locally.
//!
//! # The principal types
//!
//! - [`Transcript`]: speakers and timed (or untimed) [`Segment`]s, the
//!   [`Timing`] kind and the source [`Format`]. Get one from
//!   [`parse_bytes`] (detects the encoding and the format: WebVTT, SRT,
//!   plain text and the text layouts of Zoom, Otter and WhisperX, CSV/TSV,
//!   speech-to-text JSON, CHAT, RTTM, ELAN, Transcriber, Praat TextGrid,
//!   Teams' Word .docx), or build one
//!   in code with [`Transcript::builder`] from a dialer's own diarised
//!   segments.
//! - [`Config`]: every threshold, the profile (`discovery`, `cold`,
//!   `support`), who the seller is, custom trackers. Builder-style:
//!   `Config::default().agent("Sam").profile("cold")`. The text of a
//!   `warmcall.toml` is parsed with [`config_file::parse_config`], and the
//!   lexicon files it names are read by the caller through
//!   [`config_file::read_lexicon_files`] (the library reads no files);
//!   [`config_file::default_toml`] is the commented default.
//! - [`Analyzer`]: built once from a `Config` with [`Analyzer::new`] (it
//!   compiles the lexicons and rules, the only costly step), then
//!   [`Analyzer::analyze`] any number of transcripts. It is `Send + Sync`
//!   and holds no per-call state: share one behind an `Arc` across threads.
//! - [`Report`]: every figure under the stable names of the schema
//!   [`report::SCHEMA`] (`warmcall.report.v1`), serialisable with serde.
//!   Fields may be added in later versions, never renamed; see
//!   docs/embedding.md and docs/report.schema.json.
//! - [`Error`]: hard problems (unreadable input, bad config) with the path
//!   and line; soft ones are [`Warning`]s kept in the report.
//!
//! # Example
//!
//! Parse a file's bytes, analyse them, and analyse a call built in code:
//!
//! ```
//! use warmcall::{Analyzer, Config, Transcript};
//!
//! let vtt = "WEBVTT\n\n00:00.000 --> 00:04.000\n<v Sam>Hi, this is Sam from Acme, I'm calling about your planning.\n\n\
//!            00:04.500 --> 00:08.000\n<v Jo>Oh, right. We use spreadsheets.\n";
//! let transcript = warmcall::parse_bytes(vtt.as_bytes(), None)?;
//!
//! // Build once, reuse for every call.
//! let analyzer = Analyzer::new(Config::default().profile("cold"))?;
//! let report = analyzer.analyze(&transcript);
//! assert_eq!(report.schema, "warmcall.report.v1");
//! assert_eq!(report.roles.agent.as_deref(), Some("Sam"));
//! assert_eq!(report.score.profile, "cold");
//!
//! // Segments from a dialer's diariser: speaker, start and end (s), text.
//! let call = Transcript::builder()
//!     .segment("agent", 0.0, 3.5, "Good morning, Sam from Acme here. How do you plan your routes today?")
//!     .segment("customer", 4.2, 12.0, "Mostly by hand, which costs my planner a full day every week.")
//!     .build();
//! let report = analyzer.analyze(&call);
//! assert_eq!(report.questions.as_ref().map(|q| q.agent.open), Some(1));
//!
//! let json = serde_json::to_string(&report).expect("reports serialise");
//! assert!(json.starts_with("{\"schema\":\"warmcall.report.v1\""));
//! # Ok::<(), warmcall::Error>(())
//! ```
#![deny(missing_docs)]
#![warn(clippy::print_stdout, clippy::print_stderr)]

mod agent_patterns;
mod analyzer;
/// Stage entry points for the benches only; not a stable API.
#[doc(hidden)]
pub mod bench_api;
pub mod config;
pub mod config_file;
mod context;
pub mod date;
mod encoding;
mod error;
mod findings;
pub mod identity;
mod lang;
pub mod lexicon;
mod metrics;
mod model;
/// Format detection and the parsers. Public only so that the conformance
/// tests can reach the WebVTT cue layer; use [`parse_bytes`] instead.
#[doc(hidden)]
pub mod parse;
pub mod redact;
pub mod report;
mod roles;
mod rules;
mod score;
// The shared-folder helpers serve the integration tests (tests/common
// includes this file); no unit test reads ../shared since the push lists
// left regular expressions.
#[cfg(test)]
#[allow(dead_code)]
mod test_support;
pub mod text;
mod trackers;

pub use analyzer::Analyzer;
pub use config::Config;
pub use error::{Error, Result};
pub use model::{Format, PauseEvent, Segment, Speaker, Timing, Transcript, TranscriptBuilder, Warning};
pub use parse::{detect, parse_bytes, parse_bytes_with, parse_str, ParseOptions};
pub use report::{QuestionKind, Report};
pub use score::{score_report, PUSH_FINDING_IDS};
