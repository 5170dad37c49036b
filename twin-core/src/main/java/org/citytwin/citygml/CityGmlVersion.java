package org.citytwin.citygml;

/** The CityGML versions the loader reads, recognised by the core namespace of the root element. */
public enum CityGmlVersion {
  V1_0("1.0", "http://www.opengis.net/citygml/1.0"),
  V2_0("2.0", "http://www.opengis.net/citygml/2.0"),
  V3_0("3.0", "http://www.opengis.net/citygml/3.0");

  private final String label;
  private final String coreNamespace;

  CityGmlVersion(String label, String coreNamespace) {
    this.label = label;
    this.coreNamespace = coreNamespace;
  }

  public String label() {
    return label;
  }

  /** The version whose core namespace is {@code namespace}, or null if it is not CityGML. */
  static CityGmlVersion ofCoreNamespace(String namespace) {
    for (CityGmlVersion version : values()) {
      if (version.coreNamespace.equals(namespace)) {
        return version;
      }
    }
    return null;
  }
}
