// What the browser test scripts share: Chromium's flags for WebGL without a GPU, one page whose
// console errors, uncaught exceptions, failed or 4xx/5xx requests and requests leaving the
// server's origin are recorded in the report, the script's own steps (a failing step is recorded
// as report.failure, not thrown, so the screenshot is still taken), and the report printed as one
// JSON line on stdout. The Java tests decide what passes.
'use strict';

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  // WebGL without a GPU: ANGLE over SwiftShader, the software renderer Chromium ships.
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

/**
 * Opens one page and runs `drive(page, report)` on it. `watch(page, report)`, if given, adds the
 * script's own listeners before anything loads.
 */
async function runPage({ chromium, executablePath, origin, viewport, timeoutMs, screenshot, report, watch, drive }) {
  Object.assign(report, { consoleErrors: [], pageErrors: [], failedRequests: [], foreignRequests: [], requests: 0 });
  const browser = await chromium.launch({ executablePath, headless: true, args: ARGS });
  try {
    const page = await browser.newPage({ viewport });
    page.setDefaultTimeout(timeoutMs);
    page.on('console', (message) => {
      if (message.type() === 'error') {
        report.consoleErrors.push(message.text());
      }
    });
    page.on('pageerror', (error) => report.pageErrors.push(String(error.stack || error)));
    page.on('request', (request) => {
      report.requests++;
      const target = request.url();
      if (!target.startsWith('data:') && !target.startsWith('blob:') && new URL(target).origin !== origin) {
        report.foreignRequests.push(target);
      }
    });
    page.on('requestfailed', (request) =>
      report.failedRequests.push(`${request.url()}: ${request.failure().errorText}`),
    );
    page.on('response', (response) => {
      if (response.status() >= 400) {
        report.failedRequests.push(`${response.url()}: HTTP ${response.status()}`);
      }
    });
    if (watch) {
      await watch(page, report);
    }
    try {
      await drive(page, report);
    } catch (error) {
      report.failure = String(error && error.message ? error.message : error);
    }
    await page.screenshot({ path: screenshot });
    return report;
  } finally {
    await browser.close();
  }
}

/** Prints the report of `run()` as JSON, or its error on stderr with exit code 2. */
function printReport(run) {
  run()
    .then((report) => process.stdout.write(JSON.stringify(report)))
    .catch((error) => {
      process.stderr.write(String(error && error.stack ? error.stack : error) + '\n');
      process.exit(2);
    });
}

module.exports = { runPage, printReport };
