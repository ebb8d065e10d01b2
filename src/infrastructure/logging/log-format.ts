import type { DestinationStream } from 'pino';
import pinoPretty from 'pino-pretty';

export type LogFormat = 'json' | 'pretty';

/**
 * JSON lines unless told otherwise, so production log shippers always get JSON; a developer
 * running the service by hand in a terminal gets readable lines. `LOG_FORMAT` overrides both.
 */
export function chooseLogFormat(
  setting: LogFormat | undefined,
  nodeEnv: string,
  stdoutIsTty: boolean | undefined,
): LogFormat {
  if (setting) return setting;
  return nodeEnv === 'development' && stdoutIsTty === true ? 'pretty' : 'json';
}

/** One line per entry: time, level, `[context]`, the request and its answer, the message. */
export function prettyLogStream(colorize: boolean): DestinationStream {
  return pinoPretty({
    colorize,
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: 'pid,hostname,context,req,res,responseTime,correlationId',
    messageFormat:
      '{if context}[{context}] {end}{if req.method}{req.method} {req.url} {res.statusCode} {responseTime}ms {correlationId} {end}{msg}',
    singleLine: true,
    // In-process and synchronous: the stream must not lose the last lines before an exit.
    sync: true,
  });
}
