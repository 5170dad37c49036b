// The crowd areas of /sensors/v1/CrowdAreas (when the server lists them) as polygons on the ground,
// coloured by congestion (sensor-states.areaStateOf), and what they tell the markers: the level of
// a count over an area's walkable ground, which only the server can work out (it knows the ground).
import * as Cesium from "cesium";
import { areaStateOf } from "./sensor-states.js";

const AREA = "area:";

export class CrowdAreaLayer {
  constructor(scene, feed) {
    this.scene = scene;
    this.feed = feed;
    this.dataSource = new Cesium.CustomDataSource("crowd-areas");
    this.listed = false; // whether the server lists CrowdAreas
    this.features = [];
    this.byThing = new Map(); // thing id -> the area's properties
    this.datastreams = new Set(); // the datastreams counting the areas
  }

  /** Reads the areas and draws them; false when the server has none. */
  async load() {
    if (!this.listed) {
      return false;
    }
    const collection = await this.feed.crowdAreas();
    if (!collection) {
      this.listed = false; // listed but not answering: leave the layer out
      return false;
    }
    this.features = collection.features ?? [];
    this.byThing = new Map(this.features.map((f) => [f.properties?.id, f.properties]));
    this.datastreams = new Set(this.features.map((f) => f.properties?.datastream));
    this.draw();
    return true;
  }

  /** Redraws from the last areas read, judging staleness at `now`. */
  draw(now = Date.now()) {
    const entities = this.dataSource.entities;
    entities.suspendEvents();
    entities.removeAll();
    for (const feature of this.features) {
      const p = feature.properties ?? {};
      const state = areaStateOf(p, now);
      const colour = Cesium.Color.fromCssColorString(state.colour);
      polygonsOf(feature.geometry).forEach((hierarchy, i) =>
        entities.add({
          id: `${AREA}${p.id}:${i}`,
          name: p.name,
          properties: { thing: p.id, state: state.key },
          polygon: {
            hierarchy,
            height: 0.5, // just above the globe the city stands on
            material: colour.withAlpha(0.45),
            outline: true,
            outlineColor: colour,
          },
        }),
      );
    }
    entities.resumeEvents();
    this.scene.requestRender();
  }

  /** Whether an observation of this datastream changes an area. */
  counts(datastreamId) {
    return this.datastreams.has(datastreamId);
  }

  /** The area's state for a count over its walkable ground, or null for any other datastream. */
  stateOf(datastream, now) {
    const area = this.byThing.get(datastream.thing);
    if (area && datastream.kind === "PEOPLE_COUNT" && area.datastream === datastream.id) {
      return areaStateOf(area, now);
    }
    return null;
  }

  /** The thing id of a picked area entity, or null. */
  thingOf(entity) {
    return entity.id.startsWith(AREA) ? entity.properties.thing.getValue() : null;
  }

  get polygons() {
    return this.dataSource.entities.values.length;
  }

  /** The state key each drawn area shows (its colour), by thing id. */
  get states() {
    const states = {};
    for (const entity of this.dataSource.entities.values) {
      states[entity.properties.thing.getValue()] = entity.properties.state.getValue();
    }
    return states;
  }
}

/** Cesium polygon hierarchies of a GeoJSON Polygon or MultiPolygon (CRS84 lon, lat). */
function polygonsOf(geometry) {
  const ring = (coordinates) =>
    Cesium.Cartesian3.fromDegreesArray(coordinates.flatMap(([lon, lat]) => [lon, lat]));
  const polygon = ([outer, ...holes]) =>
    new Cesium.PolygonHierarchy(
      ring(outer),
      holes.map((hole) => new Cesium.PolygonHierarchy(ring(hole))),
    );
  if (geometry?.type === "Polygon") {
    return [polygon(geometry.coordinates)];
  }
  if (geometry?.type === "MultiPolygon") {
    return geometry.coordinates.map(polygon);
  }
  return [];
}
