import { z } from 'zod';
import {
  channelNamePattern,
  channels,
  type Access,
  type ApiResult,
  type ChannelName,
  type ChannelOutput,
  type ChannelParsedInput,
  type Role,
} from '../api';
import { AppError } from './errors';
import type { CallContext, ServiceDeps, Session } from './context';
import { isTrustedSender, type SenderInfo } from './sender';

// Chinese validation messages for every schema, so a bad field reads naturally to the user.
z.config(z.locales.zhCN());

/** A handler of one channel: validated input in, plain data out. */
export type Handler<K extends ChannelName> = (
  input: ChannelParsedInput<K>,
  ctx: CallContext,
) => ChannelOutput<K> | Promise<ChannelOutput<K>>;

/** A domain's handlers: a subset of the contract's channels. */
export type HandlerGroup = { [K in ChannelName]?: Handler<K> };

/** The merged registry: every channel of the contract mapped to its handler, plus the session it serves. */
export interface Registry {
  handlers: { [K in ChannelName]: Handler<K> };
  deps: ServiceDeps;
  session: Session;
  /** Origin whose main frame may call (app://careinspect in Electron, the bridge's origin in tests). */
  trustedOrigin: string;
  /** Validate outputs too (tests and preview); production trusts its own handlers. */
  validateOutput: boolean;
}

/** Options for {@link createRegistry}. */
export interface RegistryOptions {
  trustedOrigin: string;
  validateOutput?: boolean;
}

/**
 * Merges domain handler groups into one registry. Throws on a channel handled twice, on a handler for a
 * channel the contract does not declare, and on a declared channel without a handler, so the contract and
 * the services cannot drift apart silently.
 */
export function createRegistry(deps: ServiceDeps, groups: HandlerGroup[], options: RegistryOptions): Registry {
  const merged: Partial<Record<string, unknown>> = {};
  for (const group of groups) {
    for (const [name, handler] of Object.entries(group)) {
      if (!(name in channels)) throw new Error(`Handler for undeclared channel ${name}`);
      if (merged[name]) throw new Error(`Channel ${name} is handled twice`);
      merged[name] = handler;
    }
  }
  const missing = Object.keys(channels).filter((name) => !merged[name]);
  if (missing.length) throw new Error(`Channels without handler: ${missing.join(', ')}`);
  return {
    handlers: merged as Registry['handlers'],
    deps,
    session: { user: null },
    trustedOrigin: options.trustedOrigin,
    validateOutput: options.validateOutput ?? false,
  };
}

const roleRank: Record<Role, number> = { viewer: 1, inspector: 2, admin: 3 };
const accessRank: Record<Exclude<Access, 'public'>, number> = { viewer: 1, inspector: 2, admin: 3 };

function makeContext(registry: Registry): CallContext {
  return {
    deps: registry.deps,
    session: registry.session,
    now: () => registry.deps.clock().toISOString(),
    actor: () => {
      const user = registry.session.user;
      if (!user) throw new AppError('UNAUTHENTICATED', '请先登录');
      return { id: user.id, name: user.displayName, role: user.role };
    },
  };
}

function formatIssues(error: z.ZodError): Array<{ path: string; message: string }> {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

/** Turns anything a handler threw into the error half of an answer; unknown errors never leak internals. */
export function toApiError(error: unknown): Extract<ApiResult<never>, { ok: false }>['error'] {
  if (error instanceof AppError) {
    return { code: error.code, message: error.message, ...(error.issues ? { issues: error.issues } : {}) };
  }
  if (error instanceof z.ZodError) {
    const issues = formatIssues(error);
    return { code: 'VALIDATION', message: `数据校验失败：${issues.map((i) => `${i.path} ${i.message}`).join('；')}`, issues };
  }
  const sqliteCode = (error as { code?: unknown } | null)?.code;
  if (typeof sqliteCode === 'string' && sqliteCode.startsWith('SQLITE_CONSTRAINT')) {
    return { code: 'CONFLICT', message: '数据与已有记录冲突（重复或仍被引用），未作任何修改' };
  }
  return { code: 'INTERNAL', message: '程序内部错误，操作未完成。请重试；如仍失败，请联系管理员并提供操作日志。' };
}

/**
 * The one entry point of every call, from Electron IPC and from the test bridge alike: checks the sender,
 * the channel, the caller's role and the input, runs the handler, and answers `{ok,value|error}`. It never
 * throws.
 */
export async function dispatch(
  registry: Registry,
  channelName: unknown,
  rawInput: unknown,
  sender: SenderInfo,
): Promise<ApiResult<unknown>> {
  try {
    if (!isTrustedSender(sender, registry.trustedOrigin)) {
      return { ok: false, error: { code: 'FORBIDDEN_SENDER', message: '拒绝来自非本程序窗口的请求' } };
    }
    if (typeof channelName !== 'string' || !channelNamePattern.test(channelName) || !(channelName in channels)) {
      return {
        ok: false,
        error: { code: 'UNKNOWN_CHANNEL', message: `未知的接口：${String(channelName).slice(0, 80)}` },
      };
    }
    const name = channelName as ChannelName;
    const spec = channels[name];
    if (spec.access !== 'public') {
      const user = registry.session.user;
      if (!user) return { ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录' } };
      if (roleRank[user.role] < accessRank[spec.access]) {
        return { ok: false, error: { code: 'FORBIDDEN', message: '当前账号无权执行此操作' } };
      }
    }
    const parsed = spec.input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      const issues = formatIssues(parsed.error);
      const text = issues.map((i) => (i.path ? `${i.path}：${i.message}` : i.message)).join('；');
      return { ok: false, error: { code: 'INVALID_INPUT', message: `输入有误：${text}`, issues } };
    }
    const handler = registry.handlers[name] as (input: unknown, ctx: CallContext) => unknown;
    const value = await handler(parsed.data, makeContext(registry));
    if (registry.validateOutput) {
      const checked = spec.output.safeParse(value);
      if (!checked.success) {
        throw new Error(`Output of ${name} does not match its schema: ${JSON.stringify(formatIssues(checked.error))}`);
      }
    }
    return { ok: true, value };
  } catch (error) {
    if (!(error instanceof AppError)) {
      // Unexpected errors are programming faults: keep the details for the developer's console.
      console.error(`[careinspect] ${String(channelName)} failed:`, error);
    }
    return { ok: false, error: toApiError(error) };
  }
}
