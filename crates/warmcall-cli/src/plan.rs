//! The high layer: flags resolved into what the run needs (config, parse
//! options, walker settings, thread count, progress mode) before any work
//! starts. Every failure here is a usage or config error (exit code 2).

use std::path::{Path, PathBuf};

use anyhow::{bail, Result};
use warmcall::{Config, Format, ParseOptions};

use crate::args::{AnalysisArgs, InputArgs};
use crate::usage::{usage, UsageError};
use crate::walk::{normalise, WalkOptions};

/// Whether to draw a progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProgressMode {
    /// A bar on stderr.
    Bar,
    /// Nothing.
    Off,
}

impl ProgressMode {
    /// A bar only when stderr is a terminal, there is more than one file,
    /// and the user did not ask for none (`--no-progress`).
    pub fn decide(stderr_is_terminal: bool, files: usize, off: bool) -> ProgressMode {
        if stderr_is_terminal && files > 1 && !off {
            ProgressMode::Bar
        } else {
            ProgressMode::Off
        }
    }
}

/// How a format hint is applied.
#[derive(Debug, Clone, Default)]
pub struct Parsing {
    /// Passed to the library.
    pub options: ParseOptions,
    /// `--format-hint json`: detect the JSON shape whatever the extension.
    pub any_json: bool,
}

impl Parsing {
    /// Resolves `--format-hint`.
    pub fn from_hint(hint: Option<&str>) -> Result<Parsing> {
        let Some(h) = hint else { return Ok(Parsing::default()) };
        let h = h.trim().to_ascii_lowercase();
        if h == "json" {
            return Ok(Parsing {
                options: ParseOptions::default(),
                any_json: true,
            });
        }
        let alias = match h.as_str() {
            "webvtt" => "vtt",
            "cha" => "chat",
            "tsv" => "csv",
            "text" => "txt",
            other => other,
        };
        match Format::from_name(alias) {
            Some(f) => Ok(Parsing {
                options: ParseOptions::with_format(f),
                any_json: false,
            }),
            None => Err(usage(format!(
                "unknown --format-hint {h:?} (known: json, {})",
                Format::ALL.iter().map(|f| f.name()).collect::<Vec<_>>().join(", ")
            ))),
        }
    }

    /// Parses bytes read from `path` (`None` for stdin).
    pub fn parse(&self, bytes: &[u8], path: Option<&Path>) -> Result<warmcall::Transcript, warmcall::Error> {
        if self.any_json {
            // Detection goes by extension first: a `.json` stand-in makes it
            // pick the JSON shape detector for any file name.
            let stand_in = PathBuf::from("input.json");
            return warmcall::parse_bytes_with(bytes, Some(&stand_in), &self.options);
        }
        warmcall::parse_bytes_with(bytes, path, &self.options)
    }
}

/// Reads a config file and the lexicon files it names; a relative lexicon
/// path is relative to the config file's folder.
pub fn read_config_file(path: &Path) -> std::result::Result<Config, warmcall::Error> {
    let text = std::fs::read_to_string(path).map_err(|e| warmcall::Error::Config {
        key: path.display().to_string(),
        line: 0,
        message: format!("cannot read the config file: {e}"),
    })?;
    let mut cfg = warmcall::config_file::parse_config(&text)?;
    let dir = path.parent().unwrap_or(Path::new(""));
    warmcall::config_file::read_lexicon_files(&mut cfg, |file| std::fs::read_to_string(dir.join(file)))?;
    Ok(cfg)
}

/// Loads the configuration: `--config F`, else `warmcall.toml` in the
/// current folder, else the defaults; then applies the flags on top.
pub fn load_config(a: &AnalysisArgs) -> Result<Config> {
    let file = match &a.config {
        Some(f) => Some(f.clone()),
        None => {
            let local = PathBuf::from("warmcall.toml");
            local.is_file().then_some(local)
        }
    };
    let mut cfg = match &file {
        Some(f) => read_config_file(f).map_err(|e| usage(format!("{}: {e}", f.display())))?,
        None => Config::default(),
    };
    if let Some(agent) = &a.agent {
        cfg = cfg.agent(agent);
    }
    if let Some(lang) = &a.lang {
        cfg = cfg.language(lang);
    }
    if let Some(p) = &a.profile {
        cfg = cfg.profile(p);
    }
    if let Some(ui) = a.ui_lang {
        cfg = cfg.ui_lang(ui.code());
    }
    // A flag only ever adds redaction to what the config file asks for.
    let agents = cfg.redact_agents || a.redact_agents;
    let redact = cfg.redact || a.redact || agents;
    cfg = cfg.redacted(redact, agents);
    Ok(cfg)
}

/// Whether a writer shows the call's turns beside its report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Turns {
    /// Only the report is written (`analyze`).
    Hidden,
    /// The turns are shown as text (`explain`, `convert`).
    Shown,
    /// The turns are shown and measured by their words (the HTML report's
    /// strip of an untimed call): masks keep each turn's word count.
    Measured,
}

