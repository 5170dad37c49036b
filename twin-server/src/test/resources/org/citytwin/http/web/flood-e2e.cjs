// Runs floods from the viewer in headless Chromium like a person would and prints one JSON
// report on stdout: waits for the tiles, picks a breach point on open ground, starts a long
// rainfall run and cancels it while it runs, then fills in a short rainfall scenario, starts it, waits for
// it to complete, moves the time slider, waits for that time's depth imagery, switches to speed and
// back (a screenshot of each, the speed with its arrows), colours the
// buildings by simulated maximum depth, finds a pixel where a building that the run's results
// call wet is drawn, reads its colour, clicks it and reads the panel, reloads the page and reopens
// the run from the list of earlier runs, and takes a screenshot.
// Every console error, uncaught exception, failed request and request leaving the server's
// origin is listed in the report; the Java test (FloodViewerEndToEndTest) decides what passes.
//
// Usage: node flood-e2e.cjs PLAYWRIGHT_PREFIX CHROMIUM URL SCREENSHOT.png SCENARIO_JSON
// SCENARIO_JSON sets the form: {"rate", "rainMinutes", "minutes", "interval", "cell"}.
'use strict';
const path = require('path');
const { createRequire } = require('module');
const { runPage, printReport } = require('../browser-page.cjs');

const [prefix, executablePath, url, screenshot, scenarioJson] = process.argv.slice(2);
const scenario = JSON.parse(scenarioJson);
const { chromium } = createRequire(path.join(path.resolve(prefix), 'package.json'))('playwright-core');

const TIMEOUT_MS = 300_000; // software WebGL and a flood run on a loaded 2-core machine are slow
const VIEWPORT = { width: 1280, height: 800 };

/**
 * Runs in the page: window pixels over the globe nearest its centre first, until one picks a
 * building in `wanted` (gml:id -> depth); returns where, which, and the colour it is drawn in.
 */
function findWetBuildingPixel([step, wanted]) {
  const panel = document.getElementById('panel').getBoundingClientRect();
  const width = panel.left;
  const height = window.innerHeight;
  const points = [];
  for (let y = step / 2; y < height; y += step) {
    for (let x = step / 2; x < width; x += step) {
      points.push([Math.round(x), Math.round(y)]);
    }
  }
  const distance = ([x, y]) => (x - width / 2) ** 2 + (y - height / 2) ** 2;
  points.sort((a, b) => distance(a) - distance(b));
  for (const [x, y] of points) {
    const onCanvas = document.elementFromPoint(x, y) instanceof HTMLCanvasElement;
    const id = onCanvas ? window.twinViewer.featureAt(x, y) : null;
    if (id && wanted[id] !== undefined) {
      return { x, y, id, colour: window.twinViewer.featureColourAt(x, y) };
    }
  }
  return null;
}

/**
 * Runs in the page: a window pixel over the globe near its centre where neither it nor any pixel
 * `step` away is a building, so that a breach there lands on open ground.
 */
function findGroundPixel(step) {
  const panel = document.getElementById('panel').getBoundingClientRect();
  const width = panel.left;
  const height = window.innerHeight;
  const ground = (x, y) =>
    document.elementFromPoint(x, y) instanceof HTMLCanvasElement && !window.twinViewer.featureAt(x, y);
  for (let r = 0; r < Math.min(width, height) / 3; r += step) {
    for (const [dx, dy] of [[r, 0], [-r, 0], [0, r], [0, -r]]) {
      const x = Math.round(width / 2 + dx);
      const y = Math.round(height / 2 + dy);
      const around = [[0, 0], [step, 0], [-step, 0], [0, step], [0, -step]];
      if (around.every(([ax, ay]) => ground(x + ax, y + ay))) {
        return { x, y };
      }
    }
  }
  return null;
}

