//! Detection + parsing of arbitrary bytes, with each extension as a hint.
#![no_main]
use libfuzzer_sys::fuzz_target;

const EXTS: [&str; 14] = [
    "x.vtt", "x.srt", "x.txt", "x.csv", "x.json", "x.cha", "x.rttm", "x.tsv", "x", "x.eaf", "x.trs", "x.TextGrid",
    "x.docx", "x.md",
];

fuzz_target!(|data: &[u8]| {
    let (pick, body) = match data.split_first() {
        Some((b, rest)) => (*b as usize % EXTS.len(), rest),
        None => (0, data),
    };
    let _ = warmcall::parse_bytes(body, Some(std::path::Path::new(EXTS[pick])));
});
