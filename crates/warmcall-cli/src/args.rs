//! The low layer: flags as typed values, close to what was written. They are
//! resolved into a [`crate::plan::Plan`] once, before any work starts.

use std::path::PathBuf;

use clap::{Args as ClapArgs, Parser, Subcommand, ValueEnum};

/// Scores recorded sales conversations for how well the seller listens
/// instead of pushing.
#[derive(Parser, Debug)]
#[command(
    name = "warmcall",
    version,
    about,
    after_help = "Examples:\n  warmcall analyze calls/\n  warmcall analyze calls/ -f csv -o calls.csv --exclude '*.expected.json'\n  \
                  warmcall report calls/ -o report.html\n  warmcall explain calls/monday.vtt\n  \
                  warmcall convert call.srt -f canonical-json\n  warmcall config --print-default > warmcall.toml\n\n\
                  Exit codes: 0 every input analysed, 1 some inputs failed, 2 usage or config error, or no input found."
)]
pub struct Args {
    /// What to do.
    #[command(subcommand)]
    pub cmd: Cmd,
}

/// The commands.
#[derive(Subcommand, Debug)]
pub enum Cmd {
    /// Analyse transcripts (files, folders, or `-` for stdin) and write one
    /// report per call.
    #[command(after_help = ANALYZE_EXAMPLES)]
    Analyze(AnalyzeArgs),
    /// Write one self-contained HTML report (summary, sortable table of
    /// calls, per-agent figures, a timeline per call).
    #[command(after_help = REPORT_EXAMPLES)]
    Report(ReportArgs),
    /// Show one transcript turn by turn with questions, pushes, silences and
    /// findings marked inline.
    #[command(after_help = EXPLAIN_EXAMPLES)]
    Explain(ExplainArgs),
    /// Convert a transcript to canonical JSON, WebVTT, SRT or plain text.
    #[command(after_help = CONVERT_EXAMPLES)]
    Convert(ConvertArgs),
    /// Configuration helpers.
    #[command(after_help = CONFIG_EXAMPLES)]
    Config(ConfigArgs),
}

const ANALYZE_EXAMPLES: &str = "Examples:\n  \
    warmcall analyze calls/                          aligned table and a summary line\n  \
    warmcall analyze calls/ --group-by agent         one aggregate row per seller\n  \
    warmcall analyze calls/ -f jsonl > calls.jsonl   one record per line, streamed\n  \
    warmcall analyze calls/ -f csv -o calls.csv      written atomically\n  \
    warmcall analyze calls/ --exclude '*.expected.json' --ext webvtt\n  \
    cat call.vtt | warmcall analyze - --format-hint vtt --agent 'Sanne Visser'\n  \
    warmcall analyze calls/ --agent '/^(Sam|Jo)$/' --profile cold -j 2\n\n\
    Folders are walked recursively (hidden and git-ignored files included, symlinks only with --follow);\n\
    files named on the command line are always read. Output is in sorted path order, identical for any -j.\n\
    Exit codes: 0 every input analysed, 1 some inputs failed (each has an error record), 2 usage or config\n\
    error, or no input found.";

const REPORT_EXAMPLES: &str = "Examples:\n  \
    warmcall report calls/ -o report.html\n  \
    warmcall report calls/ -o rapport.html --ui-lang nl --agent /Visser/\n\n\
    The file has no external assets: open it in any browser, offline.";

const EXPLAIN_EXAMPLES: &str = "Examples:\n  \
    warmcall explain calls/monday.vtt\n  \
    warmcall explain call.json --agent Sam --color always | less -R";

const CONVERT_EXAMPLES: &str = "Examples:\n  \
    warmcall convert call.srt -f canonical-json -o call.json\n  \
    warmcall convert deepgram.json -f vtt\n  \
    warmcall convert call.vtt -f txt";

const CONFIG_EXAMPLES: &str = "Examples:\n  \
    warmcall config --print-default > warmcall.toml";

/// Which inputs to read (shared by `analyze` and `report`).
#[derive(ClapArgs, Debug, Clone)]
pub struct InputArgs {
    /// Files or folders to analyse; `-` reads stdin.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Skip walked files matching this glob (repeatable), e.g. '*.expected.json'.
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,
    /// Also take files with this extension when walking folders (repeatable).
    #[arg(long, value_name = "EXT")]
    pub ext: Vec<String>,
    /// Follow symbolic links while walking folders.
    #[arg(long)]
    pub follow: bool,
    /// Parse every input as this format: vtt, srt, txt, csv, json, canonical-json,
    /// whisper-json, whisperx-json, aws-json, deepgram-json, assemblyai-json, chat, rttm,
    /// eaf, trs, textgrid, docx.
    #[arg(long, value_name = "FORMAT")]
    pub format_hint: Option<String>,
    /// Refuse files larger than this many bytes (default 256 MiB).
    #[arg(long, value_name = "BYTES", default_value_t = 256 * 1024 * 1024)]
    pub max_size: u64,
    /// Threads (default: one per core). Output does not depend on it.
    #[arg(short = 'j', long = "jobs", value_name = "N")]
    pub jobs: Option<usize>,
    /// No warnings and no progress bar on stderr (errors are still shown).
    #[arg(short, long)]
    pub quiet: bool,
}

