// Drives the viewer in headless Chromium like a person would and prints one JSON report on stdout:
// waits for the tiles, colours by river flood depth and then by height, finds a pixel where a building is drawn,
// clicks it, waits for the panel to show its gml:id and its full record, and takes a screenshot.
// With a sensor token and a gauge's thing id it then checks the live sensors: waits for the
// markers, clicks the gauge's, waits for its value and chart, posts an observation above the
// gauge's flood-danger level to the server and waits for the alert and the new state in the page.
// Every browser console error, uncaught exception, failed request and request leaving the
// server's origin is listed in the report; the Java test decides what passes.
//
// With MODE "relief" it only waits for the viewer, then turns the relief checkbox off and on,
// recording the viewer's relief state after each step. With MODE "walk" it does the full walk,
// and, given TOKEN GAUGE_THING LEVEL, also the live sensor steps.
//
// Usage: node viewer-e2e.cjs PLAYWRIGHT_PREFIX CHROMIUM URL SCREENSHOT.png MODE [TOKEN GAUGE_THING LEVEL]
// PLAYWRIGHT_PREFIX is the npm --prefix the playwright-core package was installed into.
'use strict';
const path = require('path');
const { createRequire } = require('module');
const { runPage, printReport } = require('../browser-page.cjs');

const [prefix, executablePath, url, screenshot, mode, sensorToken, gaugeThing, alertLevel] =
  process.argv.slice(2);
const { chromium } = createRequire(path.join(path.resolve(prefix), 'package.json'))('playwright-core');

const TIMEOUT_MS = 240_000; // software WebGL on a loaded 2-core machine is slow
const VIEWPORT = { width: 1280, height: 800 };

/** Runs in the page: window pixels over the globe nearest its centre first, until one picks a building. */
function findBuildingPixel(step) {
  const panel = document.getElementById('panel').getBoundingClientRect();
  const width = panel.left; // the panel covers the right edge of the globe
  const height = window.innerHeight;
  const points = [];
  for (let y = step / 2; y < height; y += step) {
    for (let x = step / 2; x < width; x += step) {
      points.push([Math.round(x), Math.round(y)]);
    }
  }
  const distance = ([x, y]) => (x - width / 2) ** 2 + (y - height / 2) ** 2;
  points.sort((a, b) => distance(a) - distance(b));
  for (const [x, y] of points.slice(0, 600)) {
    const onCanvas = document.elementFromPoint(x, y) instanceof HTMLCanvasElement;
    const id = onCanvas ? window.twinViewer.featureAt(x, y) : null;
    if (id) {
      return { x, y, id };
    }
  }
  return null;
}

/** The steps a person takes; each records what it saw in the report, and a step that times out throws. */
async function drive(page, report) {
  const started = Date.now();
  await page.goto(url);
  await page.waitForFunction(() => window.twinViewer && window.twinViewer.state !== 'loading', null, {
    polling: 250,
  });
  report.viewerState = await page.evaluate(() => window.twinViewer.state);
  report.viewerError = await page.evaluate(() => window.twinViewer.error);
  report.readyMillis = Date.now() - started;
  if (report.viewerState !== 'ready') {
    return;
  }
  report.viewerMillis = await page.evaluate(() => window.twinViewer.millis);
  report.relief = [await page.evaluate(() => window.twinViewer.relief)];
  if (mode === 'relief') {
    report.reliefToggle = await page.locator('#controls').innerText();
    for (let i = 0; i < 2; i++) {
      await page.locator('#show-relief').click();
      report.relief.push(await page.evaluate(() => window.twinViewer.relief));
    }
    return;
  }
  await page.selectOption('#colour-by', 'river_flood_depth');
  report.legends = [await page.locator('#legend').textContent()];
  await page.selectOption('#colour-by', 'height');
  report.legends.push(await page.locator('#legend').textContent());
  report.pixel = await page.evaluate(findBuildingPixel, 16);
  if (!report.pixel) {
    return;
  }
  await page.mouse.click(report.pixel.x, report.pixel.y);
  report.panelId = await page.locator('#gml-id').innerText();
  await page.locator('#detail section').first().waitFor();
  report.panelText = await page.locator('#picked').innerText();
  if (sensorToken) {
    await driveSensors(page, report);
  }
}

