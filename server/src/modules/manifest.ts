import type { Schema } from 'mongoose';
import type { PhotoOwner } from './media/photo-owner';
import type { PersonalDataHolder } from './users/personal-data';

/** A class the dependency-injection container can build (a Midway provider). */
export type ProviderClass<T> = new (...args: any[]) => T;

/** A model a module stores: its name and schema (whose indexes are created at start-up). */
export type ModelDefinition = readonly [name: string, schema: Schema<any>];

/** Work a module runs in the background, every `intervalMs` (0 turns it off). */
export interface JobDefinition {
  name: string;
  intervalMs: () => number;
  job: ProviderClass<{ runOnce(): Promise<unknown> }>;
  /**
   * The job claims each item it acts on, so every process may run it at once
   * (no `job:<name>` claim): a process that dies mid-run then delays nothing.
   */
  everyProcess?: true;
}

/** A one-off data change run at start-up, idempotent, before requests are served. */
export interface Migration {
  name: string;
  run(): Promise<number>;
}

/**
 * What a module declares to the application: its models (and so its indexes),
 * its background jobs, its start-up migrations, the kinds of things it owns
 * that photos can be attached to, and what it holds about a person. `configuration.ts` collects these from
 * `modules/index.ts`; nothing in `common/` knows the modules.
 */
export interface ModuleManifest {
  name: string;
  models?: ModelDefinition[];
  jobs?: JobDefinition[];
  migrations?: Array<ProviderClass<Migration>>;
  photoOwners?: Array<ProviderClass<PhotoOwner>>;
  /** What it holds about a person, for "export my data" and "delete my account". */
  personalData?: Array<ProviderClass<PersonalDataHolder>>;
}
