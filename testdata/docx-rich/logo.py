"""Writes logo.png, the image of the test pair: a 64×32 gradient."""
import struct, zlib
w, h = 64, 32
raw = b"".join(b"\x00" + b"".join(bytes([x * 4, 64, y * 8]) for x in range(w)) for y in range(h))
def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
       + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))
open("logo.png", "wb").write(png)
