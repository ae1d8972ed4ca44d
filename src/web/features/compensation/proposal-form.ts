import type { CompensationFacts, CompensationProposal, ProposeCompensationBody } from '../../app/api-types';
import type { CompensationKind } from '../../../domain/compensation/compensation-policy';
import { yuanToFen } from './compensation-format';

/** Yes/no facts the proposer may state; unticked ones are left to the record. */
export const FACT_FLAGS = [
  'distanceSale',
  'perishable',
  'verificationDone',
  'foodSafetyViolation',
  'fraudEstablished',
] as const;

type Option = { kind: string; amountYuan?: number; description?: string };
export type ProposalFormValues = {
  foodCase?: CompensationFacts['foodCase'];
  problemLevel?: CompensationFacts['problemLevel'];
  unitPriceYuan?: number | null;
  quantity?: number | null;
  lossYuan?: number | null;
  priorFailedRepairs?: number | null;
  mileageKm?: number | null;
  flags?: (typeof FACT_FLAGS)[number][];
  note?: string;
  executionWorkingDays?: number | null;
  custom?: boolean;
  options?: Option[];
};

const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);

/** The form's first values: a revision starts from the facts and options of the version in force. */
export const initialProposalValues = (current: CompensationProposal | null): ProposalFormValues => {
  if (!current) return { quantity: 1, executionWorkingDays: 7, flags: [], custom: false, options: [] };
  const f = current.facts;
  const unitPriceFen = num(f.unitPriceFen);
  const lossFen = num(f.lossFen);
  return {
    foodCase: (f.foodCase as ProposalFormValues['foodCase']) ?? undefined,
    problemLevel: (f.problemLevel as ProposalFormValues['problemLevel']) ?? undefined,
    unitPriceYuan: unitPriceFen !== undefined ? unitPriceFen / 100 : undefined,
    quantity: num(f.quantity) ?? 1,
    lossYuan: lossFen ? lossFen / 100 : undefined,
    priorFailedRepairs: num(f.priorFailedRepairs) || undefined,
    mileageKm: num(f.mileageKm),
    flags: FACT_FLAGS.filter((k) => f[k] === true),
    note: current.note ?? undefined,
    executionWorkingDays: current.executionWorkingDays,
    custom: false,
    options: current.options.map((o) => ({
      kind: o.kind,
      amountYuan: o.amountFen / 100,
      description: o.description,
    })),
  };
};

/** The request body: only the facts the proposer stated, amounts in fen, options only when set by hand. */
export const toProposeBody = (v: ProposalFormValues): ProposeCompensationBody => {
  const facts: CompensationFacts = {
    ...(v.foodCase ? { foodCase: v.foodCase } : {}),
    ...(v.problemLevel ? { problemLevel: v.problemLevel } : {}),
    ...(typeof v.unitPriceYuan === 'number' ? { unitPriceFen: yuanToFen(v.unitPriceYuan) } : {}),
    ...(typeof v.quantity === 'number' ? { quantity: v.quantity } : {}),
    ...(typeof v.lossYuan === 'number' ? { lossFen: yuanToFen(v.lossYuan) } : {}),
    ...(typeof v.priorFailedRepairs === 'number' ? { priorFailedRepairs: v.priorFailedRepairs } : {}),
    ...(typeof v.mileageKm === 'number' ? { mileageKm: v.mileageKm } : {}),
    // Unticked flags are left to the record (e.g. perishable food) rather than forced to false.
    ...Object.fromEntries((v.flags ?? []).map((k) => [k, true])),
  };
  return {
    facts,
    ...(v.custom && v.options?.length
      ? {
          options: v.options.map((o) => ({
            kind: o.kind as CompensationKind,
            amountFen: yuanToFen(o.amountYuan ?? 0),
            description: o.description?.trim() || o.kind,
          })),
        }
      : {}),
    ...(v.note?.trim() ? { note: v.note.trim() } : {}),
    ...(typeof v.executionWorkingDays === 'number' ? { executionWorkingDays: v.executionWorkingDays } : {}),
  };
};
