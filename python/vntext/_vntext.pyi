"""Type stubs for the C extension vntext._vntext."""

from __future__ import annotations

from typing import List, Literal, Optional, Tuple, TypedDict, Union

_Style = Literal["traditional", "modern"]
_Encoding = Literal["tcvn3", "vni", "viqr", "viscii", "vps", "cp1258"]
_Errors = Literal["strict", "replace"]
_LegacyData = Union[bytes, bytearray, memoryview, str]

__version__: str
UTF8PROC_VERSION: str
UNICODE_VERSION: str

class _SyllableInfo(TypedDict):
    id: int
    toneless_id: int
    onset: int
    nucleus: int
    coda: int
    tone: int
    case: int
    nletters: int
    onset_len: int
    nucleus_len: int
    canonical_traditional: str
    canonical_modern: str

def normalize(text: str, style: _Style = "traditional") -> str: ...
def remove_accents(text: str) -> str: ...
def decode_legacy(data: _LegacyData, encoding: _Encoding, errors: _Errors = "strict") -> str: ...
def detect_legacy(data: _LegacyData) -> Optional[_Encoding]: ...
def sent_tokenize(text: str) -> List[str]: ...
def sent_spans(text: str) -> List[Tuple[int, int]]: ...
def _syllable_info(token: str) -> Optional[_SyllableInfo]: ...