/// How to analyse (shared by every command that analyses).
#[derive(ClapArgs, Debug, Clone, Default)]
pub struct AnalysisArgs {
    /// The seller: a speaker label or display name, or /REGEX/.
    #[arg(long, value_name = "A")]
    pub agent: Option<String>,
    /// Language of the transcripts: nl, en or auto.
    #[arg(long, value_name = "L")]
    pub lang: Option<String>,
    /// Profile: discovery, cold, support, or one from the config file.
    #[arg(long, value_name = "P")]
    pub profile: Option<String>,
    /// Config file (default: ./warmcall.toml when present).
    #[arg(long, value_name = "F")]
    pub config: Option<PathBuf>,
    /// Language of finding messages and report labels.
    #[arg(long, value_enum, value_name = "LANG")]
    pub ui_lang: Option<UiLang>,
}

/// `warmcall analyze`.
#[derive(ClapArgs, Debug)]
pub struct AnalyzeArgs {
    /// Inputs.
    #[command(flatten)]
    pub input: InputArgs,
    /// Analysis settings.
    #[command(flatten)]
    pub analysis: AnalysisArgs,
    /// Output format.
    #[arg(short, long, value_enum, default_value_t = OutFormat::Table)]
    pub format: OutFormat,
    /// Write to FILE (atomically) instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Add aggregate rows per agent or per folder.
    #[arg(long, value_enum, value_name = "KEY")]
    pub group_by: Option<GroupBy>,
}

/// `warmcall report`.
#[derive(ClapArgs, Debug)]
pub struct ReportArgs {
    /// Inputs.
    #[command(flatten)]
    pub input: InputArgs,
    /// Analysis settings.
    #[command(flatten)]
    pub analysis: AnalysisArgs,
    /// The HTML file to write (atomically).
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,
}

/// `warmcall explain`.
#[derive(ClapArgs, Debug)]
pub struct ExplainArgs {
    /// The transcript (`-` for stdin).
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Analysis settings.
    #[command(flatten)]
    pub analysis: AnalysisArgs,
    /// Parse as this format (see `analyze --help`).
    #[arg(long, value_name = "FORMAT")]
    pub format_hint: Option<String>,
    /// Colour: auto (when stdout is a terminal and NO_COLOR is unset), always, never.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

/// `warmcall convert`.
#[derive(ClapArgs, Debug)]
pub struct ConvertArgs {
    /// The transcript (`-` for stdin).
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Target format.
    #[arg(short, long, value_enum)]
    pub format: ConvertFormat,
    /// Write to OUT (atomically) instead of stdout.
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// Parse as this format (see `analyze --help`).
    #[arg(long, value_name = "FORMAT")]
    pub format_hint: Option<String>,
}

/// `warmcall config`.
#[derive(ClapArgs, Debug)]
pub struct ConfigArgs {
    /// Print the full default configuration (TOML) to stdout.
    #[arg(long, required = true)]
    pub print_default: bool,
}

/// `analyze` output formats.
#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutFormat {
    /// Aligned columns for people, with a summary line.
    Table,
    /// One JSON document (schema warmcall.batch.v1).
    Json,
    /// One JSON record per line: call, error, summary.
    Jsonl,
    /// One flat row per input.
    Csv,
}

/// Aggregate keys.
#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupBy {
    /// The seller's label.
    Agent,
    /// The folder holding the file.
    Folder,
}

/// UI languages.
#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum UiLang {
    /// English.
    En,
    /// Dutch.
    Nl,
}

impl UiLang {
    /// The code the library expects.
    pub fn code(self) -> &'static str {
        match self {
            UiLang::En => "en",
            UiLang::Nl => "nl",
        }
    }
}

/// `--color`.
#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColorChoice {
    /// When stdout is a terminal and NO_COLOR is unset.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// `convert` targets.
#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConvertFormat {
    /// `{"segments":[{"speaker","start","end","text"}]}`.
    CanonicalJson,
    /// WebVTT with `<v Name>` voice spans.
    Vtt,
    /// SRT with a `Name:` prefix.
    Srt,
    /// `[hh:mm:ss.mmm] Name: text` lines.
    Txt,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn verify_app() {
        Args::command().debug_assert();
    }

    #[test]
    fn analyze_defaults() {
        let a = Args::try_parse_from(["warmcall", "analyze", "x"]).unwrap();
        let Cmd::Analyze(a) = a.cmd else { panic!("analyze") };
        assert_eq!(a.format, OutFormat::Table);
        assert_eq!(a.input.max_size, 256 * 1024 * 1024);
        assert!(a.input.jobs.is_none());
    }

    #[test]
    fn report_needs_output() {
        assert!(Args::try_parse_from(["warmcall", "report", "x"]).is_err());
    }
}
