//! The `warmcall` command: glue between the arguments and the library.
//! args → plan → walk → analyse (rayon, one shared `Analyzer`) → write.
//!
//! Exit codes: 0 every input was analysed; 1 some inputs failed (each has
//! an error record in the output and a line on stderr); 2 a usage or config
//! error, a path that does not exist, no input found, or the output could
//! not be written. A closed pipe (`warmcall analyze … | head`) ends the run
//! quietly with 0; Ctrl-C ends it by the signal (see `interrupt`).

mod aggregate;
mod args;
mod convert;
mod explain;
mod i18n;
mod interrupt;
mod output;
mod plan;
mod report_html;
mod run;
mod usage;
mod walk;
mod warnings;

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;

use crate::args::{Args, Cmd, ColorChoice, Shell};
use crate::plan::{BatchPlan, ProgressMode};
use crate::run::{Messages, Out};
use crate::usage::usage;

fn main() -> ExitCode {
    // clap styles its own help and usage errors before `--color` is parsed:
    // look the flag up first so they follow it too.
    let mut cmd = <Args as clap::CommandFactory>::command();
    if let Some(c) = colour_flag(std::env::args_os().skip(1)) {
        cmd = cmd.color(match c {
            ColorChoice::Auto => clap::ColorChoice::Auto,
            ColorChoice::Always => clap::ColorChoice::Always,
            ColorChoice::Never => clap::ColorChoice::Never,
        });
    }
    let args = match <Args as clap::FromArgMatches>::from_arg_matches(&cmd.get_matches()) {
        Ok(a) => a,
        Err(e) => e.exit(),
    };
    // Every styled write goes through anstream, which strips the styles
    // when this says so (auto: not a terminal, or NO_COLOR set).
    match args.color {
        ColorChoice::Auto => anstream::ColorChoice::Auto,
        ColorChoice::Always => anstream::ColorChoice::Always,
        ColorChoice::Never => anstream::ColorChoice::Never,
    }
    .write_global();
    match dispatch(args) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            if is_broken_pipe(&e) {
                return ExitCode::SUCCESS;
            }
            let style = anstyle::AnsiColor::Red.on_default().bold();
            let _ = writeln!(
                anstream::stderr(),
                "{}warmcall:{} {e:#}",
                style.render(),
                style.render_reset()
            );
            ExitCode::from(2)
        }
    }
}

/// The last `--color WHEN` / `--color=WHEN` before a `--`, if valid.
fn colour_flag(args: impl Iterator<Item = std::ffi::OsString>) -> Option<ColorChoice> {
    let mut found = None;
    let mut args = args.map(|a| a.to_string_lossy().into_owned());
    while let Some(a) = args.next() {
        let value = match a.as_str() {
            "--" => break,
            "--color" => args.next(),
            _ => a.strip_prefix("--color=").map(str::to_string),
        };
        if let Some(v) = value {
            found = <ColorChoice as clap::ValueEnum>::from_str(&v, false).ok().or(found);
        }
    }
    found
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

fn dispatch(args: Args) -> Result<u8> {
    match args.cmd {
        Cmd::Analyze(a) => analyze(a),
        Cmd::Report(a) => report(a),
        Cmd::Explain(a) => explain::run(a),
        Cmd::Convert(a) => convert::run(a),
        Cmd::Config(a) => {
            let mut out = std::io::stdout().lock();
            if a.print_default {
                out.write_all(default_config_toml()?.as_bytes())?;
            } else if let Some(lang) = &a.classes {
                out.write_all(classes_toml(lang, a.config.as_deref())?.as_bytes())?;
            } else {
                // Alone it is a question, not a mistake: answer with its help.
                let help = <Args as clap::CommandFactory>::command()
                    .try_get_matches_from(["warmcall", "config", "--help"])
                    .err()
                    .map(|e| e.render().to_string())
                    .unwrap_or_default();
                out.write_all(help.as_bytes())?;
            }
            out.flush()?;
            Ok(0)
        }
        Cmd::Completions(a) => print(completion_script(a.shell)),
        Cmd::Man => print(include_bytes!(concat!(env!("OUT_DIR"), "/warmcall.1"))),
    }
}

fn print(bytes: &[u8]) -> Result<u8> {
    let mut out = std::io::stdout().lock();
    out.write_all(bytes)?;
    out.flush()?;
    Ok(0)
}

/// The script build.rs generated for `shell`.
fn completion_script(shell: Shell) -> &'static [u8] {
    match shell {
        Shell::Bash => include_bytes!(concat!(env!("OUT_DIR"), "/warmcall.bash")),
        Shell::Zsh => include_bytes!(concat!(env!("OUT_DIR"), "/_warmcall")),
        Shell::Fish => include_bytes!(concat!(env!("OUT_DIR"), "/warmcall.fish")),
        Shell::Elvish => include_bytes!(concat!(env!("OUT_DIR"), "/warmcall.elv")),
        Shell::Powershell => include_bytes!(concat!(env!("OUT_DIR"), "/_warmcall.ps1")),
    }
}

