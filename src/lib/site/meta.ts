/** Names and texts used across the site's chrome. */
export const SITE_NAME = '投诉处理之道与术 · 培训手册';
export const SITE_SHORT_NAME = '投诉处理之道与术';
export const SITE_DESCRIPTION = '写给银行网点员工的投诉预防与处理培训手册：理念、流程、话术与按岗位整理的真实案例。';