/// What a run writes is redacted (`--redact`, `redact = true`): the
/// transcript (for the writers that show turns) and the report are masked
/// after the analysis, so every figure is the unredacted run's.
pub fn redact_call(
    cfg: &Config,
    t: warmcall::Transcript,
    r: warmcall::Report,
    turns: Turns,
) -> (warmcall::Transcript, warmcall::Report) {
    if !cfg.redact {
        return (t, r);
    }
    let x = warmcall::redact::Redactor::new(&t, &r, cfg.redact_agents);
    let r = x.report(&r);
    let t = match turns {
        Turns::Hidden => t,
        Turns::Shown => x.transcript(&t),
        Turns::Measured => x.transcript_keeping_word_counts(&t),
    };
    (t, r)
}

/// Builds the one shared analyzer.
pub fn analyzer(cfg: Config) -> Result<warmcall::Analyzer> {
    warmcall::Analyzer::new(cfg).map_err(usage)
}

/// Everything a batch run needs.
#[derive(Debug)]
pub struct BatchPlan {
    /// Walker settings.
    pub walk: WalkOptions,
    /// Parse settings.
    pub parsing: Parsing,
    /// Largest file read.
    pub max_size: u64,
    /// Threads.
    pub jobs: usize,
    /// No progress bar.
    pub no_progress: bool,
    /// Warnings on stderr, `None` for `--quiet`.
    pub warnings: Option<crate::args::WarningsMode>,
}

impl BatchPlan {
    /// Resolves the input flags.
    pub fn new(i: &InputArgs) -> Result<BatchPlan> {
        let mut walk = WalkOptions::new(&i.exclude, &i.ext, i.follow)?;
        walk.hidden = i.hidden;
        walk.no_ignore = i.no_ignore;
        let parsing = Parsing::from_hint(i.format_hint.as_deref())?;
        let jobs = match i.jobs {
            Some(0) => bail!(UsageError("-j must be at least 1".into())),
            Some(n) => n,
            None => std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1),
        };
        walk.threads = jobs;
        Ok(BatchPlan {
            walk,
            parsing,
            max_size: i.max_size,
            jobs,
            // -q is about warnings: the bar is not one (issue 21).
            no_progress: i.no_progress,
            warnings: (!i.quiet).then_some(i.warnings),
        })
    }
}

/// Refuses an output path that is one of the files named on the command
/// line (inputs are only read, never written). One inside a walked folder
/// is fine: the walk leaves it out.
pub fn check_output_not_input(output: &Path, inputs: &[PathBuf]) -> Result<()> {
    let out = normalise(output);
    for i in inputs {
        if i.as_os_str() == "-" {
            continue;
        }
        if normalise(i) == out {
            return Err(usage(format!(
                "refusing to write {}: it is one of the inputs (inputs are only read, never written)",
                output.display()
            )));
        }
    }
    Ok(())
}

/// Whether the file at `p` is one warmcall wrote (see
/// [`crate::output::written_by_warmcall`]); only its first bytes are read.
pub fn written_by_warmcall_file(p: &Path) -> bool {
    use std::io::Read;
    let mut head = Vec::with_capacity(64);
    std::fs::File::open(p)
        .and_then(|f| f.take(64).read_to_end(&mut head))
        .is_ok_and(|_| crate::output::written_by_warmcall(&head))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_only_on_a_terminal_with_several_files() {
        assert_eq!(ProgressMode::decide(true, 2, false), ProgressMode::Bar);
        assert_eq!(ProgressMode::decide(false, 2, false), ProgressMode::Off);
        assert_eq!(ProgressMode::decide(true, 1, false), ProgressMode::Off);
        assert_eq!(ProgressMode::decide(true, 500, true), ProgressMode::Off);
    }

    #[test]
    fn format_hints() {
        assert!(Parsing::from_hint(Some("json")).unwrap().any_json);
        assert_eq!(
            Parsing::from_hint(Some("webvtt")).unwrap().options.format_hint,
            Some(Format::Vtt)
        );
        assert_eq!(
            Parsing::from_hint(Some("docx")).unwrap().options.format_hint,
            Some(Format::Docx)
        );
        let e = Parsing::from_hint(Some("pdf")).unwrap_err();
        assert!(e.downcast_ref::<UsageError>().is_some());
    }

    #[test]
    fn output_equal_to_an_input_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("a.vtt");
        std::fs::write(&f, "WEBVTT\n").unwrap();
        let via_dot = dir.path().join(".").join("a.vtt");
        assert!(check_output_not_input(&via_dot, std::slice::from_ref(&f)).is_err());
        assert!(check_output_not_input(&dir.path().join("out.json"), &[f]).is_ok());
    }
}
