import { InputNumber, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DurationSpec } from '../../../domain/sla/compute-due-at';

export const DURATION_MODES = ['wall', 'working', 'working_days', 'legal_days', 'window_days'] as const;
type Mode = (typeof DURATION_MODES)[number];

type Props = {
  readonly value: DurationSpec;
  readonly onChange: (next: DurationSpec) => void;
  readonly testId?: string;
};

/** A spec of the new mode, keeping the amount where the units allow (hours ↔ days are not converted). */
export const withMode = (spec: DurationSpec, mode: Mode): DurationSpec => {
  const days =
    spec.mode === 'working_days' || spec.mode === 'legal_days'
      ? spec.days
      : spec.mode === 'window_days'
        ? spec.toDays
        : 1;
  const minutes = spec.mode === 'wall' || spec.mode === 'working' ? spec.minutes : 24 * 60;
  switch (mode) {
    case 'wall':
    case 'working':
      return { mode, minutes };
    case 'working_days':
    case 'legal_days':
      return { mode, days };
    case 'window_days':
      return { mode, fromDays: 0, toDays: days };
  }
};

/** "72 小时", "3 个工作日", "第 5–7 天" — one line for tags and summaries. */
export const useFormatDuration = () => {
  const { t } = useTranslation('admin');
  return (spec: DurationSpec): string => {
    switch (spec.mode) {
      case 'wall':
      case 'working':
        return spec.minutes % 60 === 0
          ? t(`duration.${spec.mode}Hours`, { n: spec.minutes / 60 })
          : t(`duration.${spec.mode}Minutes`, { n: spec.minutes });
      case 'working_days':
      case 'legal_days':
        return t(`duration.${spec.mode}N`, { n: spec.days });
      case 'window_days':
        return t('duration.windowN', { from: spec.fromDays, to: spec.toDays });
    }
  };
};

/** Mode (clock time, working time, working days, calendar days, window) and amount of a deadline clock. */
export const DurationInput = ({ value, onChange, testId }: Props) => {
  const { t } = useTranslation('admin');
  const timed = value.mode === 'wall' || value.mode === 'working';
  const [unit, setUnit] = useState<'h' | 'min'>(timed && value.minutes % 60 !== 0 ? 'min' : 'h');
  const factor = unit === 'h' ? 60 : 1;
  return (
    <Space.Compact data-testid={testId}>
      <Select
        style={{ width: 100 }}
        value={value.mode}
        aria-label={t('deadline.mode')}
        options={DURATION_MODES.map((m) => ({ value: m, label: t(`duration.mode.${m}`) }))}
        onChange={(m: Mode) => onChange(withMode(value, m))}
        popupMatchSelectWidth={false}
      />
      {(value.mode === 'wall' || value.mode === 'working') && (
        <>
          <InputNumber
            style={{ width: 60 }}
            min={unit === 'h' ? 0.25 : 1}
            step={unit === 'h' ? 1 : 5}
            value={value.minutes / factor}
            aria-label={t('deadline.amount')}
            onChange={(n) =>
              n !== null && onChange({ mode: value.mode, minutes: Math.round(Number(n) * factor) })
            }
          />
          <Select
            style={{ width: 72 }}
            value={unit}
            aria-label={t('deadline.unit')}
            options={[
              { value: 'h', label: t('duration.hours') },
              { value: 'min', label: t('duration.minutes') },
            ]}
            onChange={setUnit}
          />
        </>
      )}
      {(value.mode === 'working_days' || value.mode === 'legal_days') && (
        <InputNumber
          style={{ width: 96 }}
          min={1}
          max={366}
          precision={0}
          value={value.days}
          suffix={t('duration.days')}
          aria-label={t('deadline.amount')}
          onChange={(n) => n !== null && onChange({ mode: value.mode, days: Number(n) })}
        />
      )}
      {value.mode === 'window_days' && (
        <>
          <InputNumber
            style={{ width: 64 }}
            min={0}
            max={366}
            precision={0}
            value={value.fromDays}
            aria-label={t('deadline.fromDays')}
            onChange={(n) => n !== null && onChange({ ...value, fromDays: Number(n) })}
          />
          <InputNumber
            style={{ width: 96 }}
            min={0}
            max={366}
            precision={0}
            value={value.toDays}
            prefix="–"
            suffix={t('duration.days')}
            aria-label={t('deadline.toDays')}
            onChange={(n) => n !== null && onChange({ ...value, toDays: Number(n) })}
          />
        </>
      )}
    </Space.Compact>
  );
};
