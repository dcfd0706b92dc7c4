//! Word documents (`.docx`), the default download of a Teams transcript: a
//! zip archive whose `word/document.xml` holds one `<w:p>` paragraph per
//! line (`Jane Roe   0:03`, then the words). The paragraphs become lines of
//! text (`<w:tab/>` a tab, `<w:br/>` a line break) and that text is read by
//! content like any text file; "line N" in messages and `source_line` is
//! paragraph N. Teams' own notices (`Jane Roe started transcription`) are
//! not speech and are left out.
//!
//! Read with the `zip` crate (deflate only) and roxmltree; the document
//! part is read up to [`MAX_DOCUMENT_BYTES`], so a zip bomb cannot take the
//! memory.

use std::io::Read;

use super::xml;
use crate::{Error, Format};

/// Largest `word/document.xml` read (uncompressed): a four-hour transcript
/// is a few megabytes of XML.
const MAX_DOCUMENT_BYTES: u64 = 64 * 1024 * 1024;

/// The zip signature every .docx starts with.
pub(crate) fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

fn archive_error(found: &str) -> Error {
    Error::parse(
        Format::Docx,
        0,
        "a Word document (a zip archive holding word/document.xml)",
        found,
    )
}

/// The document's paragraphs as lines of text.
pub(crate) fn paragraphs(bytes: &[u8]) -> Result<String, Error> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| archive_error(&e.to_string()))?;
    let mut part = zip
        .by_name("word/document.xml")
        .map_err(|e| archive_error(&format!("no word/document.xml ({e})")))?;
    if part.size() > MAX_DOCUMENT_BYTES {
        return Err(archive_error(&format!("a document part of {} bytes", part.size())));
    }
    let mut raw = Vec::with_capacity(part.size() as usize);
    (&mut part)
        .take(MAX_DOCUMENT_BYTES)
        .read_to_end(&mut raw)
        .map_err(|e| archive_error(&format!("word/document.xml unreadable ({e})")))?;
    let xml_text = String::from_utf8(raw).map_err(|_| archive_error("word/document.xml not in UTF-8"))?;
    let doc = xml::document(&xml_text, Format::Docx).map_err(|e| match e {
        Error::Parse {
            line, expected, found, ..
        } => Error::parse(Format::Docx, line, format!("{expected} in word/document.xml"), &found),
        e => e,
    })?;
    let mut out = String::new();
    for p in doc.descendants().filter(|n| is_w(n, "p")) {
        let mut line = String::new();
        for n in p.descendants() {
            // Runs of a paragraph nested in this one (a text box) are read
            // with their own paragraph.
            if n.ancestors().find(|a| is_w(a, "p")) != Some(p) {
                continue;
            }
            if is_w(&n, "t") {
                line.push_str(n.text().unwrap_or(""));
            } else if is_w(&n, "tab") {
                line.push('\t');
            } else if is_w(&n, "br") || is_w(&n, "cr") {
                line.push('\n');
            }
        }
        if is_notice(&line) {
            line.clear();
        }
        out.push_str(&line);
        out.push('\n');
    }
    Ok(out)
}

/// Lines added before the document by [`classic_as_vtt`]: `WEBVTT` and a
/// blank line.
pub(crate) const CLASSIC_HEADER_LINES: usize = 2;

/// The older Teams (and Stream) Word transcript: WebVTT cues without the
/// header or voice tags, the speaker's name alone on the line after the
/// timing (`0:0:0.0 --> 0:0:5.280` / `Roe, Jane` / the words). Written
/// as WebVTT with the name as a voice span on its own line, so the names
/// (which may hold a comma) are never guessed from a `Name:` prefix; line
/// numbers shift by [`CLASSIC_HEADER_LINES`]. `None` when the paragraphs
/// are not this layout: every cue (but a cut-off last one) must have a
/// name-shaped line, without a colon, above its words, and there must be
/// two cues at least.
pub(crate) fn classic_as_vtt(text: &str) -> Option<String> {
    let lines: Vec<&str> = text.lines().collect();
    let cues: Vec<usize> = (0..lines.len()).filter(|&i| lines[i].contains("-->")).collect();
    let named = |i: usize| {
        let name = lines.get(i + 1).map_or("", |l| l.trim());
        let words = lines.get(i + 2).map_or("", |l| l.trim());
        super::layouts::name_shaped(name) && !name.contains(':') && !words.is_empty() && !words.contains("-->")
    };
    let (last, rest) = cues.split_last()?;
    if cues.len() < 2 || !rest.iter().all(|&i| named(i)) {
        return None;
    }
    let mut out = String::from("WEBVTT\n\n");
    for (i, l) in lines.iter().enumerate() {
        if i > 0 && lines[i - 1].contains("-->") && (i - 1 != *last || named(i - 1)) {
            out.push_str(&format!("<v {}>\n", l.trim()));
        } else {
            out.push_str(l);
            out.push('\n');
        }
    }
    Some(out)
}

