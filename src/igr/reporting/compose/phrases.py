"""The standard sentences of IIRA letters and statements, in English and in Welsh, side by side.

They are kept here rather than in the gettext catalogue because a document's language is not the page's
language, and because each pair is one sentence written twice by a person, not a string to look up.
"""

from __future__ import annotations

PHRASES: dict[str, dict[str, str]] = {
    "agreement": {
        "en": "the Inter-Institutional Relations Agreement",
        "cy": "y Cytundeb Cysylltiadau Rhyngsefydliadol",
    },
    "subject": {
        "en": "Inter-Institutional Relations Agreement: {body}",
        "cy": "Cytundeb Cysylltiadau Rhyngsefydliadol: {body}",
    },
    "our_ref": {"en": "Ein cyf/Our ref: {ref}", "cy": "Ein cyf/Our ref: {ref}"},
    "chair_role": {"en": "Chair", "cy": "Cadeirydd"},
    "chair_of": {"en": "{name}, Chair of the {committee}", "cy": "{name}, Cadeirydd {committee}"},
    "copy_line": {"en": "Cc {people}", "cy": "Copi: {people}"},
    "salutation": {"en": "Dear {first},", "cy": "Annwyl {first},"},
    "closing": {"en": "Yours sincerely,", "cy": "Yn gywir,"},
    "letter_opening": {
        "en": "I am writing{further} in accordance with the Inter-Institutional Relations Agreement, to report on {meeting}, held on {date}.",
        "cy": "Rwy'n ysgrifennu{further} yn unol â'r Cytundeb Cysylltiadau Rhyngsefydliadol, i adrodd ar {meeting}, a gynhaliwyd ar {date}.",
    },
    "further": {
        "en": " further to my letter of {date}, and",
        "cy": " yn dilyn fy llythyr dyddiedig {date}, ac",
    },
    "statement_attended": {
        "en": "In accordance with the Inter-Institutional Relations Agreement, I am giving notification that I attended {meeting}, which {mode} on {date}{together}.",
        "cy": "Yn unol â'r Cytundeb Cysylltiadau Rhyngsefydliadol, rwy'n rhoi gwybod fy mod wedi mynychu {meeting}, a {mode} ar {date}{together}.",
    },
    "statement_not_attended": {
        "en": "In accordance with the Inter-Institutional Relations Agreement, I am giving notification of {meeting}, which {mode} on {date}{together}.",
        "cy": "Yn unol â'r Cytundeb Cysylltiadau Rhyngsefydliadol, rwy'n rhoi gwybod am {meeting}, a {mode} ar {date}{together}.",
    },
    "together": {
        "en": ", bringing together members of all four governments",
        "cy": ", gan ddod ag aelodau o'r pedair llywodraeth ynghyd",
    },
    "mode_virtual": {"en": "took place virtually", "cy": "gynhaliwyd yn rhithwir"},
    "mode_in_person": {"en": "took place in person", "cy": "gynhaliwyd wyneb yn wyneb"},
    "mode_in_person_at": {
        "en": "took place in person ({location})",
        "cy": "gynhaliwyd wyneb yn wyneb ({location})",
    },
    "mode_hybrid": {"en": "took place in hybrid form", "cy": "gynhaliwyd ar ffurf hybrid"},
    "mode_unknown": {"en": "took place", "cy": "gynhaliwyd"},
    "will_mode_virtual": {"en": "virtually", "cy": "yn rhithwir"},
    "will_mode_in_person": {"en": "in person", "cy": "wyneb yn wyneb"},
    "will_mode_in_person_at": {"en": "in person ({location})", "cy": "wyneb yn wyneb ({location})"},
    "will_mode_hybrid": {"en": "in hybrid form", "cy": "ar ffurf hybrid"},
    "attended_by": {
        "en": "The meeting was attended by {people}.",
        "cy": "Yn bresennol yn y cyfarfod roedd {people}.",
    },
    "as_chair": {"en": "{person}, as the Chair", "cy": "{person}, fel Cadeirydd"},
    "minister_uk": {"en": "the {role}, {name}", "cy": "{name}, {role} {government}"},
    "minister_of": {"en": "the {government}'s {role}, {name}", "cy": "{name}, {role} {government}"},
    "minister_role": {"en": "the {role}, {name}", "cy": "{name}, {role}"},
    "person_with_role_only": {"en": "{name} ({role})", "cy": "{name} ({role})"},
    "absent_ministers": {
        "en": "Officials attended for the {government} in the absence of Ministers: {people}.",
        "cy": "Roedd swyddogion yn bresennol ar ran {government} yn absenoldeb Gweinidogion: {people}.",
    },
    "absent_ministers_described": {
        "en": "{people} attended in the absence of Ministers.",
        "cy": "Roedd {people} yn bresennol yn absenoldeb Gweinidogion.",
    },
    "i_chaired": {"en": "I chaired the meeting.", "cy": "Cadeiriais y cyfarfod."},
    "i_represented": {"en": "I represented the Welsh Government.", "cy": "Cynrychiolais Lywodraeth Cymru."},
    "attended_minister_1": {
        "en": "{people} attended as a minister.",
        "cy": "Roedd {people} yn bresennol fel gweinidog.",
    },
    "attended_minister_n": {
        "en": "{people} attended as ministers.",
        "cy": "Roedd {people} yn bresennol fel gweinidogion.",
    },
    "attended_official_1": {
        "en": "{people} attended as an official.",
        "cy": "Roedd {people} yn bresennol fel swyddog.",
    },
    "attended_official_n": {
        "en": "{people} attended as officials.",
        "cy": "Roedd {people} yn bresennol fel swyddogion.",
    },
    "attended_observer_1": {
        "en": "{people} attended as an observer.",
        "cy": "Roedd {people} yn bresennol fel sylwedydd.",
    },
    "attended_observer_n": {
        "en": "{people} attended as observers.",
        "cy": "Roedd {people} yn bresennol fel sylwedyddion.",
    },
    "for_wales_minister_1": {
        "en": "{people} also attended for the Welsh Government, as a minister.",
        "cy": "Roedd {people} hefyd yn bresennol ar ran Llywodraeth Cymru, fel gweinidog.",
    },
    "for_wales_minister_n": {
        "en": "{people} also attended for the Welsh Government, as ministers.",
        "cy": "Roedd {people} hefyd yn bresennol ar ran Llywodraeth Cymru, fel gweinidogion.",
    },
    "for_wales_official_1": {
        "en": "{people} attended for the Welsh Government, as an official.",
        "cy": "Roedd {people} yn bresennol ar ran Llywodraeth Cymru, fel swyddog.",
    },
    "for_wales_official_n": {
        "en": "{people} attended for the Welsh Government, as officials.",
        "cy": "Roedd {people} yn bresennol ar ran Llywodraeth Cymru, fel swyddogion.",
    },
    "for_wales_observer_1": {
        "en": "{people} attended for the Welsh Government, as an observer.",
        "cy": "Roedd {people} yn bresennol ar ran Llywodraeth Cymru, fel sylwedydd.",
    },
    "for_wales_observer_n": {
        "en": "{people} attended for the Welsh Government, as observers.",
        "cy": "Roedd {people} yn bresennol ar ran Llywodraeth Cymru, fel sylwedyddion.",
    },
    "in_place_of": {"en": "{person}, in place of {absent}", "cy": "{person}, yn lle {absent}"},
    "person_with_government": {"en": "{name} ({government})", "cy": "{name} ({government})"},
    "agenda": {"en": "The meeting discussed {items}.", "cy": "Yn y cyfarfod, trafodwyd {items}."},
    "agenda_expected": {
        "en": "The meeting is expected to discuss {items}.",
        "cy": "Disgwylir i'r cyfarfod drafod {items}.",
    },
    "next_on": {
        "en": "The next meeting will take place on {date}.",
        "cy": "Cynhelir y cyfarfod nesaf ar {date}.",
    },
    "next_month_letter": {
        "en": "The next meeting is due to take place {month} and I will inform you once a date has been finalised.",
        "cy": "Disgwylir i'r cyfarfod nesaf gael ei gynnal {month} a byddaf yn rhoi gwybod i chi pan fydd y dyddiad wedi'i gadarnhau.",
    },
    "next_month_statement": {
        "en": "The next meeting is due to take place {month} and I will update Members once a date has been finalised.",
        "cy": "Disgwylir i'r cyfarfod nesaf gael ei gynnal {month} a byddaf yn rhoi'r wybodaeth ddiweddaraf i'r Aelodau pan fydd y dyddiad wedi'i gadarnhau.",
    },
    "promise_next_date": {
        "en": "I will inform you once a date has been finalised.",
        "cy": "Byddaf yn rhoi gwybod i chi pan fydd y dyddiad wedi'i gadarnhau.",
    },
    "promise_next_date_members": {
        "en": "I will update Members once a date has been finalised.",
        "cy": "Byddaf yn rhoi'r wybodaeth ddiweddaraf i'r Aelodau pan fydd y dyddiad wedi'i gadarnhau.",
    },
    "communique_letter": {
        "en": "Further information on the meeting can be found at: ",
        "cy": "Mae rhagor o wybodaeth am y cyfarfod ar gael yn: ",
    },
    "communique_statement_on": {
        "en": "A joint communiqué is published on the {government} website at: ",
        "cy": "Mae cyfathrebiad ar y cyd wedi'i gyhoeddi ar wefan {government}: ",
    },
    "communique_statement": {
        "en": "A joint communiqué is published at: ",
        "cy": "Mae cyfathrebiad ar y cyd wedi'i gyhoeddi yn: ",
    },
    "communique_title": {"en": "{body} communiqué: {date}", "cy": "Cyfathrebiad {body}: {date}"},
    "copying": {
        "en": "I am copying this letter to {people}.",
        "cy": "Rwy'n anfon copi o'r llythyr hwn at {people}.",
    },
    "notice_opening": {
        "en": "In accordance with the Inter-Institutional Relations Agreement, I am writing to inform you that {meeting} will take place {mode} on {date}{host}.",
        "cy": "Yn unol â'r Cytundeb Cysylltiadau Rhyngsefydliadol, rwy'n ysgrifennu i roi gwybod i chi y cynhelir {meeting} {mode} ar {date}{host}.",
    },
    "notice_host": {"en": ", hosted by the {government}", "cy": ", gyda {government} yn ei gynnal"},
    "notice_received": {
        "en": "Notice of the meeting was received on {date}.",
        "cy": "Daeth yr hysbysiad am y cyfarfod i law ar {date}.",
    },
    "notice_will_attend": {
        "en": "I will represent the Welsh Government at the meeting.",
        "cy": "Byddaf yn cynrychioli Llywodraeth Cymru yn y cyfarfod.",
    },
    "notice_write_again": {
        "en": "I will write to you again after the meeting.",
        "cy": "Byddaf yn ysgrifennu atoch eto ar ôl y cyfarfod.",
    },
    "notice_wrote": {
        "en": "I wrote to you on {date} about {meeting}.",
        "cy": "Ysgrifennais atoch ar {date} ynghylch {meeting}.",
    },
    "notice_postponed": {
        "en": "The meeting has been postponed and will now take place {mode} on {date}.",
        "cy": "Mae'r cyfarfod wedi'i ohirio, a bydd yn cael ei gynnal {mode} ar {date} bellach.",
    },
    "notice_cancelled": {"en": "The meeting has been cancelled.", "cy": "Mae'r cyfarfod wedi'i ganslo."},
    "statement_heading": {"en": "STATEMENT BY THE WELSH GOVERNMENT", "cy": "DATGANIAD GAN LYWODRAETH CYMRU"},
    "field_title": {"en": "TITLE", "cy": "TEITL"},
    "field_date": {"en": "DATE", "cy": "DYDDIAD"},
    "field_by": {"en": "BY", "cy": "GAN"},
    "made_in_recess": {"en": "Made during Senedd recess", "cy": "Gwnaed yn ystod toriad y Senedd"},
    "missing": {"en": "[English text missing: {what}]", "cy": "[Testun Cymraeg ar goll: {what}]"},
    "contact_centre": {"en": "{cy} / {en}: {phone}", "cy": "{cy} / {en}: {phone}"},
}

