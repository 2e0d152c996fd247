import fs from 'node:fs';
import path from 'node:path';
import { MODULES } from './modules';

// The shape the README's architecture section describes, checked on the code itself.
const SRC = __dirname;
const MODULES_DIR = path.join(SRC, 'modules');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [full] : [];
  });
}

const rel = (file: string) => path.relative(SRC, file);
const imports = (file: string) => [...fs.readFileSync(file, 'utf8').matchAll(/^import\s+(type\s+)?[^'"]*from\s+'([^']+)'/gm)].map((m) => ({ typeOnly: !!m[1], from: m[2] }));
const moduleOf = (file: string) => path.relative(MODULES_DIR, file).split(path.sep)[0];
const moduleNames = fs.readdirSync(MODULES_DIR, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);

describe('how the server is put together', () => {
  it('when common/ imports something, then never from modules/', () => {
    const offending = sourceFiles(path.join(SRC, 'common')).flatMap((f) => imports(f).filter((i) => i.from.includes('/modules')).map((i) => `${rel(f)} → ${i.from}`));
    expect(offending).toEqual([]);
  });

  it("when a module reads a collection directly, then only in its own store (no connection.collection elsewhere)", () => {
    const offending = sourceFiles(SRC).filter((f) => /connection\s*\.\s*collection\s*\(|\.db\s*\.\s*collection\s*\(/.test(fs.readFileSync(f, 'utf8')) && !f.endsWith('-store.ts'));
    expect(offending.map(rel)).toEqual([]);
  });

  it("when a module uses another module's data, then through its services: another module's model file is imported for types only", () => {
    const offending = sourceFiles(MODULES_DIR).flatMap((f) =>
      imports(f)
        .filter((i) => !i.typeOnly && /^\.\.\/[^/]+\/[^/]+\.model$/.test(i.from))
        .map((i) => `${rel(f)} → ${i.from}`),
    );
    expect(offending).toEqual([]);
  });

  it('when there is a module, then it has a README saying what it owns', () => {
    expect(moduleNames.filter((m) => !fs.existsSync(path.join(MODULES_DIR, m, 'README.md')))).toEqual([]);
  });

  it('when a module defines a model, then its manifest declares it (so its indexes exist at start-up)', () => {
    const defined = sourceFiles(MODULES_DIR)
      .filter((f) => f.endsWith('.model.ts'))
      .flatMap((f) => [...fs.readFileSync(f, 'utf8').matchAll(/export const \w+_MODEL = '(\w+)'/g)].map((m) => `${moduleOf(f)}:${m[1]}`));
    const declared = MODULES.flatMap((m) => (m.models ?? []).map(([name]) => `${m.name}:${name}`));
    expect(defined.sort()).toEqual([...declared].sort());
  });
});
