import { DataSource } from 'typeorm';
import { createTestDatabase, pgConfig, type TestDatabase } from '@payforward/testing';
import { EventStoreSchemaMigration, PostgresEventStore } from './index.js';
import { testTopicFor, thing } from './spec.fixtures.js';

let db: TestDatabase;
let dataSource: DataSource;

beforeAll(async () => {
  db = await createTestDatabase('event_store_migration', undefined, 2);
  const { host, port, user: username, password } = pgConfig();
  dataSource = new DataSource({ type: 'postgres', host, port, username, password, database: db.name, migrations: [EventStoreSchemaMigration] });
  await dataSource.initialize();
});
afterAll(async () => {
  if (dataSource.isInitialized) await dataSource.destroy();
  await db.drop();
});

const tables = async (): Promise<string[]> =>
  (await db.pool.query<{ t: string }>("SELECT tablename AS t FROM pg_tables WHERE tablename LIKE 'es_%' ORDER BY 1")).rows.map((r) => r.t);

describe('EventStoreSchemaMigration', () => {
  it('given a TypeORM data source, when migrated, then the store works; a second run does nothing; revert drops the tables', async () => {
    expect((await dataSource.runMigrations()).map((m) => m.name)).toEqual(['EventStoreSchema1767225600000']);
    expect(await tables()).toEqual(['es_events', 'es_outbox']);
    const store = new PostgresEventStore(db.pool, { topicFor: testTopicFor });
    await expect(store.append('m-1', [thing(1)], 'no_stream')).resolves.toMatchObject({ nextExpectedVersion: 1 });

    expect(await dataSource.runMigrations()).toEqual([]);
    await dataSource.undoLastMigration();
    expect(await tables()).toEqual([]);
  });
});
