import type { Disposal } from '../../app/api-types';

export const DISPOSAL_STATUS_COLOR: Record<Disposal['status'], string> = {
  awaiting_approval: 'gold',
  returned: 'red',
  published: 'processing',
  reinvestigating: 'orange',
  awaiting_ruling: 'magenta',
  final: 'success',
};
