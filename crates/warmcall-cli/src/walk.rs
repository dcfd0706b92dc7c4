//! Turns the PATH arguments into a sorted list of inputs, the way ripgrep
//! and fd walk: files named on the command line are always taken; folders
//! are walked recursively by the `ignore` crate (ripgrep's walker, in
//! parallel), skipping hidden files and folders unless `--hidden` and paths
//! ignored by `.gitignore` (inside a git repository), `.ignore` or
//! `.git/info/exclude` unless `--no-ignore`; symlinks only with `--follow`.
//! A walked file is taken when its extension is known, no `--exclude` glob
//! matches and it is not one of this run's output files.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use anyhow::Result;
use globset::{Glob, GlobSet, GlobSetBuilder};

use crate::usage::usage;

/// Transcript extensions taken while walking folders.
/// Markdown (`.md`, Otter's export) is read when named, not walked: a
/// folder's README is no call.
pub const KNOWN_EXTENSIONS: [&str; 12] = [
    "vtt", "srt", "txt", "csv", "tsv", "json", "cha", "rttm", "eaf", "trs", "textgrid", "docx",
];

/// Walker settings.
#[derive(Debug)]
pub struct WalkOptions {
    exclude: GlobSet,
    extensions: Vec<String>,
    follow: bool,
    /// Take hidden files and folders too.
    pub hidden: bool,
    /// Take ignored files too.
    pub no_ignore: bool,
    /// Threads for the walk.
    pub threads: usize,
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
            hidden: false,
            no_ignore: false,
            threads: 1,
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
    /// Walked files skipped because this run writes them (`-o`).
    pub own_outputs: Vec<PathBuf>,
}

/// This run's output files, to be left out of the walk: compared by name
/// first, so only a file of the same name costs a `canonicalize`.
#[derive(Debug, Default)]
pub struct Outputs(Vec<PathBuf>);

impl Outputs {
    /// The outputs (`-` for stdout is none).
    pub fn new(paths: &[&Path]) -> Outputs {
        Outputs(
            paths
                .iter()
                .filter(|p| p.as_os_str() != "-")
                .map(|p| normalise(p))
                .collect(),
        )
    }

    fn contains(&self, p: &Path) -> bool {
        self.0
            .iter()
            .any(|o| o.file_name() == p.file_name() && normalise(p) == *o)
    }
}

/// Walks every path argument. A path that does not exist is a usage error
/// (exit 2 before anything is written, as ripgrep does), not an error
/// record: it is a mistyped argument, not a bad call.
pub fn walk(paths: &[PathBuf], opts: &WalkOptions, outputs: &Outputs) -> Result<Walked> {
    let mut out = Walked::default();
    let mut missing = Vec::new();
    let mut roots = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            out.inputs.push(Input::Stdin);
            continue;
        }
        match std::fs::metadata(p) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => missing.push(p.display().to_string()),
            Err(e) => out.inputs.push(Input::Unreadable(p.clone(), io_message(&e))),
            Ok(m) if m.is_dir() => roots.push(p.as_path()),
            // A file named on the command line is read whatever its name.
            Ok(_) => out.inputs.push(Input::File(p.clone())),
        }
    }
    if !missing.is_empty() {
        return Err(usage(format!("{}: no such file or folder", missing.join(", "))));
    }
    if let Some((first, rest)) = roots.split_first() {
        walk_dirs(first, rest, opts, outputs, &mut out);
    }
    out.inputs.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    out.inputs.dedup_by(|a, b| a.sort_key() == b.sort_key());
    out.own_outputs.sort();
    Ok(out)
}

/// What one walked entry became.
enum Found {
    Input(Input),
    Excluded,
    OwnOutput(PathBuf),
}

fn walk_dirs(first: &Path, rest: &[&Path], opts: &WalkOptions, outputs: &Outputs, out: &mut Walked) {
    let mut b = ignore::WalkBuilder::new(first);
    for r in rest {
        b.add(r);
    }
    b.hidden(!opts.hidden)
        .ignore(!opts.no_ignore)
        .git_ignore(!opts.no_ignore)
        .git_exclude(!opts.no_ignore)
        .git_global(!opts.no_ignore)
        .parents(!opts.no_ignore)
        .follow_links(opts.follow)
        .threads(opts.threads);
    let found: Mutex<Vec<Found>> = Mutex::new(Vec::new());
    b.build_parallel().run(|| {
        let found = &found;
        Box::new(move |entry| {
            let item = match entry {
                Ok(e) => classify(&e, opts, outputs),
                Err(e) => Some(Found::Input(unreadable(first, &e))),
            };
            if let Some(item) = item {
                if let Ok(mut f) = found.lock() {
                    f.push(item);
                }
            }
            ignore::WalkState::Continue
        })
    });
    for f in found.into_inner().unwrap_or_default() {
        match f {
            Found::Input(i) => out.inputs.push(i),
            Found::Excluded => out.excluded += 1,
            Found::OwnOutput(p) => out.own_outputs.push(p),
        }
    }
}

fn classify(entry: &ignore::DirEntry, opts: &WalkOptions, outputs: &Outputs) -> Option<Found> {
    // Without --follow, symlinks are neither walked nor read.
    if !entry.file_type().is_some_and(|t| t.is_file()) {
        return None;
    }
    let path = entry.path();
    if !opts.known_extension(path) {
        return None;
    }
    if outputs.contains(path) {
        return Some(Found::OwnOutput(path.to_path_buf()));
    }
    if opts.excluded(path) {
        return Some(Found::Excluded);
    }
    Some(Found::Input(Input::File(path.to_path_buf())))
}

