/**
 * Every namespace of UI text. A feature adds its `*.i18n.ts` here (one line); both languages are checked for the
 * same keys by {@link defineMessages}.
 */
import { adminMessages } from '../features/admin/admin.i18n';
import { authMessages } from '../features/auth/auth.i18n';
import { dashboardMessages } from '../features/dashboard/dashboard.i18n';
import { followUpMessages } from '../features/follow-up/follow-up.i18n';
import { intakeMessages } from '../features/intake/intake.i18n';
import { complaintMessages } from '../features/complaint/complaint.i18n';
import { qrMessages } from '../features/qr/qr.i18n';
import { queueMessages } from '../features/queue/queue.i18n';
import { portalMessages } from '../portal/portal.i18n';
import { commonMessages } from './common.i18n';
import { vocabularyMessages } from './vocabulary.i18n';

export const NAMESPACES = {
  common: commonMessages,
  vocab: vocabularyMessages,
  auth: authMessages,
  queue: queueMessages,
  complaint: complaintMessages,
  admin: adminMessages,
  intake: intakeMessages,
  dashboard: dashboardMessages,
  followUp: followUpMessages,
  portal: portalMessages,
  qr: qrMessages,
} as const;
