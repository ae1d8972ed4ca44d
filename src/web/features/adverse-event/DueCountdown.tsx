import { ClockCircleOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AdverseEventDecision } from '../../app/api-types';
import { formatDateTime, splitRemaining } from '../../app/time';
import { DUE_TONE_COLOR, dueTone } from './adverse-event-format';

/** A decision row's countdown: blue while far, gold within 3 days, volcano within a day, red once past due. */
export const DueCountdown = ({ decision, now }: { decision: AdverseEventDecision; now: number }) => {
  const { t } = useTranslation();
  const { t: ta } = useTranslation('adverseEvent');
  const tone = dueTone(decision, now);
  const r = splitRemaining(decision.dueAt, now);
  const time = [
    r.days > 0 ? t('clock.d', { n: r.days }) : '',
    r.hours > 0 || r.days > 0 ? t('clock.h', { n: r.hours }) : '',
    r.days === 0 ? t('clock.m', { n: r.minutes }) : '',
  ]
    .filter(Boolean)
    .join(' ');
  const text =
    tone === 'done'
      ? ta('decisions.settled')
      : r.overdue
        ? t('clock.overdue', { time })
        : t('clock.left', { time });
  return (
    <Tooltip title={t('clock.due', { time: formatDateTime(decision.dueAt) })}>
      <Tag
        color={DUE_TONE_COLOR[tone]}
        icon={<ClockCircleOutlined />}
        data-tone={tone}
        data-testid="due-countdown"
      >
        {text}
      </Tag>
    </Tooltip>
  );
};
