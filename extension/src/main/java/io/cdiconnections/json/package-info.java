/**
 * {@link io.cdiconnections.sql.Table} and {@link io.cdiconnections.sql.Row} as JSON: an array of
 * objects and an object, with JSON-B (this package) and Jackson ({@code .jackson}). Both are
 * named by annotations on the two classes, so they apply without registration wherever the
 * library is present, and the JVM ignores the annotations where it is not.
 */
package io.cdiconnections.json;
