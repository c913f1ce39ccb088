"""The public tallies get real columns: one table per kind of cell, its characteristics as typed, unique columns.

The existing cells are carried over, each old key ("body|year|status|mode|governments" and the like) split once
more into the columns it now has; the per-person totals are no longer kept (they are a person's cells summed).
Reversing writes the old cells back, recounted from each meeting's counted facts (``MeetingFacts``).
"""

import datetime as dt
from collections import Counter, defaultdict

from django.db import migrations, models

DIMENSIONS = {
    "MeetingTally": ("body_id", "year", "status", "mode", "governments"),
    "PersonTally": ("person_id", "status", "mode", "governments"),
    "NoticeTally": ("bucket",),
    "LagTally": ("per", "owner", "days", "on_time"),
    "OwedTally": ("per", "owner", "due"),
    "WaivedTally": ("per", "owner"),
}
NOTICE_BUCKETS_HOURS = [(0, 24), (24, 72), (72, 168), (168, None)]


def _ids(governments: str) -> tuple[int, ...]:
    return tuple(sorted(int(g) for g in governments.split(".") if g))


def carry_over(apps, schema_editor):
    Tally = apps.get_model("public", "Tally")
    cells: dict[str, Counter] = defaultdict(Counter)
    for kind, key, n in Tally.objects.filter(n__gt=0).values_list("kind", "key", "n").iterator():
        parts = key.split("|")
        if kind == "meeting":
            body, year, status, mode, governments = parts
            cells["MeetingTally"][(int(body), int(year), status, mode, _ids(governments))] += n
        elif kind == "person":
            person, status, mode, governments = parts
            cells["PersonTally"][(int(person), status, mode, _ids(governments))] += n
        elif kind == "notice":
            cells["NoticeTally"][(key,)] += n
        elif kind != "person-total":
            outcome, per = kind.rsplit("-", 1)
            owner = int(parts[0])
            if outcome == "lag":
                cells["LagTally"][(per, owner, int(parts[1]), parts[2] == "on_time")] += n
            elif outcome == "owed":
                cells["OwedTally"][(per, owner, dt.date.fromisoformat(parts[1]))] += n
            else:
                cells["WaivedTally"][(per, owner)] += n
    for name, counts in cells.items():
        model = apps.get_model("public", name)
        rows = [model(n=n, **dict(zip(DIMENSIONS[name], key, strict=True))) for key, n in counts.items()]
        for row in rows:
            if hasattr(row, "governments"):
                row.governments = list(row.governments)
        model.objects.bulk_create(rows, batch_size=1000)


def _bucket(hours: float) -> str:
    for index, (low, high) in enumerate(NOTICE_BUCKETS_HOURS):
        if hours >= low and (high is None or hours < high):
            return str(index)
    return "-"


def recount_old_cells(apps, schema_editor):
    """The old keyed cells, recounted from the facts each meeting was last counted with."""
    Tally = apps.get_model("public", "Tally")
    totals: Counter = Counter()
    for facts in apps.get_model("public", "MeetingFacts").objects.iterator():
        common = f"{facts.status}|{facts.mode}|{'.'.join(str(g) for g in facts.governments)}"
        totals[("meeting", f"{facts.body_id}|{facts.date.year}|{common}")] += 1
        for person in facts.people:
            totals[("person", f"{person}|{common}")] += 1
            totals[("person-total", str(person))] += 1
        if facts.notice_hours is not None:
            totals[("notice", _bucket(facts.notice_hours))] += 1
        for due, met, waived in facts.statements:
            if waived:
                kind, detail = "waived", ""
            elif met:
                on_time = dt.date.fromisoformat(met) <= dt.date.fromisoformat(due)
                kind, detail = (
                    "lag",
                    f"{(dt.date.fromisoformat(met) - facts.date).days}|{'on_time' if on_time else 'late'}",
                )
            else:
                kind, detail = "owed", due
            owners = [("year", facts.date.year), ("body", facts.body_id)] + [
                ("minister", m) for m in facts.ministers
            ]
            for per, owner in owners:
                totals[(f"{kind}-{per}", f"{owner}|{detail}")] += 1
    Tally.objects.bulk_create(
        [Tally(kind=kind, key=key, n=n) for (kind, key), n in totals.items()], batch_size=1000
    )
    BodyAttendee = apps.get_model("public", "BodyAttendee")
    for row in BodyAttendee.objects.all():
        row.key = f"{row.body_id}|{row.government_id}|{row.person_id}"
        row.save(update_fields=["key"])


