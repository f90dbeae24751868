import { ArgumentMetadata } from '@nestjs/common';
import { createValidationPipe } from 'src/common/validation/validation';
import { SendMessageDto } from './send-message.dto';

const metadata: ArgumentMetadata = { type: 'body', metatype: SendMessageDto };
const pdf = { url: 'https://files.example.com/preparo.pdf', mimetype: 'application/pdf' };
const templateId = '2e4f6a8c-0e1d-4c3b-9a5f-7d9b1c3e5a7f';

describe(SendMessageDto.name, () => {
  const pipe = createValidationPipe();

  function fieldErrors(body: unknown): Promise<unknown> {
    return pipe.transform(body, metadata).then(
      () => null,
      (error: { code: string; details: unknown }) => ({ code: error.code, details: error.details }),
    );
  }

  it('should trim the text and turn it into outbound input', async () => {
    const dto = (await pipe.transform({ text: '  Bom dia!  ' }, metadata)) as SendMessageDto;
    expect(dto.toInput()).toEqual({ text: 'Bom dia!' });
  });

  it('should accept a template with its variables', async () => {
    const dto = (await pipe.transform({ template_id: templateId, variables: { data: '25/11' } }, metadata)) as SendMessageDto;
    expect(dto).toMatchObject({ template_id: templateId, variables: { data: '25/11' } });
  });

  it('should accept media alone', async () => {
    const dto = (await pipe.transform({ media: { ...pdf, filename: ' preparo.pdf ', caption: 'Segue' } }, metadata)) as SendMessageDto;
    expect(dto.toInput()).toEqual({ media: { ...pdf, filename: 'preparo.pdf', caption: 'Segue' } });
  });

  it.each([
    ['neither text nor media', {}, [{ field: 'text', errors: ['exactly one of text, media or template_id is required'] }]],
    ['null for both', { text: null, media: null }, [{ field: 'text', errors: ['exactly one of text, media or template_id is required'] }]],
    ['both text and media', { text: 'oi', media: pdf }, [{ field: 'text', errors: ['send only one of text, media or template_id'] }]],
    ['both text and a template', { text: 'oi', template_id: templateId }, [{ field: 'text', errors: ['send only one of text, media or template_id'] }]],
    ['a malformed template id', { template_id: 'abc' }, [{ field: 'template_id', errors: ['template_id must be a UUID'] }]],
    ['variables without a template', { text: 'oi', variables: { nome: 'Ana' } }, [{ field: 'variables', errors: ['variables may only be sent with template_id'] }]],
    ['variables that are not strings', { template_id: templateId, variables: { nome: 1 } }, [{ field: 'variables', errors: ['variables values must be strings (key "nome")'] }]],
    ['variables as an array', { template_id: templateId, variables: ['nome'] }, [{ field: 'variables', errors: ['variables must be an object of strings'] }]],
    ['blank text', { text: '   ' }, [{ field: 'text', errors: [expect.stringContaining('1 to 4096 characters')] }]],
    ['text past 4096 characters', { text: 'a'.repeat(4097) }, [{ field: 'text', errors: [expect.stringContaining('1 to 4096')] }]],
    ['a number as text', { text: 42 }, [{ field: 'text', errors: [expect.stringContaining('must be a string')] }]],
    ['a file URL', { media: { ...pdf, url: 'file:///etc/passwd' } }, [{ field: 'media.url', errors: ['url must be an http or https URL'] }]],
    ['an internal IP', { media: { ...pdf, url: 'http://10.0.0.5/x.pdf' } }, [{ field: 'media.url', errors: ['url must use a public host name, not an IP address'] }]],
    ['localhost', { media: { ...pdf, url: 'http://localhost:3000/x.pdf' } }, [{ field: 'media.url', errors: ['url must be an http or https URL'] }]],
    ['a javascript URL', { media: { ...pdf, url: 'javascript:alert(1)' } }, [{ field: 'media.url', errors: ['url must be an http or https URL'] }]],
    ['a mimetype outside the allow-list', { media: { ...pdf, mimetype: 'application/x-msdownload' } }, [{ field: 'media.mimetype', errors: [expect.any(String)] }]],
    ['an unknown field', { text: 'oi', priority: 'high' }, [{ field: 'priority', errors: ['property priority should not exist'] }]],
    ['an unknown media field', { media: { ...pdf, size: 1 } }, [{ field: 'media.size', errors: ['property size should not exist'] }]],
  ])('should answer VALIDATION_FAILED for %s', async (_label, body, details) => {
    await expect(fieldErrors(body)).resolves.toEqual({ code: 'VALIDATION_FAILED', details });
  });

  it('should refuse a URL longer than 2048 characters', async () => {
    const details = (await fieldErrors({ media: { ...pdf, url: `https://example.com/${'a'.repeat(2040)}` } })) as { details: { field: string }[] };
    expect(details.details.map((detail) => detail.field)).toEqual(['media.url']);
  });
});
