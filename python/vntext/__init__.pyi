"""Type stubs for the vntext package."""

from __future__ import annotations

from ._vntext import UNICODE_VERSION as UNICODE_VERSION
from ._vntext import UTF8PROC_VERSION as UTF8PROC_VERSION
from ._vntext import __version__ as __version__
from ._vntext import decode_legacy as decode_legacy
from ._vntext import detect_legacy as detect_legacy
from ._vntext import normalize as normalize
from ._vntext import remove_accents as remove_accents
from ._vntext import sent_spans as sent_spans
from ._vntext import sent_tokenize as sent_tokenize
from ._vntext import Segmenter as Segmenter
from ._vntext import word_spans as word_spans
from ._vntext import word_tokenize as word_tokenize

__all__ = [
    "normalize",
    "remove_accents",
    "decode_legacy",
    "detect_legacy",
    "sent_tokenize",
    "sent_spans",
    "word_tokenize",
    "word_spans",
    "Segmenter",
    "UNICODE_VERSION",
    "UTF8PROC_VERSION",
    "__version__",
]
