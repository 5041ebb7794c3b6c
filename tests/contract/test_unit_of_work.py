"""UnitOfWork: writes to several stores commit together or not at all."""

from __future__ import annotations

import pytest

from bot.app.stores import Stores
from bot.domain.model import Kind
from bot.ports.entries import EntryQuery
from tests.contract.conftest import entry, table_rows


class Boom(Exception):
    pass


def test_an_error_rolls_back_every_store_written_in_the_block(stores: Stores) -> None:
    with pytest.raises(Boom), stores.uow.atomic():
        created, _ = stores.entries.create(entry())
        stores.audit.record(actor="webchat:anna", action="create", ref=created.ref)
        stores.dialogues.delete("webchat:anna")
        stores.reminders.set_status(1, "done")
        raise Boom
    assert stores.entries.get(Kind.NEED, 1) is None
    assert stores.entries.find(EntryQuery())[1] == 0
    assert table_rows(stores, "audit") == []


def test_a_block_that_ends_commits_everything_once(stores: Stores) -> None:
    with stores.uow.atomic():
        created, _ = stores.entries.create(entry())
        stores.audit.record(actor="webchat:anna", action="create", ref=created.ref)
    assert stores.entries.get(Kind.NEED, 1) is not None
    assert [r["ref"] for r in table_rows(stores, "audit")] == ["BEH-1"]


def test_an_inner_block_that_fails_undoes_only_its_own_writes(stores: Stores) -> None:
    with stores.uow.atomic():
        stores.audit.record(actor="a", action="outer")
        with pytest.raises(Boom), stores.uow.atomic():
            stores.audit.record(actor="a", action="inner")
            stores.entries.create(entry())
            raise Boom
        stores.audit.record(actor="a", action="after")
    assert [r["action"] for r in table_rows(stores, "audit")] == ["outer", "after"]
    assert stores.entries.get(Kind.NEED, 1) is None
