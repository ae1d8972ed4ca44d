import { Button, Select, Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CostAllocationView } from '../../app/api-types';
import { COST_CAUSES, type CostCause } from '../../../domain/compensation/allocate-cost';

/**
 * The party R-RES-8 suggests, which fact decided it and the rule ids that fired (details on hover); an established
 * cause, when a person has one, sharpens it. `onAccept` (while editing) puts the suggestion into the table.
 */
export const CostSuggestion = ({
  view,
  cause,
  onCause,
  onAccept,
}: {
  view: CostAllocationView;
  cause: CostCause | undefined;
  onCause: (cause: CostCause | undefined) => void;
  onAccept?: () => void;
}) => {
  const { t } = useTranslation('costAllocation');
  const s = view.suggestion;
  return (
    <Space wrap size="middle" data-testid="cost-suggestion">
      <Space size={4} wrap>
        <Typography.Text type="secondary">{t('suggestion.label')}</Typography.Text>
        <Typography.Text strong data-testid="cost-suggested-party">
          {t(`kind.${s.partyKind}`)}
        </Typography.Text>
        <Typography.Text type="secondary">· {t(`suggestion.basis.${s.basis}`)}</Typography.Text>
        {s.rules.map((r) => (
          <Tooltip key={`${r.rule}|${r.detail ?? ''}`} title={r.detail}>
            <Tag color="blue">{r.rule}</Tag>
          </Tooltip>
        ))}
      </Space>
      <Space size={4}>
        <Typography.Text type="secondary">{t('cause.label')}</Typography.Text>
        <Select<CostCause>
          allowClear
          size="small"
          style={{ minWidth: 200 }}
          value={cause}
          placeholder={t('cause.placeholder')}
          onChange={(v) => onCause(v ?? undefined)}
          data-testid="cost-cause"
          options={COST_CAUSES.map((c) => ({ value: c, label: t(`cause.${c}`) }))}
        />
      </Space>
      {onAccept && (
        <Button size="small" onClick={onAccept} data-testid="cost-accept-suggestion">
          {t('suggestion.accept')}
        </Button>
      )}
    </Space>
  );
};
