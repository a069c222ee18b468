import type { AppMessages } from './types';

export const bg: AppMessages = {
  clinigraph: {
    language: 'Език',
    errors: { stale_version: 'Записът е променен от друг потребител — презаредете и опитайте отново' },
    transitions: {
      confirm_title: '%{event} %{name}?',
      confirm_content: 'Действието не може да бъде отменено.',
      reason: 'Причина',
      reason_code: 'Код на причината',
      reference: 'Референция',
      success: 'Готово: %{event}',
    },
    events: {
      CONFIRM: 'Потвърди', START_EVALUATION: 'Започни оценка', SUBMIT_FOR_REVIEW: 'Изпрати за проверка',
      APPROVE: 'Одобри', REJECT: 'Отхвърли', RESUBMIT: 'Изпрати отново', MARK_BILLED: 'Отбележи като платена',
      SUSPEND: 'Спри временно', RESUME: 'Възобнови', VOID: 'Анулирай', SUBMIT: 'Подай', START_REVIEW: 'Започни преглед',
      RETURN: 'Върни', DENY: 'Откажи', SETTLE: 'Изплати', CANCEL: 'Откажи', ATTEND: 'Явил се',
      NO_SHOW: 'Неявил се', CLOSE: 'Затвори', REOPEN: 'Отвори отново', ACTIVATE: 'Активирай', DEACTIVATE: 'Деактивирай',
    },
  },
  resources: {
    orders: { name: 'Направление |||| Направления' }, cases: { name: 'Преписка |||| Преписки' },
    visits: { name: 'Посещение |||| Посещения' }, claims: { name: 'Претенция |||| Претенции' },
    patients: { name: 'Пациент |||| Пациенти' }, policies: { name: 'Полица |||| Полици' },
    organizations: { name: 'Организация |||| Организации' }, users: { name: 'Потребител |||| Потребители' },
    serviceCodes: { name: 'Код на услуга |||| Кодове на услуги' }, notifications: { name: 'Известие |||| Известия' },
    monthlyStatistics: { name: 'Месечна статистика |||| Месечни статистики' },
    auditEvents: { name: 'Одитно събитие |||| Одитни събития' }, apiKeys: { name: 'API ключ |||| API ключове' },
  },
};
