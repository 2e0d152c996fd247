// Content stamps: rebuild a thing only when its inputs changed.
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const SKIP = new Set(['node_modules', 'dist', '.data', '.cache', 'bin', '.git']);

function walk(target, out) {
  if (!fs.existsSync(target)) return;
  const stat = fs.statSync(target);
  if (stat.isFile()) return out.push(target);
  for (const name of fs.readdirSync(target).sort()) {
    if (!SKIP.has(name)) walk(path.join(target, name), out);
  }
}

/** A hash of every file under `inputs` (files or folders) plus `extra` strings. */
function hashInputs(inputs, extra = []) {
  const files = [];
  inputs.forEach((p) => walk(p, files));
  const hash = crypto.createHash('sha256');
  for (const file of files) hash.update(file).update('\0').update(fs.readFileSync(file));
  extra.forEach((e) => hash.update(String(e)));
  return hash.digest('hex');
}

function isFresh(stampFile, hash, outputs = []) {
  return (
    fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === hash && outputs.every((o) => fs.existsSync(o))
  );
}

function writeStamp(stampFile, hash) {
  fs.mkdirSync(path.dirname(stampFile), { recursive: true });
  fs.writeFileSync(stampFile, hash);
}

module.exports = { hashInputs, isFresh, writeStamp };
