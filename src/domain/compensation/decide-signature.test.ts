import { describe, expect, it } from 'vitest';
import { buildApprovalSteps } from './approval-steps';
import { DEFAULT_COMPENSATION_POLICY as POLICY } from './compensation-policy';
import {
  decideSignature,
  summarizeApproval,
  type ProposalApprovalState,
  type SignatureRequest,
} from './decide-signature';

const HASH = 'a'.repeat(64);
const steps = buildApprovalSteps(
  [['department_manager', 'business_manager', 'sales_centre', 'general_manager']],
  POLICY,
);
const state = (over: Partial<ProposalApprovalState> = {}): ProposalApprovalState => ({
  status: 'pending_approval',
  contentHash: HASH,
  proposerId: 'proposer',
  steps,
  signatures: [],
  ...over,
});
const request = (over: Partial<SignatureRequest> = {}): SignatureRequest => ({
  signerId: 'dm',
  signerRoles: ['department_manager'],
  delegations: [],
  proposalHash: HASH,
  meaning: 'approve',
  reason: null,
  role: null,
  ...over,
});

describe('buildApprovalSteps — R-APR-1 sequential and parallel steps', () => {
  it('should put business manager and sales centre side by side and the GM last', () => {
    expect(steps.map((s) => s.roles)).toEqual([
      ['department_manager'],
      ['business_manager', 'sales_centre'],
      ['general_manager'],
    ]);
  });

  it('should pair supervisor and technician for the site check (seed 004)', () => {
    const s = buildApprovalSteps([['site_supervisor', 'site_technician', 'general_manager']], POLICY);
    expect(s.map((x) => x.roles)).toEqual([['site_supervisor', 'site_technician'], ['general_manager']]);
  });

  it('should take the union of every option’s chain and need no step when none needs approval', () => {
    expect(buildApprovalSteps([['department_manager'], ['general_manager']], POLICY)).toHaveLength(2);
    expect(buildApprovalSteps([[], []], POLICY)).toEqual([]);
  });

  it('should make every role its own step when the policy has no parallel groups', () => {
    const s = buildApprovalSteps([['business_manager', 'sales_centre']], { parallelApprovers: [] });
    expect(s).toHaveLength(2);
  });
});

describe('decideSignature — R-APR-2 electronic signatures', () => {
  it('should accept the department manager for step 0 and keep the proposal pending', () => {
    const d = decideSignature(state(), request());
    expect(d).toMatchObject({
      ok: true,
      value: { role: 'department_manager', stepIndex: 0, outcome: 'pending_approval' },
    });
    if (d.ok)
      expect(d.value.rules).toContainEqual({ rule: 'R-APR-2', detail: 'approve:department_manager:step_0' });
  });

  it('should refuse a stale proposal version (hash differs or superseded)', () => {
    expect(decideSignature(state(), request({ proposalHash: 'b'.repeat(64) }))).toMatchObject({
      ok: false,
      error: { code: 'PROPOSAL_STALE' },
    });
    expect(decideSignature(state({ status: 'superseded' }), request())).toMatchObject({
      ok: false,
      error: { code: 'PROPOSAL_STALE', detail: 'superseded' },
    });
    expect(decideSignature(state({ status: 'approved' }), request())).toMatchObject({
      ok: false,
      error: { code: 'PROPOSAL_NOT_PENDING' },
    });
  });

  it('should refuse a signer without the role of the open step, even one who holds a later role (order)', () => {
    expect(
      decideSignature(state(), request({ signerId: 'gm', signerRoles: ['general_manager'] })),
    ).toMatchObject({
      ok: false,
      error: { code: 'SIGNER_NOT_AUTHORIZED', detail: 'waiting_for:department_manager' },
    });
    expect(decideSignature(state(), request({ signerRoles: ['agent'] }))).toMatchObject({
      ok: false,
      error: { code: 'SIGNER_NOT_AUTHORIZED' },
    });
  });

  it('should refuse the proposer signing their own proposal (four eyes)', () => {
    expect(decideSignature(state({ proposerId: 'dm' }), request())).toMatchObject({
      ok: false,
      error: { code: 'SELF_APPROVAL_REFUSED' },
    });
  });

  it('should require a reason to reject, and end the approval at once on a rejection', () => {
    expect(decideSignature(state(), request({ meaning: 'reject' }))).toMatchObject({
      ok: false,
      error: { code: 'REASON_REQUIRED' },
    });
    expect(decideSignature(state(), request({ meaning: 'reject', reason: '金额过高' }))).toMatchObject({
      ok: true,
      value: { outcome: 'rejected' },
    });
  });

  it('should let the parallel step sign in any order and approve after the GM (R-APR-1)', () => {
    const after0 = [
      { role: 'department_manager' as const, stepIndex: 0, signerId: 'dm', meaning: 'approve' as const },
    ];
    const sc = decideSignature(
      state({ signatures: after0 }),
      request({ signerId: 'sc', signerRoles: ['sales_centre'] }),
    );
    expect(sc).toMatchObject({
      ok: true,
      value: { role: 'sales_centre', stepIndex: 1, outcome: 'pending_approval' },
    });
    const both = [
      ...after0,
      { role: 'sales_centre' as const, stepIndex: 1, signerId: 'sc', meaning: 'approve' as const },
      { role: 'business_manager' as const, stepIndex: 1, signerId: 'bm', meaning: 'approve' as const },
    ];
    expect(summarizeApproval(steps, both)).toEqual({
      outcome: 'pending_approval',
      openStep: 2,
      waitingFor: ['general_manager'],
    });
    const gm = decideSignature(
      state({ signatures: both }),
      request({ signerId: 'gm', signerRoles: ['general_manager'] }),
    );
    expect(gm).toMatchObject({ ok: true, value: { outcome: 'approved' } });
    if (gm.ok) expect(gm.value.rules).toContainEqual({ rule: 'R-APR-1', detail: 'chain_complete' });
  });

  it('should let a delegate sign for an absent approver, on their behalf (R-APR-1 delegation)', () => {
    const d = decideSignature(
      state(),
      request({
        signerId: 'deputy',
        signerRoles: ['agent'],
        delegations: [{ delegatorId: 'dm', delegatorRoles: ['department_manager'] }],
      }),
    );
    expect(d).toMatchObject({ ok: true, value: { role: 'department_manager', onBehalfOfId: 'dm' } });
    const none = decideSignature(
      state(),
      request({
        signerId: 'deputy',
        signerRoles: ['agent'],
        delegations: [{ delegatorId: 'x', delegatorRoles: ['finance'] }],
      }),
    );
    expect(none).toMatchObject({ ok: false, error: { code: 'SIGNER_NOT_AUTHORIZED' } });
  });

  it('should let an engineer sign the site check as technician and a department manager as supervisor', () => {
    const s = buildApprovalSteps([['site_supervisor', 'site_technician']], POLICY);
    const eng = decideSignature(state({ steps: s }), request({ signerId: 'eng', signerRoles: ['engineer'] }));
    expect(eng).toMatchObject({ ok: true, value: { role: 'site_technician', stepIndex: 0 } });
    const dm = decideSignature(state({ steps: s }), request());
    expect(dm).toMatchObject({ ok: true, value: { role: 'site_supervisor' } });
  });
});
