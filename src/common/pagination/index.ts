export * from './page-query.dto';
export * from './api-page-response.decorator';
export * from './sortable-page-query';
