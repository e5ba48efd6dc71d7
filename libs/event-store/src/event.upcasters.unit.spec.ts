import { upcast, type Upcasters } from './index.js';

// A v1 → v2 → v3 history of one event type: v2 split `name`, v3 added a default `headline`.
const upcasters: Upcasters = {
  MemberRegistered: {
    1: ({ name, ...rest }) => {
      const [first, ...last] = String(name).split(' ');
      return { ...rest, firstName: first, lastName: last.join(' ') };
    },
    2: (data) => ({ ...data, headline: data.headline ?? null }),
  },
};

describe('upcast', () => {
  it('given v1 data, when upcast, then every step of the chain runs in order up to v3', () => {
    expect(upcast(upcasters, 'MemberRegistered', 1, { name: 'Dana Q Smith' })).toEqual({
      schemaVersion: 3,
      data: { firstName: 'Dana', lastName: 'Q Smith', headline: null },
    });
  });

  it('given v2 data, when upcast, then only the steps from v2 run', () => {
    expect(upcast(upcasters, 'MemberRegistered', 2, { firstName: 'Dana', lastName: 'Smith', headline: 'Staff' })).toEqual({
      schemaVersion: 3,
      data: { firstName: 'Dana', lastName: 'Smith', headline: 'Staff' },
    });
  });

  it('given data already at the newest version, when upcast, then it is returned unchanged', () => {
    const data = { firstName: 'Dana', lastName: 'Smith', headline: null };
    const result = upcast(upcasters, 'MemberRegistered', 3, data);
    expect(result.schemaVersion).toBe(3);
    expect(result.data).toBe(data);
  });

  it('given a type without upcasters, when upcast, then its version and data stay as stored', () => {
    expect(upcast(upcasters, 'OfferPublished', 1, { a: 1 })).toEqual({ schemaVersion: 1, data: { a: 1 } });
  });
});
