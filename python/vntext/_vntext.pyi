"""Type stubs for the C extension vntext._vntext."""

from __future__ import annotations

from os import PathLike
from typing import Iterable, List, Literal, Optional, Tuple, TypedDict, Union, final, overload

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
@overload
def word_tokenize(
    text: str, format: None = None, *, fixed_words: Optional[Iterable[str]] = None
) -> List[str]: ...
@overload
def word_tokenize(
    text: str, format: Literal["text"], *, fixed_words: Optional[Iterable[str]] = None
) -> str: ...
def word_spans(
    text: str, *, fixed_words: Optional[Iterable[str]] = None
) -> List[Tuple[int, int]]: ...

@final
class Segmenter:
    # the C type takes its arguments in __new__ and cannot be subclassed
    def __new__(
        cls,
        model_path: Union[str, bytes, PathLike[str], None] = None,
        user_dict: Optional[Iterable[str]] = None,
        user_split: Optional[Iterable[str]] = None,
    ) -> Segmenter: ...
    @property
    def description(self) -> str: ...
    @property
    def memory(self) -> int: ...
    @overload
    def word_tokenize(self, text: str, format: None = None) -> List[str]: ...
    @overload
    def word_tokenize(self, text: str, format: Literal["text"]) -> str: ...
    def word_spans(self, text: str) -> List[Tuple[int, int]]: ...

def _syllable_info(token: str) -> Optional[_SyllableInfo]: ...
def _utf8(text: str, encoder: int = 4, /) -> Optional[bytes]: ...
def _str(data: bytes, /) -> str: ...
def _restore_segmenter(
    model_path: Union[str, bytes, None],
    user_dict: Optional[Tuple[str, ...]],
    user_split: Optional[Tuple[str, ...]],
    /,
) -> Segmenter: ...
