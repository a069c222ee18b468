import type { AppMessages } from './types';

export const en: AppMessages = {
  clinigraph: {
    language: 'Language',
    errors: { stale_version: 'This record was changed by someone else — reload it and try again' },
    transitions: {
      confirm_title: '%{event} %{name}?',
      confirm_content: 'This cannot be undone.',
      reason: 'Reason',
      reason_code: 'Reason code',
      reference: 'Reference',
      success: 'Done: %{event}',
    },
    events: {
      CONFIRM: 'Confirm', START_EVALUATION: 'Start evaluation', SUBMIT_FOR_REVIEW: 'Submit for review',
      APPROVE: 'Approve', REJECT: 'Reject', RESUBMIT: 'Resubmit', MARK_BILLED: 'Mark billed',
      SUSPEND: 'Suspend', RESUME: 'Resume', VOID: 'Void', SUBMIT: 'Submit', START_REVIEW: 'Start review',
      RETURN: 'Return', DENY: 'Deny', SETTLE: 'Settle', CANCEL: 'Cancel', ATTEND: 'Attended',
      NO_SHOW: 'No-show', CLOSE: 'Close', REOPEN: 'Reopen', ACTIVATE: 'Activate', DEACTIVATE: 'Deactivate',
    },
  },
  resources: {
    orders: { name: 'Order |||| Orders' }, cases: { name: 'Case |||| Cases' }, visits: { name: 'Visit |||| Visits' },
    claims: { name: 'Claim |||| Claims' }, patients: { name: 'Patient |||| Patients' },
    policies: { name: 'Policy |||| Policies' }, organizations: { name: 'Organization |||| Organizations' },
    users: { name: 'User |||| Users' }, serviceCodes: { name: 'Service code |||| Service codes' },
    notifications: { name: 'Notification |||| Notifications' },
    monthlyStatistics: { name: 'Monthly statistic |||| Monthly statistics' },
    auditEvents: { name: 'Audit event |||| Audit events' }, apiKeys: { name: 'API key |||| API keys' },
  },
};