# What a translator is asked for, named in the language the document is missing.
MISSING_WHAT = {
    "position": {
        "en": "the Welsh Government's position on “{title}”",
        "cy": "safbwynt Llywodraeth Cymru ar “{title}”",
    },
    "title": {"en": "the agenda item “{title}”", "cy": "yr eitem agenda “{title}”"},
    "role": {"en": "the role of {name}", "cy": "rôl {name}"},
    "description": {
        "en": "the description of an attendee (“{text}”)",
        "cy": "y disgrifiad o rywun a oedd yn bresennol (“{text}”)",
    },
    "next_meeting": {"en": "the next-meeting note", "cy": "y nodyn am y cyfarfod nesaf"},
    "location": {"en": "the meeting's location", "cy": "lleoliad y cyfarfod"},
    "signatory": {
        "en": "the signing minister (no Welsh Government minister is recorded)",
        "cy": "y gweinidog sy'n llofnodi (ni chofnodwyd gweinidog o Lywodraeth Cymru)",
    },
    "addressee": {
        "en": "the Legislation, Justice and Constitution Committee's chair on the letter's date",
        "cy": "cadeirydd y Pwyllgor Deddfwriaeth, Cyfiawnder a'r Cyfansoddiad ar ddyddiad y llythyr",
    },
    "post_title": {"en": "the title of {name}'s post", "cy": "teitl swydd {name}"},
    "paragraph": {
        "en": "a paragraph the Minister adds (“{text}”)",
        "cy": "paragraff y mae'r Gweinidog yn ei ychwanegu (“{text}”)",
    },
}


def say(key: str, language: str, **values: str) -> str:
    return PHRASES[key][language].format(**values)


def missing_what(key: str, language: str, **values: str) -> str:
    return MISSING_WHAT[key][language].format(**values)
