"""The `team_origin` setting a pulled file carries: checked wherever a value enters,
and never able to hold a password."""
from __future__ import annotations

import pytest

from orgdesk.core.organisation import Organisation
from orgdesk.core.settings import TEAM_ORIGIN_SETTING, InvalidSetting, check_setting
from orgdesk.team.address import parse_address, public_text
from orgdesk.team.documents import Origin, origin_of, with_origin, without_origin
from orgdesk.team.errors import BadLibraryAddress


def test_an_origin_is_a_server_a_project_and_a_version() -> None:
    good = {"server": "postgresql+psycopg://anna@db/orgdesk", "project": "客户", "version": 3}
    check_setting(TEAM_ORIGIN_SETTING, good)
    for bad in ({**good, "version": 0}, {**good, "version": "3"}, {**good, "project": " "},
                {**good, "extra": 1}, [], {"server": "x"}):
        with pytest.raises(InvalidSetting):
            check_setting(TEAM_ORIGIN_SETTING, bad)


def test_an_origin_never_holds_a_password() -> None:
    with pytest.raises(InvalidSetting, match="password"):
        check_setting(TEAM_ORIGIN_SETTING, {"server": "postgresql://anna:secret@db/orgdesk",
                                            "project": "p", "version": 1})
    with pytest.raises(InvalidSetting):
        Organisation(settings={TEAM_ORIGIN_SETTING: {
            "server": "postgresql://anna:secret@db/orgdesk", "project": "p", "version": 1}})


def test_the_address_shown_or_stored_drops_the_password() -> None:
    address = parse_address("postgresql://anna:s3cret@db.example:6543/orgdesk?sslmode=verify-full")
    assert address.shown == ("postgresql+psycopg://anna@db.example:6543/orgdesk"
                             "?sslmode=verify-full")
    assert "s3cret" not in repr(address) and "s3cret" not in str(address)
    assert address.url.password == "s3cret"  # kept in memory for the connection only
    assert "s3cret" not in public_text(address.url)


@pytest.mark.parametrize("text", ["", "sqlite:///x.db", "postgresql://anna@db", "::"])
def test_addresses_orgdesk_cannot_use_are_sentences(text: str,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ORGDESK_LIBRARY_URL", raising=False)
    with pytest.raises(BadLibraryAddress):
        parse_address(text)


def test_origin_round_trip_and_removal() -> None:
    org = with_origin(Organisation(), Origin("postgresql+psycopg://a@h/d", "p", 7))
    assert origin_of(org) == Origin("postgresql+psycopg://a@h/d", "p", 7)
    assert origin_of(without_origin(org)) is None
    assert origin_of(org) is not None  # the copy, not the original, lost it
