//! Any valid JSON document, in every JSON shape and by detection, is read or
//! refused with a shape error: never "not valid JSON".
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(v) = serde_json::from_slice::<serde_json::Value>(data) else {
        return;
    };
    let text = serde_json::to_string(&v).expect("a value serialises");
    let mut tries = vec![warmcall::parse_bytes(text.as_bytes(), Some(std::path::Path::new("x.json")))];
    for f in warmcall::Format::ALL.into_iter().filter(|f| f.is_json()) {
        tries.push(warmcall::parse_bytes_with(
            text.as_bytes(),
            None,
            &warmcall::ParseOptions::with_format(f),
        ));
    }
    for r in tries {
        if let Err(e) = r {
            assert!(!e.to_string().contains("not valid JSON"), "{text}: {e}");
        }
    }
});
