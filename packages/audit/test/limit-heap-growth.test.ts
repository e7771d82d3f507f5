import { describe, expect, it } from 'vitest';
import { getHeapGrowthFlag, HEAP_GROWING_PERCENT } from '../src/limit-heap-growth.js';

describe('getHeapGrowthFlag', () => {
  it('caps heap growth when Node.js was started without a growth setting', () => {
    expect(getHeapGrowthFlag('--enable-source-maps')).toBe(`--heap-growing-percent=${String(HEAP_GROWING_PERCENT)}`);
  });

  it('leaves a growth setting given to Node.js alone, with dashes or underscores', () => {
    expect(getHeapGrowthFlag('--max-old-space-size=4096 --heap-growing-percent=50')).toBeUndefined();
    expect(getHeapGrowthFlag('--heap_growing_percent=50')).toBeUndefined();
  });
});
