package org.citytwin.citygml;

import org.citygml4j.core.model.bridge.Bridge;
import org.citygml4j.core.model.bridge.BridgePart;
import org.citygml4j.core.model.building.Building;
import org.citygml4j.core.model.building.BuildingPart;
import org.citygml4j.core.model.cityfurniture.CityFurniture;
import org.citygml4j.core.model.core.AbstractCityObject;
import org.citygml4j.core.model.generics.GenericLogicalSpace;
import org.citygml4j.core.model.generics.GenericOccupiedSpace;
import org.citygml4j.core.model.generics.GenericThematicSurface;
import org.citygml4j.core.model.generics.GenericUnoccupiedSpace;
import org.citygml4j.core.model.landuse.LandUse;
import org.citygml4j.core.model.relief.AbstractReliefComponent;
import org.citygml4j.core.model.relief.ReliefFeature;
import org.citygml4j.core.model.transportation.AbstractTransportationSpace;
import org.citygml4j.core.model.transportation.Railway;
import org.citygml4j.core.model.transportation.Road;
import org.citygml4j.core.model.transportation.Square;
import org.citygml4j.core.model.transportation.Track;
import org.citygml4j.core.model.tunnel.Tunnel;
import org.citygml4j.core.model.tunnel.TunnelPart;
import org.citygml4j.core.model.vegetation.PlantCover;
import org.citygml4j.core.model.vegetation.SolitaryVegetationObject;
import org.citygml4j.core.model.waterbody.WaterBody;
import org.citytwin.model.CityObjectType;

/** Which twin object type a citygml4j city object is, across CityGML 1.0, 2.0 and 3.0. */
final class CityObjectTypes {
  private CityObjectTypes() {}

  static CityObjectType of(AbstractCityObject object) {
    if (object instanceof BuildingPart) {
      return CityObjectType.BUILDING_PART;
    } else if (object instanceof Building) {
      return CityObjectType.BUILDING;
    } else if (object instanceof Road) {
      return CityObjectType.ROAD;
    } else if (object instanceof Railway) {
      return CityObjectType.RAILWAY;
    } else if (object instanceof Track) {
      return CityObjectType.TRACK;
    } else if (object instanceof Square) {
      return CityObjectType.SQUARE;
    } else if (object instanceof AbstractTransportationSpace) {
      return CityObjectType.TRANSPORTATION_OTHER;
    } else if (object instanceof ReliefFeature || object instanceof AbstractReliefComponent) {
      return CityObjectType.RELIEF;
    } else if (object instanceof WaterBody) {
      return CityObjectType.WATER_BODY;
    } else if (object instanceof LandUse) {
      return CityObjectType.LAND_USE;
    } else if (object instanceof BridgePart) {
      return CityObjectType.BRIDGE_PART;
    } else if (object instanceof Bridge) {
      return CityObjectType.BRIDGE;
    } else if (object instanceof TunnelPart) {
      return CityObjectType.TUNNEL_PART;
    } else if (object instanceof Tunnel) {
      return CityObjectType.TUNNEL;
    } else if (object instanceof CityFurniture) {
      return CityObjectType.CITY_FURNITURE;
    } else if (object instanceof SolitaryVegetationObject || object instanceof PlantCover) {
      return CityObjectType.VEGETATION;
    } else if (object instanceof GenericOccupiedSpace
        || object instanceof GenericUnoccupiedSpace
        || object instanceof GenericLogicalSpace
        || object instanceof GenericThematicSurface) {
      return CityObjectType.GENERIC;
    }
    return CityObjectType.OTHER;
  }

  /** Parts are stored as objects of their own, linked to their parent. */
  static boolean isPart(AbstractCityObject object) {
    return object instanceof BuildingPart
        || object instanceof BridgePart
        || object instanceof TunnelPart;
  }
}
