// Writes crowd-history.csv: three weeks and a Monday of SYNTHETIC people counts for the crowd areas of
// crowd-entities.json, so that /sensors/v1/CrowdAreas/{id}/Forecast has history to show.
//
//   node data/sensors/generate-crowd-history.mjs > data/sensors/crowd-history.csv
//
// Deterministic (seeded), no dependencies. Counts are a smooth daily profile of crowd density
// (persons per m² of walkable ground: peaks at commuting, lunch and shopping hours, busier
// weekends on the market block, one festival evening on the avenue) times the walkable ground the
// twin measures for each area on the sample city (GET /sensors/v1/CrowdAreas), with +-15 % noise.
// The crossing is a line counter: persons through it per 30 minutes, not a density.

const WALKABLE_M2 = { market: 11457, avenue: 9876 };
const START = Date.parse("2026-06-08T00:00:00+09:00"); // a Monday in Osaka
const DAYS = 21;
const STEP_MIN = 30;
// Then the fourth Monday up to its evening peak, so that a replay leaves the areas busy "now".
const END = Date.parse("2026-06-29T18:00:00+09:00");

// mulberry32: a small seeded generator, so the file is the same on every run.
let seed = 20260608;
function random() {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

const bump = (hour, centre, width, height) =>
  height * Math.exp(-0.5 * ((hour - centre) / width) ** 2);

// Persons per m² of walkable ground on the market block.
function market(weekday, hour) {
  if (weekday >= 6) {
    return 0.01 + bump(hour, 14.5, 2.5, weekday === 6 ? 0.75 : 0.5);
  }
  return 0.005 + bump(hour, 8.2, 0.8, 0.08) + bump(hour, 12.5, 1, 0.22) + bump(hour, 18.2, 1.5, 0.35);
}

// Persons per m² on the avenue; the last Saturday (2026-06-27) has a festival evening.
function avenue(weekday, hour, dayIndex) {
  const festival = dayIndex === 19 ? bump(hour, 19.5, 1.2, 1.6) : 0;
  if (weekday >= 6) {
    return 0.01 + bump(hour, 15, 3, 0.06) + festival;
  }
  return 0.004 + bump(hour, 8, 0.7, 0.15) + bump(hour, 18, 1, 0.2) + festival;
}

// Persons through the crossing per 30 minutes.
function crossing(weekday, hour) {
  if (weekday >= 6) {
    return 20 + bump(hour, 14, 3, 300);
  }
  return 10 + bump(hour, 8, 0.6, 900) + bump(hour, 18, 0.9, 700);
}

const noisy = (value) => Math.max(0, Math.round(value * (1 + 0.3 * (random() - 0.5))));

function jst(ms) {
  // Japan keeps no daylight saving: local time is UTC + 9 h all year.
  return new Date(ms + 9 * 3600_000).toISOString().slice(0, 19) + "+09:00";
}

const out = [
  "# SYNTHETIC crowd history for the sample city (PLATEAU Osaka, Suminoe ward): generated, not",
  "# measured, by generate-crowd-history.mjs. Counts every 30 minutes from Monday 2026-06-08 to",
  "# Monday 2026-06-29 18:00 (Osaka time) for the crowd areas of crowd-entities.json (market",
  "# block and avenue: persons present; crossing: persons through the line per 30 minutes).",
  "datastream,phenomenonTime,result",
];
for (let day = 0; day <= DAYS; day++) {
  const weekday = (day % 7) + 1; // 1 Monday .. 7 Sunday
  for (let minute = 0; minute < 24 * 60; minute += STEP_MIN) {
    const hour = minute / 60;
    const ms = START + (day * 24 * 60 + minute) * 60_000;
    if (ms > END) {
      break;
    }
    const time = jst(ms);
    out.push(`sample-market-people,${time},${noisy(market(weekday, hour) * WALKABLE_M2.market)}`);
    out.push(`sample-avenue-people,${time},${noisy(avenue(weekday, hour, day) * WALKABLE_M2.avenue)}`);
    out.push(`sample-crossing-flow,${time},${noisy(crossing(weekday, hour))}`);
  }
}
process.stdout.write(out.join("\n") + "\n");
