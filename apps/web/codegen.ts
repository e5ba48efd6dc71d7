// Typed documents for every operation in src/, from the gateway's schema snapshot (schema.graphql,
// refreshed by `npm run schema`), so building the client never needs a running gateway.
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**/*'],
  ignoreNoDocuments: false,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: { useTypeImports: true, enumsAsTypes: true, scalars: { DateTime: 'string' }, skipTypename: true },
    },
  },
};

export default config;
