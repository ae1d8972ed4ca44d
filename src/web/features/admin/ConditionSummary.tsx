import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ClockCondition } from '../../../domain/sla/deadline-policy';
import { useSeverities } from '../shared/useSeverities';

/** Which complaints a clock applies to, in words (类型：投诉, 范围：单件/多件); alternatives joined by 或. */
export const ConditionSummary = ({ condition }: { readonly condition: ClockCondition | undefined }) => {
  const { t } = useTranslation('admin');
  const { t: tv } = useTranslation('vocab');
  const severities = useSeverities();
  if (!condition) return <Typography.Text type="secondary">{t('deadline.allComplaints')}</Typography.Text>;
  const parts = (c: ClockCondition): string[] => {
    const out: string[] = [];
    const list = (label: string, values: readonly string[] | undefined, of: (v: string) => string) => {
      if (values?.length)
        out.push(t('pair', { k: t(`deadline.cond.${label}`), v: values.map(of).join('/') }));
    };
    list('kinds', c.kinds, (v) => tv(`kind.${v}`));
    list('severities', c.severities, (v) => severities.labelOf(v));
    list('natures', c.natures, (v) => tv(`nature.${v}`));
    list('channels', c.channels, (v) => tv(`channel.${v}`));
    list('injury', c.injury, (v) => tv(`injury.${v}`));
    list('scopes', c.scopes, (v) => tv(`scope.${v}`));
    if (c.major !== undefined) out.push(c.major ? t('deadline.cond.major') : t('deadline.cond.notMajor'));
    if (c.receivedOutsideCustomerService) out.push(t('deadline.cond.outsideCs'));
    if (c.anyOf?.length)
      out.push(c.anyOf.map((alt) => `(${parts(alt).join(t('sep'))})`).join(` ${t('deadline.cond.or')} `));
    return out;
  };
  return (
    <span>
      {parts(condition).map((p, i) => (
        <Tag key={i} style={{ marginBottom: 2, whiteSpace: 'normal' }}>
          {p}
        </Tag>
      ))}
    </span>
  );
};
