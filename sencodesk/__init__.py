"""sencodesk: offline, encrypted case management for SENCOs in schools in England."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("sencodesk")
except PackageNotFoundError:  # running from a checkout that was never installed
    __version__ = "0.0.0+checkout"

APP_NAME = "sencodesk"
