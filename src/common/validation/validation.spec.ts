import { ArgumentMetadata } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsEmail, IsInt, ValidateNested } from 'class-validator';
import { createValidationPipe } from './validation';

class Child {
  @IsEmail() email!: string;
}

class Parent {
  @IsInt() count!: number;
  @ValidateNested() @Type(() => Child) child!: Child;
}

const metadata: ArgumentMetadata = { type: 'body', metatype: Parent };

describe('createValidationPipe', () => {
  const pipe = createValidationPipe();

  it('should report each field with dotted paths for nested objects', async () => {
    await expect(pipe.transform({ count: 'x', child: { email: 'nope' } }, metadata)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [
        { field: 'count', errors: ['count must be an integer number'] },
        { field: 'child.email', errors: ['email must be an email'] },
      ],
    });
  });

  it('should reject unknown fields', async () => {
    await expect(pipe.transform({ count: 1, child: { email: 'a@b.co' }, extra: 1 }, metadata)).rejects.toMatchObject({
      details: [{ field: 'extra', errors: ['property extra should not exist'] }],
    });
  });

  it('should pass valid input through as a class instance', async () => {
    await expect(pipe.transform({ count: 1, child: { email: 'a@b.co' } }, metadata)).resolves.toBeInstanceOf(Parent);
  });
});
