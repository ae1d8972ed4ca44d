import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { registerMessages } from '../../app/i18n';
import { formatDateTime } from '../../app/time';
import { adverseEventMessages } from './adverse-event.i18n';
import { isDecided } from './adverse-event-format';
import { useComplaintAdverseEvent } from './adverse-event-queries';

registerMessages('adverseEvent', adverseEventMessages);

/**
 * R-AE-2 on the complaint header: while a reportability decision lacks its answer or rationale, closing answers 409
 * ADVERSE_EVENT_UNDECIDED, so say so before anyone tries, with the count and the earliest due time.
 */
export const CloseBlockedBanner = ({ complaintId, onOpen }: { complaintId: string; onOpen: () => void }) => {
  const { t } = useTranslation('adverseEvent');
  const q = useComplaintAdverseEvent(complaintId);
  const e = q.data;
  if (!e?.closeBlocked) return null;
  const open = e.decisions.filter((d) => !isDecided(d));
  return (
    <Alert
      type="error"
      showIcon
      banner
      style={{ marginTop: 12 }}
      data-testid="adverse-event-banner"
      data-code="ADVERSE_EVENT_UNDECIDED"
      message={t('banner.title')}
      description={t('banner.description', { n: open.length, due: formatDateTime(e.nextDueAt) })}
      action={
        <Button size="small" danger onClick={onOpen} data-testid="adverse-event-banner-open">
          {t('banner.open')}
        </Button>
      }
    />
  );
};
