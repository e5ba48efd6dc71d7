// Module boundaries are the architecture: Nx tags say who may import whom, and this rule
// fails the lint when code crosses a line (see README "Where things live").
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

const infrastructure = ['pg', 'kafkajs', 'typeorm', '@nestjs/*', 'fastify', 'mercurius', '@mercuriusjs/*', 'argon2', 'jose'];
const broker = ['kafkajs'];
const nest = ['@nestjs/*', 'fastify', 'mercurius', '@mercuriusjs/*'];

export default [
  { ignores: ['**/dist/**', '**/node_modules/**', '.cache/**', 'bench/results/**', 'apps/web/src/gql/**'] },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parser: tseslint.parser },
    plugins: { '@nx': nx },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            // Services never import each other: only libraries.
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:contracts', 'type:domain', 'type:platform', 'type:messaging', 'type:event-store', 'type:crypto', 'type:util', 'type:mail'] },
            // Domain code is pure: contracts and utilities only, and no infrastructure packages.
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:contracts', 'type:domain', 'type:util'], bannedExternalImports: infrastructure },
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:contracts'], bannedExternalImports: infrastructure },
            // The service glue (Nest modules, config, health) sits on the three infrastructure libraries.
            { sourceTag: 'type:platform', onlyDependOnLibsWithTags: ['type:contracts', 'type:domain', 'type:messaging', 'type:event-store', 'type:crypto', 'type:util', 'type:mail'] },
            // The broker side reads the event store's outbox (it owns the table, slots and channel), never the reverse.
            { sourceTag: 'type:messaging', onlyDependOnLibsWithTags: ['type:contracts', 'type:event-store', 'type:util'], bannedExternalImports: nest },
            // The event store is PostgreSQL only: it never imports the broker or the service glue.
            { sourceTag: 'type:event-store', onlyDependOnLibsWithTags: ['type:contracts', 'type:domain', 'type:util'], bannedExternalImports: [...broker, ...nest] },
            // The mail outbox is PostgreSQL and SMTP only: no broker, no service glue (ADR 016).
            { sourceTag: 'type:mail', onlyDependOnLibsWithTags: ['type:contracts', 'type:event-store', 'type:util'], bannedExternalImports: [...broker, ...nest] },
            { sourceTag: 'type:crypto', onlyDependOnLibsWithTags: ['type:contracts', 'type:util'], bannedExternalImports: [...broker, ...nest] },
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util', 'type:contracts'] },
            // A bounded context's libraries stay inside their context.
            { sourceTag: 'scope:identity', onlyDependOnLibsWithTags: ['scope:identity', 'scope:shared'] },
            { sourceTag: 'scope:marketplace', onlyDependOnLibsWithTags: ['scope:marketplace', 'scope:shared'] },
            { sourceTag: 'scope:reputation', onlyDependOnLibsWithTags: ['scope:reputation', 'scope:shared'] },
            // Notifications quotes the reputation rulebook's nominal points (pure data) in its texts; nothing else of reputation.
            { sourceTag: 'scope:notifications', onlyDependOnLibsWithTags: ['scope:notifications', 'scope:shared', 'scope:reputation'] },
            { sourceTag: 'scope:gateway', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            // The browser client talks to the gateway only; its tests may read the domains' pure rules.
            { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:shared', 'scope:marketplace', 'scope:identity'], bannedExternalImports: [...infrastructure, 'ws'] },
          ],
        },
      ],
    },
  },
  // Migrations are frozen: a past migration runs the SQL it ran when it shipped, so it imports
  // nothing but TypeORM's types (literal SQL; the migrations' index only lists the classes).
  {
    files: ['**/migrations/**/*.ts'],
    ignores: ['**/migrations/index.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(?!typeorm$)', message: 'A migration is frozen: inline literal SQL instead of importing runtime code.' }] },
      ],
    },
  },
];
