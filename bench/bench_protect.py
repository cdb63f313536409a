"""Finding protected tokens in crafted messages: CPU time per 4 KB message.

    python bench/bench_protect.py [--size 4096] [--repeat 5]

Every relayed text goes through `protect.protected_tokens` once per target language, on the event
loop's side of the batching, so a pattern that backtracks quadratically turns one posted message into
seconds of CPU. The crafted shapes are runs of digits and separators that a backtracking number
pattern re-reads from every digit (glued to a word at either end, with no-break spaces, clocks,
slashes), next to an ordinary chat message of the same size. Before the linear number pattern the
worst of them took ~0.3-0.4 s here; each should now take about as long as the ordinary message.
"""

from __future__ import annotations

import argparse
import time

from bridgebot.translation.protect import protected_tokens

ORDINARY = "please read the minutes at https://x.org/p and call @anna_hh at 12:30 on 2026-12-04 👍 "


def messages(size: int) -> dict[str, str]:
    def fill(unit: str, head: str = " ", tail: str = "a") -> str:
        return head + unit * ((size - len(head) - len(tail)) // len(unit)) + tail

    return {
        "ordinary chat text": (ORDINARY * (size // len(ORDINARY) + 1))[:size],
        "x1:1:1:…:1 (glued head)": fill(":1", head=" x1", tail=" now"),
        "1:1:1:…1a (glued tail)": fill("1:1", tail="a"),
        "1:11/1:11/…1a": fill("1:11/", tail="1a"),
        "1:11␣1:11␣…1a (no-break spaces)": fill("1:11\u00a0", tail="1a"),
        "1:11:11:…1a": fill("1:11:11", tail="1a"),
        "+1 1 1 … (phone-like)": fill(" 1", head="+1", tail="a"),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=4096)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    print(f"{'message':36} {'chars':>6} {'best ms':>9} {'worst ms':>9}")
    for name, text in messages(args.size).items():
        times = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            protected_tokens(text)
            times.append((time.perf_counter() - start) * 1000)
        print(f"{name:36} {len(text):6} {min(times):9.2f} {max(times):9.2f}")


if __name__ == "__main__":
    main()
