import { afterEach, describe, expect, it } from 'vitest';
import { defaultProvider } from '../../functions/lambda-credentials.js';

describe('the credential source the bundles use (the environment Lambda sets)', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('gives the role credentials from the environment, session token included', async () => {
    Object.assign(process.env, {
      AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'secret',
      AWS_SESSION_TOKEN: 'token',
    });
    expect(await defaultProvider({})()).toMatchObject({
      accessKeyId: 'AKIDEXAMPLE',
      secretAccessKey: 'secret',
      sessionToken: 'token',
    });
  });

  it('fails plainly where the environment has none, instead of trying profiles or metadata endpoints', async () => {
    delete process.env.AWS_ACCESS_KEY_ID;
    delete process.env.AWS_SECRET_ACCESS_KEY;
    await expect(defaultProvider({})()).rejects.toThrow(/environment variable credentials/);
  });
});
