import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ContactEntity } from './contact.entity';

@Injectable()
export class ContactsService {
  constructor(@InjectRepository(ContactEntity) private readonly contacts: Repository<ContactEntity>) {}
}