/** The steps a person takes; each records what it saw, and a step that times out throws. */
async function drive(page, report) {
  const started = Date.now();
  await page.goto(url);
  await page.waitForFunction(() => window.twinViewer && window.twinViewer.state !== 'loading', null, {
    polling: 250,
  });
  report.viewerState = await page.evaluate(() => window.twinViewer.state);
  report.viewerError = await page.evaluate(() => window.twinViewer.error);
  if (report.viewerState !== 'ready') {
    return;
  }
  report.readyMillis = Date.now() - started;

  // A breach point picked on open ground on the map; then a rainfall run long enough to be
  // cancelled while it runs. (The breach itself is not run: the globe is the bare ellipsoid and
  // the buildings stand a little above it, so a point that looks like open ground from an angle
  // can fall in a wall cell, which the server refuses; see web/README.md.)
  await page.check('input[name=flood-kind][value=breach]');
  await page.click('#flood-pick');
  report.breachPixel = await page.evaluate(findGroundPixel, 16);
  if (!report.breachPixel) {
    return;
  }
  await page.mouse.click(report.breachPixel.x, report.breachPixel.y);
  report.breachPoint = await page.locator('#flood-breach-point').innerText();
  await page.check('input[name=flood-kind][value=rain]');
  await page.fill('#flood-duration', '600');
  await page.fill('#flood-interval', '60');
  await page.selectOption('#flood-cell', '5');
  await page.click('#flood-start');
  await page.waitForFunction(
    () => ['running', 'completed', 'cancelled', 'failed'].includes(window.twinViewer.flood.state),
    null,
    { polling: 100 },
  );
  report.cancelledRun = await page.evaluate(() => window.twinViewer.flood.run);
  if ((await page.evaluate(() => window.twinViewer.flood.state)) !== 'running') {
    report.cancelledStatus = await page.locator('#flood-status').innerText();
    return;
  }
  await page.click('#flood-cancel');
  await page.waitForFunction(
    () => ['completed', 'cancelled', 'failed'].includes(window.twinViewer.flood.state),
    null,
    { polling: 250 },
  );
  report.cancelledState = await page.evaluate(() => window.twinViewer.flood.state);
  report.cancelledStatus = await page.locator('#flood-status').innerText();

  await page.check('input[name=flood-kind][value=rain]');
  await page.fill('#flood-rain-rate', String(scenario.rate));
  await page.fill('#flood-rain-minutes', String(scenario.rainMinutes));
  await page.fill('#flood-duration', String(scenario.minutes));
  await page.fill('#flood-interval', String(scenario.interval));
  await page.selectOption('#flood-cell', String(scenario.cell));
  const runStarted = Date.now();
  await page.click('#flood-start');
  await page.waitForFunction(
    () => ['completed', 'cancelled', 'failed'].includes(window.twinViewer.flood.state),
    null,
    { polling: 250 },
  );
  report.flood = await page.evaluate(() => ({ ...window.twinViewer.flood }));
  report.runMillis = Date.now() - runStarted;
  report.floodStatus = await page.locator('#flood-status').innerText();
  if (report.flood.state !== 'completed') {
    return;
  }

  // The slider to the second output time, as a drag would set it.
  await page.locator('#flood-time').evaluate((slider) => {
    slider.value = 1;
    slider.dispatchEvent(new Event('input', { bubbles: true }));
  });
  report.sliderLabel = await page.locator('#flood-time-label').innerText();
  await page.waitForFunction(() => window.twinViewer.floodLayerShown()?.loaded === true, null, {
    polling: 250,
  });
  report.layer = await page.evaluate(() => window.twinViewer.floodLayerShown());
  report.rampLegend = await page.locator('#flood-ramp').innerText();

  // The depth/speed toggle: the speed at the same time from the velocity tiles, with its own
  // legend; a screenshot of the map with each, for the Java test to compare, then back to depth.
  report.mapWidth = await page.evaluate(() => Math.floor(document.getElementById('panel').getBoundingClientRect().left));
  await page.screenshot({ path: screenshot.replace(/\.png$/, '-depth.png') });
  await page.check('input[name=flood-quantity][value=speed]');
  await page.waitForFunction(
    () => {
      const layer = window.twinViewer.floodLayerShown();
      return layer?.quantity === 'speed' && layer.loaded === true && window.twinViewer.flood.arrows > 0;
    },
    null,
    { polling: 250 },
  );
  report.speedLayer = await page.evaluate(() => window.twinViewer.floodLayerShown());
  report.speedArrows = await page.evaluate(() => window.twinViewer.flood.arrows);
  report.speedLabel = await page.locator('#flood-quantity-label').innerText();
  report.speedLegendTitle = await page.locator('#flood-ramp-title').innerText();
  report.speedLegend = await page.locator('#flood-ramp').innerText();
  await page.screenshot({ path: screenshot.replace(/\.png$/, '-speed.png') });
  await page.check('input[name=flood-quantity][value=depth]');
  await page.waitForFunction(() => window.twinViewer.floodLayerShown()?.quantity === 'depth', null, {
    polling: 250,
  });

  await page.selectOption('#colour-by', 'simulated_max_depth');
  report.legend = await page.evaluate(() =>
    [...document.querySelectorAll('#legend-entries li')].map((li) => [
      li.querySelector('.swatch').style.background,
      li.textContent,
    ]),
  );
  report.legendTitle = await page.locator('#legend-title').textContent();

  const wet = await page.evaluate(async (run) => {
    const response = await fetch(`flood/runs/${run}/buildings?minDepth=0.02&limit=10000`);
    const page = await response.json();
    return Object.fromEntries(page.features.map((f) => [f.id, f.properties.max_depth_m]));
  }, report.flood.run);
  report.wetBuildings = Object.keys(wet).length;
  // Styling applies when tiles are drawn: let the scene settle after the scheme changed.
  await page.waitForTimeout(1000);
  report.pixel = await page.evaluate(findWetBuildingPixel, [12, wet]);
  if (!report.pixel) {
    return;
  }
  await page.mouse.click(report.pixel.x, report.pixel.y);
  await page.locator('#flood-picked').waitFor();
  report.panelId = await page.locator('#gml-id').innerText();
  report.floodPanel = await page.locator('#flood-picked').innerText();

  // A reload forgets the page's state: the run is listed among the earlier ones and reopens.
  // Leaving the page aborts its open live-sensor event stream; that one abort is expected, and
  // only that one is taken out of the failed requests.
  const failedBefore = report.failedRequests.length;
  await page.reload();
  await page.waitForFunction(() => window.twinViewer && window.twinViewer.state !== 'loading', null, {
    polling: 250,
  });
  const stream = report.failedRequests.findIndex(
    (failure, i) => i >= failedBefore && failure.endsWith('/sensors/v1/Events: net::ERR_ABORTED'),
  );
  if (stream >= 0) {
    report.failedRequests.splice(stream, 1);
  }
  await page.locator('#flood-past').waitFor();
  report.listedRuns = await page
    .locator('#flood-runs option')
    .evaluateAll((options) => options.map((o) => o.value));
  await page.selectOption('#flood-runs', report.flood.run);
  await page.click('#flood-open');
  await page.waitForFunction(
    () => ['completed', 'cancelled', 'failed'].includes(window.twinViewer.flood.state),
    null,
    { polling: 250 },
  );
  report.reopened = await page.evaluate(() => ({ ...window.twinViewer.flood }));
  await page.waitForFunction(() => window.twinViewer.floodLayerShown()?.loaded === true, null, {
    polling: 250,
  });
  report.reopenedLayer = await page.evaluate(() => window.twinViewer.floodLayerShown());
}

function run() {
  return runPage({
    chromium,
    executablePath,
    origin: new URL(url).origin,
    viewport: VIEWPORT,
    timeoutMs: TIMEOUT_MS,
    screenshot,
    report: { floodTiles: [] },
    watch: (page, report) =>
      page.on('response', (response) => {
        if (response.url().includes('/tiles/flood/')) {
          report.floodTiles.push({
            path: new URL(response.url()).pathname,
            status: response.status(),
            type: response.headers()['content-type'],
          });
        }
      }),
    drive,
  });
}

printReport(run);
