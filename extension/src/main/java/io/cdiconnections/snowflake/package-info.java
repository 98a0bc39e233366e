/**
 * The built-in Snowflake connection types: {@link io.cdiconnections.snowflake.SnowflakeConnection}
 * (type {@code snowflake}) and the deprecated {@link io.cdiconnections.snowflake.SnowparkConnection}
 * (type {@code snowpark}). The Snowflake JDBC driver and Snowpark are optional dependencies: this
 * package reaches them by class name and reflection only, so it loads without them and says which
 * Maven coordinates to add when they are needed.
 */
package io.cdiconnections.snowflake;
