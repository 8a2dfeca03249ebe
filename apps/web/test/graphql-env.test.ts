// The introspection types gql.tada infers every document from (src/graphql/graphql-env.d.ts) are the API
// schema's: the committed file is what `gql-tada generate output` writes from apps/api/schema.graphql today.
// After a schema change: `corepack pnpm --filter @albero/web run graphql:generate`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadFromSDL, minifyIntrospection, outputIntrospectionFile } from 'gql.tada/internal';
import { describe, expect, it } from 'vitest';

const WEB = join(import.meta.dirname, '..');
const OUTPUT = join(WEB, 'src/graphql/graphql-env.d.ts');

describe('the generated GraphQL types', () => {
  it('are the API schema as it is now (regenerated and compared)', async () => {
    // The same steps as the CLI's `generate output` (@gql.tada/cli-utils), on the schema named in tsconfig.json.
    const { introspection } = await loadFromSDL({ file: join(WEB, '../api/schema.graphql') }).load();
    const expected = outputIntrospectionFile(minifyIntrospection(introspection), { fileType: OUTPUT, shouldPreprocess: true });
    const committed = readFileSync(OUTPUT, 'utf8');
    expect(committed === expected, 'src/graphql/graphql-env.d.ts lags behind apps/api/schema.graphql: run `corepack pnpm --filter @albero/web run graphql:generate`').toBe(true);
  });

  it('are configured where the gql.tada CLI and editors look for them', () => {
    const tsconfig = JSON.parse(readFileSync(join(WEB, 'tsconfig.json'), 'utf8')) as { compilerOptions: { plugins: { name: string; schema: string; tadaOutputLocation: string }[] } };
    expect(tsconfig.compilerOptions.plugins).toContainEqual({ name: 'gql.tada/ts-plugin', schema: '../api/schema.graphql', tadaOutputLocation: './src/graphql/graphql-env.d.ts' });
  });
});
