//! The `warmcall` command: glue between the arguments and the library.
//! args → plan → walk → analyse (rayon, one shared `Analyzer`) → write.
//!
//! Exit codes: 0 every input was analysed; 1 some inputs failed (each has
//! an error record in the output and a line on stderr); 2 a usage or config
//! error, no input found, or the output could not be written. A closed
//! pipe (`warmcall analyze … | head`) ends the run quietly with 0.

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
mod walk;

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use clap::Parser;

use crate::args::{Args, Cmd};
use crate::plan::{usage, BatchPlan, ProgressMode};
use crate::run::{Messages, Out};

fn main() -> ExitCode {
    let args = Args::parse();
    match dispatch(args) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            if is_broken_pipe(&e) {
                return ExitCode::SUCCESS;
            }
            let _ = writeln!(std::io::stderr(), "warmcall: {e:#}");
            ExitCode::from(2)
        }
    }
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
            if a.print_default {
                let mut out = std::io::stdout().lock();
                out.write_all(default_config_toml()?.as_bytes())?;
                out.flush()?;
            }
            Ok(0)
        }
    }
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
    let walked = walk::walk(&input.paths, &plan.walk);
    if walked.inputs.is_empty() {
        return Err(usage(format!(
            "no input found: no transcript files ({}) under the given paths{}",
            plan::KNOWN_EXTENSIONS.join(", "),
            if walked.excluded > 0 {
                format!(" ({} excluded by --exclude)", walked.excluded)
            } else {
                String::new()
            }
        )));
    }
    if let Some(o) = output {
        let mut read: Vec<PathBuf> = input.paths.clone();
        read.extend(walked.inputs.iter().filter_map(|i| match i {
            walk::Input::File(p) => Some(p.clone()),
            _ => None,
        }));
        plan::check_output_not_input(o, &read)?;
    }
    let mode = ProgressMode::decide(std::io::stderr().is_terminal(), walked.inputs.len(), plan.quiet);
    let msgs = Messages::new(mode, walked.inputs.len(), plan.quiet);
    Ok(Batch {
        plan,
        analyzer,
        walked,
        msgs,
    })
}

fn analyze(a: args::AnalyzeArgs) -> Result<u8> {
    let b = prepare(&a.input, &a.analysis, a.output.as_ref())?;
    let mut out = Out::open(a.output.as_deref())?;
    let mut sink = output::sink(a.format, i18n::Ui::new(&b.analyzer.config().ui_lang));
    let res = run::run_batch(
        &b.plan,
        &b.analyzer,
        &b.walked.inputs,
        b.walked.excluded,
        sink.as_mut(),
        &mut out,
        &b.msgs,
        None,
        a.group_by,
    )?;
    out.commit()?;
    Ok(u8::from(res.failed > 0))
}

fn report(a: args::ReportArgs) -> Result<u8> {
    let b = prepare(&a.input, &a.analysis, Some(&a.output))?;
    let cfg = b.analyzer.config();
    let ui = report_html::Ui::new(&cfg.ui_lang);
    let band = cfg.active_profile().map(|p| p.talk_share);
    let layout = report_html::Layout::new(&a.output, b.walked.inputs.len());
    let ctx = report_html::Ctx {
        ui,
        page_dir: layout.section_dir(),
    };
    let mut sink = report_html::HtmlSink::new(ui, band, cfg.profile.clone(), layout)?;
    let render = move |t: &warmcall::Transcript, r: &warmcall::Report| report_html::render(t, r, &ctx);
    let mut out = Out::open(Some(&a.output))?;
    let res = run::run_batch(
        &b.plan,
        &b.analyzer,
        &b.walked.inputs,
        b.walked.excluded,
        &mut sink,
        &mut out,
        &b.msgs,
        Some(&render),
        Some(args::GroupBy::Agent),
    )?;
    out.commit()?;
    Ok(u8::from(res.failed > 0))
}

/// Reads one file (or stdin) for `explain` and `convert`: a failure is a
/// per-input error (exit 1), a usage problem exit 2.
pub(crate) fn read_one(
    file: &std::path::Path,
    hint: Option<&str>,
    tiers: &std::collections::BTreeMap<String, String>,
) -> Result<Result<warmcall::Transcript, run::ErrorRecord>> {
    let mut parsing = plan::Parsing::from_hint(hint)?;
    parsing.options.tier_speakers = tiers.clone();
    let input = if file.as_os_str() == "-" {
        walk::Input::Stdin
    } else {
        walk::Input::File(file.to_path_buf())
    };
    let (bytes, path) = match run::read_input(&input, 256 * 1024 * 1024) {
        Ok(x) => x,
        Err(e) => return Ok(Err(e)),
    };
    Ok(parsing
        .parse(&bytes, path.as_deref())
        .map_err(|e| run::ErrorRecord::from_error(&input.display(), &e)))
}
