//! Stable names: a call's anchor from its path (it does not move when a
//! file is added to the folder), a transcript line's anchor from the call's
//! and the line number, an agent page's file name from the agent's name,
//! and relative links to audio files beside a transcript.

use std::path::{Component, Path, PathBuf};

/// FNV-1a, 32 bits: a short, stable tag for a name that had to be changed
/// to fit an anchor or a file name (two names that differ only in the
/// changed characters still get different tags).
fn tag(s: &str) -> String {
    let mut h: u32 = 0x811c_9dc5;
    for b in s.bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    format!("{h:08x}")
}

/// The call's anchor: its path as shown, when every character is safe in
/// a URL fragment; otherwise the path with the others as `_`, plus a tag of
/// the original. Our own ids never contain a `.`, so a path (which always
/// has an extension) cannot collide with them.
pub fn call(path: &str) -> String {
    let safe = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-' | '/');
    if !path.is_empty() && path.chars().all(safe) {
        return path.to_string();
    }
    let mut o: String = path.chars().map(|c| if safe(c) { c } else { '_' }).collect();
    o.push('~');
    o.push_str(&tag(path));
    o
}

/// A transcript line's anchor: a tag of the call's anchor and the segment
/// index. Short, because a page has thousands of links to lines; stable,
/// because both parts come from the path and the transcript.
pub fn line(call: &str, segment: usize) -> String {
    format!("t{}-{segment}", tag(call))
}

/// A file-name-safe slug of an agent's name: lower-case ASCII letters and
/// digits with `-` between words; a tag is added when anything else had to
/// go, so "Jan de Vries" and "jan-de-vries" get different pages.
pub fn slug(name: &str) -> String {
    let mut o = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            o.push(c.to_ascii_lowercase());
        } else if !o.is_empty() && !o.ends_with('-') {
            o.push('-');
        }
    }
    while o.ends_with('-') {
        o.pop();
    }
    let lossless = o == name;
    if o.is_empty() {
        o.push_str("agent");
    }
    if !lossless {
        o.push('-');
        o.push_str(&tag(name));
    }
    o
}

/// The audio recording beside a transcript: same folder, same file stem, a
/// common audio extension.
pub fn audio_beside(transcript: &Path) -> Option<PathBuf> {
    const EXT: [&str; 9] = ["mp3", "wav", "m4a", "ogg", "opus", "webm", "flac", "aac", "mp4"];
    let stem = transcript.file_stem()?;
    let dir = transcript.parent()?;
    EXT.iter().find_map(|ext| {
        let mut name = stem.to_os_string();
        name.push(".");
        name.push(ext);
        let p = dir.join(name);
        p.is_file().then_some(p)
    })
}

/// `to` relative to the folder `from` (both absolute), as a URL path with
/// unsafe bytes percent-encoded.
pub fn href(from: &Path, to: &Path) -> String {
    let f: Vec<Component<'_>> = from.components().collect();
    let t: Vec<Component<'_>> = to.components().collect();
    let common = f.iter().zip(&t).take_while(|(a, b)| a == b).count();
    let mut parts: Vec<String> = vec!["..".to_string(); f.len() - common];
    parts.extend(t[common..].iter().map(|c| c.as_os_str().to_string_lossy().into_owned()));
    let joined = parts.join("/");
    let mut o = String::with_capacity(joined.len());
    for b in joined.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            o.push(b as char);
        } else {
            o.push_str(&format!("%{b:02X}"));
        }
    }
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_paths_are_their_own_anchor() {
        assert_eq!(call("calls/monday.vtt"), "calls/monday.vtt");
        let l = line("calls/monday.vtt", 12);
        assert!(l.starts_with('t') && l.ends_with("-12") && l.len() == 12, "{l}");
        assert_eq!(l, line("calls/monday.vtt", 12));
        assert_ne!(l, line("calls/tuesday.vtt", 12));
    }

    #[test]
    fn other_characters_are_replaced_and_tagged() {
        let a = call("calls/ma andag#1.vtt");
        assert!(a.starts_with("calls/ma_andag_1.vtt~"), "{a}");
        // Near miss: a path that only differs in the replaced character.
        assert_ne!(a, call("calls/ma_andag#1.vtt"));
        assert_ne!(call("a b.vtt"), call("a_b.vtt"));
        assert_eq!(call("<img>.vtt"), call("<img>.vtt"), "stable");
    }

    #[test]
    fn agent_slugs() {
        assert_eq!(slug("sam"), "sam");
        assert!(slug("Jan de Vries").starts_with("jan-de-vries-"));
        assert_ne!(slug("Jan de Vries"), slug("jan-de-vries"));
        assert!(slug("../../etc").starts_with("etc-"));
        assert!(slug("Ünal").starts_with("nal-"));
        assert!(slug("???").starts_with("agent-"));
    }

    #[test]
    fn relative_hrefs() {
        assert_eq!(href(Path::new("/r"), Path::new("/r/calls/a b.mp3")), "calls/a%20b.mp3");
        assert_eq!(
            href(Path::new("/r/report"), Path::new("/r/calls/a.mp3")),
            "../calls/a.mp3"
        );
        assert_eq!(href(Path::new("/x/y"), Path::new("/z/#.wav")), "../../z/%23.wav");
    }

    #[test]
    fn audio_is_found_beside_the_transcript_only() {
        let d = tempfile::tempdir().unwrap();
        let t = d.path().join("call.vtt");
        std::fs::write(&t, "x").unwrap();
        assert_eq!(audio_beside(&t), None);
        // Near miss: same stem in another folder, other stem here.
        std::fs::create_dir(d.path().join("sub")).unwrap();
        std::fs::write(d.path().join("sub/call.mp3"), "x").unwrap();
        std::fs::write(d.path().join("call2.mp3"), "x").unwrap();
        assert_eq!(audio_beside(&t), None);
        std::fs::write(d.path().join("call.wav"), "x").unwrap();
        assert_eq!(audio_beside(&t), Some(d.path().join("call.wav")));
    }
}
