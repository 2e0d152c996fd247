import type { ModuleManifest } from '../manifest';
import { SESSION_MODEL, sessionSchema } from './session.model';
import { SessionPersonalData } from './session-personal-data';

export const AUTH_MODULE: ModuleManifest = { name: 'auth', models: [[SESSION_MODEL, sessionSchema]], personalData: [SessionPersonalData] };
