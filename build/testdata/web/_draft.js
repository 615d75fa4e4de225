export const draft = 1;
