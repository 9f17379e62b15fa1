"""Spreadsheet import and export of the job catalogue (xlsx, and CSV in UTF-8/GBK/GB18030)."""
