import type { AppMessages } from './types';

export const zh: AppMessages = {
  clinigraph: {
    language: '语言',
    errors: { stale_version: '此记录已被他人修改，请重新加载后再试' },
    transitions: {
      confirm_title: '%{event}：%{name}？',
      confirm_content: '此操作无法撤销。',
      reason: '原因',
      reason_code: '原因代码',
      reference: '参考号',
      success: '已完成：%{event}',
    },
    events: {
      CONFIRM: '确认', START_EVALUATION: '开始评估', SUBMIT_FOR_REVIEW: '提交审核', APPROVE: '审核通过',
      REJECT: '拒绝', RESUBMIT: '重新提交', MARK_BILLED: '标记已结算', SUSPEND: '暂停', RESUME: '恢复',
      VOID: '作废', SUBMIT: '提交', START_REVIEW: '开始审核', RETURN: '回退', DENY: '拒赔', SETTLE: '结案支付',
      CANCEL: '取消', ATTEND: '已就诊', NO_SHOW: '未到诊', CLOSE: '结案', REOPEN: '重新打开',
      ACTIVATE: '激活', DEACTIVATE: '停用',
    },
  },
  resources: {
    orders: { name: '工单' }, cases: { name: '赔案' }, visits: { name: '探访' }, claims: { name: '理赔' },
    patients: { name: '被保险人' }, policies: { name: '保单' }, organizations: { name: '机构' }, users: { name: '用户' },
    serviceCodes: { name: '服务代码' }, notifications: { name: '通知' }, monthlyStatistics: { name: '月度统计' },
    auditEvents: { name: '审计事件' }, apiKeys: { name: 'API 密钥' },
  },
};
