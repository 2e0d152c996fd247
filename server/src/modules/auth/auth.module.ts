import type { ModuleManifest } from '../manifest';
import { SESSION_MODEL, sessionSchema } from './session.model';

export const AUTH_MODULE: ModuleManifest = { name: 'auth', models: [[SESSION_MODEL, sessionSchema]] };
