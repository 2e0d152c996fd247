// Notice limits without zod, so the client can import them (schemas/notices.ts re-exports them).

export const MAX_NOTICE_TITLE_CHARS = 60;
export const MAX_NOTICE_BODY_CHARS = 5000;
export const MAX_NOTICE_PHOTOS = 9;
