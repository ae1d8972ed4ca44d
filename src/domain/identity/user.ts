import type { DepartmentId, UserId } from '../shared/brand';
import type { Role } from './roles';

export type UserStatus = 'active' | 'disabled';
export type Locale = 'zh-CN' | 'en';

export type UserDepartment = {
  readonly id: DepartmentId;
  readonly code: string;
  readonly name: string;
  readonly isPrimary: boolean;
};

/** A staff account. The password hash never leaves the repository except for verification. */
export type User = {
  readonly id: UserId;
  readonly username: string;
  readonly displayName: string;
  readonly email: string | null;
  readonly phone: string | null;
  readonly locale: Locale;
  readonly timeZone: string;
  readonly status: UserStatus;
  readonly mustChangePassword: boolean;
  readonly failedLoginCount: number;
  readonly lockedUntil: Date | null;
  readonly lastLoginAt: Date | null;
  readonly passwordChangedAt: Date;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly version: number;
  readonly roles: readonly Role[];
  readonly departments: readonly UserDepartment[];
};
