import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BatchCaseSummary } from '../../app/api-types';
import { isInvestigationLate } from '../../../domain/batch/batch-case-workflow';
import { ClockBadge } from '../shared/ClockBadge';
import { useNow } from '../shared/useNow';

const WARN_MS = 30 * 60_000;

type Props = {
  readonly batchCase: Pick<BatchCaseSummary, 'investigationDueAt' | 'investigationFiledAt' | 'status'> & {
    readonly late?: boolean | undefined;
  };
};

/**
 * R-SLA-11: the 2-hour investigation clock. Counting down in blue, amber in the last half hour, red once overdue;
 * once filed, green "on time" or red "filed late".
 */
export const InvestigationClock = ({ batchCase }: Props) => {
  const { t } = useTranslation('batchCase');
  const now = useNow(15_000);
  const filedAt = batchCase.investigationFiledAt;
  if (filedAt)
    return (batchCase.late ??
      isInvestigationLate(new Date(batchCase.investigationDueAt), new Date(filedAt))) ? (
      <Tag color="red" data-testid="investigation-late" data-clock-state="late">
        {t('clock.filedLate')}
      </Tag>
    ) : (
      <Tag color="green" data-clock-state="met">
        {t('clock.filedOnTime')}
      </Tag>
    );
  if (batchCase.status === 'closed') return null;
  const left = new Date(batchCase.investigationDueAt).getTime() - now;
  return (
    <span data-testid="investigation-clock">
      <ClockBadge
        label={t('clock.label')}
        dueAt={batchCase.investigationDueAt}
        state={left < 0 ? 'breached' : left <= WARN_MS ? 'warning' : 'open'}
        now={now}
      />
    </span>
  );
};
