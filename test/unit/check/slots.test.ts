import { describe, expect, it } from 'vitest';
import { Slots } from '../../../src/check/slots.js';

const tick = () => new Promise((r) => setImmediate(r));

describe('request slots', () => {
  it('never runs more than its size at once', async () => {
    const slots = new Slots(3);
    let running = 0;
    let peak = 0;
    await Promise.all(
      Array.from({ length: 20 }, () =>
        slots.run('start', async () => {
          peak = Math.max(peak, ++running);
          await tick();
          running--;
        }),
      ),
    );
    expect(peak).toBe(3);
  });

  it('gives a freed slot to a continuing request before a starting one', async () => {
    const slots = new Slots(1);
    const order: string[] = [];
    let release!: () => void;
    const first = slots.run('start', () => new Promise<void>((r) => (release = r)));
    const a = slots.run('start', async () => {
      order.push('start');
    });
    const b = slots.run('continue', async () => {
      order.push('continue');
    });
    await tick();
    release();
    await Promise.all([first, a, b]);
    expect(order).toEqual(['continue', 'start']);
  });

  it('frees the slot when the request throws', async () => {
    const slots = new Slots(1);
    await expect(
      slots.run('start', async () => {
        throw new Error('x');
      }),
    ).rejects.toThrow('x');
    await expect(slots.run('start', async () => 7)).resolves.toBe(7);
  });
});
