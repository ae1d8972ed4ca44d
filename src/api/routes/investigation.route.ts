import type { z } from 'zod';
import { fileInvestigation } from '../../app/investigation/file-investigation';
import { getInvestigation } from '../../app/investigation/get-investigation';
import { reopenInvestigation } from '../../app/investigation/reopen-investigation';
import {
  saveInvestigationDraft,
  type SaveInvestigationInput,
} from '../../app/investigation/save-investigation-draft';
import { errorResponses, ZIdParams } from '../../contracts/common.contract';
import {
  ZFileInvestigationBody,
  ZInvestigationView,
  ZReopenInvestigationBody,
  ZSaveInvestigationBody,
} from '../../contracts/investigation.contract';
import { presentInvestigation } from '../presenters/investigation.presenter';
import { ctxOf } from '../request-context';
import type { RouteModule } from './route-app';

const tags = ['investigation'];

/** The request body as the domain's record: left-out parts empty, absent reasons and notes null. */
const inputOf = (body: z.infer<typeof ZSaveInvestigationBody>): SaveInvestigationInput => ({
  version: body.version,
  checklist: Object.fromEntries(
    Object.entries(body.checklist ?? {}).flatMap(([kind, item]) =>
      item
        ? [
            [
              kind,
              {
                status: item.status,
                reason: item.reason ?? null,
                note: item.note ?? null,
                evidenceIds: item.evidenceIds ?? [],
              },
            ],
          ]
        : [],
    ),
  ),
  methods: body.methods ?? [],
  fiveWhy: body.fiveWhy ?? [],
  fishbone: Object.fromEntries(
    Object.entries(body.fishbone ?? {}).flatMap(([category, causes]) =>
      causes ? [[category, causes.map((c) => ({ text: c.text, root: c.root ?? false }))]] : [],
    ),
  ),
  occurrenceCause: body.occurrenceCause ?? null,
  escapeCause: body.escapeCause ?? null,
  failureMechanism: body.failureMechanism ?? null,
  verdict: body.verdict ?? null,
  recallAnalysisNeeded: body.recallAnalysisNeeded ?? false,
  productOutcome: body.productOutcome ?? null,
});

/** The investigation record of a complaint (DOMAIN §6, R-INV-1…4). */
export const investigationRoutes: RouteModule = (app, deps) => {
  app.get(
    '/api/v1/complaints/:id/investigation',
    {
      config: { permission: 'complaint.read' },
      schema: {
        tags,
        summary: '查看调查记录 A complaint’s investigation record',
        description:
          'The evidence checklist (R-INV-1), root cause by 5-Why / fishbone 6M / named methods with the causes of ' +
          'occurrence and escape (R-INV-2), the technical verdict (R-INV-3) and the product outcome (R-INV-4). ' +
          '`problems` lists what still keeps it from being filed; `rules` what filing triggers. Before anyone starts ' +
          'it: a blank record, `state: not_started`, `version: 0`.',
        params: ZIdParams,
        response: { 200: ZInvestigationView, ...errorResponses },
      },
    },
    async (request) => presentInvestigation(await getInvestigation(deps, ctxOf(request), request.params.id)),
  );

  app.put(
    '/api/v1/complaints/:id/investigation',
    {
      config: { permission: 'investigation.manage' },
      schema: {
        tags,
        summary: '保存调查记录草稿 Save the investigation draft',
        description:
          'Replaces the draft (what is left out is cleared). `version` is the one you read (0 to start it); a stale ' +
          'one answers 409 VERSION_CONFLICT. 409 INVESTIGATION_NOT_EDITABLE before `investigating` or once the ' +
          'complaint is closed; 409 INVESTIGATION_ALREADY_FILED once filed (reopen first). A draft may be ' +
          'incomplete; unknown fishbone categories, methods or evidence of another complaint answer 400.',
        params: ZIdParams,
        body: ZSaveInvestigationBody,
        response: { 200: ZInvestigationView, ...errorResponses },
      },
    },
    async (request) =>
      presentInvestigation(
        await saveInvestigationDraft(deps, ctxOf(request), request.params.id, inputOf(request.body)),
      ),
  );

  app.post(
    '/api/v1/complaints/:id/investigation/file',
    {
      config: { permission: 'investigation.manage' },
      schema: {
        tags,
        summary: '提交调查结论 File the investigation',
        description:
          'Checks every R-INV rule and answers 422 INVESTIGATION_INCOMPLETE with `details.problems` (path, rule, ' +
          'problem) when something is missing: evidence items, field visit in serious cases, a named method, a 5-Why ' +
          'chain of at least 3 steps, a fishbone root cause, the causes of occurrence and escape, the verdict, an ' +
          'outcome consistent with the verdict and the complaint’s validity, the failure mechanism. Filing stamps ' +
          'who and when, flags the recall analysis (R-INV-3) and emits `complaint.investigation_filed`.',
        params: ZIdParams,
        body: ZFileInvestigationBody,
        response: { 200: ZInvestigationView, ...errorResponses },
      },
    },
    async (request) =>
      presentInvestigation(await fileInvestigation(deps, ctxOf(request), request.params.id, request.body)),
  );

  app.post(
    '/api/v1/complaints/:id/investigation/reopen',
    {
      config: { permission: 'investigation.manage' },
      schema: {
        tags,
        summary: '重新打开调查 Reopen the investigation',
        description:
          'Back to draft with a reason (kept in the audit trail); emits `complaint.investigation_reopened`. 409 ' +
          'INVESTIGATION_NOT_FILED for a draft.',
        params: ZIdParams,
        body: ZReopenInvestigationBody,
        response: { 200: ZInvestigationView, ...errorResponses },
      },
    },
    async (request) =>
      presentInvestigation(await reopenInvestigation(deps, ctxOf(request), request.params.id, request.body)),
  );
};
