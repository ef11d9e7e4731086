/** Writes docs/recommender-api.schema.json from the zod schemas (src/core/recommenders/remote/protocol.ts). */
import { writeFileSync } from 'node:fs';
import { recommenderApiJsonSchema } from '../src/core/recommenders/remote/protocol';

writeFileSync('docs/recommender-api.schema.json', JSON.stringify(recommenderApiJsonSchema(), null, 2) + '\n');
