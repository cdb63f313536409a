"""bridgebot: bridges the group chats of partner cities, translated offline."""

__version__ = "0.1.0"
