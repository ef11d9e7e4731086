/**
 * Setup of the ui (jsdom) project: Testing Library's findBy / waitFor wait up to 5 s, not 1 s.
 * Two test files run at once on CI's two cores; a Svelte view finishing a seeded run in jsdom
 * can take over a second there, and a wait that passes by then would fail as a timeout. A
 * wait that succeeds returns as soon as its assertion holds, so passing tests are not slower.
 */
import { configure } from '@testing-library/svelte';

configure({ asyncUtilTimeout: 5000 });
