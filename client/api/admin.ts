import type {
  AdminStation,
  AdminStationList,
  AdminUserList,
  AdminUserView,
  CategoryList,
  CategoryView,
  CreateCategoryBody,
  CreateStationBody,
  FigureGroupsResponse,
  FigureGrouping,
  HotlineImportReport,
  OverdueCasesResponse,
  Role,
  UpdateCategoryBody,
  UpdateStationBody,
} from '@citycare/shared';
import { request, requestText } from './request';

type StationInput = Omit<CreateStationBody, 'kind'> & Partial<Pick<CreateStationBody, 'kind'>>;
type CategoryInput = Omit<CreateCategoryBody, 'stationKinds'> & Partial<Pick<CreateCategoryBody, 'stationKinds'>>;
type OfficerInput = { name: string; role: string; duties?: string[]; photoId?: string | null };

/** The bureau admin's endpoints (城管局): stations, people, categories, hotline import, city figures. */
export const admin = {
  stations(): Promise<AdminStationList> {
    return request('/api/admin/stations', { auth: true });
  },
  addStation(body: StationInput): Promise<AdminStation> {
    return request('/api/admin/stations', { method: 'POST', body, auth: true });
  },
  updateStation(id: string, body: UpdateStationBody): Promise<AdminStation> {
    return request(`/api/admin/stations/${encodeURIComponent(id)}`, { method: 'PUT', body, auth: true });
  },
  setOfficers(id: string, officers: OfficerInput[]): Promise<AdminStation> {
    return request(`/api/admin/stations/${encodeURIComponent(id)}/officers`, { method: 'PUT', body: { officers }, auth: true });
  },
  setStationActive(id: string, active: boolean): Promise<AdminStation> {
    return request(`/api/admin/stations/${encodeURIComponent(id)}/${active ? 'reactivate' : 'deactivate'}`, { method: 'POST', auth: true });
  },

  searchUsers(query: { q: string } | { stationId: string }): Promise<AdminUserList> {
    return request('/api/admin/users/search', { query, auth: true });
  },
  /** Appoint (officer/lead with a station, secretary with a community) or back to resident. */
  setRole(userId: string, body: { role: Role; stationId?: string; community?: string }): Promise<AdminUserView> {
    return request(`/api/admin/users/${encodeURIComponent(userId)}/role`, { method: 'PUT', body, auth: true });
  },

  categories(): Promise<CategoryList> {
    return request('/api/admin/categories', { auth: true });
  },
  addCategory(body: CategoryInput): Promise<CategoryView> {
    return request('/api/admin/categories', { method: 'POST', body, auth: true });
  },
  updateCategory(id: string, body: UpdateCategoryBody): Promise<CategoryView> {
    return request(`/api/admin/categories/${encodeURIComponent(id)}`, { method: 'PUT', body, auth: true });
  },
  setCategoryActive(id: string, active: boolean): Promise<CategoryView> {
    return request(`/api/admin/categories/${encodeURIComponent(id)}/${active ? 'reinstate' : 'retire'}`, { method: 'POST', auth: true });
  },

  /** 12345 hotline cases from a CSV file's text: a report row by row. */
  importHotline(csv: string): Promise<HotlineImportReport> {
    return request('/api/admin/hotline/import', { method: 'POST', body: csv, headers: { 'Content-Type': 'text/csv; charset=utf-8' }, auth: true, timeoutMs: 60_000 });
  },

  figureGroups(by: FigureGrouping, from: string, to: string): Promise<FigureGroupsResponse> {
    return request('/api/figures/groups', { query: { by, from, to }, auth: true });
  },
  figureGroupsCsv(by: FigureGrouping, from: string, to: string): Promise<string> {
    return requestText('/api/figures/groups.csv', { query: { by, from, to } });
  },
  overdue(stationId: string): Promise<OverdueCasesResponse> {
    return request('/api/figures/overdue', { query: { stationId }, auth: true });
  },
};
