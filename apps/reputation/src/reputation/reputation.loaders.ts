import { Inject, Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import type pg from 'pg';
import { PG_POOL } from '@payforward/platform';
import { findReputations } from './reputation.read-model.js';
import type { Reputation } from './reputation.type.js';

/**
 * `Member.reputation` for every member of a response in one query: the gateway sends all
 * references in one `_entities` call, and this DataLoader batches their fields. Loaders live
 * for one request (kept on its context object in a WeakMap), never shared between viewers.
 */
@Injectable()
export class ReputationLoaders {
  private readonly perRequest = new WeakMap<object, DataLoader<string, Reputation | null>>();

  constructor(@Inject(PG_POOL) private readonly pool: pg.Pool) {}

  of(context: object): DataLoader<string, Reputation | null> {
    let loader = this.perRequest.get(context);
    if (!loader) {
      loader = new DataLoader<string, Reputation | null>(async (ids) => {
        const found = await findReputations(this.pool, ids);
        return ids.map((id) => found.get(id.toLowerCase()) ?? null);
      });
      this.perRequest.set(context, loader);
    }
    return loader;
  }
}
