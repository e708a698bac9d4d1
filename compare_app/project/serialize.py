"""Generic, type-driven conversion between the model's dataclasses and JSON values.

Encoding walks ``dataclasses.fields`` so a field added to any model class is saved
without touching this module.  Decoding is driven by the classes' type hints and is
strict about shape but tolerant about evolution:

* a key the class does not know is ignored and counted (the caller turns the counts
  into warnings: a newer program may have written it);
* a missing key takes the field's default; a missing key without a default, or a
  value of the wrong type, raises :class:`ShapeError` with a path such as
  ``standard.items[3].text``.

Values are checked at this boundary: a number must be finite (``1e400`` parses as
infinity, which no score or number of points can be) and a whole number within ±2**53, and a text holding a lone
surrogate (``"\\ud800"``: valid in JSON, not in any file we write) has it replaced by
U+FFFD and is counted for a warning.

Supported hints: ``str``, ``int``, ``float``, ``bool``, ``None``, ``Literal[...]``,
``X | None`` (and other unions of supported types), ``list[X]``, ``dict[str, X]`` and
dataclasses built from these.  Decoders are compiled once per type, so decoding the
whole national catalog (about 12,000 items) takes a fraction of a second.
"""

from __future__ import annotations

import dataclasses
import math
import re
import types
import typing
from collections import Counter
from typing import Any, Callable

JSONValue = Any


class ShapeError(Exception):
    """A JSON value does not have the shape the model expects.

    ``where`` is built from the innermost failing value outwards while the error
    propagates, so the happy path pays nothing for error context.
    """

    def __init__(self, problem: str):
        super().__init__(problem)
        self.problem = problem
        self.where: list[str] = []

    def located(self, root: str = "") -> str:
        path = root + "".join(reversed(self.where))
        return f"{path.lstrip('.')}: {self.problem}" if path else self.problem


class DecodeContext:
    """Collects what decoding ignored, so loading can warn instead of failing."""

    def __init__(self) -> None:
        self.unknown: Counter[tuple[str, str]] = Counter()
        self.repaired_texts = 0

    def warnings(self) -> list[str]:
        out = []
        if self.repaired_texts:
            from ..importers._clean import repaired_warning

            out.append(repaired_warning(self.repaired_texts))
        for (cls_name, key), count in sorted(self.unknown.items()):
            times = f" ({count} gånger)" if count > 1 else ""
            out.append(f"okänt fält '{key}' i {cls_name} ignorerades{times}")
        return out


Decoder = Callable[[JSONValue, DecodeContext], Any]


# --- encoding ------------------------------------------------------------------------

def encode(obj: Any) -> JSONValue:
    """A JSON-ready value for ``obj`` (dataclasses become objects with every field)."""
    if obj is None or isinstance(obj, (str, bool, int, float)):
        return obj
    if isinstance(obj, list):
        return [encode(v) for v in obj]
    if isinstance(obj, dict):
        out = {}
        for key, value in obj.items():
            if not isinstance(key, str):
                raise TypeError(f"only str dict keys can be saved, got {type(key).__name__}")
            out[key] = encode(value)
        return out
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: encode(getattr(obj, f.name)) for f in dataclasses.fields(obj) if f.init}
    raise TypeError(f"cannot save a value of type {type(obj).__name__}")


def encode_fields(obj: Any, exclude: tuple[str, ...] = ()) -> dict[str, JSONValue]:
    """Encode a dataclass's fields except ``exclude`` (stored elsewhere by the caller)."""
    return {f.name: encode(getattr(obj, f.name)) for f in dataclasses.fields(obj) if f.init and f.name not in exclude}


# --- decoding ------------------------------------------------------------------------

_DECODERS: dict[Any, Decoder] = {}


def decode(tp: Any, value: JSONValue, ctx: DecodeContext | None = None) -> Any:
    """Rebuild a value of type ``tp`` from JSON; raises :class:`ShapeError`."""
    return decoder_for(tp)(value, ctx or DecodeContext())


def decode_fields(cls: type, value: JSONValue, ctx: DecodeContext, exclude: tuple[str, ...] = ()) -> dict[str, Any]:
    """Keyword arguments for ``cls`` from a JSON object, leaving out ``exclude``."""
    if not isinstance(value, dict):
        raise ShapeError("väntade ett objekt")
    hints = typing.get_type_hints(cls)
    kwargs: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        if not f.init or f.name in exclude:
            continue
        if f.name in value:
            kwargs[f.name] = _decode_field(decoder_for(hints[f.name]), value[f.name], ctx, f.name)
        elif not _has_default(f):
            raise ShapeError(f"fältet '{f.name}' saknas")
    known = {f.name for f in dataclasses.fields(cls)} | set(exclude)
    for key in value.keys() - known:
        ctx.unknown[(cls.__name__, key)] += 1
    return kwargs


def decoder_for(tp: Any) -> Decoder:
    """The compiled decoder for a type hint (cached)."""
    try:
        return _DECODERS[tp]
    except KeyError:
        pass
    except TypeError:  # unhashable hint: compile without caching
        return _compile(tp)
    dec = _compile(tp)
    _DECODERS[tp] = dec
    return dec


