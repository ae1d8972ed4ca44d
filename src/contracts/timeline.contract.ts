import { z } from 'zod';
import { ZIsoDateTime } from './common.contract';

export const ZTimelineEntryView = z
  .object({
    id: z.string(),
    at: ZIsoDateTime,
    source: z.enum(['audit', 'communication', 'event']),
    kind: z
      .string()
      .describe(
        'audit: the action; communication: the channel; event: the event type (notifications follow it)',
      ),
    actor: z.string().nullable(),
    summary: z.string().nullable(),
    detail: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'TimelineEntry' });

export const ZTimelineView = z
  .object({ items: z.array(ZTimelineEntryView) })
  .meta({ id: 'ComplaintTimeline' });
