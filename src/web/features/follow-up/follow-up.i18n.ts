import { defineMessages } from '../../app/define-messages';

export const followUpMessages = defineMessages(
  {
    title: '回访任务',
    tasks: '待回访（解决后第 5–7 天）',
    reviews: '复核队列（方案待审批）',
    state: { upcoming: '未到回访期', due: '应回访', overdue: '回访超期' },
    window: '回访窗口',
    script: '回访话术',
    scriptText:
      '您好，{{name}}，我是客服中心的回访专员。关于您反映的“{{product}}”问题（单号 {{number}}），我们已经处理完毕。请问处理结果您是否满意？还有其他需要我们帮助的吗？',
    record: '记录回访结果',
    recorded: '已记录回访结果',
    empty: '暂无回访任务',
    reviewEmpty: '暂无待复核的方案',
    outcome: '回访结果',
    number: '投诉单号',
    customer: '客户',
    product: '产品',
    status: '状态',
    nextDue: '下一时限',
  },
  {
    title: 'Follow-ups',
    tasks: 'Follow-up calls (day 5–7 after resolution)',
    reviews: 'Re-review queue (proposals awaiting approval)',
    state: { upcoming: 'Not yet', due: 'Due', overdue: 'Overdue' },
    window: 'Window',
    script: 'Call script',
    scriptText:
      'Hello {{name}}, this is the customer service follow-up team. About the problem with “{{product}}” you reported (number {{number}}): it has been handled. Are you satisfied with the result? Is there anything else we can help with?',
    record: 'Record the outcome',
    recorded: 'Outcome recorded',
    empty: 'No follow-ups',
    reviewEmpty: 'No proposals awaiting review',
    outcome: 'Outcome',
    number: 'Number',
    customer: 'Customer',
    product: 'Product',
    status: 'Status',
    nextDue: 'Next deadline',
  },
);
