import { err, ok, type Result } from '../shared/result';
import type { RuleHit } from '../shared/rule-hit';
import {
  MONEY_KINDS,
  type ApproverRole,
  type CompensationKind,
  type CompensationPolicy,
} from './compensation-policy';
import { computeApprovalChain } from './compute-approval-chain';
import type { CompensationDecision } from './decide-compensation';

/** An option as the proposer writes it (kind, amount, words for the customer). */
export type ProposedOption = {
  readonly kind: CompensationKind;
  readonly amountFen: number;
  readonly description: string;
};

/** An option as stored on the proposal: with its approval chain and where it comes from. */
export type ProposalOption = ProposedOption & {
  readonly approvalChain: readonly ApproverRole[];
  readonly siteCheckRequired: boolean;
  readonly basis: readonly string[];
};

export type ProposalOptionsRefusal = {
  readonly code: 'AMOUNT_BELOW_LEGAL_FLOOR' | 'CASH_BEFORE_VERIFICATION';
  readonly option: number;
  readonly detail: string;
};

/**
 * Checks the options a proposer puts forward against the engine's decision for the same complaint and gives each
 * its approval chain (R-APR-1):
 * - R-RES-5: an option of a kind the law gives (its basis cites a legal ref) or any money option may not be below
 *   the engine's amount for that kind — a floor is never undercut.
 * - R-MAL-2: cash is refused when the engine withheld it (malicious signals, verification not done).
 * - R-RES-4: an amount above the matrix top (`maxAmountFen`), or an option the matrix does not offer, goes to
 *   `beyondMatrixApprover` on top of the bands.
 */
export const decideProposalOptions = (
  decision: CompensationDecision,
  proposed: readonly ProposedOption[],
  facts: { readonly major: boolean },
  policy: CompensationPolicy,
): Result<
  { readonly options: readonly ProposalOption[]; readonly rules: readonly RuleHit[] },
  ProposalOptionsRefusal
> => {
  const rules: RuleHit[] = [];
  const out: ProposalOption[] = [];
  const cashWithheld = decision.rules.some((r) => r.detail === 'no_cash_before_verification');
  for (const [i, p] of proposed.entries()) {
    const offered = decision.options.find((o) => o.kind === p.kind);
    if (p.kind === 'cash' && cashWithheld)
      return err({ code: 'CASH_BEFORE_VERIFICATION', option: i, detail: 'R-MAL-2' });
    const legal = offered?.basis.some((b) => b !== 'R-RES-5' && !b.startsWith('R-')) ?? false;
    if (offered && (legal || MONEY_KINDS.includes(p.kind)) && p.amountFen < offered.amountFen)
      return err({
        code: 'AMOUNT_BELOW_LEGAL_FLOOR',
        option: i,
        detail: `min:${offered.amountFen}:${offered.basis.join(',')}`,
      });
    const beyond = !offered ? p.amountFen > 0 : p.amountFen > offered.maxAmountFen;
    const extra: ApproverRole[] = [];
    if (beyond) {
      extra.push(policy.beyondMatrixApprover);
      rules.push({ rule: 'R-RES-4', detail: `beyond_matrix:${i}:${policy.beyondMatrixApprover}` });
    }
    // The matrix row's own approvers (R-RES-3 "cash needs supervisor and sales-centre approval") carry over.
    const plain = offered
      ? computeApprovalChain(
          { kind: p.kind, amountFen: offered.amountFen, major: facts.major, extra: [] },
          policy,
        )
      : [];
    const rowExtra = (offered?.approvalChain ?? []).filter((r) => !plain.includes(r));
    const approvalChain = computeApprovalChain(
      { kind: p.kind, amountFen: p.amountFen, major: facts.major, extra: [...rowExtra, ...extra] },
      policy,
    );
    out.push({
      ...p,
      approvalChain,
      siteCheckRequired: p.amountFen > policy.siteCheckAboveFen,
      basis: offered ? [...offered.basis] : ['R-RES-1'],
    });
  }
  const needed = new Set(out.flatMap((o) => o.approvalChain));
  if (needed.size > 0) rules.push({ rule: 'R-APR-1', detail: [...needed].join('>') });
  return ok({ options: out, rules });
};
