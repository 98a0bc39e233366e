/**
 * Health of connections: {@link io.cdiconnections.internal.health.ConnectionProbe} checks every
 * connection the application declared or used (and, for the secrets checker, every section)
 * within a timeout, without any health API;
 * {@link io.cdiconnections.internal.health.ConnectionsReadinessCheck} reports it as a MicroProfile
 * Health {@code @Readiness} check. The jar's {@code beans.xml} lets discovery find the latter only
 * when the MicroProfile Health API is on the class path, and nothing outside this package refers
 * to it.
 */
package io.cdiconnections.internal.health;
