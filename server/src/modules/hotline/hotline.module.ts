import type { ModuleManifest } from '../manifest';
import { HOTLINE_CASE_MODEL, hotlineCaseSchema } from './hotline.model';

export const HOTLINE_MODULE: ModuleManifest = { name: 'hotline', models: [[HOTLINE_CASE_MODEL, hotlineCaseSchema]] };
