"""sencodesk: offline, encrypted case management for SENCOs in schools in England."""

from __future__ import annotations

from functools import cache

APP_NAME = "sencodesk"


@cache
def _version() -> str:
    # importlib.metadata costs ~80 ms to import: read it only when the version is asked for,
    # not on the way to painting the sign-in window.
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("sencodesk")
    except PackageNotFoundError:  # running from a checkout that was never installed
        return "0.0.0+checkout"


def __getattr__(name: str) -> str:
    if name == "__version__":
        return _version()
    raise AttributeError(f"module 'sencodesk' has no attribute {name!r}")
