import type { UserActor } from '../../../domain/identity/actor';
import type { InvestigationRecord } from '../../../domain/investigation/investigation-record';
import { toLocalDateTime } from '../../../domain/sla/convert-local-time';
import { createCapaAction } from '../../capa/create-capa-action';
import type { UseCaseContext } from '../../context';
import type { Deps } from '../../deps';
import { fileInvestigation } from '../../investigation/file-investigation';
import { saveInvestigationDraft } from '../../investigation/save-investigation-draft';

const DAY = 86_400_000;

/** The failure mechanism the demo investigation files and its corrective action watches (R-BAT-1, R-CAPA-3). */
const MECHANISM = '工序参数偏离';

/**
 * A complete investigation as a quality engineer would file it for an isolated defect (R-INV-1…4): returned unit,
 * retained sample, production / inspection / shipping records checked, a field visit not needed; a 5-Why chain and a
 * fishbone; occurrence and escape causes; verdict isolated, the defective unit is exchanged.
 */
const RECORD: InvestigationRecord = {
  checklist: {
    returned_unit: { status: 'done', reason: null, note: '顾客寄回问题样品，已拆检', evidenceIds: [] },
    photos_videos: { status: 'done', reason: null, note: '顾客提供照片 3 张', evidenceIds: [] },
    retained_sample: { status: 'done', reason: null, note: '同批留样复检合格', evidenceIds: [] },
    production_records: {
      status: 'done',
      reason: null,
      note: '当班记录有一次参数报警未复核',
      evidenceIds: [],
    },
    inspection_reports: { status: 'done', reason: null, note: '出厂检验抽样合格', evidenceIds: [] },
    shipping_records: { status: 'done', reason: null, note: '发货与运输记录正常', evidenceIds: [] },
    field_visit: { status: 'not_applicable', reason: '个别问题，样品已寄回', note: null, evidenceIds: [] },
  },
  methods: ['five_why', 'fishbone'],
  fiveWhy: [
    { why: '为什么产品出现问题？', because: '该件产品关键工序参数偏离标准' },
    { why: '为什么参数会偏离？', because: '设备报警后当班未停机复核' },
    { why: '为什么报警后未复核？', because: '作业指导书未规定报警后的处置步骤' },
  ],
  fishbone: {
    method: [{ text: '作业指导书缺少报警处置步骤', root: true }],
    machine: [{ text: '设备报警仅有声音提示', root: false }],
  },
  occurrenceCause: '设备报警后未停机复核，关键工序参数偏离',
  escapeCause: '出厂检验为抽样检验，未覆盖该件',
  failureMechanism: MECHANISM,
  verdict: 'isolated',
  recallAnalysisNeeded: false,
  productOutcome: 'exchange',
};

/** The quality engineer investigates the demo complaint and files the record (the complaint is under investigation). */
export const investigateForDemo = async (
  deps: Deps,
  ctx: UseCaseContext,
  complaintId: string,
): Promise<void> => {
  const draft = await saveInvestigationDraft(deps, ctx, complaintId, { ...RECORD, version: 0 });
  await fileInvestigation(deps, ctx, complaintId, { version: draft.version });
};

/**
 * The corrective action the investigation calls for (R-CAPA-1): owned by the engineer, due in 30 days, watching the
 * same failure mechanism on later production (R-CAPA-3). Returns its number.
 */
export const openDemoCorrectiveAction = async (
  deps: Deps,
  ctx: UseCaseContext,
  complaintId: string,
  owner: UserActor,
  timeZone: string,
): Promise<string> => {
  const dueOn = toLocalDateTime(timeZone, new Date(deps.clock.now().getTime() + 30 * DAY)).date;
  const action = await createCapaAction(deps, ctx, {
    sourceType: 'complaint',
    sourceId: complaintId,
    kind: 'corrective',
    title: '关键工序设备报警后停机复核',
    description: '修订作业指导书：设备报警后立即停机、复核参数并记录；当班班长确认后方可恢复生产。',
    mechanism: MECHANISM,
    ownerId: owner.userId,
    dueOn,
  });
  return action.number;
};
