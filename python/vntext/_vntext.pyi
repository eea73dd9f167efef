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
# word_tokenize takes underthesea's arguments in its order; text may also
# be given by underthesea's name for it, sentence=... (keyword only; None
# beside text is the default). The overloads give text or sentence; the
# runtime signature, which cannot say "one of two", shows text as required
# (mypy.stubtest reports that difference, and only it, for this function
# and the method).
# use_token_normalize=True puts each word through normalize(); the
# default, False, returns the words as written. Tone style and Unicode
# form never change the words; case can (a sentence without capitals is
# read with weights of its own), as the docstring says. format=None gives a list,
# "text" a str; a format only known as a str (a wrapper that passes it
# through) gets the last overloads' Union.
@overload
def word_tokenize(
    text: str,
    format: None = None,
    use_token_normalize: bool = False,
    fixed_words: Optional[Iterable[str]] = None,
    *,
    sentence: None = None,
) -> List[str]: ...
@overload
def word_tokenize(
    text: str,
    format: Literal["text"],
    use_token_normalize: bool = False,
    fixed_words: Optional[Iterable[str]] = None,
    *,
    sentence: None = None,
) -> str: ...
@overload
def word_tokenize(
    *,
    sentence: str,
    format: None = None,
    use_token_normalize: bool = False,
    fixed_words: Optional[Iterable[str]] = None,
) -> List[str]: ...
@overload
def word_tokenize(
    *,
    sentence: str,
    format: Literal["text"],
    use_token_normalize: bool = False,
    fixed_words: Optional[Iterable[str]] = None,
) -> str: ...
@overload
def word_tokenize(
    text: str,
    format: Optional[str] = None,
    use_token_normalize: bool = False,
    fixed_words: Optional[Iterable[str]] = None,
    *,
    sentence: None = None,
) -> Union[List[str], str]: ...
@overload
def word_tokenize(
    *,
    sentence: str,
    format: Optional[str] = None,
    use_token_normalize: bool = False,
    fixed_words: Optional[Iterable[str]] = None,
) -> Union[List[str], str]: ...
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
    # the arguments of the module-level word_tokenize but fixed_words (a
    # Segmenter's words are its user_dict)
    @overload
    def word_tokenize(
        self,
        text: str,
        format: None = None,
        use_token_normalize: bool = False,
        *,
        sentence: None = None,
    ) -> List[str]: ...
    @overload
    def word_tokenize(
        self,
        text: str,
        format: Literal["text"],
        use_token_normalize: bool = False,
        *,
        sentence: None = None,
    ) -> str: ...
    @overload
    def word_tokenize(
        self, *, sentence: str, format: None = None, use_token_normalize: bool = False
    ) -> List[str]: ...
    @overload
    def word_tokenize(
        self, *, sentence: str, format: Literal["text"], use_token_normalize: bool = False
    ) -> str: ...
    @overload
    def word_tokenize(
        self,
        text: str,
        format: Optional[str] = None,
        use_token_normalize: bool = False,
        *,
        sentence: None = None,
    ) -> Union[List[str], str]: ...
    @overload
    def word_tokenize(
        self, *, sentence: str, format: Optional[str] = None, use_token_normalize: bool = False
    ) -> Union[List[str], str]: ...
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
