import { CacheProvider } from "@emotion/react";
import { lazy, useSyncExternalStore } from "react";
import { Admin, Resource } from "react-admin";
import { createAuthProvider } from "./auth/authProvider";
import { API_URL } from "./config";
import { createDataProvider } from "./data/dataProvider";
import { createGraphQLClient } from "./data/graphqlClient";
import { createLocaleState } from "./i18n/i18nProvider";
import { LoginPage } from "./layout/LoginPage";
import { emotionCaches, themeFor } from "./layout/theme";
import { RESOURCE_META } from "./resources/registry";

// Each view is its own chunk: a user who only reads lists never downloads the form code.
const GenericList = lazy(() => import("./views/GenericList"));
const GenericShow = lazy(() => import("./views/GenericShow"));
const GenericEdit = lazy(() => import("./views/GenericEdit"));
const GenericCreate = lazy(() => import("./views/GenericCreate"));

const client = createGraphQLClient(API_URL);
const dataProvider = createDataProvider(RESOURCE_META, client.request);
const authProvider = createAuthProvider(client);
const localeState = createLocaleState();

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
        theme={themeFor(direction)}
        disableTelemetry
      >
        {RESOURCE_META.resources.map((resource) => (
          <Resource
            key={resource.name}
            name={resource.name}
            list={GenericList}
            show={resource.oneQuery ? GenericShow : undefined}
            edit={resource.update && resource.oneQuery ? GenericEdit : undefined}
            create={resource.create ? GenericCreate : undefined}
            recordRepresentation={resource.representation}
          />
        ))}
      </Admin>
    </CacheProvider>
  );
}
