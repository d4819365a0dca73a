// Prints the size of the wasm the home page loads (the main bundle) and of the
// lazy chunks split off it, brotli-compressed as the server sends them (the
// precompressed .br file when the build wrote one), and fails when the main
// bundle is over the budget in KB, or when the split made a chunk under 4 KB
// or two chunks of the same content (issue 16: a request costs more than that).
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";

const [dir = "target/site/pkg", budgetKb = "300", name = "infolavoro"] = process.argv.slice(2);
const wasm = readdirSync(dir).filter((file) => file.endsWith(".wasm"));
const main = wasm.filter((file) => file.startsWith(`${name}.`));
if (main.length !== 1) {
  console.error(`expected one ${name}.*.wasm in ${dir}, found ${main.length}`);
  process.exit(1);
}
const brotliSize = (file) => {
  const precompressed = join(dir, `${file}.br`);
  return existsSync(precompressed)
    ? statSync(precompressed).size
    : brotliCompressSync(readFileSync(join(dir, file)), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
};
const kb = (n) => (n / 1000).toFixed(1);
const mainRaw = statSync(join(dir, main[0])).size;
const mainBrotli = brotliSize(main[0]);
const chunks = wasm.filter((file) => file !== main[0]);
const chunksBrotli = chunks.reduce((sum, file) => sum + brotliSize(file), 0);
console.log(
  `wasm ${main[0]} (loaded by every page): ${kb(mainRaw)} KB raw, ${kb(mainBrotli)} KB brotli (budget ${budgetKb} KB); ` +
    `${chunks.length} lazy chunks: ${kb(chunksBrotli)} KB brotli in all`,
);
if (mainBrotli > Number(budgetKb) * 1000) {
  console.error("the main wasm is over its size budget");
  process.exit(1);
}
const tiny = chunks.filter((file) => statSync(join(dir, file)).size < 4000);
if (tiny.length > 0) {
  console.error(`chunks under 4 KB: ${tiny.map((f) => `${f} (${statSync(join(dir, f)).size} B)`).join(", ")}`);
  process.exit(1);
}
const byContent = new Map();
for (const file of chunks) {
  const hash = createHash("sha256").update(readFileSync(join(dir, file))).digest("hex");
  if (byContent.has(hash)) {
    console.error(`${file} has the same content as ${byContent.get(hash)}`);
    process.exit(1);
  }
  byContent.set(hash, file);
}
