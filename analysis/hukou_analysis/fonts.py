"""A CJK font for matplotlib, so that zone names (小店区, 都匀市, ...) render.

Found with fontconfig (`fc-list :lang=zh`), preferring Noto Sans CJK SC (Debian's
fonts-noto-cjk). HUKOU_CJK_FONT=/path/to/font overrides the search."""
import os
import shutil
import subprocess

import matplotlib

matplotlib.use("Agg")
from matplotlib import font_manager, rcParams  # noqa: E402


class FontError(RuntimeError):
    pass


_chosen = None


def find_cjk_font():
    """Path of a font file with Chinese glyphs; FontError with what to install if none."""
    env = os.environ.get("HUKOU_CJK_FONT")
    if env:
        if not os.path.isfile(env):
            raise FontError(f"HUKOU_CJK_FONT={env}: no such font file")
        return env
    if shutil.which("fc-list") is None:
        raise FontError("fc-list not found: install fontconfig and fonts-noto-cjk "
                        "(apt-get install fontconfig fonts-noto-cjk), or set HUKOU_CJK_FONT to a font file")
    out = subprocess.run(["fc-list", ":lang=zh", "file", "family", "style"], capture_output=True, text=True).stdout
    entries = []
    for line in out.splitlines():
        path, _, rest = line.partition(":")
        if path.strip() and os.path.isfile(path.strip()):
            entries.append((path.strip(), rest))
    if not entries:
        raise FontError("no font with Chinese glyphs found (`fc-list :lang=zh` is empty): "
                        "install fonts-noto-cjk (apt-get install fonts-noto-cjk), or set HUKOU_CJK_FONT to a font file")

    def rank(e):
        path, rest = e
        name = os.path.basename(path)
        return (("Sans" not in name) + ("Mono" in rest) + ("Regular" not in name and "Regular" not in rest),
                "Noto" not in name, name)

    return sorted(entries, key=rank)[0][0]


def use_cjk_font():
    """Register the CJK font with matplotlib and make it the default (with
    DejaVu Sans as fallback for other glyphs). Returns the font's family name."""
    global _chosen
    if _chosen:
        return _chosen
    path = find_cjk_font()
    font_manager.fontManager.addfont(path)
    family = font_manager.FontProperties(fname=path).get_name()
    rcParams["font.family"] = "sans-serif"
    rcParams["font.sans-serif"] = [family, "DejaVu Sans"]
    rcParams["axes.unicode_minus"] = False
    rcParams["svg.fonttype"] = "path"  # SVG text as outlines: no font needed to view
    _chosen = family
    return family
