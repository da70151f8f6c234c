/**
 * How every function is bundled, in one place: the CDK construct, the benchmark and the
 * bundle tests all call `bundleFunction`, so what is measured and tested is what deploys.
 * Each figure quoted here is from `npm run bench` (see the README).
 */
import { buildSync, type BuildOptions, type Metafile } from 'esbuild';
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');

/** The file Lambda loads (`index.handler` finds index.mjs); every other file is a chunk it imports. */
export const ENTRY_FILE = 'index.mjs';

export const BUNDLING = {
  target: 'node22',
  // ES modules, because only they can be split: the SES client, the email templates and the
  // SDK's parts for other protocols become chunks loaded on first use, so
  // a cold start parses and runs only what it needs.
  format: 'esm',
  splitting: true,
  minify: true,
  // Separate .map files (not in the size figures), without the sources themselves: Node
  // reads each map when it loads a chunk under --enable-source-maps, and the sources are
  // not needed for a stack trace with file names and lines.
  sourcemap: 'external',
  sourcesContent: false,
  // Prefer packages' ES module builds: the SDK's tree-shake far better (measured: the
  // DynamoDB client alone 513 KB → 322 KB).
  mainFields: ['module', 'main'],
} as const;

/**
 * The options for one entry point: `entry` is a file, or source text resolved from the
 * repository (the bench's bare-client baseline is bundled exactly like a function).
 */
export function bundleOptions(entry: string | { contents: string }, outdir: string): BuildOptions {
  return {
    ...(typeof entry === 'string'
      ? { entryPoints: { index: entry } }
      : { stdin: { contents: entry.contents, resolveDir: ROOT, loader: 'ts', sourcefile: 'index.ts' } }),
    outdir,
    bundle: true,
    platform: 'node',
    ...BUNDLING,
    mainFields: [...BUNDLING.mainFields],
    outExtension: { '.js': '.mjs' },
    entryNames: 'index',
    chunkNames: 'chunks/[name]-[hash]',
    // No createRequire banner: no bundled package calls `require` at run time today, and the
    // banner cost a createRequire per chunk at every cold start. test/integration/bundles.test.ts
    // fails if a bundle ever needs one (esbuild's "Dynamic require" stand-in appears).
    alias: {
      // In Lambda the function's role credentials are in the environment; the SDK's default
      // chain (SSO, ini files, process, web identity, instance metadata) is never reached.
      '@aws-sdk/credential-provider-node': join(ROOT, 'functions', 'lambda-credentials.ts'),
    },
    metafile: true,
    logLevel: 'warning',
  };
}

/** Bundles one function (or source text) into `outdir`, copying the files it ships with; returns esbuild's metafile. */
export function bundleFunction(entry: string | { contents: string }, outdir: string, files?: string): Metafile {
  rmSync(outdir, { recursive: true, force: true });
  const result = buildSync(bundleOptions(entry, outdir));
  if (files) cpSync(join(ROOT, files), join(outdir, files), { recursive: true });
  return result.metafile!;
}

/** The entry of one function in functions/. */
export const functionEntry = (name: string) => join(ROOT, 'functions', `${name}.ts`);

/** The output files (code, not maps) of a bundle, and those its entry loads before the handler runs. */
export function bundleFiles(meta: Metafile): { all: string[]; atStart: Set<string> } {
  const all = Object.keys(meta.outputs).filter((file) => !file.endsWith('.map'));
  const atStart = new Set<string>();
  const pending = all.filter((file) => file.endsWith(`/${ENTRY_FILE}`) || file === ENTRY_FILE);
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (atStart.has(file)) continue;
    atStart.add(file);
    // Static imports load with the entry; `import()` targets wait for their first use.
    for (const imported of meta.outputs[file]!.imports)
      if (imported.kind === 'import-statement' && meta.outputs[imported.path]) pending.push(imported.path);
  }
  return { all, atStart };
}
