"""Translation throughput: the engine's limit, Argos' own path, and bridgebot's engine.

    python bench/bench_engine.py [--messages 500] [--argos-messages 100] [--cap 20] [--repeat 3]

Builds (by script, no download) an Argos package with the real Argos model shape — Transformer-base,
6+6 layers, d_model 512, 8 heads, ffn 2048, a 32k vocabulary — and random weights written with numpy
and `ctranslate2.specs`, int8 like the published packages. Random weights decode until the length
limit, so every path is capped at the same `--cap` tokens. Same sentences, same beam (4) everywhere,
and (a), (c), (d) measured back to back in each of `--repeat` runs: the table shows each path's best
run, and the ratios are taken within each run (median and range printed), because a shared VM's speed
drifts by ±10% from one minute to the next and a ratio across runs would measure the machine:

  (a) raw CTranslate2 `translate_batch`, best of several batch sizes: the engine's limit;
  (b) argostranslate's own `translate()`, one message per call (what other translation bots do);
  (c) bridgebot's engine, all messages submitted concurrently;
  (d) the bot end to end: a three-city partnership (two target languages), messages injected through
      the local Bot API server until every copy is sent;
and peak RSS with 1, 4 and 8 loaded pairs. Needs ~2 GB of RAM and a few minutes on 2 cores.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import random
import re
import resource
import shutil
import statistics
import tempfile
import time
import zipfile
from pathlib import Path

import ctranslate2
import numpy as np
import sentencepiece as spm

from bridgebot.translation.argos import argos, use_models_dir
from bridgebot.translation.engine import Engine

D_MODEL, HEADS, FFN, LAYERS, VOCAB = 512, 8, 2048, 6, 32000
# The same random weights installed as eight pairs from English (real codes, so groups can use them).
TARGETS = ("de", "fr", "es", "it", "nl", "pt", "pl", "sv")
BEAM = 4
SINGLES = 21  # messages translated one at a time for the idle figure
STEADY = (0.1, 0.9)  # the share of copies between which (d) is translation-bound
WORDS = (
    "the delegation arrives on monday we need two interpreters for the visit please send the budget "
    "and the agenda before friday the mayor confirmed the meeting at the town hall our school exchange "
    "starts in june with forty students the port project is late because the contract is not signed "
    "thank you for the photos from the festival can we move the workshop to thursday morning the room "
    "is booked for the cultural week and the bus leaves at nine from the station"
).split()


def messages(count: int, seed: int = 11) -> list[str]:
    """Realistic short chat messages: 3-30 words, one sentence each."""
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        length = min(30, max(3, int(rng.lognormvariate(2.3, 0.5))))
        start = rng.randrange(len(WORDS))
        words = [WORDS[(start + i) % len(WORDS)] for i in range(length)]
        out.append(" ".join(words).capitalize() + rng.choice([".", "!", "?", ""]))
    return out


def _linear(rng: np.random.Generator, spec, rows: int, cols: int) -> None:
    spec.weight = rng.normal(0, 1 / math.sqrt(cols), (rows, cols)).astype(np.float32)
    if hasattr(spec, "bias"):
        spec.bias = np.zeros(rows, dtype=np.float32)


def _norm(spec) -> None:
    spec.gamma = np.ones(D_MODEL, dtype=np.float32)
    spec.beta = np.zeros(D_MODEL, dtype=np.float32)


def _positions(length: int = 1024) -> np.ndarray:
    position = np.arange(length)[:, None]
    rates = np.exp(np.arange(0, D_MODEL, 2) * -(math.log(10000.0) / D_MODEL))
    table = np.zeros((length, D_MODEL), dtype=np.float32)
    table[:, 0::2], table[:, 1::2] = np.sin(position * rates), np.cos(position * rates)
    return table


def build_model(directory: Path, vocabulary: list[str]) -> None:
    """Transformer-base with random weights, saved as an int8 CTranslate2 model."""
    rng = np.random.default_rng(5)
    spec = ctranslate2.specs.TransformerSpec.from_config((LAYERS, LAYERS), HEADS)
    encoder, decoder = spec.encoder, spec.decoder
    encoder.embeddings[0].weight = rng.normal(0, 1, (len(vocabulary), D_MODEL)).astype(np.float32)
    decoder.embeddings.weight = rng.normal(0, 1, (len(vocabulary), D_MODEL)).astype(np.float32)
    for stack in (encoder, decoder):
        stack.position_encodings.encodings = _positions()
        _norm(stack.layer_norm)
        for layer in stack.layer:
            _norm(layer.self_attention.layer_norm)
            _linear(rng, layer.self_attention.linear[0], 3 * D_MODEL, D_MODEL)
            _linear(rng, layer.self_attention.linear[1], D_MODEL, D_MODEL)
            _norm(layer.ffn.layer_norm)
            _linear(rng, layer.ffn.linear_0, FFN, D_MODEL)
            _linear(rng, layer.ffn.linear_1, D_MODEL, FFN)
            if hasattr(layer, "attention"):
                _norm(layer.attention.layer_norm)
                _linear(rng, layer.attention.linear[0], D_MODEL, D_MODEL)
                _linear(rng, layer.attention.linear[1], 2 * D_MODEL, D_MODEL)
                _linear(rng, layer.attention.linear[2], D_MODEL, D_MODEL)
    _linear(rng, decoder.projection, len(vocabulary), D_MODEL)
    spec.register_source_vocabulary(vocabulary)
    spec.register_target_vocabulary(vocabulary)
    spec.validate()
    spec.optimize(quantization="int8")
    directory.mkdir(parents=True)
    spec.save(str(directory))


def build_package(work: Path, texts: list[str]) -> Path:
    """An .argosmodel with the random model, a real SentencePiece model and a rule MiniSBD splitter."""
    root = work / "translate-en_xx-bench"
    root.mkdir(parents=True)
    (work / "corpus.txt").write_text("\n".join(texts), encoding="utf-8")
    spm.SentencePieceTrainer.train(
        input=str(work / "corpus.txt"),
        model_prefix=str(root / "sentencepiece"),
        vocab_size=400,
        hard_vocab_limit=False,
        normalization_rule_name="identity",
        minloglevel=2,
    )
    sp = spm.SentencePieceProcessor(model_file=str(root / "sentencepiece.model"))
    pieces = [sp.id_to_piece(i) for i in range(sp.get_piece_size())]
    vocabulary = ["<blank>", "<unk>", "<s>", "</s>", *[p for p in pieces if p not in ("<unk>", "<s>", "</s>")]]
    vocabulary += [f"▁w{i}" for i in range(VOCAB - len(vocabulary))]
    build_model(root / "model", vocabulary)
    splitter = next((Path(__file__).parent.parent / "bridgebot/demo/packages").glob("en_de.argosmodel"))
    with zipfile.ZipFile(splitter) as archive:
        onnx_name = next(n for n in archive.namelist() if n.endswith(".onnx"))
        (root / "minisbd").mkdir()
        (root / "minisbd" / "en.onnx").write_bytes(archive.read(onnx_name))
    (root / "sentencepiece.vocab").unlink()
    return root


def install_as(package: Path, models: Path, source: str, target: str) -> None:
    """The same weights installed as another pair (for memory figures with several loaded pairs)."""
    folder = models / f"translate-{source}_{target}-bench"
    shutil.copytree(package, folder)
    metadata = {
        "package_version": "0",
        "argos_version": "1.9",
        "from_code": source,
        "to_code": target,
        "from_name": source,
        "to_name": target,
        "type": "translate",
    }
    (folder / "metadata.json").write_text(json.dumps(metadata))


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


class Raw:
    """(a): CTranslate2 alone on pre-tokenized input, at the batch size a sweep found best."""

    def __init__(self, package: Path, texts: list[str], cap: int) -> None:
        sp = spm.SentencePieceProcessor(model_file=str(package / "sentencepiece.model"))
        self.tokens = [sp.encode(t, out_type=str) for t in texts]
        self.cap = cap
        self.translator = ctranslate2.Translator(str(package / "model"), device="cpu", inter_threads=2, intra_threads=1)
        self.size = max((8, 16, 32, 64), key=lambda candidate: self.run(candidate)[0])

    def run(self, size: int | None = None) -> tuple[float, int]:
        """messages/s and target tokens produced."""
        started = time.perf_counter()
        results = self.translator.translate_batch(
            self.tokens,
            beam_size=BEAM,
            max_decoding_length=self.cap,
            max_batch_size=size or self.size,
            length_penalty=0.2,
        )
        elapsed = time.perf_counter() - started
        return len(self.tokens) / elapsed, sum(len(r.hypotheses[0]) for r in results)

    def single(self, index: int) -> float:
        started = time.perf_counter()
        self.translator.translate_batch(
            [self.tokens[index]], beam_size=BEAM, max_decoding_length=self.cap, length_penalty=0.2
        )
        return time.perf_counter() - started


class _Capped:
    """Argos builds its translator itself; this gives its calls the same decoding cap as the others."""

    def __init__(self, translator: ctranslate2.Translator, cap: int) -> None:
        self._translator, self._cap = translator, cap

    def translate_batch(self, *args, **kwargs):
        return self._translator.translate_batch(*args, max_decoding_length=self._cap, **kwargs)


def argos_path(texts: list[str], cap: int) -> float:
    translate = argos("translate")
    translation = translate.get_translation_from_codes("en", TARGETS[0])
    translation.translate(texts[0])  # loads the model
    underlying = getattr(translation, "underlying", translation)
    underlying.translator = _Capped(underlying.translator, cap)
    started = time.perf_counter()
    for text in texts:
        translation.translate(text)
    return len(texts) / (time.perf_counter() - started)


async def engine_path(engine: Engine, texts: list[str]) -> tuple[float, list[float]]:
    latencies: list[float] = []

    async def one(text: str) -> None:
        started = time.perf_counter()
        await engine.translate(text, [], "en", TARGETS[0])
        latencies.append(time.perf_counter() - started)

    started = time.perf_counter()
    await asyncio.gather(*(one(t) for t in texts))
    return len(texts) / (time.perf_counter() - started), latencies


class Statements:
    """Counts the SQL statements the bot's connection runs (SQLite's trace callback, in aiosqlite's
    thread): the database work per relayed message, independent of the machine's speed."""

    def __init__(self) -> None:
        self.count = 0

    def note(self, _statement: str) -> None:
        self.count += 1

    def counting(self, open_db):
        """`open_db` whose connection reports every statement it runs to this counter."""

        async def opened(path):
            conn, applied = await open_db(path)
            await conn.set_trace_callback(self.note)
            return conn, applied

        return opened


