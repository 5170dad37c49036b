// Validates GLB files with the Khronos glTF validator and prints one JSON array of reports.
// Usage: node validate-glb.cjs VALIDATOR_PREFIX FILE.glb...
// VALIDATOR_PREFIX is the npm --prefix the gltf-validator package was installed into.
'use strict';
const fs = require('fs');
const path = require('path');
const { createRequire } = require('module');

const [prefix, ...files] = process.argv.slice(2);
const requireFromPrefix = createRequire(path.join(path.resolve(prefix), 'package.json'));
const validator = requireFromPrefix('gltf-validator');

(async () => {
  const reports = [];
  for (const file of files) {
    const report = await validator.validateBytes(new Uint8Array(fs.readFileSync(file)), {
      uri: path.basename(file),
      maxIssues: 50,
    });
    reports.push({ file, validatorVersion: report.validatorVersion, issues: report.issues });
  }
  process.stdout.write(JSON.stringify(reports));
})().catch((error) => {
  process.stderr.write(String(error && error.stack ? error.stack : error) + '\n');
  process.exit(2);
});
