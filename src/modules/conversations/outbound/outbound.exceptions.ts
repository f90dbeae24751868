import { HttpStatus } from '@nestjs/common';
import { AppException } from 'src/common/exceptions/app.exception';

export enum OutboundErrorCode {
  ContactBlocked = 'MESSAGE_CONTACT_BLOCKED',
  NoPatientChat = 'MESSAGE_NO_PATIENT_CHAT',
}

const OUTBOUND_ERROR_STATUS: Record<OutboundErrorCode, HttpStatus> = {
  [OutboundErrorCode.ContactBlocked]: HttpStatus.CONFLICT,
  [OutboundErrorCode.NoPatientChat]: HttpStatus.CONFLICT,
};

export class OutboundException extends AppException {
  constructor(code: OutboundErrorCode, message: string) {
    super(code, OUTBOUND_ERROR_STATUS[code], message);
  }
}
