// The Drizzle schema object handed to the drivers (all tables).
import * as complaint from './schema/complaint.table';
import * as identity from './schema/identity.table';
import * as platform from './schema/platform.table';
import * as reference from './schema/reference.table';
import * as settings from './schema/settings.table';

export const schema = { ...identity, ...platform, ...reference, ...complaint, ...settings };
export type Schema = typeof schema;
