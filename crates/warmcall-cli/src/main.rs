//! The `warmcall` command (minimal; the full CLI is issue 7).

use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};

/// Scores recorded sales conversations for listening instead of pushing.
#[derive(Parser, Debug)]
#[command(name = "warmcall", version, about)]
struct Args {
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Subcommand, Debug)]
enum Cmd {
    /// Analyse transcripts and print one JSON report per file.
    Analyze {
        /// Files to analyse.
        paths: Vec<PathBuf>,
        /// The seller's label, or /REGEX/.
        #[arg(long)]
        agent: Option<String>,
    },
}

fn main() -> Result<()> {
    let args = Args::parse();
    match args.cmd {
        Cmd::Analyze { paths, agent } => {
            let mut cfg = warmcall::Config::default();
            if let Some(a) = agent {
                cfg = cfg.agent(&a);
            }
            let analyzer = warmcall::Analyzer::new(cfg)?;
            let mut failed = false;
            for p in paths {
                let bytes = std::fs::read(&p).with_context(|| format!("reading {}", p.display()))?;
                match warmcall::parse_bytes(&bytes, Some(&p)) {
                    Ok(t) => {
                        let r = analyzer.analyze_with_path(&t, Some(&p.display().to_string()));
                        #[allow(clippy::print_stdout)]
                        {
                            println!("{}", serde_json::to_string(&r)?);
                        }
                    }
                    Err(e) => {
                        failed = true;
                        #[allow(clippy::print_stderr)]
                        {
                            eprintln!("warmcall: {e}");
                        }
                    }
                }
            }
            if failed {
                std::process::exit(1);
            }
        }
    }
    Ok(())
}
