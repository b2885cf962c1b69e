import pg from 'pg';

/**
 * A throw-away PostgreSQL database for tests: `CLAIMGRAPH_TEST_DATABASE_URL`, or the local server
 * on 127.0.0.1:5432 as the current user. `createTestDatabase` gives null when no server answers, so
 * the tests can skip with a message instead of failing.
 */

export const TEST_SERVER_URL = process.env.CLAIMGRAPH_TEST_DATABASE_URL ?? 'postgres://127.0.0.1:5432/postgres';

export const NO_SERVER_MESSAGE = `no PostgreSQL server at ${TEST_SERVER_URL.replace(/:[^:@/]*@/, ':***@')}: PostgreSQL tests skipped (set CLAIMGRAPH_TEST_DATABASE_URL, or run .ci/run)`;

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase | null> {
  const admin = new pg.Client({ connectionString: TEST_SERVER_URL, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch {
    return null;
  }
  const name = `claimgraph_test_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(TEST_SERVER_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: TEST_SERVER_URL });
      await client.connect();
      try {
        // Connections left by this user's processes (workers being stopped) are ended; WITH (FORCE)
        // would also need the right to end autovacuum's, which a plain DROP cancels by itself.
        for (let attempt = 1; ; attempt++) {
          await client.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND usename = current_user AND pid <> pg_backend_pid()`, [name]);
          try {
            await client.query(`DROP DATABASE IF EXISTS ${name}`);
            return;
          } catch (error) {
            if (attempt === 5) throw error;
            await new Promise((r) => setTimeout(r, 200 * attempt));
          }
        }
      } finally {
        await client.end();
      }
    },
  };
}
