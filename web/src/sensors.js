// The live sensor layer: one marker per Thing on the ground, coloured by the state of its headline
// datastream (sensor-states.js) and labelled with its value; the crowd areas coloured by congestion
// when the server has them; a pick shows the thing's readings and a chart in the panel; the
// Server-Sent Events keep markers, areas, the open chart and the alert list current.
//
// main.js hooks it in with pickedThing/select (clicks), and onHighlight (buildings an alert lists).
import * as Cesium from "cesium";
import { SensorFeed } from "./sensor-feed.js";
import { formatValue, SensorPanel } from "./sensor-panel.js";
import { CrowdAreaLayer } from "./crowd-areas.js";
import { headlineOf, stateOf, thresholdLevels } from "./sensor-states.js";

const CHART_HOURS = 6;
const CHART_INTERVAL = "PT10M";
const CHART_INTERVAL_MS = 10 * 60 * 1000;
const RECENT_ALERTS = 10;
/** How often staleness is re-judged without new data. */
const RECHECK_MS = 30_000;
/** Updates come in bursts (a replay posts all datastreams at once): redraw once per burst. */
const SETTLE_MS = 500;

const MARKER = "sensor:";

/** Calls `task` once, `ms` after the last of a burst of calls. */
function debounced(task, ms) {
  let timer = null;
  return () => {
    clearTimeout(timer);
    timer = setTimeout(task, ms);
  };
}

export class SensorLayer {
  /** onHighlight(Set of gml:ids) colours buildings; an empty set clears. */
  constructor(viewer, document, { onHighlight }) {
    this.viewer = viewer;
    this.scene = viewer.scene;
    this.panel = new SensorPanel(document);
    this.feed = new SensorFeed();
    this.onHighlight = onHighlight;
    this.things = new Map(); // id -> thing
    this.datastreams = new Map(); // id -> datastream
    this.latest = new Map(); // datastream id -> observation
    this.markers = new Cesium.CustomDataSource("sensors");
    this.areas = new CrowdAreaLayer(this.scene, this.feed);
    this.selected = null; // {thingId, datastreamId}
    this.shownAlerts = new Set(); // alert ids
    this.highlighted = 0;
    this.state = "off";
    // New datastreams may belong to new crowd areas too.
    const reload = () => this.loadEntities().then(() => this.loadAreas());
    this.reloadEntities = debounced(() => reload().catch((e) => this.failed(e)), SETTLE_MS);
    this.refreshChart = debounced(() => this.loadChart(), SETTLE_MS);
    this.refreshAreas = debounced(() => this.loadAreas().catch((e) => this.failed(e)), SETTLE_MS);
  }

  async start() {
    const collections = await this.feed.collections();
    if (!collections) {
      return; // this server has no sensor API
    }
    this.panel.show(true);
    this.state = "loading";
    this.panel.status("Loading sensors…");
    this.areas.listed = collections.has("CrowdAreas");
    await this.viewer.dataSources.add(this.areas.dataSource);
    await this.viewer.dataSources.add(this.markers);
    await this.loadEntities();
    const alerts = await this.feed.recentAlerts(RECENT_ALERTS);
    alerts.reverse().forEach((alert) => this.showAlert(alert, false));
    await this.loadAreas();
    this.feed.live({
      snapshot: (observations) => this.receive(observations, true),
      observations: (observations) => this.receive(observations, false),
      alert: (alert) => this.showAlert(alert, true),
      congestion: () => this.refreshAreas(),
      connection: (state) => this.connection(state),
    });
    setInterval(() => {
      this.areas.draw();
      this.redraw();
    }, RECHECK_MS);
  }

  failed(e) {
    this.panel.status(`Sensors: ${e.message ?? e}`, true);
    console.error(`sensors: ${e.message ?? e}`);
  }

  connection(state) {
    const back = state === "live" && this.state === "reconnecting";
    this.state = state;
    this.updateStatus();
    if (back) {
      this.catchUpAlerts().catch((e) => this.failed(e));
    }
  }

  /** Alerts recorded while the feed was interrupted: the new snapshot has values, not alerts. */
  async catchUpAlerts() {
    const alerts = await this.feed.recentAlerts(RECENT_ALERTS);
    alerts
      .reverse()
      .filter((alert) => !this.shownAlerts.has(alert.id))
      .forEach((alert) => this.showAlert(alert, true));
  }

  updateStatus() {
    const count = this.things.size;
    const what = `${count} sensor${count === 1 ? "" : "s"}`;
    if (this.state === "live") {
      this.panel.status(`${what}, live. Click a marker for its readings.`);
    } else if (this.state === "reconnecting") {
      this.panel.status(`${what}; the live feed is interrupted, reconnecting…`, true);
    }
  }

  async loadEntities() {
    const { things, datastreams } = await this.feed.entities();
    this.things = new Map(things.map((t) => [t.id, t]));
    this.datastreams = new Map(datastreams.map((d) => [d.id, d]));
    this.redraw();
    this.updateStatus();
  }

