import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed GraphQL documents for the client, generated from the committed public schema. CI regenerates them and
 * fails when client/src/gql/ differs, so the output must depend only on the schema and the documents.
 */
const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  documents: ['client/src/**/*.{ts,tsx}', '!client/src/gql/**'],
  ignoreNoDocuments: false,
  generates: {
    'client/src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: { enumsAsTypes: true, useTypeImports: true },
    },
  },
};

export default config;
