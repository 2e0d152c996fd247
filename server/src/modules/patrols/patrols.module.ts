import type { ModuleManifest } from '../manifest';
import { PATROL_MODEL, patrolSchema } from './patrol.model';
import { PatrolPhotoOwner } from './patrol-photo-owner';

export const PATROLS_MODULE: ModuleManifest = { name: 'patrols', models: [[PATROL_MODEL, patrolSchema]], photoOwners: [PatrolPhotoOwner] };
