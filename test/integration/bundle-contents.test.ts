/**
 * What each function's bundle holds and what it loads at a cold start, read from esbuild's
 * metafile of the very bundling the CDK construct runs (infra/bundling.ts). The SES client
 * and the email templates must wait for their first use, the Cognito client too and only
 * in the function given the user pool, the SDK's
 * default credential chain must not be shipped at all, and what loads at start must stay
 * within the 400 KB budget (`npm run bench` prints the figures).
 */
import type { Metafile } from 'esbuild';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FUNCTIONS, type FunctionName } from '../../functions/needs.js';
import { bundleFiles, bundleFunction, functionEntry } from '../../infra/bundling.js';

const BUDGET_AT_START = 400 * 1024;
const NAMES = Object.keys(FUNCTIONS) as FunctionName[];

/** Inputs (source files) that end up in the given output files. */
const inputsOf = (meta: Metafile, files: Iterable<string>) =>
  [...files].flatMap((file) => Object.keys(meta.outputs[file]!.inputs));

describe('what each bundle loads at start', () => {
  const bundles = {} as Record<FunctionName, { meta: Metafile; files: ReturnType<typeof bundleFiles> }>;

  beforeAll(() => {
    const out = mkdtempSync(join(tmpdir(), 'afterword-bundle-contents-'));
    for (const name of NAMES) {
      const meta = bundleFunction(functionEntry(name), join(out, name));
      bundles[name] = { meta, files: bundleFiles(meta) };
    }
  }, 60_000);

  it.each(NAMES)('%s loads at most 400 KB before its handler runs', (name) => {
    const { meta, files } = bundles[name];
    const bytes = [...files.atStart].reduce((sum, file) => sum + meta.outputs[file]!.bytes, 0);
    expect(bytes).toBeLessThan(BUDGET_AT_START);
  });

  it.each(NAMES.filter((name) => 'mail' in FUNCTIONS[name]))(
    '%s loads the SES client and the email templates on first use only',
    (name) => {
      const { meta, files } = bundles[name];
      const lazy = ['@aws-sdk/client-sesv2/', 'shared/emails/render.ts'];
      const all = inputsOf(meta, files.all);
      const atStart = inputsOf(meta, files.atStart);
      // In the bundle, so the check below means something…
      for (const part of lazy) expect(all.some((input) => input.includes(part))).toBe(true);
      // …but in chunks that only an import() reaches.
      expect(atStart.filter((input) => lazy.some((part) => input.includes(part)))).toEqual([]);
    },
  );

  it.each(NAMES)(
    '%s ships the Cognito client only if it is given the user pool, and then loads it on first use',
    (name) => {
      const { meta, files } = bundles[name];
      const cognito = ['@aws-sdk/client-cognito-identity-provider/', 'shared/adapters/cognito/'];
      const shipped = inputsOf(meta, files.all).filter((input) => cognito.some((part) => input.includes(part)));
      const atStart = inputsOf(meta, files.atStart).filter((input) => cognito.some((part) => input.includes(part)));
      expect(shipped.length > 0, `${name} ships the Cognito client`).toBe('directory' in FUNCTIONS[name]);
      expect(atStart).toEqual([]);
    },
  );

  it.each(NAMES)('%s ships no credential source but the environment, and needs no require at run time', (name) => {
    const { meta, files } = bundles[name];
    const chain = ['credential-provider-node', 'credential-provider-ini', 'credential-provider-sso', 'nested-clients'];
    expect(
      inputsOf(meta, files.all).filter((input) => chain.some((part) => input.includes(`@aws-sdk/${part}/`))),
    ).toEqual([]);
    // esbuild's stand-in for `require` in an ES module bundle, which throws when called.
    for (const file of files.all) expect(readFileSync(file, 'utf8')).not.toContain('Dynamic require of');
  });
});
