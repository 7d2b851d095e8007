"""Every rulebook field names the rules it implements."""

import attrs

from tally import Rulebook
from tally._rulebook import FIELD_RULES


def test_every_field_has_its_rule_ids() -> None:
    """FIELD_RULES covers every field but the id, kind and title."""
    assert set(FIELD_RULES) == {f.name for f in attrs.fields(Rulebook)} - {"id", "kind", "title"}
