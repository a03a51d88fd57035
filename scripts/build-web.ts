/** Build web/ into dist/web, the directory wrangler.toml serves as static assets. */
import { cp, mkdir, rm } from "node:fs/promises";
import { build } from "esbuild";

const outdir = "dist/web";
await rm(outdir, { recursive: true, force: true });
await mkdir(outdir, { recursive: true });
await cp("web/static", outdir, { recursive: true });
const result = await build({
  entryPoints: { "app/app": "web/src/main.ts", "enhance": "web/src/public/enhance.ts" },
  outdir,
  bundle: true,
  minify: true,
  format: "esm",
  target: "es2022",
  sourcemap: "linked",
  metafile: true,
  legalComments: "none",
  logLevel: "warning",
});
const bytes = Object.entries(result.metafile.outputs)
  .filter(([file]) => file.endsWith(".js"))
  .map(([file, out]) => `${file} ${(out.bytes / 1024).toFixed(1)} KiB`);
console.log(`web built into ${outdir}: ${bytes.join(", ")}`);