async def end_to_end(models: Path, texts: list[str], cap: int, run: int) -> tuple[float, float, int]:
    """(d): the real bot, a Leeds/Hamburg/Lyon partnership (two target languages), messages injected
    through the local Bot API server. Returns the seconds until every copy has been sent, the
    copies per second between 10% and 90% of them (the translation-bound middle of the burst, without
    the start, when updates are fetched and the first batches form, and the tail, the last sends after
    the last batch), and the SQL statements run from the first message until the last copy was sent."""
    import bridgebot.app
    from bridgebot.app import serve
    from bridgebot.config import Settings
    from bridgebot.localapi import LocalBotApi

    async with LocalBotApi() as api:
        admin = {"id": 1, "is_bot": False, "first_name": "Admin"}
        api.world.users[1] = admin
        cities = {"Leeds": "en", "Hamburg": "de", "Lyon": "fr"}
        chats = {name: api.add_group(name) for name in cities}
        for chat in chats.values():
            api.set_admin(chat["id"], 1)
        settings = Settings(
            token="1:bench-token-aaaaaaaaaaaaaaaaaaaaaa",
            telegram_base_url=api.base_url,
            data_dir=models.parent / f"bot-{run}",
            models_dir=models,
            admins=frozenset({1}),
            poll_timeout=5,
            rate_per_second=100000,
            rate_group_per_minute=1000000,
            max_decoding_length=cap,
            translation_threads=2,
            health_port=0,
        )
        stop, ready, statements = asyncio.Event(), [], Statements()
        open_db = bridgebot.app.open_db
        bridgebot.app.open_db = statements.counting(open_db)
        try:
            task = asyncio.create_task(serve(settings, stop, ready.append))
            await api.wait_for(lambda: bool(ready), 60)
        finally:
            bridgebot.app.open_db = open_db

        async def command(name: str, text: str) -> str:
            """Send a command and return the bot's reply to it."""
            message = api.send_text(chats[name]["id"], admin, text)

            def answer() -> str | None:
                for sent in api.sent(chats[name]["id"]):
                    if (sent.get("reply_to_message") or {}).get("message_id") == message["message_id"]:
                        return sent["text"]
                return None

            await api.wait_for(lambda: answer() is not None, 60)
            return answer()

        async def code_for(text: str) -> str:
            """Ask for a join code in Leeds; it arrives in the admin's private chat with the bot."""
            await command("Leeds", text)
            return re.search(r"[A-Z2-9]{4}-[A-Z2-9]{4}", api.texts(admin["id"])[-1]).group(0)

        api.press_start(admin)
        for name, lang in cities.items():
            await command(name, f"/setup {name} {lang} Europe/Berlin")
        await command("Hamburg", f"/partnership join {await code_for('/partnership new Bench')}")
        await command("Lyon", f"/partnership join {await code_for('/partnership invite')}")
        await asyncio.sleep(1)
        officer = api.add_user("Tom")
        counts = {name: api.sent_count(chats[name]["id"]) for name in ("Hamburg", "Lyon")}

        def copies() -> int:
            return sum(api.sent_count(chats[name]["id"]) - before for name, before in counts.items())

        started, counted = time.perf_counter(), statements.count
        for text in texts:
            api.send_text(chats["Leeds"]["id"], officer, text)
        marks = []
        for share in (*STEADY, 1.0):
            await api.wait_for(lambda share=share: copies() >= share * 2 * len(texts), timeout=3600)
            marks.append(time.perf_counter())
        counted = statements.count - counted
        stop.set()
        await task
    steady = (STEADY[1] - STEADY[0]) * 2 * len(texts) / (marks[1] - marks[0])
    return marks[-1] - started, steady, counted


