"""The bot's counters, exposed through `prometheus_client` in Prometheus' text format.

Each metric is a module-level object, so any layer can count without being handed a registry:

    from bridgebot import metrics
    metrics.nudges_sent.inc(kind="followup")
    metrics.telegram_429.inc(method="sendMessage")
    with metrics.translation_seconds.time():
        ...

The thin wrappers below keep that call style (labels as keyword arguments) and add `value()` for tests,
which compare before and after. All metrics live in one dedicated `REGISTRY`, not the library's global
one, so several bots started in one process (the tests) share the counters without registering a name
twice. `render()` writes the exposition served at `/metrics` (bridgebot/health.py). Values live for the
process (Prometheus computes rates across restarts on its own). Labels are for small, fixed sets
(methods, actions), never chat ids or text.
"""

from __future__ import annotations

import prometheus_client
from prometheus_client import CollectorRegistry, exposition

# Seconds: a short message on a warm pair takes tens of milliseconds, a cold load or a burst seconds.
LATENCY_BUCKETS = (0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)

# The `*_created` timestamp series add nothing a Prometheus server needs here and double the exposition.
prometheus_client.disable_created_metrics()

REGISTRY = CollectorRegistry(auto_describe=True)


class Counter:
    """Only goes up: things that happened (messages relayed, nudges sent, 429s)."""

    def __init__(
        self, name: str, help_text: str, labels: tuple[str, ...] = (), registry: CollectorRegistry = REGISTRY
    ) -> None:
        self._labels = labels
        self._counter = prometheus_client.Counter(name, help_text, labelnames=labels, registry=registry)

    def inc(self, amount: float = 1.0, **labels: str) -> None:
        (self._counter.labels(**labels) if self._labels else self._counter).inc(amount)

    def value(self, **labels: str) -> float:
        """The current count; with no labels, the sum over all of them."""
        samples = [sample for family in self._counter.collect() for sample in family.samples]
        wanted = {key: str(value) for key, value in labels.items()}
        return sum(sample.value for sample in samples if wanted.items() <= sample.labels.items())


class Gauge:
    """A level read when scraped (outbox depth)."""

    def __init__(self, name: str, help_text: str, registry: CollectorRegistry = REGISTRY) -> None:
        self._gauge = prometheus_client.Gauge(name, help_text, registry=registry)

    def set(self, value: float) -> None:
        self._gauge.set(value)


class Histogram:
    """Durations, in cumulative buckets, so Prometheus can compute quantiles across scrapes."""

    def __init__(
        self,
        name: str,
        help_text: str,
        buckets: tuple[float, ...] = LATENCY_BUCKETS,
        registry: CollectorRegistry = REGISTRY,
    ) -> None:
        self._histogram = prometheus_client.Histogram(name, help_text, buckets=buckets, registry=registry)

    def observe(self, seconds: float) -> None:
        self._histogram.observe(seconds)

    def time(self) -> prometheus_client.context_managers.Timer:
        """Observe how long the block took, also when it raised."""
        return self._histogram.time()


def render(registry: CollectorRegistry = REGISTRY) -> str:
    """Every metric, in Prometheus' text exposition format (version 0.0.4)."""
    return exposition.generate_latest(registry).decode()


def scrape(accept: str | None) -> tuple[bytes, str]:
    """The body and Content-Type for a scraper's Accept header: the text format, or OpenMetrics when
    the scraper asks for it (the library's own negotiation)."""
    encoder, content_type = exposition.choose_encoder(accept or "")
    return encoder(REGISTRY), content_type


messages_relayed = Counter(
    "bridgebot_messages_relayed_total", "Messages accepted from a member group and queued for its partner groups."
)
copies_delivered = Counter(
    "bridgebot_copies_delivered_total", "Relayed copies sent or edited in partner groups, by action.", ("action",)
)
translation_seconds = Histogram(
    "bridgebot_translation_seconds", "Time to translate one relayed message into one language."
)
outbox_depth = Gauge("bridgebot_outbox_depth", "Relayed copies waiting to be delivered (read at scrape time).")
nudges_sent = Counter(
    "bridgebot_nudges_sent_total", "Follow-up nudges and announcements sent to groups, by kind.", ("kind",)
)
copies_dropped = Counter(
    "bridgebot_copies_dropped_total",
    "Outbox rows given up on without knowing whether they arrived, by reason.",
    ("reason",),
)
telegram_unauthorized = Counter(
    "bridgebot_telegram_unauthorized_total", "Times Telegram refused the bot's token and delivery stopped."
)
telegram_429 = Counter(
    "bridgebot_telegram_429_total",
    "Telegram flood-control answers (429 Too Many Requests), by Bot API method.",
    ("method",),
)
