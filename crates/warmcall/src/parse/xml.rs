//! What the XML formats (ELAN, Transcriber, Word) share: one reader
//! (roxmltree, a small maintained DOM parser without dependencies) whose
//! errors become `line N: expected …` parse errors, and line numbers for
//! elements.

use crate::{Error, Format};

/// Parses an XML document, or says where and why it is not well-formed (a
/// truncated file ends in an unclosed element, reported at its last line).
pub(crate) fn document(text: &str, format: Format) -> Result<roxmltree::Document<'_>, Error> {
    let opts = roxmltree::ParsingOptions {
        // Transcriber files declare a DTD (`<!DOCTYPE Trans SYSTEM …>`);
        // it is never fetched, only allowed.
        allow_dtd: true,
        ..roxmltree::ParsingOptions::default()
    };
    roxmltree::Document::parse_with_options(text, opts).map_err(|e| {
        // The reader places a cut-off document's end at its start; the
        // line where it stops is the one to look at.
        let line = match e {
            roxmltree::Error::UnexpectedEndOfStream | roxmltree::Error::UnclosedRootNode => text.lines().count().max(1),
            _ => e.pos().row as usize,
        };
        let found = text.lines().nth(line.saturating_sub(1)).unwrap_or("");
        Error::parse(format, line, format!("well-formed XML ({e})"), found)
    })
}

/// Line numbers of elements by a binary search over the line starts:
/// `Document::text_pos_at` counts from the top on every call, which made
/// one line number per annotation quadratic in the file's size.
pub(crate) struct LineIndex(Vec<usize>);

impl LineIndex {
    pub(crate) fn new(text: &str) -> LineIndex {
        LineIndex(memchr::memchr_iter(b'\n', text.as_bytes()).collect())
    }

    /// The 1-based line an element starts on.
    pub(crate) fn line(&self, node: roxmltree::Node<'_, '_>) -> usize {
        let at = node.range().start;
        self.0.partition_point(|&nl| nl < at) + 1
    }
}

/// The element children of `node` with this tag name.
pub(crate) fn children<'a, 'input: 'a>(
    node: roxmltree::Node<'a, 'input>,
    name: &'a str,
) -> impl Iterator<Item = roxmltree::Node<'a, 'input>> + 'a {
    node.children().filter(move |c| c.has_tag_name(name))
}

/// All text below `node`, in document order.
pub(crate) fn all_text(node: roxmltree::Node<'_, '_>) -> String {
    node.descendants()
        .filter_map(|d| d.text().filter(|_| d.is_text()))
        .collect()
}

/// A parse error at an element: `expected` there, the element's line quoted.
pub(crate) fn error_at(
    doc: &roxmltree::Document<'_>,
    text: &str,
    node: roxmltree::Node<'_, '_>,
    format: Format,
    expected: impl Into<String>,
) -> Error {
    let line = doc.text_pos_at(node.range().start).row as usize;
    let found = text.lines().nth(line.saturating_sub(1)).unwrap_or("");
    Error::parse(format, line, expected, found)
}
