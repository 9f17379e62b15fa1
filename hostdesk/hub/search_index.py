"""The lead desk's text-search index: the bigrams of each sign-up's name and job title.

Chinese names are two or three characters, so a trigram index (SQLite FTS5's trigram
tokenizer, PostgreSQL's pg_trgm) cannot serve the commonest search, a two-character name:
both fall back to reading every row. A bigram table (what Lucene's CJK analyser indexes)
serves any query of two characters or more on both databases the same way: the rows holding
every bigram of the query are the candidates, the LIKE the desk always ran confirms them.

Triggers keep the table in step with every write (device batches, the sign-up page, edits,
withdrawal, erasure and retention, which empty the name), so no writer path can forget it.
Phone numbers are never indexed here: their search rules stay in hostdesk.hub.leads.
"""

from __future__ import annotations

import string

from sqlalchemy import Connection, Select, column, func, select, table, text

TABLE = "search_grams"
# Longest text indexed: the schema's job title (schemas.py: 200; a name is at most 20).
LONGEST = 200
GRAMS = table(TABLE, column("gram"), column("reg_id"))
_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)

# SQLite: a fixed table of positions stands in for generate_series (no CTE in a trigger);
# lower() folds ASCII only, as SQLite's LIKE does.
_SQLITE = [
    f"CREATE TABLE IF NOT EXISTS {TABLE} (gram VARCHAR NOT NULL, reg_id INTEGER NOT NULL, "
    "PRIMARY KEY (gram, reg_id)) WITHOUT ROWID",
    f"CREATE INDEX IF NOT EXISTS ix_{TABLE}_reg ON {TABLE} (reg_id)",
    "CREATE TABLE IF NOT EXISTS search_positions (n INTEGER PRIMARY KEY)",
    f"""CREATE TRIGGER IF NOT EXISTS {TABLE}_insert AFTER INSERT ON registrations BEGIN
        INSERT OR IGNORE INTO {TABLE} (gram, reg_id)
        SELECT lower(substr(t.v, p.n, 2)), NEW.id
        FROM (SELECT NEW.name AS v UNION ALL SELECT NEW.job_title) AS t
        JOIN search_positions AS p ON p.n < length(t.v);
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS {TABLE}_update AFTER UPDATE OF name, job_title
        ON registrations WHEN NEW.name IS NOT OLD.name OR NEW.job_title IS NOT OLD.job_title
    BEGIN
        DELETE FROM {TABLE} WHERE reg_id = OLD.id;
        INSERT OR IGNORE INTO {TABLE} (gram, reg_id)
        SELECT lower(substr(t.v, p.n, 2)), NEW.id
        FROM (SELECT NEW.name AS v UNION ALL SELECT NEW.job_title) AS t
        JOIN search_positions AS p ON p.n < length(t.v);
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS {TABLE}_delete AFTER DELETE ON registrations BEGIN
        DELETE FROM {TABLE} WHERE reg_id = OLD.id;
    END""",
]
_PG_FOLD = "translate({v}, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"
_PG = [
    f"CREATE TABLE IF NOT EXISTS {TABLE} (gram VARCHAR NOT NULL, reg_id INTEGER NOT NULL, "
    "PRIMARY KEY (gram, reg_id))",
    f"CREATE INDEX IF NOT EXISTS ix_{TABLE}_reg ON {TABLE} (reg_id)",
    f"""CREATE OR REPLACE FUNCTION {TABLE}_sync() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP <> 'INSERT' THEN
            DELETE FROM {TABLE} WHERE reg_id = OLD.id;
        END IF;
        IF TG_OP <> 'DELETE' THEN
            INSERT INTO {TABLE} (gram, reg_id)
            SELECT DISTINCT {_PG_FOLD.format(v="substr(t.v, p.n, 2)")}, NEW.id
            FROM (VALUES (NEW.name), (NEW.job_title)) AS t(v),
                 generate_series(1, {LONGEST}) AS p(n)
            WHERE p.n < length(t.v)
            ON CONFLICT DO NOTHING;
        END IF;
        RETURN NULL;
    END $$""",
    f"DROP TRIGGER IF EXISTS {TABLE}_insert ON registrations",
    f"CREATE TRIGGER {TABLE}_insert AFTER INSERT OR DELETE ON registrations "
    f"FOR EACH ROW EXECUTE FUNCTION {TABLE}_sync()",
    f"DROP TRIGGER IF EXISTS {TABLE}_update ON registrations",
    f"CREATE TRIGGER {TABLE}_update AFTER UPDATE OF name, job_title ON registrations "
    "FOR EACH ROW WHEN (NEW.name IS DISTINCT FROM OLD.name "
    f"OR NEW.job_title IS DISTINCT FROM OLD.job_title) EXECUTE FUNCTION {TABLE}_sync()",
]
_BACKFILL = {
    "sqlite": f"""INSERT OR IGNORE INTO {TABLE} (gram, reg_id)
        SELECT lower(substr(t.v, p.n, 2)), t.id
        FROM (SELECT id, name AS v FROM registrations
              UNION ALL SELECT id, job_title FROM registrations) AS t
        JOIN search_positions AS p ON p.n < length(t.v)""",
    "postgresql": f"""INSERT INTO {TABLE} (gram, reg_id)
        SELECT DISTINCT {_PG_FOLD.format(v="substr(t.v, p.n, 2)")}, t.id
        FROM (SELECT id, name AS v FROM registrations
              UNION ALL SELECT id, job_title FROM registrations) AS t
        JOIN generate_series(1, {LONGEST}) AS p(n) ON p.n < length(t.v)
        ON CONFLICT DO NOTHING""",
}


def install(conn: Connection, dialect: str) -> None:
    """The table, its triggers, and the grams of rows stored before it existed (once)."""
    existed = conn.execute(
        text(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = :t"
            if dialect == "sqlite"
            else "SELECT 1 FROM pg_tables WHERE tablename = :t AND schemaname = current_schema()"
        ),
        {"t": TABLE},
    ).first()
    for statement in _SQLITE if dialect == "sqlite" else _PG:
        conn.execute(text(statement))
    if dialect == "sqlite":  # generate_series is an extension SQLite may lack
        conn.execute(
            text("INSERT OR IGNORE INTO search_positions (n) VALUES (:n)"),
            [{"n": n} for n in range(1, LONGEST + 1)],
        )
    if existed is None:
        conn.execute(text(_BACKFILL[dialect]))


def bigrams(query: str) -> set[str]:
    """The query's bigrams, folded as the index folds them (ASCII letters only)."""
    folded = query.translate(_ASCII_LOWER)
    return {folded[i : i + 2] for i in range(len(folded) - 1)}


def holding(query: str) -> Select | None:
    """The ids of the rows whose name or job title holds every bigram of `query` (a superset
    of the matches: the caller's LIKE confirms); None for a one-character query, which the
    index cannot narrow."""
    grams = bigrams(query)
    if not grams:
        return None
    return (
        select(GRAMS.c.reg_id)
        .where(GRAMS.c.gram.in_(sorted(grams)))
        .group_by(GRAMS.c.reg_id)
        .having(func.count() == len(grams))
    )
