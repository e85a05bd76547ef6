"""python -m bench: first the shipped knowledge at full scale (build, load, memory, the
console's first answer, and time per question beside a naive baseline: rapidfuzz extractOne
with WRatio over every name, on the same mix in the same run); then the article's knowledge
alone, the name index on synthetic names, inline search per keystroke, and drawing charts
(bench/charts.py); last, the bot end to end against a fake Telegram, beside a minimal
python-telegram-bot echo bot (bench/end_to_end.py)."""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable

from rapidfuzz import fuzz, process

from bench import alerts, before, charts, end_to_end, full_scale, night
from bench.mix import MIX
from bench.synthetic import synthetic_entities, synthetic_mix
from bot.engine import Conversation, Engine
from bot.engine.results.search import Search
from bot.engine.understanding.index import Entity, NameIndex
from knowledge.build import build_article_knowledge
from knowledge.load import load_knowledge

ROUNDS = 200


def timed(
    picker: Callable[[str], str | None], mix: list[tuple[str, str]], rounds: int = ROUNDS
) -> dict[str, float]:
    for question, _ in mix:  # warm caches once, as a running bot would be
        picker(question)
    samples: list[int] = []
    right = 0
    for _ in range(rounds):
        for question, expected in mix:
            start = time.perf_counter_ns()
            picked = picker(question)
            samples.append(time.perf_counter_ns() - start)
            right += picked == expected
    samples.sort()
    total_seconds = sum(samples) / 1e9
    return {
        "median_ms": statistics.median(samples) / 1e6,
        "p99_ms": samples[int(len(samples) * 0.99)] / 1e6,
        "qps": len(samples) / total_seconds,
        "right": right / (rounds * len(mix)),
    }


def baseline(entities: list[Entity]) -> Callable[[str], str | None]:
    names: list[str] = []
    keys: list[str] = []
    for entity in entities:
        for name in (entity.name, *entity.aliases):
            names.append(name)
            keys.append(entity.key)

    def pick(question: str) -> str | None:
        best = process.extractOne(question, names, scorer=fuzz.WRatio)
        return keys[best[2]] if best else None

    return pick


def report(title: str, ours: dict[str, float], naive: dict[str, float], mix_size: int) -> None:
    print(f"\n{title} ({mix_size} questions)")
    for name, row in (("engine", ours), ("baseline", naive)):
        print(
            f"  {name:<9} median {row['median_ms']:.3f} ms  p99 {row['p99_ms']:.3f} ms  "
            f"{row['qps']:>9,.0f} q/s  right entity {row['right']:.0%}"
        )
    print(
        f"  engine/baseline: {naive['median_ms'] / ours['median_ms']:.1f}x faster at the median, "
        f"{naive['p99_ms'] / ours['p99_ms']:.1f}x at p99"
    )


def print_keystrokes(title: str, search: Search, keystrokes: list[str]) -> None:
    samples = []
    for _ in range(50):
        for typed in keystrokes:
            start = time.perf_counter_ns()
            search.find(typed, 20)
            samples.append(time.perf_counter_ns() - start)
    samples.sort()
    median, p99 = statistics.median(samples) / 1e6, samples[int(len(samples) * 0.99)] / 1e6
    print(f"\n{title} ({len(keystrokes)} prefixes): median {median:.3f} ms, p99 {p99:.3f} ms")


def main() -> None:
    if sys.argv[1:] == ["night"]:  # python -m bench night: issue 16's measures alone
        night.run(Engine(load_knowledge()))
        return
    if sys.argv[1:] == ["alerts"]:  # python -m bench alerts: issue 18's night with followers
        alerts.run()
        return
    before.run()
    full_scale.run(timed, baseline, report)

    article = Engine(build_article_knowledge())

    def article_pick(question: str) -> str | None:
        answer = article.answer(question, Conversation())
        return answer.entities[0] if answer.entities else None

    report(
        "Whole answers from the article's knowledge alone (--article-only)",
        timed(article_pick, MIX),
        timed(baseline(article.catalog.entities()), MIX),
        len(MIX),
    )

    big = synthetic_entities()
    index = NameIndex(big)
    mix = synthetic_mix(big)

    def index_pick(question: str) -> str | None:
        mentions = index.resolve(question).mentions
        return mentions[0].keys[0] if mentions and len(mentions[0].keys) == 1 else None

    # The baseline takes milliseconds a question at this size: fewer rounds keep the bench short.
    report(
        f"Name resolution at election size, synthetic names ({len(big):,} names)",
        timed(index_pick, mix),
        timed(baseline(big), mix, rounds=10),
        len(mix),
    )

    shipped = Engine(load_knowledge())
    typed = ["leicester south", "jeremy corbyn", "perry barr", "clacton", "dewsbury"]
    keystrokes = [word[:n] for word in typed for n in range(1, len(word) + 1)]
    print_keystrokes("Inline search per keystroke, shipped knowledge", shipped.search, keystrokes)
    big_typed = [entity.name.lower() for entity in big[::700]]
    big_keystrokes = [name[:n] for name in big_typed for n in range(1, len(name) + 1)]
    print_keystrokes("Inline search per keystroke, synthetic names", Search(index), big_keystrokes)

    charts.run(shipped)
    end_to_end.run(shipped)
    night.run(shipped)
    alerts.run()


if __name__ == "__main__":
    main()
