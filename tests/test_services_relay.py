"""The router's rules, on the `Relay` service itself: who gets a copy, and what each copy says."""

from __future__ import annotations

from bridgebot.i18n import Catalogs
from bridgebot.services.relay import Incoming, Relay
from bridgebot.store.repository import Repository
from bridgebot.translation.engine import Engine
from tests.servicekit import engine_fixture, partnership, repo_fixture  # noqa: F401  (fixtures)

TOM = 7


def _relay(repo: Repository, engine: Engine, woken: list[int]) -> Relay:
    relay = Relay(repo, engine, Catalogs())
    relay.queued.append(woken.append)
    return relay


def _said(chat_id: int, message_id: int, text: str) -> Incoming:
    return Incoming(chat_id, message_id, TOM, "Tom", "text", text)


async def test_every_other_member_gets_one_copy_and_the_source_none(repo: Repository, engine: Engine) -> None:
    towns = await partnership(repo, "North Sea", ("Leeds", "en"), ("Hamburg", "de"), ("Dresden", "de"))
    woken: list[int] = []
    assert await _relay(repo, engine, woken).accept(_said(towns["Leeds"], 1, "Good morning!")) is not None
    assert sorted(woken) == sorted([towns["Hamburg"], towns["Dresden"]])


async def test_a_broken_group_gets_no_copy(repo: Repository, engine: Engine) -> None:
    towns = await partnership(repo, "North Sea", ("Leeds", "en"), ("Hamburg", "de"), ("Dresden", "de"))
    await repo.set_relay_broken(towns["Dresden"], "bot removed")
    woken: list[int] = []
    await _relay(repo, engine, woken).accept(_said(towns["Leeds"], 1, "Good morning!"))
    assert woken == [towns["Hamburg"]]


async def test_nothing_reaches_a_group_outside_the_partnership(repo: Repository, engine: Engine) -> None:
    north = await partnership(repo, "North Sea", ("Leeds", "en"), ("Hamburg", "de"))
    south = await partnership(repo, "Pacific", ("Guadalajara", "es"), ("Hangzhou", "zh"), first_chat=-200)
    woken: list[int] = []
    relay = _relay(repo, engine, woken)
    await relay.accept(_said(north["Leeds"], 1, "Good morning!"))
    await relay.accept(_said(south["Guadalajara"], 1, "¡Buenos días!"))
    assert woken == [north["Hamburg"], south["Hangzhou"]]


async def test_a_group_in_no_partnership_relays_nothing(repo: Repository, engine: Engine) -> None:
    await repo.save_group(-300, "Bremen group", "Bremen", "de", "Europe/Berlin")
    woken: list[int] = []
    assert await _relay(repo, engine, woken).accept(_said(-300, 1, "Guten Morgen!")) is None
    assert woken == []


async def test_the_same_message_twice_is_relayed_once(repo: Repository, engine: Engine) -> None:
    towns = await partnership(repo, "North Sea", ("Leeds", "en"), ("Hamburg", "de"))
    woken: list[int] = []
    relay = _relay(repo, engine, woken)
    assert await relay.accept(_said(towns["Leeds"], 1, "Good morning!")) is not None
    assert await relay.accept(_said(towns["Leeds"], 1, "Good morning!")) is None
    assert woken == [towns["Hamburg"]]


async def test_groups_sharing_a_language_share_one_translation(repo: Repository, engine: Engine) -> None:
    towns = await partnership(
        repo, "North Sea", ("Leeds", "en"), ("Hamburg", "de"), ("Dresden", "de"), ("Guadalajara", "es")
    )
    relay = _relay(repo, engine, [])
    source_id = await relay.accept(_said(towns["Leeds"], 1, "The bridge is open."))
    source = await repo.source(source_id)
    copies = {city: await relay.render(source, towns.groups[city]) for city in ("Hamburg", "Dresden", "Guadalajara")}
    await relay.close()
    assert copies["Hamburg"].text.text == copies["Dresden"].text.text
    assert "die brücke ist offen" in copies["Hamburg"].text.text.lower()
    assert engine.messages_translated[("en", "de")] == 1 and engine.messages_translated[("en", "es")] == 1


async def test_the_copy_names_the_author_and_city_and_keeps_the_original(repo: Repository, engine: Engine) -> None:
    towns = await partnership(repo, "North Sea", ("Leeds", "en"), ("Hamburg", "de"))
    relay = _relay(repo, engine, [])
    source = await repo.source(await relay.accept(_said(towns["Leeds"], 1, "Good morning!")))
    rendered = await relay.render(source, towns.groups["Hamburg"])
    await relay.close()
    assert rendered.text.text.split("\n") == ["Tom · Leeds", "Guten Morgen!", "Good morning!"]
