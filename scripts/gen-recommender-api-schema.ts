/**
 * `npx tsx scripts/gen-recommender-api-schema.ts`: writes docs/recommender-api.schema.json
 * (relative to the current folder: run it from the repository root) from the zod schemas
 * (src/core/recommenders/remote/protocol.ts). Prints nothing when it worked.
 * Exit codes: 0 written, 1 the write failed, 2 bad arguments.
 */
import { writeFileSync } from 'node:fs';
import { runCli } from '../src/cli/cli-main';
import { recommenderApiJsonSchema } from '../src/core/recommenders/remote/protocol';
import { scriptArgs } from './script-args';

export const GEN_SCHEMA_HELP = `Usage: npx tsx scripts/gen-recommender-api-schema.ts

Writes docs/recommender-api.schema.json (from the current folder: run it from the
repository root) from the zod schemas in src/core/recommenders/remote/protocol.ts.
tests/core/remote/protocol.test.ts fails when the committed file is out of date.

  --help   this text`;

if (process.argv[1] && /gen-recommender-api-schema\.ts$/.test(process.argv[1])) {
  runCli(
    {
      name: 'gen-recommender-api-schema',
      parse: (argv) => scriptArgs(argv),
      help: GEN_SCHEMA_HELP,
      // A failed write (no docs/ folder here, no permission) is said by its message.
      known: (e) => typeof (e as NodeJS.ErrnoException)?.code === 'string',
      run: async () => {
        writeFileSync('docs/recommender-api.schema.json', JSON.stringify(recommenderApiJsonSchema(), null, 2) + '\n');
        return 0;
      },
    },
    process.argv.slice(2),
  ).then((code) => {
    process.exitCode = code;
  });
}
