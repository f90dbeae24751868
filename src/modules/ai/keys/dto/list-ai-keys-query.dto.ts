import { SortablePageQueryDto } from 'src/common/pagination';

export const AI_KEY_SORT_FIELDS = ['created_at'] as const;

export class ListAiKeysQueryDto extends SortablePageQueryDto(AI_KEY_SORT_FIELDS, 'created_at') {}