def _compile(tp: Any) -> Decoder:
    if tp is Any:
        raise TypeError("Any cannot be decoded safely; give the field a concrete type")
    if tp is type(None) or tp is None:
        return _dec_none
    if tp is str:
        return _dec_str
    if tp is bool:
        return _dec_bool
    if tp is int:
        return _dec_int
    if tp is float:
        return _dec_float
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin is typing.Literal:
        return _literal_decoder(args)
    if origin in (typing.Union, types.UnionType):
        return _union_decoder(args)
    if origin is list:
        return _list_decoder(args[0] if args else Any)
    if origin is dict:
        if args and args[0] is not str:
            raise TypeError(f"dict keys must be str to be saved: {tp!r}")
        return _dict_decoder(args[1] if args else Any)
    if dataclasses.is_dataclass(tp):
        return _dataclass_decoder(tp)
    raise TypeError(f"no decoder for type {tp!r}")


def _dec_none(value, ctx):
    if value is not None:
        raise ShapeError("väntade null")
    return None


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _dec_str(value, ctx):
    if type(value) is not str:
        raise ShapeError(f"väntade text, fick {_json_type(value)}")
    if not value.isascii() and _LONE_SURROGATE.search(value):
        ctx.repaired_texts += 1
        return _LONE_SURROGATE.sub("\ufffd", value)
    return value


def _dec_bool(value, ctx):
    if type(value) is not bool:
        raise ShapeError(f"väntade true/false, fick {_json_type(value)}")
    return value


#: Whole numbers the model holds (positions, points, counts) are far below this; larger ones
#: could not even be turned into a float by the reports and the planner.
MAX_INT = 2**53


def _dec_int(value, ctx):
    if type(value) is not int:
        raise ShapeError(f"väntade ett heltal, fick {_json_type(value)}")
    if not -MAX_INT <= value <= MAX_INT:
        raise ShapeError("heltalet är orimligt stort")
    return value


def _dec_float(value, ctx):
    if type(value) is float:
        if not math.isfinite(value):
            raise ShapeError(f"talet {value} är inte ändligt")
        return value
    if type(value) is int:
        try:
            return float(value)
        except OverflowError:
            raise ShapeError("talet är för stort") from None
    raise ShapeError(f"väntade ett tal, fick {_json_type(value)}")


def _literal_decoder(choices: tuple) -> Decoder:
    allowed = set(choices)

    def dec(value, ctx):
        if type(value) not in (str, int, bool, type(None)) or value not in allowed:
            raise ShapeError(f"otillåtet värde {value!r:.60} (tillåtna: {', '.join(map(repr, choices))})")
        return value

    return dec


def _union_decoder(args: tuple) -> Decoder:
    optional = type(None) in args
    rest = [a for a in args if a is not type(None)]
    if len(rest) == 1:
        inner = decoder_for(rest[0])

        def dec_optional(value, ctx):
            if value is None and optional:
                return None
            return inner(value, ctx)

        return dec_optional
    decoders = [decoder_for(a) for a in args]

    def dec_any_of(value, ctx):
        problems = []
        for d in decoders:
            try:
                return d(value, ctx)
            except ShapeError as exc:
                problems.append(exc.problem)
        raise ShapeError(" / ".join(problems))

    return dec_any_of


def _list_decoder(item_tp: Any) -> Decoder:
    inner = decoder_for(item_tp)

    def dec(value, ctx):
        if type(value) is not list:
            raise ShapeError(f"väntade en lista, fick {_json_type(value)}")
        out = []
        for n, v in enumerate(value):
            try:
                out.append(inner(v, ctx))
            except ShapeError as exc:
                exc.where.append(f"[{n}]")
                raise
        return out

    return dec


def _dict_decoder(value_tp: Any) -> Decoder:
    inner = decoder_for(value_tp)

    def dec(value, ctx):
        if type(value) is not dict:
            raise ShapeError(f"väntade ett objekt, fick {_json_type(value)}")
        out = {}
        for k, v in value.items():
            try:
                out[_dec_str(k, ctx)] = inner(v, ctx)
            except ShapeError as exc:
                exc.where.append(f"[{k!r:.60}]")
                raise
        return out

    return dec


def _dataclass_decoder(cls: type) -> Decoder:
    hints = typing.get_type_hints(cls)
    init_fields = [f for f in dataclasses.fields(cls) if f.init]
    specs = [(f.name, decoder_for(hints[f.name]), not _has_default(f)) for f in init_fields]
    known = frozenset(f.name for f in dataclasses.fields(cls))
    name = cls.__name__

    def dec(value, ctx):
        if type(value) is not dict:
            raise ShapeError(f"väntade ett objekt ({name}), fick {_json_type(value)}")
        kwargs = {}
        for fname, fdec, required in specs:
            if fname in value:
                kwargs[fname] = _decode_field(fdec, value[fname], ctx, fname)
            elif required:
                raise ShapeError(f"fältet '{fname}' saknas i {name}")
        if not known.issuperset(value):
            for key in value.keys() - known:
                ctx.unknown[(name, key)] += 1
        try:
            return cls(**kwargs)
        except (TypeError, ValueError) as exc:
            raise ShapeError(f"ogiltigt {name}: {exc}") from None

    return dec


def _decode_field(fdec: Decoder, value: JSONValue, ctx: DecodeContext, fname: str) -> Any:
    try:
        return fdec(value, ctx)
    except ShapeError as exc:
        exc.where.append(f".{fname}")
        raise


def _has_default(f: dataclasses.Field) -> bool:
    return f.default is not dataclasses.MISSING or f.default_factory is not dataclasses.MISSING


def _json_type(value: JSONValue) -> str:
    return {
        dict: "ett objekt",
        list: "en lista",
        str: "text",
        int: "ett heltal",
        float: "ett decimaltal",
        bool: "true/false",
        type(None): "null",
    }.get(type(value), type(value).__name__)
