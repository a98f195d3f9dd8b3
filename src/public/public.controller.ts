import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiCommonErrors, ApiErrors } from '../openapi/api-errors.decorator.js';
import { Public } from '../auth/auth.decorators.js';
import { ComplaintsService } from '../complaints/complaints.service.js';
import { PublicComplaintPage } from '../complaints/dto/complaint-list.view.js';
import { PageQuery } from '../complaints/dto/list-complaints.query.js';

/** Open to everyone, no account: content of verified, non-confidential, non-archived complaints only, never who reported them. */
@ApiTags('public')
@Public()
@ApiCommonErrors()
@Controller({ path: 'public/complaints', version: '1' })
export class PublicController {
  constructor(private readonly complaints: ComplaintsService) {}

  @Get()
  @ApiOperation({
    operationId: 'listPublicComplaints',
    summary: 'Public transparency: complaints a verifier has disposed to an agency — never unverified, archived or confidential ones — newest first, contact data scrubbed from their text, never reporter data',
  })
  @ApiOkResponse({ type: PublicComplaintPage })
  @ApiErrors(400)
  list(@Query() query: PageQuery): Promise<PublicComplaintPage> {
    return this.complaints.listPublic(query);
  }
}
