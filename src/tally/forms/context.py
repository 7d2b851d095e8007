"""What every form needs of a record: its people by name, its words, and the orders of P-15 and
P-26."""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping

import attrs

from .._contest import Contest, Post
from .._meeting import Meeting
from .._polling import Polling
from .._roll import Member
from .._rulebook import Kind
from .._values import shown
from .._voters import Voter
from ..errors import Problem, RecordError
from ..records import Record
from ..strokes import stroke_key
from .page import Html, Lang, date
from .words import word

__all__ = ["APPROVED_ORDER", "Context"]

# P-15: the secretary and deputy candidates are listed in the order the higher organisation
# approved (the order of the record); every other contest by surname strokes.
APPROVED_ORDER = frozenset({Post.SECRETARY, Post.DEPUTY_SECRETARY})


@attrs.frozen
class Context:
    """A record, the language of the form and what the forms look up in them."""

    record: Record
    lang: Lang
    names: Mapping[str, str]
    places: Mapping[str, int]

    @classmethod
    def of(cls, record: Record, lang: Lang) -> Context:
        people: list[Member | Voter] = [*record.roll]
        return cls(
            record=record,
            lang=lang,
            names={p.id: p.name for p in people if p.name},
            places={p.id: i for i, p in enumerate(people)},
        )

    @property
    def party(self) -> bool:
        """A party meeting or conference (P rules), rather than a polling (V, R rules)."""
        return self.record.rulebook.kind in (Kind.PARTY_MEETING, Kind.PARTY_CONFERENCE)

    def meeting(self) -> Meeting | Polling:
        return self.record.meeting()

    def w(self, key: str, **values: object) -> str:
        """The form's words for *key* in its language."""
        return word(key, self.lang, **values)

    def name(self, who: str) -> str:
        """The name of a person, or the id where the roll gives none."""
        return self.names.get(who, who)

    def blanks(self, key: str, **values: object) -> Html:
        """The words for *key* with each ``{blank}`` a line to fill in by hand."""
        text = html.escape(self.w(key, blank="\x00", **values))
        return Html(text.replace("\x00", '<span class="fill"></span>'))

    def names_of(self, ids: Iterable[str]) -> str:
        """Names joined as a list is written: 王芳、孔伟 / 王芳, 孔伟."""
        return self.w("list-sep").join(self.name(i) for i in ids)

    @property
    def day(self) -> str:
        return date(self.record.day, self.lang)

    @property
    def title(self) -> str:
        return self.record.title or self.w("untitled")

    def contest_title(self, contest: Contest) -> str:
        return contest.title or self.w(f"post-{contest.post.value}")

    def check_names(self, ids: Iterable[str]) -> None:
        """Every person listed has a name whose strokes are known: else a
        :class:`~tally.errors.RecordError` naming each ``roll[i].name`` at once."""
        problems = []
        for who in dict.fromkeys(ids):
            where = f"roll[{self.places[who]}].name" if who in self.places else f"{who}"
            if who not in self.names:
                problems.append(Problem(where, "no-name-for-form", {"who": shown(who)}))
                continue
            try:
                stroke_key(self.names[who])
            except RecordError as error:
                problems.extend(p.at(where) for p in error.problems)
        if problems:
            raise RecordError(problems)

    def by_strokes(self, ids: Iterable[str]) -> list[str]:
        """Ids in surname-stroke order of their names (P-15, P-26); ties keep their order."""
        listed = list(ids)
        self.check_names(listed)
        return sorted(listed, key=lambda who: stroke_key(self.names[who]))

    def ballot_order(self, contest: Contest) -> list[str]:
        """P-15: the candidates as the ballot lists them."""
        if contest.post in APPROVED_ORDER:
            self.check_names(contest.candidates)
            return list(contest.candidates)
        return self.by_strokes(contest.candidates)

    def order_caption(self, contest: Contest) -> str:
        return self.w("order-approved" if contest.post in APPROVED_ORDER else "order-strokes")
