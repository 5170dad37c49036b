// The flood panel: runs a flood on the city through the server's /flood/runs API (see
// docs/FLOOD.md), follows its progress, lets the user cancel it, then shows the depth as imagery
// from the server's PNG tiles at each output time (a slider and a play button), or the speed of the
// water from the speed tiles (a depth/speed toggle), and gives the
// colour schemes and the picked-building panel the run's maximum depth per building. Runs that
// ended earlier (the server keeps them across restarts) are listed and can be opened again.
//
// It owns the #flood section of the page and the #flood-picked block of the picked building;
// main.js hands it the Cesium viewer and asks it whether a click was meant for it (breach picking).
import * as Cesium from "cesium";
import { make } from "./dom.js";

const RUNS = "flood/runs";
const POLL_MILLIS = 500;
const PLAY_MILLIS = 1200;
const DRY_METRES = 0.01; // the tiles' own threshold (DepthTiles.MIN_DEPTH_METRES)
const MAX_TILE_LEVEL = 18; // pixels of about 0.5 m at Osaka: finer than any cell size allowed
const ARROW_COLOUR = Cesium.Color.fromCssColorString("#1c1f3a").withAlpha(0.85);
const ARROW_HEIGHT_METRES = 1; // just above the imagery on the globe's surface

/**
 * The scheme main.js colours buildings with once a run has results: the maximum depth around each
 * building's footprint, in PLATEAU's depth classes and colours (so it compares directly with the
 * design-flood scheme), with one finer class below 0.5 m where short simulations land.
 */
export const SIMULATED_SCHEME = {
  title: "Simulated maximum depth (m), this run",
  missing: { colour: "#d9d9d9", label: "dry (under 1 cm) or not simulated" },
  classes: [
    [DRY_METRES, "#fbfad2", "0.01 – 0.1"],
    [0.1, "#f7f5a9", "0.1 – 0.5"],
    [0.5, "#ffd8c0", "0.5 – 3"],
    [3, "#ffb7b7", "3 – 5"],
    [5, "#ff9191", "5 – 10"],
    [10, "#f285c9", "10 – 20"],
    [20, "#dc7adc", "20 and more"],
  ],
};

export class FloodPanel {
  /**
   * @param viewer the Cesium viewer
   * @param onDepths called with no argument whenever the per-building depths change (a run's
   *   results arrived or were dropped), so that the colouring is redone
   */
  constructor(document, viewer, onDepths) {
    this.document = document;
    this.viewer = viewer;
    this.onDepths = onDepths;
    this.element = (id) => document.getElementById(id);
    this.run = null; // the status document of the current run
    this.depths = new Map(); // gml:id -> maximum depth (m) of the current run's results
    this.layers = new Map(); // quantity and output time ("depth/600", "speed/max") -> ImageryLayer
    this.breach = null; // [lon, lat]
    this.breachMarker = null;
    this.picking = false;
    this.player = null;
    this.pollTimer = null;
    // For scripts and tests (window.twinViewer.flood): how far the current run got.
    this.state = { state: "idle", run: null, outputTimes: [], time: null, error: null };
    this.quantity = "depth"; // what the imagery shows: "depth" or "speed"
    this.arrows = null; // the PolylineCollection of the shown time's velocity arrows
    this.state.arrows = 0; // how many arrows are drawn
    this.wire();
  }

  wire() {
    for (const radio of this.document.querySelectorAll("input[name=flood-kind]")) {
      radio.addEventListener("change", () => this.showKind());
    }
    this.element("flood-pick").addEventListener("click", () => this.startPicking());
    this.element("flood-start").addEventListener("click", () => this.start());
    this.element("flood-cancel").addEventListener("click", () => this.cancel());
    this.element("flood-time").addEventListener("input", () => {
      this.stopPlaying();
      this.showTime(this.selectedTime());
    });
    this.element("flood-play").addEventListener("click", () =>
      this.player ? this.stopPlaying() : this.play(),
    );
    this.element("flood-open").addEventListener("click", () => this.open());
    for (const radio of this.document.querySelectorAll("input[name=flood-quantity]")) {
      radio.addEventListener("change", () => this.showQuantity(radio.value));
    }
    this.showKind();
    this.listRuns();
  }

