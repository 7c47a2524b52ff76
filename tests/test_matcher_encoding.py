"""Phrase vectors: normalised keys, the in-memory table and the persistent store."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest

from matcher import Matcher, Profile
from matcher.encoding import PhraseVectors
from matcher.normalise import normalise_goal, normalise_org, normalise_phrase


class DictStore:
    """An in-memory EmbeddingStore that records what it was asked."""

    def __init__(self) -> None:
        self.data: dict[tuple[str, str], np.ndarray] = {}
        self.saved: list[str] = []

    def load(self, model: str, texts: Sequence[str]) -> dict[str, np.ndarray]:
        return {t: self.data[(model, t)] for t in texts if (model, t) in self.data}

    def save(self, model: str, vectors: dict[str, np.ndarray]) -> None:
        for text, vec in vectors.items():
            self.data[(model, text)] = vec
            self.saved.append(text)


def profiles() -> list[Profile]:
    return [
        Profile(
            id="1", name="A", interests=["Rust", "  Trail Running! "], looking_for=["a mentor"]
        ),
        Profile(id="2", name="B", interests=["rust", "trail running"], offering=["mentoring"]),
        Profile(id="3", name="C", interests=["rust programming"], organizations=["Google LLC"]),
    ]


def test_a_second_run_with_the_store_encodes_nothing_new(fake_encoder) -> None:  # type: ignore[no-untyped-def]
    store = DictStore()
    Matcher(encoder=fake_encoder, store=store).suggest(profiles(), k=2)
    first = fake_encoder.texts_encoded
    assert first == len(set(store.saved)) == len(store.saved) > 0
    assert "trail running" in store.saved and "Trail Running!" not in store.saved
    fresh = Matcher(encoder=fake_encoder, store=store)  # a new worker: empty memory
    fresh.suggest(profiles(), k=2)
    fresh.common_ground(profiles()[0], profiles()[1])
    assert fake_encoder.texts_encoded == first


def test_phrases_are_encoded_once_in_length_sorted_batches(fake_encoder) -> None:  # type: ignore[no-untyped-def]
    table = PhraseVectors(fake_encoder, batch_size=2)
    texts = ["a much longer phrase here", "b", "medium phrase", "b", "cc"]
    batches: list[list[str]] = []
    encode = fake_encoder.encode
    fake_encoder.encode = lambda t: (batches.append(list(t)), encode(t))[1]
    got = table.matrix(texts)
    assert got.shape == (5, fake_encoder.dim)
    assert np.allclose(got[1], got[3])
    assert batches == [["b", "cc"], ["medium phrase", "a much longer phrase here"]]
    table.matrix(["cc", "b"])
    assert len(batches) == 2  # all known: no model call


def test_normalisation() -> None:
    assert normalise_phrase("  Trail   Running! ") == "trail running"
    assert normalise_phrase("ML") == "machine learning"
    assert normalise_goal("I'm looking for a technical co-founder") == "technical co-founder"
    assert normalise_goal("Happy to mentor") == "mentor"
    assert normalise_org("Google LLC") == normalise_org("google, inc.") == "google"
    assert normalise_org("The Boston Consulting Group") == normalise_org("Boston Consulting")
    assert normalise_org("Université de Montréal") == "universite de montreal"


def test_a_work_status_is_no_organisation_two_people_share(fake_encoder) -> None:  # type: ignore[no-untyped-def]
    # blind17's readers rejected "Freelance ~ Freelance" and "Independent ~ Independent"
    # shown as "You are both at ...".
    for status in ("Freelance", "Independent", "Self-employed", "Selbstständig", "Stealth"):
        assert normalise_org(status) == ""
    assert normalise_org("N/A") == normalise_org("Student") == ""
    assert normalise_org("Independent Consulting Group") == "independent consulting"
    # One's part in an organisation, in brackets, is no other organisation (blind15's
    # readers: "Isar Forge Accelerator (mentor)" and "Isar Forge Accelerator" are one).
    assert normalise_org("Isar Forge Accelerator (mentor)") == "isar forge accelerator"
    assert normalise_org("TUM (M.Sc. Robotics, 2026)") == normalise_org("TUM")
    a = Profile(id="a", name="A", headline="UX designer", company="Freelance")
    b = Profile(id="b", name="B", headline="AR developer", company="freelance")
    assert not Matcher(encoder=fake_encoder).common_ground(a, b).ties


def test_a_few_phrases_encode_on_one_thread_to_the_same_vectors(real_encoder) -> None:  # type: ignore[no-untyped-def]
    """A sign-up's few phrases go through one torch thread (fast when the other core
    is busy); the vectors are those of the batched path, and the caller keeps its
    thread setting."""
    import torch

    from matcher.encoding import FEW_TEXTS

    texts = [f"offshore wind for sourdough baking, part {i}" for i in range(FEW_TEXTS + 1)]
    threads = torch.get_num_threads()
    batched = real_encoder.encode(texts)  # more than FEW_TEXTS: the caller's threads
    few = np.vstack([real_encoder.encode(texts[i : i + 3]) for i in range(0, len(texts), 3)])
    assert np.abs(batched - few).max() < 1e-4
    assert torch.get_num_threads() == threads


def test_the_loaded_model_is_out_of_the_garbage_collectors_walks(real_encoder) -> None:  # type: ignore[no-untyped-def]
    """Torch, transformers and the model live as long as the process: a full garbage
    collection during a matching run must not walk their objects again."""
    import gc

    import torch

    from matcher.encoding import _load

    model = _load(real_encoder.name)
    tracked = gc.get_objects()  # every generation but the frozen one
    assert gc.get_freeze_count() > 100_000
    assert not any(o is model or o is torch.nn.Module for o in tracked)


def test_a_run_stopped_while_encoding_keeps_the_phrases_it_encoded(
    fake_encoder, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    import matcher.encoding

    monkeypatch.setattr(matcher.encoding, "SAVE_EVERY", 4)
    store = DictStore()
    texts = [f"topic number {i}" for i in range(10)]
    encode = fake_encoder.encode
    calls = [0]

    def failing(batch: Sequence[str]) -> np.ndarray:
        calls[0] += 1
        if calls[0] == 3:
            raise RuntimeError("worker killed")
        return encode(batch)

    fake_encoder.encode = failing
    table = PhraseVectors(fake_encoder, store, batch_size=2)
    with pytest.raises(RuntimeError, match="worker killed"):
        table.ensure(texts)
    assert len(store.saved) == 4, "the first chunk was saved before the failure"
    fake_encoder.encode = encode
    shares: list[float] = []
    again = PhraseVectors(fake_encoder, store, batch_size=2)
    again.ensure(texts, progress=shares.append)
    assert again.encoded == 6, "only the phrases not saved are encoded again"
    assert shares == [4 / 6, 1.0]


def test_suggest_reports_its_phases_in_order_up_to_done(fake_encoder, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import matcher.encoding

    monkeypatch.setattr(matcher.encoding, "SAVE_EVERY", 2)
    heard: list[tuple[str, float]] = []
    m = Matcher(encoder=fake_encoder)
    result = m.suggest(profiles(), k=2, progress=lambda phase, f: heard.append((phase, f)))
    phases = list(dict.fromkeys(p for p, _ in heard))
    assert phases == ["embedding", "candidates", "scoring", "assigning", "done"]
    fractions = [f for _, f in heard]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    embedding = [f for p, f in heard if p == "embedding"]
    assert len(set(embedding)) >= 3, "encoding reports as it goes, not only at the end"
    # Explaining every suggestion at once (what the service stores) reports too.
    explained: list[float] = []
    m.explain_all(result, progress=explained.append)
    assert explained == sorted(explained) and explained[-1] == 1.0
