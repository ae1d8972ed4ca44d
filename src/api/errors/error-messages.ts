import type { ErrorCode } from '../../domain/error-code';

export type ApiLocale = 'zh-CN' | 'en';

/** Exhaustive message catalogue: Simplified Chinese first, English second. */
export const ERROR_MESSAGES: Record<ErrorCode, Record<ApiLocale, string>> = {
  VALIDATION_FAILED: {
    'zh-CN': '请求内容不符合要求，请检查标出的字段。',
    en: 'The request is not valid; see the listed fields.',
  },
  MALFORMED_JSON: { 'zh-CN': '请求体不是有效的 JSON。', en: 'The request body is not valid JSON.' },
  UNSUPPORTED_MEDIA_TYPE: {
    'zh-CN': '不支持该内容类型（Content-Type）。',
    en: 'This Content-Type is not supported here.',
  },
  PAYLOAD_TOO_LARGE: { 'zh-CN': '请求内容过大。', en: 'The request body is too large.' },
  ROUTE_NOT_FOUND: { 'zh-CN': '接口不存在。', en: 'No such endpoint.' },
  UNAUTHENTICATED: { 'zh-CN': '请先登录。', en: 'Please sign in.' },
  SESSION_EXPIRED: {
    'zh-CN': '登录已过期，请重新登录。',
    en: 'Your session has ended; please sign in again.',
  },
  FORBIDDEN: { 'zh-CN': '您没有执行此操作的权限。', en: 'You are not allowed to do this.' },
  CSRF_REJECTED: {
    'zh-CN': '安全校验失败（CSRF），请刷新页面后重试。',
    en: 'Security check failed (CSRF); reload the page and try again.',
  },
  RATE_LIMITED: { 'zh-CN': '操作过于频繁，请稍后再试。', en: 'Too many attempts; please try again later.' },
  VERSION_CONFLICT: {
    'zh-CN': '数据已被他人修改，请刷新后重试。',
    en: 'Someone else changed this record; reload and try again.',
  },
  PRECONDITION_REQUIRED: {
    'zh-CN': '修改时须提供版本号（If-Match 或 version）。',
    en: 'Updates need the version you read (If-Match or version).',
  },
  IDEMPOTENCY_KEY_REUSED: {
    'zh-CN': '该幂等键已用于另一个不同的请求。',
    en: 'This Idempotency-Key was used for a different request.',
  },
  IDEMPOTENCY_KEY_INVALID: {
    'zh-CN': '幂等键格式无效（1–255 个可见 ASCII 字符）。',
    en: 'Invalid Idempotency-Key (1–255 visible ASCII characters).',
  },
  INVALID_CURSOR: {
    'zh-CN': '分页游标无效，请从第一页重新查询。',
    en: 'Invalid page cursor; start again from the first page.',
  },
  SERVICE_UNAVAILABLE: {
    'zh-CN': '服务暂不可用，请稍后再试。',
    en: 'The service is unavailable; please try again shortly.',
  },
  COST_SHARES_INVALID: {
    'zh-CN': '费用分摊比例无效：各责任方比例须为正数、合计 100%（10000 个基点），且同一责任方不得重复。',
    en: 'Invalid cost shares: each must be positive, together exactly 100 % (10,000 bp), and no party twice.',
  },
  COST_TOTAL_INVALID: {
    'zh-CN': '分摊总额须为非负整数（单位：分）。',
    en: 'The total to allocate must be a whole, non-negative number of fen.',
  },
  COST_TOTAL_REQUIRED: {
    'zh-CN': '该投诉在补偿台账中尚无已约定或已支付的金额，请填写分摊总额。',
    en: 'The ledger has no agreed or paid compensation for this complaint; send the total to allocate.',
  },
  COST_ALLOCATION_NOT_FOUND: { 'zh-CN': '费用分摊记录不存在。', en: 'No such cost allocation.' },
  ADVERSE_EVENT_NOT_FOUND: { 'zh-CN': '不良事件评价不存在。', en: 'No such adverse-event evaluation.' },
  ADVERSE_EVENT_DECISION_NOT_FOUND: {
    'zh-CN': '该不良事件评价中没有此项决定。',
    en: 'This evaluation has no such decision.',
  },
  ADVERSE_EVENT_UNDECIDED: {
    'zh-CN': '不良事件评价尚有未作出可报告性决定（含理由）的项目，投诉不能结案。',
    en: 'An adverse-event evaluation still lacks a reportability decision with its rationale; the complaint cannot close.',
  },
  ADVERSE_EVENT_DECISION_INVALID: {
    'zh-CN': '该决定无法记录：需填写理由；不报告的项目不能有提交记录；提交时间须在获知之后且不晚于现在。',
    en: 'This decision cannot be recorded: a rationale is required, a not-reportable row has no submission, and the submission time lies between awareness and now.',
  },
  ADVERSE_EVENT_ALREADY_SUBMITTED: {
    'zh-CN': '报告已提交，不能改为不需报告。',
    en: 'The report was submitted already; the decision cannot become not reportable.',
  },
  ADVERSE_EVENT_NOT_COVERED: {
    'zh-CN': '当前适用的法规中没有该事件类型的报告要求，请检查不良事件政策。',
    en: 'No jurisdiction in force asks for a report of this event type; check the adverse-event policy.',
  },
  ADVERSE_EVENT_AWARE_AT_INVALID: {
    'zh-CN': '获知时间不能晚于当前时间。',
    en: 'The time of awareness cannot lie in the future.',
  },
  COST_FORM_NOT_AVAILABLE: {
    'zh-CN': '该责任方没有此类单据（公司自担与顾客承担无费用转移单，内部部门无扣款通知单）。',
    en: 'This party gets no such form (no transfer form for the company or the customer, no deduction notice for an internal department).',
  },
  WRITE_OFF_FORM_NOT_READY: {
    'zh-CN': '暂不能出具产品质量处理核销申报表：方案尚未审批通过，或商定的处理事项尚未全部执行完毕。',
    en: 'The write-off application cannot be made yet: the proposal is not approved, or the agreed solution is not fully carried out.',
  },
  BATCH_CASE_NOT_FOUND: { 'zh-CN': '批量问题案件不存在。', en: 'No such batch case.' },
  QUALITY_REPORT_NOT_FOUND: { 'zh-CN': '质量报告不存在。', en: 'No such quality report.' },
  QUALITY_REPORT_ALREADY_ISSUED: {
    'zh-CN': '该质量报告已发出，不能再修改。',
    en: 'The quality report was issued already and can no longer change.',
  },
  BATCH_CASE_ALREADY_OPEN: {
    'zh-CN': '该产品、批次与失效模式已有未结案的批量问题案件，请在该案件中处理。',
    en: 'A batch case for this product, batch and failure mechanism is still open; work in that case.',
  },
  BATCH_CASE_COMPLAINT_MISMATCH: {
    'zh-CN': '关联的投诉与案件的产品或批次不一致，请确认产品与批号。',
    en: 'A complaint to link names another product or batch than the case; confirm product and batch.',
  },
  BATCH_CASE_STATE_INVALID: {
    'zh-CN': '批量问题案件当前状态不允许此操作。',
    en: 'The batch case is not at a step where this can be done.',
  },
  BATCH_INVESTIGATION_MISSING: {
    'zh-CN': '质量部尚未提交批量调查，总经理暂不能作出处理批示。',
    en: 'Quality has not filed the batch investigation yet; the GM cannot decide before it.',
  },
  BATCH_INVESTIGATION_ALREADY_FILED: {
    'zh-CN': '该案件的批量调查已提交。',
    en: 'The investigation of this case is filed already.',
  },
  BATCH_CASE_NOT_CLOSABLE: {
    'zh-CN': '案件暂不能结案：仍有未完成的下架封存任务，或总经理批示的召回尚未建立或未完成。',
    en: 'The case cannot close yet: seal tasks are open, or the recall the GM decided is missing or not completed.',
  },
  SEAL_REGIONS_EMPTY: {
    'zh-CN': '该批次没有发货记录，请指定需下架封存的地区。',
    en: 'The batch has no shipments; name the regions to seal.',
  },
  SEAL_TASK_NOT_FOUND: { 'zh-CN': '下架封存任务不存在。', en: 'No such seal task.' },
  SEAL_TASK_NOT_OPEN: { 'zh-CN': '该下架封存任务已完成。', en: 'The seal task is done already.' },
  RECALL_NOT_FOUND: { 'zh-CN': '召回记录不存在。', en: 'No such recall.' },
  RECALL_TARGET_NOT_FOUND: { 'zh-CN': '召回对象不存在。', en: 'No such target in this recall.' },
  RECALL_NOT_IN_PROGRESS: {
    'zh-CN': '召回已完成，不能再修改。',
    en: 'The recall is completed and can no longer change.',
  },
  RECALL_SCOPE_EMPTY: {
    'zh-CN': '召回范围内没有任何发货记录（所选批次未发往这些地区）。',
    en: 'The recall scope reaches no shipment: those batches were not shipped to those regions.',
  },
  RECALL_NOT_DECIDED: {
    'zh-CN': '总经理尚未对该案件作出召回批示。',
    en: 'The GM has not decided a recall for this case.',
  },
  RECALL_ALREADY_EXISTS: { 'zh-CN': '该案件已有召回记录。', en: 'The case has a recall already.' },
  RECALL_TARGETS_NOT_NOTIFIED: {
    'zh-CN': '仍有召回对象未通知，不能完成召回。',
    en: 'Some recall targets have not been notified; the recall cannot be completed.',
  },
  RECALL_RECOVERY_INVALID: {
    'zh-CN': '回收数量无效：超过该对象的发货数量，或该对象尚未通知。',
    en: 'Invalid recovered quantity: more than the target received, or the target was not notified yet.',
  },
  SAMPLING_NOT_FOUND: { 'zh-CN': '职能部门抽检记录不存在。', en: 'No such regulator sampling.' },
  RETEST_NOT_ALLOWED: {
    'zh-CN': '只有样品不具代表性时才能申请复检，且只能申请一次。',
    en: 'A re-test can be requested once, and only when the sample was not representative.',
  },
  ORIGINAL_REPORT_ALREADY_RECORDED: {
    'zh-CN': '检测报告原件已登记交质量部。',
    en: 'The original report was recorded as handed to quality already.',
  },
  INVESTIGATION_NOT_EDITABLE: {
    'zh-CN': '投诉尚未进入调查阶段或已结案，调查记录不能修改。',
    en: 'The complaint is not under investigation yet, or is closed: the investigation cannot change.',
  },
  INVESTIGATION_ALREADY_FILED: {
    'zh-CN': '调查记录已提交，如需修改请先重新打开（须填写原因）。',
    en: 'The investigation is filed; reopen it (with a reason) to change it.',
  },
  INVESTIGATION_NOT_FILED: {
    'zh-CN': '调查记录尚未提交，无需重新打开。',
    en: 'The investigation is not filed, so there is nothing to reopen.',
  },
  INVESTIGATION_INCOMPLETE: {
    'zh-CN': '调查记录不完整，暂不能提交，请按列出的问题补全。',
    en: 'The investigation cannot be filed yet; complete the listed items.',
  },
  INTERNAL_ERROR: {
    'zh-CN': '服务器内部错误，请联系管理员并提供请求编号。',
    en: 'Internal error; contact your administrator with the request id.',
  },
  INVALID_CREDENTIALS: { 'zh-CN': '用户名或密码错误。', en: 'Wrong username or password.' },
  ACCOUNT_LOCKED: {
    'zh-CN': '密码错误次数过多，账号已临时锁定。',
    en: 'Too many wrong passwords; the account is temporarily locked.',
  },
  ACCOUNT_DISABLED: {
    'zh-CN': '账号已停用，请联系管理员。',
    en: 'This account is disabled; contact your administrator.',
  },
  PASSWORD_CHANGE_REQUIRED: {
    'zh-CN': '请先修改初始密码。',
    en: 'Please change your initial password first.',
  },
  PASSWORD_POLICY_VIOLATION: {
    'zh-CN': '新密码不符合要求：至少 10 位，包含字母、数字、符号中的两类，不含用户名，不能是常见弱密码。',
    en: 'The new password is too weak: at least 10 characters, two of letters/digits/symbols, not the username, not a common password.',
  },
  CURRENT_PASSWORD_WRONG: { 'zh-CN': '当前密码不正确。', en: 'The current password is wrong.' },
  USER_NOT_FOUND: { 'zh-CN': '用户不存在。', en: 'No such user.' },
  USERNAME_TAKEN: { 'zh-CN': '用户名已被使用。', en: 'This username is taken.' },
  LAST_ADMIN: {
    'zh-CN': '不能停用或降级最后一位管理员。',
    en: 'The last administrator cannot be disabled or demoted.',
  },
  DEPARTMENT_NOT_FOUND: { 'zh-CN': '部门不存在。', en: 'No such department.' },
  DEPARTMENT_CODE_TAKEN: { 'zh-CN': '部门编码已存在。', en: 'This department code is taken.' },
  DEPARTMENT_CYCLE: {
    'zh-CN': '不能把部门移到它自己或它的下级部门之下。',
    en: 'A department cannot move under itself or its own sub-department.',
  },
  DEPARTMENT_NOT_EMPTY: {
    'zh-CN': '部门下还有子部门或人员，不能删除。',
    en: 'The department still has sub-departments or members.',
  },
  DEPARTMENT_IMPORT_INVALID: {
    'zh-CN': '导入文件有错误，未导入任何数据，请按行号修正。',
    en: 'The import file has errors; nothing was imported. Fix the listed lines.',
  },
  TOKEN_NOT_FOUND: { 'zh-CN': 'API 令牌不存在。', en: 'No such API token.' },
  TOKEN_SCOPE_EXCEEDS_GRANT: {
    'zh-CN': '令牌权限不能超出其所属用户的权限。',
    en: "A token cannot carry permissions its owner doesn't have.",
  },
  OUTBOX_EVENT_NOT_FOUND: { 'zh-CN': '事件不存在。', en: 'No such event.' },
  OUTBOX_EVENT_NOT_DEAD: {
    'zh-CN': '只有投递失败（死信）的事件才能手动重试。',
    en: 'Only dead-lettered events can be retried by hand.',
  },
  JOB_NOT_FOUND: { 'zh-CN': '任务不存在。', en: 'No such job.' },
  JOB_NOT_DEAD: {
    'zh-CN': '只有失败（死信）的任务才能手动重试。',
    en: 'Only dead jobs can be retried by hand.',
  },
  PRESET_NOT_FOUND: { 'zh-CN': '预置方案不存在。', en: 'No such preset.' },
  CUSTOMER_NOT_FOUND: { 'zh-CN': '顾客档案不存在。', en: 'No such customer.' },
  CUSTOMER_CODE_TAKEN: { 'zh-CN': '顾客编码已存在。', en: 'This customer code is taken.' },
  PRODUCT_NOT_FOUND: { 'zh-CN': '产品不存在。', en: 'No such product.' },
  PRODUCT_CODE_TAKEN: { 'zh-CN': '产品编码已存在。', en: 'This product code is taken.' },
  BATCH_NOT_FOUND: { 'zh-CN': '批号不存在。', en: 'No such batch.' },
  BATCH_TAKEN: { 'zh-CN': '该产品已有此批号。', en: 'This product already has a batch with this number.' },
  SHIPMENT_NOT_FOUND: { 'zh-CN': '发货记录不存在。', en: 'No such shipment.' },
  SHIPMENT_REFERENCE_TAKEN: {
    'zh-CN': '该外部单号（如发货单号）已被另一条发货记录使用。',
    en: 'Another shipment already has this external reference.',
  },
  REFERENCE_IMPORT_INVALID: {
    'zh-CN': '导入数据有错误，未导入任何数据，请按行号修正。',
    en: 'The import has errors; nothing was imported. Fix the listed rows.',
  },
  COMPLAINT_NOT_FOUND: { 'zh-CN': '投诉单不存在。', en: 'No such complaint.' },
  PROPOSAL_NOT_FOUND: { 'zh-CN': '处理方案不存在。', en: 'No such compensation proposal.' },
  CAPA_ACTION_NOT_FOUND: { 'zh-CN': '纠正预防措施不存在。', en: 'No such CAPA action.' },
  CAPA_SOURCE_NOT_FOUND: {
    'zh-CN': '措施来源（批量案件、质量报告或措施）不存在。',
    en: 'The source (batch case, quality report or action) does not exist.',
  },
  CAPA_ILLEGAL_TRANSITION: {
    'zh-CN': '该措施当前状态不允许此操作。',
    en: 'The action’s current status does not allow this step.',
  },
  CAPA_APPROVAL_REQUIRED: {
    'zh-CN': '预防措施须经总经理批准后方可执行。',
    en: 'A preventive action counts only after the general manager approves it.',
  },
  CAPA_DUE_INVALID: { 'zh-CN': '完成期限不能早于今天。', en: 'The due date cannot be before today.' },
  CAPA_EFFECTIVE_FROM_INVALID: {
    'zh-CN': '生效生产日期不可用：该日期之后生产的批次已再次发生同类问题，或日期超过一年以后。',
    en: 'This effective production date cannot be used: the problem already recurred on batches produced from it, or it is more than a year ahead.',
  },
  CAPA_VERIFICATION_NOTE_REQUIRED: {
    'zh-CN': '无法根据生产和售后数据判定有效性，请填写验证依据。',
    en: 'The data cannot judge this action’s effectiveness; write the evidence of your verification.',
  },
  EIGHT_D_NOT_FOUND: { 'zh-CN': '8D 报告不存在。', en: 'No such 8D report.' },
  EIGHT_D_CLOSED: { 'zh-CN': '8D 报告已结案，不能修改。', en: 'The 8D report is closed.' },
  EIGHT_D_INCOMPLETE: {
    'zh-CN': '8D 报告 D1–D8 尚未填写完整，不能结案。',
    en: 'The 8D report cannot close before D1–D8 are complete.',
  },
  DISPOSAL_NOT_FOUND: { 'zh-CN': '不合格品处置单不存在。', en: 'No such nonconformity disposal.' },
  DISPOSAL_ILLEGAL_TRANSITION: {
    'zh-CN': '该处置单当前状态不允许此操作。',
    en: 'The disposal’s current status does not allow this step.',
  },
  DISPOSAL_OBJECTION_WINDOW_CLOSED: {
    'zh-CN': '公示期已过，不再受理异议。',
    en: 'The objection window has ended; objections are no longer accepted.',
  },
  DISPOSAL_APPROVAL_REQUIRED: {
    'zh-CN': '处置决定尚未经总工程师批准公示，暂不受理异议。',
    en: 'The decision has not been approved by the chief engineer and published yet; it takes no objections.',
  },
  DISPOSAL_SELF_APPROVAL: {
    'zh-CN': '不能批准自己编写或复查的处置决定，须由另一位总工程师批准',
    en: 'You cannot approve a disposal decision you wrote or re-investigated; another chief engineer must approve it',
  },
  PROPOSAL_NOT_PENDING: {
    'zh-CN': '该方案已不在审批中（已批准、已驳回或已被新版本取代）。',
    en: 'The proposal is no longer awaiting signatures (approved, rejected or superseded).',
  },
  PROPOSAL_STALE: {
    'zh-CN': '方案已被修改，您看到的不是当前版本，请刷新后重新签署。',
    en: 'The proposal was edited since you opened it; reload and sign the current version.',
  },
  PROPOSAL_NOT_ALLOWED: {
    'zh-CN': '投诉单当前状态不能提出处理方案。',
    en: 'A solution cannot be proposed at this step of the complaint.',
  },
  AMOUNT_BELOW_LEGAL_FLOOR: {
    'zh-CN': '金额低于法定标准（法律规定的最低赔偿或退货/换货权利）。',
    en: 'The amount is below the legal floor or remedy.',
  },
  CASH_BEFORE_VERIFICATION: {
    'zh-CN': '存在恶意投诉迹象，核实完成前不得给予现金补偿。',
    en: 'Malicious signals: no cash before the verification is done.',
  },
  SIGNER_NOT_AUTHORIZED: {
    'zh-CN': '您无权签署当前审批步骤（角色或委托不符）。',
    en: 'Neither your roles nor a delegation allow you to sign the open approval step.',
  },
  SELF_APPROVAL_REFUSED: {
    'zh-CN': '方案提出人不能审批自己的方案。',
    en: 'The proposer cannot approve their own proposal.',
  },
  REASON_REQUIRED: { 'zh-CN': '请填写理由。', en: 'A reason is required.' },
  SIGNATURE_REAUTH_FAILED: {
    'zh-CN': '密码错误，电子签名未生效。',
    en: 'Wrong password: the electronic signature was not recorded.',
  },
  SIGNATURE_CHALLENGE_INVALID: {
    'zh-CN': '签名请求无效、已过期或已使用，请重新发起签名。',
    en: 'The signing challenge is invalid, expired or already used; start the signature again.',
  },
  SIGNATURE_REQUIRED: {
    'zh-CN': '该方案需电子签名审批，请在补偿审批中签署。',
    en: 'This solution is under electronic-signature approval; sign it in the compensation approvals.',
  },
  DELEGATION_NOT_FOUND: { 'zh-CN': '委托不存在。', en: 'No such delegation.' },
  DELEGATION_INVALID: {
    'zh-CN': '委托无效：不能委托给自己，结束时间须晚于开始时间且在将来。',
    en: 'Invalid delegation: not to yourself, and the window must end after it starts and in the future.',
  },
  TASK_NOT_FOUND: { 'zh-CN': '执行任务不存在。', en: 'No such execution task.' },
  TASK_NOT_OPEN: { 'zh-CN': '该任务已完成或已取消。', en: 'The task is done or cancelled already.' },
  EXECUTION_INCOMPLETE: {
    'zh-CN': '方案尚有未完成的执行任务，不能办结。',
    en: 'Execution tasks of the agreed solution are still open.',
  },
  COMPLAINT_REFERENCE_NOT_FOUND: {
    'zh-CN': '投诉中引用的产品或顾客不存在。',
    en: 'The product or customer named in the complaint does not exist.',
  },
  COMPLAINT_LINK_NOT_FOUND: { 'zh-CN': '没有这条关联建议。', en: 'No such suggested link.' },
  PORTAL_COMPLAINT_NOT_FOUND: {
    'zh-CN': '未找到该投诉，请核对投诉编号和手机号后四位。',
    en: 'No complaint found; check the number and the last four digits of the phone.',
  },
  PORTAL_ACTION_NOT_AVAILABLE: {
    'zh-CN': '当前状态下不能进行此操作。',
    en: 'This is not possible in the current state.',
  },
  POLICY_NOT_FOUND: { 'zh-CN': '没有这项规则配置。', en: 'No such policy.' },
  ILLEGAL_TRANSITION: {
    'zh-CN': '投诉单当前状态下不能执行此操作，可执行的操作见 details.allowed。',
    en: 'Not allowed in the current state; details.allowed lists what is.',
  },
  TRANSITION_GUARD_FAILED: {
    'zh-CN': '操作条件不满足，详见 details。',
    en: 'A condition of this step is not met; see details.',
  },
  CUSTOM_FIELD_INVALID: {
    'zh-CN': '自定义字段有误，详见 details.problems。',
    en: 'Custom fields are invalid; see details.problems.',
  },
  RECEIVED_AT_INVALID: {
    'zh-CN': '受理时间无效（不能晚于当前时间）。',
    en: 'The received time is invalid (it cannot be in the future).',
  },
  POLICY_INVALID: {
    'zh-CN': '规则配置有误，详见 details.problems。',
    en: 'The policy is invalid; see details.problems.',
  },
  SEVERITY_NOT_IN_TAXONOMY: {
    'zh-CN': '严重等级不在本公司的分级表中。',
    en: "The severity is not a class of the company's taxonomy.",
  },
  MAJOR_REMOVAL_REASON_REQUIRED: {
    'zh-CN': '该投诉由规则判定为重大投诉，取消需要填写理由。',
    en: 'The rules made this a major complaint; give a reason to remove it.',
  },
  MAJOR_REMOVAL_FORBIDDEN: {
    'zh-CN': '涉及人身伤害的投诉不能取消重大投诉标记，请先更正伤害情况。',
    en: 'An injury made this a major complaint; correct the injury answer instead.',
  },
  CALENDAR_INVALID: {
    'zh-CN': '工作日历设置有误，详见 details.problems。',
    en: 'The business calendar is invalid; see details.problems.',
  },
  HOLIDAY_DATA_INVALID: {
    'zh-CN': '节假日数据文件格式有误，未导入任何数据。',
    en: 'The holiday data file is malformed; nothing was imported.',
  },
  CALENDAR_YEAR_NOT_FOUND: {
    'zh-CN': '该年度没有已导入的节假日数据（已按临时日历处理）。',
    en: 'No holiday data is stored for that year (it is provisional already).',
  },
  DEADLINE_POLICY_INVALID: {
    'zh-CN': '时限规则有误，详见 details.problems。',
    en: 'The deadline policy is invalid; see details.problems.',
  },
  EVIDENCE_NOT_FOUND: { 'zh-CN': '该投诉下没有这份证据。', en: 'No such evidence on this complaint.' },
  EVIDENCE_THUMBNAIL_NOT_AVAILABLE: {
    'zh-CN': '该证据没有缩略图（不是图片，或该格式无法预览，如 HEIC），请下载原文件查看。',
    en: 'No thumbnail for this evidence (not an image, or a format that cannot be previewed, e.g. HEIC); download the file.',
  },
  EVIDENCE_TYPE_NOT_ALLOWED: {
    'zh-CN':
      '不支持该文件类型（按文件内容识别，与文件名无关）。可上传照片（JPEG、PNG、GIF、WebP、HEIC）、视频（MP4、MOV、3GP）或 PDF。',
    en: 'This file type is not allowed (judged by content, not name). Upload photos (JPEG, PNG, GIF, WebP, HEIC), videos (MP4, MOV, 3GP) or PDFs.',
  },
  EVIDENCE_TOO_LARGE: {
    'zh-CN': '文件超过该类型允许的大小，详见 details.maxBytes。',
    en: 'The file is larger than allowed for its type; see details.maxBytes.',
  },
  EVIDENCE_TOO_MANY_FILES: {
    'zh-CN': '一次上传的文件过多，详见 details.max。',
    en: 'Too many files in one upload; see details.max.',
  },
  EVIDENCE_RANGE_NOT_SATISFIABLE: {
    'zh-CN': '请求的字节范围超出文件大小。',
    en: 'The requested byte range is outside the file.',
  },
};
