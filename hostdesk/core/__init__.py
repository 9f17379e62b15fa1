"""The domain: plain Python with no Qt, SQL, HTTP or files (enforced by import-linter)."""
