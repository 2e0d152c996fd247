import type { Role } from '../roles';

/** The signed-in user as they see themselves (their own phone unmasked). */
export interface MeResponse {
  id: string;
  role: Role;
  name: string;
  phone: string | null;
  stationId: string | null;
  community: string | null;
}

export interface LoginResponse {
  token: string;
  expiresAt: string;
  user: MeResponse;
}

export interface DemoUser {
  openid: string;
  name: string;
  role: Role;
  community: string | null;
  stationId: string | null;
}