/** Runs in the page: what the sensor layer shows (see main.js). */
function sensorSummary() {
  return window.twinViewer.sensors();
}

/** Posts one observation to the server as a sensor would, with the bearer token. */
async function postObservation(datastream, phenomenonTime, result) {
  const response = await fetch(new URL('sensors/v1/Observations', url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${sensorToken}` },
    body: JSON.stringify({ datastream, phenomenonTime, result }),
  });
  return { status: response.status, body: await response.text() };
}

async function driveSensors(page, report) {
  const millis = (report.sensorMillis = {});
  let started = Date.now();
  await page.waitForFunction(
    () => window.twinViewer.sensors().state === 'live' && Object.keys(window.twinViewer.sensors().markers).length > 0,
    null,
    { polling: 250 },
  );
  millis.live = Date.now() - started; // after the building steps: usually at once
  report.sensorsBefore = await page.evaluate(sensorSummary);
  report.gaugePixel = await page.evaluate((thing) => window.twinViewer.sensorPixel(thing), gaugeThing);
  if (!report.gaugePixel) {
    return;
  }
  started = Date.now();
  await page.mouse.click(report.gaugePixel.x, report.gaugePixel.y);
  await page.locator(`#sensor-detail[data-thing="${gaugeThing}"]`).waitFor();
  await page.locator('#sensor-chart[data-points] canvas').first().waitFor();
  millis.clickToChart = Date.now() - started;
  report.sensorPanelText = await page.locator('#sensor-detail').innerText();
  report.chartPoints = Number(await page.locator('#sensor-chart').getAttribute('data-points'));
  report.pickedAfterSensor = await page.locator('#picked').isVisible();

  // The gauge's headline datastream, its latest time, and one observation 10 minutes later.
  const datastream = await page.locator('#sensor-readings tr.charted').getAttribute('data-datastream');
  const latest = await (await fetch(new URL(`sensors/v1/Datastreams/${datastream}/Observations/latest`, url))).json();
  const time = new Date(Date.parse(latest.value[0].phenomenonTime) + 10 * 60 * 1000).toISOString();
  started = Date.now();
  report.posted = { datastream, time, ...(await postObservation(datastream, time, Number(alertLevel))) };

  const toast = page.locator('#toasts .alert').first();
  await toast.waitFor();
  millis.postToToast = Date.now() - started; // includes Playwright's polling
  report.toastText = await toast.innerText();
  report.listedAlertText = await page.locator('#sensor-alerts .alert.new').first().innerText();
  await page.waitForFunction(
    ([thing, level]) =>
      window.twinViewer.sensors().markers[thing] === 'FLOOD_DANGER' &&
      document.getElementById('sensor-detail').innerText.includes(`${level} m`),
    [gaugeThing, alertLevel],
    { polling: 250 },
  );
  report.sensorsAfter = await page.evaluate(sensorSummary);
  report.sensorPanelAfter = await page.locator('#sensor-detail').innerText();
  await page.screenshot({ path: screenshot.replace(/\.png$/, '-sensors.png') });

  await toast.click(); // flies to the gauge and highlights the buildings the alert lists
  await page.waitForFunction(() => window.twinViewer.sensors().highlighted > 0, null, { polling: 250 });
  report.highlighted = await page.evaluate(() => window.twinViewer.sensors().highlighted);
}

function run() {
  return runPage({
    chromium,
    executablePath,
    origin: new URL(url).origin,
    viewport: VIEWPORT,
    timeoutMs: TIMEOUT_MS,
    screenshot,
    report: {},
    watch: (page, report) =>
      page.on('request', (request) => {
        if (request.url().includes('/relief/')) {
          report.reliefRequests = (report.reliefRequests || 0) + 1;
        }
      }),
    drive,
  });
}

printReport(run);
