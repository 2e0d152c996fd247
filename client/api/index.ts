export { ApiError, isApiError, messageOf } from './error';
export { request } from './request';
export { stations } from './stations';
