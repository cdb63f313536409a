"""`bridgebot demo`: an offline run of the real bot (run.py, view.py), and the tiny language packages
it and the tests use (packages/, built from phrases.json by scripts/build_tiny_models.py)."""
