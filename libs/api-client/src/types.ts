import type { components, paths } from './schema.gen.js';

/** Every schema of the spec, e.g. `Schemas['StageResponseDto']`. */
export type Schemas = components['schemas'];
export type Schema<Name extends keyof Schemas> = Schemas[Name];
export type ApiPath = keyof paths;

export type AuthResponse = Schemas['AuthResponseDto'];
export type MeResponse = Schemas['MeResponseDto'];
export type LoginBody = Schemas['LoginDto'];
export type RegisterBody = Schemas['RegisterDto'];
export type User = Schemas['UserResponseDto'];
export type Organization = Schemas['OrganizationResponseDto'];
export type Stage = Schemas['StageResponseDto'];
export type StageList = Schemas['StageListResponseDto'];
export type ApiKey = Schemas['ApiKeyResponseDto'];
