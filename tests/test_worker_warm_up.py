"""A worker started with MATCHER_WARM_UP=1 preloads the stored phrase vectors."""

from __future__ import annotations

from web.extensions import get_matcher


def test_a_warmed_up_worker_has_the_stored_phrases_without_asking_the_database(
    app_factory, fake_encoder, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path / 'shared.db'}"
    phrases = ["offshore wind", "sourdough baking", "a technical co-founder"]
    first = app_factory(url, encoder=fake_encoder)
    with first.app_context():
        get_matcher().vectors.matrix(phrases)  # encoded once and stored
    encoded = fake_encoder.texts_encoded

    second = app_factory(url, encoder=fake_encoder, MATCHER_WARM_UP=True)
    with second.app_context():
        table = get_matcher().vectors
        assert len(table) == len(phrases)
        store = table.store
        asked: list[list[str]] = []
        load = store.load  # type: ignore[union-attr]
        store.load = lambda model, texts: (asked.append(list(texts)), load(model, texts))[1]  # type: ignore[union-attr]
        table.matrix(phrases)
    assert asked == [], "known phrases need no database round trip"
    assert fake_encoder.texts_encoded == encoded, "nor the model"


def test_warm_up_on_a_database_not_migrated_yet_starts_anyway(app_factory, fake_encoder) -> None:  # type: ignore[no-untyped-def]
    # app_factory migrates only after create_app: the preload finds no table.
    app = app_factory(encoder=fake_encoder, MATCHER_WARM_UP=True)
    with app.app_context():
        assert len(get_matcher().vectors) == 0
    assert app.test_client().get("/").status_code == 200


def test_the_production_server_and_serve_sh_load_the_model_at_start() -> None:
    """gunicorn's config turns MATCHER_WARM_UP on (unless told otherwise), and
    scripts/serve.sh serves through it: the first sign-up never waits for the model."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    env = {k: v for k, v in os.environ.items() if k != "MATCHER_WARM_UP"}
    code = "import os, web.gunicorn_conf; print(os.environ['MATCHER_WARM_UP'])"
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=root, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "1"
    serve = (root / "scripts" / "serve.sh").read_text()
    assert 'MATCHER_WARM_UP="${MATCHER_WARM_UP:-1}"' in serve
    assert "gunicorn -c python:web.gunicorn_conf 'web:create_app()'" in serve
