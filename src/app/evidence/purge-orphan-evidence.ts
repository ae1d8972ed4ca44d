import { rm, stat } from 'node:fs/promises';
import type { Deps } from '../deps';
import { evidenceRecords } from './evidence-records';
import { blobStoreOf } from './store-evidence';

const DAY = 86_400_000;
const BATCH = 500;

/**
 * Removes evidence files nothing refers to, once they are a day old: blob files left by an upload whose database
 * transaction failed after the files were placed (no evidence_blobs row names them as content or thumbnail), and
 * temp files of interrupted uploads. A day's grace keeps files of uploads still in flight; an upload that meets an
 * existing blob touches it first, so the sweep leaves it alone. Returns how many files were removed.
 */
export const purgeOrphanEvidence = async (deps: Deps): Promise<number> => {
  const store = blobStoreOf(deps);
  const cutoff = deps.clock.now().getTime() - DAY;
  let removed = 0;
  const isStale = async (file: string) => {
    try {
      return (await stat(file)).mtime.getTime() < cutoff;
    } catch {
      return false;
    }
  };
  const sweep = async (batch: { sha256: string; file: string }[]) => {
    const referenced = await evidenceRecords.findReferenced(
      deps.db.reader(),
      batch.map((b) => b.sha256),
    );
    for (const b of batch) {
      // Looked at again right before removal: an upload of the same bytes may have touched it meanwhile.
      if (referenced.has(b.sha256) || !(await isStale(b.file))) continue;
      await rm(b.file, { force: true });
      removed += 1;
    }
  };
  let batch: { sha256: string; file: string }[] = [];
  for await (const blob of store.list()) {
    if (blob.modifiedAt.getTime() >= cutoff) continue;
    batch.push(blob);
    if (batch.length >= BATCH) {
      await sweep(batch);
      batch = [];
    }
  }
  if (batch.length > 0) await sweep(batch);
  for await (const tmp of store.listTemp()) {
    if (tmp.modifiedAt.getTime() >= cutoff) continue;
    await rm(tmp.file, { force: true });
    removed += 1;
  }
  if (removed > 0) deps.log.info({ removed }, 'orphan evidence files removed');
  return removed;
};
