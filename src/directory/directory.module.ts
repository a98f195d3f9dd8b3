import { Module } from '@nestjs/common';
import { AgenciesRepository } from './agencies.repository.js';
import { OfficersRepository } from './officers.repository.js';

/** Agencies, units and officer accounts, shared by the pickers (reference) and administration. */
@Module({ providers: [AgenciesRepository, OfficersRepository], exports: [AgenciesRepository, OfficersRepository] })
export class DirectoryModule {}
