import type { AppMessages } from './types';

export const es: AppMessages = {
  clinigraph: {
    language: 'Idioma',
    errors: { stale_version: 'Otra persona modificó este registro: recárguelo e intente de nuevo' },
    transitions: {
      confirm_title: '¿%{event} %{name}?',
      confirm_content: 'Esta acción no se puede deshacer.',
      reason: 'Motivo',
      reason_code: 'Código de motivo',
      reference: 'Referencia',
      success: 'Hecho: %{event}',
    },
    events: {
      CONFIRM: 'Confirmar', START_EVALUATION: 'Realizar evaluación', SUBMIT_FOR_REVIEW: 'Enviar a verificación',
      APPROVE: 'Validar', REJECT: 'Rechazar', RESUBMIT: 'Reenviar', MARK_BILLED: 'Marcar cobrada',
      SUSPEND: 'Suspender', RESUME: 'Reanudar', VOID: 'Anular', SUBMIT: 'Enviar', START_REVIEW: 'Iniciar revisión',
      RETURN: 'Devolver', DENY: 'Denegar', SETTLE: 'Liquidar', CANCEL: 'Cancelar', ATTEND: 'Asistió',
      NO_SHOW: 'No asistió', CLOSE: 'Cerrar', REOPEN: 'Reabrir', ACTIVATE: 'Activar', DEACTIVATE: 'Desactivar',
    },
  },
  resources: {
    orders: { name: 'Orden de atención |||| Órdenes de atención' }, cases: { name: 'Expediente |||| Expedientes' },
    visits: { name: 'Visita |||| Visitas' }, claims: { name: 'Reclamo |||| Reclamos' },
    patients: { name: 'Paciente |||| Pacientes' }, policies: { name: 'Póliza |||| Pólizas' },
    organizations: { name: 'Organización |||| Organizaciones' }, users: { name: 'Usuario |||| Usuarios' },
    serviceCodes: { name: 'Prestación |||| Prestaciones' }, notifications: { name: 'Notificación |||| Notificaciones' },
    monthlyStatistics: { name: 'Estadística mensual |||| Estadísticas mensuales' },
    auditEvents: { name: 'Evento de auditoría |||| Eventos de auditoría' }, apiKeys: { name: 'Clave API |||| Claves API' },
  },
};
