"""Entity keys: 'seat:leicester-south', 'person:jeremy-corbyn', 'place:wales'.

A Key is text wherever it travels (button data, JSON, the conversation, test tables) and
knows its kind and id: they are read here, once, not parsed by string wherever keys are used.
"""

from __future__ import annotations

from enum import StrEnum


class Kind(StrEnum):
    SEAT = "seat"
    PERSON = "person"
    PARTY = "party"
    PLACE = "place"  # a nation, a region, or a town that names several seats


class Key(str):
    __slots__ = ()

    def __new__(cls, text: str) -> Key:
        kind, colon, entity_id = text.partition(":")
        if not colon or not entity_id or kind not in Kind.__members__.values():
            raise ValueError(f"not an entity key: {text!r}")
        return super().__new__(cls, text)

    @classmethod
    def of(cls, kind: Kind, entity_id: str) -> Key:
        return cls(f"{kind}:{entity_id}")

    @property
    def kind(self) -> Kind:
        return Kind(self.partition(":")[0])

    @property
    def id(self) -> str:
        return self.partition(":")[2]

    def is_a(self, kind: Kind) -> bool:
        return self.startswith(f"{kind}:")
