import { systemContext } from '../../context';
import type { Deps } from '../../deps';
import type { DemoDataset } from './demo-dataset';
import { loadDemoComplaints } from './load-demo-complaints';
import { loadDemoReference } from './load-demo-reference';

/** A preset's demo data: reference data (idempotent upserts), then complaints in every state (once). */
export const loadDemoData = async (deps: Deps, preset: string, data: DemoDataset): Promise<string[]> => {
  const reference = await loadDemoReference(deps, systemContext(`seed:${preset}:demo`), data);
  return [...reference.lines, ...(await loadDemoComplaints(deps, preset, data, reference))];
};
