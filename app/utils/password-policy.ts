// NCSC guidance: length over complexity. No composition rules.
export const MIN_PASSWORD_LENGTH = 12;
