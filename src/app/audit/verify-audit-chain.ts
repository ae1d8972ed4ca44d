import { createChainVerifier, type ChainBreak } from '../../domain/audit/create-chain-verifier';
import { auditRepo } from '../../db/repos/audit.repo';
import type { Deps } from '../deps';
import { sha256Hex } from '../secrets';

/** The last row of one chain, recorded outside the database (a file, a ticket, an e-mail) as an anchor. */
export type ChainHead = { readonly chain: number; readonly chainSeq: number; readonly hash: string };

export type AnchorProblem = ChainHead & {
  /** `missing`: the anchored row is gone (the newest rows were deleted); `different`: it was rewritten. */
  readonly problem: 'missing' | 'different';
};

export type AuditVerification = {
  readonly ok: boolean;
  readonly rowsChecked: number;
  readonly chains: number;
  /** The first broken row of each broken chain, earliest id first. */
  readonly breaks: readonly ChainBreak[];
  /** The current last row of every chain: save them to check against later (`--save-anchor`). */
  readonly heads: readonly ChainHead[];
  /** Anchored heads that no longer match (only when an anchor was given). */
  readonly anchorProblems: readonly AnchorProblem[];
};

const PAGE = 5_000;

/**
 * Walks every audit chain from its start and recomputes each row's hash (R-SEC-2). Reports the first broken
 * row of every chain: an edited row shows `content_changed`, a deleted row `sequence_gap` at its successor.
 * Deleting the newest rows of a chain leaves no trace inside the chain itself; an anchor (the heads saved by an
 * earlier run, kept outside the database) catches that: each anchored row must still exist with its hash.
 * Reads in pages, so it runs in constant memory on millions of rows.
 */
export const verifyAuditChain = async (
  deps: Deps,
  options: { anchor?: readonly ChainHead[]; onProgress?: (rows: number) => void } = {},
): Promise<AuditVerification> => {
  const verifier = createChainVerifier(sha256Hex);
  const breaks: ChainBreak[] = [];
  const heads: ChainHead[] = [];
  const ex = deps.db.reader();
  for (const chain of await auditRepo.findChains(ex)) {
    let afterSeq = 0;
    let head: ChainHead | undefined;
    for (;;) {
      const rows = await auditRepo.listChainPage(ex, chain, afterSeq, PAGE);
      let broken: ChainBreak | undefined;
      for (const row of rows) {
        broken = verifier.push(row);
        if (broken) break;
        head = { chain, chainSeq: row.chainSeq, hash: row.hash };
      }
      if (broken) {
        breaks.push(broken);
        break;
      }
      options.onProgress?.(verifier.rowsChecked());
      if (rows.length < PAGE) break;
      afterSeq = rows.at(-1)?.chainSeq ?? afterSeq;
    }
    if (head) heads.push(head);
  }
  breaks.sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1));
  const anchorProblems: AnchorProblem[] = [];
  for (const anchored of options.anchor ?? []) {
    const row = await auditRepo.findBySeq(ex, anchored.chain, anchored.chainSeq);
    if (!row) anchorProblems.push({ ...anchored, problem: 'missing' });
    else if (row.hash !== anchored.hash) anchorProblems.push({ ...anchored, problem: 'different' });
  }
  return {
    ok: breaks.length === 0 && anchorProblems.length === 0,
    rowsChecked: verifier.rowsChecked(),
    chains: verifier.chainsSeen(),
    breaks,
    heads,
    anchorProblems,
  };
};
