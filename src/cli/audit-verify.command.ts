import { readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { verifyAuditChain, type ChainHead } from '../app/audit/verify-audit-chain';
import type { Deps } from '../app/deps';

const ZAnchor = z.object({
  heads: z.array(
    z.object({
      chain: z.number().int(),
      chainSeq: z.number().int(),
      hash: z.string().regex(/^[0-9a-f]{64}$/),
    }),
  ),
});

const out = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

/**
 * `closeloop audit verify [--anchor file] [--save-anchor file]` (R-SEC-2): exit 0 when every chain verifies
 * (and every anchored head is still there), else exit 1 naming the first broken row; exit 2 for an unreadable
 * anchor file. The anchor is saved only after a clean run. Keep it where the database administrators cannot
 * write, and pass it to the next run.
 */
export const auditVerifyCommand = async (
  deps: Deps,
  opts: { anchor?: string; saveAnchor?: string },
): Promise<number> => {
  let anchor: ChainHead[] | undefined;
  if (opts.anchor) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(opts.anchor, 'utf8'));
    } catch (e) {
      process.stderr.write(
        `${opts.anchor}: cannot read the anchor file (${e instanceof Error ? e.message : String(e)})\n`,
      );
      return 2;
    }
    const parsed = ZAnchor.safeParse(raw);
    if (!parsed.success) {
      process.stderr.write(`${opts.anchor}: not an anchor file written by --save-anchor\n`);
      return 2;
    }
    anchor = parsed.data.heads;
  }
  const r = await verifyAuditChain(deps, { ...(anchor && { anchor }) });
  // Only a verified trail becomes the next anchor: anchoring a broken one would bless the damage.
  if (opts.saveAnchor && r.ok) {
    writeFileSync(
      opts.saveAnchor,
      `${JSON.stringify({ savedAt: deps.clock.now().toISOString(), heads: r.heads }, null, 2)}\n`,
    );
  }
  if (r.ok) {
    out(
      `audit trail OK / 审计链完整: ${r.rowsChecked} rows in ${r.chains} chains${anchor ? `, ${anchor.length} anchored heads present` : ''}`,
    );
    return 0;
  }
  const first = r.breaks[0];
  if (first) {
    out(
      `audit trail BROKEN / 审计链被篡改: first broken row id=${first.id} (chain ${first.chain}, seq ${first.chainSeq}): ${first.problem}`,
    );
    for (const b of r.breaks.slice(1))
      out(`  also: row id=${b.id} (chain ${b.chain}, seq ${b.chainSeq}): ${b.problem}`);
  }
  for (const a of r.anchorProblems) {
    out(
      `audit trail BROKEN / 审计链被篡改: anchored row chain ${a.chain} seq ${a.chainSeq} is ${a.problem === 'missing' ? 'gone (rows deleted)' : 'rewritten'}`,
    );
  }
  return 1;
};