async def main(count: int, argos_count: int, cap: int, repeat: int) -> None:
    texts = messages(count)
    words = sum(len(t.split()) for t in texts)
    work = Path(tempfile.mkdtemp(prefix="bridgebot-bench-"))
    print(f"building an Argos-shaped random package in {work} ...", flush=True)
    package = build_package(work / "build", texts)
    models = work / "models"
    models.mkdir()
    for target in TARGETS:
        install_as(package, models, "en", target)
    use_models_dir(models)
    base_rss = rss_mb()

    raw = Raw(package, texts, cap)
    argos_rate = argos_path(texts[:argos_count], cap)
    engine = Engine(models, threads=(2, 1), max_loaded=8, max_decoding_length=cap)
    await engine.translate("warm up", [], "en", TARGETS[0])
    # One message at a time, engine and raw alternating on the same messages: the median difference.
    raw_singles, engine_singles = [], []
    for index in range(SINGLES):
        raw_singles.append(raw.single(index))
        started = time.perf_counter()
        await engine.translate(texts[index], [], "en", TARGETS[0])
        engine_singles.append(time.perf_counter() - started)
    raw_single, engine_single = statistics.median(raw_singles), statistics.median(engine_singles)
    added = statistics.median(e - r for e, r in zip(engine_singles, raw_singles, strict=True))
    engine.close()
    before_engine = rss_mb()
    engine = Engine(models, threads=(2, 1), max_loaded=8, max_decoding_length=cap)
    rss = {}
    for loaded, target in enumerate(TARGETS, start=1):
        await engine.translate("warm up", [], "en", target)
        if loaded in (1, 4, 8):
            rss[loaded] = rss_mb()
    engine.close()

    # (a), (c) and (d) back to back in every run, so each run's ratios compare the same machine speed.
    runs: list[tuple[float, float, float, list[float], float]] = []
    statements: list[int] = []
    for run in range(repeat):
        raw_rate, produced = raw.run()
        engine = Engine(models, threads=(2, 1), max_loaded=8, max_decoding_length=cap)  # an empty cache
        await engine.translate("warm up", [], "en", TARGETS[0])
        engine_rate, latencies = await engine_path(engine, texts)
        engine.close()
        seconds, steady_rate, counted = await end_to_end(models, texts, cap, run)
        statements.append(counted)
        e2e_rate = 2 * len(texts) / seconds  # translations made: one per message and target language
        runs.append((raw_rate, engine_rate, e2e_rate, latencies, steady_rate))
        print(
            f"run {run + 1}: a {raw_rate:.1f}  c {engine_rate:.1f}  d {e2e_rate:.1f} "
            f"(10-90%: {steady_rate:.1f}) msg/s, "
            f"{counted / len(texts):.1f} SQL statements per relayed message",
            flush=True,
        )
    _, engine_rate, _, latencies, _ = max(runs, key=lambda r: r[1])
    raw_rate, e2e_rate, steady_rate = (max(r[i] for r in runs) for i in (0, 2, 4))
    c_ratios = sorted(r[1] / r[0] for r in runs)
    d_ratios = sorted(r[2] / r[0] for r in runs)
    steady_ratios = sorted(r[4] / r[0] for r in runs)
    e2e_seconds = 2 * len(texts) / e2e_rate

    tokens_per_message = produced / len(texts)
    print(
        f"\n{count} messages ({words / count:.1f} words each), beam {BEAM}, decoding capped at {cap} tokens, "
        f"2 cores, inter_threads 2 / intra 1; (a), (c) and (d) best of {repeat} runs"
    )
    print(f"{'path':46}{'msg/s':>9}{'tokens/s':>10}{'median ms':>11}{'p95 ms':>9}")
    print(f"{f'(a) raw translate_batch (batch {raw.size})':46}{raw_rate:9.1f}{raw_rate * tokens_per_message:10.0f}")
    print(
        f"{f'(b) argostranslate translate(), {argos_count} msgs':46}{argos_rate:9.1f}"
        f"{argos_rate * tokens_per_message:10.0f}"
    )
    print(
        f"{'(c) bridgebot engine, all concurrent':46}{engine_rate:9.1f}{engine_rate * tokens_per_message:10.0f}"
        f"{1000 * statistics.median(latencies):11.0f}{1000 * pct(latencies, 0.95):9.0f}"
    )
    print(
        f"{'(d) bot end to end, 2 target languages':46}{e2e_rate:9.1f}{e2e_rate * tokens_per_message:10.0f}"
        f"   ({len(texts)} messages -> {2 * len(texts)} copies in {e2e_seconds:.1f} s; msg/s = translations/s)"
    )
    print(
        f"{'(d) 10-90% of the copies (translation-bound)':46}{steady_rate:9.1f}{steady_rate * tokens_per_message:10.0f}"
    )
    print(
        f"\nwithin each run: c/a = {statistics.median(c_ratios):.0%} (runs {c_ratios[0]:.0%}-{c_ratios[-1]:.0%})   "
        f"d/a = {statistics.median(d_ratios):.0%} (runs {d_ratios[0]:.0%}-{d_ratios[-1]:.0%}), "
        f"10-90% {statistics.median(steady_ratios):.0%} (runs {steady_ratios[0]:.0%}-{steady_ratios[-1]:.0%})   "
        f"c/b = {engine_rate / argos_rate:.1f}x (best c over b)"
    )
    print(
        f"SQL statements per relayed message (2 copies each), from the first message to the last copy sent: "
        f"{min(statements) / len(texts):.1f} ({min(statements)} for {len(texts)}; runs "
        f"{min(statements)}-{max(statements)})"
    )
    print(
        f"one message on an idle engine (median of {SINGLES}): {1000 * engine_single:.1f} ms vs raw "
        f"{1000 * raw_single:.1f} ms, {1000 * added:+.1f} ms per message"
    )
    grown = {n: value - before_engine for n, value in rss.items()}
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"RSS before any model: {base_rss:.0f} MB. Loaded pairs add: 1 pair +{grown[1]:.0f} MB, "
        f"4 pairs +{grown[4]:.0f} MB, 8 pairs +{grown[8]:.0f} MB (process peak {peak:.0f} MB)"
    )
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--messages", type=int, default=500)
    parser.add_argument("--argos-messages", type=int, default=100)
    parser.add_argument("--cap", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=3, help="runs of (a), (c) and (d); the best of each counts")
    options = parser.parse_args()
    asyncio.run(main(options.messages, options.argos_messages, options.cap, options.repeat))
