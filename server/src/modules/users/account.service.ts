/**
 * A user's own account, for everyone signed in: the sessions they have open (ending any of them, or all but
 * this one) and their password.
 */
import type { PasswordChange, SessionList, SessionsEnded } from '../../../../contract/users';
import type { Deps } from '../../deps';
import { AppError, notFound } from '../../lib/errors';
import { unitOfWork } from '../audit/unit-of-work';
import type { Actor } from '../auth/auth.policy';
import {
  hashPassword,
  hashToken,
  passwordAttemptSucceeded,
  reservePasswordAttempt,
  verifyPassword,
} from '../auth/auth.service';
import { canManageOwnAccount } from './users.policy';
import { toSessionInfo } from './users.presenter';
import * as repo from './users.repository';

const own = (actor: Actor) => ({ id: actor.userId });

export async function listMySessions(deps: Deps, actor: Actor, token: string | null): Promise<SessionList> {
  const rows = await repo.listLiveSessions(deps.db, actor.userId, deps.clock.now());
  const current = token ? hashToken(token) : null;
  return { items: rows.map((s) => toSessionInfo(s, current)) };
}

/** End one of one's own sessions (another person's answers 404); answers whether it was this one. */
export async function endMySession(
  deps: Deps,
  actor: Actor,
  token: string | null,
  sessionId: string,
): Promise<{ current: boolean }> {
  return unitOfWork(deps, actor, async (uow) => {
    uow.authorise(canManageOwnAccount(actor, own(actor)));
    const ended = await repo.deleteSessionOfUser(uow.tx, actor.userId, sessionId);
    if (!ended) throw notFound();
    const current = token !== null && ended.tokenHash === hashToken(token);
    await uow.record({
      action: 'session.end',
      entityType: 'user',
      entityId: actor.userId,
      orgUnitId: actor.orgUnitId,
      before: { session: ended.id, createdAt: ended.createdAt.toISOString(), ip: ended.ip, current },
    });
    return { current };
  });
}

/** End every session of one's own but this one. */
export async function endMyOtherSessions(
  deps: Deps,
  actor: Actor,
  token: string | null,
): Promise<SessionsEnded> {
  return unitOfWork(deps, actor, async (uow) => {
    uow.authorise(canManageOwnAccount(actor, own(actor)));
    const ended = await repo.deleteSessionsOfUser(
      uow.tx,
      actor.userId,
      uow.now,
      token ? hashToken(token) : undefined,
    );
    await uow.record({
      action: 'session.end_others',
      entityType: 'user',
      entityId: actor.userId,
      orgUnitId: actor.orgUnitId,
      after: { ended },
    });
    return { ended };
  });
}

/**
 * Change one's own password: the current one first (counted like a login attempt, so a borrowed session
 * cannot guess it), then the new one, which must differ. Every other session of the user ends.
 */
export async function changeMyPassword(
  deps: Deps,
  actor: Actor,
  token: string | null,
  input: PasswordChange,
): Promise<SessionsEnded> {
  if (input.newPassword === input.currentPassword) {
    throw new AppError('validation_failed', 400, 'Mật khẩu mới phải khác mật khẩu hiện tại.', [
      { path: 'newPassword', message: 'Mật khẩu mới phải khác mật khẩu hiện tại.' },
    ]);
  }
  const user = await repo.findUserById(deps.db, actor.userId);
  if (!user) throw notFound();
  await reservePasswordAttempt(deps, user.username);
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError('wrong_password', 400, undefined, [
      { path: 'currentPassword', message: 'Mật khẩu hiện tại không đúng.' },
    ]);
  }
  await passwordAttemptSucceeded(deps, user.username);
  const passwordHash = await hashPassword(input.newPassword);
  return unitOfWork(deps, actor, async (uow) => {
    uow.authorise(canManageOwnAccount(actor, user));
    await repo.setPassword(uow.tx, user.id, passwordHash, false, uow.now);
    const ended = await repo.deleteSessionsOfUser(
      uow.tx,
      user.id,
      uow.now,
      token ? hashToken(token) : undefined,
    );
    await uow.record({
      action: 'user.password_change',
      entityType: 'user',
      entityId: user.id,
      orgUnitId: user.orgUnitId,
      // that it happened, never the password or its hash
      after: { mustChangePassword: false, otherSessionsEnded: ended },
    });
    return { ended };
  });
}
