//! Each parser forced on arbitrary bytes (`--format-hint`), so every parser
//! sees every input, not only the ones detection sends it.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (pick, body) = match data.split_first() {
        Some((b, rest)) => (*b as usize % warmcall::Format::ALL.len(), rest),
        None => (0, data),
    };
    let opts = warmcall::ParseOptions::with_format(warmcall::Format::ALL[pick]);
    let _ = warmcall::parse_bytes_with(body, None, &opts);
});
