import type { Db } from '@assay/db';

/**
 * What a module keeps in object storage, declared on the module (`AssayModule.storage`) and registered by
 * the platform at boot: the storage quota counts it, and deleting a project removes its files.
 */
export interface ModuleStorage {
  /** Bytes of the files the module keeps for an organization (rows that point at stored objects). */
  bytes: (db: Db, orgId: string) => Promise<number>;
  /**
   * Storage keys of a project's files, read before the project's rows go (keys ending in `/` are
   * prefixes). Only files whose rows are deleted with the project belong here.
   */
  projectFiles?: (db: Db, orgId: string, projectId: string) => Promise<string[]>;
}

const registered = new Map<string, ModuleStorage>();

export function registerModuleStorage(module: string, storage: ModuleStorage) {
  registered.set(module, storage);
}

export async function storedBytes(db: Db, orgId: string): Promise<number> {
  let total = 0;
  for (const storage of registered.values()) total += await storage.bytes(db, orgId);
  return total;
}

export async function projectFileKeys(db: Db, orgId: string, projectId: string): Promise<string[]> {
  const keys: string[] = [];
  for (const storage of registered.values())
    keys.push(...((await storage.projectFiles?.(db, orgId, projectId)) ?? []));
  return keys;
}
