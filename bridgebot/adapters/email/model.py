"""Values shared by composing and parsing mails."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Attachment:
    """A file carried by a mail. `inline` images are shown in the body (HTML `cid:`), others attached.

    The caller enforces the size limit (the product's setting) before composing: a mail server refuses
    a mail over its own limit with a 552, which the sender reports as `Rejected`.
    """

    filename: str
    content_type: str
    data: bytes = field(repr=False)
    inline: bool = False

    @property
    def is_image(self) -> bool:
        return self.content_type.startswith("image/")
