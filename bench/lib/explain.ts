/** Reading `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON)` output: server times and what the plan touched. */

export type PlanNode = {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  'Rows Removed by Filter'?: number;
  'Rows Removed by Index Recheck'?: number;
  'Exact Heap Blocks'?: number;
  'Lossy Heap Blocks'?: number;
  'Shared Hit Blocks'?: number;
  'Shared Read Blocks'?: number;
  'Sort Method'?: string;
  Plans?: PlanNode[];
};

export type ExplainResult = {
  Plan: PlanNode;
  'Planning Time': number;
  'Execution Time': number;
  JIT?: { Timing?: { Total?: number } };
};

export type PlanSummary = {
  /** Scan nodes in plan order, e.g. "Index Scan complaints_assignee_due_idx". */
  readonly access: string[];
  /** Rows the scans produced or filtered away (× loops): the work done to return `returned` rows. */
  readonly rowsTouched: number;
  /** Entries read from indexes into bitmaps (a BitmapAnd with the whole open set shows up here). */
  readonly bitmapEntries: number;
  /** Table pages a bitmap heap scan visited. */
  readonly heapBlocks: number;
  readonly returned: number;
  readonly sharedHit: number;
  readonly sharedRead: number;
  readonly jitMs: number | null;
};

const SCANS = new Set(['Seq Scan', 'Index Scan', 'Index Only Scan', 'Bitmap Heap Scan', 'Bitmap Index Scan']);

export const parseExplain = (raw: unknown): ExplainResult => {
  const value = typeof raw === 'string' ? (JSON.parse(raw) as unknown) : raw;
  const first = (Array.isArray(value) ? value[0] : value) as ExplainResult | undefined;
  if (!first?.Plan) throw new Error('unexpected EXPLAIN output');
  return first;
};

export const summarisePlan = (e: ExplainResult): PlanSummary => {
  const access: string[] = [];
  let rowsTouched = 0;
  let bitmapEntries = 0;
  let heapBlocks = 0;
  const walk = (n: PlanNode) => {
    const loops = n['Actual Loops'] ?? 1;
    if (n['Node Type'] === 'Bitmap Index Scan') bitmapEntries += (n['Actual Rows'] ?? 0) * loops;
    heapBlocks += ((n['Exact Heap Blocks'] ?? 0) + (n['Lossy Heap Blocks'] ?? 0)) * loops;
    if (SCANS.has(n['Node Type'])) {
      const name = n['Index Name'] ?? n['Relation Name'] ?? '';
      access.push(`${n['Node Type']} ${name}`.trim());
      if (n['Node Type'] !== 'Bitmap Index Scan') {
        rowsTouched +=
          ((n['Actual Rows'] ?? 0) +
            (n['Rows Removed by Filter'] ?? 0) +
            (n['Rows Removed by Index Recheck'] ?? 0)) *
          loops;
      }
    }
    for (const c of n.Plans ?? []) walk(c);
  };
  walk(e.Plan);
  return {
    access,
    rowsTouched: Math.round(rowsTouched),
    bitmapEntries: Math.round(bitmapEntries),
    heapBlocks: Math.round(heapBlocks),
    returned: e.Plan['Actual Rows'] ?? 0,
    sharedHit: e.Plan['Shared Hit Blocks'] ?? 0,
    sharedRead: e.Plan['Shared Read Blocks'] ?? 0,
    jitMs: e.JIT?.Timing?.Total ?? null,
  };
};
