"""The report's words, one table per language (lang/<code>.toml, the same keys in
each): `strings("zh")("h_summary")` is "摘要". A key missing from a table is an
error, never English in a Chinese report."""
import os
import tomllib

LANGUAGES = ("en", "zh")
_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "lang")


def table(lang):
    """The language's table as a dict (raises ValueError for an unknown language)."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown report language {lang!r}: expected one of {', '.join(LANGUAGES)}")
    with open(os.path.join(_DIR, f"{lang}.toml"), "rb") as f:
        return tomllib.load(f)


class Strings:
    def __init__(self, lang="en"):
        self.lang = lang
        self._t = table(lang)

    def __call__(self, key, **values):
        return self._t[key].format(**values) if values else self._t[key]


def strings(lang="en"):
    return Strings(lang)
