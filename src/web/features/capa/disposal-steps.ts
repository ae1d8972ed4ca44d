/** What a user can do on a disposal page (R-ESC-3): the chief engineer approves or returns, quality resubmits, … */
export type DisposalStep = 'approve' | 'return' | 'resubmit' | 'object' | 'redecide' | 'rule';

export type DisposalStepValues = {
  reason?: string;
  findings?: string;
  decision?: string;
  reasoning?: string;
  note?: string;
};

/** Where each step posts (under /api/v1/disposals/:id/) and the message keys of its dialog and its success. */
export const DISPOSAL_STEPS: Readonly<
  Record<DisposalStep, { readonly path: string; readonly title: string; readonly done: string }>
> = {
  approve: { path: 'approve', title: 'approveTitle', done: 'approved' },
  return: { path: 'return', title: 'returnTitle', done: 'returned' },
  resubmit: { path: 'resubmit', title: 'resubmitTitle', done: 'resubmitted' },
  object: { path: 'objections', title: 'objectTitle', done: 'objected' },
  redecide: { path: 'redecide', title: 'redecideTitle', done: 'redecided' },
  rule: { path: 'ruling', title: 'ruleTitle', done: 'ruled' },
};

/** The request body of a step, trimmed; an empty approval note is left out. */
export const disposalStepBody = (
  step: DisposalStep,
  v: DisposalStepValues,
): Record<string, string | undefined> => {
  const trim = (x: string | undefined) => x?.trim();
  switch (step) {
    case 'approve':
      return trim(v.note) ? { note: trim(v.note) } : {};
    case 'return':
    case 'object':
      return { reason: trim(v.reason) };
    case 'resubmit':
      return { decision: trim(v.decision) };
    case 'redecide':
      return { findings: trim(v.findings), decision: trim(v.decision) };
    case 'rule':
      return { decision: trim(v.decision), reasoning: trim(v.reasoning) };
  }
};
