"""Local storage: SQLite through SQLModel, with durable pragmas and versioned migrations."""
