import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ComplaintStatus } from '../../../domain/complaint/complaint-status';

const COLOR: Partial<Record<ComplaintStatus, string>> = {
  received: 'default',
  registered: 'default',
  triaged: 'cyan',
  assigned: 'blue',
  investigating: 'geekblue',
  solution_proposed: 'purple',
  awaiting_customer: 'gold',
  agreed: 'lime',
  executing: 'orange',
  resolved: 'green',
  follow_up: 'green',
  closed: 'success',
  reopened: 'magenta',
};

export const StatusTag = ({ status }: { status: ComplaintStatus }) => {
  const { t } = useTranslation('vocab');
  return (
    <Tag color={COLOR[status] ?? 'default'} data-status={status}>
      {t(`status.${status}`)}
    </Tag>
  );
};
