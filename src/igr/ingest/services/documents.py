"""Documents and their versions: the same bytes are never stored twice, a changed text becomes a revision.

Why identity by source address, then by what the document is: a corrected statement republished at the same
address, or the same letter re-typed, is a new revision of one document (with its history kept), not a
second document reporting the meeting again.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.db.models import Max

from igr.register import events
from igr.register.models import Document, DocumentVersion, Government, Meeting

from .sources import MEDIA_TYPES, Source
from .staging import Stage
from .validate import RecordIn

_TITLE = re.compile(r"^\s*(?:TITLE|TEITL)\s+\**(?P<t>[^\n*]+?)\**\s*$", re.M)
_DEAR = re.compile(r"^\s*(?:Dear|Annwyl)\b[^\n]*\n+\s*(?P<t>[^\n]{8,300})", re.M)
_SKIP = re.compile(
    r"^(?:Llywodraeth Cymru|Welsh Government|Policy paper|News story|Press release|Guidance|Notice|"
    r"STATEMENT BY THE WELSH GOVERNMENT|DATGANIAD GAN LYWODRAETH CYMRU)$",
    re.I,
)


def title_of(text: str, kind: str) -> str:
    """A display title: the statement's TITLE, a letter's subject line, else the first heading."""
    for pattern in (_TITLE,) if kind != "letter" else (_DEAR, _TITLE):
        m = pattern.search(text[:6000])
        if m:
            return m["t"].strip(" *")[:500]
    for line in text[:4000].splitlines():
        line = line.strip(" #*\t")
        if len(line) > 3 and not _SKIP.match(line):
            return line[:500]
    return ""


def find_document(
    source: Source, record: RecordIn, publisher: Government | None, title: str
) -> Document | None:
    """The document this file is a revision of, if any (same address and kind, or same identity)."""
    lang = record.language
    if source.source_url:
        dv = (
            DocumentVersion.objects.filter(
                source_url=source.source_url, language=lang, document__kind=record.kind
            )
            .select_related("document")
            .order_by("-revision")
            .first()
        )
        if dv:
            return dv.document
    if title and record.published:
        return (
            Document.objects.filter(
                kind=record.kind,
                publisher=publisher,
                date=record.published,
                **{f"title_{lang}": title},
                versions__language=lang,
            )
            .distinct()
            .first()
        )
    return None


def store_file(version: DocumentVersion, source: Source, kind: str, stage: Stage | None = None) -> bool:
    """Store the bytes under their content hash; True when this call wrote the file (to undo on rollback).

    With a ``stage``, the file is written to the run's staging folder and put in place once committed."""
    field = DocumentVersion._meta.get_field("file")
    name = field.generate_filename(version, f"upload.{'html' if kind == 'html' else kind}")
    if default_storage.exists(name) or (stage is not None and stage.holds(name)):
        version.file.name = name
        return False
    if stage is not None:
        stage.write(name, source.data)
        version.file.name = name
        return True
    version.file.name = default_storage.save(name, ContentFile(source.data))
    return True


def make_version(
    source: Source,
    record: RecordIn,
    kind: str,
    text: str,
    publisher: Government | None,
    pair: Callable[[], Document | None] | None = None,
    stage: Stage | None = None,
) -> tuple[Document, DocumentVersion, str, bool]:
    """The document (new, matched for a revision, or its other language's) and the new version; says which
    ("new", "revised", "paired"), and if a file was written. ``pair`` finds the other-language document."""
    title = title_of(text, record.kind)
    document = find_document(source, record, publisher, title)
    lang = record.language
    if document is None and pair is not None and (document := pair()) is not None:
        status, revision = "paired", 1
        if title and not getattr(document, f"title_{lang}"):
            setattr(document, f"title_{lang}", title)
            document.save(update_fields=[f"title_{lang}"])
    elif document is None:
        status = "new"
        document = Document.objects.create(
            kind=record.kind, publisher=publisher, date=record.published, **{f"title_{lang}": title}
        )
        revision = 1
    else:
        status = "revised"
        latest = document.versions.filter(language=lang).aggregate(n=Max("revision"))["n"] or 0
        revision = latest + 1
        updates = {
            f"title_{lang}": title or getattr(document, f"title_{lang}"),
            "date": record.published or document.date,
        }
        changed = [f for f, v in updates.items() if getattr(document, f) != v]
        for f in changed:
            setattr(document, f, updates[f])
        if changed:
            document.save(update_fields=changed)
    version = DocumentVersion(
        document=document,
        language=lang,
        revision=revision,
        media_type=MEDIA_TYPES.get(kind, ""),
        text=text,
        content_hash=source.content_hash,
        source_url=source.source_url,
    )
    if source.fetch is not None:
        f = source.fetch
        version.retrieved_at, version.fetched_from, version.http_status = (
            f.fetched_at,
            f.fetched_from,
            f.http_status,
        )
        version.etag, version.last_modified = f.etag[:300], f.last_modified[:100]
    wrote = store_file(version, source, kind, stage)
    version.save()
    return document, version, status, wrote


def link(document: Document, meeting: Meeting) -> None:
    """Record that the document reports the meeting (known not to yet): one insert, announced as the register's event.

    Why not ``document.meetings.add``: with receivers connected it first reads which links exist, which the
    pipeline already knows.
    """
    through = Document.meetings.through
    through.objects.bulk_create([through(document_id=document.pk, meeting_id=meeting.pk)])
    events.announce(events.DocumentLinked(document.pk, (meeting.pk,)))


def known_hashes(hashes: list[str]) -> dict[str, set[int]]:
    """The documents already holding each of these content hashes."""
    found: dict[str, set[int]] = {}
    for h, doc in DocumentVersion.objects.filter(content_hash__in=set(hashes)).values_list(
        "content_hash", "document_id"
    ):
        found.setdefault(h, set()).add(doc)
    return found


def claim_hash(content_hash: str) -> set[int]:
    """Inside a write transaction: wait for any other run writing the same bytes, then the documents holding them.

    PostgreSQL: an advisory lock on the hash, held to the end of the transaction. SQLite: the transaction took the
    database's write lock when it began (IMMEDIATE), so what it reads now cannot change before it commits."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [int(content_hash[:15], 16)])
    return known_hashes([content_hash]).get(content_hash, set())