  /** Observations from the feed: the snapshot replaces, later events only ever move forward. */
  receive(observations, snapshot) {
    if (snapshot) {
      this.latest.clear();
    }
    let unknown = false;
    let charted = false;
    let crowd = false;
    for (const o of observations) {
      const current = this.latest.get(o.datastream);
      if (!current || Date.parse(o.phenomenonTime) >= Date.parse(current.phenomenonTime)) {
        this.latest.set(o.datastream, o);
      }
      unknown ||= !this.datastreams.has(o.datastream);
      charted ||= o.datastream === this.selected?.datastreamId;
      crowd ||= this.areas.counts(o.datastream);
    }
    if (unknown) {
      this.reloadEntities(); // things put after this page loaded, e.g. by a replay
    }
    this.redraw();
    if (charted && !snapshot) {
      this.refreshChart();
    }
    if (crowd && !snapshot) {
      this.refreshAreas();
    }
  }

  /** The markers (and the open readings) from the current entities and latest values. */
  redraw() {
    const now = Date.now();
    const entities = this.markers.entities;
    entities.suspendEvents();
    for (const entity of [...entities.values]) {
      if (!this.things.has(entity.id.slice(MARKER.length))) {
        entities.remove(entity);
      }
    }
    for (const thing of this.things.values()) {
      this.drawMarker(thing, now);
    }
    entities.resumeEvents();
    if (this.selected) {
      this.showSelected();
    }
    this.scene.requestRender();
  }

  datastreamsOf(thingId) {
    return [...this.datastreams.values()].filter((d) => d.thing === thingId);
  }

  /** {datastream, observation, state} of the datastream that colours the thing's marker. */
  headline(thing, now = Date.now()) {
    const datastream = headlineOf(this.datastreamsOf(thing.id));
    const observation = datastream ? this.latest.get(datastream.id) : undefined;
    return {
      datastream,
      observation,
      state: datastream ? this.stateOf(datastream, observation, now) : null,
    };
  }

  /** As sensor-states.stateOf, except that a count over a crowd area takes the area's level. */
  stateOf(datastream, observation, now) {
    return this.areas.stateOf(datastream, now) ?? stateOf(datastream, observation, now);
  }

  drawMarker(thing, now) {
    const { datastream, observation, state } = this.headline(thing, now);
    const colour = Cesium.Color.fromCssColorString(state?.colour ?? "#9e9e9e");
    const selected = this.selected?.thingId === thing.id;
    const text = observation ? formatValue(datastream, observation.result) : thing.name;
    const id = MARKER + thing.id;
    const position = Cesium.Cartesian3.fromDegrees(thing.location.lon, thing.location.lat, 0);
    let entity = this.markers.entities.getById(id);
    if (!entity) {
      entity = this.markers.entities.add({
        id,
        name: thing.name,
        position,
        point: {
          pixelSize: 14,
          outlineWidth: 2,
          // On the ground or, for a sensor inside a building's footprint, on its roof; the city
          // itself is lowered onto the globe (main.js), so both are where the tiles are drawn.
          heightReference: Cesium.HeightReference.CLAMP_TO_GROUND,
          disableDepthTestDistance: Number.POSITIVE_INFINITY, // never hidden behind a building
        },
        label: {
          font: "12px system-ui, sans-serif",
          fillColor: Cesium.Color.WHITE,
          showBackground: true,
          backgroundColor: new Cesium.Color(0.1, 0.14, 0.16, 0.75),
          backgroundPadding: new Cesium.Cartesian2(5, 3),
          verticalOrigin: Cesium.VerticalOrigin.BOTTOM,
          pixelOffset: new Cesium.Cartesian2(0, -12),
          heightReference: Cesium.HeightReference.CLAMP_TO_GROUND,
          disableDepthTestDistance: Number.POSITIVE_INFINITY,
        },
      });
    }
    entity.position = position;
    entity.point.color = colour;
    entity.point.outlineColor = selected ? Cesium.Color.BLACK : Cesium.Color.WHITE;
    entity.point.pixelSize = selected ? 18 : 14;
    entity.label.text = text;
    entity.properties = { state: state?.key ?? "NO_DATASTREAM" };
  }

  async loadAreas() {
    if (await this.areas.load()) {
      this.redraw(); // markers of counts over crowd areas take the areas' levels
    }
  }

  /** The thing id of a picked marker or crowd area (scene.pick's result), or null. */
  pickedThing(picked) {
    const entity = picked?.id;
    if (!(entity instanceof Cesium.Entity) || typeof entity.id !== "string") {
      return null;
    }
    if (entity.id.startsWith(MARKER)) {
      return entity.id.slice(MARKER.length);
    }
    return this.areas.thingOf(entity);
  }

  /** Shows a thing's readings and the chart of its headline datastream; null closes. */
  select(thingId) {
    const thing = thingId ? this.things.get(thingId) : null;
    if (!thing) {
      this.selected = null;
      this.panel.hideThing();
      this.redraw();
      return;
    }
    const headline = this.headline(thing).datastream;
    this.selected = { thingId, datastreamId: headline?.id ?? null };
    this.redraw();
    this.panel.revealThing();
    this.loadChart();
  }

