//! The library reads no files: the CLI and the Python binding read configs,
//! lexicon files and transcripts and hand the library their text. This test
//! holds every non-test source file of `src/` to that.

use std::path::Path;

/// Code after a module-level `#[cfg(test)]` is test code.
fn non_test_code(text: &str) -> &str {
    text.find("\n#[cfg(test)]").map_or(text, |i| &text[..i])
}

fn visit(dir: &Path, found: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            visit(&path, found);
            continue;
        }
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        // Test-only modules: `test_support.rs` and `findings/tests.rs`.
        if !name.ends_with(".rs") || name == "test_support.rs" || name == "tests.rs" {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        for (n, line) in non_test_code(&text).lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            if code.contains("std::fs") || code.contains("fs::") || code.contains("File::open") {
                found.push(format!("{}:{}: {}", path.display(), n + 1, line.trim()));
            }
        }
    }
}

#[test]
fn the_library_reads_no_files() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut found = Vec::new();
    visit(&src, &mut found);
    assert!(found.is_empty(), "file I/O in the library:\n{}", found.join("\n"));
}

#[test]
fn the_check_sees_file_io() {
    // Near miss for the check itself: a read in library code is found, the
    // same read in a test module is not.
    let text = "fn f() { let _ = std::fs::read(\"x\"); }\n#[cfg(test)]\nmod tests { fn g() { std::fs::read(\"y\"); } }";
    let code = non_test_code(text);
    assert!(code.contains("std::fs::read(\"x\")"));
    assert!(!code.contains("\"y\""));
}
