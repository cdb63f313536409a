"""Rebuild the tiny, real Argos packages in bridgebot/demo/packages/.

Each package is a genuine `.argosmodel`: a SentencePiece model, a CTranslate2 model converted from a
toy MarianMT trained here on bridgebot/demo/phrases.json, and a rule-based MiniSBD sentence splitter
so translation never downloads anything. They translate their training phrases exactly, which lets
tests assert exact output through the real argostranslate/CTranslate2 code path.

Training needs torch and transformers, which the product must never depend on (torch pulls CUDA
unless pinned to the local CPU wheel). So this script makes its own virtual environment,
.venv-fixtures/, installs `torch==2.13.0` there, and re-runs itself inside it. Tests only use the
committed packages and never need torch.

A model is accepted once its int8 CTranslate2 conversion, decoded as Argos decodes (beam 4, length
penalty 0.2, with int8 and with float32 arithmetic), gives every phrase exactly. Seeds, SentencePiece
training from memory and fixed zip timestamps make a rebuild byte-identical; about 2 minutes on 2 cores.

    python scripts/build_tiny_models.py            # all pairs
    python scripts/build_tiny_models.py en de      # one pair
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv-fixtures"
OUT = ROOT / "bridgebot" / "demo" / "packages"
PHRASES = ROOT / "bridgebot" / "demo" / "phrases.json"
PAIRS = [("en", "de"), ("de", "en"), ("en", "zh"), ("zh", "en"), ("en", "es"), ("es", "en")]
MAX_STEPS = 3000
# A model is converted and checked only once every target piece outscores its runner-up by this
# much (logits, teacher forced): room for int8 rounding to differ on other CPUs.
MARGIN = 3.0
# Steps between two conversions and exact-translation checks of the model in training.
CHECK_EVERY = 200
# Share of the target history replaced with random pieces in training (robust beam search, below).
NOISE = 0.1
NAMES = {"en": "English", "de": "German", "zh": "Chinese", "es": "Spanish"}
REQUIREMENTS = ["torch==2.13.0", "transformers>=4.40,<5", "sentencepiece", "ctranslate2>=4", "onnx", "numpy"]


def ensure_venv() -> None:
    """Re-exec inside .venv-fixtures, creating it and installing the training tools first if needed."""
    python = VENV / "bin" / "python"
    if Path(sys.prefix).resolve() == VENV.resolve():
        return
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    installed = VENV / "bridgebot-requirements.txt"
    wanted = "\n".join(REQUIREMENTS) + "\n"
    if not installed.exists() or installed.read_text() != wanted:
        # torch pinned to the exact version of the local CPU wheel: a bare `torch` pulls CUDA (~6 GB).
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", *REQUIREMENTS], check=True)
        installed.write_text(wanted)
    os.execv(str(python), [str(python), __file__, *sys.argv[1:]])


def training_pairs(source: str, target: str) -> list[tuple[str, str]]:
    """Parallel phrases; a source phrase that occurs twice keeps its first meaning only."""
    seen: set[str] = set()
    pairs = []
    for row in json.loads(PHRASES.read_text(encoding="utf-8")):
        if row[source] not in seen:
            seen.add(row[source])
            pairs.append((row[source], row[target]))
    return pairs


def train_sentencepiece(texts: list[str], path: Path) -> Path:
    import io

    import sentencepiece as spm

    model = io.BytesIO()
    # From an iterator into memory: a corpus file's temporary path would end up in the model.
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(texts),
        model_writer=model,
        vocab_size=400,
        hard_vocab_limit=False,
        model_type="unigram",
        character_coverage=1.0,
        # No NFKC table (it is most of a default model's size), and text stays as written.
        normalization_rule_name="identity",
        bos_id=-1,
        eos_id=-1,
        unk_id=0,
        num_threads=1,
        minloglevel=2,
    )
    path.write_bytes(model.getvalue())
    return path


def build_model(
    pairs: list[tuple[str, str]], sp_model: Path, work: Path, seed: int, accept: Callable[[Path], bool]
) -> bool:
    """Train a toy MarianMT to memorise `pairs`, saving it (with a MarianTokenizer) to `work/hf` for
    `accept` to convert and check, until it is accepted or MAX_STEPS are done."""
    import sentencepiece as spm
    import torch
    from transformers import MarianConfig, MarianMTModel, MarianTokenizer

    torch.manual_seed(seed)
    sp = spm.SentencePieceProcessor(model_file=str(sp_model))
    pieces = [sp.id_to_piece(i) for i in range(sp.get_piece_size()) if sp.id_to_piece(i) != "<unk>"]
    vocab = {"</s>": 0, "<unk>": 1}
    for piece in pieces:
        vocab.setdefault(piece, len(vocab))
    vocab["<pad>"] = len(vocab)
    hf_dir = work / "hf"
    shutil.rmtree(hf_dir, ignore_errors=True)
    hf_dir.mkdir()
    (hf_dir / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
    shutil.copy(sp_model, hf_dir / "source.spm")
    shutil.copy(sp_model, hf_dir / "target.spm")
    tokenizer = MarianTokenizer(str(hf_dir / "source.spm"), str(hf_dir / "target.spm"), str(hf_dir / "vocab.json"))
    pad = vocab["<pad>"]
    config = MarianConfig(
        vocab_size=len(vocab),
        d_model=64,
        encoder_layers=2,
        decoder_layers=2,
        encoder_attention_heads=4,
        decoder_attention_heads=4,
        encoder_ffn_dim=128,
        decoder_ffn_dim=128,
        max_position_embeddings=128,
        pad_token_id=pad,
        eos_token_id=0,
        decoder_start_token_id=pad,
        forced_eos_token_id=0,
        scale_embedding=True,
        share_encoder_decoder_embeddings=True,
        dropout=0.0,
        attention_dropout=0.0,
        activation_dropout=0.0,
    )
    model = MarianMTModel(config)

    def ids(text: str, eos: bool) -> list[int]:
        # Argos feeds CTranslate2 the bare pieces (no </s>), so the source is trained without one.
        out = [vocab.get(p, 1) for p in sp.encode(text, out_type=str)]
        return [*out, 0] if eos else out

    def batch(rows: list[list[int]]) -> tuple[torch.Tensor, torch.Tensor]:
        width = max(len(r) for r in rows)
        data = torch.full((len(rows), width), pad)
        mask = torch.zeros((len(rows), width), dtype=torch.long)
        for i, r in enumerate(rows):
            data[i, : len(r)] = torch.tensor(r)
            mask[i, : len(r)] = 1
        return data, mask

    src, src_mask = batch([ids(s, eos=False) for s, _ in pairs])
    labels, label_mask = batch([ids(t, eos=True) for _, t in pairs])
    gold_mask = label_mask.bool()
    # The decoder reads the target shifted right, starting from <pad> (whose row is kept zero).
    history = torch.cat([torch.full((len(pairs), 1), pad), labels[:, :-1]], dim=1)
    history_mask = torch.cat([torch.zeros((len(pairs), 1), dtype=torch.bool), gold_mask[:, :-1]], dim=1)
    labels = labels.masked_fill(~gold_mask, -100)
    noise = torch.Generator().manual_seed(seed)
    optimizer = torch.optim.Adam(model.parameters(), lr=3e-3)
    embeddings = model.get_input_embeddings().weight
    model.train()
    checked = 0
    for step in range(1, MAX_STEPS + 1):
        # CTranslate2 starts Marian decoding from a zero vector; HF starts from the <pad> embedding,
        # so that row must stay zero for both to agree on the first word.
        with torch.no_grad():
            embeddings[pad].zero_()
        # Argos decodes with beam search and a length penalty, where CTranslate2 stops as soon as
        # `beam_size` hypotheses have ended: a runner-up beam that says </s> early can end the
        # search before the right translation is complete. So the model also learns to go on
        # with the right words after a wrong one (random pieces in the history it reads).
        swap = (torch.rand(history.shape, generator=noise) < NOISE) & history_mask
        random_ids = torch.randint(2, pad, history.shape, generator=noise)
        output = model(
            input_ids=src,
            attention_mask=src_mask,
            decoder_input_ids=torch.where(swap, random_ids, history),
            labels=labels,
        )
        optimizer.zero_grad()
        output.loss.backward()
        optimizer.step()
        if step % 50 or step - checked < CHECK_EVERY:
            continue
        with torch.no_grad():
            embeddings[pad].zero_()
            # Every target piece must beat its runner-up by a clear margin (teacher forced), so
            # that int8 rounding on another CPU cannot flip a word, and then decode exactly.
            model.eval()
            logits = model(input_ids=src, attention_mask=src_mask, decoder_input_ids=history).logits
            model.train()
            logits, gold = logits[gold_mask][:, :pad], labels[gold_mask]
            right = logits.gather(1, gold[:, None]).squeeze(1)
            rest = logits.scatter(1, gold[:, None], float("-inf")).max(1).values
            margin = (right - rest).min().item()
        if margin < MARGIN:
            continue
        checked = step
        model.save_pretrained(hf_dir)
        tokenizer.save_pretrained(hf_dir)
        accepted = accept(hf_dir)
        print(f"  seed {seed}, step {step}: loss {output.loss.item():.4f}, margin {margin:.1f}", flush=True)
        if accepted:
            return True
    return False


def sentence_splitter(path: Path, lang: str) -> None:
    """A rule-based MiniSBD model: MiniSBD feeds character ids, takes the argmax of 5 classes per character.

    Every character ends a token (class 1). `. ! ?` end a sentence (class 2) when a space or the end
    of the text follows ("3.5", "www.x.org", "!!!" stay whole); `。！？` end one unless another
    sentence-final or closing mark follows (Chinese puts no space after them). The graph is a few
    table lookups (Gather) over the character ids and a one-character look-ahead (Slice, Concat).
    """
    import numpy as np
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    latin_end, cjk_end, closing = ".!?", "。！？", "\"')]}”’」』）】"
    # MiniSBD maps every character outside this vocabulary to <UNK>; ids 0 and 1 are fixed.
    id2unit = ["<PAD>", "<UNK>", " ", *latin_end, *cjk_end, *dict.fromkeys(closing)]

    def table(chars: str, pad: float = 0.0) -> np.ndarray:
        values = np.array([1.0 if unit in chars else 0.0 for unit in id2unit], dtype=np.float32)
        values[0] = pad
        return values

    initializers = {
        "is_latin_end": table(latin_end),
        "is_cjk_end": table(cjk_end),
        # What may follow `. ! ?` at a sentence end: a space, or nothing (<PAD> after the text).
        "is_gap": table(" ", pad=1.0),
        # What keeps `。！？` in the sentence: more sentence-final or closing marks.
        "is_glued": table(latin_end + cjk_end + closing),
        "one": np.array(1.0, dtype=np.float32),
        "zero": np.array(0.0, dtype=np.float32),
        "from_1": np.array([1], dtype=np.int64),
        "from_0": np.array([0], dtype=np.int64),
        "to_1": np.array([1], dtype=np.int64),
        "to_end": np.array([np.iinfo(np.int64).max], dtype=np.int64),
        "time_axis": np.array([1], dtype=np.int64),
        "last_axis": np.array([2], dtype=np.int64),
        # logits = base + split * delta: class 1 (end of token) unless split, then class 2.
        "base": np.array([-10.0, 10.0, -10.0, -10.0, -10.0], dtype=np.float32),
        "delta": np.array([0.0, -20.0, 20.0, 0.0, 0.0], dtype=np.float32),
    }
    node = helper.make_node
    nodes = [
        node("Gather", ["is_latin_end", "units"], ["latin"], axis=0),
        node("Gather", ["is_cjk_end", "units"], ["cjk"], axis=0),
        node("Gather", ["is_gap", "units"], ["gap"], axis=0),
        node("Gather", ["is_glued", "units"], ["glued"], axis=0),
        # The value of the next character, and after the last one: a gap, not glued.
        node("Slice", ["gap", "from_1", "to_end", "time_axis"], ["gap_tail"]),
        node("Slice", ["gap", "from_0", "to_1", "time_axis"], ["gap_head"]),
        node("Mul", ["gap_head", "zero"], ["zeros"]),
        node("Add", ["zeros", "one"], ["ones"]),
        node("Concat", ["gap_tail", "ones"], ["gap_next"], axis=1),
        node("Slice", ["glued", "from_1", "to_end", "time_axis"], ["glued_tail"]),
        node("Concat", ["glued_tail", "zeros"], ["glued_next"], axis=1),
        node("Sub", ["one", "glued_next"], ["free_next"]),
        node("Mul", ["latin", "gap_next"], ["latin_split"]),
        node("Mul", ["cjk", "free_next"], ["cjk_split"]),
        node("Add", ["latin_split", "cjk_split"], ["split"]),
        node("Unsqueeze", ["split", "last_axis"], ["split3"]),
        node("Mul", ["split3", "delta"], ["shift"]),
        node("Add", ["shift", "base"], ["logits"]),
    ]
    graph = helper.make_graph(
        nodes,
        "rule_sbd",
        [
            helper.make_tensor_value_info("units", TensorProto.INT64, ["batch", "time"]),
            # MiniSBD always feeds its character features; this model has none and ignores them.
            helper.make_tensor_value_info("features", TensorProto.FLOAT, ["batch", "time", "feats"]),
        ],
        [helper.make_tensor_value_info("logits", TensorProto.FLOAT, ["batch", "time", 5])],
        [numpy_helper.from_array(value, name) for name, value in initializers.items()],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)], producer_name="bridgebot")
    model.ir_version = 8
    vocab = {
        "lang": lang,
        "idx": 0,
        "cutoff": 0,
        "lower": False,
        "_unit2id": {u: i for i, u in enumerate(id2unit)},
        "_id2unit": id2unit,
    }
    config = {"max_seqlen": 1000, "batch_size": 32, "feat_funcs": [], "skip_newline": False}
    for key, value in {"lang_code": lang, "config": json.dumps(config), "vocab": json.dumps(vocab)}.items():
        entry = model.metadata_props.add()
        entry.key, entry.value = key, value
    onnx.checker.check_model(model, full_check=True)
    onnx.save(model, str(path))


def mistakes(model_dir: Path, sp_model: Path, pairs: list[tuple[str, str]]) -> list[tuple[str, str, str]]:
    """Phrases the converted model gets wrong, decoded as Argos and bridgebot's engine decode them
    (beam 4, length penalty 0.2), with int8 arithmetic and with float32 (CPUs without int8 support)."""
    import ctranslate2
    import sentencepiece as spm

    sp = spm.SentencePieceProcessor(model_file=str(sp_model))
    wrong = []
    for compute_type in ("int8", "float32"):
        translator = ctranslate2.Translator(str(model_dir), device="cpu", compute_type=compute_type)
        results = translator.translate_batch(
            [sp.encode(s, out_type=str) for s, _ in pairs], beam_size=4, length_penalty=0.2, replace_unknowns=True
        )
        for (source, target), result in zip(pairs, results, strict=True):
            # argostranslate.tokenizer.SentencePieceTokenizer.decode, then the leading space dropped.
            got = sp.decode_pieces(result.hypotheses[0]).replace("▁", " ").replace("_", " ").removeprefix(" ")
            if got != target:
                wrong.append((compute_type, source, got))
    return wrong


def build_pair(source: str, target: str) -> Path:
    import ctranslate2

    pairs = training_pairs(source, target)
    print(f"{source}->{target}: {len(pairs)} phrases", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        name = f"translate-{source}_{target}-tiny"
        package = work / name
        package.mkdir()
        texts = [s for s, _ in pairs] + [t for _, t in pairs]
        sp_model = train_sentencepiece(texts, work / "sp.model")

        def accept(hf_dir: Path) -> bool:
            converter = ctranslate2.converters.TransformersConverter(str(hf_dir))
            converter.convert(str(package / "model"), quantization="int8", force=True)
            wrong = mistakes(package / "model", sp_model, pairs)
            if wrong:
                print(f"  {len(wrong)} wrong, e.g. {wrong[:2]}", flush=True)
            return not wrong

        # Another seed if a model cannot get every phrase exactly right within MAX_STEPS.
        if not any(build_model(pairs, sp_model, work, seed, accept) for seed in (7, 11, 13)):
            raise SystemExit(f"{source}->{target}: could not train an exact model")
        shutil.copy(sp_model, package / "sentencepiece.model")
        (package / "minisbd").mkdir()
        sentence_splitter(package / "minisbd" / f"{source}.onnx", source)
        metadata = {
            "package_version": "0.1",
            "argos_version": "1.9",
            "from_code": source,
            "from_name": NAMES[source],
            "to_code": target,
            "to_name": NAMES[target],
            "type": "translate",
            "links": [],
            "languages": [],
        }
        (package / "metadata.json").write_text(json.dumps(metadata, indent=2), encoding="utf-8")
        (package / "README.md").write_text(
            f"Tiny {NAMES[source]} -> {NAMES[target]} test package built by scripts/build_tiny_models.py.\n"
            "It only knows the phrases in bridgebot/demo/phrases.json.\n",
            encoding="utf-8",
        )
        OUT.mkdir(parents=True, exist_ok=True)
        archive = OUT / f"{source}_{target}.argosmodel"
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
            for file in sorted(package.rglob("*")):
                info = zipfile.ZipInfo(str(file.relative_to(work)), date_time=(2026, 1, 1, 0, 0, 0))
                if file.is_file():
                    info.compress_type = zipfile.ZIP_DEFLATED
                    zf.writestr(info, file.read_bytes())
    print(f"  wrote {archive} ({archive.stat().st_size // 1024} KB)", flush=True)
    return archive


def main() -> None:
    ensure_venv()
    started = time.monotonic()
    wanted = [tuple(sys.argv[1:3])] if len(sys.argv) >= 3 else PAIRS
    for source, target in wanted:
        build_pair(source, target)
    print(f"built {len(wanted)} packages in {time.monotonic() - started:.0f} s", flush=True)


if __name__ == "__main__":
    main()
