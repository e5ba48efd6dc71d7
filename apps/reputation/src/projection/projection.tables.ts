/**
 * The tables a rebuild replaces: the ledger, the flags and the per-member summaries. Their DDL
 * takes a suffix so a rebuild can build `<table>_next` beside the live ones and swap them in
 * one transaction; every index and constraint name carries the suffix too, so the swap can
 * rename them back to the canonical names (a second rebuild then finds the same names).
 *
 * The ledger and `reputations` predate this file (migration 1767225600300): the names below
 * match what that migration (and its PostgreSQL defaults) created.
 */
export type TableSuffix = '' | '_next';

export const PROJECTION_NAME = 'reputation';

export const ledgerTableDdl = (s: TableSuffix) => `
  CREATE TABLE reputation_ledger${s} (
    id uuid NOT NULL,
    member_id uuid NOT NULL,
    points integer NOT NULL,
    rule_id text NOT NULL,
    rule_version integer NOT NULL,
    source_event_id uuid NOT NULL,
    reason text NOT NULL,
    occurred_at timestamptz NOT NULL,
    request_id uuid,
    counterparties uuid[] NOT NULL DEFAULT '{}',
    qualified_by uuid[] NOT NULL DEFAULT '{}',
    reverses uuid[] NOT NULL DEFAULT '{}',
    voided_by uuid,
    CONSTRAINT reputation_ledger${s}_pkey PRIMARY KEY (id),
    CONSTRAINT reputation_ledger${s}_once UNIQUE (member_id, rule_id, source_event_id)
  );
  CREATE INDEX reputation_ledger${s}_member_idx ON reputation_ledger${s} (member_id, occurred_at DESC, id DESC);
  CREATE INDEX reputation_ledger${s}_request_idx ON reputation_ledger${s} (request_id) WHERE request_id IS NOT NULL;`;

export const flagsTableDdl = (s: TableSuffix) => `
  CREATE TABLE reputation_flags${s} (
    id uuid NOT NULL,
    kind text NOT NULL,
    member_id uuid NOT NULL,
    event_ids uuid[] NOT NULL,
    member_ids uuid[] NOT NULL,
    request_ids uuid[] NOT NULL,
    description text NOT NULL,
    raised_at timestamptz NOT NULL,
    status text NOT NULL,
    resolved_by uuid,
    resolution_note text,
    resolved_at timestamptz,
    resolution_event_id uuid,
    CONSTRAINT reputation_flags${s}_pkey PRIMARY KEY (id)
  );
  CREATE INDEX reputation_flags${s}_status_idx ON reputation_flags${s} (status, raised_at, id);
  CREATE INDEX reputation_flags${s}_members_idx ON reputation_flags${s} USING gin (member_ids);`;

export const summariesTableDdl = (s: TableSuffix) => `
  CREATE TABLE reputations${s} (
    member_id uuid NOT NULL,
    score integer NOT NULL DEFAULT 0,
    level text NOT NULL DEFAULT 'Newcomer',
    badges text[] NOT NULL DEFAULT '{}',
    paid_forward_count integer NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    CONSTRAINT reputations${s}_pkey PRIMARY KEY (member_id)
  );
  CREATE INDEX reputations${s}_score_idx ON reputations${s} (score DESC, member_id);`;

/** Every table, constraint and index of the swapped set, by canonical name. */
const SWAPPED = {
  tables: ['reputation_ledger', 'reputation_flags', 'reputations'],
  constraints: [
    ['reputation_ledger', 'reputation_ledger_pkey'],
    ['reputation_ledger', 'reputation_ledger_once'],
    ['reputation_flags', 'reputation_flags_pkey'],
    ['reputations', 'reputations_pkey'],
  ],
  indexes: [
    ['reputation_ledger', 'reputation_ledger_member_idx'],
    ['reputation_ledger', 'reputation_ledger_request_idx'],
    ['reputation_flags', 'reputation_flags_status_idx'],
    ['reputation_flags', 'reputation_flags_members_idx'],
    ['reputations', 'reputations_score_idx'],
  ],
} as const;

/** Fresh `_next` tables (a leftover of an interrupted rebuild is dropped first). */
export const createNextTablesSql = (): string =>
  `${dropNextTablesSql()} ${ledgerTableDdl('_next')} ${flagsTableDdl('_next')} ${summariesTableDdl('_next')}`;

export const dropNextTablesSql = (): string => `DROP TABLE IF EXISTS ${SWAPPED.tables.map((t) => `${t}_next`).join(', ')};`;

/**
 * The swap, for one transaction: the live tables go, the `_next` ones take their names (and
 * their constraints' and indexes' names). Readers wait on the brief ACCESS EXCLUSIVE locks,
 * then read the new tables; named prepared statements are re-planned by PostgreSQL.
 */
export const swapTablesSql = (): string =>
  [
    `DROP TABLE ${SWAPPED.tables.join(', ')};`,
    ...SWAPPED.tables.map((t) => `ALTER TABLE ${t}_next RENAME TO ${t};`),
    ...SWAPPED.constraints.map(([table, name]) => `ALTER TABLE ${table} RENAME CONSTRAINT ${nextName(table, name)} TO ${name};`),
    ...SWAPPED.indexes.map(([table, name]) => `ALTER INDEX ${nextName(table, name)} RENAME TO ${name};`),
  ].join('\n');

/** `reputation_ledger_member_idx` → `reputation_ledger_next_member_idx`: the suffix follows the table's name. */
const nextName = (table: string, name: string): string => `${table}_next${name.slice(table.length)}`;