/// The effective word classes of `lang` as a lexicon `[classes]` table,
/// with the config (`config`, else ./warmcall.toml when present) applied.
fn classes_toml(lang: &str, config: Option<&std::path::Path>) -> Result<String> {
    let local = std::path::PathBuf::from("warmcall.toml");
    let file = config
        .map(std::path::Path::to_path_buf)
        .or_else(|| local.is_file().then_some(local));
    let cfg = match &file {
        Some(f) => plan::read_config_file(f).map_err(|e| usage(format!("{}: {e}", f.display())))?,
        None => warmcall::Config::default(),
    };
    let analyzer = warmcall::Analyzer::new(cfg).map_err(|e| match &file {
        Some(f) => usage(format!("{}: {e}", f.display())),
        None => usage(e),
    })?;
    let Some(classes) = analyzer.classes(lang) else {
        let known: Vec<&str> = analyzer.languages().collect();
        return Err(usage(format!(
            "no lexicon for {lang:?} (languages: {})",
            known.join(", ")
        )));
    };
    let mut out = format!("# Word classes of the {lang} rules in effect (docs/lexicon.md).\n[classes]\n");
    for (name, entries) in classes {
        let quoted: Vec<String> = entries
            .iter()
            .map(|e| serde_json::Value::from(e.as_str()).to_string())
            .collect();
        let key = if name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-') {
            name.to_string()
        } else {
            serde_json::Value::from(name).to_string()
        };
        out.push_str(&format!("{key} = [{}]\n", quoted.join(", ")));
    }
    Ok(out)
}

/// The full default configuration as TOML, every key commented.
fn default_config_toml() -> Result<String> {
    Ok(warmcall::config_file::default_toml())
}

struct Batch {
    plan: BatchPlan,
    analyzer: warmcall::Analyzer,
    walked: walk::Walked,
    msgs: Messages,
}

fn prepare(input: &args::InputArgs, analysis: &args::AnalysisArgs, output: Option<&PathBuf>) -> Result<Batch> {
    let mut plan = BatchPlan::new(input)?;
    let cfg = plan::load_config(analysis)?;
    // Which annotation tiers are speakers is a parse setting kept in the config.
    plan.parsing.options.tier_speakers = cfg.tiers.clone();
    let analyzer = plan::analyzer(cfg)?;
    if let Some(o) = output.filter(|o| o.as_os_str() != "-") {
        plan::check_output_not_input(o, &input.paths)?;
    }
    let outputs = walk::Outputs::new(&output.map(PathBuf::as_path).into_iter().collect::<Vec<_>>());
    let mut walked = walk::walk(&input.paths, &plan.walk, &outputs)?;
    for o in &walked.own_outputs {
        // The -o file met in the walk is left out when warmcall wrote it (the
        // last run's output); a transcript of that name is an input, and
        // inputs are only read, never written.
        if !plan::written_by_warmcall_file(o) {
            return Err(usage(format!(
                "refusing to write {}: it is one of the inputs (inputs are only read, never written)",
                o.display()
            )));
        }
    }
    if walked.inputs.is_empty() {
        return Err(usage(format!(
            "no input found: no transcript files ({}) under the given paths{}",
            walk::KNOWN_EXTENSIONS.join(", "),
            if walked.excluded > 0 {
                format!(" ({} excluded by --exclude)", walked.excluded)
            } else {
                String::new()
            }
        )));
    }
    let mode = ProgressMode::decide(std::io::stderr().is_terminal(), walked.inputs.len(), plan.no_progress);
    let msgs = Messages::new(mode, walked.inputs.len(), plan.warnings);
    // The -o file met in the walk is left out, and counted as excluded.
    for o in &walked.own_outputs {
        msgs.own_output(&o.display().to_string());
    }
    walked.excluded += walked.own_outputs.len();
    Ok(Batch {
        plan,
        analyzer,
        walked,
        msgs,
    })
}

