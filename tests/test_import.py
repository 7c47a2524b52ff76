"""Importing registration exports: real formats, bad files, re-imports, the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from models import Attendee
from web.services.importing import analyse
from web.services.importing.mapping import guess_field

FIXTURES = Path(__file__).parent / "fixtures" / "imports"


@pytest.fixture
def event_id(app, make_event) -> int:  # type: ignore[no-untyped-def]
    return make_event(app, None, slug="summit")


def attendees(app) -> dict[str, Attendee]:  # type: ignore[no-untyped-def]
    with app.extensions["cg_sessions"]() as session:
        return {a.email: a for a in session.scalars(sa.select(Attendee))}


def run_import(runner, *args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(args=["import", "summit", *args])


def test_eventbrite_report_with_custom_questions(app, runner, event_id) -> None:  # type: ignore[no-untyped-def]
    result = run_import(runner, str(FIXTURES / "eventbrite_attendees.csv"))
    assert result.exit_code == 0, result.output
    assert "Eventbrite attendee report" in result.output
    assert "5 new, 0 updated, 0 unchanged, 1 skipped" in result.output
    people = attendees(app)
    assert "ravi.shah@example.org" not in people  # "Not Attending"
    amara = people["amara.okafor@example.org"]
    assert amara.name == "Amara Okafor"
    assert (amara.job_title, amara.company) == ("Climate Scientist", "Carbon Lab")
    assert amara.headline == "Climate Scientist at Carbon Lab"
    assert amara.interests == ["carbon capture", "soil carbon", "MRV"]
    assert amara.looking_for == ["A technical co-founder, ideally someone who has built hardware"]
    assert amara.offering == ["Research on soil carbon measurement"]
    assert amara.personal_interests == ["Trail running", "birdwatching"]
    assert amara.external_id == "1402345001"
    assert amara.extra == {"Dietary requirements": "Vegetarian"}
    jonas = people["jonas.mueller@example.org"]  # lower-cased key
    assert jonas.name == "Jonas Müller"
    assert jonas.looking_for == ["Investors for our seed round", "Pilot customers in housing"]
    sofia = people["sofia.garcia@example.org"]
    assert sofia.interests == ["climate fintech", '"deep tech" funds']
    assert sofia.extra["Dietary requirements"].startswith("=HYPERLINK")  # kept as text
    for person in people.values():  # contact and payment data are not kept
        assert "+49" not in repr(person.extra) and "Torstraße" not in repr(person.extra)
        assert len(person.badge_token) >= 32 and len(person.private_token_hash) == 64
        assert person.listed and not person.share_email
    assert len({p.badge_token for p in people.values()}) == 5
    assert len({p.private_token_hash for p in people.values()}) == 5


def test_luma_export_with_api_id(app, runner, event_id) -> None:  # type: ignore[no-untyped-def]
    result = run_import(runner, str(FIXTURES / "luma_guests_api_id.csv"))
    assert result.exit_code == 0, result.output
    assert "Luma guest list" in result.output
    people = attendees(app)
    assert set(people) == {"maya@example.com", "tom.becker@example.com", "noah@example.com"}
    maya = people["maya@example.com"]
    assert maya.external_id == "gst-4Tq2xYc1AbCdEf1"
    assert maya.about == "A marketplace for reused building materials"
    assert maya.interests == ["circular economy", "construction", "marketplaces"]
    assert maya.looking_for == ["Architects and contractors to pilot with"]
    assert maya.links == ["https://www.linkedin.com/in/mayachen"]
    assert people["tom.becker@example.com"].interests == ["battery recycling", "materials science"]
    assert people["noah@example.com"].name == "Noah Williams"


def test_luma_export_with_guest_id_and_bom(app, runner, event_id) -> None:  # type: ignore[no-untyped-def]
    result = run_import(runner, str(FIXTURES / "luma_guests_guest_id.csv"))
    assert result.exit_code == 0, result.output
    people = attendees(app)
    ana = people["ana.souza@example.net"]
    assert ana.external_id == "gst-9Zk1"  # the BOM does not hide the first column
    assert (ana.company, ana.job_title) == ("Solar Coop", "Community organiser")
    assert ana.offering == ["Community energy know-how"]
    assert ana.personal_interests == ["Surfing", "pottery"]
    assert "zoe@example.net" in people and people["zoe@example.net"].name == "Zoë Ahmed"
    assert all("lu.ma/check-in" not in repr(p.extra) for p in people.values())


def test_generic_csv(app, runner, event_id) -> None:  # type: ignore[no-untyped-def]
    result = run_import(runner, str(FIXTURES / "generic.csv"))
    assert result.exit_code == 0, result.output
    grace = attendees(app)["grace@example.edu"]
    assert grace.headline == "Compiler pioneer"
    assert grace.organizations == ["Harvard", "Yale"]
    assert grace.offering == ["career advice", "COBOL"]
    assert grace.about == "Working on making computers speak English."
    assert grace.links == ["https://www.linkedin.com/in/grace"]
    assert grace.extra == {"T-shirt size": "M"}


def test_windows_1252_file_imports_with_a_warning(app, runner, event_id) -> None:  # type: ignore[no-untyped-def]
    result = run_import(runner, str(FIXTURES / "generic_cp1252.csv"))
    assert result.exit_code == 0, result.output
    assert "Windows-1252" in result.output
    people = attendees(app)
    assert people["jose@example.es"].name == "José Núñez"
    assert people["zoe@example.fr"].interests == ["économie circulaire"]


def test_semicolon_separated_file(app, runner, event_id) -> None:  # type: ignore[no-untyped-def]
    assert run_import(runner, str(FIXTURES / "generic_semicolon.csv")).exit_code == 0
    anna = attendees(app)["anna@example.se"]
    assert anna.name == "Anna Berg" and anna.interests == ["wind power", "hydrogen"]


@pytest.mark.parametrize(
    ("fixture", "message"),
    [
        ("bad_missing_email.csv", "No column holds the email address"),
        ("bad_duplicate_emails.csv", "Row 4: the email ada@example.org is already in row 2."),
        ("bad_broken_quoting.csv", "Row 3 (line 4 of the file): the quoting is broken"),
        ("bad_wrong_encoding.csv", "not readable text"),
        ("bad_empty.csv", "The file is empty."),
        ("bad_header_only.csv", "header row but no attendee rows"),
    ],
)
def test_bad_files_give_clear_errors_and_import_nothing(
    app, runner, event_id, fixture: str, message: str, count
) -> None:  # type: ignore[no-untyped-def]
    result = run_import(runner, str(FIXTURES / fixture))
    assert result.exit_code == 1
    assert message in result.output
    assert "Traceback" not in result.output
    assert count(app, Attendee) == 0


def test_every_bad_row_is_reported_with_its_number(app, runner, event_id) -> None:  # type: ignore[no-untyped-def]
    result = run_import(runner, str(FIXTURES / "bad_duplicate_emails.csv"))
    assert "Row 5: the name is missing" in result.output
    assert "Row 6: the email “not-an-email” is not valid" in result.output
    assert "Nothing was imported (3 bad rows)." in result.output


def test_over_long_values_are_row_errors(app, runner, event_id, tmp_path, count) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "long.csv"
    path.write_text(f"name,email,job_title\nAda,ada@x.org,Boss\nBo,bo@x.org,{'x' * 201}\n")
    result = run_import(runner, str(path))
    assert result.exit_code == 1
    assert "Row 3: the job title is longer than 200 characters (201)." in result.output
    assert count(app, Attendee) == 0


def test_reimport_updates_instead_of_duplicating(app, runner, event_id, tmp_path, count) -> None:  # type: ignore[no-untyped-def]
    first = tmp_path / "first.csv"
    first.write_text(
        "name,email,interests,looking_for\n"
        "Ada Lovelace,Ada@Example.org,mathematics,a co-founder\n"
        "Bo Chen,bo@example.org,art,\n"
    )
    assert run_import(runner, str(first)).exit_code == 0
    before = attendees(app)
    second = tmp_path / "second.csv"
    second.write_text(
        "name,email,interests,looking_for\n"
        "Ada Lovelace,ada@example.org,mathematics;poetry,\n"  # empty cell: keeps the goal
        "Bo Chen,BO@example.org,art,\n"
        "Cy Diaz,cy@example.org,music,\n"
    )
    result = run_import(runner, str(second))
    assert "1 new, 1 updated, 1 unchanged" in result.output, result.output
    after = attendees(app)
    assert count(app, Attendee) == 3
    ada = after["ada@example.org"]
    assert ada.interests == ["mathematics", "poetry"]
    assert ada.looking_for == ["a co-founder"]
    assert ada.id == before["ada@example.org"].id
    assert ada.badge_token == before["ada@example.org"].badge_token
    assert ada.profile_version == before["ada@example.org"].profile_version + 1
    assert after["bo@example.org"].profile_version == before["bo@example.org"].profile_version


def test_import_updates_a_self_signed_up_attendee(  # type: ignore[no-untyped-def]
    app, runner, event_id, tmp_path, make_attendees, count
) -> None:
    make_attendees(app, event_id, [{"email": "ada@example.org", "name": "Ada", "about": "Hi"}])
    path = tmp_path / "list.csv"
    path.write_text("name,email,company\nAda Lovelace,ADA@example.org,Engines Ltd\n")
    assert run_import(runner, str(path)).exit_code == 0
    ada = attendees(app)["ada@example.org"]
    assert (ada.name, ada.company, ada.about) == ("Ada Lovelace", "Engines Ltd", "Hi")
    assert count(app, Attendee) == 1


def test_dry_run_saves_nothing(app, runner, event_id, count) -> None:  # type: ignore[no-untyped-def]
    result = run_import(runner, str(FIXTURES / "generic.csv"), "--dry-run")
    assert result.exit_code == 0, result.output
    assert "Dry run: 3 attendees would be imported (3 new, 0 updated)" in result.output
    assert count(app, Attendee) == 0


def test_map_option_overrides_the_guess(app, runner, event_id, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "custom.csv"
    path.write_text("Full Name,Contact,Dream project\nAda,ada@x.org,an analytical engine\n")
    assert "No column holds the email" in run_import(runner, str(path)).output
    result = run_import(runner, str(path), "--map", "contact=email", "--map", "Dream project=about")
    assert result.exit_code == 0, result.output
    ada = attendees(app)["ada@x.org"]
    assert ada.about == "an analytical engine" and ada.extra == {}
    bad = run_import(runner, str(path), "--map", "Nope=email")
    assert bad.exit_code == 1 and "has no column 'Nope'" in bad.output
    bad = run_import(runner, str(path), "--map", "Contact=phone")
    assert bad.exit_code == 1 and "unknown field 'phone'" in bad.output


def test_unknown_event_is_a_clear_error(runner) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(args=["import", "nope", str(FIXTURES / "generic.csv")])
    assert (
        result.exit_code == 1 and "There is no event with the short name 'nope'." in result.output
    )


def test_custom_questions_are_mapped_by_their_wording() -> None:
    plan = analyse(FIXTURES / "eventbrite_attendees.csv")
    by_header = {c.header: c.field for c in plan.columns}
    assert by_header["What topics do you want to talk about?"] == "interests"
    assert by_header["What are you hoping to get out of the summit?"] == "looking_for"
    assert by_header["What can you offer other attendees?"] == "offering"
    assert by_header["Hobbies outside of work"] == "personal_interests"
    assert by_header["Dietary requirements"] == "extra"
    assert by_header["Cell Phone"] == "ignore" and by_header["Home Address 1"] == "ignore"
    assert by_header["Order #"] == "ignore" and by_header["Attendee #"] == "external_id"


def test_a_bad_row_after_written_batches_leaves_nothing(  # type: ignore[no-untyped-def]
    app, runner, event_id, tmp_path, make_attendees, count
) -> None:
    make_attendees(app, event_id, [{"email": "early@example.org", "name": "Early Bird"}])
    path = tmp_path / "late_error.csv"
    rows = [f"Person {i},p{i}@example.org" for i in range(2500)]
    path.write_text(
        "name,email\n"
        + "\n".join([*rows, "Broken,not-an-email", "Early Bird,early@example.org"])
        + "\n"
    )
    result = run_import(runner, str(path))
    assert result.exit_code == 1
    assert "Row 2502: the email “not-an-email” is not valid" in result.output
    assert count(app, Attendee) == 1  # the 2,500 rows written before the bad one are gone
    assert attendees(app)["early@example.org"].name == "Early Bird"


def test_import_and_reimport_on_sqlite_and_postgresql(
    app_factory, fake_encoder, database_url, tmp_path, make_event, count
) -> None:  # type: ignore[no-untyped-def]
    app = app_factory(database_url=database_url, encoder=fake_encoder)
    make_event(app, None, slug="summit")
    runner = app.test_cli_runner()
    assert run_import(runner, str(FIXTURES / "eventbrite_attendees.csv")).exit_code == 0
    changed = tmp_path / "changed.csv"
    changed.write_text(
        "email,name,interests\n"
        "amara.okafor@example.org,Amara Okafor,ocean carbon\n"
        "new@example.org,New Person,\n"
    )
    result = run_import(runner, str(changed))
    assert "1 new, 1 updated, 0 unchanged" in result.output, result.output
    people = attendees(app)
    assert len(people) == 6
    assert people["amara.okafor@example.org"].interests == ["ocean carbon"]
    assert people["amara.okafor@example.org"].extra == {"Dietary requirements": "Vegetarian"}
    assert run_import(runner, str(FIXTURES / "bad_duplicate_emails.csv")).exit_code == 1
    assert count(app, Attendee) == 6


@pytest.mark.parametrize(
    ("question", "field"),
    [
        ("What are you looking for?", "looking_for"),
        ("Who would you like to meet?", "looking_for"),
        ("What challenges are you facing?", "looking_for"),
        ("What can you offer?", "offering"),
        ("How can you help other attendees?", "offering"),
        ("Interests", "interests"),
        ("What topics would you like to discuss?", "interests"),
        ("Hobbies", "personal_interests"),
        ("What do you do for fun?", "personal_interests"),
        ("Which organizations have you worked for?", "organizations"),
        ("Where did you study?", "organizations"),
        ("Tell us about yourself", "about"),
        ("What are you working on right now?", "about"),
        ("Company / Organization", "company"),
        ("LinkedIn profile URL", "links"),
        ("Dietary restrictions", "extra"),
        ("Mobile number", "ignore"),
        ("Billing address", "ignore"),
    ],
)
def test_question_wording_maps_to_profile_fields(question: str, field: str) -> None:
    assert guess_field(question) == field


def test_goal_answers_are_split_into_items_like_interests(app, runner, event_id) -> None:  # type: ignore[no-untyped-def]
    result = run_import(runner, str(FIXTURES / "luma_goals_with_commas.csv"))
    assert result.exit_code == 0, result.output
    people = attendees(app)
    lena, omar, priya = (people[f"{n}@example.com"] for n in ("lena", "omar", "priya"))
    assert lena.looking_for == ["seed investors", "a CTO"]
    assert lena.offering == ["mentoring", "advice on hardware supply chains and intros"]
    assert lena.interests == ["energy storage", "flow batteries"]
    assert omar.looking_for == ["climate hardware founders raising pre-seed/seed"]
    assert omar.offering == [
        "seed investment in climate hardware, ideally pre-revenue teams",
        "board experience",
    ]
    assert priya.looking_for == [
        "startups in energy, water and food",
        "pilot sites for 1,000 homes",
    ]
    assert priya.offering == ["Rust, Go and Python engineers", "customer introductions"]


@pytest.mark.parametrize(
    ("answer", "items"),
    [
        ("seed investors, a CTO", ["seed investors", "a CTO"]),
        (
            "seed investors, a CTO, and pilot customers",
            ["seed investors", "a CTO", "pilot customers"],
        ),
        ("mentoring, advice and intros", ["mentoring", "advice", "intros"]),
        ("co-founder, CTO", ["co-founder", "CTO"]),
        ("1,000 beta users, a designer", ["1,000 beta users", "a designer"]),
        ("investors (seed, Series A), advisors", ["investors (seed, Series A)", "advisors"]),
        ("introductions to investors, customers and partners", None),
        ("partners in Germany, Austria, and Switzerland", None),
        ("a co-founder, ideally someone who has built hardware", None),
        ("angel investors, e.g., former founders", None),
        ("climate hardware founders raising pre-seed/seed", None),
        # Qualifiers in the other languages people write in stay with their item.
        ("projekty freelance UX, najchętniej edtech dla dzieci i młodzieży", None),
        ("un·e CTO, idéalement avec une expérience hardware", None),
        ("Partner für Pilotprojekte, am liebsten in Sachsen", None),
        ("investeerders, bij voorkeur met impactfocus", None),
        ("socios industriales, preferiblemente en Aragón", None),
        ("un mentore, soprattutto nel food", None),
        ("investidores, de preferência em fase seed", None),
        ("Partner für Pilotprojekte, Investoren", ["Partner für Pilotprojekte", "Investoren"]),
        # A relative clause qualifies the item before it: "déi de Lead huelen" (who take
        # the lead) was a need of its own on a Luxembourg angel club's page.
        ("Co-Investisseuren, déi de Lead huelen bei Ronne vun iwwer €500k", None),
        ("co-investisseurs, qui prennent le lead au-delà de 500 k€", None),
        ("Investoren, die den Lead übernehmen", None),
        ("pilots in hospitals, care homes", ["pilots in hospitals", "care homes"]),
        # Where, how and how long qualify the item before them: "Vienna" alone was a need
        # met by another's "Vienna" ("You are looking for “Vienna” — they offer “Vienna”").
        ("Head of Data (VP level), Vienna", None),
        ("paid summer internship (data/product), 3 months, Vienna", None),
        ("backend role at a fintech, remote or hybrid in Amsterdam", None),
        ("Senior Product Manager, Berlin or remote", None),
        ("a data engineer, full-time, from March 2027", None),
        ("apprentissage en charpente bois (CAP), Lyon ou alentours", None),
        ("a CTO, Vienna, seed investors", ["a CTO, Vienna", "seed investors"]),
        # Countries by their codes, in capitals; a code beginning an item is no place.
        ("logistics SMEs as pilot customers, NL & BE", None),
        ("distribution partners, DE/AT/CH", None),
        ("IT security, design", ["IT security", "design"]),
        # A code that is also a trade's is a goal of its own ("HR": human resources).
        ("finance, HR", ["finance", "HR"]),
        ("sales partners, DE/IT", None),
        # A sum says how much of the goal before it: "6 millió EUR" was a need of its own
        # and the card quoted "A sorozatú befektetés" without its size.
        (
            "A sorozatú befektetés, 6 millió EUR, lead befektető",
            ["A sorozatú befektetés, 6 millió EUR", "lead befektető"],
        ),
        ("seed round, €900k", None),
        ("pre-seed investitor, cca 150.000 €", None),
        ("Series A lead, $1.5–2M, a CFO", ["Series A lead, $1.5–2M", "a CFO"]),
        ("beta testers, 3 designers", ["beta testers", "3 designers"]),
    ],
)
def test_commas_split_goals_only_between_phrases(answer: str, items: list[str] | None) -> None:
    from web.services.goal_items import split_at_commas

    assert split_at_commas(answer) == (items or [answer])


def test_a_dry_run_shows_each_goal_item_it_split(app, runner, event_id) -> None:  # type: ignore[no-untyped-def]
    result = run_import(runner, str(FIXTURES / "luma_goals_with_commas.csv"), "--dry-run")
    assert result.exit_code == 0, result.output
    assert "  Lena Fischer <lena@example.com>" in result.output
    assert "    Looking for: [seed investors] [a CTO]" in result.output
    assert "    Looking for: [climate hardware founders raising pre-seed/seed]" in result.output
    assert "Nothing was saved." in result.output
