"""The region's own Word template (FVIS_WORD_TEMPLATE): a .docx or .dotx whose styles, fonts,
page setup and header (logo) the reports use."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument

TEMPLATE_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
DOCUMENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
MACRO_TYPES = (
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
    "application/vnd.ms-word.document.macroEnabled.main+xml",
)


class TemplateError(ValueError):
    """The template cannot be used; the message says why."""


def _as_document(data: bytes) -> bytes:
    """A .dotx differs from a .docx only in the main part's content type; python-docx opens
    only the latter, so the package is rewritten with that one type changed."""
    try:
        source = zipfile.ZipFile(io.BytesIO(data))
        types = source.read("[Content_Types].xml").decode("utf-8")
    except (zipfile.BadZipFile, KeyError, UnicodeDecodeError) as error:
        raise TemplateError(f"not a Word file ({error})") from None
    if any(kind in types for kind in MACRO_TYPES):
        raise TemplateError("macro-enabled templates (.dotm/.docm) are not used; save it as .dotx")
    if TEMPLATE_TYPE not in types:
        return data
    out = io.BytesIO()
    with source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "[Content_Types].xml":
                content = types.replace(TEMPLATE_TYPE, DOCUMENT_TYPE).encode("utf-8")
            target.writestr(item, content)
    return out.getvalue()


def load_template(path: Path) -> bytes:
    """The template as .docx bytes, checked by opening it once; TemplateError if unusable."""
    if path.suffix.lower() not in (".docx", ".dotx"):
        raise TemplateError(f"{path.name}: expected a .docx or .dotx file")
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise TemplateError(f"cannot read {path}: {error.strerror}") from None
    data = _as_document(raw)
    open_template(data)
    return data


def open_template(data: bytes) -> DocxDocument:
    from docx import Document

    try:
        document = Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises several kinds on a broken package
        raise TemplateError(
            f"not a usable Word document ({type(error).__name__}: {error})"
        ) from None
    body = document.element.body
    # The template's own text goes; its last section (page size, margins, headers) stays.
    last_section = body.sectPr
    for child in list(body):
        if child is not last_section:
            body.remove(child)
    return document
