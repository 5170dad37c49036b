// The viewer: a CesiumJS globe with no Cesium ion (no token, no internet), our buildings tileset,
// picking into the side panel, colouring with a legend, and a reset.
//
// window.twinViewer tells scripts and tests how far loading got: state is "loading", then "ready"
// once the camera has arrived and every tile in view is loaded, or "error" with a message; millis
// holds when (since the page started) the tileset was read, the camera arrived and tiles settled.
// featureAt(x, y) gives the gml:id of the building drawn at a window pixel (or null), and
// featureColourAt(x, y) its colour; relief says whether the relief tileset is "absent", "shown" or
// "hidden" (see relief.js); sensors() and sensorPixel(thingId) tell what the live sensor layer
// shows (sensors.js); flood and floodLayerShown() tell how far the flood panel got (flood.js).
import * as Cesium from "cesium";
import { addScheme, legendFor, styleFor } from "./colouring.js";
import { FloodPanel, SIMULATED_SCHEME } from "./flood.js";
import { withHighlight } from "./highlight.js";
import { Panel } from "./panel.js";
import { addRelief } from "./relief.js";
import { SensorLayer } from "./sensors.js";

const TILESET = "tiles/3d/buildings/tileset.json";
const state = {
  state: "loading",
  error: null,
  millis: {},
  featureAt: () => null,
  relief: "absent",
};
const mark = (step) => (state.millis[step] = Math.round(performance.now()));
window.twinViewer = state;

const panel = new Panel(document);
const viewer = createViewer(new URLSearchParams(location.search));
const scene = viewer.scene;
const view = { scheme: panel.colourScheme(), selectedId: null, highlighted: new Set() };
let buildings = null; // the tileset, once loaded

// The sensors do not wait for the buildings: markers and alerts work without them.
const sensors = new SensorLayer(viewer, document, {
  onHighlight: (ids) => {
    view.highlighted = ids;
    if (buildings) {
      restyle(buildings);
    }
  },
});
state.sensors = () => sensors.summary();
state.sensorPixel = (thingId) => sensors.pixelOf(thingId);
sensors.start().catch((e) => sensors.failed(e));

const flood = new FloodPanel(document, viewer, () => buildings && restyle(buildings));
state.flood = flood.state;
addScheme("simulated_max_depth", { ...SIMULATED_SCHEME, valueFor: (f) => flood.schemeValue(f) });

function createViewer(params) {
  const viewer = new Cesium.Viewer("globe", {
    baseLayer: baseLayer(params.get("basemap")),
    baseLayerPicker: false,
    geocoder: false, // the geocoder and default imagery would need Cesium ion
    homeButton: false,
    sceneModePicker: false,
    navigationHelpButton: false,
    animation: false,
    timeline: false,
    fullscreenButton: false,
    infoBox: false,
    selectionIndicator: false,
    terrainProvider: new Cesium.EllipsoidTerrainProvider(),
    requestRenderMode: true, // draw only when something changed: the page idles at no CPU
  });
  viewer.scene.globe.baseColor = Cesium.Color.fromCssColorString("#c8d2c8");
  headlight(viewer.scene);
  return viewer;
}

/**
 * Light from the camera. The default light is the sun at the clock's time, which leaves the city
 * black whenever it is night there.
 */
function headlight(scene) {
  const light = new Cesium.DirectionalLight({ direction: scene.camera.directionWC });
  scene.light = light;
  scene.preRender.addEventListener(() => {
    Cesium.Cartesian3.clone(scene.camera.directionWC, light.direction);
  });
}

/**
 * ?basemap=none: the plain globe; ?basemap=URL with {z}/{x}/{y}: that XYZ tile server;
 * otherwise the Natural Earth II image that ships inside CesiumJS (offline, coarse).
 */
function baseLayer(basemap) {
  if (basemap === "none") {
    return false;
  }
  if (basemap) {
    return new Cesium.ImageryLayer(
      new Cesium.UrlTemplateImageryProvider({ url: basemap, credit: new URL(basemap).host }),
    );
  }
  const url = Cesium.buildModuleUrl("Assets/Textures/NaturalEarthII");
  return Cesium.ImageryLayer.fromProviderAsync(Cesium.TileMapServiceImageryProvider.fromUrl(url));
}

/**
 * Without terrain the globe is the bare WGS 84 ellipsoid, which around Osaka lies about 37 m below
 * the ground (the geoid height); the tiles carry true ellipsoidal heights, so the city would float.
 * Lower it as a whole until its lowest point touches the globe; heights within it are unchanged.
 */