/// An element of WordprocessingML (any prefix) with this local name.
fn is_w(n: &roxmltree::Node<'_, '_>, name: &str) -> bool {
    n.is_element()
        && n.tag_name().name() == name
        && n.tag_name()
            .namespace()
            .is_some_and(|ns| ns.ends_with("/wordprocessingml/2006/main"))
}

/// Teams' notices in a transcript: `Jane Roe started transcription`.
fn is_notice(line: &str) -> bool {
    let l = line.trim();
    ["started transcription", "stopped transcription"].iter().any(|s| {
        l.strip_suffix(s)
            .is_some_and(|who| who.ends_with(' ') && who.trim().len() > 1)
    })
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use std::io::Write;

    /// A minimal .docx with these paragraphs (each a list of runs; `\t` in
    /// a run becomes `<w:tab/>`).
    pub(crate) fn build(paragraphs: &[&str]) -> Vec<u8> {
        let mut body = String::new();
        for p in paragraphs {
            body.push_str("<w:p><w:r>");
            for (i, piece) in p.split('\t').enumerate() {
                if i > 0 {
                    body.push_str("<w:tab/>");
                }
                body.push_str(&format!("<w:t xml:space=\"preserve\">{piece}</w:t>"));
            }
            body.push_str("</w:r></w:p>");
        }
        let xml = format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document \
             xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}</w:body></w:document>"
        );
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
        zip.start_file("[Content_Types].xml", opts).unwrap();
        zip.write_all(b"<Types/>").unwrap();
        zip.start_file("word/document.xml", opts).unwrap();
        zip.write_all(xml.as_bytes()).unwrap();
        zip.finish().unwrap().into_inner()
    }

    #[test]
    fn paragraphs_become_lines_and_notices_go() {
        let bytes = build(&[
            "Transcript",
            "Jane Roe started transcription",
            "Jane Roe   0:03",
            "Hello\tall.",
            "Started transcription is what I said",
        ]);
        assert!(is_zip(&bytes));
        assert_eq!(
            paragraphs(&bytes).unwrap(),
            "Transcript\n\nJane Roe   0:03\nHello\tall.\nStarted transcription is what I said\n"
        );
    }

    #[test]
    fn the_classic_layout_becomes_voice_spans() {
        let classic =
            "0:0:0.0 --> 0:0:5.280\nRoe, Jane\nHello everyone.\n\n0:0:5.280 --> 0:0:7.100\nJohn Smith\nYes.\n";
        let vtt = classic_as_vtt(classic).unwrap();
        assert!(
            vtt.starts_with("WEBVTT\n\n0:0:0.0 --> 0:0:5.280\n<v Roe, Jane>\nHello everyone.\n"),
            "{vtt}"
        );
        assert_eq!(vtt.lines().count(), classic.lines().count() + CLASSIC_HEADER_LINES);
        // Near miss: cues whose first line is the words, not a name.
        let plain =
            "0:0:0.0 --> 0:0:5.280\nHello everyone, can you hear me?\n\n0:0:5.280 --> 0:0:7.100\nYes.\nThanks.\n";
        assert_eq!(classic_as_vtt(plain), None);
        // Near miss: `Name: words` on one line is the caption prefix layout.
        let prefixed = "0:0:0.0 --> 0:0:5.280\nJane: Hello.\nMore.\n\n0:0:5.280 --> 0:0:7.100\nJohn: Yes.\nOk.\n";
        assert_eq!(classic_as_vtt(prefixed), None);
    }

    proptest::proptest! {
        #[test]
        fn damaged_archives_never_panic(cut in 0usize..2000, flip in 0usize..2000, byte in 0u8..=255) {
            let mut bytes = build(&["Jane Roe   0:03", "Hello.", "John   0:05", "Hi."]);
            let i = flip % bytes.len();
            bytes[i] = byte;
            bytes.truncate(cut.max(4));
            let _ = paragraphs(&bytes);
        }
    }

    #[test]
    fn broken_archives_say_what_they_are() {
        let bytes = build(&["Jane Roe   0:03", "Hello."]);
        let e = paragraphs(&bytes[..bytes.len() / 2]).unwrap_err();
        assert!(e.to_string().starts_with("expected a Word document"), "{e}");
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        zip.start_file("other.txt", zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(b"x").unwrap();
        let e = paragraphs(&zip.finish().unwrap().into_inner()).unwrap_err();
        assert!(e.to_string().contains("no word/document.xml"), "{e}");
    }
}
