import { v7 as uuidv7 } from 'uuid';
import type { EventEnvelope } from '@payforward/contracts';
import { createPersonalData, type PersonalData } from '@payforward/crypto-shredding';
import { pgSettings } from '@payforward/platform';
import { uniqueSuffix } from '@payforward/testing';
import { registered } from '../notifications.spec.fixtures.js';

/** Test-only helpers of the e-mail specs: members whose addresses travel sealed, as identity publishes them. */

/** The spec's codec on the same key database and master key as the service under test (jest.env.ts). */
export const specPersonalData = (): PersonalData =>
  createPersonalData({ masterKey: process.env.ENCRYPTION_MASTER_KEY, database: pgSettings(process.env.KEYS_DATABASE || 'pf_test_keys') });

export interface SpecMember {
  id: string;
  name: string;
  /** A unique address per run, so counts in a shared inbox only see this spec's mail. */
  email: string;
  registered: EventEnvelope;
}

export async function sealedMember(personal: PersonalData, name: string, timezone = 'UTC', at = '2026-03-01T10:00:00.000Z'): Promise<SpecMember> {
  const id = uuidv7();
  const email = `${name.toLowerCase().replace(/[^a-z]/g, '')}-${uniqueSuffix()}-${id.slice(-6)}@example.org`;
  return { id, name, email, registered: await personal.codec.sealEvent(registered(id, name, at, ['MEMBER'], email, timezone)) };
}
