import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { API_ERROR_CODE_LIST, API_ERROR_CODES, type ApiErrorCode } from '@whatrack/shared';

/** The catalogue as the spec's description: one line per code, so Swagger readers see what each one means. */
const CODE_DESCRIPTION =
  'Machine-readable error code, stable across wording changes (switch on it, never on `message`). A newer server ' +
  'may add codes: treat an unknown one by its HTTP status.\n\n' +
  API_ERROR_CODE_LIST.map((code) => `- \`${code}\`: ${API_ERROR_CODES[code]}`).join('\n');

export class ErrorDetailDto {
  @ApiPropertyOptional({ example: 'lead.phone', description: 'Path of the offending field in the request' })
  field?: string;

  @ApiPropertyOptional({
    example: 'invalid_value',
    description:
      'Machine-readable reason for this field: the validation rule that failed (is_string, is_not_empty, max_length, ' +
      'is_email, is_uuid, unknown_field…) or a domain one (invalid_phone, invalid_url, private_target, invalid_value)',
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
    enum: API_ERROR_CODE_LIST,
    enumName: 'ApiErrorCode',
    description: CODE_DESCRIPTION,
  })
  code: ApiErrorCode;

  @ApiProperty({ example: 'lead.phone must be a valid phone number' })
  message: string;

  @ApiPropertyOptional({ type: [ErrorDetailDto] })
  details?: ErrorDetailDto[];
}
