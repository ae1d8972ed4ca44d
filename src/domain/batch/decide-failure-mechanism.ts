import type { Nature } from '../complaint/complaint-vocabulary';
import type { RuleHit } from '../shared/rule-hit';

export type MechanismSource = 'investigation' | 'keyword' | 'nature';

export type FailureMechanism = {
  readonly mechanism: string;
  readonly source: MechanismSource;
  readonly rules: readonly RuleHit[];
};

const KEYWORD_REASON = /^keyword ([^:\s]+):/u;

/** The keyword topics a classification suggestion matched, in its order (its reasons read `keyword <topic>: …`). */
export const findKeywordTopics = (reasons: readonly RuleHit[]): string[] => {
  const topics: string[] = [];
  for (const r of reasons) {
    const topic = KEYWORD_REASON.exec(r.detail ?? '')?.[1];
    if (topic && !topics.includes(topic)) topics.push(topic);
  }
  return topics;
};

/**
 * The failure mechanism a complaint is counted under (R-BAT-1 "same mechanism" 同种机理):
 * 1. the investigation's failure mechanism when one is recorded;
 * 2. else the keyword topic of the classification (打火 → `safety_hazard`, 发霉 → `spoilage`); of several matched
 *    topics, the first whose keyword rule names the confirmed nature, else the first;
 * 3. else the confirmed nature (`function`, `appearance`…), `unknown` without one.
 */
export const decideFailureMechanism = (input: {
  readonly investigationMechanism: string | null;
  readonly keywordTopics: readonly { readonly topic: string; readonly nature: Nature | null }[];
  readonly nature: Nature | null;
}): FailureMechanism => {
  const investigated = input.investigationMechanism?.trim() ?? '';
  if (investigated !== '') {
    return {
      mechanism: investigated,
      source: 'investigation',
      rules: [{ rule: 'R-BAT-1', detail: `mechanism ${investigated} from the investigation` }],
    };
  }
  const topic =
    input.keywordTopics.find((t) => t.nature !== null && t.nature === input.nature) ?? input.keywordTopics[0];
  if (topic) {
    return {
      mechanism: topic.topic,
      source: 'keyword',
      rules: [{ rule: 'R-BAT-1', detail: `mechanism ${topic.topic} from the classification keywords` }],
    };
  }
  const nature = input.nature ?? 'unknown';
  return {
    mechanism: nature,
    source: 'nature',
    rules: [{ rule: 'R-BAT-1', detail: `mechanism ${nature} from the nature` }],
  };
};
