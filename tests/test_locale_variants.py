"""Cities register with the regional code their officials know (pt-BR, zh-Hant, zh-TW) and get their
language's interface, through the real bot."""

from __future__ import annotations

import aiosqlite
import pytest

from bridgebot.localapi import LocalBotApi
from tests.conftest import RunningBot, Scenario


async def _stored_language(bot: RunningBot, chat_id: int) -> str:
    async with aiosqlite.connect(bot.settings.db_path) as db:
        (lang,) = await (await db.execute("SELECT lang FROM groups WHERE chat_id = ?", (chat_id,))).fetchone()
    return lang


@pytest.mark.parametrize("code", ["pt-BR", "pt_PT", "pt-br"])
async def test_a_brazilian_city_registered_as_pt_br_reads_portuguese_and_translates_with_pt_models(
    bot: RunningBot, api: LocalBotApi, story: Scenario, code: str
) -> None:
    curitiba = story.city("Curitiba", "pt")
    done = (await story.say(curitiba, curitiba.admin, f"/setup Curitiba {code} America/Sao_Paulo"))[0]
    assert done.startswith("✅ Este grupo agora representa Curitiba: idioma português")
    assert (await story.say(curitiba, curitiba.admin, "/help"))[0].startswith("O bridgebot conecta")
    assert await _stored_language(bot, curitiba.id) == "pt"  # the code Argos' pt models are installed under


@pytest.mark.parametrize("code", ["zh-Hant", "zh-TW", "繁體中文"])
async def test_a_taiwanese_city_reads_traditional_chinese(
    bot: RunningBot, api: LocalBotApi, story: Scenario, code: str
) -> None:
    taipei = story.city("Taipei", "zt")
    done = (await story.say(taipei, taipei.admin, f"/setup Taipei {code} Asia/Taipei"))[0]
    assert done.startswith("✅ 本群現在代表 Taipei")
    shown = (await story.say(taipei, taipei.admin, "/help"))[0]
    assert "夥伴關係" in shown and "伙伴关系" not in shown
    assert await _stored_language(bot, taipei.id) == "zt"  # Argos' Traditional Chinese models
