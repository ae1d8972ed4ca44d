import { date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns';
import { complaints } from './complaint.table';

/** The business calendar's weekly hours and time zone (one row, `default`). */
export const calendarSettings = pgTable('calendar_settings', {
  id: text('id').primaryKey(),
  timeZone: text('time_zone').notNull(),
  weeklyHours: jsonb('weekly_hours').notNull(),
  makeUpDayHours: jsonb('make_up_day_hours').notNull(),
  updatedAt: ts('updated_at').notNull(),
  version: integer('version').notNull().default(1),
});

/** Public holidays (off) and make-up working days 调休上班 (work), from the State Council notices. */
export const calendarDays = pgTable(
  'calendar_days',
  {
    date: date('date', { mode: 'string' }).primaryKey(),
    year: integer('year').notNull(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
  },
  (t) => [index('calendar_days_year_idx').on(t.year)],
);

/** Years with official data; a year not listed is provisional (never guessed). */
export const calendarYears = pgTable('calendar_years', {
  year: integer('year').primaryKey(),
  source: text('source').notNull(),
  papers: jsonb('papers').notNull().default([]),
  dayCount: integer('day_count').notNull(),
  importedAt: ts('imported_at').notNull(),
  importedBy: text('imported_by'),
});

/**
 * Policies as data an administrator edits without a deploy: deadline policy, severity taxonomy, keyword rules,
 * review chain, duplicate window, intake thresholds, the active preset. Every change is audited (before/after).
 */
export const policies = pgTable('policies', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  version: integer('version').notNull().default(1),
  updatedAt: ts('updated_at').notNull(),
  updatedBy: text('updated_by'),
});

/** Evidence files are stored once by SHA-256 under the data directory (same file twice = one blob). */
export const evidenceBlobs = pgTable('evidence_blobs', {
  sha256: text('sha256').primaryKey(),
  size: integer('size').notNull(),
  mime: text('mime').notNull(),
  width: integer('width'),
  height: integer('height'),
  thumbnailSha256: text('thumbnail_sha256'),
  createdAt: ts('created_at').notNull(),
});

/** An evidence file attached to a complaint (photo, video, PDF, receipt). */
export const complaintEvidence = pgTable(
  'complaint_evidence',
  {
    id: uuid('id').primaryKey(),
    complaintId: uuid('complaint_id')
      .notNull()
      .references(() => complaints.id),
    sha256: text('sha256')
      .notNull()
      .references(() => evidenceBlobs.sha256),
    originalName: text('original_name').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    caption: text('caption'),
    uploadedBy: text('uploaded_by').notNull(),
    uploadedAt: ts('uploaded_at').notNull(),
  },
  (t) => [
    index('complaint_evidence_complaint_idx').on(t.complaintId, t.uploadedAt),
    uniqueIndex('complaint_evidence_once_uq').on(t.complaintId, t.sha256),
  ],
);
