import { Global, Module } from '@nestjs/common';
import { IntegrationClientsController } from './integration-clients.controller.js';
import { IntegrationClientsRepository } from './integration-clients.repository.js';
import { IntegrationClientsService } from './integration-clients.service.js';

/** Integration clients and their keys; global because the auth guard asks it who a key belongs to. */
@Global()
@Module({
  controllers: [IntegrationClientsController],
  providers: [IntegrationClientsRepository, IntegrationClientsService],
  exports: [IntegrationClientsService],
})
export class IntegrationClientsModule {}
