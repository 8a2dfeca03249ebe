// Applies pending migrations to DATABASE_URL, or to the embedded database in ALBERO_DATA_DIR.
import { openDatabase } from '../client.js';
import { databaseConfig } from '../config.js';

const config = databaseConfig();
const db = await openDatabase({ url: config.url, dataDir: config.dataDir, migrate: true, log: console.log });
console.log(`${db.kind} database: ${db.migrations?.applied.length ?? 0} applied, ${db.migrations?.alreadyApplied.length ?? 0} already applied`);
await db.close();