  /**
   * Fills the list of earlier runs that have results (completed or cancelled), newest first, so
   * that a planner can reopen one after reloading the page or after a server restart.
   */
  async listRuns() {
    let runs;
    try {
      const response = await fetch(RUNS);
      if (!response.ok) {
        return; // the list is a convenience: the panel works without it
      }
      runs = (await response.json()).runs;
    } catch (e) {
      return;
    }
    const ended = runs.filter((r) => r.massBalance && ["completed", "cancelled"].includes(r.state));
    ended.reverse();
    this.element("flood-runs").replaceChildren(
      ...ended.map((r) => {
        const option = make(this.document, "option", runLabel(r));
        option.value = r.id;
        return option;
      }),
    );
    this.element("flood-past").hidden = ended.length === 0;
  }

  /** Shows the results of the earlier run chosen in the list. */
  async open() {
    const id = this.element("flood-runs").value;
    if (!id) {
      return;
    }
    this.clearResults();
    this.setState("opening");
    try {
      const response = await fetch(`${RUNS}/${id}`);
      const body = await response.json();
      if (!response.ok) {
        throw new Error(body.detail ?? `HTTP ${response.status}`);
      }
      this.run = body;
      this.state.run = body.id;
      await this.finish(body);
    } catch (e) {
      this.setState("failed", e.message);
      this.report(`Cannot open the flood run: ${e.message}`, true);
    }
  }

  kind() {
    return this.document.querySelector("input[name=flood-kind]:checked").value;
  }

  showKind() {
    this.element("flood-rain").hidden = this.kind() !== "rain";
    this.element("flood-breach").hidden = this.kind() !== "breach";
  }

  /** The next click on the globe sets the breach point instead of picking a building. */
  startPicking() {
    this.picking = true;
    this.element("flood-breach-point").textContent = "click the map…";
  }

  /** True when the click at a window position was taken (the breach point). */
  consumesClick(position) {
    if (!this.picking) {
      return false;
    }
    if (this.viewer.scene.pick(position) instanceof Cesium.Cesium3DTileFeature) {
      // Buildings are walls to the solver: a breach inside one would have nowhere to flow.
      this.element("flood-breach-point").textContent = "that is a building: click a street…";
      return true;
    }
    const cartesian = this.viewer.camera.pickEllipsoid(position);
    if (!cartesian) {
      return true; // clicked the sky: keep waiting for a point on the globe
    }
    this.picking = false;
    const c = Cesium.Cartographic.fromCartesian(cartesian);
    this.breach = [Cesium.Math.toDegrees(c.longitude), Cesium.Math.toDegrees(c.latitude)];
    this.element("flood-breach-point").textContent =
      `${this.breach[0].toFixed(5)}, ${this.breach[1].toFixed(5)}`;
    if (this.breachMarker) {
      this.viewer.entities.remove(this.breachMarker);
    }
    this.breachMarker = this.viewer.entities.add({
      position: cartesian,
      point: {
        pixelSize: 12,
        color: Cesium.Color.RED,
        outlineColor: Cesium.Color.WHITE,
        outlineWidth: 2,
        disableDepthTestDistance: Number.POSITIVE_INFINITY,
      },
    });
    this.viewer.scene.requestRender();
    return true;
  }

  number(id) {
    return Number(this.element(id).value);
  }

  /**
   * The JSON scenario of docs/FLOOD.md from the form. Rain: a constant rate for its duration, then
   * none. Breach: a hydrograph rising to the peak over the first quarter of its duration, held,
   * and falling to zero over the last quarter. Open edges let water leave the simulated area.
   */
  scenario() {
    const duration = this.number("flood-duration") * 60;
    const scenario = {
      cellSize: this.number("flood-cell"),
      duration,
      outputInterval: this.number("flood-interval") * 60,
      openEdges: true,
    };
    if (this.kind() === "rain") {
      const rate = this.number("flood-rain-rate");
      const end = this.number("flood-rain-minutes") * 60;
      scenario.rain =
        end >= duration
          ? [
              [0, rate],
              [duration, rate],
            ]
          : [
              [0, rate],
              [end, rate],
              [end + 1, 0],
            ];
    } else {
      if (!this.breach) {
        throw new Error("pick the breach point on the map first");
      }
      const peak = this.number("flood-peak");
      const span = this.number("flood-breach-minutes") * 60;
      scenario.inflows = [
        {
          point: this.breach,
          hydrograph: [
            [0, 0],
            [span / 4, peak],
            [(span * 3) / 4, peak],
            [span, 0],
          ],
        },
      ];
    }
    return scenario;
  }

