// Prints the size of the built wasm, raw and brotli-compressed as the server
// sends it (the precompressed .br file when the build wrote one), and fails
// when the compressed size is over the budget in KB.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";

const [dir = "target/site/pkg", budgetKb = "300"] = process.argv.slice(2);
const wasm = readdirSync(dir).filter((name) => name.endsWith(".wasm"));
if (wasm.length !== 1) {
  console.error(`expected one .wasm in ${dir}, found ${wasm.length}`);
  process.exit(1);
}
const bytes = readFileSync(join(dir, wasm[0]));
const precompressed = join(dir, `${wasm[0]}.br`);
const brotli = existsSync(precompressed)
  ? statSync(precompressed).size
  : brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const kb = (n) => (n / 1000).toFixed(1);
console.log(`wasm ${wasm[0]}: ${kb(bytes.length)} KB raw, ${kb(brotli)} KB brotli (budget ${budgetKb} KB)`);
if (brotli > Number(budgetKb) * 1000) {
  console.error("the wasm is over its size budget");
  process.exit(1);
}
