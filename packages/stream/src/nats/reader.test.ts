import { describe, expect, it } from 'vitest';
import { deliveriesLost } from './reader.js';

describe('deliveriesLost', () => {
  it('counts the deliveries a consumer without acks sent that never arrived', () => {
    expect(deliveriesLost(0, 1)).toBe(0);
    expect(deliveriesLost(4, 5)).toBe(0);
    // Deliveries 5 and 6 went to a connection that dropped: the consumer is past them for good.
    expect(deliveriesLost(4, 7)).toBe(2);
    // The first deliveries of a new consumer lost.
    expect(deliveriesLost(0, 3)).toBe(2);
  });

  it('takes a consumer made again by its restarted server (numbering from 1) as nothing lost', () => {
    expect(deliveriesLost(9, 1)).toBe(0);
  });

  it('takes a sequence going back (not to 1) as a loss: the consumer is made again', () => {
    expect(deliveriesLost(9, 4)).toBe(1);
  });
});
