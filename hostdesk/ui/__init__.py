"""PySide6 widgets only: windows, panels, Qt item models and the threading bridge."""
