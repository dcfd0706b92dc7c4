#!/usr/bin/env python3
"""Builds the .docx fixtures in testdata/docx/ from the paragraph lists below.

A Teams transcript downloaded as Word holds one paragraph per line: the
meeting title, date and length, Teams' "started transcription" notice, then
per turn a `Name   m:ss` paragraph and the words. The older layout holds
cue timings, the name and the words. Only the parts warmcall
reads are written (content types, relationships, word/document.xml). The
archive is deterministic (fixed timestamps), so rerunning gives the same
bytes: `python3 scripts/make_docx_fixtures.py`.
"""

import pathlib
import zipfile
from xml.sax.saxutils import escape

ROOT = pathlib.Path(__file__).resolve().parent.parent / "testdata" / "docx"

TEAMS = [
    "Weekly pipeline review-20231012_140312-Meeting Recording",
    "October 12, 2023, 2:03PM",
    "1m 5s",
    "Sanne Visser started transcription",
    "Sanne Visser   0:03",
    "Goedemiddag Peter, fijn dat je tijd hebt. Hoe gaat het met de planning?",
    "Peter de Vries   0:11",
    "Ja, goed hoor. Alleen de roosters kosten ons veel tijd.",
    "Sanne Visser   0:19",
    "Wat kost het jullie nu precies per week?",
    "Peter de Vries   0:24",
    "Een dag, ongeveer.\tMisschien meer.",
    "Sanne Visser stopped transcription",
]

# The older Teams / Stream layout: WebVTT cues without header or voice tags,
# the name (often "Last, First") alone above the words.
TEAMS_CLASSIC = [
    "0:0:0.0 --> 0:0:4.120",
    "Visser, Sanne",
    "Goedemiddag Peter, hoor je me goed?",
    "",
    "0:0:4.120 --> 0:0:6.900",
    "de Vries, Peter",
    "Ja, prima.",
    "",
    "0:0:7.210 --> 0:0:12.480",
    "Visser, Sanne",
    "Mooi. Hoe plannen jullie nu de diensten?",
]

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"""

RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"""


def paragraph(text: str) -> str:
    runs = "<w:tab/>".join(f'<w:t xml:space="preserve">{escape(p)}</w:t>' for p in text.split("\t"))
    return f"<w:p><w:pPr><w:spacing w:after=\"0\"/></w:pPr><w:r>{runs}</w:r></w:p>"


def document(paragraphs: list[str]) -> str:
    body = "".join(paragraph(p) for p in paragraphs)
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body>{body}<w:sectPr/></w:body></w:document>"
    )


def write(name: str, parts: dict[str, str]) -> None:
    with zipfile.ZipFile(ROOT / name, "w", zipfile.ZIP_DEFLATED) as z:
        for part, text in parts.items():
            info = zipfile.ZipInfo(part, date_time=(2023, 10, 12, 14, 3, 12))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text.encode("utf-8"))


def main() -> None:
    ROOT.mkdir(parents=True, exist_ok=True)
    full = {
        "[Content_Types].xml": CONTENT_TYPES,
        "_rels/.rels": RELS,
        "word/document.xml": document(TEAMS),
    }
    write("teams_transcript.docx", full)
    write("teams_classic.docx", {**full, "word/document.xml": document(TEAMS_CLASSIC)})
    # The same document cut off in the middle of a paragraph: the XML is
    # not closed.
    cut = document(TEAMS)
    write("truncated_xml.docx", {**full, "word/document.xml": cut[: len(cut) * 2 // 3]})
    # A zip archive that is not a Word document.
    write("not_word.docx", {"[Content_Types].xml": CONTENT_TYPES, "notes.txt": "Sanne: hallo\n"})
    # A download cut off half-way: not a readable zip archive.
    data = (ROOT / "teams_transcript.docx").read_bytes()
    (ROOT.parent / "bad" / "truncated.docx").write_bytes(data[: len(data) // 2])


if __name__ == "__main__":
    main()
