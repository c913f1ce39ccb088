"""A per-run index of the register's governments, forums, posts and people.

Why: resolving every name with its own query would make the cost of a document grow with the size of the
register; one load per run keeps it constant (benchmarks/ingest_speed.py measures it). The index is
updated as the run creates rows, and rebuilt from the database after a rolled-back document.
"""

from __future__ import annotations

import datetime as dt

from django.utils.text import slugify

from igr.register.models import Body, Government, Person, Post

from .names import fold, person_key


class Registry:
    def __init__(self) -> None:
        self.reload()

    def observed(
        self, people: list[int], load
    ) -> tuple[dict[int, dict[int, tuple[dt.date, dt.date]]], dict[int, int]]:
        """What these people were observed in (first and last meeting per post), loaded once per person per run."""
        missing = [p for p in people if p not in self.seen]
        if missing:
            seen, govs = load(missing)
            for person in missing:
                self.seen[person] = dict(seen.get(person, {}))
            self.post_governments.update(govs)
        return {p: self.seen[p] for p in people}, self.post_governments

    def observe(self, person: int, post: int, government: int, day: dt.date) -> None:
        """An attendance this run recorded in a post at a day-precise meeting (known people only: others load)."""
        if person in self.seen:
            first, last = self.seen[person].get(post, (day, day))
            self.seen[person][post] = (min(first, day), max(last, day))
            self.post_governments[post] = government

    def forget_observed(self) -> None:
        """A meeting's date changed: what its attendees were observed in is read again when next needed."""
        self.seen.clear()

    def reload(self) -> None:
        self.governments: dict[str, Government] = {}
        for g in Government.objects.all():
            for name in [g.key, g.name_en, g.name_cy, g.short_en, g.short_cy, *(g.aliases or [])]:
                if name:
                    self.governments.setdefault(fold(name), g)
        self.bodies: dict[str, Body] = {b.key: b for b in Body.objects.all()}
        self.body_names: dict[str, Body] = {}
        for b in self.bodies.values():
            for name in [
                b.name_en,
                b.name_cy,
                *(b.abbreviations or []),
                *(b.aliases or []),
                *(b.aliases_cy or []),
            ]:
                if name:
                    self.body_names.setdefault(fold(name), b)
        self.posts: dict[tuple[int, str], Post] = {}
        self.post_keys: set[str] = set()
        for p in Post.objects.all():
            self.post_keys.add(p.key)
            for title in (p.title_en, p.title_cy):
                if title:
                    self.posts.setdefault((p.government_id, fold(title)), p)
        self.people: dict[str, Person] = {}
        self.person_keys: set[str] = set()
        self.seen: dict[int, dict[int, tuple[dt.date, dt.date]]] = {}  # person -> post -> first, last meeting
        self.post_governments: dict[int, int] = {}
        for person in Person.objects.all():
            self._index_person(person)

    def _index_person(self, person: Person) -> None:
        self.person_keys.add(person.key)
        for name in [person.name, *(person.aliases or [])]:
            k = person_key(name)
            if k:
                self.people.setdefault(k, person)

    def government(self, name: str | None) -> Government | None:
        return self.governments.get(fold(name)) if name else None

    def body(self, key: str | None, name: str | None) -> Body | None:
        if key and key in self.bodies:
            return self.bodies[key]
        return self.body_names.get(fold(name)) if name else None

    def add_body(self, body: Body) -> None:
        self.bodies[body.key] = body
        self.body_names.setdefault(fold(body.name_en), body)

    def unique_slug(self, base: str, taken: set[str] | dict, limit: int) -> str:
        slug = (slugify(base.replace("'", "").replace("’", "")) or "x")[:limit].strip("-")
        candidate, n = slug, 2
        while candidate in taken:
            candidate = f"{slug[: limit - len(str(n)) - 1]}-{n}"
            n += 1
        return candidate

    def person(self, name: str) -> Person | None:
        return self.people.get(person_key(name))

    def add_person(self, person: Person) -> None:
        self._index_person(person)

    def post(self, government: Government, title: str) -> Post | None:
        return self.posts.get((government.pk, fold(title)))

    def add_post(self, post: Post) -> None:
        self.post_keys.add(post.key)
        self.posts.setdefault((post.government_id, fold(post.title_en or post.title_cy)), post)
