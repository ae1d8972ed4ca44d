import { err, ok, type Result } from '../shared/result';
import type { RuleHit } from '../shared/rule-hit';
import type { CapaSourceType } from './capa-action';
import type { CapaRefusal } from './decide-capa-step';

/** The sections of an 8D report 《质量异常分析改进8D报告》 (R-CAPA-2). */
export const EIGHT_D_SECTIONS = ['D0', 'D1', 'D2', 'D3', 'D4', 'D5', 'D6', 'D7', 'D8'] as const;
export type EightDSection = (typeof EIGHT_D_SECTIONS)[number];

/** The sections that must be complete before the report closes: D0 (preparation) is recommended, not required. */
export const EIGHT_D_REQUIRED_SECTIONS: readonly EightDSection[] = [
  'D1',
  'D2',
  'D3',
  'D4',
  'D5',
  'D6',
  'D7',
  'D8',
];

export const EIGHT_D_SECTION_LABELS: Readonly<
  Record<EightDSection, { readonly 'zh-CN': string; readonly en: string }>
> = {
  D0: { 'zh-CN': 'D0 症状与应急响应', en: 'D0 Symptoms and emergency response' },
  D1: { 'zh-CN': 'D1 成立小组', en: 'D1 Team' },
  D2: { 'zh-CN': 'D2 问题描述（5W2H、是/不是）', en: 'D2 Problem description (5W2H, IS / IS NOT)' },
  D3: { 'zh-CN': 'D3 临时围堵措施', en: 'D3 Containment' },
  D4: { 'zh-CN': 'D4 根本原因与流出点', en: 'D4 Root cause and escape point' },
  D5: { 'zh-CN': 'D5 选定永久纠正措施', en: 'D5 Permanent corrective actions chosen' },
  D6: { 'zh-CN': 'D6 实施并验证永久措施', en: 'D6 Implemented and validated' },
  D7: { 'zh-CN': 'D7 预防再发生', en: 'D7 Prevent recurrence' },
  D8: { 'zh-CN': 'D8 结案与表彰', en: 'D8 Closure and team recognition' },
};

/** An action with owner and due date (R-CAPA-1), as D3 and D5 list them. */
export type EightDAction = {
  readonly action?: string;
  readonly owner?: string;
  readonly dueOn?: string;
  readonly status?: 'planned' | 'done';
  readonly result?: string;
  readonly capaActionId?: string;
};

export type IsIsNotRow = {
  readonly dimension?: 'what' | 'where' | 'when' | 'how_many';
  readonly is?: string;
  readonly isNot?: string;
};

/**
 * Section contents as drafts: every field may still be missing while the team works; `findMissingEightDFields`
 * says what a section needs before the report can close.
 */
export type EightDContents = {
  readonly D0: { readonly symptoms?: string; readonly emergencyResponse?: string };
  readonly D1: {
    readonly leader?: string;
    readonly champion?: string;
    readonly members?: readonly {
      readonly name?: string;
      readonly department?: string;
      readonly role?: string;
    }[];
  };
  readonly D2: {
    readonly problemStatement?: string;
    readonly fiveW2H?: {
      readonly what?: string;
      readonly why?: string;
      readonly when?: string;
      readonly where?: string;
      readonly who?: string;
      readonly how?: string;
      readonly howMany?: string;
    };
    readonly isIsNot?: readonly IsIsNotRow[];
  };
  readonly D3: { readonly actions?: readonly EightDAction[]; readonly effectivenessCheck?: string };
  readonly D4: {
    readonly methods?: readonly string[];
    readonly occurrenceRootCause?: string;
    readonly escapeRootCause?: string;
    readonly escapePoint?: string;
    readonly verification?: string;
  };
  readonly D5: {
    readonly actions?: readonly (EightDAction & { readonly addresses?: 'occurrence' | 'escape' })[];
  };
  readonly D6: {
    readonly implementations?: readonly {
      readonly action?: string;
      readonly implementedOn?: string;
      readonly result?: string;
    }[];
    readonly validation?: string;
    readonly effectiveFrom?: string;
  };
  readonly D7: {
    readonly measures?: string;
    readonly documentsUpdated?: readonly string[];
    readonly horizontalDeployment?: string;
  };
  readonly D8: { readonly closureSummary?: string; readonly recognition?: string };
};

export type EightDSections = { readonly [S in EightDSection]?: EightDContents[S] };

export type EightDReport = {
  readonly id: string;
  readonly number: string;
  readonly sourceType: CapaSourceType;
  readonly sourceId: string | null;
  readonly customerRequested: boolean;
  readonly title: string | null;
  readonly sections: EightDSections;
  readonly status: 'open' | 'closed';
  readonly createdBy: string | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly closedAt: Date | null;
  readonly version: number;
};

const filled = (s: string | undefined): boolean => typeof s === 'string' && s.trim().length > 0;

const need = (missing: string[], path: string, present: boolean): void => {
  if (!present) missing.push(path);
};

const actionProblems = (missing: string[], list: readonly EightDAction[] | undefined, path: string): void => {
  if (!list || list.length === 0) {
    missing.push(path);
    return;
  }
  list.forEach((a, i) => {
    need(missing, `${path}[${i}].action`, filled(a.action));
    need(missing, `${path}[${i}].owner`, filled(a.owner));
    need(missing, `${path}[${i}].dueOn`, filled(a.dueOn));
  });
};

