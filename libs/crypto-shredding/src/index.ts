export { MasterKey, DATA_KEY_BYTES } from './master-key.js';
export { sealValue, openValue, ownerOf } from './sealed-value.js';
export { PostgresKeyStore, ensureKeyStore, KEYS_TABLE, KEYS_SCHEMA, type KeyStore, type KeyStoreSettings, type StoredKey } from './key-store.js';
export { DataKeys, ErasedMemberError, type DataKeysOptions } from './data-keys.js';
export { PersonalDataCodec, type EventLike } from './personal-data.codec.js';
export { createPersonalData, type PersonalData, type PersonalDataSettings } from './personal-data.factory.js';