  showSelected() {
    const thing = this.things.get(this.selected.thingId);
    if (!thing) {
      this.select(null);
      return;
    }
    const now = Date.now();
    const rows = this.datastreamsOf(thing.id).map((datastream) => {
      const observation = this.latest.get(datastream.id);
      return { datastream, observation, state: this.stateOf(datastream, observation, now) };
    });
    this.panel.showThing(thing, rows, this.selected.datastreamId, (datastreamId) => {
      this.selected.datastreamId = datastreamId;
      this.showSelected();
      this.loadChart();
    });
  }

  /**
   * Charts the last hours up to the datastream's latest value (or now without one), so a
   * replayed or paused series still shows its data.
   */
  async loadChart() {
    const datastream = this.datastreams.get(this.selected?.datastreamId);
    if (!datastream) {
      return;
    }
    const latest = this.latest.get(datastream.id);
    const last = latest ? Date.parse(latest.phenomenonTime) : Date.now();
    const to = new Date((Math.floor(last / CHART_INTERVAL_MS) + 1) * CHART_INTERVAL_MS);
    const from = new Date(to.getTime() - CHART_HOURS * 3600 * 1000);
    this.panel.chartLoading(datastream, CHART_HOURS);
    try {
      const rows = await this.feed.aggregates(datastream.id, from, to, CHART_INTERVAL);
      if (this.selected?.datastreamId !== datastream.id) {
        return; // another was chosen meanwhile
      }
      const state = this.stateOf(datastream, latest, Date.now());
      this.panel.showChart(
        {
          rows,
          from,
          to,
          intervalMs: CHART_INTERVAL_MS,
          colour: state.key === "STALE" || state.key === "NO_VALUE" ? "#56636b" : "#1d4f91",
          levels: thresholdLevels(datastream),
        },
        CHART_HOURS,
        "10 min",
      );
    } catch (e) {
      this.panel.chartFailed(e.message ?? String(e));
    }
  }

  showAlert(alert, live) {
    const datastream = this.datastreams.get(alert.datastream);
    const thing = datastream ? this.things.get(datastream.thing) : null;
    const where = thing?.name ?? alert.datastream;
    if (this.shownAlerts.has(alert.id)) {
      return;
    }
    this.shownAlerts.add(alert.id);
    this.panel.addAlert({ alert, where }, live, () => this.focusAlert(alert));
    if (live) {
      this.lastLiveAlert = alert.id;
    }
  }

  highlight(ids) {
    this.highlighted = ids.size;
    this.onHighlight(ids);
  }

  /** Closes the readings and clears the highlighted buildings. */
  reset() {
    this.select(null);
    this.highlight(new Set());
  }

  /** Flies to the gauge and highlights the buildings the alert lists. */
  focusAlert(alert) {
    const datastream = this.datastreams.get(alert.datastream);
    const marker = datastream ? this.markers.entities.getById(MARKER + datastream.thing) : null;
    const listed =
      alert.floodingBuildings.length > 0 ? alert.floodingBuildings : alert.nearbyObjects;
    this.highlight(new Set(listed));
    if (marker) {
      const range = Math.max(400, alert.radiusMetres * 3);
      this.viewer.flyTo(marker, {
        duration: 1.5,
        offset: new Cesium.HeadingPitchRange(0, Cesium.Math.toRadians(-45), range),
      });
      this.select(datastream.thing);
    }
  }

  /**
   * For scripts and tests: the window pixel where a click picks the thing's marker (the marker is
   * clamped to the ground or a roof, so look around its projected position), or null.
   */
  pixelOf(thingId) {
    const entity = this.markers.entities.getById(MARKER + thingId);
    const position = entity?.position?.getValue(Cesium.JulianDate.now());
    const clamped = position ? (this.scene.clampToHeight(position) ?? position) : null;
    const centre = clamped ? this.scene.cartesianToCanvasCoordinates(clamped) : null;
    if (!centre) {
      return null;
    }
    for (let radius = 0; radius <= 24; radius += 3) {
      for (let dx = -radius; dx <= radius; dx += 3) {
        for (let dy = -radius; dy <= radius; dy += 3) {
          if (Math.max(Math.abs(dx), Math.abs(dy)) !== radius) {
            continue; // the ring at this radius; those inside were tried already
          }
          const x = Math.round(centre.x + dx);
          const y = Math.round(centre.y + dy);
          if (this.pickedThing(this.scene.pick(new Cesium.Cartesian2(x, y))) === thingId) {
            return { x, y };
          }
        }
      }
    }
    return null;
  }

  /** For scripts and tests: what the layer shows. */
  summary() {
    const markers = {};
    for (const entity of this.markers.entities.values) {
      markers[entity.id.slice(MARKER.length)] = entity.properties.state.getValue();
    }
    return {
      state: this.state,
      markers,
      areas: this.areas.polygons,
      areaStates: this.areas.states,
      alerts: this.shownAlerts.size,
      highlighted: this.highlighted,
      lastLiveAlert: this.lastLiveAlert ?? null,
    };
  }
}
