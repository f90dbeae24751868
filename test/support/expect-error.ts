import { Response } from 'supertest';

/** Asserts the global error shape; status and body are compared together so a failure shows what the API answered. */
export function expectError(response: Response, statusCode: number, code: string): void {
  expect({ status: response.status, body: response.body }).toMatchObject({
    status: statusCode,
    body: { statusCode, code, message: expect.any(String), requestId: expect.any(String) },
  });
}

/** Asserts a 400 VALIDATION_FAILED whose `details` name at least `fields`. */
export function expectInvalidFields(response: Response, fields: string[]): void {
  expectError(response, 400, 'VALIDATION_FAILED');
  const reported = (response.body.details as { field: string }[]).map((detail) => detail.field);
  expect(reported).toEqual(expect.arrayContaining(fields));
}
