import { applyDecorators, HttpStatus } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiProperty,
  ApiPropertyOptional,
  ApiResponse,
  DECORATORS,
  getSchemaPath,
  type ResponseObject,
} from '@nestjs/swagger';

class FieldProblemSchema {
  @ApiProperty({ example: 'title' })
  field: string;

  @ApiProperty({ example: 'title should not be empty' })
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
  [HttpStatus.UNAUTHORIZED]: 'No bearer token, or one that is invalid or has expired.',
  [HttpStatus.FORBIDDEN]:
    'Not an active person in the directory, or not in a role or position to do this.',
  [HttpStatus.NOT_FOUND]: 'No such record.',
  [HttpStatus.CONFLICT]: 'The command conflicts with the current stage or an existing record.',
  [HttpStatus.GONE]: 'It was good once, and is no longer (spent, expired or passed on).',
  [HttpStatus.PAYLOAD_TOO_LARGE]: 'The request body is larger than the configured limit.',
  [HttpStatus.UNPROCESSABLE_ENTITY]: 'Well-formed, but refers to something that does not exist.',
  [HttpStatus.TOO_MANY_REQUESTS]:
    "The caller's budget of requests is spent; Retry-After says when to try again.",
  [HttpStatus.SERVICE_UNAVAILABLE]: 'A service the command needs is down; nothing was recorded.',
};

/** One problem+json response as the document describes it. */
export function problemResponse(status: HttpStatus): ResponseObject {
  return {
    description: DESCRIPTIONS[status] ?? '',
    content: {
      'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDetailsSchema) } },
    },
  };
}

/**
 * Documents the problem+json error responses an endpoint can give. A problem several decorators
 * know of (a UUID path id's 400, and the route's own list) is documented once.
 */
export function ApiProblemResponses(...statuses: HttpStatus[]): MethodDecorator & ClassDecorator {
  return (target: object, key?: string | symbol, descriptor?: PropertyDescriptor) => {
    const documented: object =
      Reflect.getMetadata(DECORATORS.API_RESPONSE, descriptor?.value ?? target) ?? {};
    applyDecorators(
      ApiExtraModels(ProblemDetailsSchema),
      ...statuses
        .filter((status) => !(status in documented))
        .map((status) => ApiResponse({ status, ...problemResponse(status) })),
    )(target, key as string | symbol, descriptor as PropertyDescriptor);
  };
}

/** What a command on an existing record can answer besides success: 409 says why not now. */
export const COMMAND_PROBLEMS = [
  HttpStatus.BAD_REQUEST,
  HttpStatus.FORBIDDEN,
  HttpStatus.NOT_FOUND,
  HttpStatus.CONFLICT,
] as const;
