import { ExpiringCache } from './expiring-cache';

describe('ExpiringCache', () => {
  let clock: number;
  const now = () => clock;
  beforeEach(() => (clock = 1_000));

  it('keeps a value until its time is up', () => {
    const cache = new ExpiringCache<string, number>(10, now);
    cache.set('a', 1, 500);
    clock += 499;
    expect(cache.get('a')).toBe(1);
    clock += 1;
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('drops the oldest entry when full', () => {
    const cache = new ExpiringCache<string, number>(2, now);
    cache.set('a', 1, 1000);
    cache.set('b', 2, 1000);
    cache.set('c', 3, 1000);
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([undefined, 2, 3]);
  });

  it('loads through on a miss, and never keeps a miss', async () => {
    const cache = new ExpiringCache<string, number>(10, now);
    const load = jest.fn().mockResolvedValueOnce(undefined).mockResolvedValue(7);
    expect(await cache.through('a', 1000, load)).toBeUndefined();
    expect(await cache.through('a', 1000, load)).toBe(7);
    expect(await cache.through('a', 1000, load)).toBe(7);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('does not keep a value loaded while the cache was cleared', async () => {
    const cache = new ExpiringCache<string, number>(10, now);
    let release: (value: number) => void = () => undefined;
    const loading = cache.through('a', 1000, () => new Promise((resolve) => (release = resolve)));
    cache.clear();
    release(1);
    expect(await loading).toBe(1);
    expect(cache.get('a')).toBeUndefined();
  });

  it('stores nothing with a zero or negative lifetime', () => {
    const cache = new ExpiringCache<string, number>(10, now);
    cache.set('a', 1, 0);
    cache.set('b', 1, -5);
    expect(cache.size).toBe(0);
  });
});
