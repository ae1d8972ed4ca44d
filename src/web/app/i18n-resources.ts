/**
 * The namespaces every console page needs, bundled with the shell. A feature's own namespace is registered by
 * the feature's lazy module with {@link registerMessages}, so its text loads with its code (first-route budget).
 * Both languages are checked for the same keys by {@link defineMessages}.
 */
import { authMessages } from '../features/auth/auth.i18n';
import { queueMessages } from '../features/queue/queue.i18n';
import { commonMessages } from './common.i18n';
import { vocabularyMessages } from './vocabulary.i18n';

export const CORE_NAMESPACES = {
  common: commonMessages,
  vocab: vocabularyMessages,
  auth: authMessages,
  queue: queueMessages,
} as const;
