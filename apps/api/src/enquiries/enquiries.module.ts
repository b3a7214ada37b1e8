import { Module } from '@nestjs/common';
import { PoliciesModule } from '../policies/policies.module';
import { EnquiriesController } from './enquiries.controller';
import { EnquiriesService } from './enquiries.service';
import { EnquiryAccess } from './enquiry-access';
import { EnquiryCommandsController } from './enquiry-commands.controller';
import { EnquiryCommandsService } from './enquiry-commands.service';
import { EnquiryListsController } from './enquiry-lists.controller';
import { EnquiryListsService } from './enquiry-lists.service';
import { NamedPeople } from '../directory/named-people';
import { ProcessStarter } from '../temporal/process-starter';

@Module({
  imports: [PoliciesModule],
  controllers: [EnquiriesController, EnquiryCommandsController, EnquiryListsController],
  providers: [
    ProcessStarter,
    EnquiriesService,
    EnquiryAccess,
    EnquiryCommandsService,
    EnquiryListsService,
    NamedPeople,
  ],
})
export class EnquiriesModule {}
