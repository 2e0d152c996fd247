// The build steps `npm start` and `npm test` share, each skipped when its
// inputs are unchanged since the last successful run.
const path = require('node:path');
const { ROOT, log, run } = require('./proc');
const { hashInputs, isFresh, writeStamp } = require('./stamp');

const STAMPS = path.join(ROOT, '.cache', 'stamps');
const at = (...p) => path.join(ROOT, ...p);

async function cached(name, inputs, outputs, extra, step) {
  const stamp = path.join(STAMPS, name);
  const hash = hashInputs(inputs, extra);
  if (isFresh(stamp, hash, outputs)) return false;
  await step();
  writeStamp(stamp, hash);
  return true;
}

/** Type-checks and compiles shared + server (+ client and tests type-check) with tsc -b. */
function compileTypeScript({ all = false } = {}) {
  const projects = all ? [] : ['shared', 'server'];
  return cached(
    all ? 'tsc-all' : 'tsc-server',
    ['shared', 'server', ...(all ? ['client', 'tests', 'config'] : [])].map((d) => at(d)).concat(at('tsconfig.base.json')),
    [at('server', 'dist', 'bootstrap.js')],
    [],
    async () => {
      log(`compiling TypeScript (tsc -b ${projects.join(' ') || 'all projects'}) …`);
      await run(process.execPath, [at('node_modules', 'typescript', 'bin', 'tsc'), '-b', ...projects]);
    },
  );
}

/** Builds the client for `h5` or `weapp` with Taro (production, minified). */
function buildClient(target, env = {}) {
  const outputs = [at('dist', target, target === 'h5' ? 'index.html' : 'app.json')];
  return cached(
    `taro-${target}`,
    ['client', 'config', 'shared/src', 'babel.config.js', 'package-lock.json'].map((p) => at(p)),
    outputs,
    [JSON.stringify(env)],
    async () => {
      log(`building the ${target} client (taro build --type ${target}) …`);
      await run(process.execPath, [at('node_modules', '@tarojs', 'cli', 'bin', 'taro'), 'build', '--type', target], {
        env: { ...process.env, NODE_ENV: 'production', ...env },
        quiet: true,
      });
    },
  );
}

module.exports = { compileTypeScript, buildClient };
