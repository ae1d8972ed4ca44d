import { z } from 'zod';
import { ZId, ZIsoDateTime, ZVersion, zText } from './common.contract';

export const ZDepartmentCode = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, '1–64 letters, digits, . _ -');

export const ZDepartmentView = z
  .object({
    id: ZId,
    code: z.string(),
    name: z.string(),
    nameEn: z.string().nullable(),
    parentId: ZId.nullable(),
    depth: z.number().int(),
    active: z.boolean(),
    createdAt: ZIsoDateTime,
    updatedAt: ZIsoDateTime,
    version: z.number().int(),
  })
  .meta({ id: 'Department' });

export const ZDepartmentList = z.object({ items: z.array(ZDepartmentView) }).meta({ id: 'DepartmentList' });

export const ZCreateDepartmentBody = z
  .strictObject({
    code: ZDepartmentCode,
    name: zText(100),
    nameEn: zText(100).nullable().optional(),
    parentId: ZId.nullable().optional(),
  })
  .meta({ id: 'CreateDepartmentRequest' });

export const ZUpdateDepartmentBody = z
  .strictObject({
    version: ZVersion.optional().describe('Or send If-Match: "<version>"'),
    code: ZDepartmentCode.optional(),
    name: zText(100).optional(),
    nameEn: zText(100).nullable().optional(),
    parentId: ZId.nullable().optional().describe('Move under another department; null makes it a root'),
    active: z.boolean().optional(),
  })
  .meta({ id: 'UpdateDepartmentRequest' });

export const ZDepartmentBulkBody = z
  .strictObject({
    rows: z
      .array(
        z.strictObject({
          code: ZDepartmentCode,
          name: zText(100),
          nameEn: zText(100).nullable().optional(),
          parentCode: ZDepartmentCode.nullable().optional(),
        }),
      )
      .min(1)
      .max(5000),
  })
  .meta({ id: 'DepartmentBulkUpsertRequest' });

export const ZDepartmentBulkResult = z
  .object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() })
  .meta({ id: 'DepartmentBulkUpsertResult' });
