/**
 * Jackson serializers of {@link io.cdiconnections.sql.Table} and {@link io.cdiconnections.sql.Row},
 * named by {@code @JsonSerialize} on those classes. Loaded only by Jackson, so only where it is.
 */
package io.cdiconnections.json.jackson;
