"""Word (.docx) rendering of the core's neutral reports, with python-docx and matplotlib.

`WordReportRenderer` is what the composition root wires: python-docx (and lxml) load on the
first report, not at start, unless a template is configured (it is checked at start).
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from bot.reports.model import DOCX_MIME, ReportDocument
from integrations.word.template import TemplateError

if TYPE_CHECKING:
    from integrations.word.renderer import DocxReportRenderer

__all__ = ["TemplateError", "WordReportRenderer"]


class WordReportRenderer:
    mime = DOCX_MIME

    def __init__(self, *, template: Path | None = None) -> None:
        self._template = template
        self._lock = threading.Lock()
        self._impl: DocxReportRenderer | None = None
        if template is not None:
            self._load()  # a template that cannot be used fails at start, with its name

    def _load(self) -> DocxReportRenderer:
        with self._lock:
            if self._impl is None:
                from integrations.word.renderer import DocxReportRenderer

                self._impl = DocxReportRenderer(template=self._template)
            return self._impl

    def render(self, report: ReportDocument, locale: str) -> bytes:
        return self._load().render(report, locale)
