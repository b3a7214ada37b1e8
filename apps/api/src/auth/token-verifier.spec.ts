import { exportJWK, generateKeyPair, type KeyLike, SignJWT } from 'jose';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AuthConfig } from '../config/api-config';
import { createTokenVerifier, DEV_ISSUER, DevIssuer } from './token-verifier';

/** Two issuers at once, as the dev stack runs: each token is checked as its own issuer's. */
describe('the token verifier', () => {
  const audience = 'safeguarding-api';
  let provider: { privateKey: KeyLike; issuer: string; jwks: Server };
  let devIssuer: DevIssuer;

  beforeAll(async () => {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'provider-key', alg: 'RS256' };
    const jwks = createServer((_request, response) => {
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    const { port } = jwks.address() as AddressInfo;
    provider = { privateKey, issuer: `http://127.0.0.1:${port}`, jwks };
    devIssuer = await DevIssuer.create(audience);
  });
  afterAll(() => new Promise((resolve) => provider.jwks.close(resolve)));

  const config = (fields: Partial<AuthConfig> = {}): AuthConfig => ({
    audience,
    clockSkewSeconds: 0,
    oidc: {
      issuer: provider.issuer,
      jwksUrl: `${provider.issuer}/jwks`,
      emailClaim: 'email',
      subjectClaim: 'sub',
    },
    devIssuer: true,
    ...fields,
  });
  const signed = (
    claims: { iss: string; aud?: string },
    key = provider.privateKey,
    kid = 'provider-key',
  ) =>
    new SignJWT({ email: 'sam@agency.example' })
      .setProtectedHeader({ alg: 'RS256', kid })
      .setIssuer(claims.iss)
      .setAudience(claims.aud ?? audience)
      .setSubject('person-1')
      .setExpirationTime('5m')
      .sign(key);

  it('accepts the provider’s tokens, whose subjects bind', async () => {
    const verify = createTokenVerifier(config(), devIssuer);
    const { claims, issuer } = await verify(await signed({ iss: provider.issuer }));
    expect(claims).toMatchObject({ sub: 'person-1', email: 'sam@agency.example' });
    expect(issuer).toEqual({
      issuer: provider.issuer,
      emailClaim: 'email',
      subjectClaim: 'sub',
      bindsSubject: true,
    });
  });

  it('accepts the development issuer’s tokens at the same time, whose subjects never bind', async () => {
    const verify = createTokenVerifier(config(), devIssuer);
    const { issuer } = await verify(await devIssuer.sign('person-1', 'sam@agency.example'));
    expect(issuer).toMatchObject({ issuer: DEV_ISSUER, bindsSubject: false });
  });

  it('refuses a token that names one issuer but is signed by the other', async () => {
    const verify = createTokenVerifier(config(), devIssuer);
    const { privateKey: devKey } = await generateKeyPair('RS256');
    await expect(verify(await signed({ iss: DEV_ISSUER }))).rejects.toThrow();
    await expect(verify(await signed({ iss: provider.issuer }, devKey))).rejects.toThrow();
  });

  it('refuses an issuer it does not trust, and another audience', async () => {
    const verify = createTokenVerifier(config(), devIssuer);
    await expect(verify(await signed({ iss: 'https://elsewhere.example' }))).rejects.toThrow(
      'not from a trusted issuer',
    );
    await expect(
      verify(await signed({ iss: provider.issuer, aud: 'another-api' })),
    ).rejects.toThrow();
  });

  it('in production, with no development issuer, refuses its tokens', async () => {
    const verify = createTokenVerifier(config({ devIssuer: false }));
    await expect(verify(await devIssuer.sign('person-1', 'sam@agency.example'))).rejects.toThrow(
      'not from a trusted issuer',
    );
  });
});
