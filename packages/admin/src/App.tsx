import { CacheProvider } from "@emotion/react";
import { lazy, useSyncExternalStore } from "react";
import { Admin, CustomRoutes, Resource } from "react-admin";
import { Route } from "react-router-dom";
import { createAuthProvider } from "./auth/authProvider";
import { client, dataProvider } from "./data/api";
import { createLocaleState } from "./i18n/i18nProvider";
import { canCreate, screensFor } from "./layout/access";
import { AppLayout } from "./layout/AppLayout";
import { LoginPage } from "./layout/LoginPage";
import { emotionCaches, themeFor } from "./layout/theme";
import { RESOURCE_META, recordRepresentation } from "./resources/registry";
import { viewsFor } from "./resources/screens";
import { CollectionsPage } from "./payments";
import { VisitAssignment } from "./visits";
import { partnerOf, portalRoutes } from "./portal";

const Dashboard = lazy(() => import("./dashboard/Dashboard"));
const DocumentTypesPage = lazy(() => import("./documents/DocumentTypesPage"));
const FormTemplatesPage = lazy(() => import("./formTemplates/FormTemplatesPage"));
const authProvider = createAuthProvider(client);
const localeState = createLocaleState();

/**
 * Records opened from another page and never listed from the menu: a document from the
 * case, claim or visit it is filed under, for whoever may open one of those.
 */
const OPENED_FROM: Record<string, string[]> = { documents: ["cases", "claims", "visits"] };

/** Resources a role may open; the rest are still registered (without views) so references resolve. */
function resourcesFor(permissions: unknown) {
  const screens = new Set<string>(screensFor(permissions));
  return RESOURCE_META.resources.map((resource) => {
    if (OPENED_FROM[resource.name]?.some((owner) => screens.has(owner))) {
      return (
        <Resource
          key={resource.name}
          name={resource.name}
          show={viewsFor(resource).show}
          recordRepresentation={recordRepresentation(resource)}
        />
      );
    }
    if (!screens.has(resource.name)) {
      return (
        <Resource key={resource.name} name={resource.name} recordRepresentation={recordRepresentation(resource)} />
      );
    }
    const views = viewsFor(resource);
    return (
      <Resource
        key={resource.name}
        name={resource.name}
        list={views.list}
        show={views.show}
        edit={views.edit}
        create={canCreate(permissions, resource.name) ? views.create : undefined}
        recordRepresentation={recordRepresentation(resource)}
      />
    );
  });
}

export function App() {
  const direction = useSyncExternalStore(localeState.subscribe, localeState.direction);
  return (
    <CacheProvider value={emotionCaches[direction]}>
      <Admin
        title="Clinigraph"
        dataProvider={dataProvider}
        authProvider={authProvider}
        i18nProvider={localeState.i18nProvider}
        loginPage={LoginPage}
        layout={AppLayout}
        dashboard={Dashboard}
        theme={themeFor(direction)}
        requireAuth
        disableTelemetry
      >
        {(permissions) =>
          // A partner's user gets the portal only: no operator resource or route is registered.
          partnerOf(permissions) ? (
            portalRoutes(permissions)
          ) : (
            <>
              {resourcesFor(permissions)}
              {screensFor(permissions).includes("visitAssignment") && (
                <CustomRoutes>
                  <Route path="/visit-assignment" element={<VisitAssignment />} />
                </CustomRoutes>
              )}
              {screensFor(permissions).includes("documentTypes") && (
                <CustomRoutes>
                  <Route path="/document-types" element={<DocumentTypesPage />} />
                </CustomRoutes>
              )}
              {screensFor(permissions).includes("formTemplates") && (
                <CustomRoutes>
                  <Route path="/form-templates" element={<FormTemplatesPage />} />
                </CustomRoutes>
              )}
              {screensFor(permissions).includes("collections") && (
                <CustomRoutes>
                  <Route path="/collections" element={<CollectionsPage />} />
                </CustomRoutes>
              )}
            </>
          )
        }
      </Admin>
    </CacheProvider>
  );
}
