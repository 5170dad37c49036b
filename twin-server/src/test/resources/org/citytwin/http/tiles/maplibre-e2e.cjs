// Loads our vector tiles in MapLibre GL JS, a real client, in headless Chromium and prints one JSON
// report on stdout: a page on the server's origin (served to the browser by Playwright itself, so
// the server needs no test page) reads /tiles/vector/tilejson.json as a vector source with a
// fill-extrusion layer of the buildings and a line layer of the roads, centred where the TileJSON
// says; once the map is idle, the report lists the rendered features (map.queryRenderedFeatures),
// every MapLibre error, console error, uncaught exception and failed request, and every tile URL.
//
// Usage: node maplibre-e2e.cjs PLAYWRIGHT_PREFIX CHROMIUM MAPLIBRE_PREFIX ORIGIN SCREENSHOT.png
'use strict';
const path = require('path');
const { createRequire } = require('module');
const { runPage, printReport } = require('../browser-page.cjs');

const [playwrightPrefix, executablePath, maplibrePrefix, origin, screenshot] = process.argv.slice(2);
const { chromium } = createRequire(path.join(path.resolve(playwrightPrefix), 'package.json'))('playwright-core');
const dist = path.join(path.resolve(maplibrePrefix), 'node_modules', 'maplibre-gl', 'dist');

const TIMEOUT_MS = 240_000;

const PAGE = `<!doctype html>
<html><head><meta charset="utf-8">
<link rel="stylesheet" href="/maplibre-test/maplibre-gl.css">
<script src="/maplibre-test/maplibre-gl.js"></script>
<style>html, body, #map { margin: 0; width: 100%; height: 100%; }</style>
</head><body><div id="map"></div><script>
window.report = { errors: [], idle: false };
fetch('/tiles/vector/tilejson.json').then((r) => r.json()).then((tilejson) => {
  window.report.tilejson = { center: tilejson.center, bounds: tilejson.bounds };
  const map = new maplibregl.Map({
    container: 'map',
    center: [tilejson.center[0], tilejson.center[1]],
    zoom: tilejson.center[2],
    pitch: 45,
    style: {
      version: 8,
      sources: { twin: { type: 'vector', url: location.origin + '/tiles/vector/tilejson.json' } },
      layers: [
        { id: 'background', type: 'background', paint: { 'background-color': '#e8e8e0' } },
        { id: 'roads', type: 'line', source: 'twin', 'source-layer': 'roads',
          paint: { 'line-color': '#999', 'line-width': 2 } },
        { id: 'buildings', type: 'fill-extrusion', source: 'twin', 'source-layer': 'buildings',
          paint: { 'fill-extrusion-height': ['get', 'height'], 'fill-extrusion-color': '#b06030' } },
      ],
    },
  });
  map.on('error', (e) => window.report.errors.push(String((e.error && e.error.message) || e)));
  map.once('idle', () => {
    const features = (layer) =>
      map.queryRenderedFeatures({ layers: [layer] }).map((f) => ({ id: f.id, properties: f.properties }));
    window.report.buildings = features('buildings');
    window.report.roads = features('roads');
    window.report.idle = true;
  });
});
</script></body></html>`;

function run() {
  return runPage({
    chromium,
    executablePath,
    origin,
    viewport: { width: 1024, height: 768 },
    timeoutMs: TIMEOUT_MS,
    screenshot,
    report: { tileRequests: [] },
    watch: async (page, report) => {
      await page.route(`${origin}/maplibre-test/**`, (route) => {
        const url = new URL(route.request().url());
        if (url.pathname === '/maplibre-test/index.html') {
          return route.fulfill({ body: PAGE, contentType: 'text/html' });
        }
        return route.fulfill({ path: path.join(dist, path.basename(url.pathname)) });
      });
      page.on('response', (r) => {
        if (r.url().endsWith('.mvt')) {
          report.tileRequests.push(`${r.url()} ${r.status()}`);
        }
      });
    },
    drive: async (page, report) => {
      await page.goto(`${origin}/maplibre-test/index.html`);
      await page.waitForFunction(() => window.report && (window.report.idle || window.report.errors.length > 0), null, {
        polling: 250,
      });
      Object.assign(report, await page.evaluate(() => window.report));
    },
  });
}

printReport(run);
