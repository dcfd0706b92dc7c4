//! The low layer: flags as typed values, close to what was written. They are
//! resolved into the run's plan once, before any work starts (`plan.rs`).

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
    /// Colour on stdout and stderr: auto (on a terminal, unless NO_COLOR is
    /// set), always, never.
    #[arg(long, global = true, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
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
    /// Print a shell completion script (generated when warmcall was built).
    #[command(after_help = COMPLETIONS_EXAMPLES)]
    Completions(CompletionsArgs),
    /// Print the man page (roff, generated when warmcall was built).
    #[command(after_help = "Example:\n  warmcall man > ~/.local/share/man/man1/warmcall.1")]
    Man,
}

const ANALYZE_EXAMPLES: &str = "Examples:\n  \
    warmcall analyze calls/                          aligned table and a summary line\n  \
    warmcall analyze calls/ --group-by agent         one aggregate row per seller\n  \
    warmcall analyze calls/ -f jsonl > calls.jsonl   one record per line, streamed\n  \
    warmcall analyze calls/ -f csv -o calls.csv      written atomically\n  \
    warmcall analyze calls/ --exclude '*.expected.json' --ext webvtt\n  \
    cat call.vtt | warmcall analyze - --format-hint vtt --agent 'Sanne Visser'\n  \
    warmcall analyze calls/ --agent '/^(Sam|Jo)$/' --profile cold -j 2\n\n\
    Folders are walked recursively like ripgrep and fd do: hidden files and folders are skipped unless\n\
    --hidden, and so are paths ignored by .gitignore (in a git repository), .ignore or .git/info/exclude\n\
    unless --no-ignore; symlinks only with --follow. Files named on the command line are always read.\n\
    Files warmcall wrote (the -o file, or any of its csv/json/jsonl outputs) are never read as calls.\n\
    Output is in sorted path order, identical for any -j. `-o -` is stdout.\n\
    Output files are private: created with mode 0600 (owner read/write only), since call reports hold what\n\
    customers said. Pass --mode 644 (or any octal mode) to share them.\n\
    Warnings are counted per kind and summed up at the end (a few examples each); --warnings all prints\n\
    every one as it comes; --quiet hides warnings, never errors; --no-progress hides the bar.\n\
    Exit codes: 0 every input analysed, 1 some inputs failed (each has an error record), 2 usage or config\n\
    error, a path that does not exist, or no input found.";

const REPORT_EXAMPLES: &str = "Examples:\n  \
    warmcall report calls/ -o report.html\n  \
    warmcall report calls/ -o rapport.html --ui-lang nl --agent /Visser/\n  \
    warmcall report calls/ -o - | gzip > report.html.gz\n\n\
    The file has no external assets: open it in any browser, offline.\n\
    It is private: created with mode 0600 (owner read/write only), since it holds what customers said.\n\
    Pass --mode 644 (or any octal mode) to share it.";

const EXPLAIN_EXAMPLES: &str = "Examples:\n  \
    warmcall explain calls/monday.vtt\n  \
    warmcall explain call.json --agent Sam --color always | less -R\n\n\
    Colour follows --color (auto: on a terminal, unless NO_COLOR is set).";

const CONVERT_EXAMPLES: &str = "Examples:\n  \
    warmcall convert call.srt -f canonical-json -o call.json\n  \
    warmcall convert deepgram.json -f vtt\n  \
    warmcall convert call.vtt -f txt\n\n\
    Output files are private: created with mode 0600 (owner read/write only). Pass --mode 644 to share them.";

const CONFIG_EXAMPLES: &str = "Examples:\n  \
    warmcall config --print-default > warmcall.toml";

const COMPLETIONS_EXAMPLES: &str = "Examples:\n  \
    warmcall completions bash > ~/.local/share/bash-completion/completions/warmcall\n  \
    warmcall completions zsh > ~/.zfunc/_warmcall\n  \
    warmcall completions fish > ~/.config/fish/completions/warmcall.fish";

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
    /// Also walk hidden files and folders (names starting with a dot).
    #[arg(long)]
    pub hidden: bool,
    /// Also walk paths that .gitignore, .ignore or .git/info/exclude ignore.
    #[arg(long)]
    pub no_ignore: bool,
    /// Parse every input as this format: vtt, srt, txt, csv, json, canonical-json,
    /// whisper-json, whisperx-json, aws-json, deepgram-json, assemblyai-json, rev-json,
    /// speechmatics-json, google-json, azure-json, watson-json, chat, rttm, eaf, trs,
    /// textgrid, docx.
    #[arg(long, value_name = "FORMAT")]
    pub format_hint: Option<String>,
    /// Refuse files larger than this many bytes (default 256 MiB).
    #[arg(long, value_name = "BYTES", default_value_t = 256 * 1024 * 1024)]
    pub max_size: u64,
    /// Threads (default: one per core). Output does not depend on it.
    #[arg(short = 'j', long = "jobs", value_name = "N")]
    pub jobs: Option<usize>,
    /// No warnings on stderr (errors are still shown, and so is the
    /// progress bar: --no-progress hides it).
    #[arg(short, long)]
    pub quiet: bool,
    /// No progress bar (there is none either when stderr is not a terminal).
    #[arg(long)]
    pub no_progress: bool,
    /// Warnings on stderr: counted per kind with a few examples at the end
    /// (summary), or every one as it comes (all).
    #[arg(long, value_enum, value_name = "HOW", default_value_t = WarningsMode::Summary)]
    pub warnings: WarningsMode,
}

