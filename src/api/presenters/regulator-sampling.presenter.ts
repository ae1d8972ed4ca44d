import type { z } from 'zod';
import type { RegulatorSampling } from '../../domain/batch/batch-case-records';
import type { ZRegulatorSampling } from '../../contracts/regulator-sampling.contract';

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

export const presentRegulatorSampling = (s: RegulatorSampling): z.output<typeof ZRegulatorSampling> => ({
  id: s.id,
  agency: s.agency,
  productId: s.productId,
  batchNo: s.batchNo,
  sampledOn: s.sampledOn,
  sampleQuantity: s.sampleQuantity,
  result: s.result,
  reportRef: s.reportRef,
  representative: s.representative,
  retestRequestedAt: iso(s.retestRequestedAt),
  retestReason: s.retestReason,
  originalReportToQualityAt: iso(s.originalReportToQualityAt),
  notes: s.notes,
  createdBy: s.createdBy,
  createdAt: s.createdAt.toISOString(),
  version: s.version,
});
