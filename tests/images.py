"""Reading a PNG's size without an imaging library: the tests check what a phone would get."""

from __future__ import annotations

import struct

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def png_size(data: bytes | None) -> tuple[int, int]:
    """Width and height from the PNG's IHDR chunk, which must come first."""
    assert data is not None
    assert data[:8] == PNG_SIGNATURE
    length, kind = struct.unpack(">I4s", data[8:16])
    assert kind == b"IHDR"
    assert length == 13
    width, height = struct.unpack(">II", data[16:24])
    return width, height
