import { useMemo } from 'react';
import { EChart } from '../shared/EChart';
import { fillWeeks } from './batch-signal-format';

/** A small bar chart of counted complaints per ISO week (loaded lazily with ECharts). */
const WeeklyTrend = ({
  weekly,
  testId,
}: {
  weekly: readonly { week: string; count: number }[];
  testId?: string;
}) => {
  const option = useMemo(() => {
    const weeks = fillWeeks(weekly);
    return {
      animation: false,
      grid: { left: 2, right: 2, top: 4, bottom: 2 },
      tooltip: { trigger: 'axis' as const, confine: true },
      xAxis: { type: 'category' as const, data: weeks.map((w) => w.week), show: false },
      yAxis: { type: 'value' as const, show: false, minInterval: 1 },
      series: [
        {
          type: 'bar' as const,
          data: weeks.map((w) => w.count),
          itemStyle: { color: '#1677ff' },
          barMaxWidth: 10,
        },
      ],
    };
  }, [weekly]);
  return (
    <div style={{ width: 120 }}>
      <EChart option={option} height={44} testId={testId} />
    </div>
  );
};

export default WeeklyTrend;
