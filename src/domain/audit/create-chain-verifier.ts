import { GENESIS_HASH, auditHashInput, type AuditRecord } from './audit-record';

export type ChainBreak = {
  readonly id: string;
  readonly chain: number;
  readonly chainSeq: number;
  /** `content_changed`: the row's own hash no longer matches its content; `link_broken`: it does not point
   *  at the previous row's hash; `sequence_gap`: a row is missing (deleted) before this one. */
  readonly problem: 'content_changed' | 'link_broken' | 'sequence_gap';
};

export type ChainVerifier = {
  /** Feed rows of any chain, each chain in `chainSeq` order. Returns the break this row reveals, if any. */
  readonly push: (row: AuditRecord) => ChainBreak | undefined;
  readonly rowsChecked: () => number;
  readonly chainsSeen: () => number;
};

/**
 * Walks audit chains (R-SEC-2). Pure apart from the hash function, which is passed in (SHA-256 hex on the
 * server). A chain starts at `chainSeq` 1 with the genesis hash; each row must hash to its own `hash` and
 * carry the previous row's `hash` as `prevHash`.
 */
export const createChainVerifier = (sha256Hex: (text: string) => string): ChainVerifier => {
  const heads = new Map<number, { seq: number; hash: string }>();
  let count = 0;
  return {
    push(row) {
      count += 1;
      const head = heads.get(row.chain) ?? { seq: 0, hash: GENESIS_HASH };
      const at = { id: row.id, chain: row.chain, chainSeq: row.chainSeq };
      heads.set(row.chain, { seq: row.chainSeq, hash: row.hash });
      if (sha256Hex(auditHashInput(row)) !== row.hash) return { ...at, problem: 'content_changed' };
      if (row.chainSeq !== head.seq + 1) return { ...at, problem: 'sequence_gap' };
      if (row.prevHash !== head.hash) return { ...at, problem: 'link_broken' };
      return undefined;
    },
    rowsChecked: () => count,
    chainsSeen: () => heads.size,
  };
};
