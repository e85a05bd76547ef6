"""Is the article's person this official candidate? Names as the two sources spell them.

The article writes "Jon Ashworth" for Jonathan Ashworth, "Azhar Iqbal Chohan" for Azhard
Chohan, "Muhammed Ali Islam" for Muhammed Islam. Within one seat there are few candidates,
so a surname match and compatible first names are enough, and nothing looser is tried.
"""

from __future__ import annotations

import re
import unicodedata

from rapidfuzz import fuzz

FIRST_NAME_SIMILARITY = 80


def name_words(name: str) -> list[str]:
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z]+", " ", folded).split()


def same_person(article_name: str, official_first: str, official_surname: str) -> bool:
    article = name_words(article_name)
    first, surname = name_words(official_first), name_words(official_surname)
    if not article or not surname:
        return False
    if article[-len(surname) :] != surname and article[-1] != surname[-1]:
        return False
    if not first:
        return True
    return _first_names_agree(article[0], first[0])


def _first_names_agree(article: str, official: str) -> bool:
    """'jon'/'jonathan', 'azhar'/'azhard', or the same name."""
    if article == official or official.startswith(article) or article.startswith(official):
        return True
    return fuzz.ratio(article, official) >= FIRST_NAME_SIMILARITY
