package org.citytwin.citygml;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

/** Paths to the real CityGML files the tests read (see SOURCES.md beside them). */
public final class Fixtures {
  public static final String BROKEN_TOKYO = "C01_C04_L05_L06_L07_L11_L13_T03_invalid_demo.gml";
  public static final String OSAKA_FLOOD = "51357309_bldg_6697_op.gml";
  public static final String SAPPORO = "64413325_bldg_6697_op.gml";
  public static final String YOKOSUKA_LOD2 = "52397519_bldg_6697_op.gml";
  public static final String YOKOSUKA_DEM = "523965_dem_6697_05_op.gml";
  public static final String NUMAZU_FLOOD_AREA = "52385721_fld_6697_l1_op.gml";
  public static final String BERLIN_BLOCK = "Block020023.gml";
  public static final String LYON_CITYGML3 = "Opera-Lyon_CityGML3.0_LOD2_with_xAL3_FreeText.gml";
  public static final String BERLIN_CITYGML1 = "3890_5819.gml";

  /** The readable samples (the broken Tokyo file declares a wrong CRS and is tested apart). */
  public static final List<String> GOOD_SAMPLES =
      List.of(
          OSAKA_FLOOD,
          SAPPORO,
          YOKOSUKA_LOD2,
          YOKOSUKA_DEM,
          NUMAZU_FLOOD_AREA,
          BERLIN_BLOCK,
          LYON_CITYGML3,
          BERLIN_CITYGML1);

  private Fixtures() {}

  public static Path sample(String name) {
    try {
      return Path.of(Fixtures.class.getResource("/org/citytwin/citygml/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The bundled sample city (PLATEAU Osaka), as shipped in data/. */
  public static Path osakaDirectory() {
    return Path.of("..", "data", "citygml").toAbsolutePath().normalize();
  }

  public static CityGmlSource source(Path file) throws IOException {
    return CityGmlSources.expand(List.of(file)).get(0);
  }
}
