import { z } from 'zod';
import { SAMPLING_RESULTS } from '../domain/batch/decide-sampling-follow-up';
import { ZId, ZIsoDateTime, zText } from './common.contract';

export const ZCreateSamplingBody = z
  .strictObject({
    agency: zText(200).describe('The agency that sampled, e.g. 市场监督管理局'),
    productId: ZId.nullable().optional(),
    batchNo: zText(64).nullable().optional(),
    sampledOn: z.iso.date().describe('YYYY-MM-DD'),
    sampleQuantity: z.number().int().min(1).max(1_000_000),
    result: z.enum(SAMPLING_RESULTS).default('pending'),
    reportRef: zText(200).nullable().optional().describe('The agency’s report number'),
    representative: z
      .boolean()
      .describe('Whether the sample was normal product (intact pack); false allows a re-test request'),
    notes: zText(4000).nullable().optional(),
  })
  .meta({ id: 'CreateRegulatorSamplingRequest' });

export const ZSamplingListQuery = z.strictObject({
  productId: ZId.optional(),
  batchNo: zText(64).optional(),
  result: z.enum(SAMPLING_RESULTS).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const ZRetestRequestBody = z
  .strictObject({ reason: zText(2000).describe('Why the sample did not represent normal product') })
  .meta({ id: 'SamplingRetestRequest' });

export const ZOriginalReportBody = z
  .strictObject({
    reportRef: zText(200).optional(),
    result: z.enum(SAMPLING_RESULTS).optional().describe('The result stated in the report'),
  })
  .meta({ id: 'SamplingOriginalReportRequest' });

export const ZRegulatorSampling = z
  .object({
    id: ZId,
    agency: z.string(),
    productId: ZId.nullable(),
    batchNo: z.string().nullable(),
    sampledOn: z.string().describe('YYYY-MM-DD'),
    sampleQuantity: z.number().int(),
    result: z.enum(SAMPLING_RESULTS),
    reportRef: z.string().nullable(),
    representative: z.boolean(),
    retestRequestedAt: ZIsoDateTime.nullable(),
    retestReason: z.string().nullable(),
    originalReportToQualityAt: ZIsoDateTime.nullable(),
    notes: z.string().nullable(),
    createdBy: ZId.nullable(),
    createdAt: ZIsoDateTime,
    version: z.number().int(),
  })
  .meta({ id: 'RegulatorSampling' });

export const ZRegulatorSamplingList = z
  .object({ items: z.array(ZRegulatorSampling) })
  .meta({ id: 'RegulatorSamplingList' });
