"""SQLite: carry each entry's kind in the FTS5 table (unindexed), so a search limited to one kind needs no join."""

from django.db import migrations

from ._search_sql import VendorRunSQL

FORWARDS = [
    "DROP TRIGGER IF EXISTS public_search_au",
    "DROP TRIGGER IF EXISTS public_search_ad",
    "DROP TRIGGER IF EXISTS public_search_ai",
    "DROP TABLE IF EXISTS public_search_fts",
    "CREATE VIRTUAL TABLE public_search_fts USING fts5(terms, kind UNINDEXED, content='public_searchentry', "
    "content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER public_search_ai AFTER INSERT ON public_searchentry BEGIN "
    "INSERT INTO public_search_fts(rowid, terms, kind) VALUES (new.id, new.terms, new.kind); END",
    "CREATE TRIGGER public_search_ad AFTER DELETE ON public_searchentry BEGIN "
    "INSERT INTO public_search_fts(public_search_fts, rowid, terms, kind) VALUES ('delete', old.id, old.terms, old.kind); END",
    "CREATE TRIGGER public_search_au AFTER UPDATE ON public_searchentry BEGIN "
    "INSERT INTO public_search_fts(public_search_fts, rowid, terms, kind) VALUES ('delete', old.id, old.terms, old.kind); "
    "INSERT INTO public_search_fts(rowid, terms, kind) VALUES (new.id, new.terms, new.kind); END",
    "INSERT INTO public_search_fts(public_search_fts) VALUES ('rebuild')",
]


class Migration(migrations.Migration):
    dependencies = [("public", "0003_register_version")]

    operations = [VendorRunSQL("sqlite", FORWARDS, migrations.RunSQL.noop)]