/**
 * The fields a section still lacks before the report can close (R-CAPA-2), as paths (`fiveW2H.where`,
 * `actions[0].owner`); empty when complete. D2 needs the full 5W2H and at least one IS / IS NOT row; D3 and D5 list
 * actions each with owner and due date (R-CAPA-1); D4 names the method, the cause of occurrence and of escape and
 * the escape point (R-INV-2); D5 covers both occurrence and escape; D6 records the implementation and its validation.
 */
export const findMissingEightDFields = <S extends EightDSection>(
  section: S,
  content: EightDContents[S] | undefined,
): string[] => {
  if (content === undefined) return ['(section)'];
  const m: string[] = [];
  switch (section) {
    case 'D0': {
      const c = content as EightDContents['D0'];
      need(m, 'symptoms', filled(c.symptoms));
      need(m, 'emergencyResponse', filled(c.emergencyResponse));
      break;
    }
    case 'D1': {
      const c = content as EightDContents['D1'];
      need(m, 'leader', filled(c.leader));
      if (!c.members || c.members.length === 0) m.push('members');
      else c.members.forEach((x, i) => need(m, `members[${i}].name`, filled(x.name)));
      break;
    }
    case 'D2': {
      const c = content as EightDContents['D2'];
      need(m, 'problemStatement', filled(c.problemStatement));
      const w = c.fiveW2H ?? {};
      for (const k of ['what', 'why', 'when', 'where', 'who', 'how', 'howMany'] as const)
        need(m, `fiveW2H.${k}`, filled(w[k]));
      if (!c.isIsNot || c.isIsNot.length === 0) m.push('isIsNot');
      else
        c.isIsNot.forEach((r, i) => {
          need(m, `isIsNot[${i}].dimension`, r.dimension !== undefined);
          need(m, `isIsNot[${i}].is`, filled(r.is));
          need(m, `isIsNot[${i}].isNot`, filled(r.isNot));
        });
      break;
    }
    case 'D3': {
      const c = content as EightDContents['D3'];
      actionProblems(m, c.actions, 'actions');
      need(m, 'effectivenessCheck', filled(c.effectivenessCheck));
      break;
    }
    case 'D4': {
      const c = content as EightDContents['D4'];
      need(m, 'methods', (c.methods ?? []).length > 0);
      need(m, 'occurrenceRootCause', filled(c.occurrenceRootCause));
      need(m, 'escapeRootCause', filled(c.escapeRootCause));
      need(m, 'escapePoint', filled(c.escapePoint));
      break;
    }
    case 'D5': {
      const c = content as EightDContents['D5'];
      actionProblems(m, c.actions, 'actions');
      const covers = new Set((c.actions ?? []).map((a) => a.addresses));
      if ((c.actions ?? []).length > 0) {
        need(m, 'actions(addresses: occurrence)', covers.has('occurrence'));
        need(m, 'actions(addresses: escape)', covers.has('escape'));
      }
      break;
    }
    case 'D6': {
      const c = content as EightDContents['D6'];
      if (!c.implementations || c.implementations.length === 0) m.push('implementations');
      else
        c.implementations.forEach((x, i) => {
          need(m, `implementations[${i}].action`, filled(x.action));
          need(m, `implementations[${i}].implementedOn`, filled(x.implementedOn));
          need(m, `implementations[${i}].result`, filled(x.result));
        });
      need(m, 'validation', filled(c.validation));
      break;
    }
    case 'D7': {
      const c = content as EightDContents['D7'];
      need(m, 'measures', filled(c.measures));
      need(m, 'documentsUpdated', (c.documentsUpdated ?? []).some(filled));
      break;
    }
    case 'D8': {
      const c = content as EightDContents['D8'];
      need(m, 'closureSummary', filled(c.closureSummary));
      need(m, 'recognition', filled(c.recognition));
      break;
    }
  }
  return m;
};

/** Completeness of every section, for the report view: missing field paths per section (empty = complete). */
export const describeEightDCompleteness = (
  sections: EightDSections,
): Readonly<Record<EightDSection, readonly string[]>> =>
  Object.fromEntries(EIGHT_D_SECTIONS.map((s) => [s, findMissingEightDFields(s, sections[s])])) as Record<
    EightDSection,
    string[]
  >;

/** R-CAPA-2: a section is edited only while the report is open. */
export const decideEightDEdit = (r: Pick<EightDReport, 'status'>): Result<true, CapaRefusal> =>
  r.status === 'open' ? ok(true) : err({ code: 'EIGHT_D_CLOSED', details: { status: r.status } });

/**
 * R-CAPA-2: the report closes only with D1–D8 complete; the refusal lists each incomplete section and its missing
 * fields. A closed report cannot close again.
 */
export const decideEightDClose = (
  r: Pick<EightDReport, 'status' | 'sections'>,
): Result<{ readonly rules: readonly RuleHit[] }, CapaRefusal> => {
  if (r.status !== 'open') return err({ code: 'EIGHT_D_CLOSED', details: { status: r.status } });
  const incomplete: Record<string, readonly string[]> = {};
  for (const s of EIGHT_D_REQUIRED_SECTIONS) {
    const missing = findMissingEightDFields(s, r.sections[s]);
    if (missing.length > 0) incomplete[s] = missing;
  }
  if (Object.keys(incomplete).length > 0)
    return err({ code: 'EIGHT_D_INCOMPLETE', details: { rule: 'R-CAPA-2', sections: incomplete } });
  return ok({ rules: [{ rule: 'R-CAPA-2', detail: 'D1-D8 complete' }] });
};
