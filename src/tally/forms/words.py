"""Every word the printed forms use, in Chinese and in English, in one table.

The words live in the one catalogue of tally's words (:data:`tally.catalogue.FORM_WORDS`); this
module names them for the forms. Values in braces (``{seats}``) are filled in by :func:`word`; ``{blank}``
marks a line left to fill in by hand.

>>> word("ballot-contest", "zh", title="支部委员会委员", seats=5, stage="")
'支部委员会委员　应选5名'
>>> word("ballot-contest", "en", title="Branch committee", seats=5, stage="")
'Branch committee: 5 to elect'
"""

from __future__ import annotations

from collections.abc import Mapping

from ..catalogue import FORM_WORDS

__all__ = ["WORDS", "word"]

WORDS: Mapping[str, Mapping[str, str]] = FORM_WORDS
"""Every word of the forms, by key, in ``zh`` and ``en``."""


def word(key: str, lang: str, **values: object) -> str:
    """The words for *key* in *lang*, with the values filled in. An unknown key is a bug (KeyError)."""
    text = WORDS[key][lang]
    return text.format(**values) if values else text
