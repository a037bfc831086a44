/** The editing state: the server, who is signed in, the server's ledger and what is being edited. */
import { create } from 'zustand';
import type { Initiative } from '../../../core/ledger/model.ts';
import type { ServerRow, User } from '../../api/client.ts';
import type { RowMeta } from '../../api/rows.ts';

export type ServerState = 'checking' | 'none' | 'up';

export interface Conflict {
  id: string;
  /** What this user tried to write (changed columns only). */
  mine: Partial<Initiative>;
  note: string;
  current: ServerRow;
  fields: (keyof Initiative)[];
}

export interface EditState {
  server: ServerState;
  user: User | null;
  /** The ledger as the server holds it (null on a static host or before it is read). */
  ledger: Initiative[] | null;
  meta: Map<string, RowMeta>;
  etag: string | null;
  /** 'add': the next map click places a new project; 'move': the selected pin is draggable. */
  mode: 'idle' | 'add' | 'move';
  /** Where a new project goes (set by the map click in add mode). */
  draft: { lon: number; lat: number } | null;
  /** A pin dropped somewhere, waiting for its precision and source. */
  moved: { id: string; lon: number; lat: number } | null;
  conflict: Conflict | null;
  /** The last deleted project, for Undo. */
  undo: { id: string; name: string } | null;
  importOpen: boolean;
  /** Bumped after each write so the history re-reads. */
  rev: number;
  set(patch: Partial<EditState>): void;
}

export const useEdit = create<EditState>()((set) => ({
  server: 'checking',
  user: null,
  ledger: null,
  meta: new Map(),
  etag: null,
  mode: 'idle',
  draft: null,
  moved: null,
  conflict: null,
  undo: null,
  importOpen: false,
  rev: 0,
  set: (patch) => set(patch),
}));

export function canEdit(s: Pick<EditState, 'server' | 'user'>): boolean {
  return s.server === 'up' && (s.user?.role === 'editor' || s.user?.role === 'admin');
}

export function useCanEdit(): boolean {
  return useEdit((s) => canEdit(s));
}
