/**
 * GET a JSON document from CBS or PDOK, turning every way that can fail into one message a user can act on:
 * - no answer at all (DNS, refused, reset, timeout) → "Could not reach <host> (…)" with what to do offline;
 * - an HTTP error → the URL, the status and what the service said about it;
 * - an answer that is not JSON (a WFS exception report, a proxy's login page) → the URL and its first characters.
 * A 5xx is retried once: both services answer a busy moment with 502/503 now and then. So is a connection that
 * drops mid-request (a kept-alive socket the server had just closed); no answer at all is not retried, offline a
 * retry would only double the wait.
 */
import { HttpStatusError, UserError } from './errors.ts';

export interface HttpOptions {
  fetch: typeof fetch;
  /** Per attempt, from sending the request to the last byte of the answer. */
  timeoutMs: number;
  /** Pause before retrying a 5xx. */
  retryDelayMs: number;
}

const OFFLINE_HINT = 'check the internet connection, or download the files and use `npm run import:cbs`';

/** What undici puts in `cause.code`, in words. */
const NETWORK_CODES: Record<string, string> = {
  ENOTFOUND: 'host name not found',
  EAI_AGAIN: 'host name not found',
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ETIMEDOUT: 'connection timed out',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
  UND_ERR_SOCKET: 'connection closed',
  ENETUNREACH: 'network unreachable',
  EHOSTUNREACH: 'host unreachable',
};

function codeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as { code?: unknown; errors?: unknown };
  if (typeof e.code === 'string') return e.code;
  // Connecting to a host with several addresses fails with an AggregateError of one error per address.
  return Array.isArray(e.errors) ? codeOf(e.errors[0]) : undefined;
}

/** Connections that were there and broke off, as opposed to no connection at all. */
const DROPPED = new Set(['ECONNRESET', 'UND_ERR_SOCKET']);

const networkCode = (error: unknown) => codeOf(error instanceof Error ? error.cause : undefined) ?? codeOf(error);

function reasonOf(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && error.name === 'TimeoutError') return `no answer within ${timeoutMs / 1000} s`;
  const cause = error instanceof Error ? error.cause : undefined;
  const code = networkCode(error);
  if (code !== undefined) return NETWORK_CODES[code] ?? code;
  if (cause instanceof Error) return cause.message;
  return error instanceof Error ? error.message : String(error);
}

function unreachable(url: string, error: unknown, timeoutMs: number): UserError {
  return new UserError(`Could not reach ${new URL(url).host} (${reasonOf(error, timeoutMs)}): ${OFFLINE_HINT}`);
}

/** What the service says in an error body: CBS OData's `odata.error`, an OGC problem (RFC 7807), a WFS exception. */
function detailOf(text: string): string | undefined {
  let said: string | undefined;
  try {
    const json = JSON.parse(text) as Record<string, unknown>;
    const odata = json['odata.error'] as { message?: { value?: unknown } } | undefined;
    const candidates = [odata?.message?.value, json.detail, json.title, json.description, json.message];
    said = candidates.find((c): c is string => typeof c === 'string' && c.trim() !== '');
  } catch {
    said = /<(?:\w+:)?ExceptionText>([\s\S]*?)<\//.exec(text)?.[1];
  }
  const clean = said?.replace(/\s+/g, ' ').trim();
  return clean ? (clean.length > 300 ? `${clean.slice(0, 300)}…` : clean) : undefined;
}

type Attempt = { response: Response; text: string } | { failure: unknown };

async function attempt(url: string, options: HttpOptions): Promise<Attempt> {
  try {
    const response = await options.fetch(url, {
      headers: { accept: 'application/json, application/geo+json;q=0.9' },
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    // The timeout covers the body too: a connection that stalls halfway is as dead as one that never answers.
    return { response, text: await response.text() };
  } catch (failure) {
    return { failure };
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function getJson(url: string, options: HttpOptions): Promise<unknown> {
  for (let tries = 1; ; tries++) {
    const answer = await attempt(url, options);
    if ('failure' in answer) {
      const code = networkCode(answer.failure);
      if (tries === 1 && code !== undefined && DROPPED.has(code)) {
        await sleep(options.retryDelayMs);
        continue;
      }
      throw unreachable(url, answer.failure, options.timeoutMs);
    }
    const { response, text } = answer;
    if (response.ok) {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        const start = text.replace(/\s+/g, ' ').trim().slice(0, 120);
        throw new UserError(`${url} did not answer JSON (it began with: ${start || '(nothing)'})`);
      }
    }
    if (response.status >= 500 && tries === 1) {
      await sleep(options.retryDelayMs);
      continue;
    }
    const status = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
    const again = tries > 1 ? ', also when tried again' : '';
    const detail = detailOf(text);
    throw new HttpStatusError(`${url} answered ${status}${again}${detail ? `: ${detail}` : ''}`, url, response.status);
  }
}
