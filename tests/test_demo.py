"""`commonground demo`: a living event of realistic people, safe to run again."""

from __future__ import annotations

import re
from collections import Counter

import pytest
import sqlalchemy as sa

from matcher import CommonGround
from models import Attendee, Event, Suggestion
from web.services.demo import PEOPLE


def test_demo_people_are_varied_and_written_as_people_write() -> None:
    assert 50 <= len(PEOPLE) <= 80
    names = [p[0] for p in PEOPLE]
    assert len(set(names)) == len(names)
    for name, headline, interests, personal, looking, offering, orgs, about in PEOPLE:
        for text in (headline, interests, personal, looking, offering, orgs, about):
            assert text.strip(), name
            assert not re.search(r"(interest|topic|item)_?\d", text), name
    interests = Counter(i.strip() for p in PEOPLE for i in p[2].split(";"))
    # Varied: no single interest dominates, and some overlap makes matches.
    assert len(interests) > 150
    assert interests.most_common(1)[0][1] <= len(PEOPLE) // 5
    assert sum(1 for n in interests.values() if n >= 2) >= 15


def test_demo_keeps_real_signups_and_never_duplicates(
    app_factory, fake_encoder, database_url, make_public_event, sign_up, list_attendees, count
) -> None:
    app = app_factory(database_url=database_url, encoder=fake_encoder)
    runner = app.test_cli_runner()
    make_public_event(app, slug="demo", name="My demo")
    sign_up(app.test_client(), slug="demo", email="visitor@example.org", name="Visitor")
    for _ in range(2):
        result = runner.invoke(args=["demo"])
        assert result.exit_code == 0, result.output
    people = list_attendees(app, "demo")
    assert len(people) == len(PEOPLE) + 1
    assert len({a.email for a in people}) == len(people)
    assert "Visitor" in {a.name for a in people}
    assert count(app, Event) == 1


@pytest.mark.slow
def test_demo_command_is_idempotent_and_every_suggestion_has_a_reason(
    app_factory, real_encoder, open_private_link
) -> None:
    app = app_factory(encoder=real_encoder)
    runner = app.test_cli_runner()
    first = runner.invoke(args=["demo"])
    assert first.exit_code == 0, first.output
    assert "http://127.0.0.1:5000/e/demo/join" in first.output
    with app.extensions["cg_sessions"]() as session:
        before = sorted(session.scalars(sa.select(Attendee.email)))
    second = runner.invoke(args=["demo"])
    assert second.exit_code == 0, second.output
    assert f"{len(PEOPLE)} attendees" in second.output
    link = re.search(r"http://127\.0\.0\.1:5000/m/([\w-]+)", second.output)
    assert link, second.output

    with app.extensions["cg_sessions"]() as session:
        assert sorted(session.scalars(sa.select(Attendee.email))) == before
        assert session.scalar(sa.select(sa.func.count()).select_from(Event)) == 1
        rows = session.scalars(sa.select(Suggestion)).all()
    receivers = {s.attendee_id for s in rows}
    assert len(receivers) == len(PEOPLE), "everyone in the demo gets suggestions"
    for row in rows:
        cg = CommonGround.from_dict(row.detail)
        assert cg.reasons and all(r.strip() for r in cg.reasons)
        assert cg.starters
    # The printed link (the newest) shows the event through a demo person's eyes.
    client = app.test_client()
    assert open_private_link(client, link.group(1)).status_code == 302
    page = client.get("/e/demo/me").get_data(as_text=True)
    assert PEOPLE[0][0] in page
    assert page.count('class="card person"') >= 3
