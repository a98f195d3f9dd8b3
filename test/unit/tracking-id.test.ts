import { TRACKING_ID_PATTERN, newTrackingId } from '../../src/complaints/tracking-id.js';

describe(newTrackingId.name, () => {
  it('looks like LPR-XXXX-XXXX without the easily misread letters I, L, O and U', () => {
    for (let i = 0; i < 500; i++) {
      const id = newTrackingId();
      expect(id).toMatch(TRACKING_ID_PATTERN);
      expect(id.slice(4)).not.toMatch(/[ILOU]/);
    }
  });

  it('does not repeat across many draws', () => {
    const ids = new Set(Array.from({ length: 10_000 }, newTrackingId));
    expect(ids.size).toBe(10_000);
  });
});
