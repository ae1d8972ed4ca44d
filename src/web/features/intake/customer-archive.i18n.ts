import { defineMessages } from '../../app/define-messages';

export const customerArchiveMessages = defineMessages(
  {
    compensation: '补偿记录',
    agreed: '已约定',
    paid: '已支付',
    lastPaidAt: '最近支付',
    loadFailed: '补偿记录加载失败',
  },
  {
    compensation: 'Compensation history',
    agreed: 'Agreed',
    paid: 'Paid',
    lastPaidAt: 'Last paid',
    loadFailed: 'The compensation history could not be loaded',
  },
);
