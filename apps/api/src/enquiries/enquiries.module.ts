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

@Module({
  imports: [PoliciesModule],
  controllers: [EnquiriesController, EnquiryCommandsController, EnquiryListsController],
  providers: [
    EnquiriesService,
    EnquiryAccess,
    EnquiryCommandsService,
    EnquiryListsService,
    NamedPeople,
  ],
})
export class EnquiriesModule {}
