"""Excel (.xlsx) rendering of the core's neutral registers, with openpyxl (imported on first use)."""

from integrations.excel.renderer import ExcelRegisterRenderer

__all__ = ["ExcelRegisterRenderer"]
