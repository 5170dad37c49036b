package org.citytwin.tiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The choice of position encoding at its edge: 16-bit steps up to 1 cm, float32 beyond. */
class GlbWriterTest {

  /** One upward-facing triangle {@code width} metres wide, with an odd corner to round. */
  private static TileContent triangle(double width) {
    float w = (float) width;
    float[] positions = {0, 0, 0, w, 0.1234f, 0, 0, 3.21f, -w / 3};
    float[] normals = {0, 1, 0, 0, 1, 0, 0, 1, 0};
    return new TileContent(
        positions,
        normals,
        new float[] {0, 0, 0},
        new int[] {0, 1, 2},
        List.of(new BuildingFeature("b1", 3.21, null, null, null, null)),
        0);
  }

  @Test
  void contentUpTo65534CentimetresIsWrittenInSteps() throws Exception {
    TileContent content = triangle(655.0);
    GlbReader glb = GlbReader.read(GlbWriter.write(content));
    JsonAccess position = new JsonAccess(glb, "POSITION");
    assertEquals(5122, position.componentType());
    double[] decoded = glb.positions();
    double[] scale = {
      glb.json().at("/nodes/0/scale/0").asDouble(),
      glb.json().at("/nodes/0/scale/1").asDouble(),
      glb.json().at("/nodes/0/scale/2").asDouble()
    };
    for (int i = 0; i < decoded.length; i++) {
      assertTrue(scale[i % 3] <= GlbWriter.MAX_POSITION_STEP_METRES, "step " + scale[i % 3]);
      assertEquals(content.positions()[i], decoded[i], scale[i % 3] / 2 + 1e-6, "component " + i);
    }
    assertEquals(3, glb.indices().length);
  }

  @Test
  void widerContentKeepsFloatPositionsAndNoNodeTransform() throws Exception {
    TileContent content = triangle(700.0);
    GlbReader glb = GlbReader.read(GlbWriter.write(content));
    assertEquals(5126, new JsonAccess(glb, "POSITION").componentType());
    assertFalse(glb.json().at("/nodes/0").has("scale"));
    double[] decoded = glb.positions();
    for (int i = 0; i < decoded.length; i++) {
      assertEquals(content.positions()[i], decoded[i], 0.0, "component " + i);
    }
  }

  private record JsonAccess(GlbReader glb, String attribute) {
    int componentType() {
      int accessor = glb.primitive().at("/attributes/" + attribute).asInt();
      return glb.json().at("/accessors/" + accessor + "/componentType").asInt();
    }
  }
}
