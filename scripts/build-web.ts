/** Build web/ into dist/web, the directory wrangler.toml serves as static assets. */
import { cp, mkdir, rm } from "node:fs/promises";
import { build } from "esbuild";

const outdir = "dist/web";
await rm(outdir, { recursive: true, force: true });
await mkdir(outdir, { recursive: true });
await cp("web/static", outdir, { recursive: true });
const common = { outdir, bundle: true, minify: true, target: "es2022", sourcemap: "linked", metafile: true, legalComments: "none", logLevel: "warning" } as const;
// The modules keep Russian and Kazakh strings as UTF-8 (module scripts are always read as UTF-8): as \u escapes
// they cost about 2 KB more gzipped. The widget runs inside publishers' pages, whatever their charset: ASCII there.
const results = await Promise.all([
  // The workspace is split so that Russian and Kazakh strings are chunks of their own, loaded when chosen.
  build({ ...common, entryPoints: { "app/app": "web/src/main.ts" }, format: "esm", charset: "utf8", splitting: true, chunkNames: "app/[name]-[hash]" }),
  build({ ...common, entryPoints: { enhance: "web/src/public/enhance.ts" }, format: "esm", charset: "utf8" }),
  // The widget runs as a classic script on publishers' pages: an IIFE leaks no globals into them.
  build({ ...common, entryPoints: { widget: "web/src/public/widget.ts" }, format: "iife" }),
]);
const bytes = results
  .flatMap((r) => Object.entries(r.metafile.outputs))
  .filter(([file]) => file.endsWith(".js"))
  .map(([file, out]) => `${file} ${(out.bytes / 1024).toFixed(1)} KiB`);
console.log(`web built into ${outdir}: ${bytes.join(", ")}`);
