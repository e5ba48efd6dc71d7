// Module boundaries are the architecture: Nx tags say who may import whom, and this rule
// fails the lint when code crosses a line (see README "Where things live").
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

const infrastructure = ['pg', 'kafkajs', 'typeorm', '@nestjs/*', 'fastify', 'mercurius', '@mercuriusjs/*', 'argon2', 'jose'];

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
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:contracts', 'type:domain', 'type:infra', 'type:util'] },
            // Domain code is pure: contracts and utilities only, and no infrastructure packages.
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:contracts', 'type:domain', 'type:util'], bannedExternalImports: infrastructure },
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:contracts'], bannedExternalImports: infrastructure },
            { sourceTag: 'type:infra', onlyDependOnLibsWithTags: ['type:contracts', 'type:domain', 'type:infra', 'type:util'] },
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util', 'type:contracts', 'type:infra'] },
            // A bounded context's libraries stay inside their context.
            { sourceTag: 'scope:identity', onlyDependOnLibsWithTags: ['scope:identity', 'scope:shared'] },
            { sourceTag: 'scope:marketplace', onlyDependOnLibsWithTags: ['scope:marketplace', 'scope:shared'] },
            { sourceTag: 'scope:reputation', onlyDependOnLibsWithTags: ['scope:reputation', 'scope:shared'] },
            { sourceTag: 'scope:gateway', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            // The browser client talks to the gateway only; its tests may read the domains' pure rules.
            { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:shared', 'scope:marketplace', 'scope:identity'], bannedExternalImports: [...infrastructure, 'ws'] },
          ],
        },
      ],
    },
  },
];
