import type { AppMessages } from "../types";

/** The console screen of the configurable document types (ADMIN). */
export const document_type_admin: AppMessages["clinigraph"]["document_type_admin"] = {
  create: "Nuevo tipo de documento",
  edit: "Editar",
  code: "Código",
  code_hint: "Mayúsculas, dígitos y _, p. ej. RX_DENTAL. No se puede cambiar después.",
  name: "Nombre",
  description: "Descripción",
  required_for: "Obligatorio antes de enviar reclamaciones de tipo",
  active: "Activo",
  position: "Orden",
  saved: "Tipo de documento guardado",
};
