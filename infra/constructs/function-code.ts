/**
 * A function's deployed code: its bundle (infra/bundling.ts), made while the app synthesizes.
 */
import { AssetHashType, DockerImage, type ILocalBundling } from 'aws-cdk-lib';
import { Code } from 'aws-cdk-lib/aws-lambda';
import { join } from 'node:path';
import type { FunctionName, FunctionNeeds } from '../../functions/needs.js';
import { bundleFunction, functionEntry } from '../bundling.js';

const ROOT = join(import.meta.dirname, '..', '..');

/**
 * esbuild as infra/bundling.ts says (the bench and the bundle tests use the same), run here
 * with its JS API: a split ES module bundle is a folder (index.mjs and its chunks), which the
 * NodejsFunction construct, bundling to one file, cannot produce. No Docker is involved. The
 * function's name and files are properties so that CDK tells each function's asset apart.
 */
class LocalEsbuild implements ILocalBundling {
  constructor(
    readonly fn: FunctionName,
    readonly files: FunctionNeeds['files'],
  ) {}

  tryBundle(outputDir: string): boolean {
    bundleFunction(functionEntry(this.fn), outputDir, this.files);
    return true;
  }
}

/** The function's code: its bundle, hashed by what it contains (not by the whole repository). */
export function codeFor(name: FunctionName, needs: FunctionNeeds): Code {
  return Code.fromAsset(ROOT, {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      // Required by the type, never pulled: local bundling always succeeds or throws.
      image: DockerImage.fromRegistry('scratch'),
      local: new LocalEsbuild(name, needs.files),
    },
  });
}
