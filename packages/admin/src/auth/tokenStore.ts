/** Where the session lives between reloads; one place so tests and logout agree. */
export interface SessionUser {
  id: string;
  email: string;
  name: string;
  roles: string[];
  /** A partner user's roles in its organisation; absent or empty for staff. */
  partnerRoles?: string[];
  /** OPERATOR for staff, the partner's kind for a partner user (older sessions: absent, staff). */
  organizationKind?: string;
}

export interface BranchRef {
  id: string;
  code: string;
  name: string;
}

/** The branch a session works in (机构选择) and the ones it may choose among. */
export interface SessionBranches {
  /** The branch the session works in; null for head office or until one is chosen. */
  branch?: BranchRef | null;
  /** The user's branches; empty for head office. */
  branches?: BranchRef[];
  /** True while a member of several branches has not chosen one. */
  branchChoiceRequired?: boolean;
}

const ACCESS = "clinigraph.accessToken";
const REFRESH = "clinigraph.refreshToken";
const USER = "clinigraph.user";
const BRANCHES = "clinigraph.branches";

function readJson<T>(key: string): T | null {
  const raw = localStorage.getItem(key);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return null;
  }
}

export const tokenStore = {
  accessToken: (): string | null => localStorage.getItem(ACCESS),
  refreshToken: (): string | null => localStorage.getItem(REFRESH),
  user: (): SessionUser | null => readJson<SessionUser>(USER),
  branches: (): SessionBranches => readJson<SessionBranches>(BRANCHES) ?? {},
  save(
    session: { accessToken: string; refreshToken?: string | null; user?: SessionUser | null } & SessionBranches,
  ): void {
    localStorage.setItem(ACCESS, session.accessToken);
    if (session.refreshToken) localStorage.setItem(REFRESH, session.refreshToken);
    if (session.user) localStorage.setItem(USER, JSON.stringify(session.user));
    if (session.branches !== undefined)
      localStorage.setItem(
        BRANCHES,
        JSON.stringify({
          branch: session.branch ?? null,
          branches: session.branches,
          branchChoiceRequired: session.branchChoiceRequired ?? false,
        }),
      );
  },
  clear(): void {
    localStorage.removeItem(ACCESS);
    localStorage.removeItem(REFRESH);
    localStorage.removeItem(USER);
    localStorage.removeItem(BRANCHES);
  },
};
