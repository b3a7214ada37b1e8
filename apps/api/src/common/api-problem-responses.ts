import { applyDecorators, HttpStatus } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiProperty,
  ApiPropertyOptional,
  ApiResponse,
  getSchemaPath,
} from '@nestjs/swagger';

class FieldProblemSchema {
  @ApiProperty({ example: 'dueAt' })
  field: string;

  @ApiProperty({ example: 'dueAt must be a valid ISO 8601 date string' })
  message: string;
}

/** RFC 9457 problem details, as documented in the OpenAPI description. */
export class ProblemDetailsSchema {
  @ApiProperty({ example: 'urn:safeguarding:problem:validation' })
  type: string;

  @ApiProperty({ example: 'The request is not valid' })
  title: string;

  @ApiProperty({ example: 400 })
  status: number;

  @ApiPropertyOptional()
  detail?: string;

  @ApiPropertyOptional({ example: '/actions' })
  instance?: string;

  @ApiPropertyOptional({ description: 'Echoes x-request-id, to find the request in the logs.' })
  requestId?: string;

  @ApiPropertyOptional({ type: [FieldProblemSchema], description: 'One entry per bad field.' })
  errors?: FieldProblemSchema[];
}

const DESCRIPTIONS: Partial<Record<HttpStatus, string>> = {
  [HttpStatus.BAD_REQUEST]: 'Invalid input; `errors` names each field.',
  [HttpStatus.NOT_FOUND]: 'No such record.',
  [HttpStatus.CONFLICT]: 'The command conflicts with the current stage or an existing record.',
  [HttpStatus.UNPROCESSABLE_ENTITY]: 'Well-formed, but refers to something that does not exist.',
  [HttpStatus.SERVICE_UNAVAILABLE]: 'A service the command needs is down; nothing was recorded.',
};

/** Documents the problem+json error responses an endpoint can give. */
export function ApiProblemResponses(...statuses: HttpStatus[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiExtraModels(ProblemDetailsSchema),
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: DESCRIPTIONS[status],
        content: {
          'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDetailsSchema) } },
        },
      }),
    ),
  );
}

/** What a command on an existing record can answer besides success: 409 says why not now. */
export const COMMAND_PROBLEMS = [
  HttpStatus.BAD_REQUEST,
  HttpStatus.FORBIDDEN,
  HttpStatus.NOT_FOUND,
  HttpStatus.CONFLICT,
] as const;
