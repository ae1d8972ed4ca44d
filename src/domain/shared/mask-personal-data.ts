/**
 * Masks personal data for roles that may not see it (R-SEC-1, 个人信息保护法).
 * Phones keep the first 3 and last 4 digits (the form Chinese users recognise: 138****5678);
 * short numbers keep only the last 2. E-mail keeps the first character of the local part and the domain.
 */
export const maskPhone = (phone: string): string => {
  const digits = [...phone];
  if (digits.length >= 11) return `${digits.slice(0, 3).join('')}****${digits.slice(-4).join('')}`;
  if (digits.length > 4) return `${'*'.repeat(digits.length - 2)}${digits.slice(-2).join('')}`;
  return '*'.repeat(digits.length);
};

export const maskEmail = (email: string): string => {
  const at = email.lastIndexOf('@');
  if (at <= 0) return maskPhone(email);
  const local = [...email.slice(0, at)];
  return `${local[0] ?? ''}***${email.slice(at)}`;
};
