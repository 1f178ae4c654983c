/**
 * Users and their API tokens, managed together: the user administration and token endpoints, the entities
 * and repositories behind them, user-name rules and the first administrator's bootstrap. Authentication by
 * token lives in {@code dev.labforge.access.token}, which this package uses and which knows nothing of it.
 */
package dev.labforge.access.user;
