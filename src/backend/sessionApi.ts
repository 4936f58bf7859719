import type { GapPopulation, SessionPhase } from '../domain/workshop';
import { ApiError } from './apiError';
import type { RpcCall } from './rpcCall';
import type { Appreciation, SessionAction, SessionOverview, WorkshopSession } from './sessionWireTypes';

/** Workshop sessions (supabase/schemas/10_workshops.sql), part of WijkkrachtApi. */
export interface SessionApi {
  /** Facilitators of the werkgebied open a session; it gets a join code valid until the day after. */
  createSession(session: NewSession): Promise<WorkshopSession>;
  /**
   * Joins with a code. A refused code throws ApiError kind `join_refused` with
   * the reason as detail (unknown_code, expired, locked, too_many_attempts).
   */
  joinSession(code: string, firstName?: string): Promise<WorkshopSession>;
  getSession(id: string): Promise<WorkshopSession>;
  listMySessions(): Promise<WorkshopSession[]>;
  setSessionPhase(id: string, phase: SessionPhase): Promise<WorkshopSession>;
  updateSession(id: string, changes: SessionChanges): Promise<WorkshopSession>;
  sessionOverview(id: string): Promise<SessionOverview>;
  /** "Ik waardeer dit": once per person per place; again only changes the reason. */
  appreciate(assetId: string, options?: { reason?: string; sessionId?: string }): Promise<Appreciation>;
  withdrawAppreciation(assetId: string): Promise<Appreciation>;
  addSessionAction(action: NewSessionAction): Promise<SessionAction>;
  updateSessionAction(id: string, changes: { body?: string; takenUpBy?: string }): Promise<SessionAction>;
}

interface NewSession {
  werkgebiedId: string;
  title: string;
  /** yyyy-mm-dd; default today. */
  heldOn?: string;
  publishAtOnce?: boolean;
  showFirstNames?: boolean;
}

interface SessionChanges {
  title?: string;
  joinLocked?: boolean;
  /** A fresh code, valid for a day; the old one stops working. */
  newJoinCode?: boolean;
  publishAtOnce?: boolean;
  showFirstNames?: boolean;
  gapTarget?: GapPopulation;
  gapDistanceM?: number;
  gapAssetTarget?: string;
  gapOnFoot?: boolean;
}

interface NewSessionAction {
  sessionId: string;
  lon: number;
  lat: number;
  body: string;
  takenUpBy?: string;
  idempotencyKey?: string;
}

export function sessionMethods(call: RpcCall): SessionApi {
  return {
    createSession: (session) =>
      call('create_session', {
        p_werkgebied: session.werkgebiedId,
        p_title: session.title,
        p_held_on: session.heldOn ?? null,
        p_publish_at_once: session.publishAtOnce ?? true,
        p_show_first_names: session.showFirstNames ?? true,
      }),
    joinSession: async (code, firstName) => {
      const answer = await call('join_session', { p_code: code, p_first_name: firstName ?? null });
      if (!answer.joined) throw new ApiError('join_refused', `join code refused: ${answer.reason}`, 'WKJOI', answer.reason);
      return answer.session;
    },
    getSession: (id) => call('get_session', { p_session: id }),
    listMySessions: () => call('list_my_sessions', {}),
    setSessionPhase: (id, phase) => call('set_session_phase', { p_session: id, p_phase: phase }),
    updateSession: (id, changes) =>
      call('update_session', {
        p_session: id,
        p_title: changes.title ?? null,
        p_join_locked: changes.joinLocked ?? null,
        p_new_join_code: changes.newJoinCode ?? false,
        p_publish_at_once: changes.publishAtOnce ?? null,
        p_show_first_names: changes.showFirstNames ?? null,
        p_gap_target: changes.gapTarget ?? null,
        p_gap_distance_m: changes.gapDistanceM ?? null,
        p_gap_asset_target: changes.gapAssetTarget ?? null,
        p_gap_on_foot: changes.gapOnFoot ?? null,
      }),
    sessionOverview: (id) => call('session_overview', { p_session: id }),
    appreciate: (assetId, options = {}) =>
      call('appreciate', { p_asset: assetId, p_reason: options.reason ?? null, p_session: options.sessionId ?? null }),
    withdrawAppreciation: (assetId) => call('withdraw_appreciation', { p_asset: assetId }),
    addSessionAction: (action) =>
      call('add_session_action', {
        p_session: action.sessionId,
        p_lon: action.lon,
        p_lat: action.lat,
        p_body: action.body,
        p_taken_up_by: action.takenUpBy ?? null,
        p_idempotency_key: action.idempotencyKey ?? null,
      }),
    updateSessionAction: (id, changes) =>
      call('update_session_action', { p_action: id, p_body: changes.body ?? null, p_taken_up_by: changes.takenUpBy ?? null }),
  };
}
