import { randomBytes } from 'node:crypto';
import { ConfigurationError, EnvReader } from '../env-reader';
import { readActionLinkSecret } from './action-link-secret';

describe('ACTION_LINK_SECRET', () => {
  function read(env: NodeJS.ProcessEnv): { secret: Uint8Array; problems: string[] } {
    const reader = new EnvReader(env);
    const secret = readActionLinkSecret(reader);
    try {
      reader.assertValid();
      return { secret, problems: [] };
    } catch (error) {
      return { secret, problems: (error as ConfigurationError).problems };
    }
  }

  it('is base64 of at least 32 bytes', () => {
    const key = randomBytes(48);
    expect(Buffer.from(read({ ACTION_LINK_SECRET: key.toString('base64') }).secret)).toEqual(key);
  });

  it('is required, and a bad one is named without printing it', () => {
    expect(read({}).problems).toEqual(['ACTION_LINK_SECRET is required']);
    for (const bad of [
      randomBytes(31).toString('base64'),
      '*'.repeat(44),
      `${randomBytes(32).toString('base64')}x`,
    ]) {
      const { secret: refused, problems } = read({ ACTION_LINK_SECRET: bad });
      expect(problems).toEqual([
        'ACTION_LINK_SECRET must be standard base64 of at least 32 bytes (openssl rand -base64 32)',
      ]);
      expect(problems.join()).not.toContain(bad);
      expect(refused).toHaveLength(0);
    }
  });
});