/// `--mode` for files warmcall writes.
#[derive(ClapArgs, Debug, Clone, Default)]
pub struct ModeArgs {
    /// Permissions of the output file, in octal (default 600: only you can
    /// read it, as it holds what customers said).
    #[arg(long, value_name = "OCTAL", value_parser = parse_mode)]
    pub mode: Option<u32>,
}

fn parse_mode(s: &str) -> Result<u32, String> {
    match u32::from_str_radix(s.trim_start_matches("0o"), 8) {
        Ok(m) if m <= 0o777 => Ok(m),
        _ => Err(format!("{s:?} is not an octal file mode like 600 or 644")),
    }
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
    /// Mask personal data in everything written: phone numbers, e-mail
    /// addresses, IBANs, card numbers, postcodes and addresses, customers'
    /// names; customers' labels become `customer`. Figures are unchanged.
    #[arg(long)]
    pub redact: bool,
    /// Like --redact, and also replace the seller's labels by `agent` and
    /// mask their names (figures per agent then merge).
    #[arg(long)]
    pub redact_agents: bool,
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
    /// Write to FILE (atomically, mode 0600 unless --mode) instead of stdout;
    /// `-` is stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Output file permissions.
    #[command(flatten)]
    pub mode: ModeArgs,
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
    /// The HTML file to write (atomically, mode 0600 unless --mode); `-` is
    /// stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,
    /// Output file permissions.
    #[command(flatten)]
    pub mode: ModeArgs,
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
}

/// `warmcall convert`.
#[derive(ClapArgs, Debug)]
#[command(group(clap::ArgGroup::new("redaction").args(["redact", "redact_agents"]).multiple(true)))]
pub struct ConvertArgs {
    /// The transcript (`-` for stdin).
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Target format.
    #[arg(short, long, value_enum)]
    pub format: ConvertFormat,
    /// Write to OUT (atomically, mode 0600 unless --mode) instead of
    /// stdout; `-` is stdout.
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// Output file permissions.
    #[command(flatten)]
    pub mode: ModeArgs,
    /// Parse as this format (see `analyze --help`).
    #[arg(long, value_name = "FORMAT")]
    pub format_hint: Option<String>,
    /// Mask personal data in the written transcript (see `analyze --help`);
    /// the customers' labels become `customer`.
    #[arg(long)]
    pub redact: bool,
    /// Like --redact, and the seller's labels become `agent`.
    #[arg(long)]
    pub redact_agents: bool,
    /// With --redact: the seller (a label, display name or /REGEX/), when
    /// it cannot be inferred.
    #[arg(long, value_name = "A", requires = "redaction")]
    pub agent: Option<String>,
}

/// `warmcall config`: without a flag it prints its help.
#[derive(ClapArgs, Debug)]
pub struct ConfigArgs {
    /// Print the full default configuration (TOML) to stdout.
    #[arg(long)]
    pub print_default: bool,
    /// Print the word classes of a language's rules as in effect: the
    /// shipped lexicon with the config file's changes (docs/lexicon.md).
    #[arg(long, value_name = "LANG")]
    pub classes: Option<String>,
    /// Config file for --classes (default: ./warmcall.toml when present).
    #[arg(long, value_name = "F")]
    pub config: Option<std::path::PathBuf>,
}

/// `warmcall completions`.
#[derive(ClapArgs, Debug)]
pub struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum)]
    pub shell: Shell,
}

/// Shells with a completion script.
#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shell {
    /// Bash.
    Bash,
    /// Zsh.
    Zsh,
    /// Fish.
    Fish,
    /// Elvish.
    Elvish,
    /// PowerShell.
    Powershell,
}

// Used by build.rs, which includes this file.
#[allow(dead_code)]
impl Shell {
    /// Every shell, for the build script.
    pub const ALL: [Shell; 5] = [Shell::Bash, Shell::Zsh, Shell::Fish, Shell::Elvish, Shell::Powershell];

    /// The script's file name in the build's output folder.
    pub fn file_name(self) -> &'static str {
        match self {
            Shell::Bash => "warmcall.bash",
            Shell::Zsh => "_warmcall",
            Shell::Fish => "warmcall.fish",
            Shell::Elvish => "warmcall.elv",
            Shell::Powershell => "_warmcall.ps1",
        }
    }
}

/// `--warnings`.
#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum WarningsMode {
    /// Counted per kind, a few examples each, at the end of the run.
    Summary,
    /// Every warning, as it comes.
    All,
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
    /// On a terminal, unless NO_COLOR is set.
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

    #[test]
    fn modes_are_octal() {
        assert_eq!(parse_mode("644"), Ok(0o644));
        assert_eq!(parse_mode("0o600"), Ok(0o600));
        assert!(parse_mode("888").is_err());
        assert!(parse_mode("1777").is_err());
    }

    #[test]
    fn color_is_global() {
        let a = Args::try_parse_from(["warmcall", "analyze", "x", "--color", "never"]).unwrap();
        assert_eq!(a.color, ColorChoice::Never);
        let a = Args::try_parse_from(["warmcall", "--color", "always", "explain", "x"]).unwrap();
        assert_eq!(a.color, ColorChoice::Always);
    }
}
