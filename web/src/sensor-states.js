// What a sensor's latest value means, as a state with a colour and a label: water levels by the
// gauge's Japanese threshold stage, rain by intensity class, people by congestion level; grey when
// the latest value is too old to trust. One table gives the markers' colours and the legend, so the
// two cannot disagree. Knows neither Cesium nor the page.

/** A value older than this is stale: the sample feed and most gauges report every 10 minutes. */
export const STALE_AFTER_MS = 60 * 60 * 1000;

const STALE = { key: "STALE", colour: "#9e9e9e", label: "no value in the last hour" };
const NO_VALUE = { key: "NO_VALUE", colour: "#9e9e9e", label: "no value yet" };

/**
 * The stages of docs/SENSORS.md (WaterLevelThresholds.stageOf), lowest first, with the member of
 * `thresholds` that starts each. The colours of the top three are those of Japan's warning levels
 * 2 to 4 (yellow, red, purple), which the river administrators' gauge pages use as well.
 */
const WATER_STAGES = [
  { key: "NORMAL", member: null, colour: "#3b7dd8", label: "normal" },
  { key: "STANDBY", member: "standby", colour: "#4daf4a", label: "standby (水防団待機水位)" },
  {
    key: "FLOOD_WATCH",
    member: "floodWatch",
    colour: "#f2e700",
    label: "flood watch (氾濫注意水位)",
  },
  {
    key: "EVACUATION_DECISION",
    member: "evacuationDecision",
    colour: "#ff2800",
    label: "evacuation decision (避難判断水位)",
  },
  {
    key: "FLOOD_DANGER",
    member: "floodDanger",
    colour: "#aa00aa",
    label: "flood danger (氾濫危険水位)",
  },
];

/** Rain intensity classes in mm/h (lower bound inclusive), after the JMA's intensity terms. */
const RAIN_CLASSES = [
  { lower: 0, key: "RAIN_NONE", colour: "#d9f0ff", label: "under 1" },
  { lower: 1, key: "RAIN_LIGHT", colour: "#66b3ff", label: "1 – 10" },
  { lower: 10, key: "RAIN_MODERATE", colour: "#0041ff", label: "10 – 20 (やや強い)" },
  { lower: 20, key: "RAIN_HEAVY", colour: "#ffd000", label: "20 – 30 (強い)" },
  { lower: 30, key: "RAIN_VERY_HEAVY", colour: "#ff9900", label: "30 – 50 (激しい)" },
  { lower: 50, key: "RAIN_EXTREME", colour: "#ff2800", label: "50 and more (非常に激しい)" },
];

/**
 * Congestion levels as CONGESTION_LEVEL results (0 to 3) and as the CrowdAreas `congestion` names;
 * `density` is the lower bound in persons/m² of CongestionLevel.ofDensity in the server.
 */
export const CONGESTION = [
  { key: "empty", level: 0, density: 0, colour: "#1a9850", label: "empty" },
  { key: "some", level: 1, density: 0.1, colour: "#a6d96a", label: "some" },
  { key: "crowded", level: 2, density: 0.5, colour: "#fdae61", label: "crowded" },
  { key: "very_crowded", level: 3, density: 1.5, colour: "#d73027", label: "very crowded" },
];

const TIDE = { key: "TIDE", colour: "#00a6a6", label: "tide level (no stages)" };
const FLOW = { key: "FLOW", colour: "#7b68ee", label: "people: a flow or no area (no level)" };

/** The datastream whose state colours a thing's marker, when a thing has several. */
const HEADLINE_ORDER = [
  "WATER_LEVEL",
  "CONGESTION_LEVEL",
  "PEOPLE_COUNT",
  "RAINFALL",
  "TIDE_LEVEL",
];

export function headlineOf(datastreams) {
  const rank = (d) => {
    const i = HEADLINE_ORDER.indexOf(d.kind);
    return i < 0 ? HEADLINE_ORDER.length : i;
  };
  return [...datastreams].sort((a, b) => rank(a) - rank(b))[0] ?? null;
}

/**
 * The state of a datastream given its latest observation ({phenomenonTime, result} or undefined)
 * at `now` (ms): {key, colour, label}.
 */
export function stateOf(datastream, observation, now = Date.now()) {
  if (!observation) {
    return NO_VALUE;
  }
  if (now - Date.parse(observation.phenomenonTime) > STALE_AFTER_MS) {
    return STALE;
  }
  const value = observation.result;
  switch (datastream.kind) {
    case "WATER_LEVEL":
      return waterStage(datastream.thresholds, value);
    case "RAINFALL":
      return RAIN_CLASSES.filter((c) => value >= c.lower).pop() ?? RAIN_CLASSES[0];
    case "CONGESTION_LEVEL":
      return CONGESTION.find((c) => c.level === Math.round(value)) ?? CONGESTION[0];
    case "PEOPLE_COUNT": {
      // A count over the walkable ground of a crowd area gets its level from CrowdAreas (sensors.js).
      const area = datastream.countScope?.areaSquareMetres;
      return area > 0 ? congestionOfDensity(value / area) : FLOW;
    }
    default:
      return TIDE;
  }
}

/** A gauge without thresholds has only the normal stage. */
function waterStage(thresholds, metres) {
  let stage = WATER_STAGES[0];
  for (const candidate of WATER_STAGES.slice(1)) {
    const level = thresholds?.[candidate.member];
    if (level !== undefined && metres >= level) {
      stage = candidate;
    }
  }
  return stage;
}

export function congestionOfDensity(personsPerSquareMetre) {
  return CONGESTION.filter((c) => personsPerSquareMetre >= c.density).pop() ?? CONGESTION[0];
}

/**
 * The state of a crowd area from its CrowdAreas properties: its congestion, or for a line count
 * (a flow, no density) the flow colour; grey when its count is stale or missing.
 */
export function areaStateOf(properties, now = Date.now()) {
  const time = Date.parse(properties.phenomenonTime);
  if (Number.isNaN(time)) {
    return NO_VALUE;
  }
  if (now - time > STALE_AFTER_MS) {
    return STALE;
  }
  const level = CONGESTION.find((c) => c.key === properties.congestion);
  return level ?? (properties.personsPerMinute != null ? FLOW : NO_VALUE);
}

/** Water-level stage by server name (alerts carry them), for its label and colour. */
export function waterStageNamed(key) {
  return WATER_STAGES.find((s) => s.key === key) ?? WATER_STAGES[0];
}

/** A gauge's threshold levels as {value, colour, label} (for chart lines), lowest first. */
export function thresholdLevels(datastream) {
  return WATER_STAGES.slice(1)
    .filter((stage) => typeof datastream.thresholds?.[stage.member] === "number")
    .map((stage) => ({
      value: datastream.thresholds[stage.member],
      colour: stage.colour,
      label: stage.label.split(" (")[0], // the English name; the chart is narrow
    }));
}

/** The legend: titled groups of [colour, label]. */
export function sensorLegend() {
  const entries = (states) => states.map((s) => [s.colour, s.label]);
  return [
    { title: "River water level: gauge stage", entries: entries(WATER_STAGES) },
    { title: "Rain (mm/h)", entries: entries(RAIN_CLASSES) },
    { title: "People: congestion", entries: entries(CONGESTION) },
    { title: "Other", entries: entries([TIDE, FLOW, STALE]) },
  ];
}
