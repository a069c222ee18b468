import type { AppMessages } from "../types";

export const reference_pages: AppMessages["clinigraph"]["reference_pages"] = {
  document: {
    file: "Archivo",
    filed_under: "Archivado en",
    scan_key: "Clave de digitalización",
    attached_by_staff: "Adjuntado por personal del operador, %{when}",
    attached_by_partner: "Adjuntado por %{organization}, %{when}",
    details: "%{format} · %{size}",
    checksum: "Suma de verificación SHA-256",
    history: "Versiones",
    current: "Vigente",
    this_one: "Este documento",
    replaced: "Reemplazado %{when}",
    removed: "Retirado %{when}: %{reason}",
    open: "Abrir",
    claim: "Reclamación",
    visit: "Visita",
  },
  user: {
    head_office: "Casa matriz (todas las sucursales)",
    covered_hospitals: "Hospitales a cargo",
    never_signed_in: "Nunca ha iniciado sesión",
    activity: "Actividad en la auditoría",
    deactivate: "Desactivar",
    deactivate_title: "¿Desactivar a %{name}?",
    deactivate_content: "Ya no podrá iniciar sesión y sus sesiones abiertas terminan ahora.",
    deactivated: "Usuario desactivado",
  },
  calendar: {
    holidays: "Feriados",
    previous_year: "Año anterior",
    next_year: "Año siguiente",
    none: "No hay feriados registrados para %{year}.",
    days: "%{smart_count} día |||| %{smart_count} días",
    closures: "Cierres en %{year}",
    open_days: "Días hábiles adicionales en %{year}",
    weekdays: "domingo,lunes,martes,miércoles,jueves,viernes,sábado",
  },
  service_code: {
    not_used: "Ninguna orden lo solicita ni ninguna reclamación lo factura todavía.",
  },
};
