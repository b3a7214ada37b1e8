import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { describeRequestPipeline, methodsByPath } from './common/api-document';
import { ProblemDetailsFilter } from './common/problem-details.filter';
import { createValidationPipe } from './common/validation';

/** Everything an app instance needs beyond its modules: shared by main, tests and the spec writer. */
export function configureApp(app: INestApplication): OpenAPIObject {
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  const document = describeRequestPipeline(
    SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle('Safeguarding orchestration API')
        .setDescription(
          'Chases and escalates multi-agency safeguarding work: Section 42 enquiries, meeting actions and professional disagreements. Errors are application/problem+json (RFC 9457).',
        )
        .setVersion('0.1.0')
        .addBearerAuth()
        // Every operation needs a token except the few marked public in the code.
        .addSecurityRequirements('bearer')
        .build(),
    ),
  );
  app.useGlobalFilters(new ProblemDetailsFilter(methodsByPath(document)));
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  return document;
}
