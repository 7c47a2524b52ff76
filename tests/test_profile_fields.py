"""The profile fields are described once (models.profile) and every channel follows them."""

from __future__ import annotations

import dataclasses

import sqlalchemy as sa

from matcher import Profile
from models import LIST_FIELDS, MATCHED_FIELDS, PROFILE_FIELDS, Attendee
from web.api.attendee_input import WRITABLE
from web.api.schemas import SCHEMAS
from web.services.importing.mapping import FIELDS as IMPORT_TARGETS
from web.services.importing.records import LABELS, LIMITS


def test_every_profile_field_is_a_column_that_holds_what_it_may_store() -> None:
    columns = sa.inspect(Attendee).columns
    for field in PROFILE_FIELDS:
        column = columns[field.name]
        if field.is_list:
            assert isinstance(column.type, sa.JSON), field.name
        elif isinstance(column.type, sa.String) and column.type.length is not None:
            assert column.type.length == field.max_length, field.name


def test_the_matcher_reads_exactly_the_matched_fields() -> None:
    profile_fields = {f.name for f in dataclasses.fields(Profile)} - {"id"}
    assert set(MATCHED_FIELDS) == profile_fields
    assert set(LIST_FIELDS) <= profile_fields


def test_the_form_asks_for_no_more_than_may_be_stored() -> None:
    for field in PROFILE_FIELDS:
        assert field.form_max_length <= field.max_length, field.name
        assert field.form_max_items <= field.max_items, field.name


def test_import_and_api_cover_every_profile_field() -> None:
    names = {f.name for f in PROFILE_FIELDS}
    assert names <= set(IMPORT_TARGETS)
    assert names <= set(LABELS)
    assert {f.name for f in PROFILE_FIELDS if not f.is_list} <= set(LIMITS)
    assert names | {"email", "extra"} == set(WRITABLE)
    assert names <= set(SCHEMAS["Attendee"]["properties"])
    assert names <= set(SCHEMAS["AttendeeInput"]["properties"])
