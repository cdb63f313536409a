"""Onboarding and glossary rules on the services themselves: setup, join codes, leaving, terms."""

from __future__ import annotations

from datetime import timedelta

from bridgebot.services.glossary import Glossary
from bridgebot.services.onboarding import CODE_TTL, Onboarding
from bridgebot.services.refusal import Refusal
from bridgebot.store.repository import Repository
from tests.servicekit import ADMIN, BOT_ADMIN, MEMBER, NOW, partnership, refused, repo_fixture  # noqa: F401  (fixtures)

HAMBURG, LEEDS, DRESDEN = -100, -101, -102


class Clock:
    def __init__(self) -> None:
        self.now = NOW

    def __call__(self):
        return self.now


async def _codes(onboarding: Onboarding) -> list[str]:
    """Start a partnership from Hamburg; returns the code list that `send_code` fills."""
    handed: list[str] = []

    async def send_code(name: str, code: str) -> None:
        handed.append(code)

    await onboarding.setup(ADMIN, HAMBURG, "Hamburg group", ["Hamburg", "de"])
    await onboarding.new_partnership(BOT_ADMIN, HAMBURG, ["North", "Sea"], send_code)
    return handed


async def test_setup_reads_city_language_and_time_zone_from_the_right(repo: Repository) -> None:
    onboarding = Onboarding(repo, clock=lambda: NOW)
    group, defaulted = await onboarding.setup(ADMIN, LEEDS, "t", ["Newcastle", "upon", "Tyne", "en", "Europe/London"])
    assert (group.city, group.lang, group.tz, defaulted) == ("Newcastle upon Tyne", "en", "Europe/London", False)
    group, defaulted = await onboarding.setup(ADMIN, HAMBURG, "t", ["Hamburg", "German"])
    assert (group.lang, group.tz, defaulted) == ("de", "UTC", True)


async def test_setup_refuses_bad_input_and_stores_nothing(repo: Repository) -> None:
    onboarding = Onboarding(repo, clock=lambda: NOW)
    assert await refused(onboarding.setup(MEMBER, LEEDS, "t", ["Leeds", "en"])) == "error-chat-admin-only"
    assert await refused(onboarding.setup(ADMIN, LEEDS, "t", ["Leeds"])) == "usage-setup"
    assert await refused(onboarding.setup(ADMIN, LEEDS, "t", ["Leeds", "klingon"])) == "error-bad-language"
    assert await refused(onboarding.setup(ADMIN, LEEDS, "t", ["Leeds", "en", "Mars/Base"])) == "error-bad-timezone"
    assert await refused(onboarding.setup(ADMIN, LEEDS, "t", ["\u200b", "en"])) == "error-name-empty"
    assert await repo.group(LEEDS) is None


async def test_a_join_code_links_one_group_and_only_once(repo: Repository) -> None:
    onboarding = Onboarding(repo, clock=lambda: NOW)
    (code,) = await _codes(onboarding)
    for chat_id, city in ((LEEDS, "Leeds"), (DRESDEN, "Dresden")):
        await onboarding.setup(ADMIN, chat_id, "t", [city, "en"])
    assert (await onboarding.join(ADMIN, LEEDS, [code.lower()])).name == "North Sea"
    assert await refused(onboarding.join(ADMIN, DRESDEN, [code])) == "error-code-used"
    assert (await repo.group(DRESDEN)).partnership_id is None


async def test_a_join_code_expires(repo: Repository) -> None:
    clock = Clock()
    onboarding = Onboarding(repo, clock=clock)
    (code,) = await _codes(onboarding)
    await onboarding.setup(ADMIN, LEEDS, "t", ["Leeds", "en"])
    clock.now = NOW + CODE_TTL + timedelta(seconds=1)
    assert await refused(onboarding.join(ADMIN, LEEDS, [code])) == "error-code-expired"
    assert await refused(onboarding.join(ADMIN, LEEDS, ["ABCD-EFGH"])) == "error-code-unknown"


async def test_a_code_dies_when_the_group_it_was_asked_in_leaves(repo: Repository) -> None:
    onboarding = Onboarding(repo, clock=lambda: NOW)
    (first,) = await _codes(onboarding)
    await onboarding.setup(ADMIN, LEEDS, "t", ["Leeds", "en"])
    await onboarding.join(ADMIN, LEEDS, [first])
    handed: list[str] = []

    async def send_code(name: str, code: str) -> None:
        handed.append(code)

    await onboarding.invite(ADMIN, LEEDS, send_code)
    assert (await onboarding.leave(ADMIN, LEEDS)).name == "North Sea"
    assert (await repo.group(LEEDS)).partnership_id is None
    await onboarding.setup(ADMIN, DRESDEN, "t", ["Dresden", "de"])
    assert await refused(onboarding.join(ADMIN, DRESDEN, handed)) in {"error-code-unknown", "error-code-used"}
    assert (await repo.group(DRESDEN)).partnership_id is None


async def test_only_an_admin_joins_or_leaves_and_only_a_member_can_leave(repo: Repository) -> None:
    onboarding = Onboarding(repo, clock=lambda: NOW)
    (code,) = await _codes(onboarding)
    await onboarding.setup(ADMIN, LEEDS, "t", ["Leeds", "en"])
    assert await refused(onboarding.join(MEMBER, LEEDS, [code])) == "error-chat-admin-only"
    assert await refused(onboarding.leave(ADMIN, LEEDS)) == "error-no-partnership"
    await onboarding.join(ADMIN, LEEDS, [code])
    assert await refused(onboarding.leave(MEMBER, LEEDS)) == "error-chat-admin-only"
    assert await refused(onboarding.join(ADMIN, LEEDS, [code])) == "error-already-in-partnership"


async def test_a_code_is_handed_over_before_anything_is_stored(repo: Repository) -> None:
    onboarding = Onboarding(repo, clock=lambda: NOW)
    await onboarding.setup(ADMIN, HAMBURG, "t", ["Hamburg", "de"])

    async def unreachable(name: str, code: str) -> None:
        raise Refusal("error-code-private-chat")

    assert await refused(onboarding.new_partnership(BOT_ADMIN, HAMBURG, ["North"], unreachable)) == (
        "error-code-private-chat"
    )
    assert (await repo.group(HAMBURG)).partnership_id is None


async def test_glossary_terms_are_added_with_translations_replaced_and_removed(repo: Repository) -> None:
    towns = await partnership(repo, "North Sea", ("Hamburg", "de"), ("Leeds", "en"))
    glossary = Glossary(repo)
    term, entries = await glossary.add(towns.partnership.id, ["Elbphilharmonie", "en=Elbe", "Philharmonic"])
    assert term == "Elbphilharmonie" and ("en", "Elbe Philharmonic") in {(e.lang, e.translation) for e in entries}
    await glossary.add(towns.partnership.id, ["Elbphilharmonie"])
    assert [(e.term, e.lang) for e in await glossary.entries(towns.partnership.id)] == [("Elbphilharmonie", "")]
    assert await refused(glossary.add(towns.partnership.id, ["HSV", "xx="])) in {"error-bad-language", "usage-glossary"}
    assert await glossary.remove(towns.partnership.id, ["Elbphilharmonie"]) == "Elbphilharmonie"
    assert await refused(glossary.remove(towns.partnership.id, ["Elbphilharmonie"])) == "error-glossary-unknown"
