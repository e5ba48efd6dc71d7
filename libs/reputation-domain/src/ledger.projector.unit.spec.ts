import { deriveLedger } from './ledger.fold.js';
import { LedgerProjector } from './ledger.projector.js';
import { compareFacts } from './reputation.inputs.js';
import { ana, at, ben, cleo, helped, names, sam, uuid } from './reputation.spec.fixtures.js';

describe('the incremental projector', () => {
  it('given facts in event-time order, then each one only appends lines, and the summary members are the ones touched', () => {
    const projector = new LedgerProjector(names);
    const [first] = helped(ana, ben, at(0));
    const [second] = helped(ben, cleo, at(5));
    expect(projector.apply(first!)).toMatchObject({ removed: [], removedFlags: [], members: [ana] });
    const change = projector.apply(second!);
    expect(change.upserted.map((e) => e.ruleId)).toEqual(['completion.advice-call', 'pay-forward.forwarder', 'pay-forward.ripple']);
    expect(change.members.sort()).toEqual([ana, ben].sort());
  });

  it('given a redelivered event, then nothing changes', () => {
    const projector = new LedgerProjector(names);
    const [done] = helped(sam, ana, at(0));
    projector.apply(done!);
    expect(projector.apply(done!)).toEqual({ upserted: [], removed: [], flags: [], removedFlags: [], members: [] });
  });

  it('given a late event that takes cap room earlier that day, then the later line is re-issued with its capped points', () => {
    const calls = Array.from({ length: 11 }, (_, i) => helped(sam, uuid(600 + i), at(0, 8, i))[0]!);
    const projector = new LedgerProjector(names);
    for (const call of calls.slice(1)) projector.apply(call); // ten calls: 100 points, none capped yet
    const change = projector.apply(calls[0]!); // the earliest arrives last (another partition was behind)
    const last = change.upserted.find((e) => e.sourceEventId === calls[10]!.id);
    expect(last).toMatchObject({ points: 0, reason: expect.stringContaining('daily cap of 100 reached: 0 of 10') });
    expect(change.upserted.some((e) => e.sourceEventId === calls[0]!.id && e.points === 10)).toBe(true);
    expect(change.members).toEqual([sam]);
    expect(projector.ledger()).toEqual(deriveLedger(calls, names));
  });

  it('given a late fact after many in-order facts, then replaying from a checkpoint gives the full recompute, change by change', () => {
    const facts = Array.from({ length: 60 }, (_, i) => helped(uuid(700 + (i % 5)), uuid(710 + (i % 7)), at(Math.floor(i / 12), 8, i), 5)).flat();
    const late = facts.filter((_, i) => i % 17 === 3);
    const onTime = facts.filter((f) => !late.includes(f));
    const projector = new LedgerProjector(names, { snapshotEvery: 4, maxSnapshots: 5 });
    const reference = new LedgerProjector(names, { snapshotEvery: 1_000_000 }); // never checkpoints: replays from the start
    for (const fact of [...onTime, ...late]) {
      expect(projector.apply(fact)).toEqual(reference.apply(fact));
      expect(projector.ledger()).toEqual(reference.ledger());
    }
    expect(projector.ledger()).toEqual(deriveLedger(facts, names));
  });

  it('given a batch of late and on-time facts applied at once, then the change turns the old ledger into the full recompute', () => {
    const facts = Array.from({ length: 40 }, (_, i) => helped(uuid(720 + (i % 5)), uuid(730 + (i % 7)), at(Math.floor(i / 8), 8, i), 5)).flat();
    const [applied, batch] = [facts.filter((_, i) => i % 3 !== 0), facts.filter((_, i) => i % 3 === 0)];
    const projector = new LedgerProjector(names, { snapshotEvery: 4, maxSnapshots: 5 });
    for (const fact of applied) projector.apply(fact);
    const lines = new Map(projector.ledger().entries.map((e) => [e.id, e]));
    const change = projector.applyAll([...batch].reverse().concat(batch[0]!)); // any order, a duplicate too
    for (const id of change.removed) lines.delete(id);
    for (const entry of change.upserted) lines.set(entry.id, entry);
    const full = deriveLedger(facts, names);
    expect(projector.ledger()).toEqual(full);
    expect([...lines.values()].sort((a, b) => a.id.localeCompare(b.id))).toEqual([...full.entries].sort((a, b) => a.id.localeCompare(b.id)));
    expect(projector.applyAll(batch)).toEqual({ upserted: [], removed: [], flags: [], removedFlags: [], members: [] });
  });

  it('given a batch that sorts after everything applied, then it only appends, as the same facts one by one would', () => {
    const facts = Array.from({ length: 12 }, (_, i) => helped(uuid(740 + (i % 3)), uuid(750 + (i % 4)), at(0, 8, i), 5)).flat().sort(compareFacts);
    const [one, all] = [new LedgerProjector(names), new LedgerProjector(names)];
    const upserted = facts.flatMap((f) => one.apply(f).upserted);
    const change = all.applyAll([...facts].reverse());
    expect(change.upserted).toEqual(upserted);
    expect(change.removed).toEqual([]);
    expect(all.ledger()).toEqual(one.ledger());
  });
});
