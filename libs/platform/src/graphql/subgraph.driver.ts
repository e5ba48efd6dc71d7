import { Injectable } from '@nestjs/common';
import { MercuriusDriver, type MercuriusDriverConfig } from '@nestjs/mercurius';
import type { GraphQLSchema } from 'graphql';
import { referenceResolversOf, toSubgraphSchema, type ReferenceResolver } from './subgraph-schema.js';

/**
 * A Mercurius driver serving a Federation v1 subgraph from a code-first Nest schema
 * (see subgraph-schema.ts for why it is not MercuriusFederationDriver). Use it exactly like
 * MercuriusDriver: `driver: MercuriusSubgraphDriver, autoSchemaFile: true`.
 */
@Injectable()
export class MercuriusSubgraphDriver extends MercuriusDriver {
  override async generateSchema(options: MercuriusDriverConfig): Promise<GraphQLSchema> {
    let references: Record<string, ReferenceResolver> = {};
    const schema = await this.graphQlFactory.generateSchema({
      ...options,
      transformResolvers: (async (resolvers: unknown) => {
        const transformed = options.transformResolvers ? await options.transformResolvers(resolvers as never) : resolvers;
        references = referenceResolversOf(transformed);
        return transformed;
      }) as MercuriusDriverConfig['transformResolvers'],
    });
    return toSubgraphSchema(schema, references);
  }
}
