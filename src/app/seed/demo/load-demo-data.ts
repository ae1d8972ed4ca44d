import { systemContext } from '../../context';
import type { Deps } from '../../deps';
import type { DemoDataset } from './demo-dataset';
import { loadDemoCompensation } from './load-demo-compensation';
import { loadDemoComplaints } from './load-demo-complaints';
import { loadDemoReference } from './load-demo-reference';

/**
 * A preset's demo data: reference data (idempotent upserts), then complaints in every state (once), then one of them
 * through the compensation loop with electronic signatures (needs the demo users' password, known when this run
 * created them).
 */
export const loadDemoData = async (
  deps: Deps,
  preset: string,
  data: DemoDataset,
  demoPassword?: string,
): Promise<string[]> => {
  const reference = await loadDemoReference(deps, systemContext(`seed:${preset}:demo`), data);
  const complaints = await loadDemoComplaints(deps, preset, data, reference);
  return [...reference.lines, ...complaints, ...(await loadDemoCompensation(deps, preset, demoPassword))];
};
