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
