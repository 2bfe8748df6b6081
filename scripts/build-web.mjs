// Copy the map page's front-end libraries from node_modules (installed by `npm ci`) into the Python
// package, src/sitrep/web/static/vendor/, where `sitrep serve` serves them. Nothing is fetched when
// the page opens. The copied files are generated: they are git-ignored, never edited by hand.
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const modules = join(root, "node_modules");
const out = join(root, "src", "sitrep", "web", "static", "vendor");
const require = createRequire(import.meta.url);

// [package, files or folders inside it, destination folder under vendor/]
const copies = [
  ["leaflet", ["dist/leaflet.js", "dist/leaflet.css", "dist/images", "LICENSE"], "leaflet"],
  ["leaflet.markercluster", ["dist/leaflet.markercluster.js", "dist/MarkerCluster.css", "MIT-LICENCE.txt"],
    "markercluster"],
  ["topojson-client", ["dist/topojson-client.min.js", "LICENSE"], "topojson"],
  ["world-atlas", ["countries-50m.json", "LICENSE"], "world-atlas"],
  ["swagger-ui-dist", ["swagger-ui-bundle.js", "swagger-ui.css", "LICENSE"], "swagger-ui"],
];

if (!existsSync(modules)) {
  console.error("build-web: no node_modules here; run `npm ci` first");
  process.exit(1);
}
rmSync(out, { recursive: true, force: true });
const versions = {};
for (const [pkg, files, dest] of copies) {
  const base = join(modules, pkg);
  versions[pkg] = require(join(base, "package.json")).version;
  for (const file of files) {
    const from = join(base, file);
    if (!existsSync(from)) {
      if (/licen[cs]e/i.test(file)) continue; // some releases name it differently; the package.json says the licence
      console.error(`build-web: ${pkg} has no ${file}; is node_modules from this package-lock.json?`);
      process.exit(1);
    }
    const to = join(out, dest, file.replace(/^dist\//, ""));
    mkdirSync(dirname(to), { recursive: true });
    cpSync(from, to, { recursive: true });
  }
}
writeFileSync(join(out, "VERSIONS.json"), JSON.stringify(versions, null, 2) + "\n");
console.log(`build-web: copied ${Object.keys(versions).length} libraries into ${out}`);