/// A walk error as an input that could not be read.
fn unreadable(root: &Path, e: &ignore::Error) -> Input {
    fn parts(e: &ignore::Error) -> (Option<PathBuf>, String) {
        match e {
            ignore::Error::WithPath { path, err } => (Some(path.clone()), parts(err).1),
            ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => parts(err),
            ignore::Error::Io(io) => (None, io_message(io)),
            ignore::Error::Loop { child, .. } => (Some(child.clone()), "symbolic link loop".to_string()),
            other => (None, other.to_string()),
        }
    }
    let (path, msg) = parts(e);
    Input::Unreadable(path.unwrap_or_else(|| root.to_path_buf()), msg)
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

/// An absolute path with symlinks resolved where the file exists; for a
/// file that does not exist yet, its resolved folder plus its name.
pub fn normalise(p: &Path) -> PathBuf {
    if let Ok(c) = p.canonicalize() {
        return c;
    }
    let name = p.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    let parent = p
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    parent
        .canonicalize()
        .unwrap_or_else(|_| parent.to_path_buf())
        .join(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn touch(p: &Path) {
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, "x").unwrap();
    }

    fn names(w: &Walked) -> Vec<String> {
        w.inputs.iter().map(|i| i.display()).collect()
    }

    #[test]
    fn walks_sorted_without_hidden_files_and_with_excludes() {
        let d = tempfile::tempdir().unwrap();
        let r = d.path();
        touch(&r.join("b/two.vtt"));
        touch(&r.join("a/one.srt"));
        touch(&r.join(".hidden/three.txt"));
        touch(&r.join("a/._one.vtt"));
        touch(&r.join("a/one.expected.json"));
        touch(&r.join("a/notes.md"));
        touch(&r.join("a/odd.webvtt"));
        let mut opts = WalkOptions::new(&["*.expected.json".into()], &["webvtt".into()], false).unwrap();
        let paths = [r.to_path_buf(), r.join("a/notes.md"), PathBuf::from("-")];
        let w = walk(&paths, &opts, &Outputs::default()).unwrap();
        let rel = |s: &str| r.join(s).display().to_string();
        assert_eq!(
            names(&w),
            vec![
                "-".to_string(),
                rel("a/notes.md"),
                rel("a/odd.webvtt"),
                rel("a/one.srt"),
                rel("b/two.vtt")
            ]
        );
        assert_eq!(w.excluded, 1);
        opts.hidden = true;
        let w = walk(&paths, &opts, &Outputs::default()).unwrap();
        assert!(names(&w).contains(&rel(".hidden/three.txt")));
        assert!(names(&w).contains(&rel("a/._one.vtt")));
    }

    #[test]
    fn ignore_files_are_honoured_unless_no_ignore() {
        let d = tempfile::tempdir().unwrap();
        let r = d.path();
        touch(&r.join("keep.vtt"));
        touch(&r.join("old/skip.vtt"));
        std::fs::write(r.join(".ignore"), "old/\n").unwrap();
        let mut opts = WalkOptions::new(&[], &[], false).unwrap();
        let w = walk(&[r.to_path_buf()], &opts, &Outputs::default()).unwrap();
        assert_eq!(names(&w), vec![r.join("keep.vtt").display().to_string()]);
        opts.no_ignore = true;
        let w = walk(&[r.to_path_buf()], &opts, &Outputs::default()).unwrap();
        assert_eq!(w.inputs.len(), 2);
    }

    #[test]
    fn the_runs_own_output_is_not_an_input() {
        let d = tempfile::tempdir().unwrap();
        let r = d.path();
        touch(&r.join("a.vtt"));
        touch(&r.join("out.csv"));
        touch(&r.join("sub/out.csv"));
        let opts = WalkOptions::new(&[], &[], false).unwrap();
        let out = r.join(".").join("out.csv");
        let w = walk(&[r.to_path_buf()], &opts, &Outputs::new(&[&out])).unwrap();
        let rel = |s: &str| r.join(s).display().to_string();
        assert_eq!(
            names(&w),
            vec![rel("a.vtt"), rel("sub/out.csv")],
            "same name elsewhere is read"
        );
        assert_eq!(w.own_outputs, vec![r.join("out.csv")]);
    }

    #[test]
    fn missing_path_is_a_usage_error() {
        let opts = WalkOptions::new(&[], &[], false).unwrap();
        let e = walk(&[PathBuf::from("/definitely/not/here.vtt")], &opts, &Outputs::default()).unwrap_err();
        assert!(e.downcast_ref::<crate::usage::UsageError>().is_some());
        assert_eq!(e.to_string(), "/definitely/not/here.vtt: no such file or folder");
    }

    #[cfg(unix)]
    #[test]
    fn symlinks_followed_only_on_request() {
        let d = tempfile::tempdir().unwrap();
        let r = d.path();
        touch(&r.join("real/a.vtt"));
        std::fs::create_dir_all(r.join("walk")).unwrap();
        std::os::unix::fs::symlink(r.join("real/a.vtt"), r.join("walk/link.vtt")).unwrap();
        let none = Outputs::default();
        let no = walk(&[r.join("walk")], &WalkOptions::new(&[], &[], false).unwrap(), &none).unwrap();
        assert!(no.inputs.is_empty());
        let yes = walk(&[r.join("walk")], &WalkOptions::new(&[], &[], true).unwrap(), &none).unwrap();
        assert_eq!(yes.inputs.len(), 1);
    }

    #[test]
    fn bad_glob_is_a_usage_error() {
        let e = WalkOptions::new(&["a[".into()], &[], false).unwrap_err();
        assert!(e.downcast_ref::<crate::usage::UsageError>().is_some());
    }
}
