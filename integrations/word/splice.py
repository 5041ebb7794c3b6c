"""Tables spliced into the saved document as text, and the small paragraphs between them."""

from __future__ import annotations

import io
import secrets
import zipfile
from collections.abc import Callable

from docx.document import Document as DocxDocument
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.oxml.xmlchemy import BaseOxmlElement

from bot.reports.context import share_the_interpreter

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


class Tables:
    """Tables go into the saved document.xml as text, in place of a marker paragraph each.

    Handing lxml a ready tree of a million nodes is fast; moving it into python-docx's document
    is not (lxml re-homes every node: 1.9 s for a register of 10 000 rows). So the document is
    saved with markers and each marker is replaced by its table's XML in the saved part.
    A template whose main namespace is not bound to `w:` gets the tables the slow way.
    """

    PART = "word/document.xml"

    def __init__(self, document: DocxDocument) -> None:
        self._document = document
        self._splice = document.element.nsmap.get("w") == W_NS
        self._nonce = secrets.token_hex(8)
        self._pending: dict[str, str] = {}

    def add(self, xml: Callable[..., str], *, joined: bool = False) -> None:
        """`joined`: the next table continues this one (a hairline between, not a gap)."""
        if self._splice:
            marker = f"fvis-table-{self._nonce}-{len(self._pending)}"
            self._pending[marker] = xml(standalone=False)
            self._document.add_paragraph(marker)
        else:
            append(self._document, parse_xml(xml(standalone=True)))
        append(self._document, spacer(hairline=joined))

    def splice(self, package: bytes) -> bytes:
        if not self._pending:
            return package
        source = zipfile.ZipFile(io.BytesIO(package))
        out = io.BytesIO()
        with source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=5) as target:
            for item in source.infolist():
                data = source.read(item.filename)
                if item.filename == self.PART:
                    data = self._spliced(data.decode("utf-8")).encode("utf-8")
                target.writestr(item, data)
        return out.getvalue()

    def _spliced(self, text: str) -> str:
        """Each marker paragraph replaced by its table. str.find, not a regular expression
        over the whole document: the report is made beside the chat, and a regex scan of a
        large register holds the interpreter lock for its whole length."""
        parts = []
        at = 0
        for marker, table in self._pending.items():
            paragraph = f"<w:p><w:r><w:t>{marker}</w:t></w:r></w:p>"
            found = text.find(paragraph, at)
            if found < 0:
                raise RuntimeError(f"table marker {marker} not found")
            parts += [text[at:found], table]
            at = found + len(paragraph)
            share_the_interpreter()
        parts.append(text[at:])
        return "".join(parts)


def append(document: DocxDocument, element: BaseOxmlElement) -> None:
    """At the end of the body, before its section properties."""
    body = document.element.body
    last_section = body.sectPr
    if last_section is not None:
        last_section.addprevious(element)
    else:
        body.append(element)


def spacer(*, hairline: bool = False) -> BaseOxmlElement:
    """An empty small paragraph: Word needs one between adjacent tables or they merge.
    A hairline one (one point high) joins the parts of a long table."""
    height = 'w:line="20" w:lineRule="exact"' if hairline else ""
    size = 2 if hairline else 8
    return parse_xml(
        f'<w:p {nsdecls("w")}><w:pPr><w:spacing w:before="0" w:after="0" {height}/>'
        f'<w:rPr><w:sz w:val="{size}"/></w:rPr></w:pPr></w:p>'
    )
