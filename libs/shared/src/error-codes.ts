/**
 * Every `code` an API error body can carry, with what it means. It is the contract clients switch on: the API can only
 * answer with a code listed here (its error types are typed by this list), the OpenAPI spec documents it as an enum,
 * and the SPA must translate every one of them (its message table is typed by this list too).
 */
export const API_ERROR_CODES = {
  // The request itself
  invalid_input: 'A field is missing or invalid: `details` names each field with its own code',
  malformed_json: 'The body is not valid JSON',
  json_too_deep: 'The JSON body nests objects or arrays too deeply',
  payload_too_large: 'The body or the uploaded file is too large',
  unsupported_encoding: 'The Content-Encoding is not identity, gzip, deflate or br',
  unsupported_charset: 'The body is not UTF-8',
  unsupported_media_type: 'The Content-Type is not one this endpoint accepts',
  invalid_encoding: 'The body does not match its Content-Encoding',
  invalid_body_length: 'The body does not match its Content-Length',
  request_aborted: 'The body was not received whole',
  malformed_request: 'The request line or its headers are malformed',
  uri_too_long: 'The URL is too long',
  headers_too_large: 'The request headers are too large',
  invalid_characters: 'A value contains a character that cannot be stored (NUL)',
  invalid_format: 'A value has an invalid format',
  out_of_range: 'A value is out of the allowed range',
  too_long: 'A value is longer than allowed',
  too_complex: 'The request is too complex to answer',
  method_not_allowed: 'The route does not accept this HTTP method',
  route_not_found: 'No endpoint has this path',
  // Who is asking
  unauthorized: 'No valid session or API key: sign in again or send a valid key',
  invalid_credentials: 'Wrong e-mail or password',
  login_locked: 'Too many failed sign-ins for this e-mail: wait for the Retry-After seconds',
  email_unavailable: 'The e-mail cannot be used: it belongs to an account already',
  forbidden: 'The caller is signed in but its role does not allow this',
  insufficient_scope: 'The API key lacks the scope this endpoint needs',
  // The records
  not_found: 'The record does not exist in the caller’s organization',
  conflict: 'The record’s state does not allow this change',
  already_exists: 'A record with the same unique value exists',
  reference_conflict: 'The record is referenced by, or references, another record',
  idempotency_key_reused: 'The Idempotency-Key was used before with a different request',
  unprocessable: 'The request is valid but the organization’s state does not allow it',
  last_stage: 'The organization’s last stage cannot be deleted',
  stage_has_tickets: 'The stage has tickets: pass moveTo to move them to another stage first',
  no_whatsapp_line: 'The organization has no WhatsApp line yet: create one first',
  instance_in_use: 'The WhatsApp line has conversations, so it cannot be deleted',
  quick_reply_shortcut_taken: 'Another quick reply of the organization has this shortcut',
  quick_reply_limit_reached: 'The organization has the most quick replies allowed (500): delete one first',
  phone_number_id_taken: 'Another WhatsApp line already has (or verified) this Cloud API phone_number_id',
  not_note_author: "Only the note's author (or an owner/admin) can delete it",
  user_deactivated: 'The user is deactivated: an owner or admin can reactivate them',
  session_revoked: 'The session ended because the password changed: sign in again',
  api_key_creator_deactivated: "The API key's creator is deactivated, so the key is refused until they are reactivated",
  last_owner: "The organization's last active owner cannot be demoted or deactivated",
  owner_required: "Only an owner can change an owner, grant the owner role or reset an owner's password",
  cannot_deactivate_self: 'Nobody can deactivate themselves',
  reset_token_invalid: 'The password-reset link is not valid',
  reset_token_used: 'The password-reset link was used already',
  reset_token_expired: 'The password-reset link expired',
  user_inactive: 'The member is deactivated: reactivate them first',
  user_required: 'Only a signed-in user can do this, not an API key',
  // Replies to WhatsApp
  reply_window_closed: 'The 24-hour window closed: only an approved template can be sent',
  whatsapp_line_not_configured: 'The ticket’s WhatsApp line has no sending credentials',
  lead_without_phone: 'The lead has no WhatsApp number to answer',
  not_retryable: 'The reply is no longer failed, so it cannot be sent again',
  template_not_supported: 'Templates can be sent only through Cloud API lines',
  templates_not_supported: 'Only Cloud API lines have message templates to list',
  instance_credentials_missing: 'The WhatsApp line lacks the credentials this needs (access token, business account)',
  graph_api_refused: 'Meta’s Graph API refused the request with the line’s credentials',
  // Load and dependencies (retry after the Retry-After seconds)
  rate_limited: 'Too many requests: wait for the Retry-After seconds',
  statement_timeout: 'The request took too long and was stopped: narrow it and try again',
  server_busy: 'The server is busy with other reports and searches',
  database_busy: 'The database is busy',
  database_unavailable: 'The database is unavailable',
  service_unavailable: 'The server cannot answer now',
  write_conflict: 'A concurrent change got in the way: try again',
  upstream_error: 'A provider the request depends on (Meta, a gateway) failed or did not answer',
  internal_error: 'An unexpected error: it is logged on the server',
} as const;

export type ApiErrorCode = keyof typeof API_ERROR_CODES;

export const API_ERROR_CODE_LIST = Object.keys(API_ERROR_CODES) as ApiErrorCode[];

export function isApiErrorCode(code: unknown): code is ApiErrorCode {
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(API_ERROR_CODES, code);
}
