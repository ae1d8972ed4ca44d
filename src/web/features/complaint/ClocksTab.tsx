import { Table, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Complaint, Deadline } from '../../app/api-types';
import { formatDateTime } from '../../app/time';
import { ClockBadge } from '../shared/ClockBadge';
import { useNow } from '../shared/useNow';

/** Every clock of the complaint with the rules that set its due time (R-SLA ids) — why it is due when it is. */
export const ClocksTab = ({ complaint }: { complaint: Complaint }) => {
  const { t, i18n } = useTranslation('complaint');
  const now = useNow();
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  return (
    <Table<Deadline>
      rowKey="kind"
      size="small"
      pagination={false}
      dataSource={complaint.deadlines}
      columns={[
        { title: t('clock.kind'), key: 'kind', render: (_, d) => d.label[lang] },
        {
          title: t('clock.state'),
          key: 'state',
          render: (_, d) => <ClockBadge label={d.label[lang]} dueAt={d.dueAt} state={d.state} now={now} />,
        },
        { title: t('clock.started'), key: 'started', render: (_, d) => formatDateTime(d.startedAt) },
        {
          title: t('clock.due'),
          key: 'due',
          render: (_, d) => (
            <>
              {formatDateTime(d.dueAt)} {d.provisional && <Tag color="warning">{t('clock.provisional')}</Tag>}
            </>
          ),
        },
        { title: t('clock.met'), key: 'met', render: (_, d) => formatDateTime(d.metAt) },
        {
          title: t('clock.rules'),
          key: 'rules',
          render: (_, d) =>
            d.rules.map((r) => (
              <Tooltip key={r.rule + (r.detail ?? '')} title={r.detail}>
                <Tag>{r.rule}</Tag>
              </Tooltip>
            )),
        },
      ]}
    />
  );
};
