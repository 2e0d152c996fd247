import type { ModuleManifest } from '../manifest';
import { USER_MODEL, userSchema } from './user.model';
import { PhoneTailMigration } from './phone-tail.migration';

export const USERS_MODULE: ModuleManifest = { name: 'users', models: [[USER_MODEL, userSchema]], migrations: [PhoneTailMigration] };
