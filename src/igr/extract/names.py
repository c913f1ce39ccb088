"""Given names, honorifics, post-nominals, and words that are never part of a person's name.

Why a dictionary: with no NER model available, a capitalised pair is taken for a person when it starts with a
given name or carries an honorific, a post-nominal or a post title. The given names come from a general
dictionary of first names (gender-guesser's, drawn from many countries), never from one corpus.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from pathlib import Path


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower().replace("\u2019", "'")

@cache
def given_names() -> frozenset[str]:
    """Folded first names from gender-guesser's dictionary (about 45,000 names from 50 countries)."""
    import gender_guesser

    path = Path(gender_guesser.__file__).parent / "data" / "nam_dict.txt"
    names: set[str] = set()
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line[:1] not in "#=" and len(line) > 30:
                for part in line[3:29].split()[:1]:
                    names.update(fold(n) for n in part.split("+") if len(n) > 1)
    return frozenset(names - NOT_NAME_WORDS)


HONORIFICS = ("Rt Hon", "Rt. Hon", "Rt Hon.", "Rt. Hon.", "Right Honourable", "The Rt Hon", "Dr", "Dr.", "Mr",
              "Mr.", "Mrs", "Mrs.", "Ms", "Miss", "Sir", "Dame", "Professor", "Prof", "Cllr")

# Post-nominals tell a member's legislature, hence a government by default.
POST_NOMINALS = {
    "MSP": "scotland", "ASA": "scotland", "MS": "wales", "AS": None, "AM": "wales", "SM": "wales", "AC": "wales",
    "MLA": "northern-ireland", "ACD": "northern-ireland", "MP": "uk", "TD": "ireland", "MHK": "isle-of-man", "KC": None, "QC": None, "CB": None,
    "MBE": None, "OBE": None, "CBE": None,
}

# Welsh texts may spell a post-nominal out.
SPELLED_POST_NOMINALS = {"Aelod o Senedd yr Alban": "scotland", "Aelod o'r Senedd": "wales", "Aelod Seneddol": "uk",
                         "Aelod o Gynulliad Gogledd Iwerddon": "northern-ireland"}

NOT_NAME_WORDS = frozenset(["the", "a", "an", "and", "of", "for", "to", "in", "on", "at", "by", "with", "from", "this", "that", "these", "other", "all", "both", "his", "her", "their", "our", "my", "minister", "ministers", "secretary", "secretaries", "state", "cabinet", "deputy", "first", "prime", "junior", "chief", "chancellor", "paymaster", "general", "home", "foreign", "government", "executive", "office", "department", "civil", "service", "parliament", "parliamentary", "under", "council", "committee", "group", "interministerial", "inter", "ministerial", "meeting", "standing", "scottish", "welsh", "irish", "british", "northern", "ireland", "wales", "scotland", "england", "uk", "united", "kingdom", "kingdom", "london", "cardiff", "edinburgh", "belfast", "dublin", "house", "street", "head", "director", "permanent", "senior", "official", "officials", "chair", "chaired", "counsel", "trefnydd", "taoiseach", "tanaiste", "lord-lieutenant", "january", "february", "march", "july", "september", "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "communique", "written", "statement", "letter", "dear", "yours", "affairs", "justice", "social", "health", "education", "economy", "trade", "transport", "environment", "food", "rural", "finance", "housing", "communities", "local", "climate", "change", "energy", "net", "zero", "culture", "business", "industry", "security", "migration", "relations", "constitution", "europe", "european", "international", "development", "agriculture", "fisheries", "levelling", "up", "welfare", "work", "pensions", "treasury", "exchequer", "duchy", "lancaster", "defra", "beis", "daera", "dwp", "hm", "his", "majesty's", "majesty", "island", "islands", "isle", "man", "jersey", "guernsey", "summit", "policy", "paper", "updated", "published", "notice", "minutes", "agenda", "item", "items", "actions", "attendees", "attending", "apologies", "also", "new", "then", "former", "acting", "interim", "shadow", "leader", "member", "members", "mayor", "mayors", "conservative", "labour", "party", "national", "scottish-national", "sinn", "fein", "democratic", "unionist", "alliance", "liberal", "inter-ministerial", "gweinidog", "llywodraeth", "cymru", "ysgrifennydd", "prif", "weinidog", "cyfarfod", "grwp", "rhyngweinidogol", "gwir", "anrhydeddus", "cadeiriwyd", "roedd", "hefyd", "what", "when", "where", "while", "which", "following", "during", "after", "before", "today", "yesterday", "tomorrow", "in-person", "virtual",
    "lywodraeth", "gweithrediaeth", "weithrediaeth", "weinidog", "gweinidogion", "dros", "gwladol", "seneddol",
    "alban", "iwerddon", "gogledd", "senedd", "aelod", "cyngor", "cadeirydd", "swyddfa", "is-ysgrifennydd",
    "dirprwy", "canghellor", "changhellor", "cwnsler", "cyffredinol", "yr", "y", "ar", "ac", "gan", "ei", "ein",
    "fy", "mae", "bod", "mewn", "yn", "ynys", "manaw", "deyrnas", "unedig", "du", "cabinet", "prydeinig-gwyddelig",
    "sector", "gwaith", "materion", "iechyd", "cyllid", "rhynglywodraethol", "rhyng-weinidogol", "sefydlog",
    "pwyllgor", "nid", "oedd", "mynychwyd", "cynhaliwyd", "trafodwyd", "hefyd", "heddiw", "ddoe"])
