import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ErrorDetailDto {
  @ApiPropertyOptional({ example: 'lead.phone', description: 'Path of the offending field in the request' })
  field?: string;

  @ApiPropertyOptional({
    example: 'invalid_value',
    description: 'Machine-readable reason for this field (e.g. is_string, max_length, unknown_field, invalid_value)',
  })
  code?: string;

  @ApiProperty({ example: 'lead.phone must be a valid phone number' })
  message: string;
}

/** The one error body every endpoint answers with. */
export class ErrorResponseDto {
  @ApiProperty({ example: 400 })
  statusCode: number;

  @ApiProperty({ example: 'Bad Request' })
  error: string;

  @ApiProperty({
    example: 'invalid_input',
    description:
      'Machine-readable error code, stable across wording changes: invalid_input (see details), malformed_json, ' +
      'payload_too_large, json_too_deep, invalid_characters, unauthorized, invalid_credentials, forbidden, ' +
      'insufficient_scope, not_found, route_not_found, conflict, already_exists, unprocessable, rate_limited, ' +
      'login_locked, statement_timeout, server_busy, database_busy, upstream_error, internal_error…',
  })
  code: string;

  @ApiProperty({ example: 'lead.phone must be a valid phone number' })
  message: string;

  @ApiPropertyOptional({ type: [ErrorDetailDto] })
  details?: ErrorDetailDto[];
}
