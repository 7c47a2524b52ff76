"""MATCHER_BACKEND=onnx: the bundled model through ONNX Runtime gives the torch vectors."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from matcher import Matcher, ModelUnavailable, OnnxEncoder, Profile
from matcher.encoding import BUNDLED_MODEL, PhraseVectors, resolve_model_path

PHRASES = [
    "rust",
    "offshore wind",
    "sourdough baking for beginners",
    "Kubernetes operators and the pain of stateful workloads",
    "échanges franco-allemands sur la mobilité urbaine",
    "量子计算",
    "a b c",
    "machine learning " * 120,  # longer than the model's 256 tokens: truncated alike
    *[f"topic number {i} about {w}" for i, w in enumerate(["data", "art", "music"] * 14)],
]


@pytest.fixture(scope="module")
def onnx_encoder(tmp_path_factory: pytest.TempPathFactory) -> OnnxEncoder:
    encoder = OnnxEncoder(cache_dir=tmp_path_factory.mktemp("onnx"))
    encoder.warm_up()
    return encoder


def test_onnx_vectors_match_the_torch_encoder(onnx_encoder, real_encoder) -> None:  # type: ignore[no-untyped-def]
    assert len(PHRASES) > 32  # the many-phrases session, several batches, order restored
    many = onnx_encoder.encode(PHRASES)
    reference = real_encoder.encode(PHRASES)
    assert many.shape == reference.shape == (len(PHRASES), 384)
    assert np.abs(many - reference).max() < 1e-5
    assert np.allclose(np.linalg.norm(many, axis=1), 1.0, atol=1e-5)
    few = onnx_encoder.encode(PHRASES[:3])  # a sign-up's few phrases: one thread
    assert np.abs(few - reference[:3]).max() < 1e-5
    assert onnx_encoder.encode([]).shape == (0, 384)


def test_both_backends_share_stored_vectors_and_suggest_the_same(
    onnx_encoder, real_encoder
) -> None:  # type: ignore[no-untyped-def]
    # Same model name: switching MATCHER_BACKEND keeps every stored phrase vector.
    assert onnx_encoder.name == real_encoder.name == BUNDLED_MODEL
    profiles = [
        Profile(
            "a", "Ada", interests=["offshore wind", "sailing"], looking_for=["hire a data engineer"]
        ),
        Profile("b", "Bo", interests=["wind energy", "climbing"], offering=["data engineering"]),
        Profile("c", "Cy", interests=["sourdough", "jazz"], looking_for=["find a bakery partner"]),
        Profile("d", "Di", interests=["bread baking", "jazz piano"], offering=["bakery advice"]),
    ]
    by_torch = Matcher(encoder=real_encoder).suggest(profiles, k=1)
    by_onnx = Matcher(encoder=onnx_encoder).suggest(profiles, k=1)
    assert {p: [s.other_id for s in v] for p, v in by_onnx.items()} == {
        p: [s.other_id for s in v] for p, v in by_torch.items()
    }
    assert by_onnx["a"][0].other_id == "b" and by_onnx["c"][0].other_id == "d"
    for pid in by_torch:
        assert by_onnx[pid][0].score == pytest.approx(by_torch[pid][0].score, abs=1e-4)
        assert by_onnx[pid][0].common_ground.reasons == by_torch[pid][0].common_ground.reasons


def test_the_export_is_cached_and_reused(onnx_encoder) -> None:  # type: ignore[no-untyped-def]
    files = sorted(onnx_encoder.cache_dir.iterdir())
    assert [f.suffix for f in files] == [".onnx"]  # one graph, no temporary file left
    before = files[0].stat().st_mtime_ns
    again = OnnxEncoder(cache_dir=onnx_encoder.cache_dir)  # a second worker starting
    assert np.abs(again.encode(["rust"]) - onnx_encoder.encode(["rust"])).max() == 0
    assert sorted(onnx_encoder.cache_dir.iterdir()) == files
    assert files[0].stat().st_mtime_ns == before


def test_an_unwritable_cache_names_the_setting(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    encoder = OnnxEncoder(cache_dir=blocker / "onnx")
    with pytest.raises(ModelUnavailable, match="MATCHER_BACKEND") as failure:
        encoder.encode(["rust"])
    assert str(blocker / "onnx") in str(failure.value)


def test_a_model_pooled_otherwise_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    from sentence_transformers import SentenceTransformer

    bundled = SentenceTransformer(resolve_model_path(BUNDLED_MODEL), device="cpu")
    pooling = type(bundled[1])(384, "cls")  # the bundled model, pooled on [CLS] instead
    cls_pooled = SentenceTransformer(modules=[bundled[0], pooling], device="cpu")
    folder = tmp_path / "cls-model"
    cls_pooled.save(str(folder))
    encoder = OnnxEncoder(str(folder), cache_dir=tmp_path / "onnx")
    with pytest.raises(ModelUnavailable, match="mean pooling") as failure:
        encoder.encode(["rust"])
    assert "MATCHER_BACKEND" in str(failure.value)
    assert not (tmp_path / "onnx").exists()  # refused before exporting anything


def test_phrase_table_over_onnx_encodes_each_phrase_once(onnx_encoder) -> None:  # type: ignore[no-untyped-def]
    table = PhraseVectors(onnx_encoder)
    first = table.matrix(["rust", "offshore wind", "rust"])
    assert table.encoded == 2
    assert np.array_equal(first[0], first[2])


def test_the_service_setting_chooses_the_backend(app_factory, monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from matcher import SentenceTransformerEncoder
    from web.config import from_environment

    assert from_environment(str(tmp_path))["MATCHER_BACKEND"] == "torch"
    monkeypatch.setenv("MATCHER_BACKEND", "ONNX")
    assert from_environment(str(tmp_path))["MATCHER_BACKEND"] == "onnx"
    monkeypatch.setenv("MATCHER_BACKEND", "tensorflow")
    with pytest.raises(ValueError, match="MATCHER_BACKEND must be torch or onnx"):
        from_environment(str(tmp_path))
    monkeypatch.delenv("MATCHER_BACKEND")

    app = app_factory(MATCHER_BACKEND="onnx")
    encoder = app.extensions["cg_matcher"].encoder
    assert isinstance(encoder, OnnxEncoder)
    assert encoder.cache_dir == Path(app.instance_path) / "onnx"  # kept beside the database
    assert isinstance(app_factory().extensions["cg_matcher"].encoder, SentenceTransformerEncoder)


def test_workers_starting_together_share_one_export(tmp_path: Path) -> None:
    import subprocess
    import sys

    cache = tmp_path / "onnx"
    script = (
        "import sys; from matcher import OnnxEncoder; "
        "v = OnnxEncoder(cache_dir=sys.argv[1]).encode(['offshore wind']); "
        "print(round(float(v[0, :4].sum()), 5))"
    )
    root = Path(__file__).resolve().parent.parent
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", script, str(cache)],
            cwd=root,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    outputs = [w.communicate(timeout=300) for w in workers]
    assert all(w.returncode == 0 for w in workers), [err[-2000:] for _, err in outputs]
    assert outputs[0][0] == outputs[1][0]  # the same vector from both workers
    assert [f.suffix for f in cache.iterdir()] == [".onnx"]  # one graph, no leftovers
