/**
 * Health of connections: {@link io.cdiconnections.health.ConnectionProbe} checks every connection
 * within a timeout, without any health API; {@link io.cdiconnections.health.ConnectionsReadinessCheck}
 * reports it as a MicroProfile Health {@code @Readiness} check. The CDI extension registers the
 * latter only when the MicroProfile Health API is on the class path, so nothing outside this
 * package refers to it.
 */
package io.cdiconnections.health;
