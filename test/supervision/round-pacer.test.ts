import { describe, expect, it } from 'vitest';
import { createRoundPacer } from '../../app/supervision/round-pacer.js';

describe('createRoundPacer', () => {
  it('lets the next round start only after the share of time the last one took', async () => {
    let t = 1_000;
    const pacer = createRoundPacer(0.5, () => t);
    expect(pacer.ready()).toBe(true);
    await pacer.run(async () => {
      t += 400; // a 400 ms round
    });
    expect(pacer.ready()).toBe(false);
    t += 399;
    expect(pacer.ready()).toBe(false);
    t += 1;
    expect(pacer.ready()).toBe(true);
  });

  it('spaces cheap rounds by as little as they took, and a failed round counts too', async () => {
    let t = 0;
    const pacer = createRoundPacer(0.25, () => t);
    await pacer.run(async () => void (t += 2));
    t += 5;
    expect(pacer.ready()).toBe(false); // 2 ms round at a quarter share: 6 ms apart
    t += 1;
    expect(pacer.ready()).toBe(true);
    await expect(
      pacer.run(async () => {
        t += 100;
        throw new Error('store locked');
      }),
    ).rejects.toThrow('store locked');
    expect(pacer.ready()).toBe(false);
    t += 300;
    expect(pacer.ready()).toBe(true);
  });

  it('refuses a share outside (0, 1]', () => {
    expect(() => createRoundPacer(0)).toThrow(RangeError);
    expect(() => createRoundPacer(1.5)).toThrow(RangeError);
  });
});
