"""The bot's counters, in Prometheus' text format, with no dependency.

Each metric is a module-level object, so any layer can count without being handed a registry:

    from bridgebot import metrics
    metrics.nudges_sent.inc()
    metrics.telegram_429.inc(method="sendMessage")
    with metrics.translation_seconds.time():
        ...

`render()` writes the exposition served at `/metrics` (bridgebot/health.py). Values live for the
process (Prometheus computes rates from restarts on its own); tests compare before and after.
Labels are for small, fixed sets (methods, actions), never chat ids or text.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

# Seconds: a short message on a warm pair takes tens of milliseconds, a cold load or a burst seconds.
LATENCY_BUCKETS = (0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)

_registry: list[_Metric] = []


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"')


def _labels(pairs: tuple[tuple[str, str], ...]) -> str:
    if not pairs:
        return ""
    return "{" + ",".join(f'{key}="{_escape(value)}"' for key, value in pairs) + "}"


def _number(value: float) -> str:
    if math.isinf(value):
        return "+Inf" if value > 0 else "-Inf"
    return str(int(value)) if float(value).is_integer() else repr(float(value))


class _Metric:
    kind = ""

    def __init__(self, name: str, help_text: str) -> None:
        self.name = name
        self.help = help_text
        # Increments may come from worker threads (translation) as well as the event loop.
        self._lock = threading.Lock()
        _registry.append(self)

    def _samples(self) -> list[str]:
        raise NotImplementedError

    def render(self) -> str:
        header = f"# HELP {self.name} {self.help}\n# TYPE {self.name} {self.kind}\n"
        return header + "".join(f"{line}\n" for line in self._samples())


class Counter(_Metric):
    """Only goes up: things that happened (messages relayed, nudges sent, 429s)."""

    kind = "counter"

    def __init__(self, name: str, help_text: str) -> None:
        super().__init__(name, help_text)
        self._values: dict[tuple[tuple[str, str], ...], float] = {}

    def inc(self, amount: float = 1.0, **labels: str) -> None:
        key = tuple(sorted((k, str(v)) for k, v in labels.items()))
        with self._lock:
            self._values[key] = self._values.get(key, 0.0) + amount

    def value(self, **labels: str) -> float:
        """The current count; with no labels, the sum over all of them."""
        with self._lock:
            if not labels:
                return sum(self._values.values())
            return self._values.get(tuple(sorted((k, str(v)) for k, v in labels.items())), 0.0)

    def _samples(self) -> list[str]:
        with self._lock:
            items = sorted(self._values.items()) or [((), 0.0)]
        return [f"{self.name}{_labels(key)} {_number(value)}" for key, value in items]


class Gauge(_Metric):
    """A level read when scraped (outbox depth)."""

    kind = "gauge"

    def __init__(self, name: str, help_text: str) -> None:
        super().__init__(name, help_text)
        self._value = 0.0

    def set(self, value: float) -> None:
        with self._lock:
            self._value = float(value)

    def value(self) -> float:
        return self._value

    def _samples(self) -> list[str]:
        return [f"{self.name} {_number(self._value)}"]


class Histogram(_Metric):
    """Durations, in cumulative buckets, so Prometheus can compute quantiles across scrapes."""

    kind = "histogram"

    def __init__(self, name: str, help_text: str, buckets: tuple[float, ...] = LATENCY_BUCKETS) -> None:
        super().__init__(name, help_text)
        self._bounds = (*sorted(buckets), math.inf)
        self._counts = [0] * len(self._bounds)
        self._sum = 0.0

    def observe(self, seconds: float) -> None:
        with self._lock:
            self._sum += seconds
            for index, bound in enumerate(self._bounds):
                if seconds <= bound:
                    self._counts[index] += 1
                    break

    @contextmanager
    def time(self) -> Iterator[None]:
        """Observe how long the block took, also when it raised."""
        started = time.perf_counter()
        try:
            yield
        finally:
            self.observe(time.perf_counter() - started)

    @property
    def count(self) -> int:
        return sum(self._counts)

    def _samples(self) -> list[str]:
        with self._lock:
            counts, total = list(self._counts), self._sum
        lines, cumulative = [], 0
        for bound, count in zip(self._bounds, counts, strict=True):
            cumulative += count
            lines.append(f'{self.name}_bucket{{le="{_number(bound)}"}} {cumulative}')
        lines.append(f"{self.name}_sum {_number(total)}")
        lines.append(f"{self.name}_count {cumulative}")
        return lines


def render() -> str:
    """Every metric, in Prometheus' text exposition format (version 0.0.4)."""
    return "".join(metric.render() for metric in _registry)


CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"

messages_relayed = Counter(
    "bridgebot_messages_relayed_total", "Messages accepted from a member group and queued for its partner groups."
)
copies_delivered = Counter(
    "bridgebot_copies_delivered_total", "Relayed copies sent or edited in partner groups, by action."
)
translation_seconds = Histogram(
    "bridgebot_translation_seconds", "Time to translate one relayed message into one language."
)
outbox_depth = Gauge("bridgebot_outbox_depth", "Relayed copies waiting to be delivered (read at scrape time).")
nudges_sent = Counter("bridgebot_nudges_sent_total", "Follow-up nudges and announcements sent to groups.")
copies_dropped = Counter(
    "bridgebot_copies_dropped_total", "Outbox rows given up on without knowing whether they arrived, by reason."
)
telegram_unauthorized = Counter(
    "bridgebot_telegram_unauthorized_total", "Times Telegram refused the bot's token and delivery stopped."
)
telegram_429 = Counter(
    "bridgebot_telegram_429_total", "Telegram flood-control answers (429 Too Many Requests), by Bot API method."
)
