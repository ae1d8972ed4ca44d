import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../shared/canonical-json';
import { GENESIS_HASH, auditHashInput, type AuditContent, type AuditRecord } from './audit-record';
import { createChainVerifier } from './create-chain-verifier';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

const buildChain = (chain: number, n: number, firstId: number): AuditRecord[] => {
  const rows: AuditRecord[] = [];
  let prevHash = GENESIS_HASH;
  for (let i = 1; i <= n; i += 1) {
    const content: AuditContent = {
      chain,
      chainSeq: i,
      occurredAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)),
      actorType: 'user',
      actorId: 'u1',
      actorName: '李娜',
      entityType: 'user',
      entityId: `e${i}`,
      action: 'user.updated',
      before: { n: i - 1 },
      after: { n: i, note: '异物 <script>' },
      reason: null,
      requestId: `r${i}`,
      prevHash,
    };
    const hash = sha(auditHashInput(content));
    rows.push({ ...content, id: String(firstId + i), hash });
    prevHash = hash;
  }
  return rows;
};

const verify = (rows: AuditRecord[]) => {
  const v = createChainVerifier(sha);
  for (const r of rows) {
    const broken = v.push(r);
    if (broken) return broken;
  }
  return undefined;
};

describe('audit hash chain (R-SEC-2)', () => {
  it('should accept intact chains when rows of several chains are interleaved per chain', () => {
    const v = createChainVerifier(sha);
    for (const r of [...buildChain(0, 5, 0), ...buildChain(3, 4, 100)]) expect(v.push(r)).toBeUndefined();
    expect(v.rowsChecked()).toBe(9);
    expect(v.chainsSeen()).toBe(2);
  });

  it('should name the edited row when a field was changed behind the app', () => {
    const rows = buildChain(0, 5, 0);
    rows[2] = { ...rows[2]!, after: { n: 3, note: 'edited' } };
    expect(verify(rows)).toEqual({ id: '3', chain: 0, chainSeq: 3, problem: 'content_changed' });
  });

  it('should name the row after a gap when a row was deleted', () => {
    const rows = buildChain(0, 5, 0);
    rows.splice(1, 1);
    expect(verify(rows)).toMatchObject({ id: '3', chainSeq: 3, problem: 'sequence_gap' });
  });

  it('should detect a row whose hash was recomputed but whose link no longer matches', () => {
    const rows = buildChain(0, 4, 0);
    const forged: AuditContent = { ...rows[1]!, actorName: '王芳', prevHash: rows[1]!.prevHash };
    rows[1] = { ...forged, id: rows[1]!.id, hash: sha(auditHashInput(forged)) };
    expect(verify(rows)).toMatchObject({ id: '3', problem: 'link_broken' });
  });
});

describe('canonicalJson', () => {
  it('should give the same text whatever the key order when hashing', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"x":1,"y":2}]},"b":1}',
    );
  });

  it('should write dates as ISO UTC and drop undefined when serialising', () => {
    expect(canonicalJson({ t: new Date('2026-01-01T08:00:00+08:00'), u: undefined, z: -0 })).toBe(
      '{"t":"2026-01-01T00:00:00.000Z","z":0}',
    );
  });
});
