/** Build web/ into dist/web, the directory wrangler.toml serves as static assets. */
import { cp, mkdir, rm } from "node:fs/promises";
import { build } from "esbuild";

const outdir = "dist/web";
await rm(outdir, { recursive: true, force: true });
await mkdir(outdir, { recursive: true });
await cp("web/static", outdir, { recursive: true });
const common = { outdir, bundle: true, minify: true, target: "es2022", sourcemap: "linked", metafile: true, legalComments: "none", logLevel: "warning" } as const;
const results = await Promise.all([
  // Module scripts are always read as UTF-8, so their Cyrillic strings ship as letters, not as \uXXXX escapes
  // (measured 2026-12-02: 50 KB less minified, 3 KB less gzipped). The widget is a classic script on publishers' pages,
  // whose charset is theirs: it keeps esbuild's ASCII output.
  build({ ...common, entryPoints: { "app/app": "web/src/main.ts", enhance: "web/src/public/enhance.ts" }, format: "esm", charset: "utf8" }),
  // The widget runs as a classic script on publishers' pages: an IIFE leaks no globals into them.
  build({ ...common, entryPoints: { widget: "web/src/public/widget.ts" }, format: "iife" }),
]);
const bytes = results
  .flatMap((r) => Object.entries(r.metafile.outputs))
  .filter(([file]) => file.endsWith(".js"))
  .map(([file, out]) => `${file} ${(out.bytes / 1024).toFixed(1)} KiB`);
console.log(`web built into ${outdir}: ${bytes.join(", ")}`);
