package org.citytwin.tiles;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** The binary chunk of a GLB under construction, and the buffer views that slice it. */
final class BinaryBody {
  private final ArrayNode views;
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

  BinaryBody(ArrayNode views) {
    this.views = views;
  }

  /** A little-endian buffer of this size, to fill and pass to {@link #view}. */
  ByteBuffer buffer(int size) {
    return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
  }

  /** Appends a filled buffer at the next 8-byte boundary; returns its buffer view index. */
  int view(ByteBuffer filled, int target) {
    return view(filled, target, 0);
  }

  /** As {@link #view(ByteBuffer, int)}, with a byte stride when {@code byteStride} is not 0. */
  int view(ByteBuffer filled, int target, int byteStride) {
    while (bytes.size() % 8 != 0) {
      bytes.write(0);
    }
    ObjectNode view = views.addObject();
    view.put("buffer", 0).put("byteOffset", bytes.size()).put("byteLength", filled.capacity());
    if (target != 0) {
      view.put("target", target);
    }
    if (byteStride != 0) {
      view.put("byteStride", byteStride);
    }
    bytes.write(filled.array(), 0, filled.capacity());
    return views.size() - 1;
  }

  int floats(float[] values, int target) {
    ByteBuffer buffer = buffer(values.length * 4);
    for (float value : values) {
      buffer.putFloat(value);
    }
    return view(buffer, target);
  }

  /**
   * Unit vectors (x, y, z triples) as normalized signed bytes, value = round(127 c), each vector
   * padded to 4 bytes because glTF aligns every vertex attribute element to 4 bytes.
   */
  int normalizedBytes(float[] xyz, int target) {
    ByteBuffer buffer = buffer(xyz.length / 3 * 4);
    for (int i = 0; i < xyz.length; i += 3) {
      buffer.put(snorm8(xyz[i])).put(snorm8(xyz[i + 1])).put(snorm8(xyz[i + 2])).put((byte) 0);
    }
    return view(buffer, target, 4);
  }

  static byte snorm8(float value) {
    return (byte) Math.max(-127, Math.min(127, Math.round(value * 127f)));
  }

  byte[] bytes() {
    while (bytes.size() % 8 != 0) {
      bytes.write(0);
    }
    return bytes.toByteArray();
  }
}
