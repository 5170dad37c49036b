// Builds the viewer into the directory the server serves from its classpath (the Maven build of
// twin-server runs it, so no manual npm step is needed):
//   OUT/viewer/               our files from src/, index.html pointing at the Cesium version below,
//                             and the few files of small libraries the viewer imports (VENDOR)
//   OUT/cesium/<version>/     CesiumJS's prebuilt ES module bundle, its workers, assets and CSS
// `npm ci` runs only when package-lock.json changed since the last install, and Cesium is copied
// only when its version is not there yet, so a build with nothing changed takes well under a second.
//
// Usage: node build.mjs OUT
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const modules = path.join(here, "node_modules");

/** The parts of Build/Cesium a browser needs; Cesium.js (UMD) and index.cjs (Node) are left out. */
const CESIUM_PARTS = ["index.js", "Assets", "ThirdParty", "Widgets", "Workers"];

function installLockedPackages() {
  const lock = fs.readFileSync(path.join(here, "package-lock.json"));
  const digest = createHash("sha256").update(lock).digest("hex");
  const stamp = path.join(modules, ".citytwin-lock.sha256");
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, "utf8") === digest) {
    return;
  }
  console.log(`web: npm ci in ${here}`);
  execFileSync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], {
    cwd: here,
    stdio: "inherit",
    shell: process.platform === "win32", // npm is npm.cmd there
  });
  fs.writeFileSync(stamp, digest);
}

function copyCesium(out) {
  const cesium = path.join(modules, "cesium");
  const { version } = JSON.parse(fs.readFileSync(path.join(cesium, "package.json"), "utf8"));
  const root = path.join(out, "cesium");
  const target = path.join(root, version);
  const complete = path.join(target, ".complete");
  if (!fs.existsSync(complete)) {
    fs.rmSync(root, { recursive: true, force: true }); // other versions are no longer referenced
    for (const part of CESIUM_PARTS) {
      fs.cpSync(path.join(cesium, "Build", "Cesium", part), path.join(target, part), {
        recursive: true,
      });
    }
    fs.copyFileSync(path.join(cesium, "LICENSE.md"), path.join(target, "LICENSE.md"));
    fs.writeFileSync(complete, version);
    console.log(`web: copied CesiumJS ${version} to ${target}`);
  }
  return version;
}

/**
 * Files of small libraries served beside our modules (name in viewer/ -> file in node_modules):
 * uPlot draws the sensor charts (its ES module, CSS and licence, about 150 kB before gzip).
 */
const VENDOR = {
  "uplot.esm.js": "uplot/dist/uPlot.esm.js",
  "uplot.min.css": "uplot/dist/uPlot.min.css",
  "uplot.LICENSE.txt": "uplot/LICENSE",
};

/** Writes only files whose content changed, so an unchanged build leaves the jar's inputs alone. */
function copyViewer(out, cesiumVersion) {
  const target = path.join(out, "viewer");
  fs.mkdirSync(target, { recursive: true });
  const sources = new Map(
    fs.readdirSync(path.join(here, "src")).map((name) => [name, path.join(here, "src", name)]),
  );
  for (const [name, file] of Object.entries(VENDOR)) {
    sources.set(name, path.join(modules, file));
  }
  for (const stale of fs.readdirSync(target).filter((name) => !sources.has(name))) {
    fs.rmSync(path.join(target, stale), { recursive: true });
  }
  for (const [name, source] of sources) {
    let content = fs.readFileSync(source);
    if (name.endsWith(".html")) {
      content = Buffer.from(content.toString("utf8").replaceAll("@CESIUM_VERSION@", cesiumVersion));
    }
    const file = path.join(target, name);
    if (!fs.existsSync(file) || !fs.readFileSync(file).equals(content)) {
      fs.writeFileSync(file, content);
    }
  }
}

const [major, minor] = process.versions.node.split(".").map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`web: CesiumJS 1.140 needs Node.js 20.19 or newer; this is ${process.version}`);
  process.exit(1);
}
if (process.argv.length !== 3) {
  console.error("usage: node build.mjs OUT_DIRECTORY");
  process.exit(2);
}
const out = path.resolve(process.argv[2]);
installLockedPackages();
copyViewer(out, copyCesium(out));
