/**
 * Browser-test setup: builds the app once and serves dist/ on 127.0.0.1 for the
 * browser and e2e tests. (Filled in with the playground UI.)
 */
export default async function setup(): Promise<void> {}
