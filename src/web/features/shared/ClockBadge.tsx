import { ClockCircleOutlined, PauseCircleOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime, splitRemaining } from '../../app/time';

export type ClockState = 'open' | 'warning' | 'breached' | 'paused' | 'met' | 'late' | 'cancelled';

const COLOR: Record<ClockState, string> = {
  open: 'processing',
  warning: 'warning',
  breached: 'error',
  paused: 'default',
  met: 'success',
  late: 'volcano',
  cancelled: 'default',
};

/** The state of a running clock at `now`: red once due, amber once past the warn time (R-SLA warnings). */
export const liveClockState = (
  c: { dueAt: string; warnAt: string; paused: boolean },
  now: number,
): ClockState => {
  if (new Date(c.dueAt).getTime() < now) return 'breached';
  if (c.paused) return 'paused';
  if (new Date(c.warnAt).getTime() <= now) return 'warning';
  return 'open';
};

type Props = {
  readonly label: string;
  readonly dueAt: string;
  readonly state: ClockState;
  readonly now: number;
};

/** A countdown badge: "剩余 3小时5分" in blue, amber when warning, red "超时 …" once breached. */
export const ClockBadge = ({ label, dueAt, state, now }: Props) => {
  const { t } = useTranslation();
  const { t: tv } = useTranslation('vocab');
  const r = splitRemaining(dueAt, now);
  const parts = [
    r.days > 0 ? t('clock.d', { n: r.days }) : '',
    r.hours > 0 || r.days > 0 ? t('clock.h', { n: r.hours }) : '',
    r.days === 0 ? t('clock.m', { n: r.minutes }) : '',
  ]
    .filter(Boolean)
    .join(' ');
  const running = state === 'open' || state === 'warning' || state === 'breached';
  const text = running
    ? r.overdue
      ? t('clock.overdue', { time: parts })
      : t('clock.left', { time: parts })
    : tv(`clockState.${state}`);
  return (
    <Tooltip title={`${label} · ${t('clock.due', { time: formatDateTime(dueAt) })}`}>
      <Tag
        color={COLOR[state]}
        icon={state === 'paused' ? <PauseCircleOutlined /> : <ClockCircleOutlined />}
        data-clock-state={state}
        style={{ marginInlineEnd: 4 }}
      >
        {label}: {text}
      </Tag>
    </Tooltip>
  );
};
