/**
 * The machinery of cdi-connections, and, in this package itself, the few text helpers below the
 * API: how a secret is masked ({@code Redaction}), how a duration is written ({@code Durations}),
 * how a connection's section is read and named ({@code SecretsReader}). Those import no other
 * package of the library, so the API packages may use them without a circle; the subpackages
 * ({@code cdi}, {@code registry}, {@code health}) sit above the API and the API never uses them.
 *
 * <p>Not an API: applications never import anything under {@code io.cdiconnections.internal},
 * the published Javadoc leaves it out, and it changes without notice (docs/architecture.md).
 */
package io.cdiconnections.internal;
