"""Rebuild the tiny, real Argos packages in bridgebot/demo/packages/.

Each package is a genuine `.argosmodel`: a SentencePiece model, a CTranslate2 model converted from a
toy MarianMT trained here on bridgebot/demo/phrases.json, and a rule-based MiniSBD sentence splitter
so translation never downloads anything. They translate their training phrases exactly, which lets
tests assert exact output through the real argostranslate/CTranslate2 code path.

Training needs torch and transformers, which the product must never depend on (torch pulls CUDA
unless pinned to the local CPU wheel). So this script makes its own virtual environment,
.venv-fixtures/, installs `torch==2.13.0` there, and re-runs itself inside it. Tests only use the
committed packages and never need torch.

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
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv-fixtures"
OUT = ROOT / "bridgebot" / "demo" / "packages"
PHRASES = ROOT / "bridgebot" / "demo" / "phrases.json"
PAIRS = [("en", "de"), ("de", "en"), ("en", "zh"), ("zh", "en"), ("en", "es"), ("es", "en")]
NAMES = {"en": "English", "de": "German", "zh": "Chinese", "es": "Spanish"}
REQUIREMENTS = ["torch==2.13.0", "transformers>=4.40,<5", "sentencepiece", "ctranslate2>=4", "onnx", "numpy"]
SENTENCE_END = ".!?。！？"


def ensure_venv() -> None:
    """Re-exec inside .venv-fixtures, creating it first if needed."""
    python = VENV / "bin" / "python"
    if Path(sys.prefix).resolve() == VENV.resolve():
        return
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--upgrade", "pip"], check=True)
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", *REQUIREMENTS], check=True)
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


def train_sentencepiece(texts: list[str], prefix: Path) -> Path:
    import sentencepiece as spm

    corpus = prefix.with_suffix(".txt")
    corpus.write_text("\n".join(texts) + "\n", encoding="utf-8")
    spm.SentencePieceTrainer.train(
        input=str(corpus),
        model_prefix=str(prefix),
        vocab_size=400,
        hard_vocab_limit=False,
        model_type="unigram",
        character_coverage=1.0,
        # No NFKC table (it is most of a default model's size), and text stays as written.
        normalization_rule_name="identity",
        bos_id=-1,
        eos_id=-1,
        unk_id=0,
        minloglevel=2,
    )
    return prefix.with_suffix(".model")


def build_model(pairs: list[tuple[str, str]], sp_model: Path, work: Path, seed: int) -> Path:
    """Train a toy MarianMT to memorise `pairs`, and save it with a MarianTokenizer."""
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
    hf_dir = work / f"hf-{seed}"
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
    labels = labels.masked_fill(label_mask == 0, -100)
    optimizer = torch.optim.Adam(model.parameters(), lr=3e-3)
    embeddings = model.get_input_embeddings().weight
    model.train()
    for step in range(3000):
        # CTranslate2 starts Marian decoding from a zero vector; HF starts from the <pad> embedding,
        # so that row must stay zero for both to agree on the first word.
        with torch.no_grad():
            embeddings[pad].zero_()
        loss = model(input_ids=src, attention_mask=src_mask, labels=labels).loss
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        if step % 100 == 99 and loss.item() < 0.0002:
            break
    with torch.no_grad():
        embeddings[pad].zero_()
    print(f"  trained {step + 1} steps, loss {loss.item():.5f}", flush=True)
    model.eval()
    model.save_pretrained(hf_dir)
    tokenizer.save_pretrained(hf_dir)
    return hf_dir


def sentence_splitter(path: Path, lang: str, texts: list[str]) -> None:
    """A MiniSBD-compatible ONNX model: one Gather over character ids.

    Every character ends a token (class 1); sentence-final punctuation ends a sentence (class 2).
    """
    import numpy as np
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    chars = sorted({c for text in texts for c in text} | set(SENTENCE_END) | set(" ,;:-'\"()"))
    id2unit = ["<PAD>", "<UNK>", *chars]
    table = np.full((len(id2unit), 5), -10.0, dtype=np.float32)
    table[:, 1] = 10.0
    for index, unit in enumerate(id2unit):
        if unit in SENTENCE_END:
            table[index, 1], table[index, 2] = -10.0, 10.0
    graph = helper.make_graph(
        [helper.make_node("Gather", ["table", "units"], ["logits"], axis=0)],
        "rule_sbd",
        [
            helper.make_tensor_value_info("units", TensorProto.INT64, ["batch", "time"]),
            helper.make_tensor_value_info("features", TensorProto.FLOAT, ["batch", "time", "feats"]),
        ],
        [helper.make_tensor_value_info("logits", TensorProto.FLOAT, ["batch", "time", 5])],
        [numpy_helper.from_array(table, "table")],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
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
    onnx.checker.check_model(model)
    onnx.save(model, str(path))


def mistakes(model_dir: Path, sp_model: Path, pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Phrases the converted model gets wrong, decoded as bridgebot's engine decodes them."""
    import ctranslate2
    import sentencepiece as spm

    sp = spm.SentencePieceProcessor(model_file=str(sp_model))
    translator = ctranslate2.Translator(str(model_dir), device="cpu")
    results = translator.translate_batch(
        [sp.encode(s, out_type=str) for s, _ in pairs], beam_size=4, length_penalty=0.2, replace_unknowns=True
    )
    wrong = []
    for (source, target), result in zip(pairs, results, strict=True):
        got = sp.decode_pieces(result.hypotheses[0]).replace("▁", " ").lstrip(" ")
        if got != target:
            wrong.append((source, got))
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
        sp_model = train_sentencepiece(texts, work / "sp")
        # int8 quantization can cost a toy model a word; retrain with another seed until every
        # phrase comes out exactly as it will in the tests.
        for seed in (7, 11, 13, 17, 19, 23):
            hf_dir = build_model(pairs, sp_model, work, seed)
            converter = ctranslate2.converters.TransformersConverter(str(hf_dir))
            converter.convert(str(package / "model"), quantization="int8", force=True)
            wrong = mistakes(package / "model", sp_model, pairs)
            print(f"  seed {seed}: {len(wrong)} phrases wrong {wrong[:3]}", flush=True)
            if not wrong:
                break
        else:
            raise SystemExit(f"{source}->{target}: could not train an exact model")
        shutil.copy(sp_model, package / "sentencepiece.model")
        (package / "minisbd").mkdir()
        sentence_splitter(package / "minisbd" / f"{source}.onnx", source, [s for s, _ in pairs])
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
    wanted = [tuple(sys.argv[1:3])] if len(sys.argv) >= 3 else PAIRS
    for source, target in wanted:
        build_pair(source, target)


if __name__ == "__main__":
    main()
