/**
 * A JAX-RS {@code MessageBodyWriter} for {@link io.cdiconnections.sql.Table} and
 * {@link io.cdiconnections.sql.Row}: a resource method that returns one answers with the same
 * JSON as JSON-B writes, without going through JSON-B. Found by the server's scan for
 * {@code @Provider}; loaded only by JAX-RS, so only where it is.
 */
package io.cdiconnections.json.jaxrs;
