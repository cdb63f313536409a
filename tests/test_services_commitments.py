"""Commitment rules on the `Commitments` service itself: who may record and change what, ids, due dates."""

from __future__ import annotations

from bridgebot.services.commitments import Commitments
from bridgebot.services.onboarding import Actor
from bridgebot.store.repository import Repository
from bridgebot.translation.engine import Engine
from tests.servicekit import ADMIN, MEMBER, NOW, engine_fixture, partnership, person, refused, repo_fixture  # noqa: F401  (fixtures)

OTHER = Actor(user_id=4, is_bot_admin=False, is_chat_admin=False)


async def _log(repo: Repository, engine: Engine) -> tuple[Commitments, int]:
    towns = await partnership(repo, "North Sea", ("Hamburg", "de"), ("Leeds", "en"))
    return Commitments(repo, engine, clock=lambda: NOW), towns["Leeds"]


async def test_a_member_records_a_commitment_of_their_own_with_its_due_date(repo: Repository, engine: Engine) -> None:
    log, leeds = await _log(repo, engine)
    mary = await person(repo, MEMBER.user_id, "Mary", leeds)
    change = await log.record(MEMBER, leeds, mary, None, "send the budget by Friday")
    assert change.action == "created" and change.commitment.owner_id == mary.id
    assert change.commitment.text == "send the budget"
    assert change.commitment.due_at is not None and change.commitment.due_at.date().isoformat() == "2026-12-11"


async def test_only_a_coordinator_assigns_a_commitment_to_someone_else(repo: Repository, engine: Engine) -> None:
    log, leeds = await _log(repo, engine)
    mary, tom = await person(repo, MEMBER.user_id, "Mary", leeds), await person(repo, OTHER.user_id, "Tom", leeds)
    assert await refused(log.record(MEMBER, leeds, mary, tom, "book the room")) == "error-coordinator-only"
    assert await repo.commitments((await repo.group(leeds)).partnership_id) == []
    await log.set_role(ADMIN, leeds, mary, "@mary", "coordinator")
    assert (await log.record(MEMBER, leeds, mary, tom, "book the room")).commitment.owner_id == tom.id


async def test_only_the_owner_or_a_coordinator_changes_a_commitment(repo: Repository, engine: Engine) -> None:
    log, leeds = await _log(repo, engine)
    mary = await person(repo, MEMBER.user_id, "Mary", leeds)
    number = (await log.record(MEMBER, leeds, mary, None, "book the room")).commitment.number
    assert await refused(log.change(OTHER, "Tom", leeds, "done", [str(number)])) == "error-commitment-not-yours"
    assert (await log.change(ADMIN, "Admin", leeds, "blocked", [f"#{number}", "no", "room"])).action == "blocked"
    assert (await log.change(MEMBER, "Mary", leeds, "done", [f"#{number}"])).commitment.status == "done"
    assert await refused(log.change(MEMBER, "Mary", leeds, "done", [str(number)])) == "error-commitment-already-done"


async def test_an_id_is_read_with_or_without_its_hash_and_anything_else_is_refused(
    repo: Repository, engine: Engine
) -> None:
    log, leeds = await _log(repo, engine)
    mary = await person(repo, MEMBER.user_id, "Mary", leeds)
    number = (await log.record(MEMBER, leeds, mary, None, "book the room")).commitment.number
    assert (await log.change(MEMBER, "Mary", leeds, "done", [f"#{number}"])).commitment.number == number
    assert (await log.change(MEMBER, "Mary", leeds, "reopen", [str(number)])).action == "reopened"
    for bad in ("twelve", "#", "-1", "0", "12x"):
        assert await refused(log.change(MEMBER, "Mary", leeds, "done", [bad])) == "error-commitment-id", bad
    assert await refused(log.change(MEMBER, "Mary", leeds, "done", ["999"])) == "error-commitment-unknown"


async def test_a_due_date_that_cannot_be_read_stores_nothing(repo: Repository, engine: Engine) -> None:
    log, leeds = await _log(repo, engine)
    mary = await person(repo, MEMBER.user_id, "Mary", leeds)
    created = (await log.record(MEMBER, leeds, mary, None, "book the room by Friday")).commitment
    key = await refused(log.change(MEMBER, "Mary", leeds, "due", [str(created.number), "whenever", "it", "suits"]))
    assert key.startswith("error-")
    (stored,) = await repo.commitments(created.partnership_id)
    assert stored.due_at == created.due_at


async def test_a_commitment_from_another_partnership_is_not_found(repo: Repository, engine: Engine) -> None:
    log, leeds = await _log(repo, engine)
    mary = await person(repo, MEMBER.user_id, "Mary", leeds)
    number = (await log.record(MEMBER, leeds, mary, None, "book the room")).commitment.number
    other = await partnership(repo, "Pacific", ("Guadalajara", "es"), ("Hangzhou", "zh"), first_chat=-200)
    assert await refused(log.change(ADMIN, "Ana", other["Guadalajara"], "done", [str(number)])) == (
        "error-commitment-unknown"
    )
