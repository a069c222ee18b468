import type { RaMessages } from "../types";

/** Messages of react-admin 5 that the Spanish pack (written for react-admin 4) lacks or words differently. */
export const ra: RaMessages = {
  ra: {
    action: {
      reset: "Restablecer",
      search_columns: "Buscar columnas",
      select_all_button: "Seleccionar todo",
    },
    page: {
      // the pack's "#%{id}" would title a page with a UUID; react-admin 5 passes the record's representation
      edit: "%{name} %{recordRepresentation}",
      show: "%{name} %{recordRepresentation}",
      access_denied: "Acceso denegado",
      authentication_error: "Error de autenticación",
    },
    message: {
      delete_title: "Eliminar %{name} %{recordRepresentation}",
      bulk_update_content:
        "¿Seguro que quiere actualizar %{name} %{recordRepresentation}? |||| ¿Seguro que quiere actualizar estos %{smart_count} elementos?",
      bulk_update_title: "Actualizar %{name} %{recordRepresentation} |||| Actualizar %{smart_count} %{name}",
      access_denied: "No tiene los permisos necesarios para acceder a esta página",
      authentication_error:
        "El servidor de autenticación devolvió un error y no se pudieron verificar sus credenciales.",
      select_all_limit_reached:
        "Hay demasiados elementos para seleccionarlos todos. Solo se seleccionaron los primeros %{max}.",
      placeholder_data_warning: "Problema de red: no se pudieron actualizar los datos.",
    },
    navigation: {
      clear_filters: "Quitar filtros",
      no_filtered_results: "No se encontraron %{name} con los filtros actuales.",
    },
    sort: { sort_by: "Ordenar por %{field_lower_first} %{order}" },
    auth: { email: "Correo electrónico" },
    notification: { offline: "Sin conexión. No se pudieron obtener los datos." },
    validation: { unique: "Debe ser único" },
    guesser: {
      empty: {
        title: "No hay datos para mostrar",
        message: "Revise el proveedor de datos",
      },
    },
  },
};
