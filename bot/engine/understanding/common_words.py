"""Common English words, by measured frequency: a surname that is one ("Short", "Young",
"Little", "Price") is read as a name only where nothing else in the question reads it.

The list is generated from wordfreq (`python -m bot.engine.understanding.common_words`)
and shipped as text, because loading wordfreq's tables takes about 0.2 s, twice what the
console takes to answer its first question. A test checks the file against wordfreq.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

LIST_FILE = Path(__file__).with_name("common_english.txt")
# Zipf 4: ten uses per million words ("short" 5.3, "hunt" 4.5; "farage" 3.2, "starmer" 2.3).
MIN_ZIPF = 4.0
HEADER = "# English words with wordfreq Zipf frequency >= 4.0; generated, do not edit.\n"


def generate() -> str:
    """The file's text, from wordfreq (a build-time dependency, imported only here)."""
    from wordfreq import top_n_list, zipf_frequency

    words = sorted(
        {
            w
            for w in top_n_list("en", 20000)
            if w.isascii() and w.isalpha() and zipf_frequency(w, "en") >= MIN_ZIPF
        }
    )
    return HEADER + "\n".join(words) + "\n"


@cache
def common_words() -> frozenset[str]:
    lines = LIST_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


if __name__ == "__main__":
    LIST_FILE.write_text(generate(), encoding="utf-8")
    print(f"wrote {LIST_FILE} ({len(common_words.__wrapped__())} words)")
