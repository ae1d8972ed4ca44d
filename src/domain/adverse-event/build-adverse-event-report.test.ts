import { describe, expect, it } from 'vitest';
import type { AdverseEvent } from './adverse-event';
import { buildAdverseEventReport, type AdverseEventReport } from './build-adverse-event-report';
import type { ReportSubject } from './adverse-event-form-fields';

const basis = (form: 'nmpa' | 'fda' | 'eu') => ({
  form,
  label: { 'zh-CN': 'x', en: 'x' },
  duration: { unit: 'calendar_days' as const, amount: 7 },
  source: 's',
  confidence: 'B' as const,
  provisional: false,
  rules: [],
});

const evaluation: AdverseEvent = {
  id: 'ae',
  complaintId: 'c',
  eventType: 'death',
  awareAt: new Date('2026-03-05T02:00:00Z'),
  status: 'evaluating',
  reportData: {
    facts: {
      patientOutcome: '患者于术后第二天死亡',
      patientAge: 67,
      patientSex: 'male',
      deviceOperator: 'health_professional',
      causeAnalysis: '泵速控制板失效',
      manufacturerActions: '同批次暂停发货',
    },
    basis: { 'CN-NMPA/individual_death': basis('nmpa'), 'US-FDA/mdr_30_day': basis('fda') },
    triggers: [],
  },
  openedAt: new Date('2026-03-05T02:00:00Z'),
  closedAt: null,
  version: 1,
  decisions: [
    {
      id: 'd1',
      adverseEventId: 'ae',
      jurisdiction: 'CN-NMPA',
      reportKind: 'individual_death',
      dueAt: new Date('2026-03-12T16:00:00Z'),
      reportable: true,
      rationale: '死亡',
      decidedAt: new Date('2026-03-06T02:00:00Z'),
      decidedBy: 'u',
      submittedAt: new Date('2026-03-06T03:00:00Z'),
      submissionRef: 'NMPA-2026-77',
    },
    {
      id: 'd2',
      adverseEventId: 'ae',
      jurisdiction: 'US-FDA',
      reportKind: 'mdr_30_day',
      dueAt: new Date('2026-04-04T16:00:00Z'),
      reportable: null,
      rationale: null,
      decidedAt: null,
      decidedBy: null,
      submittedAt: null,
      submissionRef: null,
    },
  ],
};

const subject = (reveal: boolean): ReportSubject => ({
  complaint: {
    number: 'KS-2026-000042',
    receivedAt: new Date('2026-03-05T01:30:00Z'),
    channel: 'hotline',
    customer: {
      id: null,
      name: '市第一人民医院 设备科',
      phone: '13812345678',
      email: 'sbk@example.com',
      address: '浙江省杭州市西湖区文三路 100 号',
      type: 'b2b',
      tier: 'standard',
      specialGroup: null,
      locale: 'zh-CN',
    },
    product: {
      id: 'p',
      name: '输液泵 SP-3',
      model: 'SP-3',
      code: 'SP3-CN',
      batchNo: 'L2026-01',
      serialNo: 'SN0042',
      productionDate: '2026-01-10',
      shipDate: null,
      purchaseDate: null,
      purchasePlace: null,
      proofOfPurchase: false,
    },
    problem: {
      description: '输液泵流速失控',
      occurredAt: new Date('2026-03-04T20:00:00Z'),
      symptom: null,
      affectedPart: null,
      scope: 'single_unit',
    },
    injury: 'death',
    customFields: { udi: '(01)06901234567892(17)270101(10)L2026-01', hospital: '市第一人民医院' },
  },
  evaluation,
  revealPersonalData: reveal,
  generatedAt: new Date('2026-03-07T02:00:00Z'),
  timeZone: 'Asia/Shanghai',
});

const valueOf = (r: AdverseEventReport, key: string) => r.fields.find((f) => f.key === key)?.value;

describe('buildAdverseEventReport (R-AE-2 export)', () => {
  it('should fill the NMPA key fields from the complaint, product, UDI, facts and dates', () => {
    const r = buildAdverseEventReport('nmpa', subject(true));
    expect(r.applicable).toBe(true);
    expect(Object.fromEntries(r.fields.map((f) => [f.key, f.value]))).toMatchObject({
      'report.number': 'NMPA-2026-77',
      'report.type': '个例',
      'report.date': '2026-03-06',
      'report.awareDate': '2026-03-05',
      'event.date': '2026-03-05',
      'event.harm': '死亡',
      'event.outcome': '患者于术后第二天死亡',
      'event.description': '输液泵流速失控',
      'device.name': '输液泵 SP-3',
      'device.batchNo': 'L2026-01',
      'device.udi': '(01)06901234567892(17)270101(10)L2026-01',
      'use.facility': '市第一人民医院',
      'analysis.actions': '同批次暂停发货',
      'reporter.phone': '13812345678',
    });
    expect(r.missing).toEqual(['patient.name', 'device.registrationNo']);
    expect(r.notice.en).toContain('not the full form');
  });

  it('should fill the FDA 3500A key fields with the report type from the FDA decisions', () => {
    const r = buildAdverseEventReport('fda', subject(true));
    expect(r.applicable).toBe(true);
    expect(valueOf(r, 'A1')).toBe('KS-2026-000042');
    expect(valueOf(r, 'B2')).toBe('death');
    expect(valueOf(r, 'D4.lot')).toBe('L2026-01');
    expect(valueOf(r, 'D4.udi')).toContain('(01)06901234567892');
    expect(valueOf(r, 'G4')).toBe('2026-03-05');
    expect(valueOf(r, 'G7')).toBe('mdr_30_day');
    expect(valueOf(r, 'H1')).toBe('death');
    expect(valueOf(r, 'H7')).toBe('同批次暂停发货');
  });

  it('should fill the EU MIR key fields and say when the evaluation has no EU row', () => {
    const r = buildAdverseEventReport('eu', subject(true));
    expect(r.applicable).toBe(false);
    expect(valueOf(r, 'admin.incidentType')).toBe('death');
    expect(valueOf(r, 'admin.awareDate')).toBe('2026-03-05');
    expect(valueOf(r, 'device.serial')).toBe('SN0042');
    expect(valueOf(r, 'incident.healthImpact')).toBe('患者于术后第二天死亡');
    expect(valueOf(r, 'investigation.preliminary')).toBe('泵速控制板失效');
  });

  it('should mask the reporter’s phone, e-mail and address without pii.reveal (R-SEC-1)', () => {
    const r = buildAdverseEventReport('nmpa', subject(false));
    expect(valueOf(r, 'reporter.phone')).toBe('138****5678');
    expect(valueOf(r, 'reporter.address')).toBe('浙江省杭州市****');
    expect(
      String(buildAdverseEventReport('fda', subject(false)).fields.find((f) => f.key === 'E1')?.value),
    ).toBe('市第一人民医院 设备科; 浙江省杭州市****; 138****5678; s***@example.com');
  });
});