  async start() {
    let scenario;
    try {
      scenario = this.scenario();
    } catch (e) {
      this.report(e.message, true);
      return;
    }
    this.clearResults();
    this.setState("starting");
    this.element("flood-start").disabled = true;
    try {
      const response = await fetch(RUNS, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(scenario),
      });
      const body = await response.json();
      if (!response.ok) {
        // application/problem+json: its detail names the field at fault and why
        throw new Error(body.detail ?? `HTTP ${response.status}`);
      }
      this.follow(body);
    } catch (e) {
      this.element("flood-start").disabled = false;
      this.setState("failed", e.message);
      this.report(`Cannot start the flood: ${e.message}`, true);
    }
  }

  /** Polls the run's status until it is finished, showing progress. */
  follow(status) {
    this.run = status;
    this.state.run = status.id;
    this.element("flood-cancel").hidden = false;
    this.element("flood-progress").hidden = false;
    const poll = async () => {
      try {
        const response = await fetch(`${RUNS}/${status.id}`);
        const body = await response.json();
        if (!response.ok) {
          throw new Error(body.detail ?? `HTTP ${response.status}`);
        }
        this.run = body;
        if (["completed", "cancelled", "failed"].includes(body.state)) {
          await this.finish(body); // the state says so once the results are on show
        } else {
          this.showProgress(body);
          this.pollTimer = setTimeout(poll, POLL_MILLIS);
        }
      } catch (e) {
        this.element("flood-start").disabled = false;
        this.setState("failed", e.message);
        this.report(`Lost the flood run: ${e.message}`, true);
      }
    };
    this.showProgress(status);
    poll();
  }

  showProgress(status) {
    const p = status.progress;
    this.setState(status.state);
    this.element("flood-progress").value = p.fraction;
    const simulated = minutes(p.simulatedSeconds);
    this.report(
      status.state === "running"
        ? `Running: ${simulated} of ${minutes(p.durationSeconds)} simulated in ${Math.round(p.wallSeconds)} s (step ${p.stepSeconds.toFixed(2)} s)`
        : `Flood run ${status.state}…`,
    );
  }

  async cancel() {
    if (!this.run) {
      return;
    }
    this.element("flood-cancel").disabled = true;
    await fetch(`${RUNS}/${this.run.id}`, { method: "DELETE" });
  }

  async finish(status) {
    this.element("flood-start").disabled = false;
    this.element("flood-cancel").hidden = true;
    this.element("flood-cancel").disabled = false;
    this.element("flood-progress").hidden = true;
    if (status.state === "failed") {
      this.setState("failed", status.error);
      this.report(`The flood run failed: ${status.error}`, true);
      return;
    }
    const balance = status.massBalance;
    if (!balance) {
      // cancelled before the solver began: nothing to show
      this.setState(status.state);
      this.report(`Flood run ${status.state} before it began.`);
      return;
    }
    const volume = balance.rainCubicMetres + balance.inflowCubicMetres;
    this.report(
      `Flood run ${status.state} after ${minutes(status.progress.simulatedSeconds)} simulated ` +
        `(${Math.round(status.progress.wallSeconds)} s); ${Math.round(volume).toLocaleString("en")} m³ of water.`,
    );
    await this.loadDepths(status);
    this.showOutputs(status);
    this.setState(status.state);
    this.listRuns();
  }

  /** Every building's maximum depth from the run's features (deepest first, paged). */
  async loadDepths(status) {
    const depths = new Map();
    let url = `${RUNS}/${status.id}/buildings?minDepth=${DRY_METRES}&limit=10000`;
    while (url) {
      const response = await fetch(url.replace(/^\//, ""));
      const page = await response.json();
      if (!response.ok) {
        throw new Error(page.detail ?? `HTTP ${response.status}`);
      }
      for (const feature of page.features) {
        depths.set(feature.id, feature.properties.max_depth_m);
      }
      url = page.links.find((link) => link.rel === "next")?.href;
    }
    this.depths = depths;
    this.element("flood-scheme").disabled = false;
    this.onDepths();
  }

  /** The slider over the output times and the maximum, the ramp legend, and the first layer. */
  showOutputs(status) {
    const times = status.outputTimes.map(String);
    times.push("max");
    this.state.outputTimes = times;
    const slider = this.element("flood-time");
    slider.min = 0;
    slider.max = times.length - 1;
    slider.value = times.length - 1;
    this.element("flood-results").hidden = false;
    // Runs kept by a server without velocity snapshots have no speed ramp: depth only.
    this.element("flood-quantity").hidden = !status.velocityRamp;
    this.showQuantity(status.velocityRamp ? this.quantity : "depth", "max");
  }

  /** Switches the imagery between depth and speed, at the shown time (or `time`). */
  showQuantity(quantity, time = this.state.time) {
    this.quantity = quantity;
    this.document.querySelector(`input[name=flood-quantity][value=${quantity}]`).checked = true;
    const speed = quantity === "speed";
    this.element("flood-quantity-label").textContent = speed ? "speed" : "depth";
    this.element("flood-ramp-title").textContent = speed ? "Water speed (m/s)" : "Water depth (m)";
    if (speed) {
      this.showRamp(this.run.velocityRamp, "metresPerSecond");
    } else {
      this.showRamp(this.run.depthRamp, "depthMetres");
    }
    this.showTime(time);
  }

  selectedTime() {
    return this.state.outputTimes[Number(this.element("flood-time").value)];
  }

  /**
   * Shows the layer of the chosen quantity at one output time (seconds as text, or "max") and
   * hides the others.
   */
  showTime(time) {
    this.state.time = time;
    this.element("flood-time-label").textContent =
      time === "max" ? "maximum" : `${minutes(Number(time))}`;
    const key = `${this.quantity}/${time}`;
    if (!this.layers.has(key)) {
      this.layers.set(key, this.viewer.imageryLayers.addImageryProvider(this.tiles(time)));
    }
    for (const [k, layer] of this.layers) {
      layer.show = k === key;
    }
    this.viewer.scene.requestRender();
    this.showArrows(time);
  }

  /**
   * With speed shown at an output time, arrows of where the water goes, from the server's arrows
   * (a thinned lattice over the grid, at most 2,000): length grows with speed up to the lattice
   * spacing at 1 m/s. None for the maximum, which has no direction.
   */
  async showArrows(time) {
    this.clearArrows();
    if (this.quantity !== "speed" || time === "max") {
      return;
    }
    const run = this.run.id;
    let body;
    try {
      const response = await fetch(`${RUNS}/${run}/arrows?time=${time}`);
      body = await response.json();
      if (!response.ok) {
        throw new Error(body.detail ?? `HTTP ${response.status}`);
      }
    } catch (e) {
      this.report(`No velocity arrows: ${e.message}`, true);
      return;
    }
    if (this.run?.id !== run || this.state.time !== time || this.quantity !== "speed") {
      return; // the user moved on while the arrows came
    }
    this.clearArrows();
    const lines = new Cesium.PolylineCollection();
    const material = Cesium.Material.fromType("Color", { color: ARROW_COLOUR });
    for (const feature of body.features) {
      const [lon, lat] = feature.geometry.coordinates;
      const { vx_m_s: vx, vy_m_s: vy, speed_m_s: speed } = feature.properties;
      const length = body.spacingMetres * Math.max(0.3, Math.min(1, speed)) * 0.9;
      const ux = vx / speed;
      const uy = vy / speed;
      const at = (east, north) =>
        Cesium.Cartesian3.fromDegrees(
          lon + east / (111320 * Math.cos((lat * Math.PI) / 180)),
          lat + north / 110950,
          ARROW_HEIGHT_METRES,
        );
      const head = length * 0.35;
      const tip = [(ux * length) / 2, (uy * length) / 2];
      lines.add({
        positions: [
          at(-tip[0], -tip[1]),
          at(tip[0], tip[1]),
          at(tip[0] - head * (ux - 0.5 * uy), tip[1] - head * (uy + 0.5 * ux)),
          at(tip[0], tip[1]),
          at(tip[0] - head * (ux + 0.5 * uy), tip[1] - head * (uy - 0.5 * ux)),
        ],
        width: 1.5,
        material,
      });
    }
    this.arrows = this.viewer.scene.primitives.add(lines);
    this.state.arrows = body.features.length;
    this.viewer.scene.requestRender();
  }

  clearArrows() {
    if (this.arrows) {
      this.viewer.scene.primitives.remove(this.arrows);
      this.arrows = null;
    }
    this.state.arrows = 0;
  }

  /** The run's depth (or speed) tiles at one time, asked for only over the run's grid. */
  tiles(time) {
    const [west, south, east, north] = this.run.terrain.bbox;
    const rectangle = Cesium.Rectangle.fromDegrees(west, south, east, north);
    // The coarsest level at which a few tiles cover the grid, so that zoomed-out views do not ask
    // the server to render the whole world.
    const span = Math.max(east - west, north - south);
    const minimumLevel = Math.max(0, Math.min(MAX_TILE_LEVEL, Math.floor(Math.log2(360 / span)) - 1));
    return new Cesium.UrlTemplateImageryProvider({
      url: `tiles/flood/${this.run.id}/${this.quantity === "speed" ? "velocity/" : ""}${time}/{z}/{x}/{y}.png`,
      rectangle,
      minimumLevel,
      maximumLevel: MAX_TILE_LEVEL,
      credit: "flood simulation",
    });
  }

  /** The shown layer for scripts: its quantity, time and whether its tiles are all loaded. */
  shownLayer() {
    const layer = this.layers.get(`${this.quantity}/${this.state.time}`);
    if (!layer || !layer.show) {
      return null;
    }
    return {
      quantity: this.quantity,
      time: this.state.time,
      url: layer.imageryProvider.url,
      loaded: this.viewer.scene.globe.tilesLoaded,
    };
  }

  play() {
    const slider = this.element("flood-time");
    this.element("flood-play").textContent = "Pause";
    if (Number(slider.value) >= Number(slider.max)) {
      slider.value = 0;
      this.showTime(this.selectedTime());
    }
    this.player = setInterval(() => {
      if (Number(slider.value) >= Number(slider.max)) {
        this.stopPlaying();
        return;
      }
      slider.value = Number(slider.value) + 1;
      this.showTime(this.selectedTime());
    }, PLAY_MILLIS);
  }

  stopPlaying() {
    clearInterval(this.player);
    this.player = null;
    this.element("flood-play").textContent = "Play";
  }

  /**
   * The legend of the imagery, from the ramp the server paints its tiles with (`key` names the
   * stops' value: depthMetres or metresPerSecond).
   */
  showRamp(ramp, key) {
    this.element("flood-ramp").replaceChildren(
      ...ramp.map((stop, i) => {
        const swatch = make(this.document, "span", "", "swatch");
        swatch.style.background = stop.colour;
        swatch.style.opacity = stop.opacity;
        const next = ramp[i + 1];
        const label = next ? `${stop[key]} – ${next[key]}` : `${stop[key]} and more`;
        const item = make(this.document, "li");
        item.append(swatch, label);
        return item;
      }),
    );
  }

  /** Drops the previous run's layers and depths before a new one. */
  clearResults() {
    this.stopPlaying();
    clearTimeout(this.pollTimer);
    for (const layer of this.layers.values()) {
      this.viewer.imageryLayers.remove(layer, true);
    }
    this.layers.clear();
    this.clearArrows();
    this.element("flood-results").hidden = true;
    this.element("flood-picked").hidden = true;
    if (this.depths.size > 0) {
      this.depths = new Map();
      this.onDepths();
    }
    this.element("flood-scheme").disabled = true;
    // In place: window.twinViewer.flood holds this very object.
    Object.assign(this.state, {
      state: "idle",
      run: null,
      outputTimes: [],
      time: null,
      error: null,
      arrows: 0,
    });
  }

  /** A building's simulated maximum depth: metres, 0 when dry, undefined without results. */
  depthOf(gmlId) {
    if (!this.run || this.element("flood-scheme").disabled) {
      return undefined;
    }
    return this.depths.get(gmlId) ?? 0;
  }

  /** The value the simulated scheme colours a feature by: undefined when dry or without results. */
  schemeValue(feature) {
    const depth = this.depths.get(feature.getProperty("gml_id"));
    return depth >= DRY_METRES ? depth : undefined;
  }

  /** Both depths of the picked building side by side: this run's and PLATEAU's design flood. */
  showPicked(feature) {
    const block = this.element("flood-picked");
    const simulated = this.depthOf(feature.getProperty("gml_id"));
    block.hidden = simulated === undefined;
    if (simulated === undefined) {
      return;
    }
    const design = feature.getProperty("river_flood_depth");
    const rank = feature.getProperty("river_flood_rank");
    const row = (label, text) => {
      const tr = make(this.document, "tr");
      tr.append(make(this.document, "th", label), make(this.document, "td", text));
      return tr;
    };
    this.element("flood-picked-rows").replaceChildren(
      row(
        "simulated max depth",
        simulated >= DRY_METRES ? `${simulated.toFixed(2)} m` : "dry (under 0.01 m)",
      ),
      row(
        "PLATEAU design flood",
        design === undefined ? "none recorded" : `${design} m${rank ? ` (rank ${rank})` : ""}`,
      ),
    );
  }

  setState(state, error = null) {
    this.state.state = state;
    this.state.error = error;
  }

  report(text, isError = false) {
    const status = this.element("flood-status");
    status.textContent = text;
    status.classList.toggle("error", isError);
  }

}

/** A run in the list: when it was started, its state and how long it simulated. */
function runLabel(status) {
  const created = new Date(status.created);
  const when = `${created.toLocaleDateString("en-CA")} ${created.toLocaleTimeString("en-GB")}`;
  return `${when} · ${status.state} · ${minutes(status.progress.simulatedSeconds)}`;
}

function minutes(seconds) {
  const m = Math.round(seconds / 60);
  return m >= 60 ? `${Math.floor(m / 60)} h ${m % 60} min` : `${m} min`;
}
