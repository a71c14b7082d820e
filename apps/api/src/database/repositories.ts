import { LoginAttemptsRepository } from '../modules/auth/login-attempts.repository';

/**
 * Every repository class: the SQL snapshot test renders each one's statements. A repository is stateless (no
 * constructor arguments): its methods take the Db to run on, so a service composes them inside one transaction.
 */
export const REPOSITORIES: (new () => object)[] = [LoginAttemptsRepository];
