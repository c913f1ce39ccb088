"""Who attended, written as the Minister's letters write it.

"The meeting was attended by the Home Secretary, the Rt Hon. Suella Braverman KC MP, as the Chair, and by the
Scottish Government's Cabinet Secretary for Social Justice, Shirley-Anne Somerville MSP." Ministers of the other
governments are named with their honorifics and post-nominals as the register holds them; a government that sent
only officials is said to have done so "in the absence of Ministers"; the Minister signing speaks in the first
person ("I represented the Welsh Government"); other Welsh Government attendees and observers follow.
"""

from __future__ import annotations

from igr.register.models import Attendance
from igr.reporting import context
from igr.reporting.language import join

from . import passages
from .phrases import missing_what, say

CAPACITIES = ("minister", "official", "observer")


def _government(attendance: Attendance, language: str) -> str:
    return passages.text(attendance.government, "name", language) if attendance.government else ""


def _role(attendance: Attendance, language: str, missing: list[str]) -> str:
    name = attendance.person.name if attendance.person else ""
    if attendance.post:
        role = passages.text(attendance.post, "title", language)
        if not role:
            missing.append(missing_what("post_title", language, name=name))
        return role
    role = passages.text(attendance, "role", language)
    if not role and passages.text(attendance, "role", "en" if language == "cy" else "cy"):
        missing.append(missing_what("role", language, name=name))
    return role


def _description(attendance: Attendance, language: str, missing: list[str]) -> str:
    text = passages.text(attendance, "description", language)
    if not text:
        original = passages.text(attendance, "description", "en" if language == "cy" else "cy")
        missing.append(missing_what("description", language, text=original))
        text = say("missing", language, what=original)
    return text


def _substitute(text: str, attendance: Attendance, language: str) -> str:
    if attendance.substitute_for:
        return say("in_place_of", language, person=text, absent=attendance.substitute_for.name)
    return text


def minister(attendance: Attendance, language: str, missing: list[str]) -> str:
    """'the Scottish Government's Cabinet Secretary for Social Justice, Shirley-Anne Somerville MSP'."""
    if not attendance.person:
        return _substitute(_description(attendance, language, missing), attendance, language)
    styled = attendance.person.styled(language)
    role, government = _role(attendance, language, missing), _government(attendance, language)
    uk = attendance.government is not None and attendance.government.key == "uk"
    if role and government:
        key = "minister_uk" if uk else "minister_of"
        text = say(key, language, role=role, government=government, name=styled)
    elif role:
        text = say("minister_role", language, role=role, name=styled)
    else:
        text = (
            say("person_with_government", language, name=styled, government=government)
            if government
            else styled
        )
    return _substitute(text, attendance, language)


def person(attendance: Attendance, language: str, missing: list[str]) -> str:
    """'Cathy Galway (Senior Official)': an official or observer, or a description of who attended."""
    if not attendance.person:
        return _substitute(_description(attendance, language, missing), attendance, language)
    role = _role(attendance, language, missing)
    text = (
        say("person_with_role_only", language, name=attendance.person.styled(language), role=role)
        if role
        else attendance.person.styled(language)
    )
    return _substitute(text, attendance, language)


def _attended_by(items: list[str], language: str) -> str:
    """'by A, as the Chair, by B and by C' in English; in Welsh a list whose last 'a' takes a comma when the
    names carry their roles ('…, fel Cadeirydd, a Shirley-Anne Somerville ASA, …')."""
    if len(items) == 1:
        return say("attended_by", language, people=items[0])
    comma = "," if any("," in item for item in items) else ""
    if language == "cy":
        listed = join(items, language)
        head, last = ", ".join(items[:-1]), items[-1]
        conj = listed[len(head) : -len(last)].strip()
        return say("attended_by", language, people=f"{head}{comma} {conj} {last}")
    return say("attended_by", language, people=", by ".join(items[:-1]) + f"{comma} and by " + items[-1])


def _groups(attendances: list[Attendance]) -> list[tuple[object, list[Attendance]]]:
    """The attendances per government, in the order the record lists them."""
    groups: dict[object, list[Attendance]] = {}
    for attendance in attendances:
        groups.setdefault(attendance.government_id, []).append(attendance)
    return list(groups.items())


def sentences(meeting, language: str, missing: list[str], signer) -> list[str]:
    """The chair and the other governments' ministers, those who came in their ministers' absence, then Wales."""
    attendances = list(meeting.attendances.all())
    signer_id = signer.person.pk if signer else None
    chair = next((a for a in attendances if a.is_chair), None)
    wales = [a for a in attendances if a.government and a.government.key == context.WALES]
    others = [a for a in attendances if a not in wales]
    named: list[str] = []
    after: list[str] = []
    chaired = chair is not None and chair.person_id is not None and chair.person_id == signer_id
    if chair and not chaired:
        named.append(say("as_chair", language, person=minister(chair, language, missing)))
    elif meeting.chair and not chair and meeting.chair_id != signer_id:
        named.append(say("as_chair", language, person=meeting.chair.styled(language)))
    for _government, group in _groups(others):
        rest = [a for a in group if a is not chair]
        ministers = [a for a in rest if a.capacity == Attendance.Capacity.MINISTER]
        officials = [a for a in rest if a.capacity == Attendance.Capacity.OFFICIAL]
        observers = [a for a in rest if a.capacity == Attendance.Capacity.OBSERVER]
        named += [minister(a, language, missing) for a in ministers]
        if officials and not any(a.capacity == Attendance.Capacity.MINISTER for a in group):
            after.append(_in_absence(officials, language, missing))
        elif officials:
            people = join([person(a, language, missing) for a in officials], language)
            after.append(say(f"attended_official_{_number(officials)}", language, people=people))
        if observers:
            people = join([person(a, language, missing) for a in observers], language)
            after.append(say(f"attended_observer_{_number(observers)}", language, people=people))
    out = [say("i_chaired", language)] if chaired else []
    out += [_attended_by(named, language)] if named else []
    if not chaired and signer_id and any(a.person_id == signer_id for a in attendances):
        out.append(say("i_represented", language))
    out += after
    for capacity in CAPACITIES:
        group = [a for a in wales if a.capacity == capacity and a.person_id != signer_id and a is not chair]
        if group:
            people = join([person(a, language, missing) for a in group], language)
            out.append(say(f"for_wales_{capacity}_{_number(group)}", language, people=people))
    return out


def _in_absence(officials: list[Attendance], language: str, missing: list[str]) -> str:
    """'Officials attended for the Northern Ireland Executive in the absence of Ministers: …'."""
    people = join([person(a, language, missing) for a in officials], language)
    government = _government(officials[0], language)
    if all(a.person_id is None for a in officials) or not government:
        return say("absent_ministers_described", language, people=people)
    return say("absent_ministers", language, government=government, people=people)


def _number(group: list[Attendance]) -> str:
    """Plural for several people, or for one entry that describes a group ('Officials from …')."""
    return "n" if len(group) > 1 or group[0].person_id is None else "1"
