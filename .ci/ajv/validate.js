// Validates redline's JSON outputs against docs/schema with ajv, the
// second validator, in strict mode (unknown keywords, types missing beside
// type-specific keywords, loose tuples: all errors):
//
//   node .ci/ajv/validate.js SCHEMA_DIR SCHEMA.json=OUTPUT.json...
//
// Run by TestSchemasAjv (go test ./cmd/redline), which writes the outputs;
// .ci/run installs ajv here first (npm install ajv@8).
"use strict";
const fs = require("fs");
const path = require("path");
const Ajv2020 = require("ajv/dist/2020");

const [dir, ...pairs] = process.argv.slice(2);
const ajv = new Ajv2020({ strict: true, allErrors: true });
const ids = {};
for (const name of fs.readdirSync(dir).filter((f) => f.endsWith(".json")).sort()) {
  const schema = JSON.parse(fs.readFileSync(path.join(dir, name), "utf8"));
  ajv.addSchema(schema);
  ids[name] = schema.$id;
}
let failed = 0;
let checked = 0;
for (const name of Object.keys(ids)) {
  ajv.getSchema(ids[name]); // compiles: strict mode throws on a loose schema
}
for (const pair of pairs) {
  const eq = pair.indexOf("=");
  const name = pair.slice(0, eq);
  const file = pair.slice(eq + 1);
  const validate = ajv.getSchema(ids[name]);
  if (!validate) {
    console.error(`no schema ${name}`);
    failed++;
    continue;
  }
  const data = JSON.parse(fs.readFileSync(file, "utf8"));
  checked++;
  if (!validate(data)) {
    failed++;
    console.error(`${file} does not match ${name}:\n${ajv.errorsText(validate.errors, { separator: "\n" })}`);
  }
}
console.log(`ajv (strict): ${checked} outputs checked against ${Object.keys(ids).length} schemas, ${failed} failed`);
process.exit(failed ? 1 : 0);
