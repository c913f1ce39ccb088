"""The two search engines behind one index table: SQLite FTS5 and PostgreSQL full-text search.

Each block of SQL runs only on its own database. On SQLite an external-content FTS5 table mirrors
``public_searchentry.terms`` through triggers, so every write to the index table keeps it in step. On
PostgreSQL a ``welsh_basic`` configuration (``simple`` through ``unaccent``; there is no Welsh stemmer) feeds a
generated ``tsvector`` column with a GIN index.
"""

from django.db import migrations

from ._search_sql import VendorRunSQL


SQLITE_FORWARDS = [
    "CREATE VIRTUAL TABLE public_search_fts USING fts5(terms, content='public_searchentry', content_rowid='id', "
    "tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER public_search_ai AFTER INSERT ON public_searchentry BEGIN "
    "INSERT INTO public_search_fts(rowid, terms) VALUES (new.id, new.terms); END",
    "CREATE TRIGGER public_search_ad AFTER DELETE ON public_searchentry BEGIN "
    "INSERT INTO public_search_fts(public_search_fts, rowid, terms) VALUES ('delete', old.id, old.terms); END",
    "CREATE TRIGGER public_search_au AFTER UPDATE ON public_searchentry BEGIN "
    "INSERT INTO public_search_fts(public_search_fts, rowid, terms) VALUES ('delete', old.id, old.terms); "
    "INSERT INTO public_search_fts(rowid, terms) VALUES (new.id, new.terms); END",
]
SQLITE_BACKWARDS = [
    "DROP TRIGGER IF EXISTS public_search_au",
    "DROP TRIGGER IF EXISTS public_search_ad",
    "DROP TRIGGER IF EXISTS public_search_ai",
    "DROP TABLE IF EXISTS public_search_fts",
]

POSTGRES_FORWARDS = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    """DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'welsh_basic') THEN
        CREATE TEXT SEARCH CONFIGURATION welsh_basic (COPY = simple);
        ALTER TEXT SEARCH CONFIGURATION welsh_basic
          ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, hword, hword_part, word WITH unaccent, simple;
      END IF;
    END $$""",
    "ALTER TABLE public_searchentry ADD COLUMN search_vector tsvector "
    "GENERATED ALWAYS AS (to_tsvector('welsh_basic'::regconfig, terms)) STORED",
    "CREATE INDEX public_searchentry_vector ON public_searchentry USING gin (search_vector)",
]
POSTGRES_BACKWARDS = [
    "DROP INDEX IF EXISTS public_searchentry_vector",
    "ALTER TABLE public_searchentry DROP COLUMN IF EXISTS search_vector",
]


class Migration(migrations.Migration):
    dependencies = [("public", "0001_search_entry")]

    operations = [
        VendorRunSQL("sqlite", SQLITE_FORWARDS, SQLITE_BACKWARDS),
        VendorRunSQL("postgresql", POSTGRES_FORWARDS, POSTGRES_BACKWARDS),
    ]
