import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ApiError, errorBody } from './errors.js';

/** Fastify's own error codes that are the client's fault, mapped onto the registry. */
const FASTIFY_CODES: Record<string, ApiError['code']> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'HTTP-413',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'HTTP-415',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'HTTP-400',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'HTTP-400',
  FST_ERR_CTP_INVALID_JSON_BODY: 'HTTP-400',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'HTTP-415',
  FST_REQ_FILE_TOO_LARGE: 'HTTP-413',
};

/**
 * Answers every error with Qlik's envelope `{errors:[{code,title,detail,status}], traceId}`.
 * Unknown errors are logged with the trace id and answered without internals.
 */
export function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const traceId = String(request.id);
  let apiError: ApiError;
  if (error instanceof ApiError) {
    apiError = error;
  } else if (hasZodFastifySchemaValidationErrors(error)) {
    const issue = error.validation[0];
    const where = issue?.instancePath ?? '';
    const context = error.validationContext ?? 'body';
    apiError = new ApiError(
      'HTTP-400',
      `${context}${where}: ${issue?.message ?? 'invalid'}`,
      context === 'body'
        ? { pointer: where || '/' }
        : { parameter: where.replace(/^\//, '') || context },
    );
  } else if (error.code && FASTIFY_CODES[error.code]) {
    apiError = new ApiError(FASTIFY_CODES[error.code] ?? 'HTTP-400', error.message);
  } else if (error.statusCode === 429) {
    apiError = new ApiError('HTTP-429', 'too many requests; wait and retry');
  } else if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
    apiError = new ApiError('HTTP-400', error.message);
  } else {
    request.log.error({ err: error, traceId }, 'unhandled error');
    apiError = new ApiError('HTTP-500', `an internal error occurred; quote trace id ${traceId}`);
  }
  if (apiError.status >= 400 && apiError.status < 500) {
    request.log.info({ code: apiError.code, status: apiError.status }, 'request refused');
  }
  reply.code(apiError.status).type('application/json').send(errorBody(apiError, traceId));
}
