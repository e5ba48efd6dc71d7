import { DataKeys, type DataKeysOptions } from './data-keys.js';
import { PostgresKeyStore, type KeyStoreSettings } from './key-store.js';
import { MasterKey } from './master-key.js';
import { PersonalDataCodec } from './personal-data.codec.js';

export interface PersonalDataSettings {
  /** ENCRYPTION_MASTER_KEY: 32 bytes, base64. */
  masterKey: string | undefined;
  /** The key database every service shares (KEYS_DATABASE on the PG* server). */
  database: KeyStoreSettings;
  cache?: DataKeysOptions;
}

export interface PersonalData {
  codec: PersonalDataCodec;
  store: PostgresKeyStore;
  close(): Promise<void>;
}

/** A service's codec on the shared key database; a missing or malformed master key fails here, at boot. */
export function createPersonalData({ masterKey, database, cache }: PersonalDataSettings): PersonalData {
  const master = MasterKey.parse(masterKey);
  const store = new PostgresKeyStore(database);
  const codec = new PersonalDataCodec(new DataKeys(store, master, cache));
  return { codec, store, close: () => store.close() };
}
