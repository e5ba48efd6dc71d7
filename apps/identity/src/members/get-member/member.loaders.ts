import { Inject, Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import type pg from 'pg';
import { PG_POOL } from '@payforward/platform';
import { grantedSubjects } from '../../contact-grants/contact-grants.projection.js';
import type { Member } from '../member.type.js';
import { findMembersByIds } from '../members.read-model.js';

export interface RequestLoaders {
  /** Members by id: the gateway's `_entities` with many references costs one query. */
  members: DataLoader<string, Member | null>;
  /** Whether the viewer was granted a subject's contact: one query for all members of the response. */
  contactGranted(viewerId: string): DataLoader<string, boolean>;
}

/**
 * DataLoaders live for one GraphQL request: they are kept on that request's context object
 * (a WeakMap, so they go when the request does), never shared between viewers.
 */
@Injectable()
export class MemberLoaders {
  private readonly perRequest = new WeakMap<object, RequestLoaders>();

  constructor(@Inject(PG_POOL) private readonly pool: pg.Pool) {}

  of(context: object): RequestLoaders {
    let loaders = this.perRequest.get(context);
    if (!loaders) {
      loaders = this.create();
      this.perRequest.set(context, loaders);
    }
    return loaders;
  }

  private create(): RequestLoaders {
    const members = new DataLoader<string, Member | null>(async (ids) => {
      const found = await findMembersByIds(this.pool, ids);
      return ids.map((id) => found.get(id) ?? null);
    });
    const grants = new Map<string, DataLoader<string, boolean>>();
    const contactGranted = (viewerId: string) => {
      let loader = grants.get(viewerId);
      if (!loader) {
        loader = new DataLoader<string, boolean>(async (subjectIds) => {
          const granted = await grantedSubjects(this.pool, viewerId, subjectIds);
          return subjectIds.map((id) => granted.has(id));
        });
        grants.set(viewerId, loader);
      }
      return loader;
    };
    return { members, contactGranted };
  }
}
