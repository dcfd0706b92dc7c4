//! Turns the PATH arguments into a sorted list of inputs: files named on the
//! command line are always taken; folders are walked recursively (hidden
//! and git-ignored files included, symlinks only with `--follow`) and their
//! files taken when the extension is known and no `--exclude` glob matches.

use std::path::{Path, PathBuf};

use anyhow::Result;
use globset::{Glob, GlobSet, GlobSetBuilder};

use crate::plan::{usage, KNOWN_EXTENSIONS};

/// Walker settings.
#[derive(Debug)]
pub struct WalkOptions {
    exclude: GlobSet,
    extensions: Vec<String>,
    follow: bool,
}

impl WalkOptions {
    /// Compiles the globs; a bad glob is a usage error.
    pub fn new(exclude: &[String], extra_ext: &[String], follow: bool) -> Result<WalkOptions> {
        let mut b = GlobSetBuilder::new();
        for g in exclude {
            b.add(Glob::new(g).map_err(|e| usage(format!("bad --exclude glob {g:?}: {e}")))?);
        }
        let exclude = b.build().map_err(|e| usage(format!("bad --exclude globs: {e}")))?;
        let mut extensions: Vec<String> = KNOWN_EXTENSIONS.iter().map(|s| s.to_string()).collect();
        extensions.extend(extra_ext.iter().map(|e| e.trim_start_matches('.').to_ascii_lowercase()));
        Ok(WalkOptions {
            exclude,
            extensions,
            follow,
        })
    }

    fn excluded(&self, p: &Path) -> bool {
        self.exclude.is_match(p) || p.file_name().is_some_and(|n| self.exclude.is_match(n))
    }

    fn known_extension(&self, p: &Path) -> bool {
        p.extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| self.extensions.iter().any(|k| k.eq_ignore_ascii_case(e)))
    }
}

/// One thing to analyse.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Input {
    /// Standard input (`-`).
    Stdin,
    /// A file.
    File(PathBuf),
    /// A path that could not be read while walking (missing, permission
    /// denied, a symlink loop): reported as an error record.
    Unreadable(PathBuf, String),
}

impl Input {
    /// The path shown in output (`-` for stdin).
    pub fn display(&self) -> String {
        match self {
            Input::Stdin => "-".to_string(),
            Input::File(p) | Input::Unreadable(p, _) => p.display().to_string(),
        }
    }

    fn sort_key(&self) -> (u8, &Path) {
        match self {
            Input::Stdin => (0, Path::new("")),
            Input::File(p) | Input::Unreadable(p, _) => (1, p.as_path()),
        }
    }
}

/// The walked inputs.
#[derive(Debug, Default)]
pub struct Walked {
    /// Sorted by path (stdin first), each once.
    pub inputs: Vec<Input>,
    /// Files skipped by `--exclude`.
    pub excluded: usize,
}

/// Walks every path argument.
pub fn walk(paths: &[PathBuf], opts: &WalkOptions) -> Walked {
    let mut out = Walked::default();
    for p in paths {
        if p.as_os_str() == "-" {
            out.inputs.push(Input::Stdin);
            continue;
        }
        match std::fs::metadata(p) {
            Err(e) => out.inputs.push(Input::Unreadable(p.clone(), io_message(&e))),
            Ok(m) if m.is_dir() => walk_dir(p, opts, &mut out),
            // A file named on the command line is read whatever its name.
            Ok(_) => out.inputs.push(Input::File(p.clone())),
        }
    }
    out.inputs.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    out.inputs.dedup_by(|a, b| a.sort_key() == b.sort_key());
    out
}

fn walk_dir(root: &Path, opts: &WalkOptions, out: &mut Walked) {
    for entry in walkdir::WalkDir::new(root).follow_links(opts.follow) {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let path = e.path().map(Path::to_path_buf).unwrap_or_else(|| root.to_path_buf());
                let msg = match e.io_error() {
                    Some(io) => io_message(io),
                    None => e.to_string(),
                };
                out.inputs.push(Input::Unreadable(path, msg));
                continue;
            }
        };
        // Without --follow, symlinks are neither walked nor read.
        if !entry.file_type().is_file() {
            continue;
        }
        let path = entry.path();
        if !opts.known_extension(path) {
            continue;
        }
        if opts.excluded(path) {
            out.excluded += 1;
            continue;
        }
        out.inputs.push(Input::File(path.to_path_buf()));
    }
}

/// An I/O error as a short message without the OS error number.
pub fn io_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => {
            let s = e.to_string();
            match s.find(" (os error") {
                Some(i) => s[..i].to_string(),
                None => s,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn touch(p: &Path) {
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, "x").unwrap();
    }

    #[test]
    fn walks_sorted_with_hidden_files_and_excludes() {
        let d = tempfile::tempdir().unwrap();
        let r = d.path();
        touch(&r.join("b/two.vtt"));
        touch(&r.join("a/one.srt"));
        touch(&r.join(".hidden/three.txt"));
        touch(&r.join("a/one.expected.json"));
        touch(&r.join("a/notes.md"));
        touch(&r.join("a/odd.webvtt"));
        let opts = WalkOptions::new(&["*.expected.json".into()], &["webvtt".into()], false).unwrap();
        let w = walk(&[r.to_path_buf(), r.join("a/notes.md"), PathBuf::from("-")], &opts);
        let names: Vec<String> = w.inputs.iter().map(|i| i.display()).collect();
        let rel = |s: &str| r.join(s).display().to_string();
        assert_eq!(
            names,
            vec![
                "-".to_string(),
                rel(".hidden/three.txt"),
                rel("a/notes.md"),
                rel("a/odd.webvtt"),
                rel("a/one.srt"),
                rel("b/two.vtt")
            ]
        );
        assert_eq!(w.excluded, 1);
    }

    #[test]
    fn missing_path_is_an_unreadable_input() {
        let opts = WalkOptions::new(&[], &[], false).unwrap();
        let w = walk(&[PathBuf::from("/definitely/not/here.vtt")], &opts);
        assert!(matches!(&w.inputs[0], Input::Unreadable(_, m) if m == "no such file or folder"));
    }

    #[cfg(unix)]
    #[test]
    fn symlinks_followed_only_on_request() {
        let d = tempfile::tempdir().unwrap();
        let r = d.path();
        touch(&r.join("real/a.vtt"));
        std::fs::create_dir_all(r.join("walk")).unwrap();
        std::os::unix::fs::symlink(r.join("real/a.vtt"), r.join("walk/link.vtt")).unwrap();
        let no = walk(&[r.join("walk")], &WalkOptions::new(&[], &[], false).unwrap());
        assert!(no.inputs.is_empty());
        let yes = walk(&[r.join("walk")], &WalkOptions::new(&[], &[], true).unwrap());
        assert_eq!(yes.inputs.len(), 1);
    }

    #[test]
    fn bad_glob_is_a_usage_error() {
        let e = WalkOptions::new(&["a[".into()], &[], false).unwrap_err();
        assert!(e.downcast_ref::<crate::plan::UsageError>().is_some());
    }
}
