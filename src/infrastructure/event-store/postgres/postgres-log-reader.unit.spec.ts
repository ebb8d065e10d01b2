import { widenXid } from './postgres-log-reader';

describe('widening a 32-bit transaction id', () => {
  const epoch = 1n << 32n;
  it.each([
    ['just before next', 2_620_440n, 2_620_443n, 2_620_440n],
    ['equal to next (assigned while the query ran)', 2_620_443n, 2_620_443n, 2_620_443n],
    ['just after next', 2_620_444n, 2_620_443n, 2_620_444n],
    ['before next across an epoch boundary', 4_294_967_290n, epoch + 5n, 4_294_967_290n],
    ['after next across an epoch boundary', 3n, epoch - 2n, epoch + 3n],
    ['in a later epoch', 10n, 3n * epoch + 20n, 3n * epoch + 10n],
  ])('%s', (_name, xid, next, expected) => {
    expect(widenXid(xid, next)).toBe(expected);
  });
});
