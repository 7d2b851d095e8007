"""The laws of village and residents' pollings, stated as properties."""

from __future__ import annotations

import attrs
from hypothesis import given
from hypothesis import strategies as st

from tally import Reason, Voter, count, polling

from reference import assert_agrees
from strategies import DAY, everyone, village_elections, village_inputs


def _poll(book, roll, present, mobile, proxies):  # type: ignore[no-untyped-def]
    return polling(
        roll,
        candidates=everyone(roll, proxies),
        present=present,
        mobile=mobile,
        proxies=proxies,
        rulebook=book,
        day=DAY,
    )


@given(village_inputs())
def test_no_vote_is_counted_twice(data: tuple) -> None:
    """V-15, V-18: in person, by proxy or at a mobile box, each voter once; an accepted proxy's
    principal neither came nor used the box, and has only one proxy."""
    p = _poll(*data)
    accepted = [o.proxy.principal for o in p.proxies if o.accepted]
    assert len(accepted) == len(set(accepted))
    assert not set(accepted) & set(p.present)
    assert not set(accepted) & set(p.mobile)
    assert not set(p.present) & set(p.mobile)
    t = p.turnout
    assert t.voted == t.in_person + t.by_proxy + t.mobile <= t.registered


@given(village_inputs())
def test_a_proxy_is_exercised_only_by_an_agent_who_voted(data: tuple) -> None:
    """V-15 (issue 11): every accepted proxy's agent voted, in person or at a mobile box, with a
    vote of their own on the day; an otherwise good proxy whose agent did not vote is rejected
    for that reason."""
    _, roll, present, mobile, _ = data
    p = _poll(*data)
    voted = {v.id for v in roll if v.ineligible_on(DAY) is None} & {*present, *mobile}
    assert all(o.proxy.agent in voted for o in p.proxies if o.accepted)
    assert all(o.proxy.agent not in voted for o in p.proxies if o.reason is Reason.AGENT_DID_NOT_VOTE)


@given(village_inputs())
def test_no_agent_holds_more_proxies_than_the_cap(data: tuple) -> None:
    """V-16: no agent holds more accepted proxies than the rulebook's cap."""
    p = _poll(*data)
    cap = p.rulebook.proxy_cap
    held: dict[str, int] = {}
    for o in p.proxies:
        if o.accepted:
            held[o.proxy.agent] = held.get(o.proxy.agent, 0) + 1
    assert cap is None or all(n <= cap for n in held.values())


@given(village_inputs())
def test_rejecting_a_proxy_never_raises_the_turnout(data: tuple) -> None:
    """A rejected proxy adds nobody: the turnout is exactly those in person, at a mobile box and
    behind an accepted proxy; rejecting every proxy never gives more voters; and a proxy that
    fails on its own (not written) changes nothing for the others."""
    book, roll, present, mobile, proxies = data
    p = _poll(*data)
    t = p.turnout
    principals = [o.proxy.principal for o in p.proxies if o.accepted]
    assert t.by_proxy == len(principals)
    assert _poll(book, roll, present, mobile, []).turnout.voted <= t.voted
    oral = [attrs.evolve(x, written=False) for x in proxies[:1]]
    with_oral = _poll(book, roll, present, mobile, [*proxies[1:], *oral])
    assert with_oral.turnout.voted == _poll(book, roll, present, mobile, proxies[1:]).turnout.voted


@given(village_inputs(), st.data())
def test_adding_an_in_person_voter_never_makes_a_valid_election_invalid(data: tuple, more: st.DataObject) -> None:
    """V-19: one more registered voter voting in person never turns a valid polling invalid."""
    book, roll, present, mobile, proxies = data
    before = _poll(*data)
    principals = {o.proxy.principal for o in before.proxies if o.accepted}
    eligible = [v.id for v in roll if v.ineligible_on(DAY) is None]
    absent = [i for i in eligible if i not in present and i not in mobile and i not in principals]
    if not absent:
        return
    extra = more.draw(st.sampled_from(absent))
    after = _poll(book, roll, [*present, extra], mobile, proxies)
    assert after.turnout.voted >= before.turnout.voted
    assert not before.valid or after.valid


@given(village_elections(stage="further"))
def test_further_threshold_equals_its_integer_oracle(data: tuple) -> None:
    """V-23: in a further election (plurality-floor rulebooks) the winners are exactly those with
    `yes*3 >= ballots cast` who rank within the seats."""
    p, contest, papers = data
    r = count([contest], papers, meeting=p)
    c = r["c"]
    if not r.valid or p.rulebook.further_rule != "plurality-floor":
        return
    for w in c.elected:
        assert c.votes[w] * 3 >= r.collected
        assert c.votes[w] >= 1
    assert c.threshold == max(1, -(-r.collected // 3))


@given(village_elections())
def test_every_preset_agrees_with_the_reference_counter(data: tuple) -> None:
    """Under every village and residents' preset, the naive counter agrees with the engine."""
    p, contest, papers = data
    assert_agrees(count([contest], papers, meeting=p)["c"], contest, papers, p)


def test_age_is_judged_on_the_election_day_exactly() -> None:
    """C-4, V-5: the day before the 18th birthday, no vote; on it, a vote."""
    import datetime

    born = datetime.date(2008, 5, 21)
    for day, registered in ((datetime.date(2026, 5, 20), 0), (datetime.date(2026, 5, 21), 1)):
        p = polling(
            [Voter("A", born=born)],
            candidates=everyone([Voter("A", born=born)]),
            present=["A"],
            rulebook=_book(),
            day=day,
        )
        assert p.turnout.registered == registered


def _book():  # type: ignore[no-untyped-def]
    from tally import preset

    return attrs.evolve(preset("village-national-2018"), committee_size=None)


@given(village_elections(), st.sampled_from(["text", "markdown", "html", "json"]), st.sampled_from(["en", "zh"]))
def test_village_reports_never_fail_and_explain_every_step(data: tuple, fmt: str, lang: str) -> None:
    """Any village or residents' result renders in every format and language, the JSON against
    the shipped schema, and every step (proxies, turnout, floors) has words."""
    import json

    import jsonschema

    from tally import verify
    from tally.catalogue import describe
    from tally.records import result_to_dict, schema
    from tally.report import render

    p, contest, papers = data
    v = verify(count([contest], papers, meeting=p), {})
    assert render(v, fmt=fmt, lang=lang).strip()  # type: ignore[arg-type]
    if fmt == "json":
        jsonschema.validate(json.loads(render(v, fmt="json")), schema("result"))
    steps = [*p.steps, *v.round.steps, *(s for c in v.round.contests for s in c.steps)]
    for s in steps:  # every decision has words in both languages
        assert describe(s, lang="zh")
        assert describe(s, lang="en")
    assert result_to_dict(v)["turnout"]["voted"] == p.turnout.voted
