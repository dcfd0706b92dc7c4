//! Generates the shell completion scripts and the man page from the clap
//! definitions in `src/args.rs`, so they always match the binary; `warmcall
//! completions SHELL` and `warmcall man` print the ones built in.

// Cargo reads build-script instructions from stdout.
#![allow(clippy::print_stdout)]

use std::path::PathBuf;

use clap::CommandFactory;

#[allow(dead_code)]
#[path = "src/args.rs"]
mod args;

fn main() -> std::io::Result<()> {
    println!("cargo:rerun-if-changed=src/args.rs");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let mut cmd = args::Args::command();
    for shell in args::Shell::ALL {
        let mut script = Vec::new();
        let generator = match shell {
            args::Shell::Bash => clap_complete::Shell::Bash,
            args::Shell::Zsh => clap_complete::Shell::Zsh,
            args::Shell::Fish => clap_complete::Shell::Fish,
            args::Shell::Elvish => clap_complete::Shell::Elvish,
            args::Shell::Powershell => clap_complete::Shell::PowerShell,
        };
        clap_complete::generate(generator, &mut cmd, "warmcall", &mut script);
        std::fs::write(out.join(shell.file_name()), script)?;
    }
    let mut page = Vec::new();
    clap_mangen::Man::new(cmd).render(&mut page)?;
    std::fs::write(out.join("warmcall.1"), page)
}
