import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { requireTenantRole } from '../auth/access.js';
import { SESSION_COOKIE } from '../auth/authenticate.js';
import { ApiError } from '../http/errors.js';
import { newSecret } from '../http/ids.js';
import { type CairnApp, userOf } from '../http/types.js';
import type { Platform } from '../services/platform.js';
import {
  acceptInvite,
  createInvite,
  endSession,
  type SignIn,
  signIn,
} from '../services/sessions.js';
import { insertUser } from '../services/users.js';

/**
 * Sign-in attempts per (address, e-mail) and per address, per minute. Known shortcoming: the
 * counters live in this process's memory, so several server processes each allow the limit.
 */
const LOGIN_LIMIT = { perAccount: 10, perAddress: 50 };

/** Built-in accounts: sign-in, sign-out, CSRF token, invite links (no mail server assumed). */
export function sessionRoutes(app: CairnApp, platform: Platform): void {
  const { db } = platform.store;
  const secure = platform.config.publicUrl.startsWith('https:');

  const setSession = (reply: FastifyReply, session: SignIn) => {
    reply.setCookie(SESSION_COOKIE, session.sessionId, {
      httpOnly: true,
      sameSite: 'lax',
      secure,
      path: '/',
      maxAge: 12 * 3600,
    });
    reply.header('qlik-csrf-token', session.csrfToken);
  };
  const emailOf = (request: FastifyRequest) => {
    const body = request.body as { email?: unknown } | undefined;
    return typeof body?.email === 'string' ? body.email.toLowerCase() : '';
  };

  app.post(
    '/login',
    {
      schema: {
        tags: ['sessions'],
        body: z.strictObject({
          email: z.string().min(1).max(320),
          password: z.string().min(1).max(1024),
        }),
      },
      config: {
        public: true,
        rateLimit: {
          max: LOGIN_LIMIT.perAccount,
          timeWindow: '1 minute',
          hook: 'preHandler',
          keyGenerator: (r: FastifyRequest) => `${r.ip}|${emailOf(r)}`,
        },
      },
    },
    async (request, reply) => {
      const session = await signIn(db, {
        ...request.body,
        host: request.hostname.replace(/:\d+$/, '').toLowerCase(),
      });
      setSession(reply, session);
      return { tenantId: session.tenantId, userId: session.userId };
    },
  );

  app.post(
    '/logout',
    { schema: { tags: ['sessions'] }, config: { public: true } },
    async (request, reply) => {
      const cookie = request.cookies[SESSION_COOKIE];
      if (cookie) await endSession(db, cookie);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      reply.code(204);
    },
  );

  app.get('/api/v1/csrf-token', { schema: { tags: ['sessions'] } }, async (request, reply) => {
    const user = userOf(request);
    // Bearer callers need no token (no ambient credential); they get a fresh throwaway one.
    reply.header('qlik-csrf-token', user.csrfToken ?? newSecret('csrf'));
    reply.code(204);
  });

  app.post(
    '/api/v1/users/actions/invite',
    {
      schema: {
        tags: ['users'],
        body: z.strictObject({
          invitees: z
            .array(
              z.strictObject({
                email: z.email(),
                name: z.string().max(300).optional(),
                language: z.string().max(20).optional(),
                resend: z.boolean().optional(),
              }),
            )
            .min(1)
            .max(100),
        }),
      },
    },
    async (request, reply) => {
      const admin = userOf(request);
      requireTenantRole(admin, 'TenantAdmin');
      const data = [];
      for (const invitee of request.body.invitees) {
        const email = invitee.email.toLowerCase();
        let user = await db
          .selectFrom('users')
          .selectAll()
          .where('tenant_id', '=', admin.tenantId)
          .where('email', '=', email)
          .executeTakeFirst();
        if (user && user.status !== 'invited' && !invitee.resend) {
          data.push({ email, status: 'exists', userId: user.id, subject: user.subject });
          continue;
        }
        user ??= await insertUser(db, {
          tenantId: admin.tenantId,
          subject: email,
          name: invitee.name ?? email,
          email,
          roles: [],
          status: 'invited',
        });
        const token = await createInvite(db, admin.tenantId, user.id);
        // Cairn extension: the link an admin hands over, since no mail server is assumed.
        data.push({
          email,
          status: 'ok',
          userId: user.id,
          subject: user.subject,
          inviteLink: `${platform.config.publicUrl}/login/invite/${token}`,
        });
      }
      reply.code(207);
      return { data };
    },
  );

  app.post(
    '/login/invite/:token',
    {
      schema: {
        tags: ['sessions'],
        params: z.strictObject({ token: z.string().max(200) }),
        body: z.strictObject({ password: z.string().max(1024) }),
      },
      config: { public: true, rateLimit: { max: LOGIN_LIMIT.perAddress, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      if (!request.params.token.startsWith('inv_'))
        throw new ApiError('HTTP-404', 'this invite link is unknown, used or expired');
      const session = await acceptInvite(db, request.params.token, request.body.password);
      setSession(reply, session);
      return { tenantId: session.tenantId, userId: session.userId };
    },
  );
}