impl Batch {
    /// The batch as the runner takes it.
    fn job<'a>(&'a self, render: Option<&'a run::Render>, group_by: Option<args::GroupBy>) -> run::BatchJob<'a> {
        run::BatchJob {
            plan: &self.plan,
            analyzer: &self.analyzer,
            inputs: &self.walked.inputs,
            excluded: self.walked.excluded,
            msgs: &self.msgs,
            render,
            group_by,
        }
    }
}

fn analyze(a: args::AnalyzeArgs) -> Result<u8> {
    let b = prepare(&a.input, &a.analysis, a.output.as_ref())?;
    let mut out = Out::open(a.output.as_deref(), a.mode.mode)?;
    let mut sink = output::sink(
        a.format,
        i18n::Ui::new(&b.analyzer.config().ui_lang),
        table_colour(a.output.as_deref()),
    );
    let res = run::run_batch(&b.job(None, a.group_by), sink.as_mut(), &mut out)?;
    out.commit()?;
    Ok(u8::from(res.failed > 0))
}

/// Whether the table is styled: on stdout as `--color` and NO_COLOR say,
/// never in a file (`--color always` is for pagers, not for saved files).
fn table_colour(dest: Option<&std::path::Path>) -> bool {
    dest.is_none_or(|d| d.as_os_str() == "-")
        && anstream::AutoStream::choice(&std::io::stdout()) != anstream::ColorChoice::Never
}

fn report(a: args::ReportArgs) -> Result<u8> {
    let b = prepare(&a.input, &a.analysis, Some(&a.output))?;
    let cfg = b.analyzer.config();
    let ui = report_html::Ui::new(&cfg.ui_lang);
    let band = cfg.active_profile().map(|p| p.talk_share);
    let mut layout = report_html::Layout::new(&a.output, b.walked.inputs.len());
    if a.output.as_os_str() == "-" {
        // Standard output holds one page: there is no folder beside it
        // for agent pages, so a large batch stays one page there.
        layout.split = false;
    }
    let ctx = report_html::Ctx {
        ui,
        page_dir: layout.section_dir(),
    };
    let mut sink = report_html::HtmlSink::new(ui, band, cfg.profile.clone(), layout)?;
    let render = move |t: &warmcall::Transcript, r: &warmcall::Report| report_html::render(t, r, &ctx);
    let mut out = Out::open(Some(&a.output), a.mode.mode)?;
    let res = run::run_batch(&b.job(Some(&render), Some(args::GroupBy::Agent)), &mut sink, &mut out)?;
    out.commit()?;
    Ok(u8::from(res.failed > 0))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flag(args: &[&str]) -> Option<ColorChoice> {
        colour_flag(args.iter().map(std::ffi::OsString::from))
    }

    #[test]
    fn colour_flag_is_found_before_parsing() {
        assert_eq!(flag(&["analyze", "--color", "never", "x"]), Some(ColorChoice::Never));
        assert_eq!(flag(&["--color=always", "explain", "x"]), Some(ColorChoice::Always));
        assert_eq!(flag(&["analyze", "x"]), None);
        // Near misses: a bad value, a path after `--`, another flag's value.
        assert_eq!(flag(&["analyze", "--color", "sometimes"]), None);
        assert_eq!(flag(&["analyze", "--", "--color=never"]), None);
        assert_eq!(flag(&["analyze", "--agent", "--color"]), None);
    }
}