function standOnGlobe(tileset, lowest = lowestOf(tileset)) {
  const centre = Cesium.Cartographic.fromCartesian(tileset.boundingSphere.center);
  const from = Cesium.Cartesian3.fromRadians(centre.longitude, centre.latitude, 0);
  const to = Cesium.Cartesian3.fromRadians(centre.longitude, centre.latitude, -lowest);
  const shift = Cesium.Cartesian3.subtract(to, from, new Cesium.Cartesian3());
  tileset.modelMatrix = Cesium.Matrix4.fromTranslation(shift);
}

function lowestOf(tileset) {
  return tileset.root.boundingVolume.minimumHeight ?? 0;
}

function featureAt(position) {
  const picked = scene.pick(position);
  return picked instanceof Cesium.Cesium3DTileFeature ? picked : null;
}

/** The building's id goes into the style, so its highlight survives recolouring and reloads. */
function select(tileset, feature) {
  view.selectedId = feature?.getProperty("gml_id") ?? null;
  restyle(tileset);
  if (feature) {
    panel.showPicked(feature);
    flood.showPicked(feature);
  } else {
    panel.clearSelection();
  }
}

function restyle(tileset) {
  tileset.style = withHighlight(
    styleFor(view.scheme, view.selectedId),
    view.highlighted,
    view.selectedId,
  );
  panel.showLegend(legendFor(view.scheme));
  scene.requestRender();
}

/** Resolves once no tile of the tileset is still loading for the current view. */
function tilesSettled(tileset) {
  return new Promise((resolve) => {
    const check = () => {
      if (tileset.tilesLoaded && scene.globe.tilesLoaded) {
        resolve();
      } else {
        scene.requestRender();
        setTimeout(check, 100);
      }
    };
    check();
  });
}

function fail(message) {
  state.state = "error";
  state.error = message;
  panel.status(message, true);
  console.error(`viewer: ${message}`);
}

/**
 * Checks the tileset answers before CesiumJS loads it, so that a store without buildings shows the
 * server's own problem message rather than Cesium's generic one.
 */
async function checkTileset() {
  const response = await fetch(TILESET);
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new Error(problem.detail ?? `HTTP ${response.status}`);
  }
}

/** The relief under the buildings when the store has some; a failure leaves the buildings alone. */
async function showRelief(buildings) {
  try {
    const relief = await addRelief(
      scene,
      buildings.modelMatrix,
      document.getElementById("controls"),
      (shown) => (state.relief = shown ? "shown" : "hidden"),
    );
    state.relief = relief.state;
    if (relief.tileset) {
      // The ground may lie below the lowest building (a river bed): stand both on the lower one.
      const lowest = Math.min(lowestOf(buildings), lowestOf(relief.tileset));
      standOnGlobe(buildings, lowest);
      relief.tileset.modelMatrix = buildings.modelMatrix;
    }
  } catch (e) {
    console.warn(`viewer: relief not shown: ${e.message ?? e}`);
  }
}

async function start() {
  await checkTileset();
  const tileset = await Cesium.Cesium3DTileset.fromUrl(TILESET);
  tileset.tileFailed.addEventListener((e) => fail(`tile ${e.url} failed: ${e.message}`));
  standOnGlobe(tileset);
  scene.primitives.add(tileset);
  buildings = tileset;
  restyle(tileset);
  await showRelief(tileset);

  // Looking down at 45 degrees from far enough to see the whole tileset beside the panel.
  const offset = new Cesium.HeadingPitchRange(
    0,
    Cesium.Math.toRadians(-45),
    tileset.boundingSphere.radius * 1.8,
  );
  const home = () => viewer.flyTo(tileset, { duration: 1.5, offset });
  new Cesium.ScreenSpaceEventHandler(scene.canvas).setInputAction((click) => {
    if (flood.consumesClick(click.position)) {
      return; // the flood panel was picking a breach point
    }
    const thing = sensors.pickedThing(scene.pick(click.position));
    sensors.select(thing);
    select(tileset, thing ? null : featureAt(click.position));
  }, Cesium.ScreenSpaceEventType.LEFT_CLICK);
  panel.onColourChange((scheme) => {
    view.scheme = scheme;
    restyle(tileset);
  });
  panel.onReset(() => {
    view.scheme = panel.resetColourScheme();
    sensors.reset();
    select(tileset, null);
    home();
  });
  state.featureAt = (x, y) =>
    featureAt(new Cesium.Cartesian2(x, y))?.getProperty("gml_id") ?? null;
  state.featureColourAt = (x, y) =>
    featureAt(new Cesium.Cartesian2(x, y))?.color.toCssHexString() ?? null;
  state.floodLayerShown = () => flood.shownLayer();

  mark("tileset");
  await home();
  mark("arrived");
  await tilesSettled(tileset);
  mark("settled");
  if (state.state === "loading") {
    state.state = "ready";
    panel.status("Drag to turn, scroll to zoom, click a building.");
  }
}

start().catch((e) => fail(`cannot load ${TILESET}: ${e.message ?? e}`));