class Migration(migrations.Migration):
    dependencies = [
        ("public", "0006_body_attendees"),
    ]

    operations = [
        migrations.CreateModel(
            name="LagTally",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("n", models.IntegerField(default=0)),
                (
                    "per",
                    models.CharField(
                        choices=[("year", "Year"), ("body", "Body"), ("minister", "Minister")], max_length=8
                    ),
                ),
                ("owner", models.BigIntegerField(help_text="The year, the body's id or the minister's id.")),
                ("days", models.IntegerField()),
                ("on_time", models.BooleanField()),
            ],
        ),
        migrations.CreateModel(
            name="MeetingTally",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("n", models.IntegerField(default=0)),
                ("body_id", models.BigIntegerField()),
                ("year", models.IntegerField()),
                ("status", models.CharField(max_length=12)),
                ("mode", models.CharField(blank=True, max_length=10)),
                (
                    "governments",
                    models.JSONField(
                        default=list, help_text="The ids of the governments that attended, in order."
                    ),
                ),
            ],
        ),
        migrations.CreateModel(
            name="NoticeTally",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("n", models.IntegerField(default=0)),
                ("bucket", models.CharField(max_length=2, unique=True)),
            ],
        ),
        migrations.CreateModel(
            name="OwedTally",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("n", models.IntegerField(default=0)),
                (
                    "per",
                    models.CharField(
                        choices=[("year", "Year"), ("body", "Body"), ("minister", "Minister")], max_length=8
                    ),
                ),
                ("owner", models.BigIntegerField(help_text="The year, the body's id or the minister's id.")),
                ("due", models.DateField()),
            ],
        ),
        migrations.CreateModel(
            name="PersonTally",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("n", models.IntegerField(default=0)),
                ("person_id", models.BigIntegerField()),
                ("status", models.CharField(max_length=12)),
                ("mode", models.CharField(blank=True, max_length=10)),
                (
                    "governments",
                    models.JSONField(
                        default=list, help_text="The ids of the governments that attended, in order."
                    ),
                ),
            ],
        ),
        migrations.CreateModel(
            name="WaivedTally",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("n", models.IntegerField(default=0)),
                (
                    "per",
                    models.CharField(
                        choices=[("year", "Year"), ("body", "Body"), ("minister", "Minister")], max_length=8
                    ),
                ),
                ("owner", models.BigIntegerField(help_text="The year, the body's id or the minister's id.")),
            ],
        ),
        migrations.AddConstraint(
            model_name="lagtally",
            constraint=models.UniqueConstraint(
                fields=("per", "owner", "days", "on_time"), name="public_lag_tally_cell"
            ),
        ),
        migrations.AddConstraint(
            model_name="meetingtally",
            constraint=models.UniqueConstraint(
                fields=("body_id", "year", "status", "mode", "governments"), name="public_meeting_tally_cell"
            ),
        ),
        migrations.AddConstraint(
            model_name="owedtally",
            constraint=models.UniqueConstraint(fields=("per", "owner", "due"), name="public_owed_tally_cell"),
        ),
        migrations.AddConstraint(
            model_name="persontally",
            constraint=models.UniqueConstraint(
                fields=("person_id", "status", "mode", "governments"), name="public_person_tally_cell"
            ),
        ),
        migrations.AddConstraint(
            model_name="waivedtally",
            constraint=models.UniqueConstraint(fields=("per", "owner"), name="public_waived_tally_cell"),
        ),
        migrations.AlterField(
            model_name="bodyattendee",
            name="key",
            field=models.CharField(max_length=64, null=True, unique=True),
        ),
        migrations.RunPython(carry_over, recount_old_cells, elidable=False),
        migrations.DeleteModel(
            name="Tally",
        ),
        migrations.RemoveField(
            model_name="bodyattendee",
            name="key",
        ),
        migrations.AddConstraint(
            model_name="bodyattendee",
            constraint=models.UniqueConstraint(
                fields=("body_id", "government_id", "person_id"), name="public_body_attendee_row"
            ),
        ),
    ]
