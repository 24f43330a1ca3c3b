// Parse GIFT files with gift-pegjs, an independent parser, and print what it read as JSON:
// {file: [items]}. Used by tests/lms/test_gift_parser.py.
const fs = require("fs");
const { parse } = require("gift-pegjs");
const out = {};
for (const file of process.argv.slice(2)) {
  out[file] = parse(fs.readFileSync(file, "utf8"));
}
process.stdout.write(JSON.stringify(out));
