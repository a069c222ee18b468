/** Where the session lives between reloads; one place so tests and logout agree. */
export interface SessionUser {
  id: string;
  email: string;
  name: string;
  roles: string[];
}

const ACCESS = "clinigraph.accessToken";
const REFRESH = "clinigraph.refreshToken";
const USER = "clinigraph.user";

export const tokenStore = {
  accessToken: (): string | null => localStorage.getItem(ACCESS),
  refreshToken: (): string | null => localStorage.getItem(REFRESH),
  user(): SessionUser | null {
    const raw = localStorage.getItem(USER);
    if (!raw) return null;
    try {
      return JSON.parse(raw) as SessionUser;
    } catch {
      return null;
    }
  },
  save(session: { accessToken: string; refreshToken?: string | null; user?: SessionUser | null }): void {
    localStorage.setItem(ACCESS, session.accessToken);
    if (session.refreshToken) localStorage.setItem(REFRESH, session.refreshToken);
    if (session.user) localStorage.setItem(USER, JSON.stringify(session.user));
  },
  clear(): void {
    localStorage.removeItem(ACCESS);
    localStorage.removeItem(REFRESH);
    localStorage.removeItem(USER);
  },
};
