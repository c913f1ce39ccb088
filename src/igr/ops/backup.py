"""``igr backup`` / ``igr restore``: the database and the stored files in one archive that restores exactly.

The archive is a gzipped tar holding ``manifest.json`` (format, database vendor, applied migrations, row
count of every table, size and SHA-256 of every file), ``database`` (see ``databases``) and ``media/``. A
restore checks all of it before touching anything, then replaces the database and swaps the stored files in
whole, and finally checks the row counts against the manifest.
"""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.utils.translation import gettext as _

from . import databases
from .errors import BackupError

FORMAT = "igr-backup-1"


@dataclass
class Summary:
    tables: int
    rows: int
    files: int
    bytes: int


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _row_counts() -> dict[str, int]:
    qn = connection.ops.quote_name
    counts = {}
    with connection.cursor() as cursor:
        for table in databases.tables():
            cursor.execute(f"SELECT COUNT(*) FROM {qn(table)}")
            counts[table] = cursor.fetchone()[0]
    return counts


def _media_files(root: Path) -> dict[str, dict]:
    if not root.is_dir():
        return {}
    return {
        path.relative_to(root).as_posix(): {"size": path.stat().st_size, "sha256": _sha256(path)}
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def _applied_migrations() -> list[list[str]]:
    return sorted(
        [app, name] for app, name in MigrationLoader(connection, ignore_no_migrations=True).applied_migrations
    )


def create(archive: Path) -> Summary:
    """Write the register's database and stored files to ``archive`` (replaced only once complete)."""
    media = Path(settings.MEDIA_ROOT)
    archive = archive.resolve()
    with tempfile.TemporaryDirectory(prefix="igr-backup-") as work:
        dump = Path(work) / "database"
        databases.dump(dump)
        files = _media_files(media)
        manifest = {
            "format": FORMAT,
            "vendor": databases.vendor(),
            "extensions": databases.extensions(),
            "migrations": _applied_migrations(),
            "tables": _row_counts(),
            "files": files,
            "database_sha256": _sha256(dump),
        }
        partial = archive.with_name(archive.name + ".partial")
        with tarfile.open(partial, "w:gz") as tar:
            data = json.dumps(manifest, indent=1, sort_keys=True).encode()
            info = tarfile.TarInfo("manifest.json")
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
            tar.add(dump, arcname="database")
            for name in files:
                tar.add(media / name, arcname=f"media/{name}")
        partial.replace(archive)
    return Summary(
        len(manifest["tables"]),
        sum(manifest["tables"].values()),
        len(files),
        sum(f["size"] for f in files.values()),
    )


def _extract(archive: Path, into: Path) -> dict:
    """Unpack and verify an archive; raise BackupError on anything unexpected, before any change is made."""
    if not archive.is_file():
        raise BackupError(_("%(archive)s does not exist") % {"archive": archive})
    try:
        with tarfile.open(archive, "r:gz") as tar:
            for member in tar.getmembers():
                name = PurePosixPath(member.name)
                if not (member.isfile() or member.isdir()) or name.is_absolute() or ".." in name.parts:
                    raise BackupError(
                        _("%(archive)s holds an unsafe entry: %(name)s")
                        % {"archive": archive, "name": member.name}
                    )
            if hasattr(tarfile, "data_filter"):  # Python 3.11.4+; the checks above cover older releases
                tar.extractall(into, filter="data")
            else:
                tar.extractall(into)  # noqa: S202
    except (tarfile.TarError, EOFError, OSError) as exc:
        raise BackupError(
            _("%(archive)s is not a register backup (%(error)s)") % {"archive": archive, "error": exc}
        ) from exc
    try:
        manifest = json.loads((into / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise BackupError(
            _("%(archive)s is not a register backup (%(error)s)") % {"archive": archive, "error": exc}
        ) from exc
    if manifest.get("format") != FORMAT:
        raise BackupError(
            _("%(archive)s is not a register backup (%(error)s)") % {"archive": archive, "error": FORMAT}
        )
    if manifest["vendor"] != databases.vendor():
        raise BackupError(
            _("%(archive)s is a %(theirs)s backup; this register uses %(ours)s")
            % {"archive": archive, "theirs": manifest["vendor"], "ours": databases.vendor()}
        )
    if _sha256(into / "database") != manifest["database_sha256"]:
        raise BackupError(
            _("%(archive)s is damaged: %(name)s does not match its checksum")
            % {"archive": archive, "name": "database"}
        )
    for name, meta in manifest["files"].items():
        path = into / "media" / name
        if not path.is_file() or _sha256(path) != meta["sha256"]:
            raise BackupError(
                _("%(archive)s is damaged: %(name)s does not match its checksum")
                % {"archive": archive, "name": name}
            )
    known = {(app, name) for app, name in MigrationLoader(None, ignore_no_migrations=True).disk_migrations}
    unknown = sorted(f"{app}.{name}" for app, name in manifest["migrations"] if (app, name) not in known)
    if unknown:
        raise BackupError(
            _(
                "The backup was made by a newer version of the register (unknown migrations: %(names)s); "
                "install that version first."
            )
            % {"names": ", ".join(unknown[:5])}
        )
    return manifest


def restore(archive: Path) -> Summary:
    """Replace the database and the stored files with the archive's; afterwards run ``igr migrate``."""
    media = Path(settings.MEDIA_ROOT)
    media.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="igr-restore-", dir=media.parent) as work:
        work_dir = Path(work)
        manifest = _extract(archive.resolve(), work_dir)
        databases.create_extensions(manifest["extensions"])
        databases.load(work_dir / "database")
        incoming = work_dir / "media"
        incoming.mkdir(exist_ok=True)
        retired = work_dir / "retired-media"
        if media.exists():
            media.rename(retired)
        incoming.rename(media)
        shutil.rmtree(retired, ignore_errors=True)
    counts = _row_counts()
    wrong = sorted(t for t, n in manifest["tables"].items() if counts.get(t) != n)
    if wrong:
        raise BackupError(
            _("The restored database differs from the backup in: %(tables)s")
            % {"tables": ", ".join(wrong[:5])}
        )
    return Summary(
        len(counts),
        sum(counts.values()),
        len(manifest["files"]),
        sum(f["size"] for f in manifest["files"].values()),
    )
