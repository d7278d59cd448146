export const PRODUCT = 'Local Buyer Intelligence';

/** A browser tab title: the page first, then the product. */
export const pageTitle = (page: string): string => `${page} · ${PRODUCT}`;
