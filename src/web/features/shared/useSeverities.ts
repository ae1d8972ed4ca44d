import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api-client';
import type { Policy } from '../../app/api-types';
import type { ClassificationRules } from '../../../domain/classification/classification-rules';

/** The severity classes of the taxonomy in force (preset policy data), labelled in the UI language. */
export const useSeverities = () => {
  const { i18n } = useTranslation();
  const q = useQuery({
    queryKey: ['policy', 'classification_rules'],
    queryFn: () => api.get<Policy>('/api/v1/policies/classification_rules'),
    staleTime: 300_000,
  });
  const rules = q.data?.value as ClassificationRules | undefined;
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  const classes = [...(rules?.taxonomy.classes ?? [])].sort((a, b) => b.rank - a.rank);
  return {
    options: classes.map((c) => ({ value: c.code, label: c.label[lang] })),
    labelOf: (code: string | null | undefined) =>
      code ? (classes.find((c) => c.code === code)?.label[lang] ?? code) : '—',
    rankOf: (code: string | null | undefined) => classes.find((c) => c.code === code)?.rank ?? 0,
  };
};
