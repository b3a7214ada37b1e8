import { feedTokenHash, isFeedToken, newFeedToken } from './feed-token';

describe('calendar feed tokens', () => {
  it('are 32 random bytes in base64url, different every time', () => {
    const token = newFeedToken();
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(isFeedToken(token)).toBe(true);
    expect(newFeedToken()).not.toBe(token);
  });

  it('refuse anything not shaped like one', () => {
    for (const value of ['', 'short', `${newFeedToken()}x`, `${newFeedToken().slice(1)}=`]) {
      expect(isFeedToken(value)).toBe(false);
    }
  });

  it('are stored as hex SHA-256', () => {
    expect(feedTokenHash('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });
});
