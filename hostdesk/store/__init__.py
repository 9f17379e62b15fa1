"""Local storage: SQLite through SQLModel, with durable pragmas and versioned migrations."""

DB_FILE = "hostdesk.db"  # inside the data dir
