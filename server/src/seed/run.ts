import mongoose from 'mongoose';
import { env } from '../config/env';
import { seedDemoData } from './seed-demo';

// `node server/dist/seed/run.js`: seeds demo data into an empty database.
async function main() {
  const connection = await mongoose
    .createConnection(env('MONGODB_URI'), { dbName: env('MONGODB_DB'), serverSelectionTimeoutMS: 5000 })
    .asPromise();
  try {
    const report = await seedDemoData(connection);
    console.log(
      report.skipped
        ? '[seed] demo data already present (or real stations exist); nothing added'
        : `[seed] added ${report.stations} demo stations and ${report.users} demo users (海安, 演示数据)`,
    );
  } finally {
    await connection.close();
  }
}

// Only as a command: Midway's file scan also loads this module.
if (require.main === module) {
  main().catch((err: Error) => {
    console.error(`[seed] failed: ${err.message}`);
    process.exit(1);
  });
}
