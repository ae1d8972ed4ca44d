// The Drizzle schema object handed to the drivers (all tables).
import * as compensation from './schema/compensation.table';
import * as complaint from './schema/complaint.table';
import * as identity from './schema/identity.table';
import * as platform from './schema/platform.table';
import * as quality from './schema/quality.table';
import * as reference from './schema/reference.table';
import * as settings from './schema/settings.table';

export const schema = {
  ...identity,
  ...platform,
  ...reference,
  ...complaint,
  ...settings,
  ...compensation,
  ...quality,
};
export type Schema = typeof schema;
