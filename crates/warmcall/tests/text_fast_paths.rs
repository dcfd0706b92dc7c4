//! The text helpers' fast paths must give exactly what the Unicode
//! segmenters give (SPEC §11: use the segmenters only where they decide
//! something). Reference: `unicode-segmentation` as the helpers used it
//! before the fast paths. Checked on every character of the fast
//! repertoire in tricky contexts, on generated strings, and on every line
//! and whole file of the test data, the eval set and the real data.
#![allow(clippy::print_stdout)] // tests print their figures

mod common;

use std::path::Path;

use proptest::prelude::*;
use unicode_segmentation::UnicodeSegmentation;

fn reference_sentences(text: &str) -> Vec<(usize, &str)> {
    text.split_sentence_bound_indices()
        .filter_map(|(i, s)| {
            let lead = s.len() - s.trim_start().len();
            let t = s.trim();
            (!t.is_empty()).then_some((i + lead, t))
        })
        .collect()
}

fn fast_sentences(text: &str) -> Vec<(usize, &str)> {
    warmcall::text::sentences(text).collect()
}

/// Characters the fast paths handle, plus a few they hand over.
fn repertoire() -> Vec<char> {
    let mut cs: Vec<char> = (0u32..0x180).filter_map(char::from_u32).collect();
    cs.extend((0x2000u32..0x2070).filter_map(char::from_u32));
    cs.extend([
        '€', '\u{85}', '\u{ad}', 'ɐ', 'Ǆ', 'ǅ', 'ǆ', 'Σ', 'ω', 'я', '。', '\u{301}', '\u{feff}',
    ]);
    cs
}

#[test]
fn every_character_in_every_context() {
    let contexts = [
        "a.{c}",
        "a. {c}b",
        "A.{c}",
        "1.{c}",
        "a?{c}",
        "a. ({c}",
        "{c}. A",
        "a.{c}a",
        "{c}.{c}",
        "x{c}. {c}y",
        "a.) {c} b",
        "Hi! {c}",
        "a.\"{c}\" B",
        "{c}{c}",
        "a.{c}\nB",
        "a\r{c}\nb",
        "ok. {c}1 b",
        "ok.  {c} ? b",
    ];
    let mut checked = 0;
    for c in repertoire() {
        for ctx in contexts {
            let s = ctx.replace("{c}", &c.to_string());
            assert_eq!(
                fast_sentences(&s),
                reference_sentences(&s),
                "{s:?} (U+{:04X})",
                c as u32
            );
            assert_eq!(
                warmcall::text::word_count(&s),
                reference_word_count(&s),
                "{s:?} (U+{:04X})",
                c as u32
            );
            checked += 1;
        }
    }
    println!("{checked} strings checked");
}

/// What `word_count` gave before its Latin fast path: the ASCII path
/// unchanged, `unicode_words` for everything else.
fn reference_word_count(text: &str) -> usize {
    if text.is_ascii() {
        warmcall::text::word_count(text)
    } else {
        text.unicode_words().count()
    }
}

fn check_text(text: &str, what: &str) {
    assert_eq!(fast_sentences(text), reference_sentences(text), "{what}");
    assert_eq!(warmcall::text::word_count(text), reference_word_count(text), "{what}");
}

fn walk(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else { return };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            walk(&p, out);
        } else {
            out.push(p);
        }
    }
}

#[test]
fn all_test_eval_and_real_data() {
    if common::shared_or_skip().is_none() {
        return;
    }
    let shared = common::shared_dir();
    let mut files = Vec::new();
    for d in [common::testdata(), shared.join("eval"), shared.join("realdata")] {
        walk(&d, &mut files);
    }
    files.sort();
    let (mut n_files, mut n_lines, mut n_sentences) = (0, 0, 0);
    for f in &files {
        let bytes = std::fs::read(f).expect("read");
        let text = String::from_utf8_lossy(&bytes);
        check_text(&text, &f.display().to_string());
        n_sentences += reference_sentences(&text).len();
        for (i, line) in text.lines().enumerate() {
            // TSV rows and transcript lines: also each field alone.
            check_text(line, &format!("{}:{}", f.display(), i + 1));
            for field in line.split('\t') {
                check_text(field, &format!("{}:{}", f.display(), i + 1));
            }
            n_lines += 1;
        }
        n_files += 1;
    }
    println!("{n_files} files, {n_lines} lines, {n_sentences} sentences: fast paths equal the segmenters");
    assert!(n_files > 100, "found only {n_files} files");
}

const ALPHABET: &[char] = &[
    'a', 'b', 'Z', 'K', 'é', 'É', 'ë', 'ö', 'ß', 'ĳ', 'Ĳ', 'ſ', 'ª', '1', '9', '.', '.', '.', '?', '!', ' ', ' ', ' ',
    '\t', '\n', '\r', '"', '\'', '(', ')', '[', ']', ',', '-', ':', ';', '’', '‘', '“', '”', '«', '»', '–', '—', '…',
    '‼', '․', '\u{a0}', '€', '%', '/', '*', '¿', '¡', '×', '\u{2009}', '_', '&', '#', '@',
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(20_000))]

    #[test]
    fn generated_strings(idx in proptest::collection::vec(0..ALPHABET.len(), 0..40)) {
        let s: String = idx.iter().map(|&i| ALPHABET[i]).collect();
        prop_assert_eq!(fast_sentences(&s), reference_sentences(&s), "{:?}", s);
        prop_assert_eq!(warmcall::text::word_count(&s), reference_word_count(&s), "{:?}", s);
    }

    #[test]
    fn generated_sentences(words in proptest::collection::vec(
        ("[a-zA-Zéëïöü]{1,8}", proptest::sample::select(&[" ", " ", " ", ". ", "? ", "! ", ", ", ".", "?", "...", " (", ") ", "’", " 3.5 ", ".\n", "\r\n", " - ", "! \"", ".\" "][..])),
        0..25,
    )) {
        let s: String = words.iter().map(|(w, p)| format!("{w}{p}")).collect();
        prop_assert_eq!(fast_sentences(&s), reference_sentences(&s), "{:?}", s);
        prop_assert_eq!(warmcall::text::word_count(&s), reference_word_count(&s), "{:?}", s);
    }
}
