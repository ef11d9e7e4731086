/**
 * `zod` as the app bundle sees it (vite.config.ts aliases the bare specifier here, for the
 * page and every worker): the same API, with jitless parsing switched on before any
 * schema runs. zod otherwise probes `new Function('')` to compile fast parsers, which the
 * Content-Security-Policy forbids (no 'unsafe-eval'): the probe fails safely but is
 * reported as a CSP violation. Jitless parsing validates the same, without eval.
 */
import * as z from 'zod/v4';

z.config({ jitless: true });

export * from 'zod/v4';
export { z, z as default };
