// Checks what a fresh machine may lack before `npm start` or `npm test`, installs the npm
// dependencies when they are missing or stale, and says clearly what to install otherwise.
// Plain JavaScript with no dependencies, because it runs before `npm install` has.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function fail(lines) {
  console.error(`\n  Afterword cannot start yet:\n${lines.map((l) => `    ${l}`).join('\n')}\n`);
  process.exit(1);
}

export function checkNode() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 19)) {
    fail([
      `Node.js 20.19 or newer is needed; this is ${process.versions.node}.`,
      'Install it from https://nodejs.org or with your package manager.',
    ]);
  }
}

export function ensureDependencies() {
  const marker = join(root, 'node_modules', '.package-lock.json');
  const lock = join(root, 'package-lock.json');
  const stale = !existsSync(marker) || (existsSync(lock) && statSync(lock).mtimeMs > statSync(marker).mtimeMs + 1000);
  if (!stale) return;
  console.log('Installing dependencies (first run; this takes about a minute)…');
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0)
    fail([
      '`npm ci` failed; see the output above.',
      'Check your network connection to the npm registry and try again.',
    ]);
}

export function checkJava() {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) {
    fail([
      'Java was not found. DynamoDB Local (the local database) runs on Java 17 or newer.',
      'Debian/Ubuntu: sudo apt-get install -y openjdk-17-jre-headless',
      'macOS (Homebrew): brew install openjdk@17',
    ]);
  }
  const version = /version "(\d+)/.exec(result.stderr ?? '')?.[1];
  if (version && Number(version) < 17) fail([`Java ${version} was found; DynamoDB Local needs Java 17 or newer.`]);
}

export function checkChromium() {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) {
    fail([
      `Chromium was not found at ${path}; the browser tests drive a real Chromium.`,
      'Debian/Ubuntu: sudo apt-get install -y chromium   (or set CHROMIUM_PATH to your Chromium binary)',
    ]);
  }
}

// `node local/preflight.mjs` runs the checks `npm test` needs (the browser tests drive Chromium).
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  checkNode();
  ensureDependencies();
  checkJava();
  checkChromium();
}
